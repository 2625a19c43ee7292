"""QUANTITY detection and reading, case by case from ANNOTATION.md."""
import pytest

from pdcnlp.text.normalize import normalize
from pdcnlp.quantities import find_quantities, unit_class


def _q(text):
    return [(q.text, q.value, q.qualifier, q.unit, q.high) for q in find_quantities(normalize(text).clean)]


@pytest.mark.parametrize("text,expected", [
    ("開展集體學習4000余場次", [("4000余场次", 4000, "over", "场次", None)]),
    ("培訓學員3萬餘人次", [("3万余人次", 30000, "over", "人次", None)]),
    ("9.5萬多名黨員", [("9.5万多名", 95000, "over", "名", None)]),
    ("萬余名職工", [("万余名", 10000, "over", "名", None)]),
    ("辦成1605項實事", [("1605项", 1605, "exact", "项", None)]),
    ("完成率99%", [("99%", 99, "exact", "%", None)]),
    ("滿意度均在98%以上", [("98%以上", 98, "over", "%", None)]),
    ("均在4次以上", [("4次以上", 4, "over", "次", None)]),
    ("貸款20.8億元", [("20.8亿元", 2_080_000_000, "exact", "元", None)]),
    ("資金2250萬元", [("2250万元", 22_500_000, "exact", "元", None)]),
    ("投入資金12.5萬元", [("12.5万元", 125_000, "exact", "元", None)]),
    ("僅有725米", [("725米", 725, "exact", "米", None)]),
    ("耗時5個月", [("5个月", 5, "exact", "个月", None)]),
    ("在近10個月的時間里", [("近10个月", 10, "under", "个月", None)]),
    ("為期1個月的方案", [("1个月", 1, "exact", "个月", None)]),
    ("組織兩次集中學習", [("两次", 2, "exact", "次", None)]),
    ("百幅剪紙作品", [("百幅", 100, "exact", "幅", None)]),
    ("30多個政務新媒體", [("30多个", 30, "over", "个", None)]),
    ("每月3-5次", [("3-5次", 3, "range", "次", 5)]),
    ("三至五次", [("三至五次", 3, "range", "次", 5)]),
    ("20多萬名黨員", [("20多万名", 200_000, "over", "名", None)]),
    ("講授專題黨課4684場(次)", [("4684场(次)", 4684, "exact", "场次", None)]),
    ("百分之九十的黨員", [("百分之九十", 90, "exact", "%", None)]),
    ("數千公斤", [("数千公斤", 1000, "over", "公斤", None)]),
    ("參與人數累計近萬人", [("近万人", 10000, "under", "人", None)]),
    ("超10万人", [("超10万人", 100_000, "over", "人", None)]),
    ("约3次", [("约3次", 3, "approx", "次", None)]),
    ("全省16市", [("16市", 16, "exact", "市", None)]),
    ("１２３個", [("123个", 123, "exact", "个", None)]),
    ("7个批次", [("7个批次", 7, "exact", "个批次", None)]),
    ("5億1萬4千6百元", [("5亿1万4千6百元", 500_014_600, "exact", "元", None)]),
    ("辦結率分別達到99%和97%", [("99%", 99, "exact", "%", None), ("97%", 97, "exact", "%", None)]),
    ("7本必學規定書目48套", [("7本", 7, "exact", "本", None), ("48套", 48, "exact", "套", None)]),
    ("突破千億元", [("千亿元", 100_000_000_000, "exact", "元", None)]),
])
def test_quantities(text, expected):
    assert _q(text) == expected


@pytest.mark.parametrize("text", [
    "2021年", "7月", "2月23日", "2022-01-24 09:41:00", "第一", "首屆", "第九巡回指導組",
    "成立100週年", "百年黨史", "“三會一課”", "“五個一”", "“1+3+N”宣講矩陣", "四大班子", "十大專項行動",
    "一次次", "一批", "一個支部", "一件件", "一股繩", "一堂黨課", "一次", "一遍", "千家萬戶",
    "《十四五規劃》", "【e起學黨史】", "“萬名學生”頌黨恩", "一屏四城五區", "十九屆六中全會",
])
def test_not_quantities(text):
    assert _q(text) == []


def test_arabic_one_is_a_quantity_but_the_article_is_not():
    assert _q("1本") == [("1本", 1, "exact", "本", None)]
    assert _q("一本書") == []


def test_unit_classes():
    assert unit_class("场次") == "events" and unit_class("人次") == "people"
    assert unit_class("户") == "items" and unit_class("元") == "money"
    assert unit_class("%") == "percent" and unit_class("个月") == "duration"
    assert unit_class("公里") == "length_area" and unit_class("剂") == "items"
    assert unit_class("不存在") == "other"


def test_spans_point_into_clean_text():
    clean = normalize("截至目前,已完成全縣9399戶易地扶貧搬遷").clean
    (q,) = find_quantities(clean)
    assert clean[q.start:q.end] == q.text == "9399户"
