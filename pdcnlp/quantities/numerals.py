"""Read Chinese and Arabic numerals as exact numbers, in one pass.

Pure functions, no spaCy. Handles Arabic (with thousands commas and
decimals), Chinese numerals (零〇一二两三…十百千万亿, financial 壹贰叁…,
decimals with 点), mixtures (3.8万, 5亿1万4千6百), the colloquial implied
lower unit (三万五 = 35000, 一千二 = 1200) and digit strings (二〇二一).
Input is expected in the clean view (Simplified, half-width); Traditional
萬 億 兩 and full-width digits are accepted too.

Why it is written this way (issue 14):

* **Exact.** Arithmetic is on integers and :class:`decimal.Decimal`, never
  on floats, so 1.1万 is the int 11000 (a float product gives
  11000.000000000002) and 12.5万 is 125000. Only the final reading of a
  non-integral value becomes a float, the one nearest the exact decimal
  (``float(Decimal("12.5"))``), because readings travel through JSON and
  DocBin/msgpack, which carry no Decimal.
* **Linear.** Each character is looked at once; nothing backtracks, so a
  400-digit run costs what 400 characters cost.
* **Bounded.** A value is read only below :data:`MAX_VALUE` (10^16, about
  15 times China's GDP in yuan) and an Arabic run only up to
  :data:`MAX_DIGITS` digits: longer runs are identifiers (ID cards have 18
  digits, bank accounts 16 to 19), not amounts, so they read as ``None`` -
  "not a number" - instead of overflowing (``OverflowError`` on long runs of
  亿 or 9s was the old failure).
* **Signed.** A leading 负 or - reads negative (负3 = -3), never 0.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
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
ZEROS = "零〇○"
ASCII_DIGITS = "0123456789"

#: Largest magnitude read as a number (exclusive).
MAX_VALUE = 10 ** 16
#: Longest run of Arabic digits (integer part) read as a number.
MAX_DIGITS = 16

# One Arabic numeral: digits, optional thousands groups, optional decimals.
# Each alternative starts with a distinct character, so matching is linear.
_ARABIC = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({0xFF0E: ord("."), 0xFF0C: ord(","), 0xFF0D: ord("-")})
_SPACES = str.maketrans("", "", " \u3000\u00a0\t")
_MAX = Decimal(MAX_VALUE)


def _arabic(token: str) -> Optional[Decimal]:
    int_part = token.split(".", 1)[0].replace(",", "")
    if len(int_part) > MAX_DIGITS:
        return None
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - _ARABIC only lets numerals through
        return None


def _integer_part(s: str) -> Optional[Decimal]:
    """Exact value of the part before 点, or None when it is not a numeral.

    One left-to-right pass over tokens (an Arabic numeral or one Chinese
    character): a section (below 万) is built from digit × 十/百/千, 万
    closes a section into the 万 total, 亿 multiplies everything so far
    (三千万亿 = 3×10^15)."""
    tokens = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in ASCII_DIGITS or c == ".":
            m = _ARABIC.match(s, i)
            if m is None:
                return None
            tokens.append(m.group())
            i = m.end()
        elif c in DIGITS or c in SMALL_UNITS or c in BIG_UNITS:
            tokens.append(c)
            i += 1
        else:
            return None
    if not tokens:
        return None
    # A pure digit string (二〇二一, 一九九八) reads digit by digit.
    if len(tokens) > 1 and all(t in DIGITS for t in tokens):
        if len(tokens) > MAX_DIGITS:
            return None
        return Decimal("".join(str(DIGITS[t]) for t in tokens))
    # The colloquial implied lower unit (三万五, 一千二) applies only to a
    # final digit right after a multiplier.
    implied = 1
    if len(tokens) >= 2 and tokens[-1] in DIGITS and tokens[-1] not in ZEROS:
        prev = tokens[-2]
        if prev in SMALL_UNITS and SMALL_UNITS[prev] >= 100:
            implied = SMALL_UNITS[prev] // 10
        elif prev in BIG_UNITS:
            implied = BIG_UNITS[prev] // 10
    yi_total = Decimal(0)
    wan_total = Decimal(0)
    section = Decimal(0)
    num: Optional[Decimal] = None
    for t in tokens:
        if t in DIGITS:
            if num is not None:
                return None  # two digits in a row outside a digit string
            num = None if t in ZEROS else Decimal(DIGITS[t])
        elif t[0] in ASCII_DIGITS or t[0] == ".":
            if num is not None:
                return None
            num = _arabic(t)
            if num is None:
                return None
        elif t in SMALL_UNITS:
            section += (num if num is not None else 1) * SMALL_UNITS[t]
            num = None
        elif BIG_UNITS[t] == 10_000:
            base = section + (num or 0)
            wan_total += (base or 1) * 10_000
            section, num = Decimal(0), None
        else:  # 亿: everything so far is counted in 亿 (三千万亿 = 3e15)
            base = yi_total + wan_total + section + (num or 0)
            yi_total = (base or 1) * 100_000_000
            wan_total, section, num = Decimal(0), Decimal(0), None
        if yi_total >= _MAX or wan_total >= _MAX or section >= _MAX:
            return None  # absurd magnitude: stop before the numbers grow
    if num is not None and implied > 1:
        num *= implied
    total = yi_total + wan_total + section + (num or 0)
    return total if total < _MAX else None


def parse_exact(text: str) -> Optional[Decimal]:
    """The exact value of a numeral as a :class:`~decimal.Decimal`, or None.

    Spaces inside are ignored (scraped pages write 3 万); 万万 is the old
    spelling of 亿."""
    s = text.translate(_FULLWIDTH).translate(_SPACES)
    s = s.replace("萬", "万").replace("億", "亿").replace("點", "点")
    s = s.replace("万万", "亿")
    if not s:
        return None
    negative = s[0] in "负負-−"
    if negative:
        s = s[1:]
        if not s:
            return None
    m = _ARABIC.fullmatch(s)
    if m:
        value = _arabic(s)
    else:
        int_part, point, frac_part = s.partition("点")
        if point and (not frac_part or not all(c in DIGITS or c in ASCII_DIGITS for c in frac_part)):
            return None
        value = _integer_part(int_part) if int_part else Decimal(0)
        if value is None:
            return None
        if frac_part:
            if len(frac_part) > 40:
                return None
            digits = "".join(str(DIGITS[c]) if c in DIGITS else c for c in frac_part)
            value += Decimal("0." + digits)
    if value is None or value >= _MAX:
        return None
    return -value if negative else value


def to_number(value: Decimal) -> Number:
    """An int for integral values, else the float nearest the exact value."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_number(text: str) -> Optional[Number]:
    """The value of a numeral, or None when ``text`` is not one.

    >>> parse_number("3.8万"), parse_number("5亿1万4千6百"), parse_number("1.1万")
    (38000, 500014600, 11000)
    """
    value = parse_exact(text.strip())
    return None if value is None else to_number(value)


_APPROX_MARKS = {"余": "over", "餘": "over", "多": "over", "几": "over", "幾": "over", "来": "approx", "來": "approx"}


def parse_approximate(text: str, prefixes: Optional[dict] = None,
                      suffixes: Optional[dict] = None) -> Optional[Tuple[Number, str]]:
    """``(value, qualifier)`` for a bare numeral that may carry 余/多/几/来
    inside or after it, and optionally a prefix or suffix qualifier word:
    500余万 → (5000000, "over"), 十几万多亿 → (10^13, "over"), 十多 → (10,
    "over"), 3万 → (30000, "exact"). ``prefixes``/``suffixes`` map words to
    qualifiers (quantity_rules.json: 超过 → over, 以上 → over). None when it
    is not a numeral. Linear: one split, then :func:`parse_exact` per part."""
    s = text.strip()
    qualifier = None
    for table, at_start in ((prefixes, True), (suffixes, False)):
        for word in sorted(table or (), key=len, reverse=True):
            if (s.startswith(word) if at_start else s.endswith(word)) and len(s) > len(word):
                s = s[len(word):] if at_start else s[:-len(word)]
                qualifier = qualifier or table[word]
                break
    s = s.strip()
    value = parse_exact(s)
    if value is not None:
        return to_number(value), qualifier or "exact"
    parts, marks, cur = [], [], []
    for c in s:
        if c in _APPROX_MARKS:
            parts.append("".join(cur))
            marks.append(_APPROX_MARKS[c])
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    if not marks or not parts[0].strip():
        return None
    base = parse_exact(parts[0])
    if base is None:
        return None
    for p in parts[1:]:
        p = p.strip()
        if not p:
            continue
        if p.strip("万萬亿億"):
            return None
        mult = parse_exact("一" + p)
        if mult is None:
            return None
        base *= mult
        if abs(base) >= MAX_VALUE:
            return None
    return to_number(base), qualifier or marks[0]
