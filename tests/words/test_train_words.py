"""The word layer's trainer on People's Daily 1998 (a tiny run: it must
learn something, save as spaCy data and load back with the same words)."""
from __future__ import annotations

from pathlib import Path

from pdcnlp.schema import WORDS_KEY
from pdcnlp.words import WordTagger
from tests.conftest import require_shared
from training.train_words import PD_FILE, pd_sentences, split_lines, train

ROOT = Path(__file__).resolve().parents[2]


def test_pd_sentences_keep_every_character_in_a_word():
    data = require_shared("peoples_daily_1998")
    train_lines, held = split_lines(data.parent / PD_FILE, 0.9)
    assert len(held) < len(train_lines) / 5
    for text, words in list(pd_sentences(train_lines[:50])):
        assert "".join(text[s:e] for s, e, _ in words) == text.replace(" ", "")[: sum(e - s for s, e, _ in words)]


def test_a_short_run_learns_words_and_round_trips(tmp_path):
    data = require_shared("peoples_daily_1998").parent
    nlp, metrics = train(ROOT / "training" / "configs" / "words.cfg", data, steps=60, train_sentences=600,
                         log=lambda *_: None)
    # 60 steps is far from the real model (seg F1 ~0.95): but a model that
    # learnt nothing splits every character (F1 ~0.4 against PD words)
    assert metrics["seg_f"] > 0.6, metrics
    nlp.to_disk(tmp_path / "w")
    tagger = WordTagger.load(tmp_path / "w")
    text = "开展集体学习4000余场次"
    words = tagger.clean_words(text)
    assert words[0][0] == 0 and words[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(words, words[1:]))   # contiguous, no gaps, no overlaps
    doc = nlp(text)
    assert [w.text for w in doc.spans[WORDS_KEY]] == [text[s:e] for s, e, _ in words]
