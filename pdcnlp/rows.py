"""Doc in, rows out: the tidy tables pdcnlp writes.

One function per table; each row is a plain dict with the same keys in the
same order for every doc, so CSV, JSONL and DataFrames all agree.
Offsets are into the file's decoded text (``base`` is where the processed
text starts in it), trimmed of noise; ``text`` is in the original script and
``text_simplified`` is the clean form.
"""
from __future__ import annotations

from typing import Dict, Iterator

from spacy.tokens import Doc, Span

from .spans import span_norm, span_offsets, span_text

ENTITY_COLUMNS = ("doc_id", "path", "part", "label", "text", "text_simplified", "start", "end",
                  "sent_start", "sent_end", "sentence")


def sentence_text(sent: Span) -> str:
    return span_text(sent).strip()


def entity_rows(doc: Doc, doc_id: str, path: str = "", base: int = 0, part: str = "body") -> Iterator[Dict[str, object]]:
    """One row per entity of ``doc``."""
    for ent in doc.ents:
        s, e = span_offsets(ent)
        sent = ent.sent
        ss, se = span_offsets(sent)
        yield {
            "doc_id": doc_id,
            "path": path,
            "part": part,
            "label": ent.label_,
            "text": doc.text[s:e],
            "text_simplified": span_norm(ent),
            "start": base + s,
            "end": base + e,
            "sent_start": base + ss,
            "sent_end": base + se,
            "sentence": sentence_text(sent),
        }
