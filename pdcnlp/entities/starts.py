"""Where a name may start: the scan shared by the place and organisation rules.

Without word segmentation this is the hard part: after punctuation, a
function character or a verb that takes a name (依托, 邀请); and a known
name or title also where the character before it does not form a word with
its first character (People's Daily 1998's word-internal bigrams: 德乡|仪陇
yes, 提高|台 no). Every function takes the :class:`EntityLexicon` first.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Optional, Set, Tuple

from ..lexicon import internal_bigrams, is_han
from .lexicon import EntityLexicon

EntitySpan = Tuple[int, int, str]


def overlaps(span, taken) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in taken)


def boundary_starts(lx: EntityLexicon, clean: str) -> Set[int]:
    """Positions where any name may begin: the start of the text, after a
    non-Han character (punctuation, quotes, space; not a digit: after a digit
    comes a classifier, 125个县处级…), after a function character (在 对 把 和
    …) or after a verb or preposition that takes a name as its object (依托,
    邀请, 参加 …). Without these, 深入县 or 依托市 would start names."""
    p = lx.patterns
    out = {0} if clean else set()
    out.update(m.end() for m in p["boundary_char"].finditer(clean))
    # after a verb or preposition that takes a name (依托, 邀请), or a verb
    # that no name contains (完善金河镇, 制发金河镇)
    out.update(m.end() for m in p["preceding"].finditer(clean))
    # after a pointing word (该县融媒体中心: the name is 融媒体中心)
    out.update(m.end() for m in p["pointer"].finditer(clean))
    return out

def weak_start(clean: str, i: int) -> bool:
    """May a known name or a title begin at ``i``? Yes unless the character
    before it and its first character are one word in People's Daily 1998
    (提|高台 is no 高台, 社|区 no 区)."""
    if i == 0:
        return True
    prev = clean[i - 1]
    if prev.isdigit():
        return False
    return not is_han(prev) or (prev + clean[i]) not in internal_bigrams()


def known_match(lx: EntityLexicon, clean: str, pos: int) -> Optional[Tuple[int, bool]]:
    """(end, is_full_name) of the longest known name at ``pos``; a short form
    takes a directly following suffix (肃南 + 县)."""
    index, full, short = lx.known_index
    for n in index.get(clean[pos:pos + 2], ()):
        if pos + n > len(clean):
            continue
        word = clean[pos:pos + n]
        if word in full:
            return pos + n, True
        if word in short:
            m = lx.patterns["suffix"].match(clean, pos + n)
            return (m.end() if m else pos + n), False
    return None


@lru_cache(maxsize=8)
def known_starts(lx: EntityLexicon, clean: str) -> frozenset:
    """Where known place names start, leftmost and non-overlapping (祁连山
    gives 祁连, not also 连山). Cached per text."""
    index = lx.known_index[0]
    out = []
    i, n = 0, len(clean) - 1
    while i < n:
        if clean[i:i + 2] in index:
            m = known_match(lx, clean, i)
            if m:
                out.append(i)
                i = m[0]
                continue
        i += 1
    return frozenset(out)


def known_at(lx: EntityLexicon, clean: str, pos: int) -> Optional[Tuple[int, bool]]:
    """:func:`known_match` at a position where the left-to-right scan of
    :func:`known_starts` found a name, else None."""
    return known_match(lx, clean, pos) if pos in known_starts(lx, clean) else None

# How far after its start a name from a bare boundary must reach a place
# suffix or an organisation head: a generic place link is at most 6
# characters, a named institution at most 8 + 4.
REACH = 12


@lru_cache(maxsize=8)
def candidate_starts(lx: EntityLexicon, clean: str) -> Tuple[Tuple[int, bool], ...]:
    """(position, is_boundary) for every position a name may start at:
    boundaries with a suffix or head within reach, and known place names,
    titles and one-character administrative prefixes at a weak start.
    Cached: find_orgs and find_gpes scan the same text."""
    p = lx.patterns
    special = set(known_starts(lx, clean))
    special.update(m.start() for m in p["title"].finditer(clean))
    special.update(m.start() for m in p["admin_char"].finditer(clean))
    anchors = [m.start() for m in p["anchor"].finditer(clean)]
    strong = set()
    for i in boundary_starts(lx, clean):
        k = bisect_right(anchors, i)
        if i in special or (k < len(anchors) and anchors[k] <= i + REACH):
            strong.add(i)
    weak = {i for i in special - strong if weak_start(clean, i)}
    return tuple(sorted([(i, True) for i in strong] + [(i, False) for i in weak]))
