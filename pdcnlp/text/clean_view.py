"""The clean view of a Doc, and every offset between its three coordinates.

A Doc has three coordinate systems: the *original* text (``doc.text``, what
users and tables see), the *clean* text (noise removed, Simplified: what
rules and models read) and *tokens*. The tokenizer builds one
:class:`CleanView` per Doc and stores it on the Doc; every component reads
it through :func:`clean_view` instead of rebuilding the clean text from
``token.norm_``. All conversions between the three systems are here:

* clean ↔ original: :class:`OffsetMap` (runs of kept characters);
* clean ↔ token: :func:`clean_to_token_span` over the view's
  ``token_starts``;
* original span edges trimmed of noise: :func:`trim_offsets`,
  :func:`span_offsets` (ANNOTATION.md: a span never starts or ends on
  noise; noise is absorbed into the token before it, so a span that ends on
  鎮(zhèn) has ``end_char`` after the pinyin).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import List, NamedTuple, Sequence, Tuple, Union

from spacy.tokens import Doc, Span

from ..schema import CLEAN_VIEW_KEY

Segment = Tuple[int, int, int]          # (clean_start, orig_start, length) of a run of kept characters
NoiseRange = Tuple[int, int, str]       # (start, end, kind) in the original text


class OffsetMap:
    """Clean ↔ original offsets of one text, from its kept segments.

    ``t2s`` and width folding convert one character for one, so the only
    change in length is removed noise and the map is a short list of
    segments (one more than the noise spans); lookups are a bisection."""

    __slots__ = ("segments", "clean_len", "orig_len", "_clean_starts", "_orig_starts", "_lengths")

    def __init__(self, segments: Sequence[Segment], clean_len: int, orig_len: int):
        self.segments = tuple(tuple(s) for s in segments)
        self.clean_len, self.orig_len = clean_len, orig_len
        self._clean_starts = [s[0] for s in segments]
        self._orig_starts = [s[1] for s in segments]
        self._lengths = [s[2] for s in segments]

    def to_original_index(self, i: int) -> int:
        """Original index of clean character ``i`` (``0 <= i < clean_len``)."""
        if not 0 <= i < self.clean_len:
            raise IndexError(f"clean index {i} out of range 0..{self.clean_len - 1}")
        k = bisect_right(self._clean_starts, i) - 1
        return self._orig_starts[k] + (i - self._clean_starts[k])

    def to_original(self, start: int, end: int) -> Tuple[int, int]:
        """Map a clean span to the original span from its first to its last
        character: it never starts or ends on noise, and keeps noise that
        sits inside it."""
        if not 0 <= start < end <= self.clean_len:
            raise ValueError(f"bad clean span ({start}, {end}) for a text of {self.clean_len} chars")
        return self.to_original_index(start), self.to_original_index(end - 1) + 1

    def to_clean_index(self, j: int) -> int:
        """Clean index of original character ``j``; a noise character maps to
        the next kept character (or ``clean_len`` at the end)."""
        if not 0 <= j <= self.orig_len:
            raise IndexError(f"original index {j} out of range")
        k = bisect_right(self._orig_starts, j) - 1
        if k < 0:
            return 0
        offset = j - self._orig_starts[k]
        if offset < self._lengths[k]:
            return self._clean_starts[k] + offset
        return self._clean_starts[k] + self._lengths[k]

    def to_clean(self, start: int, end: int) -> Tuple[int, int]:
        """Map an original span to the clean span of the kept characters in it."""
        return self.to_clean_index(start), self.to_clean_index(end)

    def is_noise(self, j: int) -> bool:
        """Whether original character ``j`` is noise."""
        k = bisect_right(self._orig_starts, j) - 1
        return k < 0 or j - self._orig_starts[k] >= self._lengths[k]


def kept_segments(text_len: int, noise: Sequence[NoiseRange]) -> List[Segment]:
    """The runs of kept characters of a text of ``text_len`` characters
    with the (sorted, non-overlapping) ``noise`` removed."""
    if not noise:
        return [(0, 0, text_len)]
    segments: List[Segment] = []
    pos = clean_pos = 0
    for start, end, _ in noise:
        if start > pos:
            segments.append((clean_pos, pos, start - pos))
            clean_pos += start - pos
        pos = end
    if pos < text_len:
        segments.append((clean_pos, pos, text_len - pos))
    return segments or [(0, text_len, 0)]


# --- the view stored on a Doc -----------------------------------------------------------

class CleanView(NamedTuple):
    """What the tokenizer knows about a Doc's clean text, stored once on it.

    * ``text``: the clean text the components read (the tokens' NORMs
      joined; a text of nothing but noise reads as one blank);
    * ``token_starts``: clean offset of each token, plus ``len(text)``;
    * ``noise``: the noise ranges of ``doc.text``, sorted;
    * ``segments``: the clean ↔ original map (:class:`OffsetMap`).

    A NamedTuple of plain values, so a Doc holding it still serialises
    (DocBin, ``nlp.pipe(n_process=…)``): it comes back as lists, and
    :func:`clean_view` turns it back into a view."""

    text: str
    token_starts: Tuple[int, ...]
    noise: Tuple[NoiseRange, ...] = ()
    segments: Tuple[Segment, ...] = ()

    @property
    def offset_map(self) -> OffsetMap:
        orig_len = sum(s[2] for s in self.segments) + sum(e - s for s, e, _ in self.noise)
        return OffsetMap(self.segments, len(self.text), orig_len)


def token_starts(norms: Sequence[str]) -> Tuple[int, ...]:
    """Clean offset where each token starts, plus the clean length."""
    out = []
    pos = 0
    for n in norms:
        out.append(pos)
        pos += len(n)
    out.append(pos)
    return tuple(out)


def _from_stored(value) -> CleanView:
    text, starts, noise, segments = value
    return CleanView(text, tuple(starts), tuple(tuple(n) for n in noise), tuple(tuple(s) for s in segments))


def clean_view(doc: Doc) -> CleanView:
    """The Doc's clean view: the tokenizer's, or (for a Doc made another
    way, e.g. ``Doc(vocab, words)``) one built from the tokens' NORMs."""
    stored = doc.user_data.get(CLEAN_VIEW_KEY)
    if stored is not None and not isinstance(stored, CleanView):
        stored = _from_stored(stored)            # a Doc that went through serialisation
        doc.user_data[CLEAN_VIEW_KEY] = stored
    if stored is not None and len(stored.token_starts) == len(doc) + 1:
        return stored
    norms = [t.norm_ for t in doc]                # not made by our tokenizer (or retokenized)
    text = "".join(norms)
    view = CleanView(text, token_starts(norms), (), ((0, 0, len(text)),) if text else ())
    doc.user_data[CLEAN_VIEW_KEY] = view
    return view


if not Doc.has_extension("clean_view"):
    Doc.set_extension("clean_view", getter=clean_view)


def span_clean(span: Union[Doc, Span]) -> Tuple[str, Tuple[int, ...]]:
    """``(clean text, token starts)`` of a span, offsets relative to its start."""
    if isinstance(span, Doc):
        view = clean_view(span)
        return view.text, view.token_starts
    view = clean_view(span.doc)
    base = view.token_starts[span.start]
    starts = tuple(s - base for s in view.token_starts[span.start:span.end + 1])
    return view.text[base:base + starts[-1]], starts


def token_at(starts: Sequence[int], cs: int) -> int:
    """Index of the first token starting at or after clean offset ``cs``."""
    return bisect_left(starts, cs)


def clean_to_token_span(starts: Sequence[int], cs: int, ce: int) -> Tuple[int, int]:
    """Token range covering clean range [cs, ce), expanded to token edges."""
    i = bisect_right(starts, cs) - 1
    j = bisect_left(starts, ce)
    # Skip empty-norm tokens (pure noise) at the edges.
    while i + 1 < len(starts) - 1 and starts[i] == starts[i + 1] and starts[i] <= cs:
        i += 1
    return max(i, 0), min(j, len(starts) - 1)


# --- original offsets, trimmed of noise ---------------------------------------------------

def trim_offsets(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """Shrink the original range ``[start, end)`` until it neither starts
    nor ends inside noise."""
    spans = clean_view(doc).noise
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
    view = clean_view(span.doc)
    return view.text[view.token_starts[span.start]:view.token_starts[span.end]]
