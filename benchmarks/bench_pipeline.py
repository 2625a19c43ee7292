"""Full pipeline throughput vs spaCy's stock ``ner`` on a blank ``zh`` pipeline.

    python benchmarks/bench_pipeline.py [--chars N]

Both run in the same process on the same texts (the political corpora; the
first N characters, split at paragraph breaks so no doc is huge). The
baseline is ``spacy.blank("zh")`` (char segmenter) + the stock ``ner``
component with its default config, initialised with our three labels
(speed does not depend on what the weights are). Goal (issue 17): the whole
pdcnlp pipeline at least as fast as the baseline (>= 1.0x); accuracy first. Peak memory is measured
in a fresh subprocess per pipeline (ru_maxrss), beside the speed.
"""
from __future__ import annotations

import argparse
import datetime
import json
import resource
import subprocess
import sys

from _common import best_of, political_texts, write_result


def paragraphs(limit: int):
    out, n = [], 0
    for text in political_texts():
        for para in text.split("\n"):
            if para.strip():
                out.append(para)
                n += len(para)
                if n >= limit:
                    return out
    return out


def stock_ner():
    import spacy

    nlp = spacy.blank("zh")
    ner = nlp.add_pipe("ner")
    for label in ("ORG", "GPE", "PROGRAMME"):
        ner.add_label(label)
    nlp.initialize()
    return nlp


def load_ours(model=None):
    import pdcnlp

    return pdcnlp.load(model)


def run_one(which: str, limit: int, model=None) -> dict:
    texts = paragraphs(limit)
    nlp = stock_ner() if which == "stock" else load_ours(model)
    t = best_of(lambda: list(nlp.pipe(texts, batch_size=64)), repeat=2)
    return {"chars": sum(map(len, texts)), "seconds": t,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pipes": nlp.pipe_names}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--one", choices=["stock", "ours"])
    ap.add_argument("--model", help="a saved pipeline to measure instead of the shipped one (not written to results/)")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.chars, args.model)))
        return
    # speed: same process, interleaved
    texts = paragraphs(args.chars)
    n = sum(map(len, texts))
    stock, ours = stock_ner(), load_ours(args.model)
    t_stock = best_of(lambda: list(stock.pipe(texts, batch_size=64)), repeat=2)
    t_ours = best_of(lambda: list(ours.pipe(texts, batch_size=64)), repeat=2)
    mem = {}
    for which in ("stock", "ours"):
        cmd = [sys.executable, __file__, "--one", which, "--chars", str(args.chars)]
        out = subprocess.run(cmd + (["--model", args.model] if args.model else []),
                             capture_output=True, text=True, check=True)
        mem[which] = json.loads(out.stdout.strip().splitlines()[-1])["peak_rss_mb"]
    lines = [
        "# Full pipeline vs spaCy stock ner",
        "",
        f"{datetime.date.today()} · {len(texts):,} paragraphs, {n:,} chars of the political corpora · best of 2",
        "",
        "| pipeline | components | seconds | chars/s | speed vs stock ner | peak RSS (MB) |",
        "|---|---|---:|---:|---:|---:|",
        f"| spaCy blank zh + stock ner (baseline) | {', '.join(stock.pipe_names)} | {t_stock:.2f} | {n / t_stock:,.0f} | 1.00 | {mem['stock']:.0f} |",
        f"| pdcnlp.load() | {', '.join(ours.pipe_names)} | {t_ours:.2f} | {n / t_ours:,.0f} | {t_stock / t_ours:.2f} | {mem['ours']:.0f} |",
        "",
        "Goal: pdcnlp at least as fast as the stock ner (>= 1.0x; accuracy first, issue 17). Peak RSS is of a fresh process that loads the pipeline and runs it once over the same text.",
    ]
    md = "\n".join(lines) + "\n"
    print(md)
    if not args.model:
        write_result("pipeline", md)


if __name__ == "__main__":
    main()
