"""Words and parts of speech over the char tokens (People's Daily 1998 style).

A character tagger (spaCy ``tagger`` with BIES-POS labels, trained by
``training/train_words.py``) and a component that turns its tags into word
spans: ``doc.spans["words"]``, the POS as each span's label. The linker
reads them to know where a noun phrase ends.
"""
from .bies import decode, encode, WORD_POS_COARSE
from .component import WordTagger

__all__ = ["decode", "encode", "WordTagger", "WORD_POS_COARSE"]
