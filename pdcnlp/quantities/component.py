"""spaCy component: QUANTITY entities and their readings.

A thin factory over :func:`pdcnlp.quantity.find_quantities`, which works on
the clean view. The component joins the tokens' NORMs (which concatenate to
the clean text by construction), finds the quantities, maps their clean
offsets to token boundaries and writes:

* ``doc.ents``: QUANTITY spans, keeping entities already set where they
  do not overlap;
* ``doc._.measurements``: one :class:`Measurement` per QUANTITY.

Readings are kept in ``doc.user_data`` as plain dicts so docs still
serialise (DocBin, ``nlp.pipe(n_process=…)``); ``doc._.measurements`` builds
the objects on access.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..quantity import find_quantities
from ..spans import span_offsets, span_text

MEASUREMENTS_KEY = "pdcnlp.measurements"
LABEL = "QUANTITY"


@dataclass
class Measurement:
    """A QUANTITY with its reading and, once linked, what it measures."""

    span: Span
    value: float
    qualifier: str
    unit: str
    unit_class: str
    high: Optional[float] = None
    target: Optional[Span] = None

    @property
    def text(self) -> str:
        return span_text(self.span)

    @property
    def offsets(self):
        return span_offsets(self.span)

    def as_dict(self) -> dict:
        s, e = self.offsets
        out = {
            "text": self.text, "start": s, "end": e, "value": self.value,
            "qualifier": self.qualifier, "high": self.high, "unit": self.unit,
            "unit_class": self.unit_class,
        }
        if self.target is not None:
            ts, te = span_offsets(self.target)
            out.update(target=span_text(self.target), target_start=ts, target_end=te)
        else:
            out.update(target=None, target_start=None, target_end=None)
        return out


def _get_measurements(doc: Doc) -> List[Measurement]:
    out = []
    for r in doc.user_data.get(MEASUREMENTS_KEY, ()):
        target = doc[r["target"][0]:r["target"][1]] if r.get("target") else None
        out.append(Measurement(Span(doc, r["start"], r["end"], label=LABEL), r["value"], r["qualifier"], r["unit"],
                               r["unit_class"], r.get("high"), target))
    return out


if not Doc.has_extension("measurements"):
    Doc.set_extension("measurements", getter=_get_measurements)


def clean_token_starts(doc: Doc) -> List[int]:
    """Clean-text offset where each token starts, plus the clean length."""
    starts = []
    pos = 0
    for t in doc:
        starts.append(pos)
        pos += len(t.norm_)
    starts.append(pos)
    return starts


def clean_to_token_span(starts: List[int], cs: int, ce: int):
    """Token range covering clean range [cs, ce), expanded to token edges."""
    i = bisect_right(starts, cs) - 1
    j = bisect_left(starts, ce)
    # Skip empty-norm tokens (pure noise) at the edges.
    while i + 1 < len(starts) - 1 and starts[i] == starts[i + 1] and starts[i] <= cs:
        i += 1
    return max(i, 0), min(j, len(starts) - 1)


@Language.factory(
    "pdcnlp_quantities",
    assigns=["doc.ents", "doc._.measurements"],
    requires=["token.norm"],
    default_config={"overwrite_ents": False},
)
def make_quantities(nlp: Language, name: str, overwrite_ents: bool):
    return QuantityRecognizer(overwrite_ents=overwrite_ents)


class QuantityRecognizer:
    """Tags QUANTITY entities and stores their readings."""

    def __init__(self, overwrite_ents: bool = False):
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        starts = clean_token_starts(doc)
        clean = "".join(t.norm_ for t in doc)
        spans, records = [], []
        for q in find_quantities(clean):
            i, j = clean_to_token_span(starts, q.start, q.end)
            if j <= i:
                continue
            spans.append(Span(doc, i, j, label=LABEL))
            records.append({"start": i, "end": j, "value": q.value, "qualifier": q.qualifier,
                            "unit": q.unit, "unit_class": q.unit_class, "high": q.high, "target": None})
        if self.overwrite_ents:
            doc.ents = filter_spans(spans)
        else:
            # Existing entities win over a quantity they overlap; a quantity
            # never cuts an existing entity.
            existing = list(doc.ents)
            taken = set()
            for e in existing:
                taken.update(range(e.start, e.end))
            new = [s for s in spans if not any(k in taken for k in range(s.start, s.end))]
            doc.ents = sorted(existing + new, key=lambda s: s.start)
        kept = {(s.start, s.end) for s in doc.ents if s.label_ == LABEL}
        doc.user_data[MEASUREMENTS_KEY] = [r for r in records if (r["start"], r["end"]) in kept]
        return doc
