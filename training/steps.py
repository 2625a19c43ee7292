"""The steps of the training workflow, one command each (project.yml runs them).

    python -m training.steps base      --config training/configs/ner_base.cfg --data ../shared/data --out training/base_model
    python -m training.steps finetune  --config training/configs/finetune.cfg --out training/work/ner
    python -m training.steps words     --config training/configs/finetune.cfg --out training/work/words
    python -m training.steps linker    --config training/configs/finetune.cfg --out training/work/linker.json
    python -m training.steps dev-score --config training/configs/finetune.cfg --out training/work/dev_scores.json
    python -m training.steps test-score --config training/configs/finetune.cfg --out training/work/test_scores.json
    python -m training.steps package   --config training/configs/finetune.cfg --work training/work --out pdcnlp/model
    python -m training.steps loo       --config training/configs/finetune.cfg

Every setting comes from the config; ``--epochs N`` (N > 0) overrides
``training.max_epochs`` for quick runs (tests), nothing else.
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path
from typing import Dict

import spacy
from spacy.util import load_config

import pdcnlp  # noqa: F401  (registers the tokenizer and architectures the configs name)
from pdcnlp.corpus.dataset import load_records
from pdcnlp.corpus.scoring import format_rows, format_table, predict, score, score_by
from pdcnlp.corpus.splits import corpus_splits
from pdcnlp.linking.model import LinkModel

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "pdcnlp" / "model"
log = logging.getLogger("training")


def _path(p) -> Path:
    p = Path(p)
    return p if p.is_absolute() else ROOT / p


def _overrides(args) -> Dict[str, object]:
    return {"training.max_epochs": args.epochs} if getattr(args, "epochs", 0) else {}


def _split(cfg, name: str):
    """The records of the config's ``[splits]`` entry ``name`` (train / dev / test)."""
    return corpus_splits(_path(cfg["paths"]["corpus"]))[cfg["splits"][name]]


def _seeds(cfg):
    return load_records(_path(cfg["paths"]["corpus"]) / "seeds.jsonl")


def step_base(args) -> int:
    from training.base import rebuild_base

    info = rebuild_base(_path(args.data), _path(args.out), _path(args.config))
    print(json.dumps(info["msra_test"], indent=2))
    return 0


def step_finetune(args) -> int:
    from training.finetune import finetune

    out = _path(args.out)
    if out.exists():
        shutil.rmtree(out)
    finetune(_path(args.config), _overrides(args)).to_disk(out)
    return 0


def _linker_cfg(cfg, work: Path) -> Dict:
    """The [linker] section of the config ``[linker] config`` names, with its
    word layer read from this run's work folder (the ``words`` step)."""
    lc = dict(load_config(_path(cfg["linker"]["config"])).interpolate()["linker"])
    if lc.get("words"):
        lc["words"] = str(work / "words")
    return lc


def step_words(args) -> int:
    """The word and POS layer (issue 18): a tagger over our char tokens
    trained on People's Daily 1998 (``training/configs/words.cfg``)."""
    from training.train_words import main as train_words

    extra = ["--steps", str(args.words_steps), "--train-sentences", str(max(200, args.words_steps * 8))] \
        if args.words_steps else []
    return train_words(["--data", str(_path(args.data)), "--out", str(_path(args.out)), *extra])


def step_linker(args) -> int:
    from training.train_linker import fit_from_config

    cfg = load_config(_path(args.config)).interpolate()
    model = fit_from_config(_split(cfg, "train"), _linker_cfg(cfg, _path(args.work)))
    out = _path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json(), encoding="utf-8")
    return 0


def _assembled(cfg, work: Path, **combine):
    from training.add_words import add_words
    from training.assemble import assemble

    c = {"policy": cfg["combine"]["policy"], "check_model": cfg["combine"]["check_model"],
         "rules_first_labels": list(cfg["combine"].get("rules_first_labels", [])), **combine}
    nlp = assemble(spacy.load(work / "ner"),
                   linker=LinkModel.from_dict(json.loads((work / "linker.json").read_text(encoding="utf-8"))), **c)
    if _linker_cfg(cfg, work).get("words"):
        add_words(nlp, work / "words")   # the word layer the linker's features were fitted with
    return nlp


def _performance(s: Dict) -> Dict:
    return {"ents_per_type": {label: {**v, "gold": s["ents_counts"][label]["gold"]}
                              for label, v in s["ents_per_type"].items()},
            "links_head_f": s["links_head_f"], "links_strict_f": s["links_strict_f"],
            "quantity_reading_acc": s["quantity_reading_acc"], "n_sentences": s["n_sentences"],
            "n_pages": s["n_docs"]}


def step_dev_score(args) -> int:
    """The fine-tuned recogniser and the linker (both trained on the train
    split) assembled under each combination of rules and model, scored on
    the dev split: the table the [combine] choice is made from."""
    from training.assemble import VARIANTS

    cfg = load_config(_path(args.config)).interpolate()
    work = _path(args.work)
    dev = _split(cfg, "dev")
    variants = {}
    for name, kw in VARIANTS.items():
        # each variant on its own terms: no setting of [combine] leaks into it
        kw = {"check_model": "none", "rules_first_labels": [], **kw}
        s = score(dev, predict(_assembled(cfg, work, **kw), dev))
        variants[name] = _performance(s)
        print(f"{name:55s} " + " ".join(f"{k} {v['f']:.3f}" for k, v in s["ents_per_type"].items())
              + f" links {s['links_head_f']:.3f}")
    s = score(dev, predict(_assembled(cfg, work), dev))
    print("shipped combination, dev split:")
    print(format_table(s))
    out = _path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**_performance(s), "variants": variants}, indent=2, ensure_ascii=False),
                   encoding="utf-8")
    return 0


def step_test_score(args) -> int:
    """The shipped combination on the test split, once, after every choice
    was made on dev: per label, per campaign group and per script."""
    cfg = load_config(_path(args.config)).interpolate()
    work = _path(args.work)
    test = _split(cfg, "test")
    pred = predict(_assembled(cfg, work), test)
    s = score(test, pred)
    by = {key: {k: _performance(v) for k, v in score_by(test, pred, key).items()}
          for key in ("campaign_group", "script")}
    print(format_table(s))
    for key in ("campaign_group", "script"):
        print(format_rows(score_by(test, pred, key), key))
    out = _path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**_performance(s), "by": by}, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def step_package(args) -> int:
    """Assemble rules, fine-tuned recogniser and linker; save; fill meta; write the card."""
    import datetime

    from training.package_model import VERSIONS, package

    cfg = load_config(_path(args.config)).interpolate()
    work = _path(args.work)
    base_dir = _path(cfg["paths"]["base"])
    nlp = _assembled(cfg, work)
    out = _path(args.out)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    trained = {"date": datetime.date.today().isoformat(), "seed": cfg["system"]["seed"],
               "base": json.loads((base_dir / "base_info.json").read_text(encoding="utf-8")),
               "finetune_sentences": len(_split(cfg, "train")),
               "finetune_pages": len({r["source"] for r in _split(cfg, "train")}),
               # `pdcnlp evaluate` reads this to say when it is scoring training data
               "training_sources": sorted({r["source"] for r in _split(cfg, "train")}),
               "finetune_epochs": args.epochs or cfg["training"]["max_epochs"],
               "splits": dict(cfg["splits"])}
    dev = json.loads((work / "dev_scores.json").read_text(encoding="utf-8"))
    dev.pop("variants", None)
    performance = {**dev, "split": "dev"}
    test_path = work / "test_scores.json"
    if test_path.exists():
        test = json.loads(test_path.read_text(encoding="utf-8"))
        performance["test"] = {k: v for k, v in test.items() if k != "by"}
        performance["test_by"] = test.get("by", {})
    shipped = out.resolve() == SHIPPED.resolve()
    meta = package(out, cfg, trained, performance, versions=VERSIONS if shipped else None)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    print(f"saved {out} ({size:.1f} MB): {meta['name']} {meta['version']}")
    return 0


def step_loo(args) -> int:
    from training.assemble import shipped_variant
    from training.loo import leave_one_document_out, write_results

    cfg = load_config(_path(args.config)).interpolate()
    loo = leave_one_document_out(_path(args.config), _seeds(cfg), cfg, _overrides(args))
    print(write_results(loo, shipped_variant(cfg), cfg["system"]["seed"]))
    return 0


STEPS = {"base": step_base, "finetune": step_finetune, "words": step_words, "linker": step_linker, "dev-score": step_dev_score,
         "test-score": step_test_score, "package": step_package, "loo": step_loo}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=list(STEPS))
    ap.add_argument("--config", default="training/configs/finetune.cfg")
    ap.add_argument("--out", default=None)
    ap.add_argument("--work", default="training/work")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--epochs", type=int, default=0, help="override training.max_epochs (quick runs)")
    ap.add_argument("--words-steps", type=int, default=0, help="override the word tagger's steps (quick runs)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    return STEPS[args.step](args)


if __name__ == "__main__":
    sys.exit(main())
