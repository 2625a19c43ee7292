"""JSON Lines (.jsonl): one document per record, streamed.

A record is one line, and lines end at ``\\n`` only: JSON strings may hold
U+2028, U+2029 or U+0085 (which ``str.splitlines`` would split on), and
``\\r\\n`` files keep working since JSON ignores the ``\\r``. The file is
never read whole and has no size cap; each record has the per-document cap
(``max_bytes``, ``--max-doc-bytes``), and a record over it is skipped with
the reason, read past without being held in memory.

The text is in ``options.text_field``; the id is ``REL:RECORD`` (REL the
file's path relative to the input root, RECORD the 1-based line number) or
the value of ``options.id_field``. Fields named title, date, source, author,
editor, site and url fill those document columns; every other field (or
those in ``options.keep_fields``) is carried to the tables as a column.

:func:`plan_chunks` cuts a file into byte ranges of whole records, so one
big JSONL is shared by ``--n-process`` workers and Dask partitions, and a
resumed run restarts at the first unfinished range.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Dict, Iterator, List, Optional, Tuple

from ..decode import decode_report
from ..document import Skip, UnreadableFile, display_path
from ..registry import ReadOptions, document_or_skip, read_error, register

DOC_FIELDS = ("title", "date", "source", "author", "editor", "site", "url")
BLOCK = 1 << 20


@dataclass(frozen=True)
class Chunk:
    """Records ``first_record`` .. ``first_record + n_records - 1``, at
    bytes ``start`` .. ``end`` of the file."""

    start: int
    end: int
    first_record: int
    n_records: int


def _records(f: BinaryIO, end: Optional[int], cap: int) -> Iterator[Tuple[Optional[bytes], int]]:
    """``(line, size)`` for each line from the current position to ``end``;
    ``line`` is None for a line over ``cap`` bytes (read past in blocks)."""
    pos = f.tell()
    while end is None or pos < end:
        line = f.readline(cap + 1 if cap else -1)
        if not line:
            return
        size = len(line)
        if cap and size > cap and not line.endswith(b"\n"):
            while True:  # read past the rest of the over-long line
                more = f.readline(BLOCK)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            pos += size
            yield None, size
            continue
        pos += size
        yield line, size


def plan_chunks(path, records_per_chunk: int = 16, max_chunk_bytes: int = 4 << 20,
                fields: Optional[Dict[str, None]] = None, max_bytes: int = 0) -> List[Chunk]:
    """Byte ranges of whole records (see module docstring). With ``fields``
    (an ordered dict used as an ordered set), the keys of every record are
    added to it, so the tables can have a column per field before the first
    row is written. A line over ``max_bytes`` is passed over in blocks (its
    record will be skipped by the reader), never held whole."""
    chunks: List[Chunk] = []
    with open(path, "rb") as f:
        start, first, n, nbytes, record = 0, 1, 0, 0, 0
        for line, size in _records(f, None, max_bytes):
            record += 1
            if fields is not None and line is not None and b"{" in line[:64]:
                try:
                    rec = json.loads(line)
                    if isinstance(rec, dict):
                        for k in rec:
                            fields.setdefault(k, None)
                except ValueError:
                    pass
            n += 1
            nbytes += size
            if n >= records_per_chunk or nbytes >= max_chunk_bytes:
                chunks.append(Chunk(start, start + nbytes, first, n))
                start, first, n, nbytes = start + nbytes, record + 1, 0, 0
        if n:
            chunks.append(Chunk(start, start + nbytes, first, n))
    return chunks


def _value(v) -> Optional[str]:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False)


@register(".jsonl")
def read_jsonl_file(path: Path, options: ReadOptions, rel: Optional[str] = None,
                    chunk: Optional[Chunk] = None):
    shown = display_path(path)
    rel = rel or display_path(Path(path).name)
    try:
        f = open(path, "rb")
    except OSError as e:
        yield Skip(shown, read_error(e), rel)
        return
    with f:
        record = 0
        end = None
        if chunk is not None:
            f.seek(chunk.start)
            record = chunk.first_record - 1
            end = chunk.end
        try:
            for line, size in _records(f, end, options.max_bytes):
                record += 1
                yield from _record(line, size, record, shown, rel, options)
        except OSError as e:
            yield Skip(shown, f"{read_error(e)} (after record {record})", rel, record + 1)


def _record(line: Optional[bytes], size: int, record: int, shown: str, rel: str, options: ReadOptions):
    doc_id = f"{rel}:{record}"
    if line is None:
        yield Skip(shown, f"record is {size} bytes, over the {options.max_bytes}-byte cap (--max-doc-bytes)",
                   doc_id, record)
        return
    if record == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    if not line.strip():
        return  # a blank line is no record (not a loss: it held nothing)
    try:
        decoded = decode_report(line)
    except UnreadableFile as e:
        yield Skip(shown, str(e), doc_id, record)
        return
    try:
        rec = json.loads(decoded.text)
    except ValueError as e:
        yield Skip(shown, f"not valid JSON ({getattr(e, 'msg', e)})", doc_id, record)
        return
    tf = options.text_field
    if not isinstance(rec, dict) or not isinstance(rec.get(tf), str):
        yield Skip(shown, f"no string field {tf!r}", doc_id, record)
        return
    idf = options.id_field
    if idf and rec.get(idf) not in (None, ""):
        doc_id = str(rec[idf])
    meta = {k: _value(rec.get(k)) for k in DOC_FIELDS if k != tf and k in rec}
    keep = options.keep_fields
    extra = {k: _value(v) for k, v in rec.items()
             if k not in (tf, idf) and k not in DOC_FIELDS and (keep is None or k in keep)}
    yield document_or_skip(doc_id, shown, rec[tf], decoded.encoding, meta, record=record, extra=extra,
                           notes=decoded.notes)
