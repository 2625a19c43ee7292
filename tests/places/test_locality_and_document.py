"""The document's locality and the document pass (places/locality.py, document.py)."""
from __future__ import annotations

from collections import Counter

import pytest

from pdcnlp.places.divisions import Divisions
from pdcnlp.places.document import Mention, resolve_document
from pdcnlp.places.locality import infer, level_hint, scan_places


@pytest.fixture(scope="module")
def divs():
    return Divisions.packaged()


def test_level_hint_counts_collective_words_and_titles():
    assert level_hint("全县开展活动，县委书记出席，该县干部和市委") == Counter({"县": 3, "市": 1})


def test_a_county_report_names_its_city_and_province_but_is_the_county(divs):
    ev = [("510000", 2.0), ("511300", 1.0), ("511324", 1.0), ("511324", 1.0)]
    code, conf, _ = infer(ev, Counter({"县": 3}), divs)
    assert code == "511324" and conf == 1.0


def test_a_province_report_naming_many_counties_is_the_province(divs):
    ev = [("510000", 3.0), ("511324", 1.0), ("511381", 1.0), ("620702", 1.0)]
    assert infer(ev, Counter({"省": 2}), divs)[0] == "510000"


def test_too_little_evidence_is_no_locality(divs):
    assert infer([], Counter(), divs)[0] is None
    assert infer([("510000", 1.0), ("330000", 1.0), ("110000", 1.0)], Counter(), divs)[0] is None


def test_scan_places_skips_word_like_names(divs):
    assert scan_places("仪陇县：党史学习教育", divs) == ["511324"]
    assert scan_places("和平发展", divs, frozenset({"和平"})) == []


def _m(label, text, start, sent):
    return Mention(label, text, start, start + len(text), sent)


def test_the_document_pass_resolves_titles_by_sentence_and_locality(divs):
    ms = [_m("GPE", "仪陇", 0, 0), _m("ORG", "县委", 5, 0), _m("GPE", "朝阳区", 20, 20),
          _m("ORG", "该县融媒体中心", 30, 20), _m("ORG", "市委宣传部", 40, 40), _m("ORG", "国务院", 50, 50)]
    r = resolve_document(ms, "全县干部。县委书记。", title="儀隴縣：黨史學習教育", divs=divs)
    assert r.locality.code == "511324" and r.locality.confidence >= 0.5
    assert r.kinds == ["place", "titled", "place", "titled", "titled", "other"]
    assert r.resolutions[1].code == "511324" and r.resolutions[1].evidence == "sentence"
    assert r.canonical[1] == "仪陇县委" and r.canonical[3] == "仪陇县融媒体中心"
    assert r.canonical[4] == "南充市委宣传部" and r.resolutions[4].level == "city"
    assert r.resolutions[2].code is None and r.resolutions[2].candidates == 2      # 朝阳区: Sichuan says nothing
    assert r.resolutions[5] is None and r.canonical[5] == "国务院"


def test_the_locality_resolves_what_was_left_ambiguous(divs):
    ms = [_m("GPE", "长春市", 0, 0), _m("GPE", "长春", 10, 10), _m("GPE", "朝阳区", 20, 20)]
    r = resolve_document(ms, "", divs=divs)
    assert r.locality.code == "220100" and r.resolutions[2].code == "220104"


def test_no_locality_leaves_titles_unresolved(divs):
    r = resolve_document([_m("ORG", "县委", 0, 0)], "县委", divs=divs)
    assert r.locality.code is None and r.resolutions[0].code is None and r.canonical[0] is None
