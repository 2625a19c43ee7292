import json

import pytest

from conftest import ROOT
from pdcnlp.corpus.dataset import load_records
from pdcnlp.corpus.interchange import (from_docbin, from_label_studio, parse_reading, read_annotations,
                                       reading_text, to_docbin, to_label_studio, write_annotations)
from pdcnlp.corpus.readings import propose_reading

SEEDS = load_records(ROOT / "corpus" / "seeds.jsonl")


def test_label_studio_round_trip_is_exact():
    assert from_label_studio(to_label_studio(SEEDS)) == SEEDS


def test_docbin_round_trip_is_exact():
    assert from_docbin(to_docbin(SEEDS)) == SEEDS


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".spacy"])
def test_files_round_trip(tmp_path, suffix):
    path = tmp_path / f"c{suffix}"
    write_annotations(SEEDS[:40], path)
    assert read_annotations(path) == SEEDS[:40]


def test_label_studio_export_from_the_tool_without_readings_gets_proposals():
    # what Label Studio itself exports: regions with its own ids, a relation, no reading
    task = {"id": 7, "data": {"text": "开展集体学习4000余场次。"}, "annotations": [{"result": [
        {"id": "aB3", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 2, "end": 6, "text": "集体学习", "labels": ["TARGET"]}},
        {"id": "x9Q", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 6, "end": 13, "text": "4000余场次", "labels": ["QUANTITY"]}},
        {"from_id": "x9Q", "to_id": "aB3", "type": "relation", "direction": "right", "labels": []}]}]}
    (rec,) = from_label_studio([task], propose_reading)
    assert rec["links"] == [[6, 13, 2, 6]]
    assert rec["quantities"] == [{"span": [6, 13], "value": 4000, "qualifier": "over", "unit": "场次"}]
    assert rec["readings_proposed"] == 1
    with pytest.raises(ValueError, match="no reading"):
        from_label_studio([task])


def test_label_studio_region_outside_the_text_is_an_error():
    task = {"id": 1, "data": {"text": "县委"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["ORG"]}}]}]}
    with pytest.raises(ValueError, match="task 1"):
        from_label_studio([task])


@pytest.mark.parametrize("q", [{"value": 4000, "qualifier": "over", "unit": "场次"},
                               {"value": 30000, "high": 40000, "qualifier": "range", "unit": "人次"},
                               {"value": 2.5, "qualifier": "exact", "unit": "个小时"},
                               {"value": -3, "qualifier": "exact", "unit": "%"}])
def test_reading_text_round_trips(q):
    assert parse_reading(reading_text(q)) == q


def test_cli_convert_and_validate(tmp_path):
    from pdcnlp.cli import main

    out = tmp_path / "seeds.json"
    assert main(["convert", str(ROOT / "corpus" / "seeds.jsonl"), str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(SEEDS)
    back = tmp_path / "back.jsonl"
    assert main(["convert", str(out), str(back)]) == 0
    assert load_records(back) == SEEDS
    assert main(["convert", str(out), str(tmp_path / "x.xlsx")]) != 0
