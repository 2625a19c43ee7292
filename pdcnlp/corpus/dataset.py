"""Load the annotated corpus, split by document, never inside one.

Sentences of one article share names, numbers and phrasing; a split that put
some in training and others in test would measure memory, not skill. So
every split here is by ``source`` document:

* :func:`train_dev_split`: the fixed split: dev is one whole article
  (``DEV_DOCUMENTS``), train the others;
* :func:`document_folds`: leave-one-document-out: for each article, train on
  the others and test on it.

Plain-Python functions work on lists of records; ``as_datasets`` returns the
same splits as a Hugging Face ``DatasetDict`` built from the local JSONL
(``datasets`` extra; loads offline, nothing is fetched).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Tuple, Union

# The fixed dev document: seed 002 (Traditional script, 39 sentences, every
# label present), chosen before any model was trained.
DEV_DOCUMENTS = ("002_9cf4878ccf6c084d.txt",)

Record = Dict[str, object]


def load_records(path: Union[str, Path]) -> List[Record]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def documents(records: Sequence[Record]) -> List[str]:
    """The source documents, in order of first appearance."""
    return list(dict.fromkeys(str(r["source"]) for r in records))


def train_dev_split(records: Sequence[Record], dev_documents: Sequence[str] = DEV_DOCUMENTS
                    ) -> Tuple[List[Record], List[Record]]:
    dev = set(dev_documents)
    missing = dev - set(documents(records))
    if missing:
        raise ValueError(f"dev documents not in the corpus: {sorted(missing)}")
    return [r for r in records if r["source"] not in dev], [r for r in records if r["source"] in dev]


def document_folds(records: Sequence[Record]) -> Iterator[Tuple[str, List[Record], List[Record]]]:
    """``(held_out_document, train, test)`` for each document."""
    for doc in documents(records):
        yield doc, [r for r in records if r["source"] != doc], [r for r in records if r["source"] == doc]


def as_datasets(path: Union[str, Path], fold: Union[str, None] = None):
    """The fixed split (or the fold holding out document ``fold``) as a
    ``datasets.DatasetDict`` with ``train`` and ``dev``/``test``, loaded from
    the local JSONL. Nested span lists are kept as JSON strings so Arrow does
    not have to unify their mixed types."""
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from datasets import Dataset, DatasetDict

    records = load_records(path)
    if fold is None:
        train, held = train_dev_split(records)
        name = "dev"
    else:
        found = [(d, tr, te) for d, tr, te in document_folds(records) if d == fold]
        if not found:
            raise ValueError(f"no document {fold!r} in {path}")
        _, train, held = found[0]
        name = "test"

    def table(rows):
        return Dataset.from_list([
            {"id": r["id"], "source": r["source"], "text": r["text"],
             **{k: json.dumps(r[k], ensure_ascii=False) for k in ("entities", "targets", "links", "quantities")}}
            for r in rows
        ])

    return DatasetDict({"train": table(train), name: table(held)})
