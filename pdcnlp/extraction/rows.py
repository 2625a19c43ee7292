"""Doc in, rows out: the tidy tables pdcnlp writes.

Two tables, each row a plain dict with the same keys in the same order for
every doc, so CSV, JSONL, Parquet and DataFrames agree:

* measurements (the main table): one row per QUANTITY, with its reading,
  its target, the ORG and PROGRAMME mentions of its sentence;
* entities: one row per entity.

Both start with the document columns (id, path, record, title, ISO date
and the raw date string, source, author, editor, site, url, locality) and
end with the document's extra .jsonl fields, so either table groups by
document, date or place on its own (docs/columns.md).

Offsets are into the document's decoded text (``base`` is where the
processed part starts in it), trimmed of noise; text columns are in the
original script, ``*_simplified`` columns in the clean form.
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Mapping, Optional

from spacy.tokens import Doc, Span  # noqa: F401  (Span in type hints)

from ..entities.component import entity_origin
from ..entities.confidence_component import span_confidence
from ..io.dates import normalise_date
from ..schema import DIVISION_COLUMNS, ENTITY_COLUMNS, LOCALITY_COLUMNS, MEASUREMENT_COLUMNS, META_COLUMNS

_ALL_COLUMNS = frozenset(ENTITY_COLUMNS) | frozenset(MEASUREMENT_COLUMNS)

from ..text.clean_view import span_norm, span_offsets, span_text

# Filled by the document's places pass (pdcnlp.extraction.places).
_NO_DIVISION = dict.fromkeys(DIVISION_COLUMNS)


def extra_column(field: str) -> str:
    """The column of a .jsonl field: its own name, or ``field_NAME`` when
    that name is already a column of either table (a field called ``text``
    or ``start`` must not overwrite the entity's)."""
    return f"field_{field}" if field in _ALL_COLUMNS or field.startswith("field_") else field


def document_columns(document, part: str) -> Dict[str, object]:
    """The columns every row of ``document`` starts with (schema.DOC_COLUMNS;
    the locality columns stay None here: they need the whole document, and
    :mod:`pdcnlp.extraction.places` fills them), then its extra fields."""
    meta = document.meta
    raw_date = meta.get("date")
    out: Dict[str, object] = {
        "doc_id": document.doc_id, "path": document.path, "record": document.record, "part": part,
        "title": document.title or meta.get("title"), "date": normalise_date(raw_date), "date_raw": raw_date,
        **{k: meta.get(k) for k in META_COLUMNS if k not in ("title", "date", "date_raw")},
        **dict.fromkeys(LOCALITY_COLUMNS),
    }
    for k, v in document.extra.items():
        out[extra_column(k)] = v
    return out


def kept(ent: Span, min_confidence: Optional[float]) -> bool:
    """Whether an entity passes ``min_confidence`` (``pdcnlp extract
    --min-confidence``): one without a confidence (a rule span, a QUANTITY:
    docs/confidence.md says why they have none) is kept, so the threshold
    filters the model's guesses and nothing else."""
    if min_confidence is None:
        return True
    p = span_confidence(ent)
    return p is None or p >= min_confidence


def dropped(doc: Doc, min_confidence: Optional[float]) -> int:
    """How many entities of ``doc`` ``min_confidence`` drops (for the run's summary)."""
    return 0 if min_confidence is None else sum(not kept(e, min_confidence) for e in doc.ents)


def entity_rows(doc: Doc, cols: Mapping[str, object], base: int = 0,
                min_confidence: Optional[float] = None) -> Iterator[Dict[str, object]]:
    """One row per entity of ``doc`` (``cols``: :func:`document_columns`),
    but those under ``min_confidence`` (see :func:`kept`)."""
    text = doc.text  # spaCy rebuilds doc.text on every access: once per doc
    for ent in doc.ents:
        if not kept(ent, min_confidence):
            continue
        s, e = span_offsets(ent)
        sent = ent.sent
        ss, se = span_offsets(sent)
        yield {
            **cols, "label": ent.label_,
            "text": text[s:e], "text_simplified": span_norm(ent),
            "confidence": span_confidence(ent), "origin": entity_origin(ent), "canonical": None,
            **_NO_DIVISION, "division_candidates": None, "division_confidence": None,
            "start": base + s, "end": base + e, "sent_start": base + ss, "sent_end": base + se,
            "sentence": text[ss:se].strip(),
        }


def _mentions(sent: Span, label: str, min_confidence: Optional[float] = None) -> str:
    return "|".join(dict.fromkeys(span_text(e) for e in sent.ents
                                  if e.label_ == label and kept(e, min_confidence)))


def measurement_rows(doc: Doc, cols: Mapping[str, object], base: int = 0,
                     min_confidence: Optional[float] = None) -> Iterator[Dict[str, object]]:
    """One row per measurement of ``doc`` (``cols``: :func:`document_columns`);
    ``sentence_orgs`` and ``sentence_programmes`` leave out the entities
    under ``min_confidence``."""
    text = doc.text  # once per doc, see entity_rows
    for m in doc._.measurements:
        s, e = m.offsets
        sent = m.span.sent
        ss, se = span_offsets(sent)
        t = m.target
        ts, te = span_offsets(t) if t is not None else (None, None)
        yield {
            **cols,
            "sentence_orgs": _mentions(sent, "ORG", min_confidence), "sentence_orgs_canonical": None,
            "sentence_programmes": _mentions(sent, "PROGRAMME", min_confidence), **_NO_DIVISION,
            "division_from": None,
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
