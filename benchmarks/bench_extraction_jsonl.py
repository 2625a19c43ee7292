"""One JSONL of N reports: ``--n-process 2`` and a Dask LocalCluster (2
workers) against one process.

    python benchmarks/bench_extraction_jsonl.py [--reports 500]

The file holds N reports cut from the political corpora (or the seeds) at
paragraph breaks, ~``--report-chars`` characters each, in one .jsonl; the
run splits it into record ranges (16 records each) that the workers share.
Each engine runs ``extract_to_files`` in a fresh subprocess; the table
gives wall time end to end (model loads included: a fixed cost that a
larger N amortises) and the time after the first result (the steady-state
rate), each as a speed-up over one process, and checks that the rows are
identical. Engines run ``--repeat`` times, interleaved, and the fastest run
of each is reported (the least disturbed by other work). CPU seconds (this process and its waited-for children; Dask's
workers are not counted) show how much work parallelism adds; the load
average shows what else the cores were doing: on a shared machine a
speed-up needs idle cores.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import political_texts, write_result


def make_jsonl(path: Path, reports: int, report_chars: int) -> int:
    paras = [p for t in political_texts(3_000_000) for p in t.split("\n") if len(p.strip()) > 20]
    n, i, total = 0, 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while n < reports:
            buf = []
            while sum(len(x) for x in buf) < report_chars:
                buf.append(paras[i % len(paras)])
                i += 1
            text = "\n".join(buf)
            total += len(text)
            f.write(json.dumps({"text": text, "title": f"report {n}", "year": 2000 + n % 20},
                               ensure_ascii=False) + "\n")
            n += 1
    return total


def child(path: str, engine: str) -> dict:
    import pdcnlp.extraction as ex
    from pdcnlp.extraction import run as run_module

    first = {}
    real = run_module.run_tasks

    def timed(*a, **k):
        for res in real(*a, **k):
            first.setdefault("t", time.perf_counter())
            yield res

    run_module.run_tasks = timed
    out = Path(tempfile.mkdtemp()) / "o.csv"
    kw = {"n_process": 2} if engine == "n_process=2" else ({"dask": True} if engine == "dask" else {})
    import resource

    def cpu():
        a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime

    c0 = cpu()
    t0 = time.perf_counter()
    s = ex.extract_to_files([path], out, progress=False, **kw)
    t1 = time.perf_counter()
    cpu_s = cpu() - c0
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    return {"seconds": t1 - t0, "after_first": t1 - first.get("t", t0), "docs": s.documents, "chars": s.chars,
            "rows": s.measurements, "sha": digest, "tasks": s.tasks, "cpu_s": cpu_s,
            "load": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--report-chars", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=2, help="runs per engine, interleaved; the fastest is kept")
    ap.add_argument("--child")
    ap.add_argument("--engine")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.engine)))
        return
    tmp = Path(tempfile.mkdtemp(prefix="pdcnlp-jsonl-"))
    path = tmp / "reports.jsonl"
    chars = make_jsonl(path, args.reports, args.report_chars)
    runs = {}
    for _ in range(args.repeat):
        for engine in ("single", "n_process=2", "dask"):
            out = subprocess.run([sys.executable, __file__, "--child", str(path), "--engine", engine],
                                 capture_output=True, text=True, check=True)
            runs.setdefault(engine, []).append(json.loads(out.stdout.strip().splitlines()[-1]))
    res = {e: min(rs, key=lambda r: r["seconds"]) for e, rs in runs.items()}   # the least disturbed run
    base = res["single"]
    lines = [f"# One JSONL of {args.reports} reports ({chars:,} chars, {path.stat().st_size / 1e6:.1f} MB, "
             f"{base['tasks']} record ranges; {datetime.date.today()}, {os.cpu_count()} cores)", "",
             "`python benchmarks/bench_extraction_jsonl.py --reports %d --repeat %d` (fastest of %d interleaved runs "
             "per engine; all walls: %s)" % (args.reports, args.repeat, args.repeat,
                                             "; ".join(f"{e} " + "/".join(f"{r['seconds']:.1f}" for r in rs)
                                                       for e, rs in runs.items())), "",
             "| engine | wall s | speed-up | s after first result | speed-up (steady) | CPU s (all processes) | load avg at end | rows | same rows |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for engine, r in res.items():
        lines.append(f"| {engine} | {r['seconds']:.1f} | {base['seconds'] / r['seconds']:.2f}x | "
                     f"{r['after_first']:.1f} | {base['after_first'] / r['after_first']:.2f}x | {r['cpu_s']:.1f} | "
                     f"{r['load']:.1f} | {r['rows']} | "
                     f"{'yes' if r['sha'] == base['sha'] else 'NO'} |")
    text = "\n".join(lines) + "\n"
    print(text)
    write_result("extraction_jsonl", text)


if __name__ == "__main__":
    main()
