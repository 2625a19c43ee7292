"""Extraction's document-level places pass (extraction/places.py, analyse.py)."""
from __future__ import annotations

from pdcnlp.extraction import analyse
from pdcnlp.io.document import Document
from pdcnlp.schema import ENTITY_COLUMNS, MEASUREMENT_COLUMNS

TEXT = ("儀隴縣召開黨史學習教育動員會。全縣開展集體學習4000余場次。" + "開展宣講活動。" * 40
        + "縣委組織部組織黨員3萬余人次參加。")


def test_the_whole_document_decides_even_across_windows(nlp, monkeypatch):
    real = analyse.windows
    # windows of ~100 characters: 縣委組織部 stands in another window than 儀隴縣
    seen = []

    def small(text, s, e):
        seen.append(real(text, s, e, max_chars=100))
        return seen[-1]

    monkeypatch.setattr(analyse, "windows", small)
    doc = Document(TEXT, 0, len(TEXT), meta={"title": "仪陇县党史学习教育"}, path="p.txt", id="d1")
    ms, es = analyse.analyse_document(nlp, doc)
    assert len(seen[0]) > 2
    assert all(tuple(r)[:len(ENTITY_COLUMNS)] == ENTITY_COLUMNS for r in es)
    assert all(tuple(r)[:len(MEASUREMENT_COLUMNS)] == MEASUREMENT_COLUMNS for r in ms)
    assert {(r["locality"], r["locality_code"], r["locality_level"]) for r in es + ms} == {("仪陇县", "511324", "county")}
    gpe = next(r for r in es if r["text"] == "儀隴縣")
    assert (gpe["division_code"], gpe["division_city"], gpe["canonical"]) == ("511324", "南充市", "仪陇县")
    org = next(r for r in es if r["label"] == "ORG" and r["text"].startswith("縣委"))
    assert org["canonical"] == "仪陇县委组织部" and org["division_code"] == "511324"
    last = next(r for r in ms if r["value"] == 30000)
    assert last["sentence_orgs_canonical"] == "仪陇县委组织部" and last["division_from"] == "sentence"
    first = next(r for r in ms if r["value"] == 4000)
    assert first["division_code"] == "511324" and first["division_from"] == "locality"
