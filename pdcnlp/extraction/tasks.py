"""Units of work: a file, or a range of records of one .jsonl.

The unit used to be the file, so one 86 MB JSONL of 5,000 reports was one
task: no parallelism, no progress, and a killed run redid it whole. A task
is now a whole file (.txt, .html, …) or a :class:`~pdcnlp.io.formats.jsonl.Chunk`
of a .jsonl (16 records or 4 MB by default), so workers and Dask partitions
share a big JSONL by record ranges, progress moves per chunk, and resume
restarts at the first unfinished range. A task's ``key`` names it in the
done-log: the file's path relative to the input root (plus the record
range), so a resume from another working folder finds it.

:func:`plan` walks the inputs once (skips pass straight through, to be
logged), cuts each .jsonl into chunks and collects its field names, so the
tables can have one column per field before the first row is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ..io.document import Skip, display_path
from ..io.formats.jsonl import DOC_FIELDS, Chunk, plan_chunks
from ..io.paths import InputFile, iter_inputs
from ..io.registry import read_error


@dataclass(frozen=True)
class Task:
    path: str
    rel: str
    size: int                       # bytes to read (for progress)
    chunk: Optional[Chunk] = None   # a .jsonl record range

    @property
    def key(self) -> str:
        if self.chunk is None:
            return self.rel
        c = self.chunk
        return f"{self.rel}#{c.first_record}-{c.first_record + c.n_records - 1}"


def plan(inputs: Sequence[str], suffixes: Optional[Iterable[str]] = None, chunk_records: int = 16,
         text_field: str = "text", id_field: Optional[str] = None,
         keep_fields: Optional[Sequence[str]] = None, max_bytes: int = 0
         ) -> Tuple[List[Union[Task, Skip]], List[str]]:
    """Tasks and skips in input order, and the .jsonl fields to add as
    columns (see module docstring)."""
    items: List[Union[Task, Skip]] = []
    fields: Dict[str, None] = {}
    for item in iter_inputs(inputs, suffixes):
        if isinstance(item, Skip):
            items.append(item)
            continue
        items.extend(_tasks_of(item, chunk_records, fields if keep_fields is None else None, max_bytes))
    if keep_fields is not None:
        extra = [f for f in keep_fields if f not in DOC_FIELDS and f not in (text_field, id_field)]
    else:
        extra = [f for f in fields if f not in DOC_FIELDS and f not in (text_field, id_field)]
    return items, extra


def _tasks_of(f: InputFile, chunk_records: int, fields: Optional[Dict[str, None]],
              max_bytes: int) -> List[Union[Task, Skip]]:
    if not f.path.lower().endswith(".jsonl"):
        return [Task(f.path, f.rel, f.size)]
    try:
        chunks = plan_chunks(f.path, chunk_records, fields=fields, max_bytes=max_bytes)
    except OSError as e:
        return [Skip(display_path(f.path), read_error(e), f.rel)]
    if not chunks:
        return [Skip(display_path(f.path), "no text (empty .jsonl)", f.rel)]
    return [Task(f.path, f.rel, c.end - c.start, c) for c in chunks]
