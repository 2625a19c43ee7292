"""Find scraped-page noise inside running text.

Scraped party and government pages carry junk that is not part of any
sentence: pinyin glosses inserted after characters (創(chuàng)新), doubled
separators, mojibake, markup and URLs. Components must behave on 創(chuàng)新
exactly as on 創新, so the normaliser removes these spans from the view the
components read, while ``doc.text`` keeps them.

The patterns are data (``resources/noise_patterns.json``), versioned, each
with examples that the tests check; this module only compiles and applies
them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, NamedTuple, Tuple

from .. import resources


class NoiseSpan(NamedTuple):
    """A half-open character range ``[start, end)`` of the original text."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class NoisePattern:
    name: str
    regex: re.Pattern
    description: str
    examples: Tuple[str, ...]
    triggers: Tuple[str, ...] = ()

    def may_occur(self, text: str) -> bool:
        """Cheap substring test: False means the pattern cannot match."""
        return not self.triggers or any(t in text for t in self.triggers)


@lru_cache(maxsize=1)
def load_patterns() -> Tuple[str, Tuple[NoisePattern, ...]]:
    """Return ``(version, patterns)`` from the packaged pattern file."""
    raw = resources.read_json("noise_patterns.json")
    patterns = tuple(
        NoisePattern(
            name=p["name"],
            regex=re.compile(p["pattern"]),
            description=p["description"],
            examples=tuple(p.get("examples", ())),
            triggers=tuple(p.get("triggers", ())),
        )
        for p in raw["patterns"]
    )
    return raw["version"], patterns


def find_noise(text: str) -> List[NoiseSpan]:
    """Return the sorted, non-overlapping noise spans of ``text``.

    Overlapping matches (a URL running into -->) are joined into one span,
    labelled with the kind of the one that starts first, so the result can
    be deleted from the text span by span.
    """
    _, patterns = load_patterns()
    found: List[NoiseSpan] = []
    for p in patterns:
        if not p.may_occur(text):
            continue
        group = "noise" if "noise" in p.regex.groupindex else 0
        for m in p.regex.finditer(text):
            if m.end(group) > m.start(group):
                found.append(NoiseSpan(m.start(group), m.end(group), p.name))
    if not found:
        return found
    found.sort()
    merged: List[NoiseSpan] = []
    for span in found:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = NoiseSpan(last.start, span.end, last.kind)
        else:
            merged.append(span)
    return merged
