"""Score the entity rules on text they were not written from: the MSRA test set.

    python -m training.rules_external [../shared/data] [--write]

Why: the rule lexicons were written while reading the five seed articles,
so their scores on the seed corpus are development figures. MSRA's test
set (news, 1990s) is outside text. Its definitions differ from ours (MSRA
LOC includes countries and natural places, and it splits chains such as
酒泉市丰乐乡 that ANNOTATION.md keeps whole), so the absolute numbers
understate the rules; what they show is whether a change to the rules
generalises: a rule edit that only fits the seeds does not move them.
Exact (start, end, label) match, ORG against MSRA ORG, GPE against MSRA LOC.
"""
from __future__ import annotations

import argparse
import datetime
from collections import Counter
from pathlib import Path
from typing import Dict

from pdcnlp.corpus.scoring import prf
from pdcnlp.entity_rules import find_entities, lexicon
from pdcnlp.normalize import normalize
from training.base_data import read_msra

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "training" / "RULES_EXTERNAL.md"


def score_rules_on_msra(path: Path, limit: int = 0) -> Dict[str, Dict[str, float]]:
    tp, pred, gold = Counter(), Counter(), Counter()
    for n, (text, ents, _) in enumerate(read_msra(path)):
        if limit and n >= limit:
            break
        clean = normalize(text).clean
        if len(clean) != len(text):
            continue  # the clean view dropped noise: offsets would not compare
        g = {e for e in ents if e[2] in ("ORG", "GPE")}
        p = {e for e in find_entities(clean) if e[2] in ("ORG", "GPE")}
        for label in ("ORG", "GPE"):
            gold[label] += sum(1 for e in g if e[2] == label)
            pred[label] += sum(1 for e in p if e[2] == label)
            tp[label] += sum(1 for e in g & p if e[2] == label)
    return {label: {**prf(tp[label], pred[label], gold[label]), "pred": pred[label], "gold": gold[label]}
            for label in ("ORG", "GPE")}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    scores = score_rules_on_msra(Path(args.data_dir) / "msra" / "msra_test_bio")
    rows = "\n".join(f"| {label} (MSRA {'LOC' if label == 'GPE' else 'ORG'}) | {s['p']:.3f} | {s['r']:.3f} | "
                     f"{s['f']:.3f} | {s['pred']} | {s['gold']} |" for label, s in scores.items())
    md = (f"# Entity rules on outside text: MSRA test\n\n"
          f"{datetime.date.today().isoformat()} · `python -m training.rules_external --write` · "
          f"rules version {lexicon()['version']} · 3,442 MSRA test sentences · exact match\n\n"
          f"| rules | P | R | F1 | predicted | gold |\n|---|---:|---:|---:|---:|---:|\n{rows}\n\n"
          f"{__doc__.split(chr(10) + chr(10))[2]}\n")
    print(md)
    if args.write:
        OUT.write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
