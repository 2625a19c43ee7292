"""Make a saved pipeline a versioned, self-contained artefact.

The last step of every build (``python -m training.train`` calls
:func:`package`; ``python -m training.package_model DIR`` re-packages a
directory without retraining): fill ``meta.json`` from the ``[model]``
section of the training config (name, version, author, licence, url,
description, data sources), record the fingerprint of the weights and rules
and the hashes of the packaged run-time data (:mod:`pdcnlp.artefact`),
check the version against ``training/model_versions.json`` (a version
names one fingerprint, forever), and generate MODEL_CARD.md.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, Optional

import spacy
from spacy.util import load_config

import pdcnlp
from pdcnlp.artefact import fingerprint, resource_hashes
from training.model_card import write_card

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = ROOT / "training" / "model_versions.json"
DEFAULT_CONFIG = ROOT / "training" / "configs" / "finetune.cfg"
SOURCES = [
    {"name": "MSRA NER (SIGHAN 2006)", "license": "research use, no licence stated by the source"},
    {"name": "People's Daily 1998 (PKU segmented corpus)", "license": "research use, no licence stated by the source"},
    {"name": "CLUENER2020", "url": "https://github.com/CLUEbenchmark/CLUENER2020",
     "license": "research use, no licence stated by the source"},
    {"name": "cpca division list (place-name gazetteer)", "url": "https://github.com/DQinYuan/chinese_province_city_area_mapper",
     "license": "MIT"},
    {"name": "seed articles and corpus/ (public web pages, annotated by ANNOTATION.md)", "license": "research use"},
]


class VersionError(ValueError):
    pass


def record_version(version: str, fp: str, path: Path = VERSIONS) -> None:
    """Add ``version → fp`` to the history; a version already there must name the same fingerprint."""
    history = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if history.get(version, fp) != fp:
        raise VersionError(f"model version {version} already names fingerprint {history[version][:16]}; "
                           f"these weights or rules differ ({fp[:16]}): bump [model] version in the config")
    history[version] = fp
    path.write_text(json.dumps(history, indent=2) + "\n", encoding="utf-8")


def package(model_dir: Path, cfg: Dict, trained: Optional[Dict] = None, performance: Optional[Dict] = None,
            versions: Optional[Path] = VERSIONS) -> Dict:
    """Fill meta.json of ``model_dir``, record its version, write its card; returns the meta.

    With ``versions=None`` (a build that is not shipped: tests, experiments)
    nothing is recorded and the version gets a local label,
    ``VERSION+FINGERPRINT8``, so it can never pass for a shipped model."""
    model_dir = Path(model_dir)
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    m = cfg["model"]
    old = meta.get("pdcnlp", {})
    fp = fingerprint(model_dir)
    rules = json.loads((model_dir / "pdcnlp_entity_rules" / "entity_rules.json").read_text(encoding="utf-8"))
    version = m["version"] if versions is not None else f"{m['version']}+{fp[:8]}"
    meta.update(
        name=m["name"], version=version, description=m["description"], author=m["author"],
        email=m["email"], url=m["url"], license=m["license"], sources=SOURCES, requirements=[],
        performance=performance if performance is not None else meta.get("performance", {}),
    )
    meta["pdcnlp"] = {
        "package_version": pdcnlp.__version__,
        "rules_version": rules["version"],
        "fingerprint": fp,
        "resources": resource_hashes(),
        "trained": trained if trained is not None else old.get("trained", {}),
    }
    if versions is not None:
        record_version(version, fp, versions)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_card(model_dir)
    return meta


def resave(model_dir: Path) -> None:
    """Load and save a pipeline in place with this pdcnlp: the same weights,
    and every component's data (the rule lexicon included) in its directory."""
    nlp = spacy.load(model_dir)
    nlp.to_disk(model_dir)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", nargs="?", default=str(ROOT / "pdcnlp" / "model"))
    ap.add_argument("--config", default=str(DEFAULT_CONFIG))
    ap.add_argument("--resave", action="store_true", help="load and save the pipeline first (same weights)")
    args = ap.parse_args(argv)
    if args.resave:
        resave(Path(args.model_dir))
    meta = package(Path(args.model_dir), load_config(args.config).interpolate())
    print(f"{args.model_dir}: {meta['name']} {meta['version']} fingerprint {meta['pdcnlp']['fingerprint'][:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
