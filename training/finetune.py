"""Fine-tuning step: the base recogniser learns our labels from corpus/.

Through spaCy's own training loop (``spacy train`` on
``training/configs/finetune.cfg``): the base model with the config's labels
added is saved as an initialised model, its tok2vec and ner are sourced
from it, and spaCy trains them with dev evaluation every
``training.eval_frequency`` steps. The corpus is read by the
``pdcnlp.CorpusRecords.v1`` reader registered here, so a split is a config
value (``include``/``exclude`` documents), not code.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example
from spacy.util import filter_spans, registry

from pdcnlp.corpus.dataset import load_records

ROOT = Path(__file__).resolve().parents[1]


def examples_from_records(nlp, records: Sequence[Dict], labels: Sequence[str]) -> List[Example]:
    """Gold docs from corpus records. Offsets are trimmed of noise, tokens
    carry the noise after them: spans are expanded to token edges."""
    out = []
    for r in records:
        doc = nlp.make_doc(r["text"])
        spans = []
        for s, e, label in r["entities"]:
            if label not in labels:
                continue
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        gold = nlp.make_doc(r["text"])
        gold.set_ents([Span(gold, sp.start, sp.end, label=sp.label_) for sp in filter_spans(spans)],
                      default="outside")
        out.append(Example(doc, gold))
    return out


def select(records: Sequence[Dict], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> List[Dict]:
    """Records of the ``include`` documents (all when empty), minus ``exclude``."""
    inc, exc = set(include), set(exclude)
    return [r for r in records if (not inc or r["source"] in inc) and r["source"] not in exc]


@registry.readers("pdcnlp.CorpusRecords.v1")
def corpus_records(path: str, labels: List[str], include: List[str] = [], exclude: List[str] = []):
    """A corpus reader for spaCy's training loop over ANNOTATION.md JSONL."""
    def read(nlp: Language) -> Iterable[Example]:
        records = select(load_records(ROOT / path if not Path(path).is_absolute() else path), include, exclude)
        if not records:
            raise ValueError(f"no records of {path} with include={include}, exclude={exclude}")
        return examples_from_records(nlp, records, labels)

    return read


def initialised_base(base_dir: Path, labels: Sequence[str], out_dir: Path) -> Path:
    """The base pipeline with ``labels`` added to its ner (the output layer
    grows; what it learnt stays), saved for the config to source from."""
    nlp = spacy.load(base_dir)
    ner = nlp.get_pipe("ner")
    for label in labels:
        ner.add_label(label)
    nlp.to_disk(out_dir)
    return out_dir


def finetune(config: Path, overrides: Optional[Dict[str, object]] = None, output: Optional[Path] = None) -> Language:
    """Run ``spacy train`` on ``config`` and return the last model (fixed
    epochs, no early stopping: dev scores are logged, not used to choose).

    ``overrides`` are spaCy config overrides (``corpora.train.exclude``,
    ``training.max_epochs``, ``system.seed`` …)."""
    from spacy.cli.train import train as spacy_train
    from spacy.util import load_config

    overrides = dict(overrides or {})
    cfg = load_config(config, overrides=overrides, interpolate=True)
    work = Path(tempfile.mkdtemp(prefix="pdcnlp-finetune-"))
    try:
        base = cfg["paths"]["base"]
        init = initialised_base(ROOT / base if not Path(base).is_absolute() else Path(base),
                                cfg["model"]["labels"], work / "init")
        out = output or work / "out"
        spacy_train(str(config), str(out), overrides={**overrides, "paths.init": str(init)})
        return spacy.load(out / "model-last")
    finally:
        shutil.rmtree(work, ignore_errors=True)
