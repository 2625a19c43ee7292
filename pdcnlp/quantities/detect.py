"""Find QUANTITY spans in clean text and read each one.

A QUANTITY (ANNOTATION.md) is a numeral with its qualifier and its
classifier or unit, as one span: 4000余场次, 3万余人次, 近10个月, 98%以上,
3-5次. This module works on the clean view (Simplified, half-width, noise
removed) and returns clean offsets; the component maps them to tokens.
docs/quantities.md is the reading table (form → value, qualifier, high,
unit) that this module implements.

How it reads, and why it is written as a scanner (issue 14):

1. One regular expression finds numeral *cores* (runs of Arabic or Chinese
   numeral characters, with decimal points, thousands commas and spaces
   before 万/亿). Its alternatives each consume one character and start
   differently, and it is used only with ``finditer``, so it never
   backtracks: the old pattern nested ``\\d+`` inside ``(…)*`` and took
   exponential time on a digit run with no unit (24 digits: 15-30 s).
2. Around each core, plain Python looks a bounded number of characters to
   the left (prefix qualifier 约/近/超过/数/上…, minus sign, ordinal 第) and
   to the right (range 至/-/~ and a second core, 余/多/几, 万/亿, the unit by
   longest match, 半, suffix qualifier 以上/以内/左右…). Every step moves
   forward, so the whole text costs one pass plus a bounded look-around.
3. Fractions and percentages are cores too: 百分之三十 is core 百 + 分之 +
   core 三十 (numerator/denominator × 100 %), 三成 is 30 %.
4. Rejections keep dates, years (2021年, 二〇二一年), ordinals (第三次),
   plan names (五年计划), anniversaries (100周年, 百年), the article 一
   (一次, 一批), project phases (二期工程), identifiers and names or idioms
   (“三会一课”, 《…》, 千家万户) out.

The unit table and the qualifier/rejection lists are data files in ``pdcnlp/resources``
(units.json is built by :mod:`.build_units`), loaded and looked up by :mod:`.lookaround`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from typing import Dict, List, Optional, Tuple

from .numerals import DIGITS, NUMERAL_CHARS, Number, parse_exact, to_number
from .lookaround import (  # noqa: F401  (WS, _tables, _match_unit, _skip_ws are used by the tests)
    MAX_WS, WS, _back_ws, _digit_pair, _has_big_unit, _implied_unit, _kilo_unit, _many_after, _match_unit,
    _prefix_qualifier, _skip_ws, _suffix, _tables, _term_before, _trailing_mult, protected_spans, unit_class,
)

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


_CN_DIGITS = "".join(DIGITS)
_CORE = re.compile(
    rf"[0-9{NUMERAL_CHARS}]"
    rf"(?:[0-9{NUMERAL_CHARS}]|,(?=[0-9]{{3}}(?![0-9]))|\.(?=[0-9]|[ ][0-9])|点(?=[{WS}]{{0,{MAX_WS}}}[{_CN_DIGITS}])|[{WS}]{{1,{MAX_WS}}}(?=[0-9.点{NUMERAL_CHARS}]))*"
)
_NO_WS = str.maketrans("", "", WS)
_CN_THEN_ARABIC = re.compile(rf"[{_CN_DIGITS}拾佰仟](?=[0-9])")
_YEAR = re.compile(r"[12][0-9]{3}")
_ORDINAL_LIST = re.compile(rf"第[0-9{NUMERAL_CHARS}]{{1,6}}(?:、[0-9{NUMERAL_CHARS}]{{1,6}})*、$")
_SERVICE_CIRCLE = re.compile(r"[\u3400-\u9fff]{0,9}圈")


def _read_at(clean: str, cs: int, ce: int) -> Optional[Tuple[int, int, Decimal, Optional[Decimal], str, str]]:
    """Read the quantity built around the numeral core clean[cs:ce].

    Returns (start, end, value, high, qualifier, unit) or None."""
    t = _tables()
    rules = t.rules
    n = len(clean)
    core = clean[cs:ce].rstrip(WS)
    ce = cs + len(core)
    core_ns = core.translate(_NO_WS)
    if ". " in core and core.index(". ") <= 2 and (cs == 0 or clean[cs - 1] in "\n\r"):
        # 1. 2个方面 at a line start is a list number; 6835. 27亿 is one number a PDF split
        cut = core.index(". ")
        return _read_at(clean, _skip_ws(clean, cs + cut + 1), ce)

    # ---- left context: sign, prefix qualifier, ordinal ----
    start = cs
    negative = False
    if cs > 0 and clean[cs - 1] in "负-−" and not (cs > 1 and (clean[cs - 2].isdigit() or clean[cs - 2] in NUMERAL_CHARS)) \
            and not (cs > 1 and clean[cs - 1] == "负" and clean[cs - 2] in rules["sign_not_after"]):
        negative = True
        start = cs - 1
    pre = None
    p_end = _back_ws(clean, start)
    for p in t.prefixes:
        if clean.startswith(p, p_end - len(p)) and p_end - len(p) >= 0:
            if p in rules["prefix_needs_multiplier"] and core_ns[0] not in rules["prefix_needs_multiplier"][p]:
                continue
            if p_end - len(p) > 0 and clean[p_end - len(p) - 1] in rules["prefix_not_after"].get(p, ""):
                continue
            if p == "近" and p_end >= 2 and clean[p_end - 2] in rules["not_nearly_before"]:
                continue  # 最近3年: "the last", not "nearly"
            pre = p
            start = p_end - len(p)
            break
    before = clean[start - 1] if start > 0 else ""
    if before in rules["ordinal_prefixes"] or (before and before.isascii() and before.isalnum()) or before == ".":
        return None
    if before == "、" and _ORDINAL_LIST.search(clean, max(0, start - 24), start):
        return None  # 第一、二章: the ordinal carries over the list
    # 第 with spaces before the number (第 3 次)
    if clean[_back_ws(clean, start) - 1:_back_ws(clean, start)] == "第":
        return None

    # ---- right context ----
    j = ce
    value = parse_exact(core)
    pair = _digit_pair(core_ns)
    high: Optional[Decimal] = None
    qualifier = "exact"
    if pair:
        value, high = pair
        qualifier = "range"
    if value is None:
        return None
    if len(core_ns) == 1 and core_ns in rules["financial_alone"] and not clean.startswith("分", _skip_ws(clean, ce)):
        return None  # 队伍只能, 陆续: a financial numeral alone is a word's character
    if core_ns in rules["not_numbers"]:
        return None  # 亿万人民: "hundreds of millions", not a count
    if len(core_ns) > 1 and all(c in DIGITS for c in core_ns) and not pair:
        return None  # 二〇二一, 一九五八: a year or an identifier, never a count
    # 十几个, 几十 (with prefix 几): "some", read as the round number, over
    if j < n and clean[j] == "几" and core_ns[-1] in "十百千万亿":
        j += 1
        qualifier = "over"
        m_next = _CORE.match(clean, j)
        if m_next is not None and m_next.group()[0] in "十百千":
            # 一百几十亿: at least 一百一十亿
            both = parse_exact(core_ns + "一" + m_next.group().rstrip(WS))
            if both is not None:
                value, j = both, j + len(m_next.group().rstrip(WS))
        k = j
        while k < n and clean[k] in "万亿":
            k += 1
        if k > j:
            m = parse_exact("一" + clean[j:k])
            if m is None:
                return None
            value *= m
            j = k

    # 1/5: a share written with a slash (占全国1/5 → 20 %)
    if clean.startswith("/", ce) and core_ns.isdigit() and not pre and not negative and before != "/":
        m2 = re.compile(r"[0-9]{1,3}(?![0-9/.])").match(clean, ce + 1)
        if m2 is not None:
            den = int(m2.group())
            if 0 < value < den <= rules["slash_fraction"]["max_denominator"]:
                end, qualifier = _suffix(clean, m2.end(), "exact")
                return start, end, value * 100 / den, None, qualifier, "%"
        return None

    # fraction / percentage: 百分之三十, 千分之五, 三分之一
    k = _skip_ws(clean, j)
    k_zhi = _skip_ws(clean, k + 1) if clean.startswith("分", k) else k
    if clean.startswith("之", k_zhi) and k_zhi > k and not pair and qualifier == "exact":
        k2 = _skip_ws(clean, k_zhi + 1)
        num_negative = k2 < n and clean[k2] in "负-"
        if num_negative:
            k2 += 1
        m2 = _CORE.match(clean, k2)
        if m2 is None or value == 0:
            return None
        num_core = m2.group().rstrip(WS)
        if len(num_core) > 1 and num_core[-1] in "百千万" and clean.startswith("分", k2 + len(num_core)):
            num_core = num_core[:-1]  # 百分之七十百分位: 百 starts the next word
        num = parse_exact(num_core)
        if num is None:
            return None
        value = num * 100 / value
        if negative != num_negative:
            value = -value
        end = k2 + len(num_core)
        end, qualifier = _suffix(clean, end, "exact")
        return start, end, value, None, _prefix_qualifier(pre, qualifier), "%"

    # range: 3-5次, 三至五次, 3—4万人次
    k = _skip_ws(clean, j)
    # 从3个到5个 / 由6%到8%: a change from one figure to another, two spans
    from_to = start > 0 and clean[start - 1] in "从由"
    if not pair and k < n and clean[k] in rules["range_separators_chars"] and not (from_to and clean[k] in "到至"):
        k2 = _skip_ws(clean, k + 1)
        m2 = _CORE.match(clean, k2)
        if m2 is not None:
            core2 = m2.group().rstrip(WS)
            j2 = k2 + len(core2)
            core2_ns = core2.translate(_NO_WS)
            u2 = _match_unit(clean, _skip_ws(clean, j2))
            kilo = _kilo_unit(clean, core2_ns, j2)
            if kilo is not None:  # 二百八十万到三百万千瓦
                core2_ns, u2, j2 = kilo[0], kilo[1], j2 - 1
            v2 = parse_exact(core2_ns)
            if v2 is not None:
                mult = _trailing_mult(core2_ns)
                v1 = value
                if mult and not _has_big_unit(core_ns):
                    mv = parse_exact("一" + mult)
                    v1 = value * mv if mv is not None else None
                if v1 is not None and u2 is not None and v2 > v1:
                    value, high, qualifier, j = v1, v2, "range", j2

    # 余/多/来 between the number and the multiplier or unit: 20多万, 4000余场次
    infix = None
    k = _skip_ws(clean, j)
    if qualifier == "exact" and k < n and clean[k] in rules["infix_qualifiers"]:
        k1 = k2 = _skip_ws(clean, k + 1)  # 十 余 万
        while k2 < n and clean[k2] in "万亿":
            k2 += 1
        if k2 == k1:
            k1 = k2 = k + 1
        if k2 > k1:
            m = parse_exact("一" + clean[k1:k2])
            if m is None:
                return None
            value *= m
        if _match_unit(clean, _skip_ws(clean, k2)) is not None or k2 > k1:
            infix = clean[k]
            qualifier = rules["infix_qualifiers"][infix]
            j = k2

    # the unit, longest first; 个 + 多/半 + unit (3个多月, 两个半小时)
    k = _skip_ws(clean, j)
    unit = None
    half = False
    many_inside = False  # 一个多小时: 一 + 多 is a measurement, not the article
    if k < n and clean[k] == "个" and k + 1 < n and clean[k + 1] in "多半":
        u = next((u for u in t.by_first.get("个", ()) if len(u) > 1 and clean.startswith(u[1:], k + 2)), None)
        if u is not None:
            if clean[k + 1] == "半":
                half = True
            else:
                many_inside = True
                if qualifier == "exact":
                    qualifier = "over"
            unit, j = u, k + 1 + len(u)
            unit_surface = unit
    # 12千米 is 12 km: a unit that starts with 千 after Arabic digits takes it
    # (三千米 stays 3000 m)
    kilo = _kilo_unit(clean, core_ns, ce) if unit is None and j == ce else None
    if kilo is not None:
        value = parse_exact(kilo[0])
        if value is None:
            return None
        unit = unit_surface = kilo[1]
        j = ce - 1 + len(unit)
    if unit is None:
        u = _match_unit(clean, k)
        if u is None:
            big = core_ns[-1] in "万亿" or clean[j - 1:j] in ("万", "亿")
            implied = _implied_unit(clean, k) if big and not all(c in "十百千万亿" for c in core_ns) else None
            if implied is None:
                return None
            unit = unit_surface = implied  # 157万贫困人口: the number, unit 人 (DECISIONS v1.2)
        else:
            unit_surface = u
            unit, j = u, k + len(u)
    unit_cls = t.unit_to_class.get(unit) or t.arabic_only.get(unit) or t.multiplier_only.get(unit)
    # 一亩半, 两年半: half after a unit of measure or time
    if not half and j < n and clean[j] == "半" and unit_cls in rules["half_after_classes"] and qualifier in ("exact",):
        half = True
        j += 1
    if half:
        value += Decimal("0.5")

    # ---- rejections that need the unit ----
    if unit_surface in t.anniversary:
        return None
    if unit in t.arabic_only and not (core_ns == "两" or all(c.isdigit() or c in ".," for c in core_ns)):
        return None
    if unit in t.multiplier_only and not (core_ns[-1] in "万亿" or infix is not None and clean[j - len(unit_surface) - 1] in "万亿"):
        return None  # 9.4万P is computing power; 1080P is a resolution
    so = rules["session_ordinal"]
    if unit in so["units"] and any(clean.startswith(w, j) for w in so["after"]) \
            and (any(clean.endswith(w, 0, start) for w in so["before"]) or _term_before(clean, start, so["window"])):
        return None  # 十三届全国人大五次会议, 二十届中央纪委三次全会: the fifth/third session
    if unit in rules["clock_minute"]["units"] and start > 0 and clean[start - 1] in rules["clock_minute"]["not_after_chars"]:
        return None  # 9点30分: minutes of a clock time
    needs = rules["needs_after"]["units"].get(unit)
    if needs is not None and not any(clean.startswith(w, _skip_ws(clean, j)) for w in needs):
        return None  # 三点要求 is a count; 下午三点 is a clock time
    rp = rules["reporting_period"]
    if unit_cls in rp["classes"] and not half:
        k = _skip_ws(clean, j)
        if (any(clean.startswith(w, k) for w in rp["after"]) and not any(clean.startswith(w, k) for w in rp["after_not"])) \
                or (any(clean.endswith(w, 0, start) for w in rp["before"])
                    and not any(clean.endswith(w, 0, start) for w in rp["before_not"])):
            return None  # 五年来, 过去五年, 前三季度: the time frame, not a measurement
    sc = rules["service_circle"]
    if unit_cls in sc["classes"] and _SERVICE_CIRCLE.match(clean, j, j + sc["max_chars"] + 1):
        return None  # 15分钟生活圈: a named service radius
    if unit in rules["not_after"] and any(clean.startswith(w, j) for w in rules["not_after"][unit]):
        return None  # 五年计划, 二期工程, 一成不变
    if core_ns == "一" and not (pre or infix or half or many_inside or high is not None) \
            and unit_cls not in MEASURE_CLASSES and not _many_after(clean, j):
        return None  # the article: 一次, 一批, 一把 (but 一美元, 一吨 are amounts)
    if unit == "年":
        if _YEAR.fullmatch(core_ns) and not infix and (not pre or (1900 < int(core_ns) < 2100 and int(core_ns) % 100)):
            return None  # a year: 2021年, 超过1953年 (but 近2000年, 2000多年: round figures are durations)
        if high is not None and _YEAR.fullmatch(str(int(high))) and not pre:
            return None  # 2020-2022年: a span of years
        if core_ns in ("百", "千", "万"):
            return None  # 百年: an anniversary, not a duration
    if core_ns in ("百", "千", "万") and unit in rules["bare_multiplier_names"]["units"]:
        return None  # 千头牦牛基地, 万头猪场: a size class in a name
    if unit == "成":
        if value > 10:
            return None
        unit = "%"
        value *= 10
        k = _skip_ws(clean, j)
        if high is None and k < n and clean[k] in DIGITS and clean[k] not in "两俩" and \
                not (k + 1 < n and (clean[k + 1] in NUMERAL_CHARS or _match_unit(clean, k + 1))):
            value += DIGITS[clean[k]]  # 七成六 = 76 %
            j = k + 1
        if high is not None:
            high *= 10
    if negative:
        value = -value
        if high is not None:
            return None
    unit = t.written.get(unit, unit)

    # the unit written on both ends: 增长6%-6.5%, 3次至5次
    if qualifier == "exact" and not half and not negative:
        k = _skip_ws(clean, j)
        if k < n and clean[k] in rules["range_separators_chars"] and not (from_to and clean[k] in "到至"):
            k2 = _skip_ws(clean, k + 1)
            m2 = _CORE.match(clean, k2)
            if m2 is not None:
                core2 = m2.group().rstrip(WS)
                k3 = _skip_ws(clean, k2 + len(core2))
                v2 = parse_exact(core2)
                scale = {"成": Decimal(10)}.get(unit_surface, Decimal(1))
                if v2 is not None and v2 * scale > value and clean.startswith(unit_surface, k3) \
                        and not (unit == "年" and _YEAR.fullmatch(core_ns)):
                    high, qualifier, j = v2 * scale, "range", k3 + len(unit_surface)

    end, qualifier = _suffix(clean, j, qualifier)
    return start, end, value, high, _prefix_qualifier(pre, qualifier), unit


def find_quantities(clean: str) -> List[QuantityMatch]:
    """All QUANTITY spans of a clean text, left to right, non-overlapping."""
    protected = protected_spans(clean)
    starts = [s for s, _ in protected]
    max_end: List[int] = []
    for _, e in protected:
        max_end.append(max(e, max_end[-1]) if max_end else e)
    out: List[QuantityMatch] = []
    last_end = 0
    for m in _CORE.finditer(clean):
        if m.start() < last_end:
            continue
        read = _read_at(clean, m.start(), m.end())
        if read is None:
            # 队伍3支: the core 伍3 took the financial 伍 of a word. A Chinese
            # digit right before an Arabic one is never one numeral, so
            # read again from the Arabic digit.
            cut = _CN_THEN_ARABIC.search(clean, m.start(), m.end())
            if cut is None:
                continue
            m2 = _CORE.match(clean, cut.start() + 1)
            read = _read_at(clean, m2.start(), m2.end()) if m2 else None
            if read is None:
                continue
        start, end, value, high, qualifier, unit = read
        if start < last_end:
            continue
        # inside a name, title or idiom? (some protected span starting
        # before `end` reaches past `start`)
        i = bisect_left(starts, end)
        if i and max_end[i - 1] > start:
            continue
        out.append(QuantityMatch(start, end, clean[start:end], to_number(value), qualifier, unit, unit_class(unit),
                                 None if high is None else to_number(high)))
        last_end = end
    return out
