"""Doc in, rows out: the tidy tables pdcnlp writes.

Two tables, each row a plain dict with the same keys in the same order for
every doc, so CSV, JSONL, Parquet and DataFrames agree:

* measurements (the main table): one row per QUANTITY, with its reading,
  its target, the ORG and PROGRAMME mentions of its sentence, the
  document's locality and metadata;
* entities: one row per entity.

Offsets are into the document's decoded text (``base`` is where the
processed part starts in it), trimmed of noise; text columns are in the
original script, ``*_simplified`` columns in the clean form.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterator, List, Mapping, Optional

from spacy.tokens import Doc, Span  # noqa: F401  (Span in type hints)

from ..schema import META_COLUMNS
from ..text.clean_view import span_norm, span_offsets, span_text

def locality(docs: List[Doc]) -> Optional[str]:
    """The document's main GPE: the most frequent one (Simplified form),
    ties going to the first mentioned."""
    counts: Counter = Counter()
    first = {}
    for doc in docs:
        for e in doc.ents:
            if e.label_ == "GPE":
                key = span_norm(e)
                counts[key] += 1
                first.setdefault(key, len(first))
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def entity_rows(doc: Doc, doc_id: str, path: str = "", base: int = 0, part: str = "body") -> Iterator[Dict[str, object]]:
    """One row per entity of ``doc``."""
    text = doc.text  # spaCy rebuilds doc.text on every access: once per doc
    for ent in doc.ents:
        s, e = span_offsets(ent)
        sent = ent.sent
        ss, se = span_offsets(sent)
        yield {
            "doc_id": doc_id, "path": path, "part": part, "label": ent.label_,
            "text": text[s:e], "text_simplified": span_norm(ent),
            "start": base + s, "end": base + e, "sent_start": base + ss, "sent_end": base + se,
            "sentence": text[ss:se].strip(),
        }


def _mentions(sent: Span, label: str) -> str:
    return "|".join(dict.fromkeys(span_text(e) for e in sent.ents if e.label_ == label))


def measurement_rows(doc: Doc, doc_id: str, path: str = "", base: int = 0, part: str = "body",
                     meta: Optional[Mapping[str, str]] = None, place: Optional[str] = None
                     ) -> Iterator[Dict[str, object]]:
    """One row per measurement of ``doc``."""
    meta = meta or {}
    text = doc.text  # once per doc, see entity_rows
    for m in doc._.measurements:
        s, e = m.offsets
        sent = m.span.sent
        ss, se = span_offsets(sent)
        t = m.target
        ts, te = span_offsets(t) if t is not None else (None, None)
        yield {
            "doc_id": doc_id, "path": path, "part": part,
            **{k: meta.get(k) for k in META_COLUMNS},
            "locality": place,
            "sentence_orgs": _mentions(sent, "ORG"), "sentence_programmes": _mentions(sent, "PROGRAMME"),
            "target": text[ts:te] if t is not None else None,
            "target_simplified": span_norm(t) if t is not None else None,
            "target_head": m.target_head_text, "link_prob": m.link_prob,
            "quantity": text[s:e], "quantity_simplified": span_norm(m.span),
            "value": m.value, "qualifier": m.qualifier, "high": m.high, "unit": m.unit, "unit_class": m.unit_class,
            "start": base + s, "end": base + e,
            "target_start": base + ts if t is not None else None, "target_end": base + te if t is not None else None,
            "sent_start": base + ss, "sent_end": base + se,
            "sentence": text[ss:se].strip(), "sentence_simplified": span_norm(sent).strip(),
        }
