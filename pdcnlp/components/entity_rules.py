"""spaCy component: rule ORG, GPE and PROGRAMME entities.

A thin factory over :func:`pdcnlp.entity_rules.find_entities` (pure, on the
clean view). Spans are mapped to tokens with the same clean-offset map the
quantity component uses. Existing entities are kept; a rule span that would
overlap one is dropped.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..entity_rules import find_entities
from .quantities import clean_to_token_span, clean_token_starts


@Language.factory("pdcnlp_entity_rules", assigns=["doc.ents"], requires=["token.norm"],
                  default_config={"labels": ["ORG", "GPE", "PROGRAMME"]})
def make_entity_rules(nlp: Language, name: str, labels: list):
    return EntityRules(labels)


class EntityRules:
    def __init__(self, labels):
        self.labels = set(labels)

    def __call__(self, doc: Doc) -> Doc:
        starts = clean_token_starts(doc)
        clean = "".join(t.norm_ for t in doc)
        taken = set()
        for e in doc.ents:
            taken.update(range(e.start, e.end))
        new = []
        for s, e, label in find_entities(clean):
            if label not in self.labels:
                continue
            i, j = clean_to_token_span(starts, s, e)
            if j <= i or any(k in taken for k in range(i, j)):
                continue
            if any(doc[k].is_sent_start for k in range(i + 1, j)):
                continue  # an entity never crosses a sentence boundary
            taken.update(range(i, j))
            new.append(Span(doc, i, j, label=label))
        if new:
            doc.ents = sorted(list(doc.ents) + new, key=lambda sp: sp.start)
        return doc
