"""spaCy component: QUANTITY entities and their readings.

A thin factory over :func:`pdcnlp.quantities.find_quantities`, which works
on the Doc's clean view. The component finds the quantities, maps their
clean offsets to token boundaries and writes:

* ``doc.ents``: QUANTITY spans, keeping entities already set where they
  do not overlap;
* ``doc._.measurements``: one :class:`pdcnlp.schema.Measurement` per QUANTITY.

Readings are kept in ``doc.user_data`` as plain dicts so docs still
serialise (DocBin, ``nlp.pipe(n_process=…)``); ``doc._.measurements`` builds
the objects on access.
"""
from __future__ import annotations

from typing import List

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..schema import MEASUREMENTS_KEY, QUANTITY_LABEL, Measurement
from ..text.clean_view import clean_to_token_span, clean_view, span_offsets, span_text
from .detect import find_quantities


def _get_measurements(doc: Doc) -> List[Measurement]:
    out = []
    for r in doc.user_data.get(MEASUREMENTS_KEY, ()):
        span = Span(doc, r["start"], r["end"], label=QUANTITY_LABEL)
        target = doc[r["target"][0]:r["target"][1]] if r.get("target") else None
        head = doc[r["target_head"][0]:r["target_head"][1]] if target is not None and r.get("target_head") else None
        out.append(Measurement(
            span, r["value"], r["qualifier"], r["unit"], r["unit_class"], r.get("high"), target,
            text=span_text(span), offsets=span_offsets(span),
            target_text=span_text(target) if target is not None else None,
            target_offsets=span_offsets(target) if target is not None else None,
            target_head=head, target_head_text=span_text(head) if head is not None else None,
            link_prob=r.get("link_prob") if target is not None else None))
    return out


if not Doc.has_extension("measurements"):
    Doc.set_extension("measurements", getter=_get_measurements)


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
        view = clean_view(doc)
        starts = view.token_starts
        spans, records = [], []
        for q in find_quantities(view.text):
            i, j = clean_to_token_span(starts, q.start, q.end)
            if j <= i:
                continue
            spans.append(Span(doc, i, j, label=QUANTITY_LABEL))
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
        kept = {(s.start, s.end) for s in doc.ents if s.label_ == QUANTITY_LABEL}
        doc.user_data[MEASUREMENTS_KEY] = [r for r in records if (r["start"], r["end"]) in kept]
        return doc
