"""Extraction: Docs to rows (:mod:`.rows`), per-file work (:mod:`.analyse`),
engines (:mod:`.engines`), writers (:mod:`.writers`), the run
(:mod:`.run`) and the Python API (:mod:`.api`)."""
from .api import extract, iter_extract
from .run import Summary, extract_to_files
from .writers import output_paths

__all__ = ["extract", "iter_extract", "extract_to_files", "output_paths", "Summary"]
