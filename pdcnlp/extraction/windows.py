"""Long documents in bounded windows, so memory is flat and time linear.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, E088),
and before that limit the pipeline's cost grows faster than the text: a
950,000-character report took 7.2 GB and 3 minutes where a short one takes
140 MB. Some steps also grow with *sentence* length, so a long stretch with
no sentence punctuation (a table flattened to one line) is slower than
linear even in a short document.

:func:`windows` cuts a part of a document into pieces the pipeline runs on
one at a time: pieces end at sentence ends (。！？；!? ; or a line break, with
their closing quotes), hold at most ``max_chars`` characters, and a
"sentence" longer than ``max_run`` characters is cut at its last comma
before the limit (or at the limit). Offsets are kept: each piece is
``(start, end)`` in the document's text, and rows add ``start``. A part
that is short and has no over-long sentence is one piece, so ordinary
reports are analysed exactly as before. Cutting can split an entity that
straddles a cut only inside an over-long sentence (a cut at a sentence end
splits nothing the pipeline would join).
"""
from __future__ import annotations

import re
from typing import List, Tuple

WINDOW_CHARS = 20_000   # most a piece holds
MAX_RUN = 1_000         # most characters between two sentence ends

_SENT_END = re.compile(r"[。！？；!?;][”’」』)）】〉》\"']*|\n")
_SOFT = re.compile(r"[，,、：:\s]")


def _cuts(text: str, start: int, end: int, max_run: int) -> List[Tuple[int, bool]]:
    """Cut points in (start, end], each with ``forced``: every sentence end
    (False), plus cuts inside sentences over ``max_run`` characters (True);
    always ends with ``end``."""
    cuts: List[Tuple[int, bool]] = []
    last = start
    for m in _SENT_END.finditer(text, start, end):
        _split_run(text, last, m.end(), max_run, cuts)
        last = m.end()
    _split_run(text, last, end, max_run, cuts)
    return cuts


def _split_run(text: str, s: int, e: int, max_run: int, cuts: List[Tuple[int, bool]]) -> None:
    while e - s > max_run:
        limit = s + max_run
        soft = None
        for m in _SOFT.finditer(text, s + max_run // 2, limit):
            soft = m.end()
        cut = soft or limit
        cuts.append((cut, True))
        s = cut
    if e > s:
        cuts.append((e, False))


def windows(text: str, start: int, end: int, max_chars: int = WINDOW_CHARS,
            max_run: int = MAX_RUN) -> List[Tuple[int, int]]:
    """``(start, end)`` pieces tiling ``text[start:end]`` (see module docstring)."""
    cuts = _cuts(text, start, end, max_run)
    if end - start <= max_chars and not any(forced for _, forced in cuts):
        return [(start, end)]       # an ordinary part: one piece, as before windows existed
    pieces: List[Tuple[int, int]] = []
    s = prev = start
    for c, forced in cuts:
        if c - s > max_chars and prev > s:
            pieces.append((s, prev))
            s = prev
        prev = c
        if forced:
            pieces.append((s, c))
            s = c
    if prev > s:
        pieces.append((s, prev))
    return pieces
