"""Which files to read: paths, folders and globs, expanded in a stable order."""
from __future__ import annotations

import glob
import logging
from pathlib import Path
from typing import Iterable, Iterator, Sequence

log = logging.getLogger(__name__)

DEFAULT_SUFFIXES = (".txt",)


def iter_paths(inputs: Sequence[str], suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> Iterator[Path]:
    """Yield files from ``inputs``: a file as given, a folder recursively
    (files with one of ``suffixes``, sorted), a glob pattern expanded. Each
    file is yielded once; a missing input is logged, never silently dropped."""
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
                log.error("no such file, folder or glob match: %s", raw)
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f
