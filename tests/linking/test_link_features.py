"""The linker's pure functions and its JSON model."""
import json

import pytest

from pdcnlp.linking.features import candidates, clause_bounds, excluded, no_target_by_rule, normalised_gap
from pdcnlp.linking.model import LinkModel, link


def test_clause_bounds_keep_lists_and_quotes():
    text = "累计舉办读经典、讲故事等系列活动900余场,引导青少年"
    qs = text.index("900")
    assert clause_bounds(text, qs, qs + 5) == (0, text.index(","))


def test_normalised_gap_skips_other_quantities():
    text = "办结率分别达到99%和97%"
    assert normalised_gap(text, 3, text.index("97%"), [(7, 10), (11, 14)]) == "分别达到"


@pytest.mark.parametrize("span,bad", [
    ("党工委、", True), ("开展集体学习", True), ("各类专题培训", True), ("办结率分别达到", True),
    ("党委(党组", True), ("集体学习", False), ("党委(党组)", False), ("培训学员", False),
])
def test_guideline_exclusions(span, bad):
    assert excluded(span, 0, len(span)) is bad


def test_rule_cases_without_target():
    text = "让200余民在家门口看病"
    assert no_target_by_rule(text, 1, 6, "民", [(1, 6)])
    text = "梳理形成5个方面33条措施"
    assert no_target_by_rule(text, 4, 8, "个方面", [(4, 8), (8, 11)])
    assert not no_target_by_rule(text, 8, 11, "条", [(4, 8), (8, 11)])


def test_candidates_never_overlap_quantities():
    text = "征订7本必学规定书目48套"
    qspans = [(2, 4), (10, 13)]
    for c in candidates(text, 10, 13, "items", qspans):
        assert not any(c.start < b and a < c.end for a, b in qspans)
    assert any(text[c.start:c.end] == "必学规定书目" for c in candidates(text, 10, 13, "items", qspans))


def test_model_round_trips_as_json_and_decides():
    m = LinkModel({"side=L": 1.0, "gap=": 2.0, "len=4": 1.0}, 0.5, {"kind": "test"})
    back = LinkModel.from_dict(json.loads(m.to_json()))
    assert back.weights == m.weights and back.bias == 0.5
    text = "开展集体学习4000余场次"
    (target,) = link(text, [(6, 13, "场次", "events")], back)
    assert text[target[0]:target[1]] == "集体学习"
    with pytest.raises(ValueError):
        LinkModel.from_dict({"format": "pickle"})


def test_dates_leave_the_gap_like_quantities():
    text = "居民人均纯收入从2014年的3400元增加到2018年年底的9977元"
    q1 = (text.index("3400"), text.index("3400") + 5)
    q2 = (text.index("9977"), len(text))
    assert normalised_gap(text, 7, q1[0], [q1, q2]) == "从的"
    assert normalised_gap(text, 7, q2[0], [q1, q2]) == "从的增加到的"
    # in reach of both figures now (MAX_GAP), which they were not before
    for q in (q1, q2):
        assert any(text[c.start:c.end] == "居民人均纯收入" for c in candidates(text, *q, "money", [q1, q2]))


def test_fenbie_lists_offer_the_nth_item_to_the_nth_figure():
    from pdcnlp.linking.lists import list_items

    text = "固定资产投资、社会消费品零售总额分别增长4.1%、8.8%"
    q1 = (text.index("4.1"), text.index("4.1") + 4)
    q2 = (text.index("8.8"), len(text))
    items, j = list_items(text, 0, q1[0], [q1, q2])
    assert [text[a:b] for a, b in items] == ["固定资产投资", "社会消费品零售总额"] and j == 0
    assert list_items(text, 0, q2[0], [q1, q2])[1] == 1
    first = {text[c.start:c.end]: c.features for c in candidates(text, *q1, "percent", [q1, q2])}
    assert "list_item|order=True" in first["固定资产投资"]          # far from its number, offered all the same
    assert "list_item|order=False" in first["社会消费品零售总额"]
    one_phrase = "三次产业对GDP增长的贡献率分别为2.3%、64.5%和33.2%"
    qs = [(one_phrase.index(x), one_phrase.index(x) + len(x)) for x in ("2.3%", "64.5%", "33.2%")]
    assert list_items(one_phrase, 0, qs[0][0], qs) is None          # one phrase takes all of them


def test_owner_collective_and_deng_list_features():
    text = "全县累计举办读经典、讲故事等系列活动900余场"
    q = (text.index("900"), len(text))
    cands = {text[c.start:c.end]: c.features for c in candidates(text, *q, "events", [q], entity_spans=[(0, 2)])}
    assert "deng_list|before1=han" in cands["读经典、讲故事等系列活动"]
    assert not any(f.startswith("deng_list") for f in cands["系列活动"])
    text = "全县生产总值86亿元"
    cands = {text[c.start:c.end]: c.features for c in candidates(text, 6, 10, "money", [(6, 10)],
                                                                   entity_spans=[(0, 2)])}
    assert "starts_collective" in cands["全县生产总值"] and "starts_with_entity" in cands["全县生产总值"]
    assert "starts_collective" not in cands["生产总值"]


def test_gap_lengths_agree_with_normalised_gap():
    from pdcnlp.linking.features import gap_lengths

    text = "居民人均纯收入从2014年的3400元和3500元增加到2018年年底的9977元"
    q1 = (text.index("3400"), text.index("3400") + 5)
    q2 = (text.index("3500"), text.index("3500") + 5)
    q3 = (text.index("9977"), len(text))
    lengths = gap_lengths(text, 0, q3[0], [q1, q2, q3])
    for e, n in lengths.items():
        assert n == len(normalised_gap(text, e, q3[0], [q1, q2, q3]))
    assert text.index("2018") in lengths and text.index("2018") + 1 not in lengths   # inside a date: not a stop
