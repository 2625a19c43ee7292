"""BIES-POS tags ⇄ word spans, pure.

Why BIES-POS on char tokens rather than a word tokenizer: the pipeline's
tokens are characters (and digit/Latin runs), which every other component
is built on; a per-token tag keeps words an *annotation* over the same
tokens instead of a second tokenisation, and one tagger learns segmentation
and POS jointly. Tags are ``B-n``, ``I-n``, ``E-n``, ``S-v`` …
"""
from __future__ import annotations

from bisect import bisect_right
from typing import List, Optional, Sequence, Tuple  # noqa: F401

# PD1998 tags folded to what the linker asks: is the word a noun, a verb,
# a number/classifier, or a function word?
WORD_POS_COARSE = {
    "n": "N", "nr": "N", "ns": "N", "nt": "N", "nz": "N", "nx": "N", "vn": "N", "an": "N", "Ng": "N",
    "j": "N", "l": "N", "i": "N", "s": "N", "f": "F", "t": "T",
    "v": "V", "vd": "V", "Vg": "V",
    "a": "A", "Ag": "A", "b": "A", "z": "A",
    "m": "M", "q": "Q", "r": "R", "Rg": "R",
    "d": "D", "ad": "D", "Dg": "D", "p": "P", "c": "C", "u": "U", "y": "U", "e": "U", "o": "U", "h": "U",
    "k": "U", "w": "W",
}


def coarse(pos: str) -> str:
    """N V A M Q R D P C U F T W, or X for a tag we do not know."""
    return WORD_POS_COARSE.get(pos, "X")


def encode(token_bounds: Sequence[Tuple[int, int]], words: Sequence[Tuple[int, int, str]]) -> List[str]:
    """One tag per token (``(start, end)`` character offsets) from gold words
    ``(start, end, pos)``. A token that crosses a word boundary (a digit run
    ``12`` over ``1|2月``: rare) is tagged by the word it starts in and ends
    that word; a token in no word (whitespace) is ``S-w``."""
    ws = sorted(words)
    starts = [w[0] for w in ws]
    tags: List[str] = []
    for ts, te in token_bounds:
        k = bisect_right(starts, ts) - 1     # the word the token starts in
        if k < 0 or not ts < ws[k][1]:
            tags.append("S-w")
            continue
        ws_, we, pos = ws[k]
        first, last = ts == ws_, te >= we
        tags.append(f"{('S' if last else 'B') if first else ('E' if last else 'I')}-{pos}")
    return tags


def decode(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """Token-index word spans ``(i, j, pos)`` from BIES-POS tags.

    Repairs what a tagger can emit but no segmentation means: a word ends
    at E/S or before the next B/S; an I or E after a word ended opens a new
    one; the word's POS is that of its last token (the head of a Chinese
    word is on the right)."""
    out: List[Tuple[int, int, str]] = []
    start = None
    for i, tag in enumerate(tags):
        b, _, pos = (tag or "S-x").partition("-")
        if b in "BS" and start is not None:
            out.append((start, i, prev_pos))
            start = None
        if start is None:
            start = i
        prev_pos = pos
        if b in "ES":
            out.append((start, i + 1, pos))
            start = None
    if start is not None:
        out.append((start, len(tags), prev_pos))
    return out
