"""The division list and its lookup (places/divisions.py)."""
from __future__ import annotations

import json

import pytest

from pdcnlp import resources
from pdcnlp.places.divisions import Divisions, common_names, level_of, related, short_forms, within


@pytest.fixture(scope="module")
def divs():
    return Divisions.packaged()


def test_the_data_is_versioned_with_its_source_and_date():
    data = resources.read_json("divisions.json")
    assert data["version"] and data["date"] and "gb2260" in data["source"] and "cpca" in data["source"]
    assert len(data["divisions"]) > 3000 and all(len(c) == 6 and c.isdigit() for c in data["divisions"])
    assert not {"市辖区", "县"} & set(data["divisions"].values())      # the list's placeholders are not places


def test_levels_and_chains_come_from_the_code(divs):
    assert [level_of(c) for c in ("510000", "511300", "511324")] == ["province", "city", "county"]
    assert [d.name for d in divs.chain("511324")] == ["四川省", "南充市", "仪陇县"]
    assert [d.name for d in divs.chain("110105")] == ["北京市", "朝阳区"]     # no prefecture under Beijing
    assert within("511324", "510000") and within("511324", "511300") and not within("511300", "511324")
    assert related("511324", "511302") == 0.5 and related("511324", "620700") == 0.0


def test_full_names_short_forms_and_ambiguity(divs):
    assert [(d.code, k) for d, k in divs.lookup("仪陇")] == [("511324", "short")]
    assert [(d.code, k) for d, k in divs.lookup("仪陇县")] == [("511324", "name")]
    assert {d.code for d, _ in divs.lookup("朝阳区")} == {"110105", "220104"}       # Beijing, Changchun
    assert {d.level for d, _ in divs.lookup("吉林")} == {"province", "city"}
    assert [d.name for d, _ in divs.lookup("京")] == ["北京市"]


def test_former_names_point_to_the_division_they_became(divs):
    # 梁平县 became 梁平区 (new code) in 2016; 漠河县 became 漠河市 in 2018
    assert [(d.code, k) for d, k in divs.lookup("梁平县")] == [("500155", "former")]
    assert divs.current("232723") == "232701" and divs.current("511324") == "511324"
    assert divs.current("999999") is None


def test_autonomous_divisions_are_found_by_their_common_names(divs):
    assert short_forms("肃南裕固族自治县", ["裕固族"]) == {"肃南裕固族", "肃南"}
    assert "东乡县" in common_names("东乡族自治县", ["东乡族"])
    assert "622926" in {d.code for d, _ in divs.lookup("东乡县")}
    assert "522600" in {d.code for d, _ in divs.lookup("黔东南州")}


def test_longest_prefix(divs):
    n, matches = divs.longest_prefix("南充市仪陇县")
    assert n == 3 and matches[0][0].name == "南充市"
    assert divs.longest_prefix("开展活动") is None


def test_the_file_is_compact():
    assert resources.path("divisions.json").stat().st_size < 200_000
    json.loads(resources.read_text("divisions.json"))
