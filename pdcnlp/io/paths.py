"""Which files to read: paths, folders and globs, expanded in a stable order,
each file once; an input that matches nothing comes back as a :class:`Skip`."""
from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from . import formats  # noqa: F401  (registers the formats, so their suffixes are known)
from .document import Skip
from .registry import registered_suffixes


def iter_paths(inputs: Sequence[str], suffixes: Optional[Iterable[str]] = None) -> Iterator[Union[Path, Skip]]:
    """Files from ``inputs``: a file as given, a folder recursively (files
    with one of ``suffixes``, by default every registered format's, sorted), a glob pattern expanded. A missing
    input is a :class:`Skip`."""
    suffixes = tuple(s.lower() for s in (suffixes or registered_suffixes()))
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
                yield Skip(str(raw), "no such file, folder or glob match")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f
