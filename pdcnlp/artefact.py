"""The shipped model as a versioned artefact: fingerprint and run-time resources.

A saved pipeline directory holds everything that decides its output except
a few packaged data files the code reads at run time (the noise patterns,
the width-folding table, the unit and quantity tables, the word-internal
bigrams, the division list of pdcnlp.places and the gazetteer's word-like
names it skips). ``meta.json`` records, under ``"pdcnlp"``:

* ``fingerprint``: sha256 over every file of the directory but ``meta.json``
  and ``MODEL_CARD.md`` (weights, rule lexicons, gazetteer, linker weights,
  config): any change of weights or rules changes it, and the model version
  must change with it (``training/model_versions.json`` keeps the history;
  tests hold the two together);
* ``resources``: sha256 of each packaged file the pipeline reads at run
  time, so that :func:`check` can say when a model runs beside other data
  than it was saved with, instead of silently giving other output.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Dict, List, Union

from . import resources

log = logging.getLogger(__name__)

NOT_FINGERPRINTED = ("meta.json", "MODEL_CARD.md")
# Packaged data files read at run time by code, not saved with a pipeline.
RUNTIME_RESOURCES = ("noise_patterns.json", "opencc_fullwidth.txt", "units.json", "quantity_rules.json",
                     "word_internal_bigrams.txt", "divisions.json", "gazetteer_gpe.json",
                     "feature_lexicons.json")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(model_dir: Union[str, Path]) -> str:
    """sha256 over the relative path and bytes of every file that decides output."""
    root = Path(model_dir)
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = f.relative_to(root).as_posix()
        if rel in NOT_FINGERPRINTED:
            continue
        h.update(rel.encode("utf-8") + b"\0" + _sha256(f.read_bytes()).encode("ascii") + b"\n")
    return h.hexdigest()


def resource_hashes() -> Dict[str, str]:
    return {name: _sha256(resources.path(name).read_bytes()) for name in RUNTIME_RESOURCES}


def check(meta: dict) -> List[str]:
    """Packaged run-time files that differ from those the model was saved with."""
    saved = meta.get("pdcnlp", {}).get("resources", {})
    now = resource_hashes()
    return [f"{name}: saved with {saved[name][:12]}, installed {now.get(name, 'missing')[:12]}"
            for name in sorted(saved) if now.get(name) != saved[name]]


def warn_if_stale(meta: dict) -> None:
    for problem in check(meta):
        log.warning("the pipeline was saved beside other packaged data: %s", problem)
