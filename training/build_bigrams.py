"""Build pdcnlp/resources/word_internal_bigrams.txt from People's Daily 1998.

    python -m training.build_bigrams ../shared/data

A character bigram is "word-internal" when the gold PKU segmentation keeps
it inside one word in at least 80% of at least 3 occurrences. The linker
uses the list to keep target spans from starting or ending mid-word (新时|代).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from training.base_data import pd1998_items

ROOT = Path(__file__).resolve().parents[1]
HEADER = ("# Character bigrams that People's Daily 1998 (gold PKU segmentation) keeps inside one word "
          "in >= 80% of >= 3 occurrences.\n# Built by training/build_bigrams.py; used by pdcnlp.lexicon "
          "to keep targets from ending or starting mid-word.\n")


def main(data_dir: str) -> None:
    inside, across = Counter(), Counter()
    with open(Path(data_dir) / "peoples_daily_1998" / "199801.txt", encoding="utf-8") as f:
        for line in f:
            words = [m.group(2) for m in pd1998_items(line)]
            text = "".join(words)
            bounds, pos = set(), 0
            for w in words:
                pos += len(w)
                bounds.add(pos)
            for i in range(1, len(text)):
                (across if i in bounds else inside)[text[i - 1:i + 1]] += 1
    keep = sorted(bg for bg, c in inside.items()
                  if c >= 3 and c / (c + across[bg]) >= 0.8 and all("\u4e00" <= ch <= "\u9fff" for ch in bg))
    out = ROOT / "pdcnlp" / "resources" / "word_internal_bigrams.txt"
    out.write_text(HEADER + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} bigrams -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data"))
