"""The word layer's and the linker's share of pipeline time (issue 18 asks
for linker ≤ 15% of pipeline time, and a word layer that does not make the
pipeline slow).

    python benchmarks/bench_words.py [--pipeline training/work/pipeline_words] [--chars 300000]

Runs the pipeline (the shipped one with the word layer added, see
``training/add_words.py``) step by step on the same political-corpora text,
best of two runs per step, and reports each step's share of the total and
the word layer's time as a ratio to the rest of the pipeline. Ratios within
one run: machine noise cancels.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from _common import component_times, RESULTS, ROOT, political_texts

sys.path.insert(0, str(ROOT))
import spacy  # noqa: E402

import pdcnlp  # noqa: E402,F401


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipeline", default=str(ROOT / "training" / "work" / "pipeline_words"))
    ap.add_argument("--chars", type=int, default=300_000)
    args = ap.parse_args()
    texts = political_texts(args.chars)
    n_chars = sum(len(t) for t in texts)
    nlp = spacy.load(args.pipeline)
    best = component_times(nlp, texts)
    total = sum(best.values())
    words = best.get("words_tagger", 0) + best.get("pdcnlp_words", 0)
    lines = ["# Word layer and linker: share of pipeline time", "",
             f"{datetime.date.today()} · {len(texts)} texts, {n_chars:,} chars (political corpora) · "
             f"pipeline {Path(args.pipeline).name}: {', '.join(nlp.pipe_names)}", "",
             "| step | seconds | share |", "|---|---|---|"]
    lines += [f"| {k} | {v:.2f} | {v / total:.1%} |" for k, v in best.items()]
    lines += ["", f"word layer / rest of the pipeline: {words / (total - words):.2f}x; "
                  f"linker share: {best.get('pdcnlp_linker', 0) / total:.1%}; "
                  f"{n_chars / total:,.0f} chars/s in all"]
    out = "\n".join(lines) + "\n"
    (RESULTS / "words.md").write_text(out, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
