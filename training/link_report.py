"""Link errors by class on a corpus split: the before/after report of issue 18.

    python -m training.link_report [--split dev] [--model training/work/linker.json] [--examples 3]

Fits the linker on the corpus TRAIN split (seeds + train pages, by
``corpus/splits.json``) unless ``--model`` names saved weights, then scores
it on gold QUANTITY spans of ``--split`` (the linker's own quality, apart
from the recogniser's misses) and sorts every error into one class:

* ``should_be_unlinked``: gold leaves the quantity unlinked, we link it;
* ``missed``: gold links it, we link nothing;
* ``missed_back_link``: the gold target lies outside the quantity's clause
  (a count that leaves its noun out, a 其中 subset …) and we miss it;
* ``wrong_side``: gold and predicted target on opposite sides of the number;
* ``overrun``: our target runs past the gold head (N名学员参加培训 → …参加);
* ``short``: our target stops inside the gold target, before its head;
* ``wrong_head``: any other end (a different phrase of the clause);
* ``start`` (strict only): the head is right, the start is not.

Why a separate report and not ``pdcnlp evaluate``: the pipeline score mixes
recogniser misses into link errors; here the classes say what the linker
itself gets wrong, which is what a change to the linker must move. Tune on
dev only; the test split is scored once, at the end, by ``--split test``.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from pdcnlp.corpus.scoring import prf
from pdcnlp.corpus.splits import corpus_splits
from pdcnlp.linking.features import clause_bounds
from pdcnlp.linking.model import LinkModel

ROOT = Path(__file__).resolve().parents[1]
CLASSES = ("should_be_unlinked", "missed", "missed_back_link", "wrong_side", "overrun", "short", "wrong_head")


def cached_words(tagger):
    """``tagger.clean_words`` remembered per sentence (fit and report see the same sentences)."""
    memo: Dict[str, list] = {}

    def words(clean: str) -> list:
        if clean not in memo:
            memo[clean] = tagger.clean_words(clean)
        return memo[clean]

    return words


def classify(clean: str, qs: int, qe: int, gold: Optional[tuple], pred: Optional[tuple]) -> str:
    """One error class (or ``ok`` / ``start``) for one quantity."""
    if gold is None:
        return "ok" if pred is None else "should_be_unlinked"
    if pred is not None and pred[1] == gold[1]:
        return "ok" if pred[0] == gold[0] else "start"
    left, right = clause_bounds(clean, qs, qe)
    if gold[1] <= left or gold[0] >= right:
        return "missed_back_link"
    if pred is None:
        return "missed"
    gold_left, pred_left = gold[1] <= qs, pred[1] <= qs
    if gold_left != pred_left:
        return "wrong_side"
    if pred[0] < gold[1] < pred[1]:
        return "overrun"
    if gold[0] <= pred[1] < gold[1]:
        return "short"
    return "wrong_head"


def report(model: LinkModel, records: Sequence[Dict], examples: int = 0, words=None) -> Dict[str, object]:
    """Head/strict P/R/F on gold quantities, error counts by class, examples.

    ``words`` (a callable: clean text → word spans with POS) is passed to
    :func:`pdcnlp.linking.model.link` when the linker uses the word layer."""
    from training.train_linker import record_predictions

    head = strict = n_pred = n_gold = 0
    classes: Counter = Counter()
    shown: Dict[str, List[str]] = defaultdict(list)
    for items, preds in record_predictions(model, records, words):
        for (clean, qs, qe, unit, gold, _, _), pred in zip(items, preds):
            pred = tuple(pred) if pred is not None else None
            n_gold += gold is not None
            n_pred += pred is not None
            c = classify(clean, qs, qe, gold, pred)
            if c == "ok" and gold is not None:
                head += 1
                strict += 1
            elif c == "start":
                head += 1
            classes[c] += 1
            if c not in ("ok",) and len(shown[c]) < examples:
                g = clean[gold[0]:gold[1]] if gold else "—"
                p = clean[pred[0]:pred[1]] if pred else "—"
                shown[c].append(f"{clean[qs:qe]} | gold {g} | ours {p} | {clean[max(0, qs - 25):qe + 12]}")
    return {"head": prf(head, n_pred, n_gold), "strict": prf(strict, n_pred, n_gold),
            "n_gold_links": n_gold, "n_pred_links": n_pred, "classes": dict(classes), "examples": dict(shown)}


def format_report(name: str, rep: Dict[str, object]) -> str:
    h, s = rep["head"], rep["strict"]
    lines = [f"### {name}", "",
             f"head F1 {h['f']:.3f} (P {h['p']:.3f}, R {h['r']:.3f}); strict F1 {s['f']:.3f}; "
             f"{rep['n_gold_links']} gold links, {rep['n_pred_links']} predicted", "",
             "| class | count |", "|---|---|"]
    for c in CLASSES + ("start",):
        lines.append(f"| {c} | {rep['classes'].get(c, 0)} |")
    lines.append(f"| ok | {rep['classes'].get('ok', 0)} |")
    return "\n".join(lines)


def page_folds(records: Sequence[Dict], k: int):
    """``(train, held)`` for k folds of ``records``, whole pages (``source``)
    together, assigned by a hash of the page address (stable across runs)."""
    import hashlib

    fold = [int(hashlib.md5(r["source"].encode("utf-8")).hexdigest(), 16) % k for r in records]
    for f in range(k):
        yield ([r for r, g in zip(records, fold) if g != f], [r for r, g in zip(records, fold) if g == f])


def cross_validate(records: Sequence[Dict], linker_cfg: Dict, k: int = 5) -> Dict[str, object]:
    """Head/strict F1 and error classes of the config's linker over k page
    folds of ``records`` (each fold scored by a linker fitted on the others).

    Why beside the dev split: dev holds 222 links, one link is 0.0045 of F1,
    and a feature that moves dev by two links may be noise; the train split
    in folds scores five times as many links without touching dev or test."""
    from training.train_linker import config_words, fit_from_config

    head = strict = n_pred = n_gold = 0
    classes: Counter = Counter()
    words = config_words(linker_cfg)
    for train, held in page_folds(records, k):
        rep = report(fit_from_config(train, linker_cfg, words), held, 0, words=words)
        classes.update(rep["classes"])
        n_gold += rep["n_gold_links"]
        n_pred += rep["n_pred_links"]
        head += round(rep["head"]["r"] * rep["n_gold_links"])
        strict += round(rep["strict"]["r"] * rep["n_gold_links"])
    return {"head": prf(head, n_pred, n_gold), "strict": prf(strict, n_pred, n_gold), "n_gold_links": n_gold,
            "n_pred_links": n_pred, "classes": dict(classes), "examples": {}}


def pipeline_score(path: str, records: Sequence[Dict], split: str) -> int:
    """The headline figures, as ``pdcnlp evaluate`` computes them: the
    pipeline's own quantities, a link right when its quantity and the end
    (head) / both edges (strict) of its target match gold."""
    import spacy

    import pdcnlp  # noqa: F401
    from pdcnlp.corpus.scoring import predict, score

    s = score(records, predict(spacy.load(path), records))
    print(f"{split} split, whole pipeline {path}: link head F1 {s['links_head_f']:.3f} "
          f"(P {s['links_head_p']:.3f}, R {s['links_head_r']:.3f}), strict F1 {s['links_strict_f']:.3f}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--model", default=None, help="saved linker JSON (else fit on the train split)")
    ap.add_argument("--config", default=str(ROOT / "training" / "configs" / "linker.cfg"))
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--words", default=None, help="word/POS pipeline directory for the linker's word features")
    ap.add_argument("--json", default=None, help="write the report here as JSON")
    ap.add_argument("--save", default=None, help="write the linker fitted on train here")
    ap.add_argument("--softmax", action="store_true", help="fit the conditional logit (fit_softmax)")
    ap.add_argument("--word-edges", default="", choices=("", "start", "both"),
                    help="candidates start (start) or start and end (both) on word boundaries")
    ap.add_argument("--C", type=float, default=0.0, help="override [linker] C")
    ap.add_argument("--pipeline", default=None,
                    help="score this whole saved pipeline (its recogniser finds the quantities) instead")
    ap.add_argument("--cv", type=int, default=0,
                    help="score the --config linker in this many page folds of the train split instead")
    args = ap.parse_args(argv)
    splits = corpus_splits(ROOT / "corpus")
    if args.cv:
        from spacy.util import load_config

        rep = cross_validate(splits["train"], dict(load_config(args.config).interpolate()["linker"]), args.cv)
        print(format_report(f"train split, {args.cv} page folds", rep))
        return 0
    if args.pipeline:
        return pipeline_score(args.pipeline, splits[args.split], args.split)
    words = None
    if args.words:
        from pdcnlp.words import WordTagger

        words = cached_words(WordTagger.load(args.words))
    if args.model:
        model = LinkModel.from_dict(json.loads(Path(args.model).read_text(encoding="utf-8")))
    else:
        from spacy.util import load_config

        from training.train_linker import fit, fit_softmax

        model = (fit_softmax if args.softmax else fit)(splits["train"], C=args.C or load_config(args.config).interpolate()["linker"]["C"], words=words,
                    word_edges=args.word_edges)
        if args.save:
            Path(args.save).write_text(model.to_json(), encoding="utf-8")
    rep = report(model, splits[args.split], args.examples, words=words)
    print(format_report(f"{args.split} split", rep))
    for c, ex in rep["examples"].items():
        print(f"\n{c}:")
        for line in ex:
            print("  " + line)
    if args.json:
        Path(args.json).write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
