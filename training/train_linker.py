"""Fit the quantity→target linker on corpus links (scikit-learn), store it as JSON.

    python -m training.train_linker [--loo]

For every gold QUANTITY, the candidates of :func:`pdcnlp.linking.features.candidates`
(on the sentence's clean text, gold entity spans as features) are labelled 1
when they are exactly the gold target, else 0; a logistic regression over
the sparse features learns to score them. The weights go into a plain JSON
dict (feature string → weight), read by :class:`pdcnlp.linking.model.LinkModel`:
no pickle, no scikit-learn at run time.

Scoring here is on gold quantities (the linker's own quality);
``pdcnlp evaluate`` scores the whole pipeline, where a quantity must also be
found to be linked.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from pdcnlp.corpus.dataset import document_folds, load_records
from pdcnlp.corpus.scoring import prf
from pdcnlp.linking.features import candidates, no_target_by_rule
from pdcnlp.linking.model import LinkModel
from pdcnlp.text.normalize import normalize
from pdcnlp.quantities import unit_class

ROOT = Path(__file__).resolve().parents[1]


def quantity_items(record: Dict) -> List[Tuple[str, int, int, str, Optional[Tuple[int, int]], list, list]]:
    """(clean text, qs, qe, unit, gold target, quantity spans, entity spans) in clean offsets."""
    norm = normalize(record["text"])
    clean = norm.clean

    def c(s, e):
        return norm.to_clean(s, e)

    qspans = [c(s, e) for s, e, lab in record["entities"] if lab == "QUANTITY"]
    ents = [c(s, e) for s, e, lab in record["entities"] if lab != "QUANTITY"]
    gold = {(l[0], l[1]): c(l[2], l[3]) for l in record["links"]}
    units = {tuple(q["span"]): q["unit"] for q in record["quantities"]}
    out = []
    for s, e, lab in record["entities"]:
        if lab != "QUANTITY":
            continue
        out.append((clean, *c(s, e), units[(s, e)], gold.get((s, e)), qspans, ents))
    return out


def fit(records: Sequence[Dict], C: float) -> LinkModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    for r in records:
        for clean, qs, qe, unit, gold, qspans, ents in quantity_items(r):
            if gold is None:
                continue
            for cand in candidates(clean, qs, qe, unit_class(unit), qspans, ents):
                X.append({f: 1 for f in cand.features})
                y.append(int((cand.start, cand.end) == gold))
    vec = DictVectorizer()
    Xm = vec.fit_transform(X).tocsr()
    Xm.indices = Xm.indices.astype("int32")
    Xm.indptr = Xm.indptr.astype("int32")
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", solver="liblinear", random_state=0)
    clf.fit(Xm, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-6}
    return LinkModel(weights, float(clf.intercept_[0]),
                     {"kind": "logistic regression", "C": C, "n_candidates": len(y), "n_positive": int(sum(y))})


def evaluate(model: LinkModel, records: Sequence[Dict]) -> Dict[str, float]:
    head = strict = n_pred = n_gold = reachable = 0
    for r in records:
        for clean, qs, qe, unit, gold, qspans, ents in quantity_items(r):
            n_gold += gold is not None
            if no_target_by_rule(clean, qs, qe, unit, qspans):
                continue
            cands = candidates(clean, qs, qe, unit_class(unit), qspans, ents)
            if gold is not None and any((c.start, c.end) == gold for c in cands):
                reachable += 1
            best = model.best(cands)
            if best is None:
                continue
            n_pred += 1
            if gold is not None and best.end == gold[1]:
                head += 1
                strict += best.start == gold[0]

    return {"head_f": prf(head, n_pred, n_gold)["f"], "strict_f": prf(strict, n_pred, n_gold)["f"],
            "n_gold": n_gold, "n_pred": n_pred,
            "candidate_recall": reachable / n_gold if n_gold else 0.0}


def loo(records: Sequence[Dict], C: float) -> Dict[str, Dict]:
    out = {}
    for doc, train, test in document_folds(records):
        m = fit(train, C)
        out[doc] = {"learned": evaluate(m, test), "rules": evaluate(LinkModel.rules(), test)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "seeds.jsonl"))
    ap.add_argument("--out", default=None, help="write the fitted model JSON here")
    ap.add_argument("--loo", action="store_true")
    ap.add_argument("--config", default=str(ROOT / "training" / "configs" / "finetune.cfg"),
                    help="the [linker] section gives C")
    args = ap.parse_args(argv)
    from spacy.util import load_config

    C = load_config(args.config)["linker"]["C"]
    records = load_records(args.corpus)
    if args.loo:
        print(json.dumps(loo(records, C), indent=2))
    model = fit(records, C)
    print(json.dumps(evaluate(model, records)), "(training data)")
    if args.out:
        Path(args.out).write_text(model.to_json(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
