"""The unit lexicon: built from the hand list and Recognizers-Text's lists,
with a class for every unit and its provenance recorded."""
import json
import tempfile
from importlib import resources
from pathlib import Path

from pdcnlp.quantities.build_units import build, recognizers_lists

CLASSES = {"events", "people", "items", "money", "percent", "duration", "length_area", "other", "ratio"}


def _load(name):
    return json.loads(resources.files("pdcnlp.resources").joinpath(name).read_text("utf-8"))


def test_every_unit_has_a_known_class_and_a_source():
    units = _load("units.json")
    assert set(units["units"].values()) <= CLASSES
    assert set(units["units"]) == set(units["source"])
    taken = units["provenance"]["recognizers_text"]
    assert taken["license"].startswith("MIT") and taken["version"]
    assert sum(taken["units_taken"].values()) == sum(1 for s in units["source"].values() if s != "hand")


def test_hand_classifiers_are_all_in_with_their_class():
    hand, units = _load("units_classifiers.json"), _load("units.json")["units"]
    for cls, names in hand["classes"].items():
        for u in names:
            assert u in units
    assert units["场次"] == "events" and units["个方面"] == "items" and units["倍"] == "ratio"
    assert units["公顷"] == "length_area" and units["美元"] == "money" and units["公斤"] == "other"


def test_excluded_recognizers_forms_stay_out():
    units = _load("units.json")["units"]
    for form in ("两", "分", "m", "g", "t", "度", "码", "角"):
        assert form not in units


def test_build_merges_and_excludes():
    # a plain temporary directory: pytest's tmp_path cleans up shared
    # /tmp/pytest-of-* trees that other sessions may leave deep
    with tempfile.TemporaryDirectory() as d:
        _check_build(Path(d) / "chinese_numeric_with_unit.py")


def _check_build(src):
    src.write_text(
        "class ChineseNumericWithUnit:\n"
        "    CurrencySuffixList = dict([('Chinese yuan', '元|块'), ('Japanese yen', '日元')])\n"
        "    DimensionSuffixList = dict([('Meter', '米|m'), ('Kilogram', '千克|kg'), ('Liang', '两')])\n"
        "    TemperatureSuffixList = dict([('C', '摄氏度')])\n"
        "    HalfUnitRegex = f'半'\n",
        encoding="utf-8")
    rt = recognizers_lists(src)
    assert rt["DimensionSuffixList"]["Meter"] == "米|m"
    hand = {
        "classes": {"items": ["块"], "other": ["千克"]},
        "written": {}, "arabic_only": {"units": {}}, "anniversary_units": [],
        "recognizers_text": {
            "package": "x", "file": "y", "license": "MIT",
            "lists": {"CurrencySuffixList": "money", "DimensionSuffixList": "by_name", "TemperatureSuffixList": "other"},
            "dimension_classes": {"length_area": ["Meter"]},
            "excluded": {"single Latin letters": ["m"], "numerals": {"两": "two"}},
        },
    }
    out = build(hand, rt, "1.0")
    assert out["units"] == {"块": "items", "千克": "other", "元": "money", "日元": "money", "米": "length_area",
                            "kg": "other", "摄氏度": "other"}
    assert out["source"]["块"] == "hand" and out["source"]["日元"].startswith("recognizers-text:CurrencySuffixList")
