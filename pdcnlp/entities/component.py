"""spaCy component: rule ORG, GPE and PROGRAMME entities, combined openly
with whatever a statistical recogniser before it has set.

A thin factory over :func:`pdcnlp.entity_rules.find_entities` (pure, on the
clean view). Spans are mapped to tokens with the same clean-offset map the
quantity component uses. Both sources stay inspectable:
``doc.spans["ents_model"]`` holds what was in ``doc.ents`` when the
component ran (the trained ``ner``), ``doc.spans["ents_rules"]`` what the
rules found. ``doc.ents`` is their combination under ``policy``:

* ``model_first``: every model span stays; a rule span is added where no
  model span overlaps it;
* ``rules_first``: every rule span stays; a model span is kept where no rule
  span overlaps it.

``check_model`` says what a model span must pass to be used at all:

* ``"none"``: nothing;
* ``"form"``: what ANNOTATION.md says of every span of its label
  (:func:`pdcnlp.entity_rules.well_formed`: paired quotes, no clause
  punctuation, no position at an ORG's edge, a PROGRAMME quoted or named …);
* ``"shape"``: also the shape the rules look for
  (:func:`pdcnlp.entity_rules.plausible`: an ORG ending on a head, a GPE
  that is a chain of place links).

The spans dropped stay visible in ``doc.spans["ents_model"]``.

No entity crosses a sentence boundary.
"""
from __future__ import annotations

from typing import List

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..entity_rules import find_entities, plausible, well_formed
from .quantities import clean_to_token_span, clean_token_starts

POLICIES = ("model_first", "rules_first")
CHECKS = {"none": None, "form": well_formed, "shape": plausible}


@Language.factory("pdcnlp_entity_rules", assigns=["doc.ents", "doc.spans"], requires=["token.norm"],
                  default_config={"labels": ["ORG", "GPE", "PROGRAMME"], "policy": "model_first",
                                  "check_model": "none"})
def make_entity_rules(nlp: Language, name: str, labels: list, policy: str, check_model: str):
    return EntityRules(labels, policy, check_model)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


class EntityRules:
    def __init__(self, labels, policy: str = "model_first", check_model: str = "none"):
        if policy not in POLICIES:
            raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
        if check_model not in CHECKS:
            raise ValueError(f"check_model must be one of {tuple(CHECKS)}, not {check_model!r}")
        self.labels = set(labels)
        self.policy = policy
        self.check_model = check_model

    def rule_spans(self, doc: Doc, starts: List[int], clean: str) -> List[Span]:
        out: List[Span] = []
        for s, e, label in find_entities(clean):
            if label not in self.labels:
                continue
            i, j = clean_to_token_span(starts, s, e)
            if j <= i or any(doc[k].is_sent_start for k in range(i + 1, j)):
                continue  # an entity never crosses a sentence boundary
            out.append(Span(doc, i, j, label=label))
        return out

    def __call__(self, doc: Doc) -> Doc:
        starts = clean_token_starts(doc)
        clean = "".join(t.norm_ for t in doc)
        model = list(doc.ents)
        rules = self.rule_spans(doc, starts, clean)
        doc.spans["ents_model"] = model
        doc.spans["ents_rules"] = rules
        check = CHECKS[self.check_model]
        if check is not None:
            # starts holds one offset per token plus the clean length
            model = [sp for sp in model if check(clean, starts[sp.start], starts[sp.end], sp.label_)]
        first, second = (model, rules) if self.policy == "model_first" else (rules, model)
        chosen = list(first)
        for span in second:
            if not any(_overlaps(span, c) for c in chosen):
                chosen.append(span)
        doc.ents = sorted(chosen, key=lambda sp: sp.start)
        return doc
