"""pdcnlp: Chinese party and government reports into analysis-ready data.

    >>> import pdcnlp
    >>> nlp = pdcnlp.load()
    >>> doc = nlp("開展集體學習4000余場次")
    >>> [(e.text, e.label_) for e in doc.ents]

One folder per stage: ``text/`` (noise, normalisation, tokenizer, clean
view, sentences) → ``entities/`` → ``quantities/`` → ``linking/`` →
``extraction/`` (rows, engines, writers), with ``io/`` reading the inputs and
``schema`` defining what the pipeline promises (docs/architecture.md).
"""
from .about import __version__
from .extraction import extract, iter_extract
from .io import Document, UnreadableFile, read
from .pipeline import build, load
from .text import normalize

Article = Document   # the name pdcnlp.read's result had before issue 12

__all__ = ["__version__", "normalize", "build", "load", "read", "extract", "iter_extract", "Document",
           "Article", "UnreadableFile"]
