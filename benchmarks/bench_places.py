"""What the places step costs: pdcnlp_divisions' share of pipeline time.

    python benchmarks/bench_places.py [LIMIT_CHARS]

Runs the loaded pipeline component by component on the political corpora
(the first LIMIT_CHARS characters, default 300,000, whole texts), best of 2,
and reports the divisions component's seconds over the whole pipeline's;
the goal (issue 19) is at most 5%. Also the size of the division index.
"""
from __future__ import annotations

import datetime
import sys
import tracemalloc

from _common import component_times, political_texts, write_result
import pdcnlp
from pdcnlp.places.divisions import Divisions


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    texts = political_texts(limit_chars=limit)
    n_chars = sum(len(t) for t in texts)
    nlp = pdcnlp.load()
    best = component_times(nlp, texts)
    total = sum(best.values())
    Divisions.packaged.cache_clear()
    tracemalloc.start()
    Divisions.packaged()
    mem = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    md = (f"# Places step cost\n\n{datetime.date.today()} · {len(texts)} texts, {n_chars:,} chars (political corpora)"
          f" · best of 2\n\n| | |\n|---|---:|\n| pdcnlp_divisions | {best['pdcnlp_divisions']:.3f} s |\n"
          f"| whole pipeline | {total:.2f} s |\n| share | {best['pdcnlp_divisions'] / total:.2%} |\n"
          f"| division index (peak, Python objects) | {mem / 1e6:.1f} MB |\n")
    print(md)
    write_result("places", md)


if __name__ == "__main__":
    main()
