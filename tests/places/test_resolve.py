"""One mention → candidates → one division or an abstention (places/resolve.py)."""
from __future__ import annotations

import pytest

from pdcnlp.places.divisions import Divisions
from pdcnlp.places.resolve import choose, parse_chain, resolve_place


@pytest.fixture(scope="module")
def divs():
    return Divisions.packaged()


def test_a_unique_name_and_its_chain(divs):
    r = resolve_place("仪陇", divs)
    assert (r.code, r.name, r.level, r.province, r.city, r.county) == (
        "511324", "仪陇县", "county", "四川省", "南充市", "仪陇县")
    assert r.candidates == 1 and r.confidence > 0.8


def test_a_chain_narrows_an_ambiguous_name(divs):
    assert [n for n, _ in parse_chain("四川省南充市仪陇县委", divs)] == [3, 3, 3]
    assert resolve_place("北京市朝阳区", divs).code == "110105"
    assert resolve_place("长春市朝阳区", divs).code == "220104"


def test_ambiguous_without_context_abstains_with_the_count(divs):
    r = resolve_place("朝阳区", divs)
    assert r.code is None and r.candidates == 2 and r.level == "county" and r.evidence.startswith("ambiguous")


def test_context_decides_only_with_a_clear_margin(divs):
    assert resolve_place("朝阳区", divs, [("220100", 1.0)]).code == "220104"       # 长春市 in the document
    assert resolve_place("朝阳区", divs, [("220100", 1.0), ("110000", 1.0)]).code is None
    cands = divs.lookup("鼓楼区")
    code, conf, why = choose(cands, [("350100", 2.0)])                            # 福州市
    assert code == "350102" and 0 < conf < 0.95


def test_units_below_the_data_get_their_level_and_parents_not_a_code(divs):
    r = resolve_place("乐山市金口河区金河镇", divs)
    assert r.code is None and r.level == "township" and r.county == "金口河区" and r.parent_code == "511113"
    assert resolve_place("五一村", divs).level == "village"
    # a short form right before the suffix is the village's own name, not its county
    assert resolve_place("长岭村", divs).parent_code is None


def test_a_province_abbreviation(divs):
    assert resolve_place("京", divs).code == "110000"


def test_conventions_when_the_document_cannot_tell(divs):
    # a division over the one inside it, the one province, a current name over a former one
    assert resolve_place("辽阳", divs).code == "211000"
    assert resolve_place("海南", divs).code == "460000"
    r = resolve_place("东乡县", divs)
    assert r.code == "622926" and r.confidence < 0.9 and r.evidence.startswith("current")
    # but the document's places come first
    assert resolve_place("海南", divs, [("632500", 1.0)]).code == "632500"      # 海南藏族自治州
