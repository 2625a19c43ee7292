"""The document's locality: the division a report is about, with a confidence.

Why not the most frequent place string: a county report names its city and
province in every dateline and its townships in every paragraph, writes
仪陇 and 仪陇县 as two strings, and says 县委 and 全县 far more often than the
county's name. So the evidence is weighted by where it stands (title, then
source and dateline, then body) and read as divisions, and the report's own
definite titles and collective words (县委, 全县, 该县) say which level it
speaks from. Pure functions.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Dict, List, Optional, Sequence, Tuple

from .divisions import Divisions, within
from .titles import fits

WEIGHTS = {"title": 3.0, "source": 2.0, "dateline": 2.0, "body": 1.0}
DATELINE_CHARS = 80          # the first characters of the body: where reports say where they are from
MIN_WEIGHT = 1.0             # less evidence than one body mention: no locality
MIN_CONFIDENCE = 0.5         # below: no locality (on dev, 3 of 4 such answers were wrong)
# 全县, 该县, 我县, 本县 and 县委, 县政府, …: the level the report speaks from.
_HINT = re.compile(r"(?:[全该我本](自治区|自治州|自治县|省|市|县|区|州|旗))|(自治区|自治州|自治县|省|市|县|区|州|旗)"
                   r"(?:委|政府|人大|政协|纪委)")


def level_hint(text: str) -> Counter:
    """How often each level token speaks for the report: 县 for 全县, 县委."""
    out: Counter = Counter()
    for m in _HINT.finditer(text):
        out[m.group(1) or m.group(2)] += 1
    return out


def position_weight(start: int, where: str = "body") -> float:
    if where != "body":
        return WEIGHTS[where]
    return WEIGHTS["dateline"] if start < DATELINE_CHARS else WEIGHTS["body"]


def infer(evidence: Sequence[Tuple[str, float]], hint: Counter, divs: Divisions) -> Tuple[Optional[str], float, str]:
    """(code, confidence, evidence) from weighted division mentions.

    Each mentioned division scores what agrees with it (mentions of it, of
    its parents and of what lies in it) minus what does not, so a county
    report's city and province mentions count for the county, and a province
    report's many counties cancel out into the province. Among the best, the
    one the dominant level hint fits (县 of 全县, 县委), then the most
    mentioned, then the deepest.
    Confidence: the share of the evidence that agrees, scaled down when there
    is little of it."""
    weight: Dict[str, float] = {}
    for code, w in evidence:
        weight[code] = weight.get(code, 0.0) + w
    total = sum(weight.values())
    if total < MIN_WEIGHT:
        return None, 0.0, "no places"
    tokens = [t for t, _ in hint.most_common() if fits(t)]
    test = fits(tokens[0]) if tokens else None
    depth = {"province": 0, "city": 1, "county": 2}
    agree = {d: sum(w for c, w in weight.items() if within(c, d) or within(d, c)) for d in weight}
    top = max(2 * agree[d] - total for d in weight)
    near = [d for d in weight if 2 * agree[d] - total >= top - 1e-9]
    fit = [d for d in near if test and test(divs.get(d))]
    pool = fit or near
    best = max(pool, key=lambda d: (weight[d], depth[divs.get(d).level]))
    why = f"agreement{' and level ' + tokens[0] if fit else ''}"
    conf = agree[best] / total * min(1.0, total / 3.0)
    if conf < MIN_CONFIDENCE:
        return None, round(conf, 3), f"too little evidence ({divs.get(best).name}?)"
    return best, round(conf, 3), why


def scan_places(text: str, divs: Divisions, skip: frozenset = frozenset()) -> List[str]:
    """Codes of the unambiguous division names in free text (a title, a
    source name): longest match, full names and short forms of two or more
    characters, but not the words in ``skip`` (the gazetteer's names that are
    more often ordinary words: 和平, 东方, 城区)."""
    out: List[str] = []
    i = 0
    while i < len(text):
        hit = divs.longest_prefix(text[i:])
        if hit is None:
            i += 1
            continue
        n, matches = hit
        if text[i:i + n] in skip:
            i += n
            continue
        codes = {d.code for d, _ in matches}
        if len(codes) == 1:
            out.append(codes.pop())
        i += n
    return out
