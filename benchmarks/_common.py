"""Shared helpers for benchmarks: input text and timing.

Benchmarks report ratios against a baseline run in the same process on the
same text (these machines are noisy), with absolute numbers beside them.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from collections import defaultdict
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("PDCNLP_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "benchmarks" / "results"


def political_texts(limit_chars: int = 0) -> List[str]:
    """Contents of the political corpora (falls back to the seeds)."""
    texts: List[str] = []
    folder = SHARED_DATA / "political_corpora"
    if folder.exists():
        for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
            with open(folder / name, encoding="utf-8") as f:
                for line in f:
                    texts.append(json.loads(line)["content"])
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if limit_chars:
        out, n = [], 0
        for t in texts:
            out.append(t)
            n += len(t)
            if n >= limit_chars:
                break
        texts = out
    return texts


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (the least disturbed one)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def component_times(nlp, texts: List[str], repeat: int = 2,
                    tokenizer: str = "tokenizer") -> Dict[str, float]:
    """Seconds per pipeline step (the tokenizer under the name ``tokenizer``,
    then each component) over ``texts``, from the fastest of ``repeat``
    whole runs (the least disturbed one)."""
    best: Dict[str, float] = {}
    for _ in range(repeat):
        run: Dict[str, float] = defaultdict(float)
        for text in texts:
            t0 = time.perf_counter()
            doc = nlp.make_doc(text)
            run[tokenizer] += time.perf_counter() - t0
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                run[name] += time.perf_counter() - t0
        if not best or sum(run.values()) < sum(best.values()):
            best = run
    return best


def write_result(name: str, markdown: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.md"
    path.write_text(markdown, encoding="utf-8")
    return path
