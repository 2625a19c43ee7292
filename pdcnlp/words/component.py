"""The word layer on the Doc: ``pdcnlp_words`` turns the BIES-POS tags of
the ``words_tagger`` (spaCy's ``tagger``, trained by
``training/train_words.py``) into ``doc.spans["words"]``, one span per
word with its PD1998 POS as label.

Why a separate decoding component: the tagger's output is per token and can
be ill-formed (an E with no B); users and the linker want whole words, and
one place should decide how a broken sequence is repaired
(:func:`pdcnlp.words.bies.decode`).
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..schema import WORDS_KEY
from .bies import decode

TAGGER_NAME = "words_tagger"


@Language.factory("pdcnlp_words", assigns=["doc.spans"], requires=["token.tag"])
def make_words(nlp: Language, name: str):
    return words_from_tags


def words_from_tags(doc: Doc) -> Doc:
    tags = [t.tag_ for t in doc]
    doc.spans[WORDS_KEY] = [Span(doc, i, j, label=pos) for i, j, pos in decode(tags)]
    return doc


class WordTagger:
    """The word layer outside a full pipeline: a saved pipeline of the
    tokenizer, ``words_tagger`` and ``pdcnlp_words`` (``training/work/words``).

    :meth:`clean_words` gives words in offsets of a clean string, which is
    what the linker's pure functions and the training scripts work on."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    @classmethod
    def load(cls, path: Union[str, Path]) -> "WordTagger":
        import spacy

        from .. import text  # noqa: F401  (registers the tokenizer)

        return cls(spacy.load(path))

    def clean_words(self, clean: str) -> List[Tuple[int, int, str]]:
        """``(start, end, pos)`` in offsets of ``clean`` (already normalised:
        the tokenizer leaves it unchanged, so token.idx is a clean offset)."""
        doc = self.nlp(clean)
        return [(w.start_char, w.end_char, w.label_) for w in doc.spans[WORDS_KEY]]
