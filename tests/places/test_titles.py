"""ORGs: their own place, definite titles, canonical names (places/titles.py)."""
from __future__ import annotations

import pytest

from pdcnlp.places.divisions import Divisions
from pdcnlp.places.titles import below_county, describe, resolve_title, title_token


@pytest.fixture(scope="module")
def divs():
    return Divisions.packaged()


@pytest.mark.parametrize("text,code,rest", [
    ("仪陇县委宣传部", "511324", "委宣传部"),
    ("中共仪陇县委", "511324", "委"),
    ("南充市仪陇县委", "511324", "委"),
    ("仪陇融媒体中心", "511324", "融媒体中心"),        # a short form before a body
    ("黑龙江漠河市公安局", "232701", "公安局"),        # 公安 is the body's, not 公安县
    ("四川省巴中市委组织部", "511900", "委组织部"),
])
def test_orgs_that_carry_their_place(divs, text, code, rest):
    d = describe(text, divs)
    assert d["kind"] == "named" and [m[0].code for m in d["candidates"]] == [code] and d["rest"] == rest


@pytest.mark.parametrize("text", ["长岭炼化公司", "中共中央", "国务院", "领导小组", "市场星报"])
def test_names_that_only_look_placed_are_other(divs, text):
    assert describe(text, divs)["kind"] == "other"      # 长岭: a county's short form before a proper name


def test_a_province_or_prefecture_short_form_before_a_proper_name(divs):
    d = describe("张掖日报", divs)
    assert d["kind"] == "named" and d["proper"] and d["candidates"][0][0].code == "620700"
    assert describe("“平湖档案”微信公众号", divs)["kind"] == "other"     # 平湖: a county-level city
    assert not describe("仪陇县委", divs)["proper"]


def test_title_tokens():
    assert title_token("县委常委会") == ("县", "委常委会")
    assert title_token("该县融媒体中心") == ("县", "融媒体中心")
    assert title_token("自治区党委") == ("自治区", "党委")
    assert title_token("省十三届人大") == ("省", "十三届人大")
    assert title_token("市场星报") is None


def test_a_title_takes_the_nearest_place_of_its_kind_then_the_locality(divs):
    assert resolve_title("县", ["511324"], None, divs) == ("511324", "sentence")
    assert resolve_title("市", [], "511324", divs) == ("511300", "locality")         # 仪陇县's 市 is 南充市
    assert resolve_title("市", [], "511381", divs) == ("511381", "locality")         # 阆中市 itself
    assert resolve_title("省", [], "511324", divs) == ("510000", "locality")
    assert resolve_title("县", [], "511300", divs)[0] is None                        # a city report: which county?
    assert resolve_title("县", [], "511324", divs, locality_confidence=0.3)[0] is None
    assert resolve_title("镇", [], "511324", divs)[0] is None                        # no townships in the data


def test_bodies_of_towns_are_below_the_county():
    assert below_county("大像山镇机关党支部") and not below_county("委乡村振兴局") and not below_county("委组织部")
