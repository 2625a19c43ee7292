"""Extraction throughput: engines, baselines and scaling, in one run.

    python benchmarks/bench_extraction.py [--unit-chars 150000]

Input: the political corpora cut into files of ~5,000 characters (at
paragraph breaks), written to a temporary folder. "1x" is ``--unit-chars``
characters of it (default 150k, a tenth of the corpora, so that 16x fits in
a few minutes on 2 cores); 4x and 16x repeat the corpora as needed.

* engines on 4x: single process, ``n_process=2``, Dask LocalCluster (2
  worker processes); each measured end to end in a fresh subprocess
  (model loads included), with its peak RSS (self + children);
* baselines on the same 4x text in the same run: spaCy's ``char`` tokenizer
  alone (blank zh ``make_doc``) and ``jieba.lcut``;
* scaling: single process at 1x, 4x and 16x: chars/s should stay flat
  (cost linear in input).
"""
from __future__ import annotations

import argparse
import datetime
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import political_texts, write_result


def make_corpus(folder: Path, n_chars: int, file_chars: int = 5000) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    paras = [p for t in political_texts() for p in t.split("\n") if p.strip()]
    written, buf, k, i = 0, [], 0, 0
    while written < n_chars:
        p = paras[i % len(paras)]
        i += 1
        buf.append(p)
        written += len(p) + 1
        if sum(len(x) + 1 for x in buf) >= file_chars:
            (folder / f"doc{k:06d}.txt").write_text("\n".join(buf), encoding="utf-8")
            buf, k = [], k + 1
    if buf:
        (folder / f"doc{k:06d}.txt").write_text("\n".join(buf), encoding="utf-8")
    return written


def run_engine(folder: str, engine: str) -> dict:
    import pdcnlp.extraction as ex

    out = Path(tempfile.mkdtemp()) / "o.csv"
    t0 = time.time()
    kw = {"n_process": 2} if engine == "n_process=2" else ({"dask": True} if engine == "dask" else {})
    s = ex.extract_to_files([folder], out, progress=False, **kw)
    secs = time.time() - t0
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return {"chars": s.chars, "seconds": secs, "rows": s.measurements, "peak_rss_mb": peak}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--unit-chars", type=int, default=150_000)
    ap.add_argument("--engine")
    ap.add_argument("--folder")
    args = ap.parse_args()
    if args.engine:
        print(json.dumps(run_engine(args.folder, args.engine)))
        return
    tmp = Path(tempfile.mkdtemp(prefix="pdcnlp-bench-"))
    sizes = {}
    for mult in (1, 4, 16):
        sizes[mult] = make_corpus(tmp / f"x{mult}", args.unit_chars * mult)

    def sub(folder, engine):
        out = subprocess.run([sys.executable, __file__, "--engine", engine, "--folder", str(folder)],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    engines = {e: sub(tmp / "x4", e) for e in ("single process", "n_process=2", "dask")}
    scaling = {m: (engines["single process"] if m == 4 else sub(tmp / f"x{m}", "single process")) for m in (1, 4, 16)}

    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp / "x4").glob("*.txt"))]
    n4 = sum(map(len, texts))
    import spacy

    blank = spacy.blank("zh")
    t0 = time.time()
    for t in texts:
        blank.make_doc(t)
    t_char = time.time() - t0
    try:
        import jieba

        jieba.initialize()
        t0 = time.time()
        for t in texts:
            jieba.lcut(t)
        t_jieba = time.time() - t0
    except ImportError:
        t_jieba = None

    single = engines["single process"]["chars"] / engines["single process"]["seconds"]
    lines = ["# Extraction throughput", "",
             f"{datetime.date.today()} · 2 cores · political corpora in ~5k-char files · 1x = {args.unit_chars:,} chars "
             f"(4x = {sizes[4]:,}, 16x = {sizes[16]:,}) · each engine end to end in a fresh process, model loads included",
             "", "| run (4x) | chars/s | vs single process | peak RSS (MB, self + children) | measurement rows |",
             "|---|---:|---:|---:|---:|"]
    for name, r in engines.items():
        cps = r["chars"] / r["seconds"]
        lines.append(f"| pdcnlp, {name} | {cps:,.0f} | {cps / single:.2f} | {r['peak_rss_mb']:.0f} | {r['rows']:,} |")
    lines.append(f"| baseline: spaCy char tokenizer alone | {n4 / t_char:,.0f} | {n4 / t_char / single:.1f} | | |")
    if t_jieba:
        lines.append(f"| baseline: jieba.lcut | {n4 / t_jieba:,.0f} | {n4 / t_jieba / single:.1f} | | |")
    lines += ["", "Scaling, single process:", "", "| input | chars | seconds | chars/s |", "|---|---:|---:|---:|"]
    for m, r in scaling.items():
        lines.append(f"| {m}x | {r['chars']:,} | {r['seconds']:.1f} | {r['chars'] / r['seconds']:,.0f} |")
    md = "\n".join(lines) + "\n"
    print(md)
    write_result("extraction", md)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
