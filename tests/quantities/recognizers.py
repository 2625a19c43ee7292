"""Score our quantity reading against Microsoft Recognizers-Text's Chinese specs.

Somebody else's expectations: ``../shared/data/recognizers_text_zh`` (MIT).
ALL cases of every file are run, the ones flagged ``NotSupported`` (by
Recognizers-Text's own Python port) included; the table says how many of the
in-scope ones carry that flag.

Recognizers extracts bare numbers and ranges; pdcnlp extracts measurements
(ANNOTATION.md: number + qualifier + unit). So every expected result is first
put in a *form class*, decided by the form of the expected text (and the
input right after it) before looking at our output. A class is in scope when
the guideline covers that form; every other class is listed with its count
and the reason it is out (``OUT_OF_SCOPE``).

How an in-scope case passes:

* NumberModel: the numeral read by :func:`parse_approximate` equals the
  value; a fraction (三分之一) is read by ``find_quantities`` as a
  percentage, so its value / 100 must equal the expected value.
* NumberRangeModel: a range followed by a unit (20~100个) must be one
  QUANTITY with value = low, high = high, qualifier range; an approximate
  numeral (五百多, 十几万, 超过300, 五百以上) must read value = the open lower
  bound, qualifier over.
* PercentModel, CurrencyModel, DimensionModel: a QUANTITY found in the input
  overlapping the expected span has the expected value (our span may differ
  at the edges by the guideline's rules, e.g. 8亿元 of RT's 8亿元人民币).
* OrdinalModel (run as a negative check): no QUANTITY overlaps an ordinal.

    python tests/quantities/recognizers.py           # prints the tables
    python tests/quantities/recognizers.py --write   # and regenerates docs/quantity_specs.md
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from pdcnlp.text.normalize import normalize
from pdcnlp.quantities import find_quantities, parse_approximate

FILES = {
    "NumberModel": "Number_Chinese_NumberModel.json",
    "NumberRangeModel": "Number_Chinese_NumberRangeModel.json",
    "PercentModel": "Number_Chinese_PercentModel.json",
    "CurrencyModel": "NumberWithUnit_Chinese_CurrencyModel.json",
    "DimensionModel": "NumberWithUnit_Chinese_DimensionModel.json",
    "AgeModel": "NumberWithUnit_Chinese_AgeModel.json",
    "OrdinalModel": "Number_Chinese_OrdinalModel.json",
}

#: Form classes the guideline does not cover, and why.
OUT_OF_SCOPE = {
    "scientific": "scientific or power notation (2e5, 2^5, 1.1^+23): not how reports write numbers",
    "mixed_fraction": "mixed numbers and slash fractions (三百五又三分之一, 3/5, 4 6/3): reports write fractions as N分之M",
    "dozen": "打 (dozen, 五十打): a retail unit, not a numeral of reports",
    "zhao": "兆: 10^12 in Recognizers-Text, 10^6 (mega) in mainland usage; ambiguous, so not read",
    "latin_suffix": "Latin magnitude suffixes (40k, 15k个百分点, -2.5 m = million)",
    "half_number": "半 as the number itself (半百, 半成): literary",
    "discount": "折 (discounts, 75折, 对折): retail prices, not report figures",
    "spaced_word": "spaces splitting the word 百分之/百分点 (百 分 之, 个 百 分 点): a unit is matched as a whole word",
    "comparison": "comparisons and bounds (大于, 小于, 至少, 最多, 之间, ≥, 比…大, 或者以上): not among the guideline's qualifiers",
    "verb_phrase": "qualifier as a verb phrase (超过了80, 过20): the guideline's qualifiers are 超 超过 逾 以上 …",
    "bare_range": "a range with no unit after it (一千到一千五百): a range is a QUANTITY only with its unit",
    "prefix_currency": "currency symbols before the number ($20, ￥300): reports write number + 元",
    "compound_amount": "amounts in two units (五元三毛, 两美元又三美分, 10日元5日本銭): not a report form",
    "no_number": "a unit with no number (人民币, 美元): nothing to read",
    "unit_outside_lexicon": "units outside the lexicon (赫兹, 千卡, m, 比特币): see units.json provenance",
    "wei_bit": "位 read as bit: in reports 位 is the people classifier (一位 = the article)",
    "liang": "两 read as the weight unit liang: in reports 两 is the numeral two",
    "age": "ages (29岁): ANNOTATION.md has no age unit; ages are not QUANTITY",
    "fullwidth_comma": "a full-width comma inside a number (百分之９，９９９): pdcnlp reads ， as the clause comma it nearly always is",
    "identifier": "digit runs over 16 digits (202107211321363588510367 美元): identifiers by design (MAX_DIGITS), not amounts",
}

_NUM = r"[负負\-]?[0-9０-９零〇○一二两兩俩倆三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟幺,，.．点點\s]+"
_NUMERAL_FORM = re.compile(rf"{_NUM}(?:[余餘多几幾来來]\s*[万萬亿億]*\s*)*")
_FRACTION = re.compile(rf"{_NUM}分\s*之{_NUM}")
_RANGE = re.compile(rf"({_NUM})\s*(?:[-~～—–至到])\s*({_NUM})")
_APPROX_RANGE = re.compile(rf"(?:超过|逾|超)?{_NUM}(?:[余餘多几幾][万萬亿億]*)*(?:以上)?")
_MONEY_CLASS = "money"


def _clean(s: str) -> str:
    return normalize(s).clean.replace("，", ",").replace("．", ".")


def _rules():
    from pdcnlp.quantities.detect import _tables

    return _tables()


def _ends_with_unit(text: str, classes: Tuple[str, ...]) -> Optional[str]:
    t = _rules()
    units = [u for u, c in t.unit_to_class.items() if c in classes]
    return next((u for u in sorted(units, key=len, reverse=True) if text.endswith(u)), None)


def form_class(model: str, text: str, source: str, after: str) -> str:
    """The form class of one expected result; ``in_scope`` when the
    guideline covers it, else a key of OUT_OF_SCOPE. ``after`` is the input
    right after the expected span."""
    t = _clean(text)
    raw = text
    if model == "AgeModel":
        return "age"
    if model == "OrdinalModel":
        return "in_scope"
    if re.search(r"[0-9０-９]，[0-9０-９]", source):
        return "fullwidth_comma"
    if re.search(r"[0-9]{17,}", t.replace(" ", "")):
        return "identifier"
    if re.search(r"[0-9][eE][+\-]?[0-9]|\^", raw):
        return "scientific"
    if "兆" in raw:
        return "zhao"
    if re.search(r"又|[0-9]\s*/\s*[0-9]", raw):
        return "mixed_fraction"
    if "打" in raw:
        return "dozen"
    if re.search(r"[0-9]\s*[kK]\b|[0-9]\s*[kK]|-[0-9.]+\s*m$", raw):
        return "latin_suffix"
    if model == "NumberModel":
        if raw.startswith("半") or "半百" in raw:
            return "half_number"
        if _NUMERAL_FORM.fullmatch(raw) or _FRACTION.fullmatch(t):
            return "in_scope"
        return "unit_outside_lexicon"
    if model == "NumberRangeModel":
        if re.search(r"大于|小于|至少|最多|之间|间$|[≥≤<>=]|^比|低于|等于|或者|不大于|不小于|之下|以下", raw):
            return "comparison"
        if re.search(r"超过了|^过", raw):
            return "verb_phrase"
        m = _RANGE.fullmatch(t)
        if m:
            rules = _rules()
            from pdcnlp.quantities.detect import _match_unit, _skip_ws
            a = _clean(after)
            return "in_scope" if _match_unit(a, _skip_ws(a, 0)) else "bare_range"
        if _APPROX_RANGE.fullmatch(t) or re.fullmatch(rf"{_NUM}[万亿]?[次人个]以上", t):
            return "in_scope"
        return "comparison"
    if model == "PercentModel":
        if "折" in raw:
            return "discount"
        if re.match(r"\s*半", raw):
            return "half_number"
        if re.search(r"百\s+分|分\s+[之点點]|個\s+百|个\s+百", raw):
            return "spaced_word"
        return "in_scope"
    if model == "CurrencyModel":
        if re.match(r"\s*[$￥¥€£]", raw) or raw.startswith("人民币 ") or raw.startswith("人民币  "):
            return "prefix_currency"
        if re.search(r"[0-9一二两三四五六七八九十]\s*(?:元|美元|日元)[^人]+$", t) or "又" in raw:
            return "compound_amount"
        if not re.search(r"[0-9零〇一二两三四五六七八九十百千万亿]", t):
            return "no_number"
        if _ends_with_unit(t, (_MONEY_CLASS,)) is None:
            return "unit_outside_lexicon"
        return "in_scope"
    if model == "DimensionModel":
        if t.endswith("位"):
            return "wei_bit"
        if t.endswith("两"):
            return "liang"
        if _ends_with_unit(re.sub(r"半$", "", t), ("length_area", "other")) is None:
            return "unit_outside_lexicon"
        return "in_scope"
    raise ValueError(model)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _range_bounds(v: str) -> Tuple[Optional[float], Optional[float]]:
    lo, hi = v.strip("[]()").split(",")
    return (float(lo) if lo else None), (float(hi) if hi else None)


def _found(case_input: str, start: int, end: int):
    nt = normalize(case_input)
    out = []
    for q in find_quantities(nt.clean):
        s, e = nt.to_original(q.start, q.end)
        if s < end and start < e:
            out.append(q)
    return out


def check_case(model: str, case: dict, res: dict) -> Tuple[bool, str]:
    """(passed, detail) for one in-scope result."""
    text = res["Text"]
    start, end = res["Start"], res["End"] + 1
    value = res["Resolution"].get("value") if res.get("Resolution") else None
    if model == "OrdinalModel":
        found = _found(case["Input"], start, end)
        return not found, f"{case['Input']!r}: ordinal {text!r} read as {[q.text for q in found]}"
    if model == "NumberModel":
        want = float(value)
        t = _clean(text)
        if "分" in t and "之" in t:
            qs = find_quantities(t)
            ok = len(qs) == 1 and qs[0].unit == "%" and _close(qs[0].value / 100, want)
            return ok, f"{text!r}: got {[(q.text, q.value) for q in qs]}, want {want * 100}%"
        read = parse_approximate(t)
        return read is not None and _close(read[0], want), f"{text!r}: got {read}, want {want}"
    if model == "NumberRangeModel":
        lo, hi = _range_bounds(value)
        t = _clean(text)
        if _RANGE.fullmatch(t):
            qs = _found(case["Input"], start, end)
            ok = any(q.qualifier == "range" and _close(q.value, lo) and q.high is not None and _close(q.high, hi)
                     for q in qs)
            return ok, f"{case['Input']!r} -> {text!r}={value}: got {[(q.text, q.value, q.high) for q in qs]}"
        if re.search(r"[次人个]以上$", t):
            qs = _found(case["Input"], start, end)
            ok = any(q.qualifier == "over" and _close(q.value, lo) for q in qs)
            return ok, f"{case['Input']!r} -> {text!r}={value}: got {[(q.text, q.value, q.qualifier) for q in qs]}"
        rules = _rules().rules
        read = parse_approximate(t, rules["prefix_qualifiers"], rules["suffix_qualifiers"])
        ok = read is not None and read[1] == "over" and _close(read[0], lo) and hi is None
        return ok, f"{text!r}: got {read}, want over {lo}"
    want = float(str(value).rstrip("%"))
    qs = _found(case["Input"], start, end)
    # A range we read whole (5-20%) holds RT's separate bound as its high end;
    # a kilo-unit RT splits off (三千比特 = 3 千比特) is the same amount in the
    # base unit when we read the numeral 三千 (3000 比特).
    kilo = str(res["Resolution"].get("unit", "")).startswith("Kilo")
    ok = any(_close(q.value, want) or (q.high is not None and _close(q.high, want))
             or (kilo and not q.unit.startswith("千") and _close(q.value, want * 1000)) for q in qs)
    return ok, f"{case['Input'][:40]!r} -> {text!r}={want}: got {[(q.text, q.value) for q in qs]}"


def check_file(model: str, path: Path) -> Dict[str, object]:
    cases = json.loads(path.read_text(encoding="utf-8"))
    passed = failed = ns_in_scope = total = ns_total = 0
    failures: List[str] = []
    classes: Counter = Counter()
    for case in cases:
        ns = bool(case.get("NotSupported"))
        for res in case["Results"]:
            total += 1
            ns_total += ns
            after = case["Input"][res["End"] + 1:res["End"] + 8]
            source = case["Input"][res["Start"]:res["End"] + 1]
            cls = form_class(model, res["Text"], source, after)
            if cls != "in_scope":
                classes[cls] += 1
                continue
            ns_in_scope += ns
            ok, detail = check_case(model, case, res)
            if ok:
                passed += 1
            else:
                failed += 1
                failures.append(detail)
    n = passed + failed
    return {"model": model, "total": total, "not_supported": ns_total, "in_scope": n, "passed": passed,
            "failed": failed, "rate": passed / n if n else None, "ns_in_scope": ns_in_scope,
            "out_of_scope": sum(classes.values()), "classes": dict(classes), "failures": failures}


def report(folder: Path) -> str:
    lines = ["| model (spec file) | results | NotSupported | in scope | passed | pass rate | out of scope |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    details = []
    for model, name in FILES.items():
        r = check_file(model, folder / name)
        rate = f"{r['rate']:.1%}" if r["rate"] is not None else "n/a"
        lines.append(f"| {model} ({name}) | {r['total']} | {r['not_supported']} | {r['in_scope']} "
                     f"({r['ns_in_scope']} NotSupported) | {r['passed']} | {rate} | {r['out_of_scope']} |")
        if r["classes"]:
            details.append(f"\n**{model}** out of scope:\n")
            details.extend(f"- {OUT_OF_SCOPE[k]}: {v}" for k, v in sorted(r["classes"].items(), key=lambda kv: -kv[1]))
        if r["failures"]:
            details.append(f"\n**{model}** failures:\n")
            details.extend(f"- `{f}`" for f in r["failures"])
    return "\n".join(lines + details)


def default_folder() -> Path:
    import os

    root = Path(__file__).resolve().parents[2]
    return Path(os.environ.get("PDCNLP_SHARED_DATA", root.parent / "shared" / "data")) / "recognizers_text_zh"


DOC_HEAD = """# Quantity reading vs Recognizers-Text Chinese specs

Generated by `python tests/quantities/recognizers.py --write` (issue 14). ALL results
of all seven Chinese Number and NumberWithUnit spec files are run, those of
cases flagged `NotSupported` (by Recognizers-Text's own Python port)
included; the "in scope" column says how many of them carry the flag.

Recognizers extracts bare numbers; pdcnlp extracts measurements
(ANNOTATION.md: number + qualifier + unit). Each expected result is put in a
*form class* by the form of its expected text (and of the input right after
it) before our output is looked at; the rules are `form_class` in
`tests/quantities/recognizers.py`, and how a case passes is in that module's
docstring. A class is in scope when the guideline covers the form; the others
are listed below with their counts and the reason. OrdinalModel is run as a
negative check (no QUANTITY may overlap an ordinal); AgeModel is out as a
whole (ages are not QUANTITY). `tests/quantities/test_recognizers_text.py`
requires >= 90% per model and that this page is current.

Before issue 14 the same specs gave 234 results out of scope (74% of the
percent cases), with four of the seven files not run at all.

"""

DOC_TAIL = """

## Notes

- The one NumberRange failure is a slip in the spec: `20万次以上` resolves to
  `(20000,)`, but 20万 is 200000, which is what we read.
- Fractions of NumberModel (三分之一, 一百分之五十五点五七九) are read the way
  pdcnlp reads every fraction, as a percentage of a whole (三分之一 → 33.33 %);
  the check divides by 100.
- Where Recognizers-Text splits a kilo-unit (三千比特 = 3 千比特) and we read
  the numeral 三千 with the base unit (3000 比特), the amounts are the same;
  the check accepts the base-unit reading (`check_case`).
"""


def write_doc(folder: Path, path: Path) -> None:
    path.write_text(DOC_HEAD + report(folder) + DOC_TAIL, encoding="utf-8")


if __name__ == "__main__":
    import sys

    if "--write" in sys.argv:
        write_doc(default_folder(), Path(__file__).resolve().parents[2] / "docs" / "quantity_specs.md")
    print(report(default_folder()))
