"""The pdcnlp_divisions component on one Doc (places/component.py)."""
from __future__ import annotations

from spacy.tokens import DocBin

from pdcnlp.schema import DOC_META_KEY


def test_spans_get_divisions_and_canonical_names(nlp):
    assert "pdcnlp_divisions" in nlp.pipe_names
    doc = nlp("儀隴縣委宣傳部召開會議。南充市和朝陽區。")
    org = next(e for e in doc.ents if e.text == "儀隴縣委宣傳部")
    assert org._.canonical == "仪陇县委宣传部"
    assert org._.division["code"] == "511324" and org._.division["city"] == "南充市"
    gpe = next(e for e in doc.ents if e.text == "朝陽區")
    assert gpe._.division["code"] is None and gpe._.division["candidates"] == 2
    assert doc._.locality is None or doc._.locality["code"].startswith("51")


def test_title_from_user_data_sets_the_locality(nlp):
    doc = nlp.make_doc("全縣開展黨史學習教育。")
    doc.user_data[DOC_META_KEY] = {"title": "仪陇县：党史学习教育走深走实"}
    doc = nlp(doc)
    assert doc._.locality["code"] == "511324" and doc._.locality["name"] == "仪陇县"


def test_results_survive_docbin(nlp):
    doc = nlp("儀隴縣委宣傳部召開會議。")
    db = DocBin(store_user_data=True)
    db.add(doc)
    back = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))[0]
    assert back.ents[0]._.canonical == "仪陇县委宣传部"
