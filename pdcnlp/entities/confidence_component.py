"""spaCy component: ``ent._.confidence`` for the name entities of ``doc.ents``.

A thin factory over :mod:`pdcnlp.entities.confidence` (why this measure,
and why it is cheap, is said there). It runs after
``pdcnlp_entity_rules``, reads the trained ``ner`` it names from the same
pipeline (no weights of its own, nothing saved) and scores every ORG, GPE
and PROGRAMME span of ``doc.ents`` that the model found (``ent._.origin``
is "model") with the model's probability of that span. Rule spans are not
scored (why: :mod:`pdcnlp.entities.confidence`). The scores live in
``doc.user_data`` as plain lists (so they survive ``Doc.to_bytes`` and
worker processes) and are read through ``Span._.confidence``: a float in
[0, 1], or ``None`` for a span that was not scored (a rule span, QUANTITY,
a pipeline without ``ner``).

It needs ``doc.tensor`` from the ``tok2vec`` the ``ner`` listens to, so it
must run before anything that resets it (``pdcnlp.load`` puts it right
after ``pdcnlp_entity_rules``).
"""
from __future__ import annotations

from typing import Dict, Iterable, Iterator, List, Optional, Tuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..schema import CONFIDENCE_KEY, ENTS_MODEL_KEY, NAME_LABELS
from .confidence import COMBINE, combine, context_ids, parse_moves, span_steps, softmax_valid, valid_actions

FACTORY = "pdcnlp_confidence"


def span_confidence(span: Span) -> Optional[float]:
    """``span._.confidence``: the score stored for this span (same tokens and
    label), or ``None``."""
    table = span.doc.user_data.get(CONFIDENCE_KEY)
    if not table:
        return None
    for s, e, label, p in table:
        if s == span.start and e == span.end and label == span.label_:
            return p
    return None


if not Span.has_extension("confidence"):
    Span.set_extension("confidence", getter=span_confidence)


@Language.factory(FACTORY, assigns=["span._.confidence"], requires=["doc.ents", "doc.tensor"],
                  default_config={"ner": "ner", "combine": "product"})
def make_confidence(nlp: Language, name: str, ner: str, combine: str):
    return EntityConfidence(nlp, ner, combine)


class EntityConfidence:
    def __init__(self, nlp: Language, ner: str = "ner", how: str = "product"):
        if how not in COMBINE:
            raise ValueError(f"combine must be one of {COMBINE}, not {how!r}")
        self.nlp = nlp
        self.ner_name = ner
        self.how = how

    def _ner(self):
        # Looked up on use, not at construction: the ner may be added, replaced or loaded after us.
        return self.nlp.get_pipe(self.ner_name) if self.ner_name in self.nlp.pipe_names else None

    def __call__(self, doc: Doc) -> Doc:
        self.score_docs([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self.score_docs(batch)
            yield from batch

    def score_docs(self, docs: List[Doc]) -> None:
        """Score the name entities of ``docs`` in one call of the ner's step layers."""
        ner = self._ner()
        if ner is None:
            return
        labels = set(ner.moves.labels.get(1, ())) & set(NAME_LABELS)  # the labels of B- moves
        todo = [(d, model_spans(d, labels)) for d in docs]
        todo = [(d, spans) for d, spans in todo if spans]
        for d in docs:
            d.user_data[CONFIDENCE_KEY] = []
        if not todo:
            return
        scores = span_probabilities(ner, [d for d, _ in todo], [s for _, s in todo], self.how)
        for (doc, spans), probs in zip(todo, scores):
            doc.user_data[CONFIDENCE_KEY] = [[s, e, label, p] for (s, e, label), p in zip(spans, probs)]

    # Nothing to save: the scores come from the ner's weights.
    def to_disk(self, path, exclude=tuple()):
        return None

    def from_disk(self, path, exclude=tuple()):
        return self

    def to_bytes(self, exclude=tuple()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, exclude=tuple()):
        return self


def model_spans(doc: Doc, labels) -> List[Tuple[int, int, str]]:
    """The spans of ``doc.ents`` the ner found: those also in
    ``doc.spans["ents_model"]`` (all of ``doc.ents`` when there is no such
    group, i.e. no entity-rules component ran)."""
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in labels]
    if ENTS_MODEL_KEY not in doc.spans:
        return ents
    model = {(m.start, m.end, m.label_) for m in doc.spans[ENTS_MODEL_KEY]}
    return [sp for sp in ents if sp in model]


def action_names(ner) -> List[str]:
    """The ner's actions in score order, the internal "U-" (a blocked
    token; never valid here) included: ``ner.move_names`` leaves it out,
    which would shift every column after it."""
    return [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]


def span_probabilities(ner, docs: List[Doc], spans: List[List[Tuple[int, int, str]]],
                       how: str = "product") -> List[List[float]]:
    """The ``ner``'s probability of each ``(start, end, label)`` span of each
    doc (its own spans or any other): all steps of all spans are scored in
    one batch by the model's step layers over ``doc.tensor``."""
    names = action_names(ner)
    kinds, labels = parse_moves(names)
    action = {name: i for i, name in enumerate(names)}
    step_model = ner.model.predict(docs)
    try:
        n_features = step_model.state2vec.nF
        ids: List[List[int]] = []
        valid: List[numpy.ndarray] = []
        chosen: List[int] = []
        owner: List[Tuple[int, int]] = []
        offset = 0
        for d, (doc, doc_spans) in enumerate(zip(docs, spans)):
            n = len(doc)
            sent_start = [t.is_sent_start is True for t in doc]
            space = [t.is_space for t in doc]
            for k, (start, end, label) in enumerate(doc_spans):
                for b0, ent_start, name in span_steps(start, end, label):
                    ids.append(context_ids(n_features, b0, ent_start, offset))
                    valid.append(valid_actions(kinds, labels, label if ent_start >= 0 else None, b0 == n - 1,
                                               b0 + 1 < n and sent_start[b0 + 1], space[b0]))
                    chosen.append(action[name])
                    owner.append((d, k))
            offset += n
        vec = step_model.state2vec.predict(numpy.asarray(ids, dtype="i"))
        scores = step_model.vec2scores.predict(vec) if step_model.attrs["has_upper"] else vec
        if not isinstance(scores, numpy.ndarray):
            scores = ner.model.ops.to_numpy(scores)    # an upper layer on GPU (untested here)
        scores = numpy.array(scores, dtype="float32")
        scores[:, step_model._class_mask == 0] = numpy.nanmin(scores)
        mask = numpy.stack(valid)
        mask[numpy.arange(len(chosen)), chosen] = True  # a step the parser could not take still gets a number
        probs = softmax_valid(scores, mask)[numpy.arange(len(chosen)), chosen]
    finally:
        step_model.clear_memory()
    per_span: Dict[Tuple[int, int], List[float]] = {}
    for (d, k), p in zip(owner, probs):
        per_span.setdefault((d, k), []).append(float(p))
    return [[combine(per_span[(d, k)], how) for k in range(len(doc_spans))] for d, doc_spans in enumerate(spans)]
