"""pdcnlp: Chinese party and government reports into analysis-ready data.

    >>> import pdcnlp
    >>> nlp = pdcnlp.load()
    >>> doc = nlp("開展集體學習4000余場次")
    >>> [(e.text, e.label_) for e in doc.ents]
"""
from .about import __version__
from .extraction import extract, iter_extract
from .normalize import normalize
from .pipeline import build, load
from .reader import Article, UnreadableFile, read

__all__ = ["__version__", "normalize", "build", "load", "read", "extract", "iter_extract", "Article", "UnreadableFile"]
