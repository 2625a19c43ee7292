"""Which lexicon words each character begins, continues, ends or is.

Why: lexicon-enhanced Chinese NER (Zhang & Yang's Lattice LSTM, Ma et al.'s
SoftLexicon) gives each character the words of a lexicon it takes part in,
and lets the model learn how much each list is worth; that is how a
character model knows 仪陇 is a county name or that 研究室 is a head noun of
an organisation without a rule acting on the list. Here the cheap form of
it: per lexicon, a 4-bit mask (B: a word of ≥2 characters starts here, M:
one continues through here, E: one ends here, S: the character is a
one-character word of the list), embedded by ``pdcnlp.CharLexiconEmbed.v1``.

The lists are data (``pdcnlp/resources/feature_lexicons.json``, built by
``training/build_feature_lexicons.py`` from the division list and People's
Daily 1998), matched on the Simplified, noise-free character of each token
(``token.norm_``), so Traditional input gets the same features.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Sequence, Tuple

import numpy

from .. import resources

B, M, E, S = 1, 2, 4, 8
NO_CHAR = "\x00"  # a token whose norm is not one character matches nothing


class LexiconTable:
    """Words of several lexicons, for matching at every position of a text."""

    def __init__(self, lexicons: Dict[str, Sequence[str]]):
        self.names: Tuple[str, ...] = tuple(lexicons)
        self.words: Dict[str, int] = {}  # word -> bitmask of the lexicons holding it
        self.prefixes = set()
        for k, name in enumerate(self.names):
            for w in lexicons[name]:
                if not w or NO_CHAR in w:
                    continue
                self.words[w] = self.words.get(w, 0) | (1 << k)
                for j in range(1, len(w)):
                    self.prefixes.add(w[:j])
        self.max_len = max((len(w) for w in self.words), default=0)

    def masks(self, chars: Sequence[str]) -> numpy.ndarray:
        """``(n, len(names))`` uint8: the B/M/E/S mask of each character per lexicon."""
        n, k = len(chars), len(self.names)
        out = numpy.zeros((n, k), dtype=numpy.uint8)
        text = "".join(c if len(c) == 1 else NO_CHAR for c in chars)
        words, prefixes = self.words, self.prefixes
        for i in range(n):
            stop = min(n, i + self.max_len)
            j = i + 1
            while j <= stop:
                piece = text[i:j]
                bits = words.get(piece)
                if bits:
                    for lex in range(k):
                        if bits >> lex & 1:
                            if j - i == 1:
                                out[i, lex] |= S
                            else:
                                out[i, lex] |= B
                                out[i + 1:j - 1, lex] |= M
                                out[j - 1, lex] |= E
                if piece not in prefixes:
                    break
                j += 1
        return out


def feature_ids(masks: numpy.ndarray) -> numpy.ndarray:
    """Masks → one id per (lexicon, mask) pair, distinct across lexicons."""
    n, k = masks.shape
    return (masks.astype(numpy.uint64) + numpy.arange(k, dtype=numpy.uint64) * 16 + 1).astype(numpy.uint64)


@lru_cache(maxsize=4)
def packaged_table(name: str = "feature_lexicons.json", lexicons: Tuple[str, ...] = ()) -> LexiconTable:
    """The packaged lexicons (all, or those named), loaded once per process."""
    data = resources.read_json(name)["lexicons"]
    chosen = lexicons or tuple(data)
    missing = [x for x in chosen if x not in data]
    if missing:
        raise ValueError(f"{name} has no lexicon {missing}; it has {sorted(data)}")
    return LexiconTable({x: data[x] for x in chosen})
