"""The input-format registry: a file's type picks its reader BEFORE decoding.

A format is one module in :mod:`pdcnlp.io.formats` that registers a reader
for its suffixes::

    @register(".txt")
    def read_text_file(path: Path, options: ReadOptions) -> Iterator[Union[Document, Skip]]: ...

The reader decodes the file its own way (a JSONL file is split into
records, an HTML page has its tags removed) and yields :class:`Document`
objects, or :class:`Skip` for what it cannot read. Adding an input format
is one new module there; nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterator, Mapping, Optional, Tuple, Union

from .article import parse_article
from .document import MAX_BYTES_DEFAULT, Document, Skip

Reader = Callable[[Path, "ReadOptions"], Iterator[Union[Document, Skip]]]
FORMATS: Dict[str, Reader] = {}
FALLBACK = ".txt"        # a file named explicitly, of a suffix no format claims, is read as text


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"             # .jsonl: the field holding the text
    id_field: Optional[str] = "id"       # .jsonl: the field holding the document id
    max_bytes: int = MAX_BYTES_DEFAULT   # larger files are skipped with the reason


def register(*suffixes: str):
    """Register the decorated reader for ``suffixes`` (lower case, with the dot)."""
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            FORMATS[s.lower()] = fn
        return fn
    return deco


def registered_suffixes() -> Tuple[str, ...]:
    return tuple(FORMATS)


def reader_for(path: Path) -> Reader:
    return FORMATS.get(path.suffix.lower()) or FORMATS[FALLBACK]


def document_or_skip(doc_id: str, where: str, text: str, encoding: str,
                     extra_meta: Optional[Mapping[str, object]] = None) -> Union[Document, Skip]:
    """A :class:`Document` of decoded ``text`` (body and metadata found by
    :func:`pdcnlp.io.article.parse_article`), or a :class:`Skip` when there
    is nothing to analyse in it. ``extra_meta`` (a .jsonl record's fields)
    overrides what was found in the text."""
    if not text.strip():
        return Skip(where, "no text", doc_id)
    if not any("\u3400" <= c <= "\u9fff" for c in text[:200_000]):
        return Skip(where, "no Chinese text", doc_id)
    doc = parse_article(text, path=where, encoding=encoding)
    doc.id = doc_id
    if extra_meta:
        doc.meta.update({k: str(v) for k, v in extra_meta.items() if v is not None})
    if not doc.parts():
        return Skip(where, "no text", doc_id)
    return doc
