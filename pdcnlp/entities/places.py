"""GPE rules: chains of place links (乐山市金口河区金河镇).

A link is a known division name or short form from the gazetteer (仪陇,
肃南县), or a 2-5 character stem with an administrative suffix (金河镇);
never a collective word (全县, 该区), never a cut word (个县|城).
"""
from __future__ import annotations

from typing import List, Optional

from ..lexicon import splits_word
from .lexicon import EntityLexicon
from .starts import EntitySpan, candidate_starts, known_at, known_starts


def _gpe_link(lx: EntityLexicon, clean: str, pos: int, known_only: bool) -> Optional[int]:
    """End of one link of a place chain starting at ``pos``, or None."""
    p = lx.patterns
    known = known_at(lx, clean, pos)
    if known:
        end, full_name = known
        if not full_name and clean[end:end + 1] and clean[end] in lx["gpe_short_not_followed_by"]:
            return None  # 祁连|山 is a mountain, not 祁连县
        return end
    if known_only:
        return None
    m = p["generic_link"].match(clean, pos)
    if not m:
        return None
    text = m.group()
    if (text in lx["gpe_generic"]
            or p["gpe_stem_stop"].search(text) or not _verb_free(lx, text)
            or any(text.endswith(g) for g in lx["gpe_generic_endings"])
            or splits_word(clean, m.end())  # 个县|城
            or any(k in known_starts(lx, clean) for k in range(pos + 1, m.end() - 1))):  # 报讯|江苏省
        return None
    return m.end()


def gpe_chain(lx: EntityLexicon, clean: str, pos: int, known_first: bool) -> int:
    """End of the longest unbroken chain of place links from ``pos`` (``pos``
    when there is none). ``known_first``: the first link must be a known
    name (at a position that is no clear boundary)."""
    end = pos
    while True:
        nxt = _gpe_link(lx, clean, end, known_only=known_first and end == pos)
        if nxt is None:
            return end
        end = nxt


def _verb_free(lx: EntityLexicon, text: str) -> bool:
    return lx.patterns["body_stop_words"].search(text) is None


def find_gpes(lx: EntityLexicon, clean: str) -> List[EntitySpan]:
    """Place chains, leftmost first, not overlapping."""
    generic = set(lx["gpe_generic"])
    out: List[EntitySpan] = []
    last_end = 0
    for pos, strong in candidate_starts(lx, clean):
        if pos < last_end:
            continue
        end = gpe_chain(lx, clean, pos, known_first=not strong)
        if end - pos < 2 or clean[pos:end] in generic or splits_word(clean, end):
            known = known_at(lx, clean, pos)
            if known:  # a rejected known name hides the names inside it (祁连山 is no 连山)
                last_end = known[0]
            continue
        out.append((pos, end, "GPE"))
        last_end = end
    return out
