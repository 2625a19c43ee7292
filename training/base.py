"""Base step: ORG and GPE learnt from MSRA, CLUENER and People's Daily 1998.

``spacy train`` on ``training/configs/ner_base.cfg`` (sizes of each corpus
in its ``[base_data]`` section, steps in ``[training]``; label mapping in
``training/base_data.py``), scored on the MSRA test set, saved to
``training/base_model`` (committed, a few MB) with ``base_info.json``.
"""
from __future__ import annotations

import datetime
import json
import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Dict

import spacy
from spacy.training import Example
from spacy.util import load_config

import pdcnlp

log = logging.getLogger("training")


def rebuild_base(data_dir: Path, out_dir: Path, config: Path) -> Dict:
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin
    from training.base_data import build_docbins

    tmp = Path(tempfile.mkdtemp(prefix="pdcnlp-base-"))
    nlp = pdcnlp.build()
    cfg = load_config(config)
    sizes, steps = cfg["base_data"], cfg["training"]["max_steps"]
    counts = build_docbins(nlp, data_dir, tmp, sizes["msra"], sizes["cluener"], sizes["pd1998"])
    log.info("base training data: %s", counts)
    t0 = time.time()
    spacy_train(str(config), str(tmp / "out"),
                overrides={"paths.train": str(tmp / "base_train.spacy"), "paths.dev": str(tmp / "base_dev.spacy")})
    train_s = time.time() - t0
    best = spacy.load(tmp / "out" / "model-best")
    test_docs = list(DocBin().from_disk(tmp / "msra_test.spacy").get_docs(best.vocab))
    examples = [Example(best.make_doc(d.text), d) for d in test_docs]
    scores = best.evaluate(examples)
    msra = {
        "ORG": scores["ents_per_type"].get("ORG", {}),
        "LOC (as GPE)": scores["ents_per_type"].get("GPE", {}),
        "micro": {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]},
    }
    if out_dir.exists():
        shutil.rmtree(out_dir)
    best.config["paths"]["train"] = best.config["paths"]["dev"] = None  # temporary files, gone after this run
    best.to_disk(out_dir)
    info = {"trained_on": counts, "steps": steps, "train_seconds": round(train_s),
            "msra_test": msra, "date": datetime.date.today().isoformat()}
    (out_dir / "base_info.json").write_text(json.dumps(info, indent=2, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    return info
