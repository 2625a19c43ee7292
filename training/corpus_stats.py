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
from pdcnlp.schema import LABELS  # noqa: E402 (the one label set)


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


def agreement() -> str:
    """The agreement table from corpus/agreement/agreement.json (written by
    ``python -m training.agreement score``)."""
    import json

    a = json.loads((ROOT / "corpus" / "agreement" / "agreement.json").read_text(encoding="utf-8"))
    lines = [f"A second annotator re-annotated {a['n_sentences']} page sentences ({a['n_docs']} pages; a random "
             "10%, `python -m training.agreement sample`, seed fixed) from the plain text alone, without seeing "
             "the first annotation or any pipeline output. Agreement, scored like a model with the corpus as "
             "one side (F1 is symmetric):", "",
             "| label | F1 | spans (corpus) |", "|---|---:|---:|"]
    for label in LABELS:
        lines.append(f"| {label} | {a['ents_per_type'][label]['f']:.3f} | {a['ents_counts'][label]['gold']} |")
    lines += [f"| micro | {a['ents_f']:.3f} | {sum(c['gold'] for c in a['ents_counts'].values())} |", "",
              f"Links: head match {a['links_head_f']:.3f}, strict {a['links_strict_f']:.3f}. Readings: "
              f"{a['quantity_reading_acc']:.3f} of the {a['quantity_readings_checked']} quantities both marked.",
              "", "This is the ceiling a model can be expected to reach on these labels; the disagreements are "
              "mostly the cases `DECISIONS.md` lists (definite bare institutions, facilities versus bodies, "
              "number-named sets used as goals, long coordinated targets)."]
    return "\n".join(lines)


def replace_block(text: str, name: str, body: str) -> str:
    new, n = re.subn(rf"<!-- {name} -->.*?<!-- /{name} -->", lambda m: f"<!-- {name} -->\n{body}\n<!-- /{name} -->",
                     text, flags=re.S)
    if not n:
        raise SystemExit(f"corpus/README.md has no <!-- {name} --> block")
    return new


def main(argv=None) -> int:
    path = ROOT / "corpus" / "README.md"
    text = replace_block(path.read_text(encoding="utf-8"), "stats", stats())
    text = replace_block(text, "agreement", agreement())
    path.write_text(text, encoding="utf-8")
    print(stats())
    return 0


if __name__ == "__main__":
    sys.exit(main())
