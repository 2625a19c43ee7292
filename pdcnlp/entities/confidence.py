"""A confidence in [0, 1] for each entity: the trained ``ner``'s own
probability of that span, read from its action scores.

Why this method (measured on the dev split, docs/confidence.md): spaCy's
``ner`` is a greedy transition parser; each token gets one action (B-, I-,
L-, U- with a label, or O) chosen as the best *valid* action under the
model's scores. A softmax over the valid actions turns those scores into a
probability per step, and the probability the model gives a span is the
product over the span's own steps: B-X at its first token, I-X inside,
L-X at its last (U-X for one token). The alternatives measured: the
weakest step (``min``) ranks about the same (ECE 0.147 against 0.134); a
``beam_ner`` loaded with the same weights (``BeamEntityRecognizer.scored_ents``,
beam 16) gives all-or-nothing marginals (ECE 0.226: 40 of the model's 90
wrong spans at ≥ 0.99, and 97 of its 413 spans, half of them right, under
0.1) and is a second parse as long as the first.

Why it is cheap: the state features of spaCy's NER transition system are a
function of two positions only, the token in front of the buffer and the
first token of the open entity (``StateC.set_context_tokens`` for 3 or 6
features). So the state behind every step of any span can be built from
the span alone, without replaying the parse, and all of them are scored in
one batched call of the model's own step layers (``ParserStepModel``:
precomputed lower layer, maxout, upper when there is one). That works for
any ``TransitionBasedParser.v2`` weights (``use_upper`` true or false,
``extra_state_tokens`` true or false) and costs a fraction of the parse.

Rule spans get no confidence (``None``; ``ent._.origin`` says "rules").
The same measure would give them a number, the model's probability of the
span, but on dev that number says nothing about a rule span's precision
(rule spans scored under 0.1 were right 43% of the time, those at 0.1–0.3
79%: the model simply did not choose them), so a number there would
mislead. QUANTITY spans come from rules as well: ``None``.

The functions here are pure (numpy in, numbers out); the spaCy component
is :mod:`pdcnlp.entities.confidence_component`.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy

COMBINE = ("product", "min")


def parse_moves(move_names: Sequence[str]) -> Tuple[List[str], List[str]]:
    """``["B-ORG", "O", …]`` → (kinds ``["B", "O", …]``, labels ``["ORG", "", …]``)."""
    kinds, labels = [], []
    for name in move_names:
        kind, _, label = name.partition("-")
        kinds.append(kind)
        labels.append(label)
    return kinds, labels


def valid_actions(kinds: Sequence[str], labels: Sequence[str], open_label: Optional[str],
                  is_last: bool, next_sent_start: bool, is_space: bool) -> numpy.ndarray:
    """Which actions spaCy's BILUO system allows at a token, for a Doc with
    no preset entities (as the ``ner`` sees it in the pipeline): with no
    entity open, B-X (not on the last token, not before a sentence start,
    not on a space), U-X (not on a space) or O; with an entity of label X
    open, I-X (not on the last token, not before a sentence start) or L-X.
    Mirrors the ``is_valid`` of ``spacy/pipeline/_parser_internals/ner.pyx``;
    a test checks it against spaCy's own on real parser states."""
    out = numpy.zeros(len(kinds), dtype=bool)
    for a, (kind, label) in enumerate(zip(kinds, labels)):
        if open_label is None:
            if kind == "O":
                out[a] = True
            elif kind == "B":
                out[a] = bool(label) and not is_last and not next_sent_start and not is_space
            elif kind == "U":
                out[a] = bool(label) and not is_space
        elif label == open_label and label:
            if kind == "I":
                out[a] = not is_last and not next_sent_start
            elif kind == "L":
                out[a] = True
    return out


def softmax_valid(scores: numpy.ndarray, valid: numpy.ndarray) -> numpy.ndarray:
    """Row-wise softmax of ``scores`` over the ``valid`` actions (0 for the
    others): the probability of each action the parser could take there."""
    scores = numpy.asarray(scores, dtype="float64")
    masked = numpy.where(valid, scores, -numpy.inf)
    top = masked.max(axis=1, keepdims=True)
    top[~numpy.isfinite(top)] = 0.0
    e = numpy.where(valid, numpy.exp(masked - top), 0.0)
    total = e.sum(axis=1, keepdims=True)
    total[total == 0] = 1.0
    return e / total


def span_steps(start: int, end: int, label: str) -> List[Tuple[int, int, str]]:
    """The parser steps that make span ``[start, end)`` of ``label``: one
    ``(token, first token of the open entity or -1, action name)`` per token."""
    if end - start == 1:
        return [(start, -1, f"U-{label}")]
    steps = [(start, -1, f"B-{label}")]
    steps += [(i, start, f"I-{label}") for i in range(start + 1, end - 1)]
    steps.append((end - 1, start, f"L-{label}"))
    return steps


def context_ids(n_features: int, b0: int, ent_start: int, offset: int = 0) -> List[int]:
    """Token ids of the state with ``b0`` in front of the buffer and an entity
    open since ``ent_start`` (-1: none), as ``StateC.set_context_tokens``
    gives them for the NER feature sets (3, or 6 with ``extra_state_tokens``);
    ``offset``: the Doc's first row in the batch; -1 is the padding row."""
    if n_features == 3:
        ids = [b0, ent_start, b0 - 1 if ent_start >= 0 else -1]
    elif n_features == 6:
        inside = list(range(ent_start, b0))[:5] if ent_start >= 0 else []
        ids = [b0, *inside] + [-1] * (5 - len(inside))
    else:
        raise ValueError(f"no NER state features of width {n_features} (spaCy's ner uses 3 or 6)")
    return [i + offset if i >= 0 else -1 for i in ids]


def combine(step_probs: Sequence[float], how: str = "product") -> float:
    """One number for a span from the probabilities of its steps: their
    ``product`` (the model's probability of the whole span) or their
    ``min`` (the weakest decision)."""
    if how not in COMBINE:
        raise ValueError(f"combine must be one of {COMBINE}, not {how!r}")
    if not len(step_probs):
        raise ValueError("a span has at least one step")
    p = float(numpy.prod(step_probs)) if how == "product" else float(min(step_probs))
    return min(1.0, max(0.0, p))
