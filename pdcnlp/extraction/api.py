"""The Python API of extraction: rows as plain dicts, streaming, or a DataFrame."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Dict, Iterable, Iterator, Optional, Sequence, Union

from ..io.document import Skip
from ..io.paths import iter_paths
from ..schema import TABLES
from .engines import run_files

log = logging.getLogger(__name__)


def iter_extract(inputs: Union[str, Sequence[str]], table: str = "measurements", text_field: str = "text",
                 n_process: int = 1, dask=None, model: Optional[str] = None, nlp=None,
                 suffixes: Optional[Iterable[str]] = None) -> Iterator[Dict[str, object]]:
    """Rows of ``table`` ("measurements" or "entities"), one dict at a time,
    streaming: nothing is held beyond the files in flight. Unreadable inputs
    are logged and skipped."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {tuple(TABLES)}")
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

    columns = TABLES[table]
    return pd.DataFrame(list(iter_extract(inputs, table=table, **kwargs)), columns=list(columns))
