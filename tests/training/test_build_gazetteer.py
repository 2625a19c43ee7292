"""training.build_gazetteer and the gazetteer it ships."""
import json

from conftest import ROOT


def test_short_forms():
    from training.build_gazetteer import short_forms

    nations = ["裕固族", "土家族", "苗族", "回族"]
    assert short_forms("仪陇县", nations) == {"仪陇"}
    assert short_forms("肃南裕固族自治县", nations) == {"肃南裕固族", "肃南"}
    assert short_forms("湘西土家族苗族自治州", nations) == {"湘西土家族苗族", "湘西土家族", "湘西"}
    assert short_forms("景县", nations) == set()  # one-character stems are dropped


def test_build_filters_by_outside_usage(tmp_path):
    from training.build_gazetteer import build

    (tmp_path / "adcodes.csv").write_text("adcode,name,longitude,latitude\n1,仪陇县,0,0\n2,和平区,0,0\n3,城区,0,0\n",
                                          encoding="utf-8")
    (tmp_path / "nations.csv").write_text("汉族\n", encoding="utf-8")
    pd = tmp_path / "peoples_daily_1998"
    pd.mkdir()
    # 和平 is mostly a common noun in the newspaper; 仪陇 never appears
    pd.joinpath("199801.txt").write_text("1/m  和平/n  和平/n  和平/ns  \n", encoding="utf-8")
    gaz = build(tmp_path / "adcodes.csv", tmp_path / "nations.csv", tmp_path)
    assert gaz["names"] == ["仪陇县", "和平区"]  # 城区 is a generic word (entity_rules.json)
    assert gaz["short_forms"] == ["仪陇"]
    assert "和平" in gaz["dropped"] and "城区" in gaz["dropped"]


def test_shipped_gazetteer_is_versioned_and_sourced():
    gaz = json.loads((ROOT / "pdcnlp" / "resources" / "gazetteer_gpe.json").read_text(encoding="utf-8"))
    assert gaz["version"] and "MIT" in gaz["source"]
    assert len(gaz["names"]) > 3000
    assert {"张掖市", "仪陇县", "云溪区"} <= set(gaz["names"])
    assert {"张掖", "仪陇", "肃南"} <= set(gaz["short_forms"])
    assert not set(gaz["short_forms"]) & set(gaz["dropped"])
