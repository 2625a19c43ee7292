"""Plain-text articles (.txt): decoded, then body and metadata found."""
from __future__ import annotations

from pathlib import Path

from ..decode import read_bytes
from ..document import Skip, UnreadableFile
from ..registry import ReadOptions, document_or_skip, register


@register(".txt")
def read_text_file(path: Path, options: ReadOptions):
    try:
        text, enc = read_bytes(path, max_bytes=options.max_bytes)
    except (UnreadableFile, OSError) as e:
        yield Skip(str(path), str(e))
        return
    yield document_or_skip(path.stem, str(path), text, enc)
