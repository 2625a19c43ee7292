"""Word-layer features of a link candidate, pure.

The character linker cannot tell where a noun phrase ends: 学员参加培训
and 支部报到 look like any other run of characters. With the words and POS
of :mod:`pdcnlp.words` (``doc.spans["words"]``, here as ``(start, end, pos)``
in clean sentence offsets) a candidate says whether it ends on a word
boundary, what its head word is (noun, verb …), what follows it and what
kind of words stand between it and the number. Features only: the learned
weights decide, so a tagger error costs a point, not a hard veto.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from ..words.bies import coarse

Word = Tuple[int, int, str]


@dataclass(frozen=True)
class WordIndex:
    """Where words start and end in one clean sentence, and their POS."""

    ends: Dict[int, str]      # end offset → coarse POS of the word ending there
    starts: Dict[int, str]    # start offset → coarse POS of the word starting there
    words: Tuple[Word, ...]
    edges: str = ""           # "start": candidates start on a word boundary; "both": start and end

    @classmethod
    def build(cls, words: Optional[Sequence[Word]], edges: str = "") -> Optional["WordIndex"]:
        if words is None:
            return None
        ws = tuple(sorted(words))
        return cls({e: coarse(p) for _, e, p in ws}, {s: coarse(p) for s, _, p in ws}, ws, edges)

    def on_edges(self, s: int, e: int, qs: int, qe: int) -> bool:
        """Whether ``[s, e)`` starts and ends on word boundaries; the
        quantity's own edges count as boundaries whatever the tagger says."""
        return (s in self.starts or s == qe) and (self.edges != "both" or e in self.ends or e == qs)

    def pos_between(self, a: int, b: int) -> str:
        """Coarse POS of the words inside ``[a, b)``, at most three, '-' joined."""
        tags = [coarse(p) for s, e, p in self.words if a <= s and e <= b and s < e]
        return "-".join(tags[:3]) + ("+" if len(tags) > 3 else "") if tags else "none"

    def count(self, a: int, b: int) -> int:
        return sum(1 for s, e, _ in self.words if a <= s and e <= b)


def word_features(idx: WordIndex, s: int, e: int, side: str, unit_class: str, gap: Tuple[int, int],
                  cache: Dict) -> Tuple[str, ...]:
    """Features of candidate ``[s, e)`` from the word layer; ``gap`` is the
    stretch between the candidate and its number. ``cache`` (one dict per
    quantity) holds the parts that depend on one edge only."""
    end_f = cache.get(("w_end", e))
    if end_f is None:
        head = idx.ends.get(e)
        end_f = cache[("w_end", e)] = (
            "w_end" if head else "w_not_end",
            f"w_head={head or '-'}",
            f"w_head={head or '-'}|side={side}",
            f"w_head={head or '-'}|unit={unit_class}",
            f"w_next={idx.starts.get(e, '$')}|side={side}",
            f"w_head={head or '-'}|next={idx.starts.get(e, '$')}",
        )
    start_f = cache.get(("w_start", s))
    if start_f is None:
        first = idx.starts.get(s)
        start_f = cache[("w_start", s)] = (
            "w_start" if first else "w_not_start",
            f"w_prev={idx.ends.get(s, '^')}|side={side}",
            f"w_first={first or '-'}|unit={unit_class}",   # 培训学员 (people: verb kept) vs 收集问题
        )
    gap_f = cache.get(("w_gap", gap))
    if gap_f is None:
        gap_f = cache[("w_gap", gap)] = (f"w_gap={idx.pos_between(*gap)}|side={side}",)
    return end_f + start_f + gap_f + (f"w_n={min(idx.count(s, e), 6)}",)
