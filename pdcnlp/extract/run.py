"""Extraction at scale: files in, tidy tables out, on one core, several, or a Dask cluster.

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

import csv
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Union

from .rows import ENTITY_COLUMNS, MEASUREMENT_COLUMNS, entity_rows, locality, measurement_rows
from .sources import DEFAULT_SUFFIXES, Document, Skip, iter_documents, iter_paths

log = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "parquet")
WINDOW = 32  # files in flight at once


@dataclass
class FileResult:
    """Everything one input file produced."""

    path: str
    measurements: List[Dict[str, object]] = field(default_factory=list)
    entities: List[Dict[str, object]] = field(default_factory=list)
    skips: List[Skip] = field(default_factory=list)
    n_docs: int = 0
    n_chars: int = 0


# --- per file: what every engine runs --------------------------------------------

def analyse_document(nlp, document: Document) -> tuple:
    texts = [document.text[s:e] for _, s, e in document.parts]
    docs = list(nlp.pipe(texts))
    place = locality(docs)
    ms, es = [], []
    for (name, s, _), doc in zip(document.parts, docs):
        ms.extend(measurement_rows(doc, document.doc_id, document.path, s, name, document.meta, place))
        es.extend(entity_rows(doc, document.doc_id, document.path, s, name))
    return ms, es


def process_file(nlp, path: str, text_field: str = "text") -> FileResult:
    """Run the pipeline over every document of one file. Never raises for
    bad input: problems come back as skips."""
    result = FileResult(path)
    try:
        for item in iter_documents([path], text_field=text_field, suffixes=(Path(path).suffix.lower(),)):
            if isinstance(item, Skip):
                result.skips.append(item)
                continue
            try:
                ms, es = analyse_document(nlp, item)
            except Exception as e:  # a bug on one document must not end the run
                log.exception("failed on %s", item.doc_id)
                result.skips.append(Skip(item.path, f"pipeline error: {type(e).__name__}: {e}", item.doc_id))
                continue
            result.measurements.extend(ms)
            result.entities.extend(es)
            result.n_docs += 1
            result.n_chars += len(item.text)
    except Exception as e:
        result.skips.append(Skip(path, f"unreadable: {type(e).__name__}: {e}"))
    return result


# --- engines -------------------------------------------------------------------------

_WORKER_NLP = None
_WORKER_MODEL = None


def _worker_nlp(model: Optional[str]):
    """The pipeline of this worker process, loaded once."""
    global _WORKER_NLP, _WORKER_MODEL
    if _WORKER_NLP is None or _WORKER_MODEL != model:
        from .pipeline import load

        _WORKER_NLP = load(model) if model else load()
        _WORKER_MODEL = model
    return _WORKER_NLP


def _pool_task(args) -> FileResult:
    path, text_field, model = args
    return process_file(_worker_nlp(model), path, text_field)


def dask_task(path: str, text_field: str = "text", model: Optional[str] = None) -> FileResult:
    """What a Dask worker runs for one file (model cached per worker process)."""
    return process_file(_worker_nlp(model), path, text_field)


def _windows(items: Sequence, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_files(paths: Sequence[str], text_field: str = "text", n_process: int = 1, dask=None,
              model: Optional[str] = None, nlp=None) -> Iterator[FileResult]:
    """FileResults in input order, from the chosen engine."""
    if dask:
        yield from _run_dask(paths, text_field, dask, model)
    elif n_process > 1:
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if sys.platform == "darwin" else "fork")
        with ctx.Pool(n_process) as pool:
            for window in _windows(list(paths), WINDOW):
                yield from pool.imap(_pool_task, [(p, text_field, model) for p in window])
    else:
        nlp = nlp or _worker_nlp(model)
        for p in paths:
            yield process_file(nlp, p, text_field)


def _run_dask(paths, text_field, dask, model):
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover
        raise ImportError("the Dask engine needs: pip install 'pdcnlp[dask]'") from e

    cluster = None
    if dask is True or dask == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(dask)
    try:
        for window in _windows(list(paths), WINDOW):
            futures = client.map(dask_task, window, text_field=text_field, model=model, pure=False)
            for fut in futures:  # input order
                yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- writers ------------------------------------------------------------------------

def output_paths(output: Union[str, Path], fmt: str) -> Dict[str, Path]:
    """measurements at OUTPUT, entities / errors / done-log / summary beside it."""
    out = Path(output)
    stem = out.with_suffix("") if out.suffix.lower() in (".csv", ".jsonl", ".parquet") else out
    return {
        "measurements": out,
        "entities": Path(f"{stem}.entities.{fmt}"),
        "errors": Path(f"{stem}.errors.jsonl"),
        "done": Path(f"{stem}.done"),
        "summary": Path(f"{stem}.summary.json"),
    }


class TableWriter:
    """Appends rows to one table in CSV, JSONL or Parquet (a folder of parts)."""

    def __init__(self, path: Path, fmt: str, columns: Sequence[str]):
        self.path, self.fmt, self.columns = path, fmt, list(columns)
        self._part = 0
        if fmt == "parquet":
            path.mkdir(parents=True, exist_ok=True)
            self._part = len(list(path.glob("part-*.parquet")))
        else:
            new = not path.exists() or path.stat().st_size == 0
            self._f = open(path, "a", encoding="utf-8", newline="")
            if fmt == "csv":
                self._csv = csv.DictWriter(self._f, fieldnames=self.columns)
                if new:
                    self._csv.writeheader()

    def write(self, rows: List[Dict[str, object]]) -> Optional[str]:
        """Write rows durably; returns the part file name for Parquet."""
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            name = f"part-{self._part:06d}.parquet"
            self._part += 1
            table = pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in rows],
                                         schema=_arrow_schema(self.columns))
            tmp = self.path / f".{name}.tmp"
            pq.write_table(table, tmp)
            os.replace(tmp, self.path / name)
            return name
        for r in rows:
            if self.fmt == "csv":
                self._csv.writerow({c: r.get(c) for c in self.columns})
            else:
                self._f.write(json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False) + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())
        return None

    def close(self):
        if self.fmt != "parquet":
            self._f.close()


def _arrow_schema(columns):
    import pyarrow as pa

    numeric = {"value": pa.float64(), "high": pa.float64()}
    ints = {"start", "end", "target_start", "target_end", "sent_start", "sent_end"}
    return pa.schema([(c, numeric.get(c, pa.int64() if c in ints else pa.string())) for c in columns])


def _file_of(row_path: str) -> str:
    """The input file of a row's path (a .jsonl row's path is file:line)."""
    head, sep, tail = row_path.rpartition(":")
    return head if sep and tail.isdigit() else row_path


def prepare_resume(paths: Dict[str, Path], fmt: str) -> set:
    """Files recorded as done; rows of any other file are removed from the
    outputs (they belong to a file a killed run had not finished)."""
    done_file = paths["done"]
    if not done_file.exists():
        return set()
    done = {}
    for line in done_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            done[rec["file"]] = rec.get("parts", {})
    for table in ("measurements", "entities"):
        p = paths[table]
        if not p.exists():
            continue
        if fmt == "parquet":
            keep = {part for parts in done.values() for part in parts.get(table, [])}
            for f in p.glob("part-*.parquet"):
                if f.name not in keep:
                    f.unlink()
            for f in p.glob(".*.tmp"):
                f.unlink()
            continue
        tmp = p.with_name(p.name + ".resume-tmp")
        with open(p, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
            if fmt == "csv":
                reader = csv.DictReader(src)
                writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
                writer.writeheader()
                for row in reader:
                    if _file_of(row["path"]) in done:
                        writer.writerow(row)
            else:
                for line in src:
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a line cut by the kill
                    if _file_of(row["path"]) in done:
                        dst.write(line)
        os.replace(tmp, p)
    return set(done)


# --- the run -----------------------------------------------------------------------------

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
                     suffixes: Iterable[str] = DEFAULT_SUFFIXES, nlp=None) -> Summary:
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


# --- Python API -----------------------------------------------------------------------------

def iter_extract(inputs: Union[str, Sequence[str]], table: str = "measurements", text_field: str = "text",
                 n_process: int = 1, dask=None, model: Optional[str] = None, nlp=None,
                 suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> Iterator[Dict[str, object]]:
    """Rows of ``table`` ("measurements" or "entities"), one dict at a time,
    streaming: nothing is held beyond the files in flight. Unreadable inputs
    are logged and skipped."""
    if table not in ("measurements", "entities"):
        raise ValueError("table must be 'measurements' or 'entities'")
    if isinstance(inputs, (str, Path)):
        inputs = [str(inputs)]
    files = []
    for item in iter_paths(inputs, suffixes):
        if isinstance(item, Skip):
            log.warning("skipped %s: %s", item.path, item.reason)
        else:
            files.append(str(item))
    for res in run_files(files, text_field, n_process, dask, model, nlp):
        for s in res.skips:
            log.warning("skipped %s: %s", s.path, s.reason)
        yield from (res.measurements if table == "measurements" else res.entities)


def extract(inputs: Union[str, Sequence[str]], table: str = "measurements", **kwargs):
    """A pandas DataFrame of ``table`` for ``inputs`` (files, folders, globs).

        >>> import pdcnlp
        >>> df = pdcnlp.extract("seeds/")                    # measurements
        >>> ents = pdcnlp.extract("seeds/", table="entities")
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover
        raise ImportError("pdcnlp.extract() returns a pandas DataFrame: pip install 'pdcnlp[tables]' "
                          "(or use pdcnlp.iter_extract for plain dicts)") from e

    columns = MEASUREMENT_COLUMNS if table == "measurements" else ENTITY_COLUMNS
    return pd.DataFrame(list(iter_extract(inputs, table=table, **kwargs)), columns=list(columns))
