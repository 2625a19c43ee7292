"""Which documents to read: paths, folders and globs of .txt, .html and .jsonl.

One input file can hold one document (.txt, .html) or many (.jsonl, one per
line, text in a field). Everything is expanded in a stable order, each file
once; an input that matches nothing, and a file or line that cannot be read,
come back as :class:`Skip` with the reason, so a caller can log it and go
on: never a crash mid-run, never silent loss.
"""
from __future__ import annotations

import glob
import json
import logging
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from .reader import MAX_BYTES_DEFAULT, UnreadableFile, parse_article, read_bytes

log = logging.getLogger(__name__)

DEFAULT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass
class Document:
    """One document to analyse: the text of its parts and where they came from."""

    doc_id: str
    path: str
    text: str                                   # the whole decoded text offsets point into
    parts: List[Tuple[str, int, int]]           # (name, start, end) to run the pipeline on
    meta: Dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"


@dataclass
class Skip:
    path: str
    reason: str
    doc_id: Optional[str] = None


def iter_paths(inputs: Sequence[str], suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> Iterator[Union[Path, Skip]]:
    """Files from ``inputs``: a file as given, a folder recursively (files
    with one of ``suffixes``, sorted), a glob pattern expanded. A missing
    input is a :class:`Skip`."""
    suffixes = tuple(s.lower() for s in suffixes)
    seen = set()
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        elif p.is_file():
            found = [p]
        else:
            found = sorted(Path(f) for f in glob.glob(raw, recursive=True) if Path(f).is_file())
            if not found:
                yield Skip(str(raw), "no such file, folder or glob match")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


class _TextOfHTML(HTMLParser):
    """Visible text of an HTML page, block elements on their own lines."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title"}
    SKIP = {"script", "style", "noscript", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: List[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "head":
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "head" and self._skip:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def iter_documents(inputs: Sequence[str], text_field: str = "text", id_field: Optional[str] = "id",
                   suffixes: Iterable[str] = DEFAULT_SUFFIXES,
                   max_bytes: int = MAX_BYTES_DEFAULT) -> Iterator[Union[Document, Skip]]:
    """Documents (or skips) from files, folders and globs.

    .txt: decoded (UTF-8, GB18030, Big5), boilerplate found by
    :func:`pdcnlp.reader.parse_article`; offsets point into the decoded file.
    .html/.htm: the visible text (tags, scripts and styles removed), then as
    .txt; offsets point into that text. .jsonl: one document per line, the
    text in ``text_field`` (id from ``id_field`` when present, else
    ``file:line``); offsets point into that field.
    """
    for item in iter_paths(inputs, suffixes):
        if isinstance(item, Skip):
            yield item
            continue
        path = item
        try:
            text, enc = read_bytes(path, max_bytes=max_bytes)
        except (UnreadableFile, OSError) as e:
            yield Skip(str(path), str(e))
            continue
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _jsonl_documents(path, text, enc, text_field, id_field)
            continue
        if suffix in (".html", ".htm"):
            text = html_to_text(text)
        yield _document(path.stem, str(path), text, enc)


def _document(doc_id: str, path: str, text: str, enc: str, extra_meta=None) -> Union[Document, Skip]:
    if not text.strip():
        return Skip(path, "no text", doc_id)
    if not any("\u3400" <= c <= "\u9fff" for c in text[:200_000]):
        return Skip(path, "no Chinese text", doc_id)
    art = parse_article(text, path=path, encoding=enc)
    meta = dict(art.meta)
    if art.title:
        meta.setdefault("title", art.title)
    if extra_meta:
        meta.update({k: str(v) for k, v in extra_meta.items() if v is not None})
    parts = art.parts()
    if not parts:
        return Skip(path, "no text", doc_id)
    return Document(doc_id, path, text, parts, meta, enc)


def _jsonl_documents(path: Path, text: str, enc: str, text_field: str, id_field: Optional[str]):
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(where, f"not valid JSON ({e.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get(text_field), str):
            yield Skip(where, f"no string field {text_field!r}")
            continue
        doc_id = str(rec[id_field]) if id_field and rec.get(id_field) is not None else f"{path.stem}:{lineno}"
        extra = {k: rec[k] for k in ("title", "year", "date", "source", "url") if k in rec and k != text_field}
        yield _document(doc_id, where, rec[text_field], enc, extra)
