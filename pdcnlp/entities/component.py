"""spaCy component: rule ORG, GPE and PROGRAMME entities, combined openly
with whatever a statistical recogniser before it has set.

A thin factory over :func:`pdcnlp.entities.rules.find_entities` (pure, on
the Doc's clean view). The rules' data (an :class:`EntityLexicon`: word
lists and gazetteer) belongs to the component and is saved inside the
pipeline directory (``pdcnlp_entity_rules/entity_rules.json`` and
``gazetteer_gpe.json``), so a saved pipeline runs the rules it was saved
with; a fresh component starts from the packaged lexicon. Both sources stay inspectable:
``doc.spans["ents_model"]`` holds what was in ``doc.ents`` when the
component ran (the trained ``ner``), ``doc.spans["ents_rules"]`` what the
rules found. ``doc.ents`` is their combination under ``policy``:

* ``model_first``: every model span stays; a rule span is added where no
  model span overlaps it;
* ``rules_first``: every rule span stays; a model span is kept where no rule
  span overlaps it;
* ``model_first`` with ``rules_first_labels``: rule spans of those labels go
  first (except one inside a longer model span of another label: the
  place at the head of an ORG's name), then model spans, then the other
  rule spans (each kept where nothing already chosen overlaps it). The labels are chosen on the dev
  split, where the rules beat the model for that label (the gazetteer's
  GPE, say) and not for the others.

``check_model`` says what a model span must pass to be used at all:

* ``"none"``: nothing;
* ``"form"``: what ANNOTATION.md says of every span of its label
  (:func:`pdcnlp.entities.checks.well_formed`: paired quotes, no clause
  punctuation, no position at an ORG's edge, a PROGRAMME quoted or named …);
* ``"shape"``: also the shape the rules look for
  (:func:`pdcnlp.entities.checks.plausible`: an ORG ending on a head, a GPE
  that is a chain of place links).

The spans dropped stay visible in ``doc.spans["ents_model"]``.

No entity crosses a sentence boundary.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..schema import ENTS_MODEL_KEY, ENTS_RULES_KEY, NAME_LABELS
from ..text.clean_view import clean_to_token_span, clean_view
from .checks import plausible, well_formed
from .lexicon import EntityLexicon
from .rules import find_entities

POLICIES = ("model_first", "rules_first")
CHECKS = {"none": None, "form": well_formed, "shape": plausible}


@Language.factory("pdcnlp_entity_rules", assigns=["doc.ents", "doc.spans"], requires=["token.norm"],
                  default_config={"labels": list(NAME_LABELS), "policy": "model_first",
                                  "check_model": "none", "rules_first_labels": []})
def make_entity_rules(nlp: Language, name: str, labels: list, policy: str, check_model: str,
                      rules_first_labels: list):
    return EntityRules(labels, policy, check_model, rules_first_labels=rules_first_labels)


def entity_origin(span: Span) -> str:
    """Where an entity of ``doc.ents`` comes from: ``"model"`` when the
    trained ``ner`` found that span (same tokens and label in
    ``doc.spans["ents_model"]``), ``"rules"`` otherwise (a rule name, and
    every QUANTITY). Read as ``ent._.origin`` and the entities table's
    ``origin`` column, beside ``ent._.confidence``."""
    model = span.doc.spans[ENTS_MODEL_KEY] if ENTS_MODEL_KEY in span.doc.spans else ()
    key = (span.start, span.end, span.label)
    return "model" if any((m.start, m.end, m.label) == key for m in model) else "rules"


if not Span.has_extension("origin"):
    Span.set_extension("origin", getter=entity_origin)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


class EntityRules:
    def __init__(self, labels, policy: str = "model_first", check_model: str = "none",
                 lexicon: Optional[EntityLexicon] = None, rules_first_labels=()):
        if policy not in POLICIES:
            raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
        if check_model not in CHECKS:
            raise ValueError(f"check_model must be one of {tuple(CHECKS)}, not {check_model!r}")
        self.labels = set(labels)
        self.policy = policy
        self.check_model = check_model
        unknown = set(rules_first_labels) - set(NAME_LABELS)
        if unknown:
            raise ValueError(f"rules_first_labels: unknown labels {sorted(unknown)}")
        self.rules_first_labels = set(rules_first_labels)
        self.lexicon = lexicon or EntityLexicon.packaged()

    def rule_spans(self, doc: Doc, starts, clean: str) -> List[Span]:
        out: List[Span] = []
        for s, e, label in find_entities(self.lexicon, clean):
            if label not in self.labels:
                continue
            i, j = clean_to_token_span(starts, s, e)
            if j <= i or any(doc[k].is_sent_start for k in range(i + 1, j)):
                continue  # an entity never crosses a sentence boundary
            out.append(Span(doc, i, j, label=label))
        return out

    def __call__(self, doc: Doc) -> Doc:
        view = clean_view(doc)
        starts, clean = view.token_starts, view.text
        model = list(doc.ents)
        rules = self.rule_spans(doc, starts, clean)
        doc.spans[ENTS_MODEL_KEY] = model
        doc.spans[ENTS_RULES_KEY] = rules
        check = CHECKS[self.check_model]
        if check is not None:
            # starts holds one offset per token plus the clean length
            model = [sp for sp in model if check(self.lexicon, clean, starts[sp.start], starts[sp.end], sp.label_)]
        if self.policy == "rules_first":
            order = [rules, model]
        else:
            # A rule span of a rules-first label goes first, unless it lies
            # inside a model span of another label: a place at the head of a
            # body's name belongs to the ORG (ANNOTATION.md v1.2, chains of
            # divisions before an ORG), not to a GPE of its own.
            def inside_other(sp):
                return any(m.start <= sp.start and sp.end <= m.end and (m.start, m.end) != (sp.start, sp.end)
                           and m.label_ != sp.label_ for m in model)
            first = [sp for sp in rules if sp.label_ in self.rules_first_labels and not inside_other(sp)]
            order = [first, model, [sp for sp in rules if not any(sp is f for f in first)]]
        chosen = list(order[0])
        for group in order[1:]:
            for span in group:
                if not any(_overlaps(span, c) for c in chosen):
                    chosen.append(span)
        doc.ents = sorted(chosen, key=lambda sp: sp.start)
        return doc

    # spaCy serialisation: the lexicon travels with the pipeline (as SpanRuler's patterns do).
    def to_disk(self, path, exclude=tuple()):
        self.lexicon.to_disk(path)

    def from_disk(self, path, exclude=tuple()):
        if not (Path(path) / "entity_rules.json").exists():
            # No silent fallback to the packaged lexicon: a pipeline runs the rules it was saved with.
            raise ValueError(f"{path} holds no entity_rules.json: this pipeline was saved without its "
                             "rule lexicon; re-save it with this pdcnlp version")
        self.lexicon = EntityLexicon.from_disk(path)
        return self

    def to_bytes(self, exclude=tuple()) -> bytes:
        return self.lexicon.to_bytes()

    def from_bytes(self, data: bytes, exclude=tuple()):
        self.lexicon = EntityLexicon.from_bytes(data)
        return self
