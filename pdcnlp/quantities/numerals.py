"""Read Chinese and Arabic numerals as numbers.

Pure functions, no spaCy. Handles Arabic (with thousands commas and
decimals), Chinese numerals (零〇一二两三…十百千万亿, financial 壹贰叁…,
decimals with 点), mixtures (3.8万, 5亿1万4千6百), the colloquial implied
lower unit (三万五 = 35000, 一千二 = 1200) and digit strings (二〇二一).
Input is expected in the clean view (Simplified, half-width); Traditional
萬 億 兩 are accepted too.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple, Union

Number = Union[int, float]

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "幺": 1, "俩": 2, "倆": 2,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_TOKEN = re.compile(rf"\d+(?:,\d{{3}})*(?:\.\d+)?|[{NUMERAL_CHARS}]")


def _tidy(value: float) -> Number:
    """Return an int for integral values; round float noise (3.8*10000)."""
    if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)):
        return int(round(value))
    return round(value, 10)


def _parse_integer_part(s: str) -> Optional[float]:
    tokens = _TOKEN.findall(s)
    if "".join(tokens) != s or not tokens:
        return None
    # A pure digit string (二〇二一, 一九九八) reads digit by digit.
    if len(tokens) > 1 and all(t in DIGITS for t in tokens):
        return float("".join(str(DIGITS[t]) for t in tokens))
    # The colloquial implied lower unit (三万五, 一千二) applies only to a
    # final digit right after a multiplier.
    implied = 1
    if len(tokens) >= 2 and tokens[-1] in DIGITS and tokens[-1] not in "零〇○":
        prev = tokens[-2]
        if prev in SMALL_UNITS and SMALL_UNITS[prev] >= 100:
            implied = SMALL_UNITS[prev] // 10
        elif prev in BIG_UNITS:
            implied = BIG_UNITS[prev] // 10
    yi_total = 0.0
    wan_total = 0.0
    section = 0.0
    num: Optional[float] = None
    for t in tokens:
        if t in DIGITS:
            if num is not None:
                return None  # two digits in a row outside a digit string
            num = None if t in "零〇○" else float(DIGITS[t])
        elif t[0].isdigit():
            if num is not None:
                return None
            num = float(t.replace(",", ""))
        elif t in SMALL_UNITS:
            section += (num if num is not None else 1.0) * SMALL_UNITS[t]
            num = None
        elif BIG_UNITS[t] == 10_000:
            base = section + (num or 0.0)
            wan_total += (base or 1.0) * 10_000
            section, num = 0.0, None
        else:  # 亿: everything so far is counted in 亿 (三千万亿 = 3e15)
            base = yi_total + wan_total + section + (num or 0.0)
            yi_total = (base or 1.0) * 100_000_000
            wan_total, section, num = 0.0, 0.0, None
    if num is not None and implied > 1:
        num *= implied
    return yi_total + wan_total + section + (num or 0.0)


def parse_number(text: str) -> Optional[Number]:
    """The value of a numeral, or None when ``text`` is not one.

    >>> parse_number("3.8万"), parse_number("5亿1万4千6百"), parse_number("十余".rstrip("余"))
    (38000, 500014600, 10)
    """
    s = text.strip().replace(" ", "")
    # 万万 is an old way of writing 亿 (10万万 = 10亿)
    s = s.replace("万万", "亿").replace("萬萬", "億").replace("點", "点")
    if not s:
        return None
    negative = s[0] in "负負-"
    if negative:
        s = s[1:]
    if _ARABIC.fullmatch(s):
        value = float(s.replace(",", ""))
    else:
        int_part, _, frac_part = s.partition("点")
        if _ and (not frac_part or not all(c in DIGITS or c.isdigit() for c in frac_part)):
            return None
        value = _parse_integer_part(int_part) if int_part else 0.0
        if value is None:
            return None
        if frac_part:
            digits = "".join(str(DIGITS[c]) if c in DIGITS else c for c in frac_part)
            value += float("0." + digits)
    if negative:
        value = -value
    return _tidy(value)


_APPROX = re.compile(r"(?P<num>.+?)(?P<q>[余餘多来])(?P<mult>[万萬亿億]*)")


def parse_approximate(text: str) -> Optional[Tuple[Number, str]]:
    """``(value, qualifier)`` for a numeral that may carry 余/多/来 inside or
    after it: 500余万 → (5000000, "over"), 十多 → (10, "over"), 3万 → (30000,
    "exact"). None when it is not a numeral."""
    s = text.strip()
    value = parse_number(s)
    if value is not None:
        return value, "exact"
    m = _APPROX.fullmatch(s)
    if not m:
        return None
    base = parse_number(m.group("num"))
    mult = parse_number(m.group("mult")) if m.group("mult") else 1
    if base is None or mult is None:
        return None
    return _tidy(base * mult), "approx" if m.group("q") == "来" else "over"
