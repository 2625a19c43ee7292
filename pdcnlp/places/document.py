"""One document's places, resolved together: the pass both the pipeline
component (one Doc) and extraction (a whole document read in windows) run.

Input is plain data, so the two callers agree by construction: the GPE and
ORG mentions (label, Simplified text, offsets, sentence start), the
document's Simplified text (for the level hint), its title and source.
Order: places that can mean one division only anchor the rest; the ones
left ambiguous are resolved by those anchors; the locality is inferred; the
still ambiguous are tried again with it; then definite titles are resolved
by their sentence or the locality.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from .. import resources
from ..text.normalize import to_simplified
from .divisions import Divisions
from .locality import infer, level_hint, position_weight, scan_places
from .resolve import Resolution, candidates_of, choose, fill, parents, resolve_place, sub_county_level
from .titles import below_county, canonical, describe, resolve_title

LOCALITY_ANCHOR = 3.0       # the locality's weight when re-resolving what the first pass left
TITLE_CONFIDENCE = {"sentence": 0.85, "locality": 0.8}


@dataclass(frozen=True)
class Mention:
    label: str          # GPE or ORG
    text: str           # Simplified (the clean view's norm)
    start: int
    end: int
    sent: int = -1      # where its sentence starts (mentions of one sentence share it)


@dataclass
class DocumentPlaces:
    resolutions: List[Optional[Resolution]] = field(default_factory=list)   # per mention (None: no place)
    canonical: List[Optional[str]] = field(default_factory=list)            # per ORG mention
    kinds: List[str] = field(default_factory=list)                          # place, named, titled, other
    locality: Resolution = field(default_factory=Resolution)


@lru_cache(maxsize=1)
def _word_like() -> frozenset:
    return frozenset(resources.read_json("gazetteer_gpe.json").get("dropped", ()))


def resolve_document(mentions: Sequence[Mention], text: str = "", title: Optional[str] = None,
                     source: Optional[str] = None, divs: Optional[Divisions] = None, hint: Optional[Counter] = None,
                     min_title_confidence: float = 0.5) -> DocumentPlaces:
    """Resolve one document's mentions (see the module doc). ``text`` (its
    Simplified text) only gives the level hint; a caller that reads the
    document in pieces passes the summed ``hint`` instead. Title and source
    are converted to Simplified here."""
    divs = divs or Divisions.packaged()
    title = to_simplified(title) if title else None
    source = to_simplified(source) if source else None
    skip = _word_like()
    n = len(mentions)
    out = DocumentPlaces([None] * n, [None] * n, ["other"] * n)
    info: List[Dict[str, object]] = []
    for i, m in enumerate(mentions):
        if m.label == "GPE":
            cands, rest, _ = candidates_of(m.text, divs)
            info.append({"kind": "place", "candidates": cands, "rest": rest})
        else:
            info.append(describe(m.text, divs))
        out.kinds[i] = info[-1]["kind"]
    # 1. anchors: what can mean one division only, and the title and source
    extra: List[Tuple[str, float]] = []
    for where, t in (("title", title), ("source", source)):
        if t:
            extra += [(c, position_weight(0, where)) for c in scan_places(t, divs, skip)]
    anchors: List[Tuple[str, float]] = list(extra)
    for i, m in enumerate(mentions):
        cands = info[i].get("candidates") or ()
        codes = {d.code for d, _ in cands}
        if len(codes) == 1 and (info[i]["kind"] == "named" or not info[i].get("rest")):
            anchors.append((codes.pop(), 1.0))
    # 2. places and named ORGs
    _places(mentions, info, anchors, divs, out)
    # 3. locality
    evidence = list(extra)
    for i, m in enumerate(mentions):
        r = out.resolutions[i]
        if r is not None and out.kinds[i] in ("place", "named") and (r.code or r.parent_code):
            evidence.append((r.code or r.parent_code, position_weight(m.start)))
    code, conf, why = infer(evidence, hint if hint is not None else level_hint(text), divs)
    if code:
        out.locality = fill(Resolution(candidates=1, confidence=conf, evidence=why), divs, code)
        # 4. again, with the locality
        _places(mentions, info, anchors + [(code, LOCALITY_ANCHOR)], divs, out, only_unresolved=True)
    # 5. definite titles
    for i, m in enumerate(mentions):
        if out.kinds[i] != "titled":
            continue
        near = [out.resolutions[j].code for j in range(i - 1, -1, -1)
                if mentions[j].sent == m.sent and mentions[j].start < m.start and out.resolutions[j] is not None
                and out.resolutions[j].code]
        tc, twhy = resolve_title(str(info[i]["token"]), near, out.locality.code, divs, out.locality.confidence,
                                 min_title_confidence)
        res = Resolution(evidence=twhy)
        if tc:
            fill(res, divs, tc)
            res.candidates = 1
            res.confidence = round(TITLE_CONFIDENCE[twhy] * (out.locality.confidence if twhy == "locality" else 1.0), 3)
            out.canonical[i] = canonical(divs.get(tc), str(info[i]["rest"]))
        out.resolutions[i] = res
    for i, m in enumerate(mentions):
        if out.kinds[i] == "other" and m.label == "ORG":
            out.canonical[i] = m.text
    return out


def sub_county_level_of(rest: str) -> str:
    """township or village, by the first unit suffix in ``rest``."""
    m = min((rest.find(s), lv) for s, lv in (("镇", "township"), ("乡", "township"), ("街道", "township"),
                                               ("社区", "village"), ("村", "village")) if s in rest)
    return m[1]


def _places(mentions, info, anchors, divs, out, only_unresolved=False) -> None:
    for i, m in enumerate(mentions):
        kind = info[i]["kind"]
        if kind not in ("place", "named"):
            continue
        prev = out.resolutions[i]
        if only_unresolved and prev is not None and prev.code:
            continue
        if kind == "place":
            out.resolutions[i] = resolve_place(m.text, divs, anchors)
            if out.resolutions[i].code:
                out.canonical[i] = out.resolutions[i].name
            continue
        cands = info[i]["candidates"]
        code, conf, why = choose(cands, anchors)
        res = Resolution(candidates=len({d.code for d, _ in cands}), confidence=conf, evidence=why)
        if code and below_county(str(info[i]["rest"])):
            out.resolutions[i] = parents(Resolution(level=sub_county_level_of(str(info[i]["rest"])),
                                                    evidence="below the data"), divs, code)
            out.canonical[i] = canonical(divs.get(code), str(info[i]["rest"]))
            continue
        if code:
            fill(res, divs, code)
            out.canonical[i] = m.text.strip("“”\"") if info[i].get("proper") else canonical(
                divs.get(code), str(info[i]["rest"]))
        out.resolutions[i] = res
