"""Counts of the corpus, written into corpus/README.md between markers.

    python -m training.corpus_stats          # rewrites the block between <!-- stats --> markers

Numbers in the corpus README come from here, never typed by hand.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from pdcnlp.corpus.dataset import load_records
from pdcnlp.corpus.splits import load_splits

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("ORG", "GPE", "PROGRAMME", "QUANTITY")


def row(name, rs):
    c = Counter(lab for r in rs for *_, lab in r["entities"])
    return (f"| {name} | {len({r['source'] for r in rs})} | {len(rs)} | "
            + " | ".join(str(c[l]) for l in LABELS)
            + f" | {sum(len(r['links']) for r in rs)} | {sum(1 for r in rs if not r['quantities'])} |")


def table(title, key, rs):
    head = [f"| {title} | pages | sentences | " + " | ".join(LABELS) + " | links | no quantity |",
            "|---|---:|---:|" + "---:|" * (len(LABELS) + 2)]
    groups = {}
    for r in rs:
        groups.setdefault(key(r), []).append(r)
    return head + [row(k, v) for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1]))] + [row("**all**", rs)]


def stats() -> str:
    pages = load_records(ROOT / "corpus" / "pages.jsonl")
    seeds = load_records(ROOT / "corpus" / "seeds.jsonl")
    split = load_splits(ROOT / "corpus" / "splits.json")
    out = ["### Pages by split (seeds: all training)", ""]
    out += table("split", lambda r: split[r["source"]], pages) + [row("seeds (5 articles)", seeds)]
    out += ["", "### Pages by campaign", ""] + table("campaign", lambda r: r["campaign"], pages)
    out += ["", "### Pages by script", ""] + table("script", lambda r: r["script"], pages)
    out += ["", "### Pages by level", ""] + table("level", lambda r: r["level"], pages)
    prov = Counter(r["province"] for r in pages)
    prov_pages = Counter(p for p in {(r["source"], r["province"]) for r in pages})
    by_prov = Counter(pv for _, pv in prov_pages)
    out += ["", f"### Provinces ({len([p for p in prov if p != '全国'])} provinces, plus 全国 for national bodies)", "",
            ", ".join(f"{p} {by_prov[p]} pages / {prov[p]} sentences" for p, _ in prov.most_common())]
    q = Counter(qq["qualifier"] for r in pages for qq in r["quantities"])
    out += ["", "Quantity readings in the pages: " + ", ".join(f"{k} {v}" for k, v in q.most_common()) + "."]
    return "\n".join(out)


def main(argv=None) -> int:
    path = ROOT / "corpus" / "README.md"
    text = path.read_text(encoding="utf-8")
    block = "<!-- stats -->\n" + stats() + "\n<!-- /stats -->"
    new, n = re.subn(r"<!-- stats -->.*?<!-- /stats -->", lambda m: block, text, flags=re.S)
    if not n:
        print("corpus/README.md has no <!-- stats --> block", file=sys.stderr)
        return 1
    path.write_text(new, encoding="utf-8")
    print(stats())
    return 0


if __name__ == "__main__":
    sys.exit(main())
