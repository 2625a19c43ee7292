"""Per file: what every engine runs. One input file (a .txt or .html
article, or a .jsonl of many) in, its rows and skips out; never raises for
bad input."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Dict, List

from ..io.document import Document, Skip
from ..io.read import read_file
from ..io.registry import ReadOptions
from .rows import entity_rows, locality, measurement_rows

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    """Everything one input file produced."""

    path: str
    measurements: List[Dict[str, object]] = field(default_factory=list)
    entities: List[Dict[str, object]] = field(default_factory=list)
    skips: List[Skip] = field(default_factory=list)
    n_docs: int = 0
    n_chars: int = 0


def analyse_document(nlp, document: Document) -> tuple:
    texts = [document.text[s:e] for _, s, e in document.parts()]
    docs = list(nlp.pipe(texts))
    place = locality(docs)
    ms, es = [], []
    for (name, s, _), doc in zip(document.parts(), docs):
        ms.extend(measurement_rows(doc, document.doc_id, document.path, s, name, document.meta, place))
        es.extend(entity_rows(doc, document.doc_id, document.path, s, name))
    return ms, es


def process_file(nlp, path: str, text_field: str = "text") -> FileResult:
    """Run the pipeline over every document of one file. Never raises for
    bad input: problems come back as skips."""
    result = FileResult(path)
    try:
        for item in read_file(path, ReadOptions(text_field=text_field)):
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
