"""One place mention → its candidate divisions → one division, or none.

Pure functions over Simplified text (the clean view's ``norm``) and a
:class:`~pdcnlp.places.divisions.Divisions`. A mention is parsed as a chain
of division names (乐山市金口河区金河镇 → 乐山市, 金口河区, then 金河镇, which
the data lacks); each name's candidates are narrowed by the one before it.
When more than one division is left (朝阳区: Beijing or Changchun), the
document's other places decide (:func:`choose`), or nothing does and the
mention stays unresolved with its candidate count: never a silent guess.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .divisions import Division, Divisions, related, within

# Units below the county that the data has no codes for, by their suffix.
SUB_COUNTY = (("街道办事处", "township"), ("街道", "township"), ("苏木", "township"), ("镇", "township"),
              ("乡", "township"), ("社区", "village"), ("嘎查", "village"), ("村", "village"))
# How sure a resolution is, by what decided it (docs/places.md).
CONFIDENCE = {"name": 0.95, "former": 0.9, "short": 0.9, "abbrev": 0.85}
MARGIN = 1.5    # the best candidate's support over the second's, to choose without a tie
CONVENTION = 0.6  # confidence of a reading by convention alone (:func:`convention`)


@dataclass
class Resolution:
    """The division a mention names. ``code`` is None when unresolved (then
    ``candidates`` says how many divisions it could be: 0 = none known)."""

    code: Optional[str] = None
    name: Optional[str] = None
    level: Optional[str] = None
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    # For a unit below the data (a town, a village): the code of the deepest
    # division the text puts it in (金口河区 for 乐山市金口河区金河镇), else None.
    parent_code: Optional[str] = None
    candidates: int = 0
    confidence: float = 0.0
    evidence: str = "none"

    def as_dict(self) -> Dict[str, object]:
        return asdict(self)


def sub_county_level(text: str) -> Optional[str]:
    for suf, level in SUB_COUNTY:
        if text.endswith(suf) and len(text) > len(suf):
            return level
    return None


def parse_chain(text: str, divs: Divisions, min_len: int = 2) -> List[Tuple[int, Tuple[Tuple[Division, str], ...]]]:
    """The division names ``text`` starts with, in order, with their lengths:
    四川省南充市仪陇县委 → [(3, 四川省), (3, 南充市), (3, 仪陇县)]."""
    segs = []
    i = 0
    while i < len(text):
        hit = divs.longest_prefix(text[i:], min_len)
        if hit is None:
            break
        segs.append(hit)
        i += hit[0]
    return segs


def is_short(matches: Sequence[Tuple[Division, str]]) -> bool:
    """Matched only as a short form or abbreviation (仪陇, 京), not a full name."""
    return all(k in ("short", "abbrev") for _, k in matches)


def narrow(segments: Sequence[Tuple[Tuple[Division, str], ...]]) -> Tuple[Tuple[Division, str], ...]:
    """The last name's candidates that lie inside one of the previous name's
    (kept all when none does: a chain the data does not know)."""
    if not segments:
        return ()
    cands = segments[0]
    for seg in segments[1:]:
        inside = tuple(m for m in seg if any(within(m[0].code, p[0].code) for p in cands))
        cands = inside or seg
    return cands


def fill(res: Resolution, divs: Divisions, code: str) -> Resolution:
    """Name, level and chain of ``code`` into ``res``."""
    d = divs.get(code)
    res.code, res.name, res.level = d.code, d.name, d.level
    for c in divs.chain(code):
        setattr(res, c.level, c.name)
    return res


def parents(res: Resolution, divs: Divisions, code: str) -> Resolution:
    """Chain of ``code`` only (a unit below it, which has no code here)."""
    for c in divs.chain(code):
        setattr(res, c.level, c.name)
    res.parent_code = code
    return res


def support(code: str, anchors: Iterable[Tuple[str, float]]) -> float:
    return sum(w * related(code, a) for a, w in anchors)


def choose(cands: Sequence[Tuple[Division, str]], anchors: Sequence[Tuple[str, float]]) -> Tuple[Optional[str], float, str]:
    """(code, confidence, evidence) for a mention's candidates given the
    document's anchors (code, weight): the one candidate, or the one the
    anchors support clearly more than any other; else (None, 0, why)."""
    codes = list(dict.fromkeys(d.code for d, _ in cands))
    if not codes:
        return None, 0.0, "unknown"
    kind = {d.code: k for d, k in cands}
    if len(codes) == 1:
        return codes[0], CONFIDENCE[kind[codes[0]]], f"unique {kind[codes[0]]}"
    scores = sorted(((support(c, anchors), c) for c in codes), reverse=True)
    (best, code), (second, _) = scores[0], scores[1]
    if best > 0 and best >= MARGIN * second and best - second >= 0.5:
        conf = CONFIDENCE[kind[code]] * best / (best + second + 0.5)
        return code, round(min(conf, 0.9), 3), f"context of {len(codes)}"
    tied = [c for s, c in scores if s >= best - 1e-9]
    return convention(tied, kind, len(codes))


def convention(codes: Sequence[str], kind: Dict[str, str], n: int) -> Tuple[Optional[str], float, str]:
    """When the document cannot tell (no support, or a tie), the readings
    reports use: a division over one inside it (辽阳: 辽阳市, not its 辽阳县;
    吉林: the province), the one province among them (海南: 海南省, not
    海南藏族自治州), a current name over a former one (东乡县: Gansu's 东乡族自治县,
    not Jiangxi's former 东乡县, now 东乡区). Else none."""
    outer = [c for c in codes if all(within(o, c) for o in codes)]
    if len(outer) == 1:
        return outer[0], CONVENTION, f"outermost of {n}"
    provinces = [c for c in codes if c.endswith("0000")]
    if len(provinces) == 1:
        return provinces[0], CONVENTION, f"province of {n}"
    current = [c for c in codes if kind[c] in ("name", "short")]
    if len(current) == 1 and len(current) < len(codes):
        return current[0], CONVENTION, f"current of {n}"
    return None, 0.0, f"ambiguous {n}"


def candidates_of(text: str, divs: Divisions) -> Tuple[Tuple[Tuple[Division, str], ...], str, Optional[str]]:
    """(candidates, rest, parent_code): what a GPE's text can mean. ``rest``
    is what follows the known names (金河镇 of 金口河区金河镇); then the
    mention names a unit below ``parent_code``'s candidates and itself has
    no candidates."""
    min_len = 1 if len(text) == 1 else 2
    segs = parse_chain(text, divs, min_len)
    n = sum(k for k, _ in segs)
    if n < len(text):
        # 长岭村: a short form right before the unit's suffix is its name, not its county
        if segs and is_short(segs[-1][1]) and sub_county_level(text[n - segs[-1][0]:]) and len(text) - n <= 2:
            n -= segs.pop()[0]
        return (), text[n:], narrow([m for _, m in segs]) or None
    return narrow([m for _, m in segs]), "", None


def resolve_place(text: str, divs: Divisions, anchors: Sequence[Tuple[str, float]] = ()) -> Resolution:
    """The division a GPE's Simplified text names (see the module doc)."""
    cands, rest, parent = candidates_of(text, divs)
    if rest:
        res = Resolution(level=sub_county_level(rest), evidence="below the data")
        if parent:
            code, _conf, _why = choose(parent, anchors)
            if code:
                parents(res, divs, code)
        return res
    code, conf, why = choose(cands, anchors)
    res = Resolution(candidates=len({d.code for d, _ in cands}), confidence=conf, evidence=why)
    if code:
        fill(res, divs, code)
    elif cands:
        levels = {d.level for d, _ in cands}
        res.level = levels.pop() if len(levels) == 1 else None
    else:
        res.level = sub_county_level(text)
    return res
