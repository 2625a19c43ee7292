"""The Python API of extraction: rows as plain dicts, streaming, or a DataFrame."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Dict, Iterable, Iterator, Optional, Sequence, Union

from ..io.document import MAX_BYTES_DEFAULT, Skip
from ..io.registry import ReadOptions
from ..schema import TABLES
from .engines import run_tasks
from .rows import extra_column
from .tasks import Task, plan

log = logging.getLogger(__name__)


def iter_extract(inputs: Union[str, Sequence[str]], table: str = "measurements", text_field: str = "text",
                 n_process: int = 1, dask=None, model: Optional[str] = None, nlp=None,
                 suffixes: Optional[Iterable[str]] = None, id_field: Optional[str] = None,
                 keep_fields: Optional[Sequence[str]] = None, max_bytes: int = MAX_BYTES_DEFAULT,
                 chunk_records: int = 16, min_confidence: Optional[float] = None) -> Iterator[Dict[str, object]]:
    """Rows of ``table`` ("measurements" or "entities"), one dict at a time,
    streaming: nothing is held beyond the tasks in flight. Inputs not read
    are logged (warning) with the reason. Rows carry the document columns
    and each .jsonl field (or those in ``keep_fields``) as a column.
    ``min_confidence`` (0–1) leaves out the model's entities scored under it,
    from the entities table and from ``sentence_orgs`` /
    ``sentence_programmes``; entities without a score (rule spans,
    QUANTITY) stay (docs/confidence.md)."""
    check_min_confidence(min_confidence)
    if table not in TABLES:
        raise ValueError(f"table must be one of {tuple(TABLES)}")
    if isinstance(inputs, (str, Path)):
        inputs = [str(inputs)]
    items, _ = plan(inputs, suffixes, chunk_records, text_field, id_field, keep_fields, max_bytes)
    for s in items:
        if isinstance(s, Skip):
            log.warning("%s %s: %s", s.action, s.path, s.reason)
    options = ReadOptions(text_field, id_field, max_bytes, tuple(keep_fields) if keep_fields is not None else None)
    tasks = [t for t in items if isinstance(t, Task)]
    for res in run_tasks(tasks, options, n_process, dask, model, nlp, min_confidence=min_confidence):
        for s in res.skips:
            (log.info if s.action == "salvaged" else log.warning)("%s %s: %s", s.action, s.path, s.reason)
        yield from (res.measurements if table == "measurements" else res.entities)


def check_min_confidence(value: Optional[float]) -> None:
    """A threshold is a number in [0, 1] (or None: keep everything)."""
    if value is not None and not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
        raise ValueError(f"min_confidence must be a number in [0, 1] or None, not {value!r}")


def extract(inputs: Union[str, Sequence[str]], table: str = "measurements", **kwargs):
    """A pandas DataFrame of ``table`` for ``inputs`` (files, folders, globs):
    the table's columns (docs/columns.md), then one per .jsonl field.

        >>> import pdcnlp
        >>> df = pdcnlp.extract("seeds/")                    # measurements
        >>> ents = pdcnlp.extract("seeds/", table="entities")
        >>> sure = pdcnlp.extract("seeds/", table="entities", min_confidence=0.9)
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover
        raise ImportError("pdcnlp.extract() returns a pandas DataFrame: pip install 'pdcnlp[tables]' "
                          "(or use pdcnlp.iter_extract for plain dicts)") from e

    rows = list(iter_extract(inputs, table=table, **kwargs))
    columns = list(TABLES[table])
    seen = dict.fromkeys(columns)
    for r in rows:
        for k in r:
            seen.setdefault(k, None)
    return pd.DataFrame(rows, columns=list(seen))


__all__ = ["iter_extract", "extract", "extra_column"]
