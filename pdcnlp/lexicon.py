"""Lexical helpers shared by the entity rules and the quantity linker.

Both stages ask the same questions of clean text (does a boundary cut a
word? are the quotes of this span paired? is there clause punctuation in
it?), so the answers live here, once, and neither stage imports the other.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import resources

HAN = "\u4e00-\u9fff"
# Punctuation that ends a clause: no name and no target runs across it.
CLAUSE_PUNCT = re.compile(r"[,，;；。:：!！?？\n]")
BRACKET_PAIRS = (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》"))


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=1)
def internal_bigrams() -> frozenset:
    """Bigrams People's Daily keeps inside one word (resources/word_internal_bigrams.txt)."""
    text = resources.read_text("word_internal_bigrams.txt")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def splits_word(clean: str, end: int) -> bool:
    """Would a boundary at ``end`` cut a word in two (高密|度, 同安|排,
    县委 after 仪陇县)? Judged by People's Daily 1998's word-internal bigrams."""
    return 0 < end < len(clean) and clean[end - 1:end + 1] in internal_bigrams()


def brackets_paired(text: str) -> bool:
    """As many closing as opening brackets and quotes of each kind: a target
    or a name never holds half a quotation."""
    return all(text.count(a) == text.count(b) for a, b in BRACKET_PAIRS)
