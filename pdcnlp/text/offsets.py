"""Offsets of spans in the original text, trimmed of noise.

Noise is absorbed into the token before it (see :mod:`pdcnlp.tokenizer`), so
a span that ends on 鎮(zhèn) has ``end_char`` after the pinyin. What users,
tables and scores need is the span from its first to its last real character
(ANNOTATION.md: a span never starts or ends on noise); these helpers give it.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import List, Tuple

from spacy.tokens import Doc, Span

from .tokenizer import NOISE_KEY


def noise_spans(doc: Doc) -> List[Tuple[int, int, str]]:
    """The noise spans the tokenizer found, as ``(start, end, kind)``."""
    return [tuple(x) for x in doc.user_data.get(NOISE_KEY, ())]


def trim_offsets(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """Shrink the original range ``[start, end)`` until it neither starts
    nor ends inside noise."""
    spans = doc.user_data.get(NOISE_KEY)
    if not spans:
        return start, end
    starts = [s[0] for s in spans]
    while start < end:
        k = bisect_right(starts, start) - 1
        if k >= 0 and spans[k][0] <= start < spans[k][1]:
            start = spans[k][1]
            continue
        break
    while end > start:
        k = bisect_right(starts, end - 1) - 1
        if k >= 0 and spans[k][0] <= end - 1 < spans[k][1]:
            end = spans[k][0]
            continue
        break
    return start, end


def span_offsets(span: Span) -> Tuple[int, int]:
    """``(start, end)`` of ``span`` in ``doc.text`` without noise at its edges."""
    return trim_offsets(span.doc, span.start_char, span.end_char)


def span_text(span: Span) -> str:
    """The span's original text without noise at its edges (noise inside stays).

    Sliced from ``span.text``, never from ``doc.text``: spaCy rebuilds
    ``doc.text`` from every token on each access (measured: 85% of the time
    of a row writer that used it)."""
    s, e = span_offsets(span)
    base = span.start_char
    return span.text[s - base:e - base]


def span_norm(span: Span) -> str:
    """The span's clean text: Simplified, noise removed."""
    return "".join(t.norm_ for t in span)
