"""Inter-annotator agreement on a re-annotated sample of the corpus.

    python -m training.agreement sample      # draw 10% of the page sentences, write the blind sheet
    python -m training.agreement score       # compare the second pass with the corpus

A second annotator re-annotates a random 10% of the page sentences from the
plain text alone (``corpus/agreement/blind.ann``: page headers and sentences,
no annotation), writing ``corpus/agreement/second.ann`` in the same markup.
Agreement is measured like a score, with the corpus as one side: F1 of
exact (start, end, label) spans per label (F1 is symmetric, so it does not
matter which side is called gold), links by head match and strict, and
readings on the quantities both marked. It is the ceiling a model can be
expected to reach on these labels.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from pdcnlp.corpus.dataset import load_records
from pdcnlp.corpus.scoring import format_table, score
from training.build_pages import build

ROOT = Path(__file__).resolve().parents[1]
DIR = ROOT / "corpus" / "agreement"
SEED = 20261124


def draw(records, fraction=0.10, seed=SEED):
    rng = random.Random(seed)
    ids = sorted(r["id"] for r in records)
    return set(rng.sample(ids, max(1, round(fraction * len(ids)))))


def write_blind(records, ids, path: Path) -> int:
    lines = ["# Blind sheet for the agreement pass: annotate each sentence by ANNOTATION.md v1.2",
             "# from scratch (markup of training/markup.py, a hand reading on every QUANTITY)."]
    last = None
    n = 0
    for r in records:
        if r["id"] not in ids:
            continue
        if r["source"] != last:
            lines.append(f"= {r['source']} | campaign={r['campaign']} | province={r['province']} | "
                         f"level={r['level']} | year={r['year']}")
            last = r["source"]
        lines += [f"@{r['id']}", r["text"]]
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["sample", "score"])
    ap.add_argument("--pages", default=str(ROOT / "corpus" / "pages.jsonl"))
    ap.add_argument("--second", default=str(DIR / "second.ann"))
    ap.add_argument("--json", default=str(DIR / "agreement.json"))
    args = ap.parse_args(argv)
    records = load_records(args.pages)
    if args.step == "sample":
        n = write_blind(records, draw(records), DIR / "blind.ann")
        print(f"{n} sentences -> {DIR / 'blind.ann'}")
        return 0
    second, problems = build([Path(args.second)])
    for p in problems:
        print("PROBLEM", p, file=sys.stderr)
    by_id = {r["id"]: r for r in records}
    second = [s for s in second if s["id"] in by_id]
    first = [by_id[s["id"]] for s in second]
    for a, b in zip(first, second):
        if a["text"] != b["text"]:
            raise SystemExit(f"{a['id']}: the second pass changed the text")
    result = score(first, second)
    Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
