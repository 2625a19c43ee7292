"""Runs of figures and the lists that name what they measure, pure.

Why a module of its own: the 分别 structure of the guideline ("the n-th
figure links to the n-th item named", ANNOTATION.md v1.2) needs to know
where a run of joined figures (50%、42.9%) starts and which place a figure
has in it; the candidate scan (:mod:`pdcnlp.linking.features`) and the
back-links (:mod:`pdcnlp.linking.model`) both ask.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

JOINERS = "、和及与 "  # what joins figures into one list (50%、42.9%)
Span2 = Tuple[int, int]


def quantity_run(text: str, qs: int, quantity_spans: Sequence[Span2]) -> Tuple[int, int, int]:
    """The run of quantities joined by 、和及与 that ``qs`` is in
    (50%、42.9%): where the run starts, this quantity's place in it, its length."""
    by_end = {b: a for a, b in quantity_spans}
    by_start = {a: b for a, b in quantity_spans}
    first, j = qs, 0
    while True:
        prev = next((by_end[b] for b in (first, first - 1) if b in by_end and text[b:first] in ("",) + tuple(JOINERS)),
                    None)
        if prev is None or prev >= first:
            break
        first, j = prev, j + 1
    end, n = by_start.get(qs, qs), j + 1
    while True:
        nxt = next((a for a in (end, end + 1) if a in by_start and text[end:a] in ("",) + tuple(JOINERS)), None)
        if nxt is None or nxt < end or by_start[nxt] <= end:
            break
        end, n = by_start[nxt], n + 1
    return first, j, n


def list_items(text: str, left: int, qs: int, quantity_spans: Sequence[Span2]
               ) -> Optional[Tuple[List[Span2], int]]:
    """The items a 分别 list names before a run of figures, and which one is
    this figure's: ``(items, j)`` or None.

    ANNOTATION.md v1.2: "分别 lists: the n-th figure links to the n-th item
    named (粮食和油料产量分别达到…万吨和…万吨 → 粮食, 油料产量), one
    coordinated phrase takes all of them". Structural: the stretch of the
    clause before 分别 is split at 、 (or at 、和及与) and, when it holds as
    many items as the run has figures, item j is offered to figure j
    however far it lies from its number (固定资产投资、社会消费品零售总额分别
    增长4.1%、8.8%). Otherwise (one phrase, 贡献率分别为2.3%、64.5%和33.2%)
    nothing is added."""
    first, j, n = quantity_run(text, qs, quantity_spans)
    p = text.rfind("分别", left, first)
    if n < 2 or p <= left:
        return None
    for seps in ("、", "、和及与"):
        items, s = [], left
        for k in range(left, p + 1):
            if k == p or text[k] in seps:
                if k > s:
                    items.append((s, k))
                s = k + 1
        if len(items) == n:
            return items, j
    return None
