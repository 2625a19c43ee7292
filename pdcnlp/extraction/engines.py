"""Engines: the same per-task work (:func:`pdcnlp.extraction.analyse.process_task`)
on one core, a ``multiprocessing`` pool (one model load per worker) or a
Dask cluster (one model load per worker process). Tasks (files, or record
ranges of a .jsonl) go out as workers free up (Dask: at most ``WINDOW`` in
flight), and results come back in input order, so every engine
writes the same rows in the same order.

Pool workers ignore SIGINT: Ctrl-C reaches the parent alone, which stops
the pool and closes its tables cleanly (no traceback per worker).
"""
from __future__ import annotations

import logging
from collections import deque
import signal
import sys
from typing import Iterator, Optional, Sequence

from ..io.registry import ReadOptions
from .analyse import TaskResult, process_task
from .tasks import Task

WINDOW = 32  # tasks in flight at once


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


def _pool_init():
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_task(args) -> TaskResult:
    task, options, model, min_confidence = args
    return process_task(_worker_nlp(model), task, options, min_confidence)


def dask_task(task: Task, options: ReadOptions = ReadOptions(), model: Optional[str] = None,
              min_confidence: Optional[float] = None) -> TaskResult:
    """What a Dask worker runs for one task (model cached per worker process)."""
    return process_task(_worker_nlp(model), task, options, min_confidence)


def run_tasks(tasks: Sequence[Task], options: ReadOptions = ReadOptions(), n_process: int = 1, dask=None,
              model: Optional[str] = None, nlp=None, quiet: bool = False,
              min_confidence: Optional[float] = None) -> Iterator[TaskResult]:
    """TaskResults in input order, from the chosen engine (entities under
    ``min_confidence`` left out of the rows, see :func:`.rows.kept`)."""
    if dask:
        yield from _run_dask(tasks, options, dask, model, quiet, min_confidence)
    elif n_process > 1:
        import multiprocessing as mp

        method = "spawn" if sys.platform == "darwin" else "fork"
        if method == "fork":
            # load once here: forked workers share the loaded pipeline
            # (copy-on-write) instead of each loading it again
            global _WORKER_NLP, _WORKER_MODEL
            if nlp is not None and model is None:
                _WORKER_NLP, _WORKER_MODEL = nlp, None
            else:
                _worker_nlp(model)
        ctx = mp.get_context(method)
        pool = ctx.Pool(n_process, initializer=_pool_init)
        try:
            yield from pool.imap(_pool_task, ((t, options, model, min_confidence) for t in tasks))
            pool.close()
        finally:
            pool.terminate()
            pool.join()
    else:
        nlp = nlp or _worker_nlp(model)
        for t in tasks:
            yield process_task(nlp, t, options, min_confidence)


def _run_dask(tasks, options, dask, model, quiet, min_confidence=None):
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover
        raise ImportError("the Dask engine needs: pip install 'pdcnlp[dask]'") from e

    level = logging.ERROR if quiet else logging.WARNING
    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny",
                 "distributed.core", "distributed.http.proxy"):
        logging.getLogger(name).setLevel(level)
    cluster = None
    if dask is True or dask == "local":
        import dask as _dask

        # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which
        # makes glibc hand memory back to the OS at every turn: the pipeline
        # allocates many small objects, and each task cost ~45% more CPU with
        # it than in a plain process (benchmarks/results/extraction_jsonl.md).
        # The other pre-spawn settings (one BLAS thread) stay.
        env = {k: v for k, v in _dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
               if k != "MALLOC_TRIM_THRESHOLD_"}
        with _dask.config.set({"distributed.nanny.pre-spawn-environ": env}):
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=level)
        client = Client(cluster)
    else:
        client = Client(dask)
    try:
        # a sliding window: WINDOW tasks in flight, results taken in input order
        pending: deque = deque()
        for t in tasks:
            pending.append(client.submit(dask_task, t, options=options, model=model, min_confidence=min_confidence,
                                         pure=False))
            if len(pending) >= WINDOW:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_files(paths: Sequence[str], text_field: str = "text", n_process: int = 1, dask=None,
              model: Optional[str] = None, nlp=None) -> Iterator[TaskResult]:
    """Whole files as tasks (a convenience; runs use :func:`run_tasks`)."""
    import os

    tasks = [Task(p, os.path.basename(p), 0) for p in paths]
    yield from run_tasks(tasks, ReadOptions(text_field=text_field), n_process, dask, model, nlp)
