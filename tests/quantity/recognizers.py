"""Score our quantity reading against Microsoft Recognizers-Text's Chinese specs.

Somebody else's expectations: ``../shared/data/recognizers_text_zh`` (MIT).
Cases flagged ``NotSupported`` are skipped, as the spec says. Recognizers
extracts bare numbers; pdcnlp extracts measurements, so each model is checked
for what pdcnlp claims to do, and the scope rule is decided by the *form* of
the expected text, before looking at our output:

* NumberModel: the value of every expected numeral whose text is a plain
  numeral (Arabic, Chinese, financial, mixed, 万/亿, 点 decimals, 负/-,
  thousands commas). Out of scope: fractions (分之 / 又), scientific
  notation, 半, 几 (some), 打 (dozen), 兆, spaces inside the numeral.
  Approximate numerals with 余/多 (500余万, 一千多万) are in scope and read
  with :func:`parse_approximate`.
* PercentModel: % / ％, 百分之, 个百分点. Out of scope: 折 and 成 (discount
  and tenths, a retail idiom), 千分之/万分之, K suffixes, spaces, and a
  full-width comma inside a number (百分之９，９９９): by design pdcnlp reads
  ， as the clause comma it nearly always is in Chinese prose.
* CurrencyModel: amounts ending in a money unit of ours (元 美元 欧元 港元
  块钱). Out: other currencies (日元, 瑞士法郎, 台币, $ …) and 兆.
* DimensionModel: amounts ending in a length/area/weight unit of ours (米
  公里 千米 亩 公斤 千克 克 吨 斤 公分 …). Out: Latin units (cm), bytes,
  X吨半.

A detection case passes when a quantity we find covers the expected span
and has the expected value.

    python tests/quantity/recognizers.py   # prints the per-file table
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Dict, List, Tuple

from pdcnlp.normalize import fold_width, normalize
from pdcnlp.quantity import find_quantities, parse_approximate

FILES = {
    "NumberModel": "Number_Chinese_NumberModel.json",
    "PercentModel": "Number_Chinese_PercentModel.json",
    "CurrencyModel": "NumberWithUnit_Chinese_CurrencyModel.json",
    "DimensionModel": "NumberWithUnit_Chinese_DimensionModel.json",
}

_NUMERAL_FORM = re.compile(r"[负負\-]?[0-9０-９零〇○一二两兩俩倆三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟幺,，.．点點]+(?:[余餘多][万萬亿億]*)?")
_MONEY_UNITS = ("元", "美元", "欧元", "港元", "块钱")


def _fold(s: str) -> str:
    return fold_width(s).replace("，", ",").replace("．", ".")


def _in_scope(model: str, text: str, source: str = "") -> Tuple[bool, str]:
    """``text`` is the expected Text, ``source`` the same span as it stands in
    the Input (the spec folds ，to , in Text)."""
    t = _fold(text)
    if model == "NumberModel":
        if not _NUMERAL_FORM.fullmatch(text) or "兆" in text:
            return False, "not a plain numeral (fraction, scientific, 半, 多, spaces…)"
        return True, ""
    if model == "PercentModel":
        if " " in t or re.search(r"[折成kK]|千分之|万分之|萬分之|仟分之", t):
            return False, "折/成/千分之/万分之/K or spaces"
        if "，" in source:
            return False, "full-width comma inside a number (pdcnlp reads ， as a clause comma)"
        return ("%" in t or t.startswith("百分之") or t.endswith("百分点")), "other percent form"
    units = _MONEY_UNITS if model == "CurrencyModel" else tuple(
        u for u, c in _unit_table().items() if c in ("length_area", "other"))
    clean_t = normalize(t).clean
    unit = next((u for u in sorted(units, key=len, reverse=True) if clean_t.endswith(u)), None)
    if "兆" in clean_t or unit is None or not re.search(r"[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]$", clean_t[:-len(unit)]):
        return False, "unit not in pdcnlp's unit table"
    if not re.match(r"[负\-]?[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟.]", clean_t):
        return False, "no leading numeral"
    return True, ""


def _unit_table() -> Dict[str, str]:
    from pdcnlp.quantity.detect import _tables

    return _tables().unit_to_class


def _expected_value(model: str, res: dict) -> float:
    v = res["Resolution"]["value"]
    return float(v.rstrip("%")) if v is not None else None


def check_file(model: str, path: Path) -> Dict[str, object]:
    cases = json.loads(path.read_text(encoding="utf-8"))
    passed = failed = out_of_scope = not_supported = 0
    failures: List[str] = []
    reasons: Dict[str, int] = {}
    for case in cases:
        if case.get("NotSupported"):
            not_supported += 1
            continue
        for res in case["Results"]:
            source = case["Input"][res["Start"]:res["End"] + 1]
            ok_scope, why = _in_scope(model, res["Text"], source)
            if not ok_scope:
                out_of_scope += 1
                reasons[why] = reasons.get(why, 0) + 1
                continue
            want = _expected_value(model, res)
            if model == "NumberModel":
                read = parse_approximate(_fold(res["Text"]))
                got = read[0] if read else None
                ok = got is not None and abs(got - want) <= 1e-6 * max(1.0, abs(want))
                detail = f"{res['Text']!r}: got {got}, want {want}"
            else:
                clean = normalize(case["Input"]).clean
                start, end = res["Start"], res["End"] + 1
                found = [q for q in find_quantities(clean) if q.start <= start and q.end >= end]
                ok = any(abs(q.value - want) <= 1e-6 * max(1.0, abs(want)) for q in found)
                detail = f"{case['Input'][:40]!r} -> {res['Text']!r}={want}: got {[(q.text, q.value) for q in found]}"
            if ok:
                passed += 1
            else:
                failed += 1
                failures.append(detail)
    total = passed + failed
    return {"model": model, "passed": passed, "failed": failed, "in_scope": total,
            "rate": passed / total if total else 1.0, "out_of_scope": out_of_scope,
            "not_supported": not_supported, "failures": failures, "reasons": reasons}


def report(folder: Path) -> str:
    lines = ["| spec file | in scope | passed | pass rate | out of scope | NotSupported (skipped) |",
             "|---|---:|---:|---:|---:|---:|"]
    details = []
    for model, name in FILES.items():
        r = check_file(model, folder / name)
        lines.append(f"| {name} | {r['in_scope']} | {r['passed']} | {r['rate']:.1%} | {r['out_of_scope']} | {r['not_supported']} |")
        details.append(f"\n{model} out of scope: " + "; ".join(f"{k} ({v})" for k, v in r["reasons"].items()))
        details.extend(f"  FAIL {f}" for f in r["failures"])
    return "\n".join(lines + details)


if __name__ == "__main__":
    import os

    root = Path(__file__).resolve().parents[2]
    folder = Path(os.environ.get("PDCNLP_SHARED_DATA", root.parent / "shared" / "data")) / "recognizers_text_zh"
    print(report(folder))
