"""Helpers shared by the entity rules and the linker (pdcnlp/lexicon.py)."""
from pdcnlp.lexicon import CLAUSE_PUNCT, brackets_paired, internal_bigrams, is_han, splits_word


def test_splits_word_uses_peoples_daily_bigrams():
    assert "密度" in internal_bigrams()
    assert splits_word("高密度", 2)          # 高密|度
    assert not splits_word("高密度", 3)      # at the end nothing is cut
    assert not splits_word("仪陇县委", 3) or "县委" in internal_bigrams()


def test_brackets_and_clause_punctuation():
    assert brackets_paired("“我为群众办实事”实践活动") and not brackets_paired("“我为群众")
    assert brackets_paired("(一)") and not brackets_paired("《条例")
    assert CLAUSE_PUNCT.search("开展学习,观看") and not CLAUSE_PUNCT.search("开展学习、观看")
    assert is_han("党") and not is_han("A") and not is_han("，")
