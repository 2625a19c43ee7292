"""Plain-text articles (.txt, and any file named explicitly whose suffix no
format claims): decoded, then body and metadata found."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..decode import read_report
from ..document import Skip, UnreadableFile, display_path
from ..registry import ReadOptions, document_or_skip, read_error, register


@register(".txt")
def read_text_file(path: Path, options: ReadOptions, rel: Optional[str] = None):
    shown = display_path(path)
    doc_id = rel or display_path(Path(path).name)
    try:
        d = read_report(path, max_bytes=options.max_bytes)
    except (UnreadableFile, OSError) as e:
        yield Skip(shown, read_error(e), doc_id)
        return
    yield document_or_skip(doc_id, shown, d.text, d.encoding, notes=d.notes)
