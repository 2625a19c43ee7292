"""The input-format registry: a file's type picks its reader BEFORE decoding.

A format is one module in :mod:`pdcnlp.io.formats` that registers a reader
for its suffixes::

    @register(".txt")
    def read_text_file(path: Path, options: ReadOptions, rel: str = None) -> Iterator[Union[Document, Skip]]: ...

(``rel`` is the file's id, its path relative to the input root.)

The reader decodes the file its own way (a JSONL file is split into
records, an HTML page goes through trafilatura) and yields :class:`Document`
objects, or :class:`Skip` for what it cannot read. Adding an input format
is one new module there; nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import inspect
import re
from typing import Callable, Dict, Iterator, Mapping, Optional, Sequence, Tuple, Union

from .article import parse_article
from .document import MAX_BYTES_DEFAULT, Document, Skip, UnreadableFile, os_reason

Reader = Callable[..., Iterator[Union[Document, Skip]]]
FORMATS: Dict[str, Reader] = {}
TAKES_REL: Dict[Reader, bool] = {}   # readers of the (path, options) form get their ids set by read_file
FALLBACK = ".txt"        # a file named explicitly, of a suffix no format claims, is read as text


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"             # .jsonl: the field holding the text
    id_field: Optional[str] = None       # .jsonl: a field holding the document id (default: FILE:RECORD)
    max_bytes: int = MAX_BYTES_DEFAULT   # per document (a file, or a .jsonl record); larger ones are skipped
    keep_fields: Optional[Tuple[str, ...]] = None   # .jsonl fields kept as columns (None: all)


def register(*suffixes: str):
    """Register the decorated reader for ``suffixes`` (lower case, with the dot)."""
    def deco(fn: Reader) -> Reader:
        try:
            params = inspect.signature(fn).parameters
            TAKES_REL[fn] = "rel" in params or len(params) >= 3
        except (TypeError, ValueError):  # pragma: no cover
            TAKES_REL[fn] = False
        for s in suffixes:
            FORMATS[s.lower()] = fn
        return fn
    return deco


def registered_suffixes() -> Tuple[str, ...]:
    return tuple(FORMATS)


def read_error(e: Exception) -> str:
    """The reason to log for an exception raised while reading a file."""
    if isinstance(e, UnreadableFile):
        return str(e)
    return f"cannot read: {os_reason(e)}" if isinstance(e, OSError) else f"{type(e).__name__}: {e}"


def open_report(path: Path, options: "ReadOptions", rel: Optional[str] = None):
    """``(shown path, doc_id, decoded file or Skip)``: the opening every
    file format shares (decode within the size cap; an unreadable file is
    one logged skip)."""
    from .decode import read_report
    from .document import display_path

    shown = display_path(path)
    doc_id = rel or display_path(Path(path).name)
    try:
        return shown, doc_id, read_report(path, max_bytes=options.max_bytes)
    except (UnreadableFile, OSError) as e:
        return shown, doc_id, Skip(shown, read_error(e), doc_id)


def reader_for(path: Path) -> Reader:
    return FORMATS.get(path.suffix.lower()) or FORMATS[FALLBACK]


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def document_or_skip(doc_id: str, where: str, text: str, encoding: str,
                     extra_meta: Optional[Mapping[str, object]] = None, *, record: Optional[int] = None,
                     extra: Optional[Mapping[str, str]] = None, notes: Sequence[str] = (),
                     parse: bool = True) -> Union[Document, Skip]:
    """A :class:`Document` of decoded ``text`` (body and metadata found by
    :func:`pdcnlp.io.article.parse_article` unless ``parse`` is False), or a
    :class:`Skip` when there is nothing to analyse in it. ``extra_meta``
    (title, date, source, author, editor, site, url from a .jsonl record or
    an HTML page) overrides what was found in the text; ``extra`` (the
    record's other fields) is carried to the tables as columns. The
    Chinese-text check reads the whole text: a page may open with 200,000
    characters of scripts before its article."""
    if not text.strip():
        return Skip(where, "no text", doc_id, record)
    if not _HAN.search(text):
        return Skip(where, "no Chinese text", doc_id, record)
    if parse:
        doc = parse_article(text, path=where, encoding=encoding)
    else:
        doc = Document(text, 0, len(text), None, {}, {}, where, encoding)
    doc.id = doc_id
    doc.record = record
    if extra_meta:
        for k, v in extra_meta.items():
            if v is None or v == "":
                continue
            if k == "title":
                doc.title = str(v)
            else:
                doc.meta[k] = str(v)
    doc.extra = dict(extra or {})
    doc.notes = list(notes)
    if not doc.parts():
        return Skip(where, "no text", doc_id, record)
    return doc
