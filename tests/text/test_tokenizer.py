import pytest

from pdcnlp.text.normalize import normalize
from pdcnlp.text.tokenizer import align_tokens, segment_char
from conftest import SEED_FILES


def test_segment_char_keeps_numbers_words_and_space_runs():
    assert segment_char("开展4000余场次") == ["开", "展", "4000", "余", "场", "次"]
    assert segment_char("12.5万元 APP\n\n党") == ["12.5", "万", "元", " ", "APP", "\n\n", "党"]


def test_align_absorbs_noise_into_previous_token():
    n = normalize("創(chuàng)新")
    words, norms = align_tokens(n, segment_char(n.clean))
    assert words == ["創(chuàng)", "新"] and norms == ["创", "新"]


@pytest.mark.parametrize("text", ["", "   ", "\n", "-->黨史", "a", "１２３"])
def test_edge_cases_round_trip(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.norm_ for t in doc) == normalize(text).clean


def test_text_of_nothing_but_noise_is_one_blank_token(nlp):
    doc = nlp("-->")
    assert doc.text == "-->" and len(doc) == 1
    assert doc[0].norm_ == " " and not doc.ents


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_round_trip(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.norm_ for t in doc) == normalize(text).clean


def test_same_tokens_with_and_without_noise(nlp):
    a = nlp.make_doc("堅持創(chuàng)新發(fā)展")
    b = nlp.make_doc("堅持創新發展")
    assert [t.norm_ for t in a] == [t.norm_ for t in b]


def test_doc_survives_serialisation(nlp):
    from spacy.tokens import DocBin

    doc = nlp("創(chuàng)新開展集體學習4000余場次")
    db = DocBin(store_user_data=True, docs=[doc])
    (back,) = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    assert back.text == doc.text
    assert [m.as_dict() for m in back._.measurements] == [m.as_dict() for m in doc._.measurements]
