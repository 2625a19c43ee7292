"""Where pipeline time goes: each component's share, on the political corpora.

    python benchmarks/bench_components.py [--model DIR]

Runs the loaded pipeline step by step on the same docs (tokenizer, then each
component in order), timing each step; reports seconds and share of the
total. The shares are ratios within one run, so machine noise cancels.
"""
from __future__ import annotations

import argparse
import datetime

from _common import component_times, political_texts, write_result
import pdcnlp


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="a saved pipeline directory (default: the shipped one)")
    args = ap.parse_args()
    texts = political_texts()
    n_chars = sum(len(t) for t in texts)
    nlp = pdcnlp.load(args.model)
    times = component_times(nlp, texts, tokenizer="tokenizer (normalise + segment)")
    total = sum(times.values())
    lines = [
        "# Pipeline time by component",
        "",
        f"{datetime.date.today()} · {len(texts)} texts, {n_chars:,} chars (political corpora) · "
        f"pipeline: {', '.join(nlp.pipe_names)} · best of 2",
        "",
        "| step | seconds | share | chars/s |",
        "|---|---:|---:|---:|",
    ]
    for name, t in times.items():
        lines.append(f"| {name} | {t:.2f} | {t / total:.1%} | {n_chars / t:,.0f} |")
    lines.append(f"| **whole pipeline** | {total:.2f} | 100% | {n_chars / total:,.0f} |")
    md = "\n".join(lines) + "\n"
    print(md)
    write_result("components", md)


if __name__ == "__main__":
    main()
