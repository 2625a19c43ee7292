"""Assign the corpus pages to train / dev / test once, and keep the file.

    python -m training.make_splits            # adds new pages to corpus/splits.json

Existing pages never move (see ``pdcnlp.corpus.splits``). Run it after
``python -m training.build_pages`` and BEFORE any model or rule looks at the
new pages; commit the file with the pages.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from pdcnlp.corpus.dataset import load_records
from pdcnlp.corpus.splits import assign_pages, load_splits, page_strata, save_splits

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", default=str(ROOT / "corpus" / "pages.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "corpus" / "splits.json"))
    args = ap.parse_args(argv)
    records = load_records(args.pages)
    existing = load_splits(args.out) if Path(args.out).exists() else {}
    assignment = assign_pages(records, existing)
    strata = page_strata(records)
    save_splits(assignment, args.out, note="seed articles (corpus/seeds.jsonl) are not listed: all training data")
    table = Counter((strata[p], s) for p, s in assignment.items() if p in strata)
    for (stratum, split), n in sorted(table.items()):
        print(f"{stratum[0]:28s} {stratum[1]:12s} {split:6s} {n}")
    print(dict(Counter(assignment.values())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
