"""Train the word layer (segmentation + POS, BIES-POS over char tokens) on
People's Daily 1998, measure it on a held-out part, save it.

    python -m training.train_words --data ../shared/data --out training/work/words [--steps N]

The file is read by path and never copied into the repository. Lines from
``heldout_from`` (a fraction of the file, the tail of the month: whole
articles) on are held out; the first ``train_sentences`` sentences before
them train. Scores on ``eval_sentences`` held-out sentences: segmentation
F1 (exact word spans), joint word+POS F1, and POS accuracy on the words
segmented right. Settings: ``training/configs/words.cfg``.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Tuple

import spacy
from spacy.training import Example
from spacy.util import load_config, minibatch

import pdcnlp  # noqa: F401  (registers the tokenizer, the architecture, pdcnlp_words)
import pdcnlp.words  # noqa: F401
from pdcnlp.schema import WORDS_KEY
from pdcnlp.text.sentences import sentence_spans
from pdcnlp.words.bies import encode
from training.base_data import pd1998_items

ROOT = Path(__file__).resolve().parents[1]
PD_FILE = Path("peoples_daily_1998") / "199801.txt"
Word = Tuple[int, int, str]


def pd_sentences(lines: Sequence[str]) -> Iterator[Tuple[str, List[Word]]]:
    """(text, words) per sentence; compound brackets ignored (their words count)."""
    for line in lines:
        parts, words, pos = [], [], 0
        for m in pd1998_items(line):
            word, tag = m.group(2), m.group(3)
            parts.append(word)
            words.append((pos, pos + len(word), tag))
            pos += len(word)
        text = "".join(parts)
        for s, e in sentence_spans(text):
            ws = [(a - s, b - s, t) for a, b, t in words if s <= a and b <= e]
            if ws and text[s:e].strip():
                yield text[s:e], ws


def split_lines(path: Path, heldout_from: float) -> Tuple[List[str], List[str]]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if len(l.split()) > 1]
    cut = int(len(lines) * heldout_from)
    return lines[:cut], lines[cut:]


def example(nlp, text: str, words: Sequence[Word]) -> Example:
    doc = nlp.make_doc(text)
    tags = encode([(t.idx, t.idx + len(t)) for t in doc], words)
    return Example.from_dict(doc, {"tags": tags})


def score(nlp, sents: Sequence[Tuple[str, List[Word]]]) -> Dict[str, float]:
    """Segmentation F1, word+POS F1, POS accuracy on right words."""
    tp_seg = tp_pos = n_pred = n_gold = 0
    for doc, (text, words) in zip(nlp.pipe(t for t, _ in sents), sents):
        gold = {(s, e): p for s, e, p in words if text[s:e].strip()}
        pred = {(w.start_char, w.end_char): w.label_ for w in doc.spans[WORDS_KEY] if w.text.strip()}
        n_gold += len(gold)
        n_pred += len(pred)
        for k, p in pred.items():
            if k in gold:
                tp_seg += 1
                tp_pos += gold[k] == p
    f = lambda tp: 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0  # noqa: E731
    return {"seg_f": f(tp_seg), "seg_pos_f": f(tp_pos), "pos_acc_on_right_words": tp_pos / tp_seg if tp_seg else 0.0,
            "seg_p": tp_seg / n_pred if n_pred else 0.0, "seg_r": tp_seg / n_gold if n_gold else 0.0,
            "gold_words": n_gold, "sentences": len(sents)}


def train(config: Path, data_dir: Path, steps: int = 0, train_sentences: int = 0, log=print):
    cfg = load_config(config)
    wt = cfg["words_training"]
    steps = steps or wt["steps"]
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    train_lines, held_lines = split_lines(data_dir / PD_FILE, wt["heldout_from"])
    train_sents = list(pd_sentences(train_lines))[: train_sentences or wt["train_sentences"]]
    held = list(pd_sentences(held_lines))[: wt["eval_sentences"]]
    rng = random.Random(wt["seed"])
    examples = [example(nlp, t, w) for t, w in train_sents]
    optimizer = nlp.initialize(lambda: examples, sgd=None)  # every label seen
    t0, step, losses = time.time(), 0, {}
    while step < steps:
        rng.shuffle(examples)
        for batch in minibatch(examples, wt["batch_size"]):
            nlp.update(batch, drop=wt["dropout"], sgd=optimizer, losses=losses)
            step += 1
            if step % 500 == 0:
                log(f"step {step} loss {losses.get('words_tagger', 0):.1f} {time.time() - t0:.0f}s "
                    f"{score(nlp, held[:300])}")
                losses = {}
            if step >= steps:
                break
    metrics = score(nlp, held)
    metrics.update({"train_sentences": len(train_sents), "steps": steps, "train_seconds": round(time.time() - t0)})
    return nlp, metrics


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", default=str(ROOT / "training" / "configs" / "words.cfg"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "training" / "work" / "words"))
    ap.add_argument("--steps", type=int, default=0, help="override words_training.steps (quick runs)")
    ap.add_argument("--train-sentences", type=int, default=0)
    args = ap.parse_args(argv)
    nlp, metrics = train(Path(args.config), Path(args.data), args.steps, args.train_sentences)
    out = Path(args.out)
    nlp.to_disk(out)
    (out / "words_metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(json.dumps(metrics, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
