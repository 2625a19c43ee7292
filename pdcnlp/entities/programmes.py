"""PROGRAMME rules: the campaign names (党史学习教育 …); quoted names with a
directly attached generic head (“我为群众办实事”实践活动); quoted names right
after a carry-out verb (开展“双报到”).
"""
from __future__ import annotations

import re
from typing import List

from .lexicon import EntityLexicon
from .starts import EntitySpan, overlaps


def find_programmes(lx: EntityLexicon, clean: str) -> List[EntitySpan]:
    excluded = set(lx["not_programme"])
    p = lx.patterns
    quote, names, verbs = p["quote"], p["programme_names"], p["programme_verbs"]
    out: List[EntitySpan] = []
    for m in quote.finditer(clean):
        inner = m.group().split("”")[0][1:]
        if inner in excluded or re.search(r"[。！？!?；;]", inner):
            continue  # quoted speech, not a name
        has_head = not m.group().endswith("”")
        after_verb = verbs.search(clean[max(0, m.start() - 4):m.start()]) is not None
        if has_head or after_verb or inner in lx["programme_names"]:
            out.append((m.start(), m.end(), "PROGRAMME"))
    for m in names.finditer(clean):
        span = (m.start(), m.end(), "PROGRAMME")
        if not overlaps(span, out):
            out.append(span)
    return sorted(out)
