"""Extraction at scale (the run that ties reader, engine and writers): inputs
in, tidy tables out, on one core, several, or a Dask cluster.

The unit of work is a task (:mod:`.tasks`): a file, or a range of records
of a .jsonl. The run

1. takes the output lock (a second run on the same output is refused);
2. plans: walks the inputs (every file not read becomes a line in the
   errors log, with its reason), cuts each .jsonl into record ranges and
   collects their fields (the extra columns);
3. with ``resume``, cuts the tables back to the last finished task
   (:func:`.writers.prepare_resume`) and skips finished tasks;
4. runs the tasks on the chosen engine, writing each task's rows, then its
   skips, then its done-log line, in input order;
5. writes ``OUT.summary.json`` (processed, skipped by reason), also when the
   run is interrupted or an output cannot be written.

Every input path and every .jsonl record ends with rows or with a line in
``OUT.errors.jsonl`` (``path``, ``record``, ``doc_id``, ``reason``,
``action``: skipped, ignored or salvaged).
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Optional, Sequence, Union

from ..io.document import MAX_BYTES_DEFAULT, Skip
from ..io.registry import ReadOptions
from ..schema import ENTITY_COLUMNS, MEASUREMENT_COLUMNS
from .engines import run_tasks
from .rows import extra_column
from .tasks import Task, plan
from .writers import (OutputError, OutputLock, TableWriter, UsageError, output_format, output_paths,
                      prepare_resume)

log = logging.getLogger(__name__)

WALK_KEY = "<inputs>"  # the done-log entry written once the walk's skips are logged


@dataclass
class Summary:
    files: int = 0                 # input files found (a .jsonl counts once)
    tasks: int = 0                 # files and .jsonl record ranges
    tasks_skipped_as_done: int = 0
    documents: int = 0
    chars: int = 0
    measurements: int = 0
    entities: int = 0
    skipped: int = 0               # inputs or records with no rows (errors log, action=skipped)
    ignored: int = 0               # files of a suffix not read, second links to one file
    salvaged: int = 0              # documents read with a repair (bad bytes replaced)
    min_confidence: Optional[float] = None   # entities under it were left out of the tables
    entities_dropped: int = 0      # how many (docs/confidence.md)
    reasons: Dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    status: str = "complete"       # complete | interrupted | output error

    @property
    def files_skipped_as_done(self) -> int:  # the name before tasks
        return self.tasks_skipped_as_done

    def as_dict(self):
        return dict(self.__dict__)


def reason_kind(reason: str) -> str:
    """A reason without its particulars (sizes, names), to count by."""
    return re.sub(r"\d+", "N", reason.split(" (")[0])[:60]


def extract_to_files(inputs: Sequence[str], output: Union[str, Path], fmt: Optional[str] = None,
                     text_field: str = "text", n_process: int = 1, dask=None, resume: bool = False,
                     model: Optional[str] = None, progress: bool = True,
                     suffixes: Optional[Iterable[str]] = None, nlp=None, id_field: Optional[str] = None,
                     keep_fields: Optional[Sequence[str]] = None, max_bytes: int = MAX_BYTES_DEFAULT,
                     bom: bool = False, chunk_records: int = 16, min_confidence: Optional[float] = None) -> Summary:
    """Run over ``inputs`` and write the tables next to ``output`` (see
    module docstring). Raises :class:`.writers.UsageError` for a bad request
    and :class:`.writers.OutputError` when an output cannot be written;
    ``KeyboardInterrupt`` leaves the tables resumable."""
    if min_confidence is not None and not (isinstance(min_confidence, (int, float)) and 0 <= min_confidence <= 1):
        raise UsageError(f"--min-confidence must be between 0 and 1, not {min_confidence!r}")
    fmt = output_format(output, fmt)
    paths = output_paths(output, fmt)
    try:
        paths["measurements"].parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(e.errno, f"cannot create {paths['measurements'].parent}: {e.strerror or e}") from None
    with OutputLock(paths["lock"], output):
        return _run(inputs, paths, fmt, text_field, n_process, dask, resume, model, progress, suffixes, nlp,
                    id_field, keep_fields, max_bytes, bom, chunk_records, min_confidence)


def _clear(paths):
    for key in ("measurements", "entities", "errors", "done", "summary"):
        p = paths[key]
        if p.is_dir():
            for f in list(p.glob("part-*.parquet")) + list(p.glob(".*.tmp")):
                f.unlink()
        elif p.exists():
            p.unlink()


def _run(inputs, paths, fmt, text_field, n_process, dask, resume, model, progress, suffixes, nlp,
         id_field, keep_fields, max_bytes, bom, chunk_records, min_confidence=None) -> Summary:
    t0 = time.time()
    summary = Summary(min_confidence=min_confidence)
    reasons: Counter = Counter()
    try:
        if not resume:
            _clear(paths)
        done, entries = prepare_resume(paths, fmt) if resume else (set(), [])
    except OSError as e:
        raise OutputError(e.errno, f"cannot prepare {paths['measurements']}: {e.strerror or e}") from None
    for e in entries:  # what earlier runs finished counts in this summary
        c = e.get("counts", {})
        for k in ("documents", "chars", "measurements", "entities", "skipped", "ignored", "salvaged",
                  "entities_dropped"):
            setattr(summary, k, getattr(summary, k) + c.get(k, 0))
        reasons.update(c.get("reasons", {}))

    if entries and entries[0].get("key") == WALK_KEY and "chunk_records" in entries[0]:
        # the finished tasks are named by the first run's record ranges:
        # cut the same ranges, whatever this run was asked for
        chunk_records = entries[0]["chunk_records"]
    if entries and entries[0].get("key") == WALK_KEY and "min_confidence" in entries[0] \
            and entries[0]["min_confidence"] != min_confidence:
        # one table, one threshold: rows already written were filtered with the first run's
        raise UsageError(f"--resume with --min-confidence {entries[0]['min_confidence']} as the run it "
                         f"continues (not {min_confidence}), or start afresh without --resume")
    items, extra = plan(inputs, suffixes, chunk_records, text_field, id_field, keep_fields, max_bytes)
    extra_cols = [extra_column(f) for f in extra]
    options = ReadOptions(text_field, id_field, max_bytes, tuple(keep_fields) if keep_fields is not None else None)
    tasks = [t for t in items if isinstance(t, Task)]
    summary.files = len({t.path for t in tasks})
    summary.tasks = len(tasks)
    todo = [t for t in tasks if t.key not in done]
    summary.tasks_skipped_as_done = len(tasks) - len(todo)

    writers = {"measurements": TableWriter(paths["measurements"], fmt, list(MEASUREMENT_COLUMNS) + extra_cols, bom),
               "entities": TableWriter(paths["entities"], fmt, list(ENTITY_COLUMNS) + extra_cols, bom)}
    errors = TableWriter(paths["errors"], "jsonl", ["path", "record", "doc_id", "reason", "action"])
    try:
        done_log = open(paths["done"], "ab")
    except OSError as e:
        raise OutputError(e.errno, f"cannot write {paths['done']}: {e.strerror or e}") from None

    def log_skips(skips, counts: Counter):
        if not skips:
            return
        for s in skips:
            (log.info if s.action == "salvaged" else log.warning)("%s %s: %s", s.action, s.path, s.reason)
            counts[s.action] += 1
            if s.action == "skipped":
                counts["reason:" + reason_kind(s.reason)] += 1
        _write(errors, [s.as_dict() for s in skips])

    def mark_done(key: str, counts: Counter, parts=None, **more):
        c = {k: v for k, v in counts.items() if not k.startswith("reason:")}
        c["reasons"] = {k[7:]: v for k, v in counts.items() if k.startswith("reason:")}
        for k in ("skipped", "ignored", "salvaged"):
            setattr(summary, k, getattr(summary, k) + counts.get(k, 0))
        reasons.update(c["reasons"])
        entry = {"key": key, "sizes": {k: w.size() for k, w in (*writers.items(), ("errors", errors))},
                 "parts": parts or {}, "counts": c, **more}
        try:
            done_log.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace"))
            done_log.flush()
            os.fsync(done_log.fileno())
        except OSError as e:
            raise OutputError(e.errno, f"cannot write {paths['done']}: {e.strerror or e}") from None

    bar = _progress(todo, progress)
    try:
        try:
            if WALK_KEY not in done:
                counts: Counter = Counter()
                log_skips([s for s in items if isinstance(s, Skip)], counts)
                mark_done(WALK_KEY, counts, chunk_records=chunk_records, min_confidence=min_confidence)
            for res in run_tasks(todo, options, n_process, dask, model, nlp, quiet=not progress,
                                 min_confidence=min_confidence):
                counts = Counter()
                parts = {}
                for table, rows in (("measurements", res.measurements), ("entities", res.entities)):
                    if rows:
                        name = _write(writers[table], rows)
                        if name:
                            parts[table] = [name]
                log_skips(res.skips, counts)
                counts.update({"documents": res.n_docs, "chars": res.n_chars,
                               "measurements": len(res.measurements), "entities": len(res.entities),
                               "entities_dropped": res.n_dropped})
                mark_done(res.key, counts, parts)
                for k in ("documents", "chars", "measurements", "entities", "entities_dropped"):
                    setattr(summary, k, getattr(summary, k) + counts[k])
                bar.update(res.n_bytes)
                bar.set_postfix(docs=summary.documents, chars=f"{summary.chars:,}", refresh=False)
        except KeyboardInterrupt:
            summary.status = "interrupted"
            raise
        except OutputError:
            summary.status = "output error"
            raise
    finally:
        bar.close()
        for w in (*writers.values(), errors):
            w.close()
        done_log.close()
        summary.reasons = dict(sorted(reasons.items(), key=lambda kv: -kv[1]))
        summary.seconds = round(time.time() - t0, 2)
        try:
            paths["summary"].write_text(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False),
                                        encoding="utf-8")
        except OSError as e:  # a full disk: the CLI still prints the summary line
            log.error("cannot write %s: %s", paths["summary"], e.strerror or e)
    return summary


def _write(writer: TableWriter, rows):
    """Write, turning any OS error (disk full, file removed, permission) into
    an :class:`OutputError` naming the table."""
    try:
        return writer.write(rows)
    except OutputError:
        raise
    except OSError as e:
        raise OutputError(e.errno, f"cannot write {writer.path}: {e.strerror or e}") from None


def _progress(tasks, enabled: bool):
    """Progress over the bytes to read (so one big .jsonl moves too), with
    documents and characters done and an ETA."""
    from tqdm import tqdm

    return tqdm(total=sum(t.size for t in tasks), unit="B", unit_scale=True, desc="extract",
                disable=not enabled, file=sys.stderr)
