"""The reading table (docs/quantities.md): every form issue 14 lists, read as
the corpus annotators were told (ANNOTATION.md v1.2)."""
import math

import pytest

from pdcnlp.text.normalize import normalize
from pdcnlp.quantities import find_quantities, parse_number


def _q(text):
    return [(q.text, q.value, q.qualifier, q.unit, q.high) for q in find_quantities(normalize(text).clean)]


@pytest.mark.parametrize("text,expected", [
    # magnitudes folded in, exactly
    ("3萬餘人次", ("3万余人次", 30000, "over", "人次", None)),
    ("12.5万元", ("12.5万元", 125000, "exact", "元", None)),
    ("1.1万人", ("1.1万人", 11000, "exact", "人", None)),
    ("0.3亿元", ("0.3亿元", 30_000_000, "exact", "元", None)),
    # approximations
    ("数千公斤", ("数千公斤", 1000, "over", "公斤", None)),
    ("十几个", ("十几个", 10, "over", "个", None)),
    ("数十名", ("数十名", 10, "over", "名", None)),
    ("几百位专家", ("几百位", 100, "over", "位", None)),
    ("上百名", ("上百名", 100, "over", "名", None)),
    ("近百名", ("近百名", 100, "under", "名", None)),
    ("十来个", ("十来个", 10, "approx", "个", None)),
    ("大约5次", ("大约5次", 5, "approx", "次", None)),
    ("5次左右", ("5次左右", 5, "approx", "次", None)),
    ("逾千人", ("逾千人", 1000, "over", "人", None)),
    ("超过5次", ("超过5次", 5, "over", "次", None)),
    ("不足3成", ("不足3成", 30, "under", "%", None)),
    ("30分钟以内", ("30分钟以内", 30, "under", "分钟", None)),
    ("60岁以下", None),  # ages are not quantities here
    ("20人以下", ("20人以下", 20, "under", "人", None)),
    # ranges
    ("三四个", ("三四个", 3, "range", "个", 4)),
    ("五六十人", ("五六十人", 50, "range", "人", 60)),
    ("3—4万人次", ("3—4万人次", 30000, "range", "人次", 40000)),
    ("3~5天", ("3~5天", 3, "range", "天", 5)),
    ("3到5年", ("3到5年", 3, "range", "年", 5)),
    ("一两个超级大国", ("一两个", 1, "range", "个", 2)),
    ("每周两三次", ("两三次", 2, "range", "次", 3)),
    ("一百几十亿元的赤字", ("一百几十亿元", 11_000_000_000, "over", "元", None)),
    ("增长6%-6.5%", ("6%-6.5%", 6, "range", "%", 6.5)),
    ("100万元至300万元部分", ("100万元至300万元", 1_000_000, "range", "元", 3_000_000)),
    ("三成至五成", ("三成至五成", 30, "range", "%", 50)),
    # 个 + parts/kinds/rounds, halves, compound units
    ("6个方面", ("6个方面", 6, "exact", "个方面", None)),
    ("3个阶段", ("3个阶段", 3, "exact", "个阶段", None)),
    ("2个小时", ("2个小时", 2, "exact", "个小时", None)),
    ("3个多月", ("3个多月", 3, "over", "个月", None)),
    ("两个半小时", ("两个半小时", 2.5, "exact", "个小时", None)),
    ("一个半月", ("一个半月", 1.5, "exact", "个月", None)),
    ("一亩半", ("一亩半", 1.5, "exact", "亩", None)),
    ("两年半", ("两年半", 2.5, "exact", "年", None)),
    ("180件次", ("180件次", 180, "exact", "件次", None)),
    ("230户次", ("230户次", 230, "exact", "户次", None)),
    # percentages and fractions
    ("百分之三十", ("百分之三十", 30, "exact", "%", None)),
    ("三成", ("三成", 30, "exact", "%", None)),
    ("千分之五", ("千分之五", 0.5, "exact", "%", None)),
    ("5‰", ("5‰", 5, "exact", "‰", None)),  # per mille keeps ‰ (corpus/DECISIONS.md)
    ("四分之一以上", ("四分之一以上", 25, "over", "%", None)),
    ("增长8.5%", ("8.5%", 8.5, "exact", "%", None)),
    ("下降2.6个百分点", ("2.6个百分点", 2.6, "exact", "个百分点", None)),
    ("1.5倍", ("1.5倍", 1.5, "exact", "倍", None)),
    ("两倍多", ("两倍多", 2, "over", "倍", None)),
    # counts, the article, numerals of every script
    ("两批", ("两批", 2, "exact", "批", None)),
    ("两省", ("两省", 2, "exact", "省", None)),  # ANNOTATION.md v1.2: only 一 is the article
    ("壹佰元", ("壹佰元", 100, "exact", "元", None)),
    ("１２３個", ("123个", 123, "exact", "个", None)),
    ("负3个", ("负3个", -3, "exact", "个", None)),
    ("-3个", ("-3个", -3, "exact", "个", None)),
    ("降低企业税负5700多亿元", ("5700多亿元", 570_000_000_000, "over", "元", None)),  # 税负 is a word
    # units from the lexicon
    ("队伍3支", ("3支", 3, "exact", "支", None)),
    ("发放5袋", ("5袋", 5, "exact", "袋", None)),
    ("100㎡", ("100㎡", 100, "exact", "㎡", None)),
    ("50平米", ("50平米", 50, "exact", "平米", None)),
    ("10亿千瓦", ("10亿千瓦", 1_000_000_000, "exact", "千瓦", None)),
    ("每台一万二千千瓦", ("一万二千千瓦", 12000, "exact", "千瓦", None)),
    ("这两个组织", ("两个", 2, "exact", "个", None)),
    ("近2000年的历史", ("近2000年", 2000, "under", "年", None)),
    ("2000多年", ("2000多年", 2000, "over", "年", None)),
    ("先后召开七次全会", ("七次", 7, "exact", "次", None)),
    ("比设想的六百亿元多出", ("六百亿元", 60_000_000_000, "exact", "元", None)),  # 多出: exceed, not 多
    ("八十万千瓦", ("八十万千瓦", 800_000, "exact", "千瓦", None)),
    ("12千米", ("12千米", 12, "exact", "千米", None)),
    ("三千米", ("三千米", 3000, "exact", "米", None)),
    ("5000日元", ("5000日元", 5000, "exact", "日元", None)),
    ("100km", ("100km", 100, "exact", "km", None)),
    # spaces inside stay inside
    ("12 个", ("12 个", 12, "exact", "个", None)),
    ("3 万余名", ("3 万余名", 30000, "over", "名", None)),
    ("12 多万名", ("12 多万名", 120000, "over", "名", None)),
    ("达到5 1 6 0 元", ("5 1 6 0 元", 5160, "exact", "元", None)),
    ("70% 以上", ("70% 以上", 70, "over", "%", None)),
])
def test_reading(text, expected):
    got = _q(text)
    assert got == ([] if expected is None else [expected])


@pytest.mark.parametrize("text", [
    "二〇二一年以来", "一九五八年", "2021年", "2020-2022年", "1 9 9 7 年", "7月1日", "2022年1月", "9:30",
    "10点30分", "第一", "首届", "第七个五年计划", "第 3 次", "十四五规划", "一是", "二是", "80后", "80年代",
    "一期工程", "二期工程", "三年行动计划", "九年制义务教育", "三年级", "5月18日至8月20日", "10月19日-10月22日",
    "3号楼", "成立100周年", "百年", "一成不变", "每一分钱", "5G网络", "G20峰会", "1点²", "三点①",
    "身份证号510322199001011234", "队伍只能", "关键零部件", "建军一百年奋斗目标", "普及九年义务教育", "中央八项规定精神",
    "实现四个现代化", "远远超过1953年", "成千上万个单位", "十三届全国人大五次会议", "千百个工人", "亿万人民", "千千万万个", "账号6222021234567890123个",
])
def test_not_quantities(text):
    assert _q(text) == []


def test_values_are_exact_ints_or_nearest_floats():
    (q,) = find_quantities("1.1万人")
    assert q.value == 11000 and isinstance(q.value, int)
    (q,) = find_quantities("0.07亿元")
    assert q.value == 7_000_000 and isinstance(q.value, int)
    assert parse_number("1.1") == 1.1 and isinstance(parse_number("1.1"), float)


@pytest.mark.parametrize("text", ["亿" * 400, "9" * 400, "九" * 400, "1" * 17, "万万万万万", "1点²", "三点①", "-", "负"])
def test_absurd_or_broken_numerals_read_as_none(text):
    assert parse_number(text) is None


def test_cap_is_a_clear_boundary():
    from pdcnlp.quantities.numerals import MAX_VALUE

    assert parse_number("9" * 16) == 10 ** 16 - 1 < MAX_VALUE
    assert parse_number("1" + "0" * 16) is None
    assert parse_number("三千万亿") == 3 * 10 ** 15


def test_long_identifier_is_not_a_quantity_but_later_ones_are():
    got = _q("卡号6222021234567890123，共3个")
    assert got == [("3个", 3, "exact", "个", None)]


def test_negative_is_never_zero():
    for text in ("负3", "-3", "负0.5"):
        v = parse_number(text)
        assert v is not None and v < 0 and math.isfinite(v)


def test_from_to_is_a_change_not_a_range():
    assert _q("比重从6%到8%") == [("6%", 6, "exact", "%", None), ("8%", 8, "exact", "%", None)]
    assert _q("比重6%到8%") == [("6%到8%", 6, "range", "%", 8)]
