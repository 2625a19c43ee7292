"""Extraction: inputs to tasks (:mod:`.tasks`), Docs to rows (:mod:`.rows`),
long documents in windows (:mod:`.windows`), per-task work
(:mod:`.analyse`), engines (:mod:`.engines`), writers, done-log and lock
(:mod:`.writers`), the run (:mod:`.run`) and the Python API (:mod:`.api`)."""
from .api import extract, iter_extract
from .run import Summary, extract_to_files
from .writers import OutputError, UsageError, output_paths

__all__ = ["extract", "iter_extract", "extract_to_files", "output_paths", "Summary", "OutputError", "UsageError"]
