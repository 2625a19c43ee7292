"""The schema is the one place the pipeline's promises are written: these
tests check that the data files, the training config, the corpus tools and
the outputs agree with it."""
from __future__ import annotations

import json

from spacy.util import load_config

from conftest import ROOT
from pdcnlp import schema


def test_unit_classes_match_the_unit_table():
    units = json.loads((ROOT / "pdcnlp" / "resources" / "units.json").read_text(encoding="utf-8"))
    assert set(units["classes"]) | {"other"} == set(schema.UNIT_CLASSES)


def test_the_quantity_rules_name_only_schema_qualifiers():
    rules = json.loads((ROOT / "pdcnlp" / "resources" / "quantity_rules.json").read_text(encoding="utf-8"))
    named = {q for key in ("prefix_qualifiers", "infix_qualifiers", "suffix_qualifiers") for q in rules[key].values()}
    assert named and named <= set(schema.QUALIFIERS)


def test_training_config_trains_the_name_labels():
    cfg = load_config(ROOT / "training" / "configs" / "finetune.cfg")
    assert tuple(cfg["model"]["labels"]) == schema.NAME_LABELS


def test_validation_takes_every_label_and_qualifier_and_nothing_else():
    from pdcnlp.corpus.validate import validate_record

    def record(label, qualifier="exact"):
        text = "开展集体学习4000余场次"
        return {"id": "x-1", "text": text, "entities": [[6, 13, label]], "targets": [], "links": [],
                "quantities": [{"span": [6, 13], "value": 4000, "qualifier": qualifier, "unit": "场次"}]}

    for label in schema.LABELS:
        assert not [p for p in validate_record(record(label)) if "label" in p]
    assert any("label" in p for p in validate_record(record("PERSON")))
    for q in schema.QUALIFIERS:
        assert not [p for p in validate_record(record("QUANTITY", q)) if "qualifier" in p]
    assert any("qualifier" in p for p in validate_record(record("QUANTITY", "about")))


def test_scoring_reports_every_label():
    from pdcnlp.corpus.scoring import score

    gold = [{"id": "a-1", "text": "x", "entities": [], "targets": [], "links": [], "quantities": []}]
    pred = [{"entities": [], "links": [], "quantities": []}]
    assert tuple(score(gold, pred)["ents_per_type"]) == schema.LABELS


def test_display_has_a_colour_for_every_label_and_targets():
    from pdcnlp.display import COLORS

    assert set(COLORS) == set(schema.LABELS) | {schema.TARGET_LABEL}


def test_markup_accepts_exactly_the_labels():
    import pytest

    from training.markup import MarkupError, parse_line

    for label in schema.LABELS:
        assert parse_line("x", f"[县委|{label}]").entities == [(0, 2, label)]
    with pytest.raises(MarkupError):
        parse_line("x", "[县委|PERSON]")


def test_measurement_rows_carry_the_measurement_fields(nlp):
    doc = nlp("开展集体学习4000余场次。")
    (m,) = doc._.measurements
    d = m.as_dict()
    assert set(d) - {"text"} <= set(schema.MEASUREMENT_COLUMNS)
    assert d["text"] == "4000余场次" and d["target"] == "集体学习"
