"""Sentence boundaries as ANNOTATION.md defines them (pure functions).

A sentence ends at 。！？；!?; or a line break. Closing quotes and brackets
right after the mark stay with the sentence (…辦實事。” ends after ”).
The corpus builder and the pipeline component both use this one definition.
"""
from __future__ import annotations

from typing import List, Tuple

from .noise import find_noise

END_MARKS = frozenset("。！？；!?;")
CLOSERS = frozenset("”’」』)）】〉》\"'")


def sentence_spans(text: str, strip: bool = True, skip_noise: bool = True) -> List[Tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``.

    With ``strip`` (the corpus), spans exclude surrounding whitespace and
    blank stretches produce no sentence. Without it (the pipeline), the spans
    tile the whole text: whitespace after a sentence belongs to it. With
    ``skip_noise``, a mark inside scraped noise (the ?? of the mojibake
    ??h) ends nothing; the pipeline passes the clean view, which has no
    noise, and turns it off.
    """
    in_noise = set()
    if skip_noise:
        for span in find_noise(text):
            in_noise.update(range(span.start, span.end))
    spans: List[Tuple[int, int]] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        ch = text[i]
        end = None
        if ch in END_MARKS and i not in in_noise:
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            end = j
        elif ch == "\n":
            end = i + 1
        if end is None:
            i += 1
            continue
        if not strip:
            # trailing blanks on the same line, then one line break, go along
            while end < n and text[end] in " \t\r\u3000" :
                end += 1
            if end < n and text[end] == "\n" and ch != "\n":
                end += 1
        spans.append((start, end))
        start = i = end
    if start < n:
        spans.append((start, n))
    if not strip:
        return spans
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
