"""Plain-text articles (.txt, and any file named explicitly whose suffix no
format claims): decoded, then body and metadata found."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..document import Skip
from ..registry import ReadOptions, document_or_skip, open_report, register


@register(".txt")
def read_text_file(path: Path, options: ReadOptions, rel: Optional[str] = None):
    shown, doc_id, d = open_report(path, options, rel)
    if isinstance(d, Skip):
        yield d
        return
    yield document_or_skip(doc_id, shown, d.text, d.encoding, notes=d.notes)
