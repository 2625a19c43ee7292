"""ORGs and their divisions: a place in the name, or a definite title.

Two kinds of ORG belong to a division (ANNOTATION.md §ORG):

* **named**: the name carries its place (仪隴縣委宣傳部, 南充市仪陇县委,
  中共仪陇县委): the division of that place, and a canonical Simplified name
  with the full division name (仪陇县委宣传部). A short form counts only when
  the division's own suffix or a party/state body follows (仪陇县委,
  仪陇融媒体中心), so 长岭炼化公司 is not put in 长岭县;
* **titled**: named by a title relative to a place (县委, 区委组织部, 该县融媒体中心,
  省委): the level token (县) says which division of the document is meant;
  :func:`resolve_title` takes the nearest explicit place of that kind in the
  sentence, else the document's locality chain, else nothing.

Anything else (中共中央, 国务院, 领导小组 without a prefix) gets no division:
GB/T 2260 has no code for the national level. Pure functions.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, Optional, Sequence, Tuple

from .divisions import Division, Divisions, suffix_of
from .resolve import is_short, narrow, parse_chain

# Words in front of a name that do not change what it names.
PARTY_PREFIX = ("中国共产党", "中共")
DETERMINERS = ("该", "本", "我")
# What may follow a short form for it to be the place of a body (仪陇县委 is
# caught by the suffix; 仪陇融媒体中心 by this).
BODY_WORDS = ("委", "政府", "人大", "政协", "纪委", "监委", "融媒体", "人民", "公安", "党校", "法院", "检察院")


def _ends(suffix: str, levels: Tuple[str, ...]) -> Callable[[Division], bool]:
    return lambda d: d.name.endswith(suffix) and d.level in levels


# Title level tokens, longest first, and which divisions each can mean:
# 市 is a prefecture or a county-level city (阆中市委), 区 a district (not
# an autonomous region: that is 自治区).
LEVEL_TOKENS: Tuple[Tuple[str, Callable[[Division], bool]], ...] = (
    ("自治区", _ends("自治区", ("province",))),
    ("自治州", _ends("自治州", ("city",))),
    ("自治县", _ends("自治县", ("county",))),
    ("省", _ends("省", ("province",))),
    ("市", _ends("市", ("province", "city", "county"))),
    ("州", _ends("州", ("city",))),
    ("盟", _ends("盟", ("city",))),
    ("县", _ends("县", ("county",))),
    ("区", lambda d: d.name.endswith("区") and not d.name.endswith("自治区") and d.level in ("county", "city")),
    ("旗", _ends("旗", ("county",))),
)
SUB_COUNTY_TOKENS = ("镇", "乡", "街道", "村", "社区")
# A unit below the county right after the place: the body is a town's or a
# village's (甘谷县 + 大像山镇机关党支部), not the county's.
_BELOW = re.compile(r"^(?!委|政府|人大|政协|纪委|党)[^委局部办厅院校会组心]{1,6}?(?:镇|乡|街道|社区|村)(?!振兴)")


OPENING = "“\"「『《〈‘'（("


def strip_prefix(text: str) -> str:
    """中共仪陇县委 → 仪陇县委; 该县融媒体中心 → 县融媒体中心; “平湖档案” → 平湖档案”."""
    text = text.lstrip(OPENING)
    for p in PARTY_PREFIX:
        if text.startswith(p) and len(text) > len(p):
            text = text[len(p):]
            break
    for p in DETERMINERS:
        if text.startswith(p) and len(text) > len(p) + 1:
            return text[len(p):]
    return text


def named_place(text: str, divs: Divisions) -> Optional[Tuple[Tuple[Tuple[Division, str], ...], str, bool]]:
    """(candidates, rest, proper) when an ORG's Simplified text starts with
    its place: 仪陇县委宣传部 → ([仪陇县], 委宣传部, False); None when it does
    not. ``proper``: a proper name after a short form (黑龙江日报), which keeps
    its own wording as canonical name."""
    body = strip_prefix(text)
    segs = parse_chain(body, divs)
    while segs:
        n = sum(k for k, _ in segs)
        rest = body[n:]
        last = segs[-1][1]
        if not rest:
            return None             # a place, not a body
        if not is_short(last):
            return narrow([m for _, m in segs]), rest, False
        own = next((s for s in sorted({suffix_of(d.name) for d, _ in last}, key=len, reverse=True)
                    if s and rest.startswith(s)), None)
        if own:
            segs[-1] = (segs[-1][0], tuple(m for m in last if suffix_of(m[0].name) == own))
            return narrow([m for _, m in segs]), rest[len(own):], False
        if rest.startswith(BODY_WORDS):
            return narrow([m for _, m in segs]), rest, False
        if all(d.level != "county" for d, _ in last):
            # 黑龙江日报, 香港商报, 合肥海关: a province's or prefecture's short
            # form names where a body is from; a county's (长岭炼化) may not
            return narrow([m for _, m in segs]), rest, True
        segs.pop()                  # 漠河市公安局: 公安 is part of the body's name, not 公安县
    return None                     # 长岭炼化公司, 张掖日报: a proper name, not a place's body


def below_county(rest: str) -> bool:
    """Whether a named ORG's rest starts with a town or village (its own
    division is then below the data's)."""
    return bool(_BELOW.match(rest))


# What a title's rest must start or end with to be a body (市场星报 is not
# 市 + 场星报).
TITLE_STARTS = BODY_WORDS + ("十", "第", "直", "新时代", "疾控", "财政", "教育", "文", "卫", "民", "农", "乡村振兴",
                             "退役", "妇联", "总工会", "工商联", "团委", "科协", "残联", "红十字")
TITLE_ENDS = ("委", "局", "部", "办", "院", "校", "中心", "会", "站", "队", "所", "组", "团", "厅", "处", "室", "人大",
              "政府", "政协", "联", "社", "台", "馆")


def title_token(text: str) -> Optional[Tuple[str, str]]:
    """(level token, rest) of a definite title: 县委常委会 → (县, 委常委会),
    该县融媒体中心 → (县, 融媒体中心); None when the ORG is not one."""
    body = strip_prefix(text)
    for tok in [t for t, _ in LEVEL_TOKENS] + list(SUB_COUNTY_TOKENS):
        if body.startswith(tok) and len(body) > len(tok):
            rest = body[len(tok):]
            if rest.startswith(TITLE_STARTS) or rest.endswith(TITLE_ENDS):
                return tok, rest
            return None
    return None


def fits(token: str) -> Optional[Callable[[Division], bool]]:
    return dict(LEVEL_TOKENS).get(token)


def resolve_title(token: str, near: Sequence[str], locality: Optional[str], divs: Divisions,
                  locality_confidence: float = 1.0, min_confidence: float = 0.5) -> Tuple[Optional[str], str]:
    """(code, evidence) for a title's level token: the nearest explicit
    place before it in its sentence (``near``: codes, nearest first) whose
    chain has a division of that kind, else the document locality's chain
    when it is sure enough; (None, why) otherwise."""
    test = fits(token)
    if test is None:
        return None, "below the data"
    for code in near:
        hit = _in_chain(code, test, divs)
        if hit:
            return hit, "sentence"
    if locality and locality_confidence >= min_confidence:
        hit = _in_chain(locality, test, divs)
        if hit:
            return hit, "locality"
    return None, "no locality of that level"


def _in_chain(code: str, test: Callable[[Division], bool], divs: Divisions) -> Optional[str]:
    for d in reversed(divs.chain(code)):
        if test(d):
            return d.code
    return None


def canonical(division: Division, rest: str) -> str:
    """仪陇县 + 委宣传部 → 仪陇县委宣传部."""
    return division.name + rest


def org_kind(text: str, divs: Divisions) -> str:
    """named, titled or other (the gold file's ``kind`` for ORGs)."""
    if named_place(text, divs):
        return "named"
    if title_token(text):
        return "titled"
    return "other"


def describe(text: str, divs: Divisions) -> Dict[str, object]:
    """What an ORG's text says about its place, before the document decides."""
    named = named_place(text, divs)
    if named:
        return {"kind": "named", "candidates": named[0], "rest": named[1], "proper": named[2]}
    tt = title_token(text)
    if tt:
        return {"kind": "titled", "token": tt[0], "rest": tt[1]}
    return {"kind": "other"}
