"""Engines: the same per-file work (:func:`pdcnlp.extraction.analyse.process_file`)
on one core, a ``multiprocessing`` pool (one model load per worker) or a
Dask cluster (one model load per worker process). Files are submitted in
windows, so memory stays bounded however large the corpus, and results come
back in input order, so every engine writes the same rows in the same order.
"""
from __future__ import annotations

import sys
from typing import Iterator, Optional, Sequence

from .analyse import FileResult, process_file

WINDOW = 32  # files in flight at once


_WORKER_NLP = None
_WORKER_MODEL = None


def _worker_nlp(model: Optional[str]):
    """The pipeline of this worker process, loaded once."""
    global _WORKER_NLP, _WORKER_MODEL
    if _WORKER_NLP is None or _WORKER_MODEL != model:
        from ..pipeline import load

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
