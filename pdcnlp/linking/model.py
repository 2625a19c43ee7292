"""The linker's scorer: a linear model over candidate features, stored as JSON.

A weight per feature string (``training/train_linker.py`` fits it with
scikit-learn; inference needs nothing but this module and
:mod:`pdcnlp.linking.features`). :func:`link` picks, for each quantity of a
clean sentence, the best-scoring candidate or none, with its probability.

Back-links (ANNOTATION.md v1.2, structural): a count that leaves its noun
out (…剩余19项), a share or subset (其中80%), a change (增长8%) measures what
an earlier quantity of the sentence measured. No span of its own clause
names that, so the earlier quantities' targets are offered as candidates
too, with features saying how the clause before the number reads (the cue:
增长, 其中, 剩余 …). The weights learn when to take them: a structure, not a
list of sentences.
"""
from __future__ import annotations

import json
import math
from itertools import repeat
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .features import Candidate, candidates, clause_bounds, normalised_gap, no_target_by_rule
from .lists import JOINERS, quantity_run
from .wordfeats import WordIndex

# Without a trained model: prefer the span right before the quantity (gap of
# adverbs only) that starts after a light verb or a clause break; else the
# span right after it.
RULE_WEIGHTS: Dict[str, float] = {
    "side=L": 1.0, "gap=": 2.0, "gap=累计": 1.5, "gap=共": 1.5, "after_light_verb": 1.5,
    "before1=,": 1.0, "before1=，": 1.0, "starts_light_verb": -3.0, "starts_determiner": -2.0,
    "has_function_char": -2.0, "len=2": 0.5, "len=3": 0.6, "len=4": 0.7, "len=9-15": -0.5, "len=16+": -1.5,
    "gap=long": -3.0, "side=R|gaplen=0": 1.5, "after_determiner": 1.0, "back": -3.0,
}
MAX_BACK = 2          # earlier targets offered to a quantity
# 党员34.59万名,占全区人口总数的10.46%: a share names its whole (a noun), yet
# measures the set before it (ANNOTATION.md v1.2 "Shares, subsets and averages")
SHARE_CUES = ("占", "约占", "分别占")
MAX_CUE = 4           # back-links only when at most this much of the clause precedes the number (增长, 其中, 剩余)
Span2 = Tuple[int, int]


class LinkModel:
    """A linear scorer over candidate features, stored as JSON.

    ``threshold``: a best candidate whose probability is below it is not
    linked (the guideline's "nothing in the sentence says what it
    measures"); chosen on dev by ``training/train_linker.py``."""

    def __init__(self, weights: Dict[str, float], bias: float = 0.0, meta: Optional[dict] = None,
                 threshold: float = 0.0):
        self.weights = dict(weights)
        self.bias = bias
        self.meta = meta or {}
        self.threshold = threshold

    @classmethod
    def rules(cls) -> "LinkModel":
        return cls(RULE_WEIGHTS, 0.0, {"kind": "rules"})

    def score(self, features: Iterable[str]) -> float:
        w = self.weights
        return self.bias + sum(map(w.get, features, repeat(0.0)))

    def best(self, cands: Sequence[Candidate]) -> Optional[Candidate]:
        scored = self.best_scored(cands)
        return scored[0] if scored else None

    def best_scored(self, cands: Sequence[Candidate]) -> Optional[Tuple[Candidate, float]]:
        """The best candidate and its probability (the logistic of its score)."""
        if not cands:
            return None
        sc = [(self.score(c.features), -abs(c.end - c.start - 3), k) for k, c in enumerate(cands)]
        s, _, k = max(sc)
        if self.meta.get("kind") == "conditional logit":   # a softmax over this quantity's candidates
            return cands[k], 1.0 / sum(math.exp(max(-50.0, t - s)) for t, _, _ in sc)
        return cands[k], 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, s))))

    def to_dict(self) -> dict:
        return {"format": "pdcnlp-linker-v1", "bias": self.bias, "weights": self.weights, "meta": self.meta,
                "threshold": self.threshold}

    @classmethod
    def from_dict(cls, d: dict) -> "LinkModel":
        if d.get("format") != "pdcnlp-linker-v1":
            raise ValueError(f"not a pdcnlp linker model (format {d.get('format')!r})")
        return cls(d["weights"], d.get("bias", 0.0), d.get("meta"), d.get("threshold", 0.0))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)


def back_candidates(text: str, qs: int, qe: int, unit_class: str, earlier: Sequence[Tuple[Span2, str]],
                    quantity_spans: Sequence[Span2], words: Optional[WordIndex] = None) -> List[Candidate]:
    """Earlier quantities' targets ``((s, e), their unit class)``, nearest
    first, as candidates for the quantity ``[qs, qe)``.

    Only when the stretch before the number (from its clause start, or
    from the quantity before it in the clause: 地区生产总值13.7万亿元、增长5.8%)
    names nothing: with the word layer, no plain noun in it (比上年增长,
    同比分别下降); without, at most ``MAX_CUE`` characters."""
    left, _ = clause_bounds(text, qs, qe)
    first, j, n = quantity_run(text, qs, quantity_spans)
    start = max([left] + [b for a, b in quantity_spans if b <= first])
    while start < first and text[start] in JOINERS:
        start += 1
    cue = normalised_gap(text, start, first, quantity_spans)
    cue_f: Tuple[str, ...] = ()
    if words is not None:
        # a plain noun in the stretch (产量, 增幅: "a rate noun right before
        # the figure takes the link", ANNOTATION.md v1.2) names the number's
        # own target; 同比, 年均 (j) and 增长 (vn) only word the change
        share = cue.startswith(SHARE_CUES)
        if len(cue) > (3 if share else 2) * MAX_CUE or (words.names_noun(start, qs) and not share):
            return []
        cue_f = (f"back|cue_pos={words.pos_between(start, qs)}", f"back|share={share}")
    elif len(cue) > MAX_CUE:
        return []   # the clause names something before the number: no back-link
    out, seen = [], set()
    listed = "分别" in cue and n > 1
    for (s, e), uc in reversed(earlier):      # the most recent quantity's target first
        if (s, e) in seen or e > start or (e > left and start == left):
            continue   # a span of the number's own stretch is a candidate already
        k = len(seen)
        seen.add((s, e))
        out.append(Candidate(s, e, (
            "back", f"back|k={k}", f"back|cue={cue if len(cue) <= MAX_CUE else 'long'}",
            f"back|same_unit={uc == unit_class}", f"back|unit={unit_class}", f"back|same_clause={e > left}",
            f"back|cue={cue}|same_unit={uc == unit_class}") + cue_f))
        if len(seen) >= max(MAX_BACK, n if listed else 0):
            break
    if listed:
        # 事故3起,死亡4人,同比分别下降50%、42.9%: the n-th figure takes the n-th
        # item, counted by place in the text
        by_place = sorted(out, key=lambda c: c.start)
        out = [Candidate(c.start, c.end, c.features + (f"back|list_order={by_place.index(c) == j}",))
               for c in out]
    return out


def quantity_candidates(text: str, i: int, quantities: Sequence[Tuple[int, int, str, str]],
                        earlier: Sequence[Tuple[Span2, str]], entity_spans: Sequence[Span2] = (),
                        words: Optional[WordIndex] = None) -> List[Candidate]:
    """Every candidate of quantity ``i``: its clause's spans and the
    earlier targets (training and :func:`link` share this)."""
    qs, qe, unit, uc = quantities[i]
    qspans = [(q[0], q[1]) for q in quantities]
    return (candidates(text, qs, qe, uc, qspans, entity_spans, words)
            + back_candidates(text, qs, qe, uc, earlier, qspans, words))


def link(text: str, quantities: Sequence[Tuple[int, int, str, str]], model: LinkModel,
         entity_spans: Sequence[Span2] = (), words: Optional[Sequence[Tuple[int, int, str]]] = None,
         with_prob: bool = False) -> List:
    """For each quantity ``(qs, qe, unit, unit_class)`` of a clean sentence,
    the target span or None (``(span or None, probability)`` pairs with
    ``with_prob``). ``words``: the sentence's words ``(start, end, pos)``
    in clean offsets, when the pipeline has the word layer."""
    qspans = [(q[0], q[1]) for q in quantities]
    widx = WordIndex.build(words, model.meta.get("word_edges", ""))
    order = sorted(range(len(quantities)), key=lambda k: quantities[k][0])
    found: Dict[int, Tuple[Optional[Span2], float]] = {}
    earlier: List[Tuple[Span2, str]] = []
    for k in order:
        qs, qe, unit, uc = quantities[k]
        if no_target_by_rule(text, qs, qe, unit, qspans):
            found[k] = (None, 0.0)
            continue
        scored = model.best_scored(quantity_candidates(text, k, quantities, earlier, entity_spans, widx))
        if scored is None or scored[1] < model.threshold:
            found[k] = (None, scored[1] if scored else 0.0)
            continue
        span = (scored[0].start, scored[0].end)
        found[k] = (span, scored[1])
        earlier.append((span, uc))
    return [found[k] if with_prob else found[k][0] for k in range(len(quantities))]
