"""The quantity scanner's tables and look-around helpers.

Loads units.json and quantity_rules.json once, and holds the small
bounded look-arounds that :mod:`.detect` combines: spaces, the unit by
longest match, protected names and idioms, qualifier suffixes, and the
contexts that decide a reading (a term before a session, an implied unit).
Every helper looks at a bounded number of characters, so the scanner stays
one pass over the text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Optional, Tuple

from .numerals import BIG_UNITS, DIGITS, parse_exact

WS = " \u3000\u00a0\t"
MAX_WS = 4  # spaces a scraped page puts inside one quantity (12 个, 3 万余名, 六 点 五 成)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _load(name: str) -> dict:
    return json.loads(resources.files("pdcnlp.resources").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class _Tables:
    rules: dict
    unit_to_class: Dict[str, str]
    arabic_only: Dict[str, str]
    multiplier_only: Dict[str, str]
    written: Dict[str, str]
    anniversary: Tuple[str, ...]
    by_first: Dict[str, Tuple[str, ...]]  # units by first character, longest first
    prefixes: Tuple[str, ...]  # prefix qualifiers, longest first
    suffixes: Tuple[str, ...]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    units = _load("units.json")
    rules = _load("quantity_rules.json")
    unit_to_class: Dict[str, str] = dict(units["units"])
    arabic_only: Dict[str, str] = dict(units["arabic_only"]["units"])
    multiplier_only: Dict[str, str] = dict(units.get("multiplier_only", {}).get("units", {}))
    written: Dict[str, str] = dict(units["written"])
    for w, u in written.items():
        unit_to_class.setdefault(w, unit_to_class.get(u, "other"))
    anniversary = tuple(units["anniversary_units"])
    by_first: Dict[str, List[str]] = {}
    for u in set(unit_to_class) | set(arabic_only) | set(multiplier_only) | set(anniversary):
        # Latin units are matched case-blind (168CM); keyed by lower case
        by_first.setdefault(u[0].lower() if u.isascii() else u[0], []).append(u)
    return _Tables(
        rules, unit_to_class, arabic_only, multiplier_only, written, anniversary,
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
        tuple(sorted(rules["prefix_qualifiers"], key=len, reverse=True)),
        tuple(sorted(rules["suffix_qualifiers"], key=len, reverse=True)),
    )


def unit_class(unit: str) -> str:
    """The class of a (clean, reported) unit: events, people, items, money,
    percent, duration, length_area, ratio (倍) or other (weights, power,
    volumes in litres, information …; kept as one class so the linker's
    features stay those it was trained with)."""
    t = _tables()
    return t.unit_to_class.get(unit) or t.arabic_only.get(unit) or t.multiplier_only.get(unit) or "other"


_NOT_TERM = re.compile(r"[，,。；;：:！？!?、\s“”\"《》()（）]")


def _term_before(clean: str, start: int, window: int) -> bool:
    """届 (a term of office) within `window` characters before `start`, with
    no punctuation between: 二十届中央纪委 + 三次全会."""
    lo = max(0, start - window)
    k = clean.rfind("届", lo, start)
    return k >= 0 and _NOT_TERM.search(clean, k, start) is None


@lru_cache(maxsize=1)
def _idiom_pattern() -> re.Pattern:
    rules = _tables().rules
    return re.compile("|".join(re.escape(i) for i in sorted(rules["idioms"], key=len, reverse=True)))


@lru_cache(maxsize=1)
def _quote_patterns() -> Tuple[Tuple[re.Pattern, bool], ...]:
    out = []
    for pair in _tables().rules["quote_pairs"]:
        open_, close = pair[0], pair[1]
        pat = re.compile(rf"{re.escape(open_)}([^{re.escape(open_ + close)}\n]{{0,80}}){re.escape(close)}")
        out.append((pat, open_ in "《【"))
    return tuple(out)


def protected_spans(clean: str) -> List[Tuple[int, int]]:
    """Ranges where a number is part of a name, title or idiom, not a
    measurement: quoted strings without sentence punctuation inside (names,
    slogans), every 《title》 and 【column】, and idioms. Sorted by start."""
    out: List[Tuple[int, int]] = []
    for pat, always in _quote_patterns():
        for m in pat.finditer(clean):
            if always or not re.search(r"[。！？!?]", m.group(1)):
                out.append((m.start(), m.end()))
    for m in _idiom_pattern().finditer(clean):
        out.append((m.start(), m.end()))
    out.sort()
    return out


def _skip_ws(text: str, i: int) -> int:
    """Position after at most MAX_WS spaces from i."""
    j = i
    while j < len(text) and j - i < MAX_WS and text[j] in WS:
        j += 1
    return j


def _back_ws(text: str, i: int) -> int:
    j = i
    while j > 0 and i - j < MAX_WS and text[j - 1] in WS:
        j -= 1
    return j


def _has_big_unit(core: str) -> bool:
    return any(c in BIG_UNITS for c in core)


def _trailing_mult(core: str) -> str:
    """The run of 万/亿 a core ends with (3—4万: 万)."""
    k = len(core)
    while k > 0 and core[k - 1] in BIG_UNITS:
        k -= 1
    return core[k:] if k > 0 else ""


_PAIR = re.compile(rf"([一二两三四五六七八])([二两三四五六七八九])([十百千万亿]*)")


def _digit_pair(core: str) -> Optional[Tuple[Decimal, Decimal]]:
    """三四 → (3, 4), 五六十 → (50, 60): two neighbouring digits are a range."""
    m = _PAIR.fullmatch(core)
    if not m or DIGITS[m.group(2)] != DIGITS[m.group(1)] + 1:
        return None
    mult = parse_exact("一" + m.group(3)) if m.group(3) else Decimal(1)
    if mult is None:
        return None
    return DIGITS[m.group(1)] * mult, DIGITS[m.group(2)] * mult


def _match_unit(text: str, i: int) -> Optional[str]:
    """Longest unit at text[i:]; a Latin unit (km, kg) must end a word."""
    t = _tables()
    if i >= len(text):
        return None
    c = text[i]
    for u in t.by_first.get(c.lower() if c.isascii() else c, ()):
        if text.startswith(u, i) or (c.isascii() and text[i:i + len(u)].lower() == u.lower()):
            if _ASCII_LETTER.match(u[-1]) and i + len(u) < len(text) and text[i + len(u)].isascii() \
                    and text[i + len(u)].isalnum():
                continue
            return u
    return None


def _kilo_unit(clean: str, core_ns: str, ce: int) -> Optional[Tuple[str, str]]:
    """(number, unit) when the core's final 千 belongs to the unit after it:
    12千米 = 12 km, 八十万千瓦 = 800000 kW (千瓦 is the unit, not 千 + 瓦).
    After a plain Chinese digit 千 stays a numeral: 三千米 = 3000 m; after
    another multiplier it cannot be one: 一万二千千瓦 = 12000 千瓦."""
    if len(core_ns) < 2 or core_ns[-1] != "千":
        return None
    head = core_ns[:-1]
    if not (all(c.isdigit() or c in ".," for c in head) or head[-1] in "十百千万亿"):
        return None
    u = _match_unit(clean, ce - 1)
    if u is None or len(u) < 2:
        return None
    return head, u


@lru_cache(maxsize=1)
def _implied_pattern() -> Tuple[re.Pattern, Dict[str, str]]:
    iu = _tables().rules["implied_unit"]
    head_unit = {h: u for u, heads in iu["heads"].items() for h in heads}
    alts = "|".join(re.escape(h) for h in sorted(head_unit, key=len, reverse=True))
    return re.compile(rf"[\u3400-\u9fff]{{0,{iu['max_before_head']}}}?({alts})"), head_unit


def _implied_unit(clean: str, k: int) -> Optional[str]:
    """人 or 户 when a noun for people or households follows (157万贫困人口)."""
    if k >= len(clean) or not _HAN.match(clean[k]):
        return None
    pat, head_unit = _implied_pattern()
    m = pat.match(clean, k)
    return head_unit[m.group(1)] if m else None


def _many_after(clean: str, j: int) -> bool:
    """多 read as the suffix qualifier right after the unit (一周多, 一倍多)."""
    k = _skip_ws(clean, j)
    after = clean[k + 1:k + 2]
    return clean.startswith("多", k) and not (after and after in _tables().rules["suffix_not_before"]["多"])


def _prefix_qualifier(pre: Optional[str], qualifier: str) -> str:
    if pre is None or qualifier == "range":
        return qualifier
    return _tables().rules["prefix_qualifiers"][pre]


def _suffix(clean: str, j: int, qualifier: str) -> Tuple[int, str]:
    """Suffix qualifier after the unit (以上, 以内, 左右, 多): (end, qualifier)."""
    t = _tables()
    rules = t.rules
    k = _skip_ws(clean, j)
    for s in t.suffixes:
        if clean.startswith(s, k):
            after = clean[k + len(s):k + len(s) + 1]
            if after and after in rules["suffix_not_before"].get(s, ""):
                continue  # 多措并举, 上下联动: a word, not a qualifier
            if qualifier == "range" or (qualifier != "exact" and s in ("多", "余")):
                return j, qualifier
            return k + len(s), rules["suffix_qualifiers"][s]
    return j, qualifier
