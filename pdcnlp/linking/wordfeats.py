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

from dataclasses import dataclass, field
from typing import Dict, Optional, Sequence, Tuple

from ..words.bies import coarse

Word = Tuple[int, int, str]
NOMINAL = ("N", "A")     # coarse POS that may stand inside a noun phrase before its head
JOINER_POS = ("C", "W")
INNER_KINDS = ("V", "P", "D", "U")
PLAIN_NOUNS = ("n", "nr", "ns", "nt", "nz", "nx", "l", "i", "an", "s")  # a one-character conjunction or list comma (和, 、) joins two of them


@dataclass(frozen=True)
class WordIndex:
    """Where words start and end in one clean sentence, and their POS."""

    ends: Dict[int, str]      # end offset → coarse POS of the word ending there
    starts: Dict[int, str]    # start offset → coarse POS of the word starting there
    words: Tuple[Word, ...]
    edges: str = ""           # "start": candidates start on a word boundary; "both": start and end
    end_at: Dict[int, int] = field(default_factory=dict)   # end offset → index in ``words``
    start_at: Dict[int, int] = field(default_factory=dict)  # start offset → index in ``words``

    @classmethod
    def build(cls, words: Optional[Sequence[Word]], edges: str = "") -> Optional["WordIndex"]:
        if words is None:
            return None
        ws = tuple(sorted(words))
        return cls({e: coarse(p) for _, e, p in ws}, {s: coarse(p) for s, _, p in ws}, ws, edges,
                   {e: k for k, (_, e, _) in enumerate(ws)}, {s: k for k, (s, _, _) in enumerate(ws)})

    def on_edges(self, s: int, e: int, qs: int, qe: int) -> bool:
        """Whether ``[s, e)`` starts and ends on word boundaries; the
        quantity's own edges count as boundaries whatever the tagger says."""
        return (s in self.starts or s == qe) and (self.edges != "both" or e in self.ends or e == qs)

    def pos_between(self, a: int, b: int) -> str:
        """Coarse POS of the words inside ``[a, b)``, at most three, '-' joined."""
        tags = [coarse(p) for s, e, p in self.words if a <= s and e <= b and s < e]
        return "-".join(tags[:3]) + ("+" if len(tags) > 3 else "") if tags else "none"

    def names_noun(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` holds a word tagged as a plain noun (n, nz, l …).
        Abbreviations and verbal nouns (j: 同比 年均, vn: 增长) do not count:
        they are how a change is worded, not what changed."""
        return any(a <= s and e <= b and p in PLAIN_NOUNS for s, e, p in self.words)

    def inner_kinds(self, a: int, b: int) -> Tuple[str, ...]:
        """Which of verb, preposition, adverb, particle (V P D U) stand inside
        ``[a, b)`` after its first word: a noun phrase holds none of them
        (增速|比|一季度, 老党员|讲|红军, 县直单位|共|谋划), a verb-object phrase
        only its first word's verb."""
        kinds = {coarse(p) for s, e, p in self.words if a < s and e <= b}
        return tuple(k for k in INNER_KINDS if k in kinds)

    def count(self, a: int, b: int) -> int:
        return sum(1 for s, e, _ in self.words if a <= s and e <= b)

    def phrase_starts(self, e: int) -> Tuple[Tuple[int, ...], int]:
        """Where the noun phrase ending at ``e`` may start: the starts of
        the nominal words (N, A: nouns, attributives, adjectives) that run
        back from ``e`` without a break, nearest first; and the start of the
        same run carried on through one-character joiners (、和及与 between
        nominal words: 高速和一级公路), or ``-1`` when no joiner continues it.

        Why: the guideline's target is the head noun *with* its modifiers
        (住宅类历史遗留不动产登记问题项目, 常住人口城镇化率) but without the verb,
        adverb or determiner before them; where the run of nominal words
        begins is the word layer's best guess of that start, and the
        features say how a candidate's start relates to it."""
        ws = self.words
        k = self.end_at.get(e)
        run = []
        while k is not None and coarse(ws[k][2]) in NOMINAL:
            run.append(ws[k][0])
            k = k - 1 if k > 0 and ws[k - 1][1] == ws[k][0] else None
        coord = -1
        while run and k is not None and k > 0 and ws[k][1] - ws[k][0] == 1 and coarse(ws[k][2]) in JOINER_POS \
                and ws[k - 1][1] == ws[k][0] and coarse(ws[k - 1][2]) in NOMINAL:
            k -= 1
            while k is not None and coarse(ws[k][2]) in NOMINAL:
                coord = ws[k][0]
                k = k - 1 if k > 0 and ws[k - 1][1] == ws[k][0] else None
        return tuple(run), coord


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
    np_f = cache.get(("w_np", s, e))
    if np_f is None:
        np_f = cache[("w_np", s, e)] = phrase_start_features(idx, s, e, side, unit_class, cache)
    n = min(idx.count(s, e), 6)
    inner = tuple(f"w_inner={t}|side={side}" for t in idx.inner_kinds(s, e))
    k1, k2 = idx.start_at.get(s), idx.end_at.get(e)
    fine = (f"w_first_fine={idx.words[k1][2] if k1 is not None else '-'}|side={side}",
            f"w_last_fine={idx.words[k2][2] if k2 is not None else '-'}|side={side}")
    inner = inner + fine
    return end_f + start_f + gap_f + np_f + inner + (f"w_n={n}", f"w_n={n}|side={side}") + (
        right_end_features(idx, s, e, unit_class, cache) if side == "R" else ())


def right_end_features(idx: WordIndex, s: int, e: int, unit_class: str, cache: Dict) -> Tuple[str, ...]:
    """For a candidate after its number (301个党委, 4个单位线下宣讲): how its end
    sits against the run of nominal words that starts at ``s``: at the end
    of the run's first word, at the run's end, inside, or past it (into a
    verb: 县|脱贫摘帽). The counted noun follows the classifier directly, so
    where that run ends is the likeliest end."""
    key = ("w_fwd", s)
    if key not in cache:
        ends, k = [], idx.start_at.get(s)
        while k is not None and coarse(idx.words[k][2]) in NOMINAL:
            ends.append(idx.words[k][1])
            k = k + 1 if k + 1 < len(idx.words) and idx.words[k + 1][0] == idx.words[k][1] else None
        cache[key] = tuple(ends)
    ends = cache[key]
    if not ends:
        rel = "none"
    elif e == ends[0]:
        rel = "first" if len(ends) > 1 else "full"
    elif e == ends[-1]:
        rel = "full"
    elif e in ends:
        rel = "inside"
    elif e > ends[-1]:
        rel = "past"
    else:
        rel = "mid"
    return (f"fwd={rel}", f"fwd={rel}|unit={unit_class}", f"fwd={rel}|len={min(len(ends), 3)}")


def phrase_start_features(idx: WordIndex, s: int, e: int, side: str, unit_class: str, cache: Dict
                          ) -> Tuple[str, ...]:
    """How the start ``s`` sits against the noun phrase ending at ``e``
    (:meth:`WordIndex.phrase_starts`): at its first word (``np=full``),
    inside it with k words dropped (``np=cut``), before it, taking in the
    verb or other word in front (``np=over``: 培训学员 keeps the verb for
    people), at the start of a joined list (``np=coord``), or off the words."""
    key = ("w_run", e)
    if key not in cache:
        cache[key] = idx.phrase_starts(e)
    run, coord = cache[key]
    if not run:
        return ()      # the end is no noun (投资, 耗时): the start is the verb's, w_first says how it reads
    if s == run[-1]:
        rel = "full"
    elif s == coord:
        rel = "coord"
    elif s in run:
        rel = f"cut{min(len(run) - 1 - run.index(s), 2)}"
    elif s < run[-1]:
        ext = idx.ends.get(run[-1], "-")   # the word just before the run
        rel = f"over|{ext}" if (coord < 0 or s < coord) else "over_coord"
    else:
        rel = "mid"
    base = rel.split("|")[0]
    return (f"np={rel}", f"np={base}|side={side}", f"np={rel}|unit={unit_class}",
            f"np={base}|prev={idx.ends.get(s, '^')}", f"np={base}|len={min(len(run), 4)}")
