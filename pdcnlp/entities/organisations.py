"""ORG rules: a place, a definite title or a one-character division (区, 县)
plus a body ending on an organisation head, taken one head at a time
(仪陇县委|老干部局, 云溪区城管局, 市委常委会); a named institution after a
boundary (张思德干部学院); definite titles alone (县委, 省委) unless a
position follows (县委书记).
"""
from __future__ import annotations

import re
from typing import List, Optional

from .lexicon import EntityLexicon
from .places import gpe_chain
from .starts import EntitySpan, candidate_starts


def org_edge_ok(lx: EntityLexicon, clean: str, start: int, end: int) -> bool:
    """An ORG does not end where a position or a longer word goes on
    (区委常委 is a post, 部署 is a verb, 县委书记 a position)."""
    text = clean[start:end]
    if any(text.endswith(w) for w in lx["org_not_ending"]):
        return False
    rest = clean[end:end + 4]
    for w in lx["org_end_not_inside"]:  # 区政府中心|工作: 中心工作 is a phrase
        i = clean.find(w, max(0, end - len(w) + 1), end + len(w))
        if 0 <= i < end < i + len(w):
            return False
    return (not any(rest.startswith(w) for w in lx["org_not_followed_by"])
            and lx.patterns["title_not_before"].match(clean, end) is None)


def _body_ok(lx: EntityLexicon, m: "re.Match") -> bool:
    """No verb starts inside the body (相继举|办 fails; 区委|组织部 passes:
    组织 is part of the head)."""
    body_end = m.end("body")
    verbs = lx.patterns["body_stop_words"].finditer(m.string, m.start(), m.end())
    return all(v.start() >= body_end for v in verbs)


def _org_tail_ends(lx: EntityLexicon, clean: str, pos: int) -> List[int]:
    """Ends of body+head runs from ``pos``, shortest first: 县委 → 县委|老干部局
    is taken one head at a time, and a run never goes on across 和 及 、
    (市委宣讲团和宣讲小分队 is one organisation and a second name)."""
    p = lx.patterns
    ends = []
    end = pos
    while True:
        m = p["tail"].match(clean, end)
        if not m or not _body_ok(lx, m):
            return ends
        end = m.end()
        ends.append(end)
        if clean[end:end + 1] in "和及与、":
            return ends


def _org_at(lx: EntityLexicon, clean: str, pos: int, strong: bool) -> Optional[int]:
    """End of the organisation name starting at ``pos``, or None."""
    p = lx.patterns
    prefix_ends = []
    gpe_end = gpe_chain(lx, clean, pos, known_first=not strong)
    if gpe_end > pos and clean[pos:gpe_end] not in lx["gpe_generic"]:
        prefix_ends.append(gpe_end)
    m = p["title"].match(clean, pos)
    if m:
        prefix_ends.append(m.end())
    if (p["admin_char"].match(clean, pos) and clean[pos:pos + 2] not in lx["gpe_generic"]
            and not (pos > 0 and clean[pos - 1] in lx["pointer_chars"])):
        prefix_ends.append(pos + 1)  # 县公安局; but not 该县|融媒体中心: the name starts after 该县
    best = None
    for pe in prefix_ends:
        for end in reversed(_org_tail_ends(lx, clean, pe)):
            if org_edge_ok(lx, clean, pos, end):
                best = max(best or 0, end)
                break
    if best is None and strong:
        m = p["named_tail"].match(clean, pos)
        if (m and _body_ok(lx, m) and m.group("body") not in lx["org_generic_bodies"]
                and org_edge_ok(lx, clean, pos, m.end())):
            best = m.end()
    return best


def find_orgs(lx: EntityLexicon, clean: str) -> List[EntitySpan]:
    """Organisations, leftmost first, not overlapping; the longest name that
    ends well wins at each start."""
    p = lx.patterns
    out: List[EntitySpan] = []
    last_end = 0
    for pos, strong in candidate_starts(lx, clean):
        if pos < last_end:
            continue
        end = _org_at(lx, clean, pos, strong)
        if end is None:
            m = p["title"].match(clean, pos)  # a definite title alone: 县委, 省委
            if not m or p["title_not_before"].match(clean, m.end()) or not org_edge_ok(lx, clean, pos, m.end()):
                continue
            end = m.end()
        if pos > 0 and clean[pos - 1] == "“" and clean[end:end + 1] == "”":
            pos, end = pos - 1, end + 1  # one quoted named team: quotes included (“草根宣讲团”)
        out.append((pos, end, "ORG"))
        last_end = end
    return out
