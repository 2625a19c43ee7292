"""The steps of the training workflow, one command each (project.yml runs them).

    python -m training.steps base      --config training/configs/ner_base.cfg --data ../shared/data --out training/base_model
    python -m training.steps finetune  --config training/configs/finetune.cfg --out training/work/ner
    python -m training.steps dev-score --config training/configs/finetune.cfg --out training/work/dev_scores.json
    python -m training.steps linker    --config training/configs/finetune.cfg --out training/work/linker.json
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
from pdcnlp.corpus.dataset import load_records, train_dev_split
from pdcnlp.corpus.scoring import format_table, predict, score
from pdcnlp.linking.model import LinkModel

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "pdcnlp" / "model"
log = logging.getLogger("training")


def _path(p) -> Path:
    p = Path(p)
    return p if p.is_absolute() else ROOT / p


def _overrides(args) -> Dict[str, object]:
    return {"training.max_epochs": args.epochs} if getattr(args, "epochs", 0) else {}


def _records(cfg):
    return load_records(_path(cfg["paths"]["corpus"]))


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


def step_linker(args) -> int:
    from training.train_linker import fit

    cfg = load_config(_path(args.config)).interpolate()
    model = fit(_records(cfg), C=cfg["linker"]["C"])
    out = _path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json(), encoding="utf-8")
    return 0


def step_dev_score(args) -> int:
    """Train on all but the dev documents, score the assembled pipeline on them."""
    from training.assemble import assemble
    from training.finetune import finetune
    from training.train_linker import fit

    cfg = load_config(_path(args.config)).interpolate()
    dev_docs = list(cfg["splits"]["dev_documents"])
    train, dev = train_dev_split(_records(cfg), dev_docs)
    t0 = time.time()
    ner = finetune(_path(args.config), {**_overrides(args), "corpora.train.exclude": dev_docs})
    nlp = assemble(ner, cfg["combine"]["policy"], check_model=cfg["combine"]["check_model"],
                   linker=fit(train, C=cfg["linker"]["C"]))
    s = score(dev, predict(nlp, dev))
    print(f"fixed split: trained on {len(train)} sentences, scored on {len(dev)} ({', '.join(dev_docs)}), "
          f"{time.time() - t0:.0f}s")
    print(format_table(s))
    performance = {"ents_per_type": {label: {**v, "gold": s["ents_counts"][label]["gold"]}
                                     for label, v in s["ents_per_type"].items()},
                   "links_head_f": s["links_head_f"], "links_strict_f": s["links_strict_f"]}
    out = _path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(performance, indent=2), encoding="utf-8")
    return 0


def step_package(args) -> int:
    """Assemble rules, fine-tuned recogniser and linker; save; fill meta; write the card."""
    import datetime

    from training.assemble import assemble
    from training.package_model import VERSIONS, package

    cfg = load_config(_path(args.config)).interpolate()
    work = _path(args.work)
    base_dir = _path(cfg["paths"]["base"])
    nlp = assemble(spacy.load(work / "ner"), cfg["combine"]["policy"], check_model=cfg["combine"]["check_model"],
                   linker=LinkModel.from_dict(json.loads((work / "linker.json").read_text(encoding="utf-8"))))
    out = _path(args.out)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    trained = {"date": datetime.date.today().isoformat(), "seed": cfg["system"]["seed"],
               "base": json.loads((base_dir / "base_info.json").read_text(encoding="utf-8")),
               "finetune_sentences": len(_records(cfg)),
               "finetune_epochs": args.epochs or cfg["training"]["max_epochs"],
               "dev_documents": list(cfg["splits"]["dev_documents"])}
    performance = json.loads((work / "dev_scores.json").read_text(encoding="utf-8"))
    shipped = out.resolve() == SHIPPED.resolve()
    meta = package(out, cfg, trained, performance, versions=VERSIONS if shipped else None)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    print(f"saved {out} ({size:.1f} MB): {meta['name']} {meta['version']}")
    return 0


def step_loo(args) -> int:
    from training.assemble import shipped_variant
    from training.loo import leave_one_document_out, write_results

    cfg = load_config(_path(args.config)).interpolate()
    loo = leave_one_document_out(_path(args.config), _records(cfg), cfg, _overrides(args))
    print(write_results(loo, shipped_variant(cfg), cfg["system"]["seed"]))
    return 0


STEPS = {"base": step_base, "finetune": step_finetune, "dev-score": step_dev_score, "linker": step_linker,
         "package": step_package, "loo": step_loo}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=list(STEPS))
    ap.add_argument("--config", default="training/configs/finetune.cfg")
    ap.add_argument("--out", default=None)
    ap.add_argument("--work", default="training/work")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--epochs", type=int, default=0, help="override training.max_epochs (quick runs)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    return STEPS[args.step](args)


if __name__ == "__main__":
    sys.exit(main())
