"""JSON Lines (.jsonl): one document per line, its text in
``options.text_field``, its id in ``options.id_field`` (else ``file:line``);
the record's title, year, date, source and url become metadata. Offsets
point into the text field."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..decode import read_bytes
from ..document import Skip, UnreadableFile
from ..registry import ReadOptions, document_or_skip, register


@register(".jsonl")
def read_jsonl_file(path: Path, options: ReadOptions):
    try:
        text, enc = read_bytes(path, max_bytes=options.max_bytes)
    except (UnreadableFile, OSError) as e:
        yield Skip(str(path), str(e))
        return
    yield from _jsonl_documents(path, text, enc, options.text_field, options.id_field)


def _jsonl_documents(path: Path, text: str, enc: str, text_field: str, id_field: Optional[str]):
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(where, f"not valid JSON ({e.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get(text_field), str):
            yield Skip(where, f"no string field {text_field!r}")
            continue
        doc_id = str(rec[id_field]) if id_field and rec.get(id_field) is not None else f"{path.stem}:{lineno}"
        extra = {k: rec[k] for k in ("title", "year", "date", "source", "url") if k in rec and k != text_field}
        yield document_or_skip(doc_id, where, rec[text_field], enc, extra)
