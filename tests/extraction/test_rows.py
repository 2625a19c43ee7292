"""Doc in, rows out (extraction/rows.py): columns, offsets, locality."""
from __future__ import annotations

from pdcnlp.extraction.rows import document_columns, entity_rows, extra_column, measurement_rows
from pdcnlp.io.document import Document
from pdcnlp.schema import ENTITY_COLUMNS, MEASUREMENT_COLUMNS

TEXT = "儀隴縣委老幹部局開展集體學習4000余場次。仪陇县组织党员3万余人次参加。"


def test_entity_rows_have_the_columns_and_offsets_shifted_by_base(nlp):
    doc = nlp(TEXT)
    cols = document_columns(Document(TEXT, 0, len(TEXT), path="p.txt", id="d1"), "body")
    rows = list(entity_rows(doc, cols, base=100))
    assert rows and all(tuple(r) == ENTITY_COLUMNS for r in rows)
    for r, ent in zip(rows, doc.ents):
        assert TEXT[r["start"] - 100:r["end"] - 100] == r["text"] == ent.text
        assert r["label"] == ent.label_ and r["doc_id"] == "d1" and r["part"] == "body"
        assert r["sent_start"] <= r["start"] < r["end"] <= r["sent_end"]
    org = next(r for r in rows if r["label"] == "ORG")
    assert org["text"] == "儀隴縣委老幹部局" and org["text_simplified"] == "仪陇县委老干部局"


def test_measurement_rows_have_readings_targets_and_context(nlp):
    doc = nlp(TEXT)
    document = Document(TEXT, 0, len(TEXT), meta={"source": "日报", "editor": "x", "date": "2021年1月2日"},
                        path="p.txt", id="d1")
    rows = list(measurement_rows(doc, document_columns(document, "body"), base=0))
    for r in rows:
        r["locality"] = "仪陇县"          # filled by analyse_document once the whole document is read
    assert len(rows) == 2 and all(tuple(r) == MEASUREMENT_COLUMNS for r in rows)
    first = rows[0]
    assert first["quantity"] == "4000余場次" and first["quantity_simplified"] == "4000余场次"
    assert (first["value"], first["qualifier"], first["unit"], first["unit_class"]) == (4000, "over", "场次", "events")
    assert first["target"] == "集體學習" and TEXT[first["target_start"]:first["target_end"]] == "集體學習"
    assert first["sentence_orgs"] == "儀隴縣委老幹部局" and first["source"] == "日报"
    assert (first["date"], first["date_raw"], first["editor"]) == ("2021-01-02", "2021年1月2日", "x")
    assert first["locality"] == "仪陇县" and first["sentence"].endswith("。")
    assert rows[1]["value"] == 30000


def test_extra_fields_become_columns_and_never_overwrite_the_tables(nlp):
    doc = nlp(TEXT)
    document = Document(TEXT, 0, len(TEXT), path="r.jsonl", id="r.jsonl:3", record=3,
                        extra={"year": "2021", "text": "x", "start": "9"})
    rows = list(entity_rows(doc, document_columns(document, "body")))
    assert rows[0]["year"] == "2021" and rows[0]["field_text"] == "x" and rows[0]["field_start"] == "9"
    assert rows[0]["text"] != "x" and rows[0]["record"] == 3
    assert extra_column("title") == "field_title" and extra_column("county") == "county"


def test_min_confidence_drops_low_model_entities_everywhere_and_keeps_unscored_ones(nlp):
    from pdcnlp.extraction.rows import dropped, kept
    from pdcnlp.schema import CONFIDENCE_KEY

    doc = nlp(TEXT)
    org = next(e for e in doc.ents if e.text == "儀隴縣委老幹部局")
    # hand-made scores: the ORG is unsure; nothing else is scored (as rule spans and QUANTITY are not)
    doc.user_data[CONFIDENCE_KEY] = [[org.start, org.end, org.label_, 0.3]]
    cols = document_columns(Document(TEXT, 0, len(TEXT), path="p.txt", id="d1"), "body")
    every = list(entity_rows(doc, cols))
    assert next(r for r in every if r["text"] == "儀隴縣委老幹部局")["confidence"] == 0.3
    assert {r["origin"] for r in every} <= {"model", "rules"}
    assert all(r["confidence"] is None for r in every if r["label"] == "QUANTITY")
    sure = list(entity_rows(doc, cols, min_confidence=0.5))
    assert [r["text"] for r in every if r["text"] != "儀隴縣委老幹部局"] == [r["text"] for r in sure]
    assert dropped(doc, 0.5) == 1 and dropped(doc, 0.3) == 0 and dropped(doc, None) == 0
    assert kept(org, 0.3) and not kept(org, 0.31) and kept(org, None)
    first = next(measurement_rows(doc, cols, min_confidence=0.5))
    assert first["sentence_orgs"] == "" and next(measurement_rows(doc, cols))["sentence_orgs"] == "儀隴縣委老幹部局"
