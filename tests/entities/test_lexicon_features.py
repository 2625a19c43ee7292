"""pdcnlp.entities.lexicon_features and CharLexiconEmbed.v1: the lexicon roles
each character gets, and that the embedding reads them script-invariantly."""
import numpy
import pytest

from pdcnlp.entities.lexicon_features import B, E, M, S, LexiconTable, feature_ids, packaged_table


@pytest.fixture(scope="module")
def table():
    return LexiconTable({"place": ["仪陇", "仪陇县", "陇县"], "head": ["委", "研究室"]})


def test_masks_mark_begin_middle_end_single_per_lexicon(table):
    m = table.masks(list("仪陇县委研究室"))
    assert m.shape == (7, 2)
    assert m[0, 0] == B                      # 仪 begins 仪陇 and 仪陇县
    assert m[1, 0] == B | M | E              # 陇 ends 仪陇, continues 仪陇县, begins 陇县
    assert m[2, 0] == E                      # 县 ends 仪陇县 and 陇县
    assert m[3, 1] == S and m[3, 0] == 0     # 委 is a one-character head
    assert list(m[4:, 1]) == [B, M, E]
    assert not m[:3, 1].any()


def test_no_match_across_a_multi_character_token_and_empty_input(table):
    # a token whose norm is not one character (a pinyin gloss) breaks words
    m = table.masks(["仪", "(yí)", "陇"])
    assert not m.any()
    assert table.masks([]).shape == (0, 2)


def test_feature_ids_are_distinct_across_lexicons():
    ids = feature_ids(numpy.array([[0, 0], [B, B]], dtype=numpy.uint8))
    assert ids[0, 0] != ids[0, 1] and ids[1, 0] != ids[1, 1]
    assert len({int(x) for x in ids.ravel()}) == 4


def test_packaged_lexicons_hold_divisions_and_heads():
    t = packaged_table()
    assert set(t.names) == {"division", "org_head", "org_name", "word"}
    m = t.masks(list("仪陇县委党史研究室"))
    k = t.names.index("division")
    h = t.names.index("org_head")
    assert m[0, k] & B and m[2, k] & E
    assert m[8, h] & E                       # 研究室 is a head of People's Daily organisation names
    with pytest.raises(ValueError, match="no lexicon"):
        packaged_table(lexicons=("nonesuch",))


def test_lexicon_embedding_is_the_same_for_traditional_and_simplified():
    import pdcnlp
    from spacy.util import registry

    nlp = pdcnlp.build()
    model = registry.architectures.get("pdcnlp.CharLexiconEmbed.v1")(
        width=16, rows=[100, 200, 200], lexicons=["division", "org_head"], lexicon_rows=32)
    docs = [nlp.make_doc("儀隴縣委黨史研究室"), nlp.make_doc("仪陇县委党史研究室"), nlp.make_doc("")]
    model.initialize(X=docs[:2])
    out = model.predict(docs)
    assert out[0].shape == (9, 16) and out[2].shape == (0, 16)
    numpy.testing.assert_allclose(out[0], out[1])


def test_lexicon_embedding_needs_a_lexicon():
    from pdcnlp.entities.architectures import CharLexiconEmbed

    with pytest.raises(ValueError, match="at least one lexicon"):
        CharLexiconEmbed(width=8, rows=[10, 10, 10], lexicons=[])
