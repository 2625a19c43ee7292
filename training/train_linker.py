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
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from pdcnlp.corpus.dataset import document_folds, load_records
from pdcnlp.corpus.scoring import prf
from pdcnlp.linking.features import no_target_by_rule
from pdcnlp.linking.model import LinkModel, link, quantity_candidates
from pdcnlp.linking.wordfeats import WordIndex
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


def sentence_examples(record: Dict, words: Optional[Callable[[str], list]] = None, word_edges: str = ""):
    """Per gold quantity of the record, in text order: its candidates
    (earlier GOLD targets offered as back-links, as the linker offers its
    own earlier answers at run time) and its gold target."""
    items = sorted(quantity_items(record), key=lambda it: it[1])
    if not items:
        return []
    clean, ents = items[0][0], items[0][6]
    quantities = [(it[1], it[2], it[3], unit_class(it[3])) for it in items]
    widx = WordIndex.build(words(clean), word_edges) if words is not None else None
    out, earlier = [], []
    for k, it in enumerate(items):
        gold = it[4]
        if no_target_by_rule(clean, it[1], it[2], it[3], [(q[0], q[1]) for q in quantities]):
            out.append((None, gold))
        else:
            out.append((quantity_candidates(clean, k, quantities, earlier, ents, widx), gold))
        if gold is not None:
            earlier.append((gold, quantities[k][3]))
    return out


def fit(records: Sequence[Dict], C: float, words: Optional[Callable[[str], list]] = None,
        word_edges: str = "") -> LinkModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    for r in records:
        for cands, gold in sentence_examples(r, words, word_edges):
            if gold is None or cands is None:
                continue
            for cand in cands:
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
                     {"kind": "logistic regression", "C": C, "n_candidates": len(y), "n_positive": int(sum(y)),
                      "words": words is not None, "word_edges": word_edges if words is not None else ""})


def fit_softmax(records: Sequence[Dict], C: float, words: Optional[Callable[[str], list]] = None,
                word_edges: str = "") -> LinkModel:
    """A conditional logit: per quantity, a softmax over its candidates,
    trained to put the mass on the gold target (L2, strength 1/C, L-BFGS).

    Why beside the per-candidate logistic regression of :func:`fit`: the
    linker's decision is a choice among one quantity's candidates, and
    this objective scores exactly that choice (a per-candidate classifier
    weighs a quantity with 400 candidates 400 times and needs class
    weights); its softmax probability is also the natural link confidence."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    vocab: Dict[str, int] = {}
    rows, cols, groups, gold_rows = [], [], [], []
    n = 0
    for r in records:
        for cands, gold in sentence_examples(r, words, word_edges):
            if gold is None or not cands:
                continue
            hit = [k for k, c in enumerate(cands) if (c.start, c.end) == gold]
            if not hit:
                continue   # gold out of reach: nothing to learn from it
            gold_rows.append(n + hit[0])
            groups.append((n, n + len(cands)))
            for c in cands:
                for f in set(c.features):
                    rows.append(n)
                    cols.append(vocab.setdefault(f, len(vocab)))
                n += 1
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
    seg = np.zeros(n, dtype=np.int64)
    for k, (a, b) in enumerate(groups):
        seg[a:b] = k
    starts = np.array([a for a, _ in groups])
    gold_rows = np.array(gold_rows)
    lam = 1.0 / C

    def objective(w):
        z = X @ w
        zmax = np.maximum.reduceat(z, starts)
        ez = np.exp(z - zmax[seg])
        denom = np.add.reduceat(ez, starts)
        loss = np.sum(np.log(denom) + zmax - z[gold_rows]) + 0.5 * lam * w @ w
        p = ez / denom[seg]
        p[gold_rows] -= 1.0
        return loss, X.T @ p + lam * w

    res = minimize(objective, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    names = sorted(vocab, key=vocab.get)
    weights = {f: float(w) for f, w in zip(names, res.x) if abs(w) > 1e-6}
    return LinkModel(weights, 0.0, {"kind": "conditional logit", "C": C, "n_quantities": len(groups),
                                    "n_candidates": n, "words": words is not None,
                                    "word_edges": word_edges if words is not None else ""})


def record_predictions(model: LinkModel, records: Sequence[Dict], words: Optional[Callable[[str], list]] = None):
    """``(quantity items, predicted target spans)`` for each record with a
    gold quantity: the linker run on the record's gold quantities (its own
    answers serve as back-links), with the word layer when given."""
    for r in records:
        items = quantity_items(r)
        if not items:
            continue
        clean = items[0][0]
        qs_all = [(it[1], it[2], it[3], unit_class(it[3])) for it in items]
        yield items, link(clean, qs_all, model, items[0][6], words=words(clean) if words else None)


def evaluate(model: LinkModel, records: Sequence[Dict], words: Optional[Callable[[str], list]] = None
             ) -> Dict[str, float]:
    """Head/strict F1 of the linker on gold quantities (its own answers as back-links)."""
    head = strict = n_pred = n_gold = 0
    for items, preds in record_predictions(model, records, words):
        for it, pred in zip(items, preds):
            gold = it[4]
            n_gold += gold is not None
            n_pred += pred is not None
            if pred is not None and gold is not None and pred[1] == gold[1]:
                head += 1
                strict += pred[0] == gold[0]
    return {"head_f": prf(head, n_pred, n_gold)["f"], "strict_f": prf(strict, n_pred, n_gold)["f"],
            "n_gold": n_gold, "n_pred": n_pred}


def loo(records: Sequence[Dict], C: float) -> Dict[str, Dict]:
    out = {}
    for doc, train, test in document_folds(records):
        m = fit(train, C)
        out[doc] = {"learned": evaluate(m, test), "rules": evaluate(LinkModel.rules(), test)}
    return out


def config_words(linker_cfg: Dict) -> Optional[Callable[[str], list]]:
    """The word layer a ``[linker]`` section names (``words``, a directory
    relative to the repository, or ""), as a memoised callable, or None."""
    if not linker_cfg.get("words"):
        return None
    from pdcnlp.words import WordTagger
    from training.link_report import cached_words

    path = Path(linker_cfg["words"])
    return cached_words(WordTagger.load(path if path.is_absolute() else ROOT / path))


def fit_from_config(records: Sequence[Dict], linker_cfg: Dict,
                    words: Optional[Callable[[str], list]] = None) -> LinkModel:
    """The linker a ``[linker]`` config section describes (``training/configs/linker.cfg``):
    ``kind``, ``C``, ``words`` (a word-layer directory, relative to the
    repository, or ""), ``word_edges``, ``threshold``. A section with only
    ``C`` (finetune.cfg) gives the earlier logistic model without words.
    ``words``: the section's word layer already loaded (:func:`config_words`),
    so that several fits share one tagger and its memo."""
    if words is None:
        words = config_words(linker_cfg)
    fitter = fit_softmax if linker_cfg.get("kind", "logistic") == "softmax" else fit
    model = fitter(records, C=linker_cfg["C"], words=words, word_edges=linker_cfg.get("word_edges", ""))
    model.threshold = float(linker_cfg.get("threshold", 0.0))
    return model


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "seeds.jsonl"))
    ap.add_argument("--split", default=None, choices=("train",),
                    help="fit on the corpus train split (corpus/splits.json) instead of --corpus")
    ap.add_argument("--out", default=None, help="write the fitted model JSON here")
    ap.add_argument("--loo", action="store_true")
    ap.add_argument("--config", default=str(ROOT / "training" / "configs" / "linker.cfg"),
                    help="its [linker] section gives the model (linker.cfg: the issue-18 linker)")
    args = ap.parse_args(argv)
    from spacy.util import load_config

    linker_cfg = dict(load_config(args.config)["linker"])
    if args.split:
        from pdcnlp.corpus.splits import corpus_splits

        records = corpus_splits(ROOT / "corpus")[args.split]
    else:
        records = load_records(args.corpus)
    if args.loo:
        print(json.dumps(loo(records, linker_cfg["C"]), indent=2))
    model = fit_from_config(records, linker_cfg)
    print(json.dumps(model.meta), "(fitted)")
    if args.out:
        Path(args.out).write_text(model.to_json(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
