"""Build pdcnlp/resources/feature_lexicons.json: the word lists the
recogniser's embedding looks characters up in (``pdcnlp.CharLexiconEmbed.v1``).

    python -m training.build_feature_lexicons ../shared/data

Why: a character model with a receptive field of a few characters cannot
know that 仪陇 is a county or that 党史研究室 ends on an organisation's head
noun; the division list and People's Daily's own words can tell it. This is
the idea of lexicon-enhanced Chinese NER (Lattice LSTM, SoftLexicon: each
character learns from the lexicon words it begins, continues or ends),
done cheaply: each character gets, per lexicon, which of
begin/middle/end/single it is of some matching word, as one embedded
feature. The model learns how far to trust each list; no rule acts on them.

Lexicons, all from real outside sources (never from the corpus):

* ``division``: China's province-, city- and county-level names and their
  short forms (``gazetteer_gpe.json``, from cpca 0.5.5, filtered by People's
  Daily 1998 usage; training/build_gazetteer.py).
* ``org_head``: the last word of People's Daily 1998's organisation names
  (``[...]nt`` compounds and ``nt`` words' compounds), seen at least twice:
  委员会, 办公厅, 研究室, 日报社 …
* ``org_name``: People's Daily 1998's organisation names themselves
  (``nt`` words and joined ``[...]nt`` compounds), seen at least twice.
* ``word``: People's Daily 1998's words of 2–6 characters seen at least
  twice, numerals, times and punctuation left out: word boundaries.
"""
from __future__ import annotations

import argparse
import datetime
import json
from collections import Counter
from pathlib import Path

from pdcnlp import resources
from pdcnlp.text.normalize import fold_width, to_simplified
from training.base_data import pd1998_items

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pdcnlp" / "resources" / "feature_lexicons.json"
VERSION = "1.0.0"
SKIP_TAGS = {"m", "t", "w", "q", "x", "nx"}


def _clean(word: str) -> str:
    return to_simplified(fold_width(word))


def pd1998_lexicons(path: Path, min_count: int = 2):
    words, heads, names = Counter(), Counter(), Counter()
    with path.open(encoding="utf-8") as f:
        for line in f:
            compound = []
            for m in pd1998_items(line):
                opening, word, tag, btag = m.group(1), m.group(2), m.group(3), m.group(5)
                word = _clean(word)
                if opening:
                    compound = []
                compound.append(word)
                if tag not in SKIP_TAGS and 2 <= len(word) <= 6:
                    words[word] += 1
                if tag == "nt":
                    names[word] += 1
                if btag:
                    if btag == "nt" and len(compound) > 1:
                        names["".join(compound)] += 1
                        heads[compound[-1]] += 1
                    compound = []
    keep = lambda c: sorted(w for w, n in c.items() if n >= min_count)  # noqa: E731
    return keep(words), keep(heads), keep(names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    gaz = resources.read_json("gazetteer_gpe.json")
    words, heads, names = pd1998_lexicons(args.data_dir / "peoples_daily_1998" / "199801.txt")
    out = {
        "version": VERSION,
        "date": datetime.date.today().isoformat(),
        "description": "Word lists for pdcnlp.CharLexiconEmbed.v1 (built by training/build_feature_lexicons.py).",
        "sources": {
            "division": f"gazetteer_gpe.json {gaz['version']} ({gaz['source']})",
            "org_head": "People's Daily 1998 (January, PKU tags): last word of [...]nt compounds, count >= 2",
            "org_name": "People's Daily 1998: nt words and [...]nt compounds, count >= 2",
            "word": "People's Daily 1998: words of 2-6 characters, count >= 2, tags m/t/w/q/x/nx left out",
        },
        "lexicons": {
            "division": sorted(set(gaz["names"]) | set(gaz["short_forms"])),
            "org_head": heads,
            "org_name": names,
            "word": words,
        },
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print({k: len(v) for k, v in out["lexicons"].items()}, args.out, args.out.stat().st_size)


if __name__ == "__main__":
    main()
