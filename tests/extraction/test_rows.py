"""Doc in, rows out (extraction/rows.py): columns, offsets, locality."""
from __future__ import annotations

from pdcnlp.extraction.rows import entity_rows, locality, measurement_rows
from pdcnlp.schema import ENTITY_COLUMNS, MEASUREMENT_COLUMNS

TEXT = "儀隴縣委老幹部局開展集體學習4000余場次。仪陇县组织党员3万余人次参加。"


def test_entity_rows_have_the_columns_and_offsets_shifted_by_base(nlp):
    doc = nlp(TEXT)
    rows = list(entity_rows(doc, "d1", "p.txt", base=100, part="body"))
    assert rows and all(tuple(r) == ENTITY_COLUMNS for r in rows)
    for r, ent in zip(rows, doc.ents):
        assert TEXT[r["start"] - 100:r["end"] - 100] == r["text"] == ent.text
        assert r["label"] == ent.label_ and r["doc_id"] == "d1" and r["part"] == "body"
        assert r["sent_start"] <= r["start"] < r["end"] <= r["sent_end"]
    org = next(r for r in rows if r["label"] == "ORG")
    assert org["text"] == "儀隴縣委老幹部局" and org["text_simplified"] == "仪陇县委老干部局"


def test_measurement_rows_have_readings_targets_and_context(nlp):
    doc = nlp(TEXT)
    rows = list(measurement_rows(doc, "d1", "p.txt", base=0, meta={"source": "日报", "editor": "x"},
                                 place="仪陇县"))
    assert len(rows) == 2 and all(tuple(r) == MEASUREMENT_COLUMNS for r in rows)
    first = rows[0]
    assert first["quantity"] == "4000余場次" and first["quantity_simplified"] == "4000余场次"
    assert (first["value"], first["qualifier"], first["unit"], first["unit_class"]) == (4000, "over", "场次", "events")
    assert first["target"] == "集體學習" and TEXT[first["target_start"]:first["target_end"]] == "集體學習"
    assert first["sentence_orgs"] == "儀隴縣委老幹部局" and first["source"] == "日报" and first["date"] is None
    assert first["locality"] == "仪陇县" and first["sentence"].endswith("。")
    assert rows[1]["value"] == 30000


def test_locality_is_the_most_frequent_gpe_ties_to_the_first(nlp):
    docs = [nlp("仪陇县和南充市。"), nlp("南充市。")]
    assert locality(docs) == "南充市"
    assert locality([nlp("仪陇县和南充市。")]) == "仪陇县"
    assert locality([nlp("开展集体学习。")]) is None
