"""Extraction at scale (the run that ties reader, engine and writers): files in, tidy tables out, on one core, several, or a Dask cluster.

The unit of work is one input *file* (a .txt or .html article, or a .jsonl
of many): a worker reads it, runs the pipeline over every document in it and
returns rows; the writer appends them and then records the file as done.
That one design serves all three engines:

* in process (``n_process=1``);
* a ``multiprocessing`` pool (``n_process=N``): one model load per worker;
* Dask distributed (``dask=ADDRESS`` or ``dask=True`` for a LocalCluster):
  one model load per worker process, files mapped over the cluster.

Files are submitted in windows, so memory stays bounded however large the
corpus, and results are written in input order, so every engine writes the
same rows in the same order. ``resume=True`` reads the done-log
(``OUT.done``), drops any rows of files that were not finished when a run
was killed, and skips the finished ones: a resumed run ends with exactly the
rows of an uninterrupted one.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from ..io.document import Skip
from ..io.paths import iter_paths
from ..schema import ENTITY_COLUMNS, MEASUREMENT_COLUMNS
from .engines import run_files
from .writers import FORMATS, TableWriter, output_paths, prepare_resume

log = logging.getLogger(__name__)


@dataclass
class Summary:
    files: int = 0
    files_skipped_as_done: int = 0
    documents: int = 0
    chars: int = 0
    measurements: int = 0
    entities: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def as_dict(self):
        return dict(self.__dict__)


def extract_to_files(inputs: Sequence[str], output: Union[str, Path], fmt: Optional[str] = None,
                     text_field: str = "text", n_process: int = 1, dask=None, resume: bool = False,
                     model: Optional[str] = None, progress: bool = True,
                     suffixes: Optional[Iterable[str]] = None, nlp=None) -> Summary:
    """Run over ``inputs`` and write the tables next to ``output``."""
    fmt = fmt or Path(output).suffix.lstrip(".").lower() or "csv"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {FORMATS}")
    paths = output_paths(output, fmt)
    paths["measurements"].parent.mkdir(parents=True, exist_ok=True)
    if not resume:
        for key in ("measurements", "entities", "errors", "done", "summary"):
            p = paths[key]
            if p.is_dir():
                for f in p.glob("*"):
                    f.unlink()
            elif p.exists():
                p.unlink()
    done = prepare_resume(paths, fmt) if resume else set()
    t0 = time.time()
    summary = Summary()
    files, early_skips = [], []
    for item in iter_paths(inputs, suffixes):
        if isinstance(item, Skip):
            early_skips.append(item)
        elif str(item) in done:
            summary.files_skipped_as_done += 1
        else:
            files.append(str(item))
    summary.files = len(files) + summary.files_skipped_as_done
    writers = {"measurements": TableWriter(paths["measurements"], fmt, MEASUREMENT_COLUMNS),
               "entities": TableWriter(paths["entities"], fmt, ENTITY_COLUMNS)}
    errors = open(paths["errors"], "a", encoding="utf-8")
    done_log = open(paths["done"], "a", encoding="utf-8")

    def log_skip(s: Skip):
        log.warning("skipped %s: %s", s.path, s.reason)
        errors.write(json.dumps({"path": s.path, "doc_id": s.doc_id, "reason": s.reason}, ensure_ascii=False) + "\n")
        errors.flush()
        summary.skipped += 1

    for s in early_skips:
        log_skip(s)
    bar = _progress(len(files), progress)
    try:
        for res in run_files(files, text_field, n_process, dask, model, nlp):
            parts = {}
            for table, rows in (("measurements", res.measurements), ("entities", res.entities)):
                if rows:
                    name = writers[table].write(rows)
                    if name:
                        parts[table] = [name]
            for s in res.skips:
                log_skip(s)
            done_log.write(json.dumps({"file": res.path, "parts": parts}, ensure_ascii=False) + "\n")
            done_log.flush()
            os.fsync(done_log.fileno())
            summary.documents += res.n_docs
            summary.chars += res.n_chars
            summary.measurements += len(res.measurements)
            summary.entities += len(res.entities)
            bar.update(1)
    finally:
        bar.close()
        for w in writers.values():
            w.close()
        errors.close()
        done_log.close()
    summary.seconds = round(time.time() - t0, 2)
    paths["summary"].write_text(json.dumps(summary.as_dict(), indent=2), encoding="utf-8")
    return summary


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", disable=not enabled, file=sys.stderr)
