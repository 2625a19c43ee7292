"""China's administrative divisions as data: codes, names, levels, chains, lookup.

Why: an analyst joins a report's places with census or budget tables by
their GB/T 2260 code and counts by county; 儀隴, 儀隴縣, 仪陇县 must be one
value. This module only answers "which divisions can this name mean"; which
one a mention means is :mod:`pdcnlp.places.resolve`'s question.

The data (``resources/divisions.json``, built by
``training/build_divisions.py``) holds the current divisions (code → name),
former names with the code they live on under, the one-character province
abbreviations (京 → 北京市) and the nationality names used to shorten
autonomous divisions. Names are Simplified: the pipeline's clean view gives
Simplified text (OpenCC t2s keeps lengths), so Traditional input matches too.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Set, Tuple

from .. import resources

DATA_FILE = "divisions.json"
# Longest first: 自治县 before 县.
SUFFIXES = ("特别行政区", "自治县", "自治州", "自治区", "自治旗", "新区", "林区", "矿区", "地区",
            "省", "市", "县", "区", "盟", "旗")
# How a mention matched a name: full name, short form, former name, abbreviation.
MATCH_KINDS = ("name", "short", "former", "abbrev")


def short_forms(name: str, nations: Iterable[str]) -> Set[str]:
    """仪陇县 → {仪陇}; 肃南裕固族自治县 → {肃南裕固族, 肃南}; one-character stems dropped."""
    out = set()
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            out.add(stem)
            if suf.startswith("自治"):
                changed = True
                while changed:
                    changed = False
                    for nat in sorted(nations, key=len, reverse=True):
                        for form in (nat, nat[:-1]):  # 裕固族 and 裕固 (…裕固族自治县, 回族 → 回)
                            if len(form) >= 2 and stem.endswith(form) and len(stem) > len(form):
                                stem = stem[: -len(form)]
                                out.add(stem)
                                changed = True
                                break
                        if changed:
                            break
            break
    return {s for s in out if len(s) >= 2}


def common_names(name: str, nations: Iterable[str]) -> Set[str]:
    """An autonomous division named by its place and plain suffix, as reports
    do: 东乡族自治县 → 东乡县, 黔东南苗族侗族自治州 → 黔东南州."""
    for suf, plain in (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗")):
        if name.endswith(suf):
            forms = short_forms(name, nations)
            forms |= {f[:-1] for f in forms if f.endswith("族") and len(f) > 2}   # 东乡族自治县 → 东乡县
            return {f + plain for f in forms}
    return set()


def level_of(code: str) -> str:
    """province (XX0000), city (XXYY00) or county, by the code's shape."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def suffix_of(name: str) -> str:
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            return suf
    return ""


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str


class Divisions:
    """The division list with a name index. Build once (:meth:`packaged`)."""

    def __init__(self, data: dict):
        self.version = data.get("version")
        self.by_code: Dict[str, Division] = {c: Division(c, n, level_of(c)) for c, n in data["divisions"].items()}
        nations = data.get("nations", [])
        index: Dict[str, Dict[str, str]] = {}   # name → code → match kind (best kind kept)

        def add(name: str, code: str, kind: str) -> None:
            per = index.setdefault(name, {})
            if code not in per or MATCH_KINDS.index(kind) < MATCH_KINDS.index(per[code]):
                per[code] = kind

        for d in self.by_code.values():
            add(d.name, d.code, "name")
            for s in short_forms(d.name, nations):
                add(s, d.code, "short")
            for s in common_names(d.name, nations):
                add(s, d.code, "short")
        # A former code → the current one (漠河县 232723 → 漠河市 232701), so
        # codes from older lists (cpca's) compare and join with these.
        self.successor: Dict[str, str] = {}
        for old_code, old_name, _last, new_code in data.get("former", []):
            if new_code in self.by_code and old_code not in self.by_code:
                self.successor.setdefault(old_code, new_code)
            if new_code in self.by_code:
                add(old_name, new_code, "former")
                for s in short_forms(old_name, nations):
                    add(s, new_code, "former")
        for ch, code in data.get("abbreviations", {}).items():
            add(ch, code, "abbrev")
        # A name that is a current full name means only what carries it now
        # (梁平区 is not also the former 梁平县's short form's other readings).
        self.index: Dict[str, Tuple[Tuple[str, str], ...]] = {}
        for name, per in index.items():
            items = tuple(sorted(per.items()))
            if any(k == "name" for _, k in items):
                items = tuple((c, k) for c, k in items if k in ("name", "short"))
            self.index[name] = items
        self.max_len = max(len(n) for n in self.index)

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> "Divisions":
        return cls(resources.read_json(DATA_FILE))

    def get(self, code: Optional[str]) -> Optional[Division]:
        return self.by_code.get(code) if code else None

    def current(self, code: Optional[str]) -> Optional[str]:
        """The current code of ``code`` (itself when current; None when
        unknown or merged away)."""
        if not code:
            return None
        return code if code in self.by_code else self.successor.get(code)

    def lookup(self, name: str) -> Tuple[Tuple[Division, str], ...]:
        """Every division ``name`` can mean, with how it matched."""
        return tuple((self.by_code[c], k) for c, k in self.index.get(name, ()))

    def chain(self, code: str) -> List[Division]:
        """province → city → county, the divisions that exist."""
        out = []
        for c in (code[:2] + "0000", code[:4] + "00", code):
            d = self.by_code.get(c)
            if d is not None and (not out or out[-1].code != c):
                out.append(d)
        return out

    def longest_prefix(self, text: str, min_len: int = 2) -> Optional[Tuple[int, Tuple[Tuple[Division, str], ...]]]:
        """The longest indexed name that ``text`` starts with: (length, matches)."""
        for n in range(min(self.max_len, len(text)), min_len - 1, -1):
            hit = self.index.get(text[:n])
            if hit:
                return n, self.lookup(text[:n])
        return None


def within(inner: str, outer: str) -> bool:
    """Whether division ``inner`` lies in (or is) ``outer``, by code."""
    lv = level_of(outer)
    if lv == "province":
        return inner[:2] == outer[:2]
    if lv == "city":
        return inner[:4] == outer[:4]
    return inner == outer


def related(a: str, b: str) -> float:
    """How much one division supports reading a mention as the other: 1 for
    the same division or one inside the other, 0.5 for the same prefecture,
    0.25 for the same province, else 0."""
    if within(a, b) or within(b, a):
        return 1.0
    if a[:4] == b[:4]:
        return 0.5
    if a[:2] == b[:2]:
        return 0.25
    return 0.0
