"""The linker's scorer: a linear model over candidate features, stored as JSON.

A weight per feature string (``training/train_linker.py`` fits it with
scikit-learn; inference needs nothing but this module and
:mod:`pdcnlp.linking.features`). :func:`link` picks, for each quantity of a
clean sentence, the best-scoring candidate or none.
"""
from __future__ import annotations

import json
from itertools import repeat
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .features import Candidate, candidates, no_target_by_rule

# Without a trained model: prefer the span right before the quantity (gap of
# adverbs only) that starts after a light verb or a clause break; else the
# span right after it.
RULE_WEIGHTS: Dict[str, float] = {
    "side=L": 1.0, "gap=": 2.0, "gap=累计": 1.5, "gap=共": 1.5, "after_light_verb": 1.5,
    "before1=,": 1.0, "before1=，": 1.0, "starts_light_verb": -3.0, "starts_determiner": -2.0,
    "has_function_char": -2.0, "len=2": 0.5, "len=3": 0.6, "len=4": 0.7, "len=9-15": -0.5, "len=16+": -1.5,
    "gap=long": -3.0, "side=R|gaplen=0": 1.5, "after_determiner": 1.0,
}


class LinkModel:
    """A linear scorer over candidate features, stored as JSON."""

    def __init__(self, weights: Dict[str, float], bias: float = 0.0, meta: Optional[dict] = None):
        self.weights = dict(weights)
        self.bias = bias
        self.meta = meta or {}

    @classmethod
    def rules(cls) -> "LinkModel":
        return cls(RULE_WEIGHTS, 0.0, {"kind": "rules"})

    def score(self, features: Iterable[str]) -> float:
        w = self.weights
        return self.bias + sum(map(w.get, features, repeat(0.0)))

    def best(self, cands: Sequence[Candidate]) -> Optional[Candidate]:
        if not cands:
            return None
        return max(cands, key=lambda c: (self.score(c.features), -abs(c.end - c.start - 3)))

    def to_dict(self) -> dict:
        return {"format": "pdcnlp-linker-v1", "bias": self.bias, "weights": self.weights, "meta": self.meta}

    @classmethod
    def from_dict(cls, d: dict) -> "LinkModel":
        if d.get("format") != "pdcnlp-linker-v1":
            raise ValueError(f"not a pdcnlp linker model (format {d.get('format')!r})")
        return cls(d["weights"], d.get("bias", 0.0), d.get("meta"))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)


def link(text: str, quantities: Sequence[Tuple[int, int, str, str]], model: LinkModel,
         entity_spans: Sequence[Tuple[int, int]] = ()) -> List[Optional[Tuple[int, int]]]:
    """For each quantity ``(qs, qe, unit, unit_class)`` of a clean sentence,
    the target span or None."""
    qspans = [(q[0], q[1]) for q in quantities]
    out: List[Optional[Tuple[int, int]]] = []
    for qs, qe, unit, unit_class in quantities:
        if no_target_by_rule(text, qs, qe, unit, qspans):
            out.append(None)
            continue
        best = model.best(candidates(text, qs, qe, unit_class, qspans, entity_spans))
        out.append((best.start, best.end) if best else None)
    return out
