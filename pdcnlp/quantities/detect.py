"""Find QUANTITY spans in clean text and read each one.

A QUANTITY (ANNOTATION.md) is a numeral with its qualifier and its
classifier or unit, as one span: 4000余场次, 3万余人次, 近10个月, 98%以上,
3-5次. This module works on the clean view (Simplified, half-width, noise
removed) and returns clean offsets; the component maps them to tokens.

The unit table and the qualifier/rejection lists are data files in
``pdcnlp/resources``; the rules here only say how they combine:

1. a candidate is [prefix qualifier] number [range] [余/多] [万/亿] unit
   [suffix qualifier], or [prefix] 百分之 number [suffix];
2. it is rejected when it is an ordinal (第三次), a year (2021年), an
   anniversary (100周年, 百年), the article 一 (一次, 一批), inside a name
   or title (“三会一课”, 《…》, 【…】), or part of an idiom (千家万户).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Optional, Tuple

from .numerals import NUMERAL_CHARS, DIGITS, Number, parse_number

QUALIFIERS = ("exact", "over", "under", "approx", "range")
# Units of measure proper: after them 一 is the number one (一美元, 一吨),
# not the article it is before a classifier (一次, 一批).
MEASURE_CLASSES = ("money", "length_area", "other", "percent")


@dataclass(frozen=True)
class QuantityMatch:
    """One QUANTITY in clean text, with its reading."""

    start: int
    end: int
    text: str
    value: Number
    qualifier: str
    unit: str
    unit_class: str
    high: Optional[Number] = None

    def reading(self) -> Dict[str, object]:
        out = {"value": self.value, "qualifier": self.qualifier, "unit": self.unit, "unit_class": self.unit_class}
        if self.high is not None:
            out["high"] = self.high
        return out


def _load(name: str) -> dict:
    return json.loads(resources.files("pdcnlp.resources").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def _tables():
    units = _load("units.json")
    rules = _load("quantity_rules.json")
    unit_to_class: Dict[str, str] = {}
    for cls, names in units["classes"].items():
        for u in names:
            unit_to_class.setdefault(u, cls)
    arabic_only: Dict[str, str] = dict(units["arabic_only"]["units"])
    written: Dict[str, str] = dict(units["written"])
    for w, u in written.items():
        unit_to_class.setdefault(w, unit_to_class.get(u, "other"))
    anniversary = list(units["anniversary_units"])
    all_units = sorted(set(unit_to_class) | set(arabic_only) | set(anniversary), key=len, reverse=True)
    return units, rules, unit_to_class, arabic_only, written, anniversary, all_units


def unit_class(unit: str) -> str:
    """The class of a (clean, reported) unit: events, people, items, money,
    percent, duration, length_area or other."""
    _, _, unit_to_class, arabic_only, _, _, _ = _tables()
    return unit_to_class.get(unit) or arabic_only.get(unit) or "other"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    _, rules, _, _, _, _, all_units = _tables()
    cn = re.escape(NUMERAL_CHARS)
    cn_digits = re.escape("".join(DIGITS))
    arabic = r"\d+(?:,\d{3})*(?:\.\d+)?"
    num = rf"(?:{arabic}|[{cn}])(?:{arabic}|[{cn}]|点(?=[{cn_digits}]))*"
    prefixes = sorted(rules["prefix_qualifiers"], key=len, reverse=True)
    prefix = "|".join(re.escape(p) if p != "数" else "数(?=[十百千万亿])" for p in prefixes)
    seps = "|".join(re.escape(s) for s in rules["range_separators"])
    infix = "|".join(re.escape(s) for s in rules["infix_qualifiers"])
    suffix = "|".join(re.escape(s) for s in sorted(rules["suffix_qualifiers"], key=len, reverse=True))
    units = "|".join(re.escape(u) for u in all_units)
    return re.compile(
        rf"(?P<pre>{prefix})?(?P<neg>负|-(?=\d))?"
        rf"(?:(?P<pct>百分之)(?P<pnum>{num})"
        rf"|(?P<num>{num})(?:(?P<sep>{seps})(?P<num2>{num}))?(?P<infix>{infix})?(?P<mult>[万亿]+)?(?P<unit>{units}))"
        rf"(?P<post>{suffix})?"
    )


@lru_cache(maxsize=1)
def _idiom_pattern() -> re.Pattern:
    _, rules, *_ = _tables()
    return re.compile("|".join(re.escape(i) for i in sorted(rules["idioms"], key=len, reverse=True)))


def protected_spans(clean: str) -> List[Tuple[int, int]]:
    """Ranges where a number is part of a name, title or idiom, not a
    measurement: quoted strings without sentence punctuation inside (names,
    slogans), every 《title》 and 【column】, and idioms."""
    _, rules, *_ = _tables()
    out: List[Tuple[int, int]] = []
    for pair in rules["quote_pairs"]:
        open_, close = pair[0], pair[1]
        always = open_ in "《【"
        pat = re.compile(rf"{re.escape(open_)}([^{re.escape(open_ + close)}\n]{{0,80}}){re.escape(close)}")
        for m in pat.finditer(clean):
            if always or not re.search(r"[。！？!?]", m.group(1)):
                out.append((m.start(), m.end()))
    for m in _idiom_pattern().finditer(clean):
        out.append((m.start(), m.end()))
    return out


def _value(num: str, mult: Optional[str]) -> Optional[Number]:
    v = parse_number(num)
    if v is None:
        return None
    if mult:
        m = parse_number(mult)
        if m is None:
            return None
        v = v * m
        v = int(round(v)) if abs(v - round(v)) < 1e-6 * max(1, abs(v)) else v
    return v


def _read(m: re.Match) -> Optional[Tuple[Number, Optional[Number], str, str]]:
    """(value, high, qualifier, unit) for a candidate, or None to reject it."""
    _, rules, unit_to_class, arabic_only, written, anniversary, _ = _tables()
    pre, post = m.group("pre"), m.group("post")
    if m.group("pct"):
        value = parse_number(m.group("pnum"))
        if value is None:
            return None
        if m.group("neg"):
            value = -value
        unit, high = "%", None
    else:
        num, unit, mult = m.group("num"), m.group("unit"), m.group("mult")
        if unit in anniversary:
            return None
        if unit in arabic_only and not re.fullmatch(r"[\d.,]+", num):
            return None
        if re.fullmatch(r"\d+(?:\.\d+)?千", num) and "千" + unit in unit_to_class:
            num, unit = num[:-1], "千" + unit  # 12千米 is 12 km; 三千米 stays 3000 m
        if num == "一" and not (pre or m.group("infix") or mult or m.group("sep")) \
                and unit_to_class.get(unit) not in MEASURE_CLASSES:
            return None  # the article: 一次, 一批, 一把 (but 一美元, 一吨 are amounts)
        if unit == "年":
            if re.fullmatch(r"[12]\d{3}", num) and not (pre or m.group("infix") or mult):
                return None  # a year: 2021年
            if num in ("百", "千", "万"):
                return None  # 百年: an anniversary, not a duration
        value = _value(num, mult)
        if value is None:
            return None
        if m.group("neg"):
            value = -value
        high = None
        if m.group("sep"):
            high = _value(m.group("num2"), mult)
            if high is None or high <= value:
                return None  # 2022-01 is not a range
        unit = written.get(unit, unit)
    qualifier = "exact"
    if m.group("sep") if not m.group("pct") else False:
        qualifier = "range"
    elif pre:
        qualifier = rules["prefix_qualifiers"][pre]
    elif not m.group("pct") and m.group("infix"):
        qualifier = rules["infix_qualifiers"][m.group("infix")]
    elif post:
        qualifier = rules["suffix_qualifiers"][post]
    if pre == "数":
        # 数千 = several thousand: the multiplier, over (ANNOTATION.md)
        qualifier = "over"
    return value, high, qualifier, unit


def find_quantities(clean: str) -> List[QuantityMatch]:
    """All QUANTITY spans of a clean text, left to right, non-overlapping."""
    _, rules, *_ = _tables()
    ordinal_prefixes = tuple(rules["ordinal_prefixes"])
    protected = protected_spans(clean)
    out: List[QuantityMatch] = []
    for m in _pattern().finditer(clean):
        start, end = m.start(), m.end()
        if start > 0 and not m.group("pre"):
            before = clean[start - 1]
            if before in ordinal_prefixes or before.isdigit() or before == ".":
                continue
        if any(s < end and start < e for s, e in protected):
            continue
        if m.group("pre") == "近" and start > 0 and clean[start - 1] in "最接附临":
            start += 1  # 最近3年: "the last", not "nearly"
            sub = _pattern().match(clean, start)
            if sub is None or sub.end() != end:
                continue
            m = sub
        # A suffix 多/余 that begins a word (多措并举) is not a qualifier.
        post = m.group("post")
        if post in ("多", "余") and end < len(clean) and clean[end] in "措样种元彩方":
            end -= len(post)
        reading = _read(m)
        if reading is None:
            continue
        value, high, qualifier, unit = reading
        if post in ("多", "余") and end != m.end() and qualifier == "over" and not (m.group("pre") or m.group("infix")):
            qualifier = "exact"
        out.append(QuantityMatch(start, end, clean[start:end], value, qualifier, unit, unit_class(unit), high))
    return out
