"""pdcnlp.ml: the character+bigram embedding the recogniser reads."""
import numpy
import pytest


def test_bigram_features_are_order_sensitive_and_shared_between_neighbours():
    from pdcnlp.entities.architectures import bigram_features

    f = bigram_features(numpy.array([11, 22, 33], dtype=numpy.uint64))
    assert f.shape == (3, 3)
    assert list(f[:, 0]) == [11, 22, 33]
    # the right bigram of token i is the left bigram of token i+1
    assert f[0, 2] == f[1, 1] and f[1, 2] == f[2, 1]
    # (22, 33) and (33, 22) are different keys; text edges are not a character
    g = bigram_features(numpy.array([33, 22], dtype=numpy.uint64))
    assert g[0, 2] != f[1, 2]
    assert f[0, 1] != f[2, 2]
    assert bigram_features(numpy.array([], dtype=numpy.uint64)).shape == (0, 3)


def test_embedding_is_the_same_for_traditional_and_simplified():
    import pdcnlp
    from spacy.util import registry

    nlp = pdcnlp.build()
    model = registry.architectures.get("pdcnlp.CharBigramEmbed.v1")(width=16, rows=[100, 200, 200])
    docs = [nlp.make_doc("儀隴縣委老幹部局"), nlp.make_doc("仪陇县委老干部局"), nlp.make_doc("")]
    model.initialize(X=docs[:2])
    out = model.predict(docs)
    assert out[0].shape == (8, 16) and out[2].shape == (0, 16)
    numpy.testing.assert_allclose(out[0], out[1])
    assert not numpy.allclose(out[0][0], out[0][1])


def test_row_counts_are_checked():
    from pdcnlp.entities.architectures import CharBigramEmbed

    with pytest.raises(ValueError, match="3 row counts"):
        CharBigramEmbed(width=8, rows=[10, 10])
