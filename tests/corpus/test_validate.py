import copy
import json

import pytest

from pdcnlp.corpus.validate import validate_file, validate_record
from conftest import ROOT

CORPUS = ROOT / "corpus" / "seeds.jsonl"

GOOD = {
    "id": "x-1", "source": "x.txt", "text": "開展集體學習4000余場次",
    "entities": [[6, 13, "QUANTITY"]], "targets": [[2, 6]], "links": [[6, 13, 2, 6]],
    "quantities": [{"span": [6, 13], "value": 4000, "qualifier": "over", "unit": "场次"}],
}


def test_the_corpus_is_valid():
    assert validate_file(CORPUS) == []


def test_a_good_record_passes():
    assert validate_record(GOOD) == []


def _broken(mutate):
    r = copy.deepcopy(GOOD)
    mutate(r)
    return validate_record(r)


@pytest.mark.parametrize("mutate,expected", [
    (lambda r: r.pop("entities"), "field 'entities' is missing"),
    (lambda r: r["entities"].append([0, 99, "ORG"]), "entities[1]"),
    (lambda r: r["entities"].append([5, 8, "ORG"]), "entities overlap"),
    (lambda r: r["entities"].append([0, 2, "PERSON"]), "unknown label 'PERSON'"),
    (lambda r: r["links"].append([0, 2, 2, 6]), "not an annotated QUANTITY"),
    (lambda r: r["links"].__setitem__(0, [6, 13, 0, 6]), "not in 'targets'"),
    (lambda r: r["quantities"].clear(), "has no entry in 'quantities'"),
    (lambda r: r["quantities"][0].update(qualifier="many"), "'qualifier' 'many'"),
    (lambda r: r["quantities"][0].update(qualifier="range"), "range without a numeric 'high'"),
    (lambda r: r["quantities"][0].update(value="4000"), "'value' should be a number"),
])
def test_broken_records_are_caught_with_id_and_field(mutate, expected):
    problems = _broken(mutate)
    assert problems and all(p.startswith("x-1:") for p in problems)
    assert any(expected in p for p in problems), problems


def test_bad_json_line_is_reported(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    problems = validate_file(path)
    assert problems == ["line 2: not valid JSON (Expecting property name enclosed in double quotes)"]


def test_validate_cli_exit_codes(tmp_path):
    from pdcnlp.cli import main

    assert main(["validate", str(CORPUS)]) == 0
    bad = tmp_path / "bad.jsonl"
    r = copy.deepcopy(GOOD)
    r["entities"].append([0, 99, "ORG"])
    bad.write_text(json.dumps(r, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1


def test_a_span_ending_on_scraped_noise_is_reported():
    from pdcnlp.corpus.validate import validate_record

    text = "組織參觀15個(gè)紅色基地。"
    assert text[7:11] == "(gè)"
    rec = {"id": "n1", "text": text, "entities": [[4, 11, "QUANTITY"]], "targets": [[11, 15]],
           "links": [[4, 11, 11, 15]], "quantities": [{"span": [4, 11], "value": 15, "qualifier": "exact", "unit": "个"}]}
    problems = validate_record(rec)
    assert any("noise" in p and "entities[0]" in p for p in problems)
    rec["entities"] = [[4, 7, "QUANTITY"]]; rec["links"] = [[4, 7, 11, 15]]; rec["quantities"][0]["span"] = [4, 7]
    assert validate_record(rec) == []
