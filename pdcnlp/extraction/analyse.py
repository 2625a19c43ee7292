"""Per task: what every engine runs. One :class:`~.tasks.Task` (a file, or
a record range of a .jsonl) in, its rows and skips out; never raises for
bad input.

Each document part is analysed in bounded windows (:mod:`.windows`), one
Doc at a time, so a 1M-character report costs what 50 short ones do; its
places (divisions, canonical ORG names, locality) are resolved over the
whole document once the windows have passed (:mod:`.places`).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ..io.document import Document, Skip
from ..io.read import read_file
from ..io.registry import ReadOptions
from .places import PlacePass
from .rows import document_columns, dropped, entity_rows, measurement_rows
from .tasks import Task
from .windows import windows

log = logging.getLogger(__name__)


@dataclass
class TaskResult:
    """Everything one task produced."""

    key: str
    measurements: List[Dict[str, object]] = field(default_factory=list)
    entities: List[Dict[str, object]] = field(default_factory=list)
    skips: List[Skip] = field(default_factory=list)   # skipped inputs, and repairs (action="salvaged")
    n_docs: int = 0
    n_chars: int = 0
    n_bytes: int = 0
    n_dropped: int = 0      # entities under min_confidence, left out of the tables


FileResult = TaskResult  # the name before tasks replaced files


def analyse_document(nlp, document: Document, min_confidence: Optional[float] = None,
                     counts: Optional[Dict[str, int]] = None) -> Tuple[list, list]:
    """Measurement and entity rows of one document; entities under
    ``min_confidence`` are left out (counted in ``counts["dropped"]``)."""
    text = document.text
    place = PlacePass()
    ms: List[Dict[str, object]] = []
    es: List[Dict[str, object]] = []
    for name, s, e in document.parts():
        cols = document_columns(document, name)
        for ws, we in windows(text, s, e):
            doc = nlp(text[ws:we])
            place.add(doc)
            ms.extend(measurement_rows(doc, cols, ws, min_confidence))
            es.extend(entity_rows(doc, cols, ws, min_confidence))
            if counts is not None:
                counts["dropped"] = counts.get("dropped", 0) + dropped(doc, min_confidence)
    meta = document.meta
    source = " ".join(str(meta[k]) for k in ("source", "site") if meta.get(k)) or None
    place.fill(ms, es, title=document.title or meta.get("title"), source=source)
    return ms, es


def process_task(nlp, task: Task, options: ReadOptions = ReadOptions(),
                 min_confidence: Optional[float] = None) -> TaskResult:
    """Run the pipeline over every document of one task. Never raises for
    bad input: problems come back as skips."""
    result = TaskResult(task.key, n_bytes=task.size)
    kwargs = {"chunk": task.chunk} if task.chunk is not None else {}
    try:
        for item in read_file(task.path, options, task.rel, **kwargs):
            if isinstance(item, Skip):
                result.skips.append(item)
                continue
            for note in item.notes:
                result.skips.append(Skip(item.path, note, item.doc_id, item.record, action="salvaged"))
            try:
                counts: Dict[str, int] = {}
                ms, es = analyse_document(nlp, item, min_confidence, counts)
            except Exception as e:  # a bug on one document must not end the run
                log.exception("failed on %s", item.doc_id)
                result.skips.append(Skip(item.path, f"pipeline error: {type(e).__name__}: {e}", item.doc_id,
                                         item.record))
                continue
            result.measurements.extend(ms)
            result.entities.extend(es)
            result.n_dropped += counts.get("dropped", 0)
            result.n_docs += 1
            result.n_chars += len(item.text)
    except Exception as e:
        result.skips.append(Skip(task.key, f"unreadable: {type(e).__name__}: {e}"))
    return result


def process_file(nlp, path: str, text_field: str = "text") -> TaskResult:
    """One whole file (a convenience for callers outside a run)."""
    import os

    return process_task(nlp, Task(path, os.path.basename(path), 0), ReadOptions(text_field=text_field))
