"""Fitting the linker (training/train_linker.py): the conditional logit
learns from gold links, its probability is a softmax over one quantity's
candidates, and the config chooses the model."""
from __future__ import annotations

import math
from pathlib import Path

from pdcnlp.corpus.dataset import load_records
from pdcnlp.linking.model import LinkModel, link
from training.train_linker import evaluate, fit_from_config, fit_softmax, sentence_examples

ROOT = Path(__file__).resolve().parents[2]
SEEDS = load_records(ROOT / "corpus" / "seeds.jsonl")


def test_the_conditional_logit_learns_the_seed_links():
    records = SEEDS[:120]
    model = fit_softmax(records, C=3.0)
    assert model.meta["kind"] == "conditional logit" and model.meta["n_quantities"] > 20
    # on its own training data a model that learnt nothing (all weights 0:
    # the shortest-to-3-chars tie-break) is far below this
    assert evaluate(model, records)["head_f"] > 0.85
    assert evaluate(LinkModel({}, 0.0, {"kind": "conditional logit"}), records)["head_f"] < 0.5


def test_the_probability_is_the_softmax_over_one_quantitys_candidates():
    model = fit_softmax(SEEDS[:120], C=3.0)
    rec = next(r for r in SEEDS[:120] if r["links"])
    cands, _ = next((c, g) for c, g in sentence_examples(rec) if c)
    best, prob = model.best_scored(cands)
    scores = [model.score(c.features) for c in cands]
    assert math.isclose(prob, math.exp(max(scores)) / sum(math.exp(s) for s in scores), rel_tol=1e-6)
    assert model.score(best.features) == max(scores)


def test_the_config_chooses_the_model():
    records = SEEDS[:60]
    logistic = fit_from_config(records, {"C": 0.3})
    softmax = fit_from_config(records, {"C": 3.0, "kind": "softmax", "threshold": 0.2})
    assert logistic.meta["kind"] == "logistic regression" and not logistic.meta["words"]
    assert softmax.meta["kind"] == "conditional logit" and softmax.threshold == 0.2
    again = LinkModel.from_dict(__import__("json").loads(softmax.to_json()))
    text = "开展集体学习4000余场次"
    assert link(text, [(6, 13, "场次", "events")], again) == link(text, [(6, 13, "场次", "events")], softmax)


def test_page_folds_keep_pages_whole_and_cover_every_record():
    from training.link_report import page_folds

    records = SEEDS            # five seed documents
    folds = list(page_folds(records, 3))
    assert len(folds) == 3 and sum(len(held) for _, held in folds) == len(records)
    for train, held in folds:
        assert not {r["source"] for r in train} & {r["source"] for r in held}


def test_cross_validation_scores_every_gold_link_once():
    from training.link_report import cross_validate

    records = SEEDS
    rep = cross_validate(records, {"C": 3.0, "kind": "softmax"}, 2)
    n_links = sum(len(r["links"]) for r in records)
    assert rep["n_gold_links"] == n_links and 0.0 < rep["head"]["f"] <= 1.0
    assert rep["strict"]["f"] <= rep["head"]["f"]
