"""What the pipeline promises, defined once: labels, readings, Doc keys, tables.

Every other module imports these names instead of spelling the strings
again, so a new label or qualifier is one edit here (plus the rules data,
the training config and the corpus; docs/architecture.md lists them).
This module imports nothing from pdcnlp: anything may import it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from spacy.tokens import Span

# --- labels (ANNOTATION.md) -------------------------------------------------------

NAME_LABELS = ("ORG", "GPE", "PROGRAMME")        # what the rules and the recogniser find
QUANTITY_LABEL = "QUANTITY"
LABELS = NAME_LABELS + (QUANTITY_LABEL,)          # every entity label, in scoring order
PLACE_LABELS = ("GPE", "ORG")                    # the labels pdcnlp.places gives divisions
TARGET_LABEL = "TARGET"                           # what a QUANTITY measures (doc.spans[TARGETS_KEY])

# --- quantity readings ----------------------------------------------------------------

QUALIFIERS = ("exact", "over", "under", "approx", "range")
# Unit classes: resources/units.json maps units to all but "other", the
# class of every unit it does not list (tests check the two agree).
UNIT_CLASSES = ("events", "people", "items", "money", "percent", "ratio", "duration", "length_area", "other")

# --- where results live on a Doc ------------------------------------------------------

ENTS_MODEL_KEY = "ents_model"                     # doc.spans: the recogniser's spans, before combination
ENTS_RULES_KEY = "ents_rules"                     # doc.spans: the rules' spans
TARGETS_KEY = "targets"                           # doc.spans: measurement targets
WORDS_KEY = "words"                               # doc.spans: words, PD1998 POS as label (pdcnlp_words)
MEASUREMENTS_KEY = "pdcnlp.measurements"          # doc.user_data: readings as plain dicts (serialisable)
CLEAN_VIEW_KEY = "pdcnlp.clean_view"              # doc.user_data: the tokenizer's CleanView
DOC_META_KEY = "pdcnlp.meta"                      # doc.user_data: {"title", "source", "site"} a caller may set
DIVISIONS_KEY = "pdcnlp.divisions"                # doc.user_data: "start:end" → division dict (span._.division)
LOCALITY_KEY = "pdcnlp.locality"                  # doc.user_data: the document's locality (doc._.locality)
DIVISION_LEVELS = ("province", "city", "county", "township", "village")   # pdcnlp.places
CONFIDENCE_KEY = "pdcnlp.confidence"              # doc.user_data: [[start, end, label, p]] (span._.confidence)


@dataclass
class Measurement:
    """A QUANTITY with its reading and, once linked, what it measures.

    A plain record, built on access by ``doc._.measurements`` (see
    :mod:`pdcnlp.quantities.component`): offsets and texts are into
    ``doc.text`` and trimmed of noise at the edges."""

    span: Span
    value: float
    qualifier: str
    unit: str
    unit_class: str
    high: Optional[float] = None
    target: Optional[Span] = None
    text: str = ""
    offsets: Tuple[int, int] = (0, 0)
    target_text: Optional[str] = None
    target_offsets: Optional[Tuple[int, int]] = None
    # The target's head word (its last word by the word layer: 活动 of
    # 读经典、讲故事等系列活动) and the linker's probability for the link, so
    # users can group by what is counted and filter weak links. None when
    # unlinked (head: also when the pipeline has no word layer).
    target_head: Optional[Span] = None
    target_head_text: Optional[str] = None
    link_prob: Optional[float] = None

    def as_dict(self) -> dict:
        s, e = self.offsets
        ts, te = self.target_offsets if self.target is not None else (None, None)
        return {
            "text": self.text, "start": s, "end": e, "value": self.value,
            "qualifier": self.qualifier, "high": self.high, "unit": self.unit,
            "unit_class": self.unit_class,
            "target": self.target_text if self.target is not None else None,
            "target_start": ts, "target_end": te,
            "target_head": self.target_head_text, "link_prob": self.link_prob,
        }


# --- output tables (pdcnlp extract) -------------------------------------------------------

# Document columns, first in both tables (docs/columns.md says what each
# holds): where a row comes from, what the source said about the document,
# and its main place. A .jsonl field that is none of these becomes a further
# column after the table's own (see pdcnlp.extraction.rows.extra_columns).
META_COLUMNS = ("title", "date", "date_raw", "source", "author", "editor", "site", "url")
# The locality and the places of rows are GB/T 2260 divisions (pdcnlp.places,
# docs/places.md): code, full name, level and the names of the chain.
LOCALITY_COLUMNS = ("locality", "locality_code", "locality_level", "locality_confidence")
# (prefixed: input .jsonl files often carry fields of their own called
# province or county, which stay their own columns)
DIVISION_COLUMNS = ("division_code", "division_name", "division_level", "division_province", "division_city",
                    "division_county")
DOC_COLUMNS = ("doc_id", "path", "record", "part", *META_COLUMNS, *LOCALITY_COLUMNS)
ENTITY_COLUMNS = (*DOC_COLUMNS, "label", "text", "text_simplified", "confidence", "origin", "canonical",
                  *DIVISION_COLUMNS, "division_candidates", "division_confidence", "start", "end",
                  "sent_start", "sent_end", "sentence")
MEASUREMENT_COLUMNS = (
    *DOC_COLUMNS, "sentence_orgs", "sentence_orgs_canonical", "sentence_programmes", *DIVISION_COLUMNS,
    "division_from",
    "target", "target_simplified", "target_head", "link_prob", "quantity", "quantity_simplified", "value",
    "qualifier", "high", "unit",
    "unit_class", "start", "end", "target_start", "target_end", "sent_start", "sent_end", "sentence",
    "sentence_simplified",
)
TABLES = {"measurements": MEASUREMENT_COLUMNS, "entities": ENTITY_COLUMNS}
ERROR_COLUMNS = ("path", "record", "doc_id", "reason", "action")   # OUT.errors.jsonl
FLOAT_COLUMNS = ("value", "high", "link_prob", "confidence", "locality_confidence",
                 "division_confidence")                                # typed in Parquet
INT_COLUMNS = ("record", "start", "end", "target_start", "target_end", "sent_start", "sent_end",
               "division_candidates")
