"""Rule-based ORG, GPE and PROGRAMME spans on the clean view.

Pure functions: clean text in, ``(start, end, label)`` out. The lexicons are
data (``resources/entity_rules.json``). The rules aim at precision; they are
one source beside the trained recogniser, scored on their own (issue 5):

* PROGRAMME: the campaign names (党史学习教育 …); quoted names with a
  directly attached generic head (“我为群众办实事”实践活动); quoted names
  right after a carry-out verb (开展“双报到”).
* ORG: a place or definite title plus a body ending on an organisation head
  (仪陇县委老干部局, 云溪区城管局, 市委常委会); definite titles alone (县委,
  省委) unless a position follows (县委书记).
* GPE: a chain of place names with administrative suffixes (乐山市金口河区金河镇),
  never a collective word (全县, 该区) and never inside an ORG.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import List, Tuple

EntitySpan = Tuple[int, int, str]
HAN = "\u4e00-\u9fff"


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(resources.files("pdcnlp.resources").joinpath("entity_rules.json").read_text("utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns():
    lx = lexicon()
    stop = re.escape(lx["stop_chars"])
    body_stop = re.escape(lx["org_body_stop_chars"])
    suffix = _alt(lx["gpe_suffixes"])
    # One link of a place chain: a name stem (no stop char, no suffix char at
    # its start) and an administrative suffix.
    link = rf"[^{stop}\W\d省市县区镇乡村](?:[^{stop}\W\d省市县区镇乡村]){{0,4}}?(?:{suffix})"
    gpe = re.compile(rf"(?:{link})+")
    heads = _alt(lx["org_heads"])
    titles = _alt(lx["org_titles"])
    org = re.compile(
        rf"(?:(?P<gpe>(?:{link})+)|(?P<title>{titles}))"
        rf"(?P<body>[^{body_stop}\W\d]{{0,10}})(?P<head>(?:{heads})+)"
    )
    title_only = re.compile(rf"(?:{titles})(?!{_alt(lx['org_title_not_before'])})")
    quote = re.compile(rf"“[^“”\n]{{1,30}}”(?:[^\W\d“”等]{{0,6}}?(?:{_alt(lx['programme_heads'])}))?")
    names = re.compile(_alt(lx["programme_names"]))
    verbs = re.compile(rf"(?:{_alt(lx['programme_verbs'])})$")
    return gpe, org, title_only, quote, names, verbs


def _overlaps(span, taken) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in taken)


def boundary_starts(clean: str) -> List[int]:
    """Positions where a place or organisation name may begin: the start,
    after any non-Han character (punctuation, digits, quotes, space), or
    after a function character (在 对 把 和 …). Without a gazetteer of
    local names, this is what keeps 深入县 or 依托市 out."""
    stop = set(lexicon()["stop_chars"])
    out = [0] if clean else []
    for i in range(1, len(clean)):
        prev = clean[i - 1]
        if prev.isdigit():
            continue  # after a digit comes a classifier (125个县处级…), not a name
        if not ("\u4e00" <= prev <= "\u9fff") or prev in stop:
            out.append(i)
    return out


def _verb_free(text: str) -> bool:
    bad = set(lexicon()["org_body_stop_chars"])
    return not any(c in bad for c in text)


def find_gpes(clean: str) -> List[EntitySpan]:
    lx = lexicon()
    generic = set(lx["gpe_generic"])
    gpe, *_ = _patterns()
    out: List[EntitySpan] = []
    last_end = 0
    for pos in boundary_starts(clean):
        if pos < last_end:
            continue
        m = gpe.match(clean, pos)
        if not m:
            continue
        text = m.group()
        if text in generic or len(text) < 2 or not _verb_free(text):
            continue
        out.append((m.start(), m.end(), "GPE"))
        last_end = m.end()
    return out


def _org_edge_ok(clean: str, start: int, end: int) -> bool:
    """An ORG does not end where a position or a longer word goes on
    (区委常委 is a post, 部署 is a verb, 县委书记 a position)."""
    lx = lexicon()
    text = clean[start:end]
    if any(text.endswith(w) for w in lx["org_not_ending"]):
        return False
    rest = clean[end:end + 3]
    return not any(rest.startswith(w) for w in lx["org_not_followed_by"])


def find_orgs(clean: str) -> List[EntitySpan]:
    lx = lexicon()
    gpe_generic = set(lx["gpe_generic"])
    _, org, title_only, *_ = _patterns()
    out: List[EntitySpan] = []
    last_end = 0
    for pos in boundary_starts(clean):
        if pos < last_end:
            continue
        m = org.match(clean, pos)
        if not m:
            continue
        if m.group("gpe") and (m.group("gpe") in gpe_generic or not _verb_free(m.group("gpe"))):
            continue
        if not _org_edge_ok(clean, m.start(), m.end()):
            continue
        out.append((m.start(), m.end(), "ORG"))
        last_end = m.end()
    for m in title_only.finditer(clean):
        span = (m.start(), m.end(), "ORG")
        if not _overlaps(span, out) and _org_edge_ok(clean, m.start(), m.end()):
            out.append(span)
    return sorted(out)


def find_programmes(clean: str) -> List[EntitySpan]:
    lx = lexicon()
    excluded = set(lx["not_programme"])
    _, _, _, quote, names, verbs = _patterns()
    out: List[EntitySpan] = []
    for m in quote.finditer(clean):
        inner = m.group().split("”")[0][1:]
        if inner in excluded or re.search(r"[。！？!?；;]", inner):
            continue  # quoted speech, not a name
        has_head = not m.group().endswith("”")
        after_verb = verbs.search(clean[max(0, m.start() - 4):m.start()]) is not None
        if has_head or after_verb or inner in lx["programme_names"]:
            out.append((m.start(), m.end(), "PROGRAMME"))
    for m in names.finditer(clean):
        span = (m.start(), m.end(), "PROGRAMME")
        if not _overlaps(span, out):
            out.append(span)
    return sorted(out)


def find_entities(clean: str) -> List[EntitySpan]:
    """All rule entities, non-overlapping: ORG over PROGRAMME over GPE."""
    chosen: List[EntitySpan] = []
    for found in (find_orgs(clean), find_programmes(clean), find_gpes(clean)):
        for span in found:
            if not _overlaps(span, chosen):
                chosen.append(span)
    return sorted(chosen)
