"""Train / dev / test splits by PAGE, fixed once and kept in a file.

Sentences of one page share names, numbers and phrasing; a split that put
some of them in training and others in test would measure memory, not skill.
So the split unit is the page (``source``), and the assignment is written to
``corpus/splits.json`` once, before any model sees the pages, then only read:
adding pages later assigns the new pages and never moves an old one.

Pages are stratified by campaign group and script, so each split holds every
campaign and both scripts in about the same proportions (70/15/15). Order
within a stratum comes from a SHA-256 of the page address, so the assignment
is reproducible and does not depend on file order.

The test split is for headline scores only: no rule, threshold or model
choice may be made while looking at it.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Mapping, Sequence, Tuple, Union

SPLITS = ("train", "dev", "test")
FRACTIONS = {"dev": 0.15, "test": 0.15}
SPLITS_VERSION = 1

Record = Dict[str, object]


def page_strata(records: Sequence[Record]) -> Dict[str, Tuple[str, str]]:
    """page -> (campaign group, majority script of its sentences)."""
    groups: Dict[str, str] = {}
    scripts: Dict[str, Counter] = defaultdict(Counter)
    for r in records:
        page = str(r["source"])
        groups.setdefault(page, str(r.get("campaign_group", "")))
        scripts[page][str(r.get("script", ""))] += 1
    return {p: (groups[p], scripts[p].most_common(1)[0][0]) for p in groups}


def _order_key(page: str, salt: str) -> str:
    return hashlib.sha256((salt + page).encode("utf-8")).hexdigest()


def assign_pages(records: Sequence[Record], existing: Mapping[str, str] = None, salt: str = "pdcnlp-splits-v1",
                 fractions: Mapping[str, float] = FRACTIONS) -> Dict[str, str]:
    """page -> split. Pages in ``existing`` keep their split; new pages are
    dealt within their stratum so that each stratum's totals come as close
    as possible to the fractions."""
    existing = dict(existing or {})
    strata: Dict[Tuple[str, str], List[str]] = defaultdict(list)
    for page, stratum in page_strata(records).items():
        strata[stratum].append(page)
    out = {p: s for p, s in existing.items()}
    for stratum in sorted(strata):
        pages = strata[stratum]
        have = Counter(existing[p] for p in pages if p in existing)
        new = sorted((p for p in pages if p not in existing), key=lambda p: _order_key(p, salt))
        n = len(pages)
        for page in new:
            # give the page to the split furthest below its share of this stratum
            def deficit(split):
                want = fractions.get(split, 1.0 - sum(fractions.values())) * n
                return want - have[split]
            split = max(("test", "dev", "train"), key=deficit)
            out[page] = split
            have[split] += 1
    return out


def save_splits(assignment: Mapping[str, str], path: Union[str, Path], note: str = "") -> None:
    counts = Counter(assignment.values())
    doc = {"version": SPLITS_VERSION, "unit": "page (record field 'source')",
           "method": "stratified by campaign_group and script; order by SHA-256 of the page address; "
                     "existing pages never move",
           "note": note, "counts": {s: counts.get(s, 0) for s in SPLITS},
           "pages": dict(sorted(assignment.items()))}
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_splits(path: Union[str, Path]) -> Dict[str, str]:
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    bad = {s for s in doc["pages"].values() if s not in SPLITS}
    if bad:
        raise ValueError(f"{path}: unknown split names {sorted(bad)}")
    return dict(doc["pages"])


def split_records(records: Sequence[Record], assignment: Mapping[str, str],
                  default: Union[str, None] = None) -> Dict[str, List[Record]]:
    """Records grouped by their page's split. A page missing from the
    assignment is an error unless ``default`` names a split for it (the seed
    articles, for instance, are all training data)."""
    out: Dict[str, List[Record]] = {s: [] for s in SPLITS}
    missing = set()
    for r in records:
        split = assignment.get(str(r["source"]), default)
        if split is None:
            missing.add(str(r["source"]))
            continue
        out[split].append(r)
    if missing:
        raise ValueError(f"{len(missing)} pages have no split (e.g. {sorted(missing)[:3]}); "
                         "run python -m training.make_splits")
    return out


def corpus_splits(corpus_dir: Union[str, Path]) -> Dict[str, List[Record]]:
    """The project corpus as train / dev / test: the pages of
    ``pages.jsonl`` by ``splits.json``, and every seed sentence
    (``seeds.jsonl``, the five articles the project was designed from) in
    train."""
    from .dataset import load_records

    corpus_dir = Path(corpus_dir)
    parts = split_records(load_records(corpus_dir / "pages.jsonl"), load_splits(corpus_dir / "splits.json"))
    seeds = corpus_dir / "seeds.jsonl"
    if seeds.exists():
        parts["train"] = load_records(seeds) + parts["train"]
    return parts


def as_split_datasets(corpus_dir: Union[str, Path]):
    """:func:`corpus_splits` as a ``datasets.DatasetDict`` (offline, local
    JSONL; nested span lists as JSON strings so Arrow need not unify them)."""
    import json as _json
    import os

    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from datasets import Dataset, DatasetDict

    keys = ("entities", "targets", "links", "quantities")
    meta = ("campaign_group", "script", "province", "level")
    return DatasetDict({
        split: Dataset.from_list([
            {"id": r["id"], "source": r["source"], "text": r["text"],
             **{k: str(r.get(k, "")) for k in meta},
             **{k: _json.dumps(r[k], ensure_ascii=False) for k in keys}} for r in rows])
        for split, rows in corpus_splits(corpus_dir).items()})
