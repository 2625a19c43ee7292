"""The clean view the tokenizer stores on every Doc, and the offset
conversions of text/clean_view.py."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pdcnlp.schema import CLEAN_VIEW_KEY
from pdcnlp.text.clean_view import (CleanView, OffsetMap, clean_to_token_span, clean_view, kept_segments,
                                    span_clean, span_norm, span_offsets, span_text, token_at, trim_offsets)
from pdcnlp.text.normalize import normalize

NOISY = "儀隴縣創(chuàng)新開展,,集體學習4000余場次。第二句話。"


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp.make_doc(NOISY)


def test_the_tokenizer_stores_one_view(doc):
    view = doc.user_data[CLEAN_VIEW_KEY]
    assert isinstance(view, CleanView) and doc._.clean_view is view
    assert view.text == normalize(NOISY).clean == "".join(t.norm_ for t in doc)
    assert len(view.token_starts) == len(doc) + 1
    assert [view.text[a:b] for a, b in zip(view.token_starts, view.token_starts[1:])] == [t.norm_ for t in doc]
    assert [k for _, _, k in view.noise] == ["pinyin", "separator"] or len(view.noise) == 2


def test_offset_map_round_trips_every_clean_character(doc):
    view = clean_view(doc)
    m = view.offset_map
    assert m.orig_len == len(NOISY) and m.clean_len == len(view.text)
    for i in range(len(view.text)):
        j = m.to_original_index(i)
        assert not m.is_noise(j) and m.to_clean_index(j) == i
    s = NOISY.index("(")
    assert m.is_noise(s) and m.to_clean_index(s) == view.text.index("新")


def test_kept_segments():
    assert kept_segments(5, []) == [(0, 0, 5)]
    assert kept_segments(10, [(2, 4, "x"), (6, 7, "y")]) == [(0, 0, 2), (2, 4, 2), (4, 7, 3)]
    assert kept_segments(3, [(0, 3, "x")]) == [(0, 3, 0)]


def test_the_view_survives_serialisation(nlp, doc):
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert clean_view(again) == clean_view(doc)
    assert isinstance(again.user_data[CLEAN_VIEW_KEY], CleanView)


def test_a_doc_made_otherwise_gets_a_view_from_its_norms(nlp):
    d = Doc(nlp.vocab, words=["县", "委"], spaces=[False, False])
    view = clean_view(d)
    assert view.text == "县委" and view.token_starts == (0, 1, 2) and view.noise == ()


def test_clean_to_token_span_expands_to_token_edges():
    starts = (0, 1, 3, 4, 6)          # tokens of 1, 2, 1, 2 clean characters
    assert clean_to_token_span(starts, 1, 3) == (1, 2)
    assert clean_to_token_span(starts, 2, 4) == (1, 3)     # inside token 1 → from its start
    assert token_at(starts, 3) == 2 and token_at(starts, 2) == 2


def test_span_offsets_are_trimmed_of_noise(doc):
    i = next(t.i for t in doc if t.text.startswith("創"))
    span = doc[i - 1:i + 1]                               # 縣創(chuàng): the gloss is inside the last token
    assert span.text.endswith("(chuàng)")
    assert span_text(span) == "縣創" and span_norm(span) == "县创"
    s, e = span_offsets(span)
    assert NOISY[s:e] == "縣創"
    assert trim_offsets(doc, 0, len(NOISY)) == (0, len(NOISY))


def test_span_clean_is_relative_to_the_span(doc):
    start = next(t.i for t in doc if t.text == "第")
    sent = doc[start:]
    text, starts = span_clean(sent)
    assert text == "第二句话。" and starts[0] == 0 and starts[-1] == len(text)


def test_offset_map_rejects_out_of_range():
    m = OffsetMap([(0, 0, 3)], 3, 3)
    with pytest.raises(IndexError):
        m.to_original_index(3)
    with pytest.raises(ValueError):
        m.to_original(2, 1)
