"""Model architectures registered with spaCy (``pdcnlp.CharBigramEmbed.v1``).

Why: the pipeline's tokens are single characters, so spaCy's usual subword
features (PREFIX, SUFFIX, SHAPE) say nothing new about a token. What a
character-level Chinese tagger needs is the character's neighbours: the
bigrams 县委 | 委党 tell 委 in 县委党校 from 委 in 委员. Embedding the
left and right character bigrams beside the character itself is the standard
strong baseline for Chinese NER (Zhang & Yang 2018 report char+bigram well
above char alone), and costs two hash-table lookups per token.

The features are computed from ``token.norm`` (Simplified, noise-free), so
Traditional input and pinyin-glossed input give the same features.
"""
from __future__ import annotations

from typing import List

import numpy
from spacy.attrs import NORM
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from .lexicon_features import feature_ids, packaged_table

# Stand-ins for "no character" before the first and after the last token.
_BOS = numpy.uint64(0x5BD1E9955BD1E995)
_EOS = numpy.uint64(0x9E3779B97F4A7C15)
_MIX = numpy.uint64(0xC2B2AE3D27D4EB4F)


def bigram_features(norms: numpy.ndarray) -> numpy.ndarray:
    """``(n,)`` uint64 NORM ids → ``(n, 3)``: the id, the left bigram
    (previous, this) and the right bigram (this, next), each bigram folded
    into one uint64 (HashEmbed hashes it again with its own seed).

    Order-sensitive: (a, b) and (b, a) get different keys."""
    norms = norms.astype(numpy.uint64, copy=False)
    if not len(norms):
        return numpy.zeros((0, 3), dtype=numpy.uint64)
    prev = numpy.concatenate(([_BOS], norms[:-1]))
    nxt = numpy.concatenate((norms[1:], [_EOS]))
    with numpy.errstate(over="ignore"):  # uint64 products wrap around: that is the hash
        left = (prev * _MIX) ^ norms
        right = (norms * _MIX) ^ nxt
    return numpy.stack([norms, left, right], axis=1)


def _bigram_extractor() -> Model[List[Doc], List[Ints2d]]:
    def forward(model, docs, is_train):
        out = []
        for doc in docs:
            norms = doc.to_array([NORM]).reshape(-1)
            out.append(model.ops.asarray2i(bigram_features(norms), dtype="uint64"))
        return out, lambda d_features: []

    return Model("pdcnlp_bigram_features", forward)


@registry.architectures("pdcnlp.CharBigramEmbed.v1")
def CharBigramEmbed(width: int, rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """Embed each character with its left and right bigrams.

    width: the output width and the width of each table.
    rows: the rows of the three hash tables (character, left bigram, right
        bigram). Bigrams are many more than characters: give them more rows.
    """
    return _embedded(_bigram_extractor(), _bigram_tables("CharBigramEmbed", width, rows), width)


def _bigram_tables(name: str, width: int, rows: List[int]) -> List[Model]:
    """The character, left-bigram and right-bigram tables (feature columns 0–2)."""
    if len(rows) != 3:
        raise ValueError(f"{name} needs 3 row counts (char, left, right), got {len(rows)}")
    return [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)]


def _embedded(extractor: Model, tables: List[Model], width: int) -> Model[List[Doc], List[Floats2d]]:
    """Feature ids → one vector per token: every table looked up, concatenated, mixed by a Maxout."""
    return chain(
        extractor,
        list2ragged(),
        with_array(concatenate(*tables)),
        with_array(Maxout(width, width * len(tables), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def _lexicon_extractor(lexicons: List[str]) -> Model[List[Doc], List[Ints2d]]:
    def forward(model, docs, is_train):
        table = packaged_table(lexicons=tuple(lexicons))
        out = []
        for doc in docs:
            norms = doc.to_array([NORM]).reshape(-1)
            strings = doc.vocab.strings
            ids = feature_ids(table.masks([strings[int(n)] for n in norms]))
            out.append(model.ops.asarray2i(numpy.hstack([bigram_features(norms), ids]), dtype="uint64"))
        return out, lambda d_features: []

    return Model("pdcnlp_lexicon_features", forward)


@registry.architectures("pdcnlp.CharLexiconEmbed.v1")
def CharLexiconEmbed(width: int, rows: List[int], lexicons: List[str],
                     lexicon_rows: int = 128) -> Model[List[Doc], List[Floats2d]]:
    """``CharBigramEmbed.v1`` plus, per lexicon, the character's begin/middle/
    end/single mask of the words it takes part in (``lexicon_features.py``
    says why). The lexicons are named from ``feature_lexicons.json``; their
    content is fixed by that file, whose hash the model's meta records.

    width, rows: as for ``CharBigramEmbed.v1``.
    lexicons: which lexicons of ``feature_lexicons.json`` to use, in order.
    lexicon_rows: rows of each lexicon's table (16 masks: a few rows spare).
    """
    tables = _bigram_tables("CharLexiconEmbed", width, rows)
    if not lexicons:
        raise ValueError("CharLexiconEmbed needs at least one lexicon; use CharBigramEmbed.v1 for none")
    tables += [HashEmbed(width, lexicon_rows, column=3 + k, seed=20 + k, dropout=0.0) for k in range(len(lexicons))]
    return _embedded(_lexicon_extractor(list(lexicons)), tables, width)
