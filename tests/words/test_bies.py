"""BIES-POS tags ⇄ words (pdcnlp/words/bies.py) and the words component."""
from __future__ import annotations

import spacy

from pdcnlp.schema import WORDS_KEY
from pdcnlp.words.bies import coarse, decode, encode
from pdcnlp.words.component import words_from_tags


def test_encode_then_decode_gives_the_words_back():
    # 开展 集体 学习 4000 余 场次: the digit run is one token
    tokens = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 10), (10, 11), (11, 12), (12, 13)]
    words = [(0, 2, "v"), (2, 4, "n"), (4, 6, "v"), (6, 10, "m"), (10, 11, "m"), (11, 13, "q")]
    tags = encode(tokens, words)
    assert tags == ["B-v", "E-v", "B-n", "E-n", "B-v", "E-v", "S-m", "S-m", "B-q", "E-q"]
    assert decode(tags) == [(0, 2, "v"), (2, 4, "n"), (4, 6, "v"), (6, 7, "m"), (7, 8, "m"), (8, 10, "q")]


def test_a_token_crossing_a_word_boundary_ends_the_word_it_starts_in():
    assert encode([(0, 2), (2, 3)], [(0, 1, "m"), (1, 3, "t")]) == ["S-m", "E-t"]


def test_decode_repairs_what_no_segmentation_means():
    # an E with no B, an I after a finished word, a word left open at the end
    assert decode(["E-n", "S-v", "I-n", "E-n", "B-a"]) == [(0, 1, "n"), (1, 2, "v"), (2, 4, "n"), (4, 5, "a")]
    # B B: the first word ends before the second starts, POS from its last token
    assert decode(["B-v", "B-n", "E-n"]) == [(0, 1, "v"), (1, 3, "n")]


def test_coarse_pos_folds_the_people_daily_tags():
    assert [coarse(t) for t in ("n", "vn", "nt", "v", "m", "q", "d", "zz")] == ["N", "N", "N", "V", "M", "Q", "D", "X"]


def test_the_component_turns_tags_into_word_spans():
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("开展集体学习")
    for t, tag in zip(doc, ["B-v", "E-v", "B-n", "E-n", "B-v", "E-v"]):
        t.tag_ = tag
    doc = words_from_tags(doc)
    assert [(w.text, w.label_) for w in doc.spans[WORDS_KEY]] == [("开展", "v"), ("集体", "n"), ("学习", "v")]
