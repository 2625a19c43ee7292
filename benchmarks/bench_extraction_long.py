"""A 1M-character report: peak memory and time per character against a short
report, and long unpunctuated stretches against punctuated text.

    python benchmarks/bench_extraction_long.py [--chars 1000000]

Each measurement runs in a fresh subprocess (model load included in RSS,
not in time): ``short`` analyses one ~2,500-character report 20 times,
``long`` one report of ``--chars`` characters (the political corpora, or the
seeds, repeated at paragraph breaks), so its RSS is the whole cost of one
1M-character document. Time per character is compared as a ratio
long/short (target ≤ 2x; memory target ≤ 500 MB). A second table times
text with no sentence punctuation at 10k/20k/40k characters against the
same text punctuated (time should grow linearly in both).
"""
from __future__ import annotations

import argparse
import datetime
import json
import resource
import subprocess
import sys
import time

from _common import political_texts, write_result


def _text(n_chars: int, punctuated: bool = True) -> str:
    paras = [p for t in political_texts(3_000_000) for p in t.split("\n") if len(p.strip()) > 20]
    out, n, i = [], 0, 0
    while n < n_chars:
        p = paras[i % len(paras)]
        if not punctuated:
            p = p.translate(str.maketrans("", "", "。！？；!?;\n"))
        out.append(p)
        n += len(p) + (1 if punctuated else 0)
        i += 1
    return ("\n" if punctuated else "").join(out)[:n_chars]


def child(kind: str, n_chars: int) -> dict:
    import pdcnlp
    from pdcnlp.extraction.analyse import analyse_document
    from pdcnlp.io.document import Document

    nlp = pdcnlp.load()
    warm = _text(3000)
    analyse_document(nlp, Document(warm, 0, len(warm)))
    if kind == "short":
        text, repeat = _text(2500), 20
    elif kind == "long":
        text, repeat = _text(n_chars), 1
    else:
        punct, size = kind.split(":")
        text, repeat = _text(int(size), punctuated=(punct == "p")), 1
    doc = Document(text, 0, len(text))
    t0 = time.perf_counter()
    for _ in range(repeat):
        ms, es = analyse_document(nlp, doc)
    secs = time.perf_counter() - t0
    return {"chars": len(text) * repeat, "seconds": secs, "us_per_char": 1e6 * secs / (len(text) * repeat),
            "rows": len(ms), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(kind: str, n_chars: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--chars", str(n_chars)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.chars)))
        return
    short = run("short", args.chars)
    long_ = run("long", args.chars)
    lines = [
        f"# Long documents ({datetime.date.today()}, `python benchmarks/bench_extraction_long.py --chars {args.chars}`)",
        "",
        "Each row a fresh process; RSS includes the model load; time excludes it.",
        "",
        "| document | chars | seconds | µs/char | ratio to short | peak RSS MB | rows |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in (("short report x20", short), (f"one {args.chars:,}-char report", long_)):
        lines.append(f"| {name} | {r['chars']:,} | {r['seconds']:.1f} | {r['us_per_char']:.1f} | "
                     f"{r['us_per_char'] / short['us_per_char']:.2f}x | {r['peak_rss_mb']:.0f} | {r['rows']} |")
    lines += ["", "Unpunctuated stretches (no 。！？；!?; or line break) against the same text punctuated:", "",
              "| chars | punctuated s | unpunctuated s | unpunct. µs/char | ratio to punct. |", "|---:|---:|---:|---:|---:|"]
    for size in (10_000, 20_000, 40_000):
        p, u = run(f"p:{size}", 0), run(f"u:{size}", 0)
        lines.append(f"| {size:,} | {p['seconds']:.2f} | {u['seconds']:.2f} | {u['us_per_char']:.1f} | "
                     f"{u['seconds'] / p['seconds']:.2f}x |")
    text = "\n".join(lines) + "\n"
    print(text)
    write_result("extraction_long", text)


if __name__ == "__main__":
    main()
