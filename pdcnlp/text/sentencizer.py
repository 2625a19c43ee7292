"""spaCy component: sentence boundaries by :func:`pdcnlp.text.sentences.sentence_spans`.

The rule reads the Doc's clean view, so full-width and half-width marks,
Traditional and Simplified, noise or none, give the same boundaries.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .clean_view import clean_view, token_at
from .sentences import sentence_spans


@Language.factory("pdcnlp_sentences", requires=["token.norm"], assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    return SentenceSplitter()


class SentenceSplitter:
    """Sets ``is_sent_start`` on every token (see module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        view = clean_view(doc)
        starts = view.token_starts
        values = numpy.full(len(doc), -1, dtype="int64")
        values[0] = 1
        for s, _ in sentence_spans(view.text, strip=False, skip_noise=False)[1:]:
            i = token_at(starts, s)
            if i < len(doc):
                values[i] = 1
        # One array write: setting token.is_sent_start token by token is
        # quadratic in spaCy (measured: 99% of pipeline time on long docs).
        doc.from_array([SENT_START], values.reshape(-1, 1).view("uint64"))
        return doc
