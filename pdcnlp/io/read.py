"""Reading inputs: every caller (``pdcnlp extract``, ``pdcnlp display``,
``pdcnlp.read``) goes through the format registry, so a file is read the
same way whichever command reads it."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from . import formats  # noqa: F401  (registers the formats)
from .document import MAX_BYTES_DEFAULT, Document, Skip, UnreadableFile
from .paths import iter_inputs
from .registry import TAKES_REL, ReadOptions, reader_for


def read_file(path: Union[str, Path], options: ReadOptions = ReadOptions(), rel: Optional[str] = None,
              **kwargs) -> Iterator[Union[Document, Skip]]:
    """Documents (or skips) of one file, by the reader of its type; ``rel``
    is its id (default: its name)."""
    path = Path(path)
    reader = reader_for(path)
    if TAKES_REL.get(reader, True):
        yield from reader(path, options, rel, **kwargs)
        return
    for item in reader(path, options):   # a reader of the older (path, options) form
        if rel is not None and isinstance(item, Document) and item.id is None:
            item.id = rel
        yield item


def iter_documents(inputs: Sequence[str], text_field: str = "text", id_field: Optional[str] = None,
                   suffixes: Optional[Iterable[str]] = None,
                   max_bytes: int = MAX_BYTES_DEFAULT) -> Iterator[Union[Document, Skip]]:
    """Documents (or skips) from files, folders and globs (see :mod:`pdcnlp.io.formats`)."""
    options = ReadOptions(text_field, id_field, max_bytes)
    for item in iter_inputs(inputs, suffixes):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_file(item.path, options, item.rel)


def read(path: Union[str, Path], max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    """Read one article file (.txt, .html, .shtml, …): decoded text, body range and metadata.

    Raises :class:`UnreadableFile` (a ``ValueError``) with the reason when the
    file is binary, too large, in no encoding we can read, or holds nothing
    to analyse; a .jsonl holds many documents: use :func:`iter_documents`.
    """
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        raise UnreadableFile(f"{path} holds one document per line: use pdcnlp.io.iter_documents")
    for item in read_file(path, ReadOptions(max_bytes=max_bytes)):
        if isinstance(item, Skip):
            raise UnreadableFile(item.reason)
        return item
    raise UnreadableFile("no document")
