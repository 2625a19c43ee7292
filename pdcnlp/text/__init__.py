"""Text: noise, normalisation, the tokenizer and its clean view, sentences.

Importing this package registers the tokenizer and the sentence component.
"""
from . import sentencizer, tokenizer  # noqa: F401  (registers with spaCy)
from .normalize import NormalizedText, normalize

__all__ = ["normalize", "NormalizedText"]
