"""A tokenizer that segments the clean view and keeps the original text.

Normalisation happens here, at spaCy's first step, and not in a pipeline
component, for one reason: training and evaluation build docs with
``nlp.make_doc`` and never run non-trainable components, so a NORM written by
a component would be missing exactly when the model learns. Here every doc,
however it is made, gets:

* ``doc.text`` == the input, byte for byte (tokens are slices of it);
* ``token.norm_`` == the clean form of that token: Simplified script,
  half-width digits, noise removed. Models and rules read NORM only, so
  Traditional and Simplified input, with or without pinyin insertions, give
  the same features;
* ``doc._.clean_view``: the clean text, its token offsets, the noise and
  the clean ↔ original map, stored once (:mod:`pdcnlp.text.clean_view`);
* noise absorbed into the token before it (into the first token when the text
  starts with noise), so the token sequence is identical with and without
  noise: 創(chuàng)新 is two tokens, ``創(chuàng)`` (NORM 创) and ``新``.

Segmenters (chosen by measurement, see README and benchmarks/segmenters.py):
``char`` (default): one token per Han character, runs of Latin letters and
of digits (with a decimal point) kept whole, runs of whitespace kept whole.
``jieba``: word segmentation of the clean view with jieba, if installed.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, List

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..schema import CLEAN_VIEW_KEY
from .clean_view import CleanView, token_starts
from .normalize import NormalizedText, normalize

_CHAR_TOKEN = re.compile(r"\s+|[A-Za-z]+|[0-9]+(?:\.[0-9]+)?|.", re.S)

SEGMENTERS = ("char", "jieba")


def segment_char(clean: str) -> List[str]:
    """Split the clean view into char tokens (see module docstring)."""
    return _CHAR_TOKEN.findall(clean)


def _segment_jieba(clean: str) -> List[str]:
    import jieba  # optional: pip install pdcnlp[jieba]

    out: List[str] = []
    for word in jieba.cut(clean, HMM=True):
        # jieba merges whitespace with nothing but splits runs oddly; keep
        # whitespace runs as their own tokens like the char segmenter does.
        out.extend(t for t in re.split(r"(\s+)", word) if t)
    return out


def get_segmenter(name: str) -> Callable[[str], List[str]]:
    if name == "char":
        return segment_char
    if name == "jieba":
        return _segment_jieba
    raise ValueError(f"unknown segmenter {name!r}; choose one of {SEGMENTERS}")


def align_tokens(norm: NormalizedText, clean_tokens: Iterable[str]):
    """Map clean tokens onto the original text.

    Returns ``(words, norms)``: ``words`` are consecutive slices of the
    original that concatenate to it exactly, ``norms`` their clean forms.
    Each word runs from its first clean character to the first clean
    character of the next word, so noise after a token is part of it.
    """
    original = norm.original
    starts: List[int] = []
    norms: List[str] = []
    pos = 0
    for tok in clean_tokens:
        if not tok:
            continue
        starts.append(norm.to_original_index(pos))
        norms.append(tok)
        pos += len(tok)
    if pos != len(norm.clean):
        raise ValueError("segmenter output does not cover the clean text")
    if not starts:
        # Empty text, or nothing but noise: one token holding it all. spaCy
        # cannot store an empty NORM (it falls back to the text), so the
        # token reads as whitespace: no component sees anything in it.
        return ([original], [" "]) if original else ([], [])
    starts[0] = 0
    words = [original[s:e] for s, e in zip(starts, starts[1:] + [len(original)])]
    return words, norms


class NormalizingTokenizer:
    """spaCy tokenizer over the clean view; see module docstring."""

    def __init__(self, vocab: Vocab, segmenter: str = "char"):
        self.vocab = vocab
        self.segmenter = segmenter
        self._segment = get_segmenter(segmenter)

    def __call__(self, text: str) -> Doc:
        norm = normalize(text)
        words, norms = align_tokens(norm, self._segment(norm.clean))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        for token, n in zip(doc, norms):
            # Lexeme NORM defaults to the lower-cased text; only tokens whose
            # clean form differs (Traditional, full-width, noise) need a write.
            if token.norm_ != n:
                token.norm_ = n
        # The one clean view of this Doc, read by every component.
        doc.user_data[CLEAN_VIEW_KEY] = CleanView(
            "".join(norms), token_starts(norms), tuple(tuple(s) for s in norm.noise),
            norm.offset_map.segments)
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serialisation hooks: the tokenizer has no data, only settings.
    def to_bytes(self, **kwargs) -> bytes:
        return self.segmenter.encode("utf8")

    def from_bytes(self, data: bytes, **kwargs):
        self.segmenter = data.decode("utf8") or "char"
        self._segment = get_segmenter(self.segmenter)
        return self

    def to_disk(self, path, **kwargs):
        from pathlib import Path

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "segmenter.txt").write_text(self.segmenter, encoding="utf8")

    def from_disk(self, path, **kwargs):
        from pathlib import Path

        f = Path(path) / "segmenter.txt"
        if f.exists():
            self.segmenter = f.read_text(encoding="utf8").strip() or "char"
            self._segment = get_segmenter(self.segmenter)
        return self


@registry.tokenizers("pdcnlp.NormalizingTokenizer.v1")
def create_normalizing_tokenizer(segmenter: str = "char"):
    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {SEGMENTERS}")

    def make(nlp) -> NormalizingTokenizer:
        return NormalizingTokenizer(nlp.vocab, segmenter=segmenter)

    return make
