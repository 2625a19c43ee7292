"""Rules taken from corpus/DECISIONS.md (page corpus, v1.2) and the dev-split
errors they fixed: reporting periods, session ordinals after a body, parts
nouns after 个, places and livestock as classifiers, 不少于/不到, 一 + 多."""
import pytest

from pdcnlp.quantities import find_quantities
from pdcnlp.text.normalize import normalize


def _read(text):
    return [(q.text, q.value, q.qualifier, q.unit) for q in find_quantities(normalize(text).clean)]


@pytest.mark.parametrize("text", [
    "五年来,我们", "30多年来", "三年以来", "过去五年", "今后五年", "未来三年", "前三季度", "近三年来",
    "两年前还是贫困村", "96年前的冬天", "创5年新高", "五年间", "这两年",
])
def test_reporting_periods_are_not_quantities(text):
    assert _read(text) == []


@pytest.mark.parametrize("text,want", [
    ("耗时5个月", ("5个月", 5, "exact", "个月")),
    ("为期1个月的活动", ("1个月", 1, "exact", "个月")),
    ("提前3天完成", ("3天", 3, "exact", "天")),
    ("连续6年增产", ("6年", 6, "exact", "年")),
    ("近10个月的时间", ("近10个月", 10, "under", "个月")),
    ("两年半", ("两年半", 2.5, "exact", "年")),
])
def test_durations_that_measure_stay(text, want):
    assert _read(text) == [want]


@pytest.mark.parametrize("text", [
    "二十届中央纪委三次全会", "十九届中央纪委四次全会精神", "十三届全国人大五次会议",
])
def test_session_ordinals(text):
    assert _read(text) == []


def test_a_count_of_sessions_stays():
    assert _read("召开七次全会") == [("七次", 7, "exact", "次")]
    assert _read("本届，召开七次全会") == [("七次", 7, "exact", "次")]


@pytest.mark.parametrize("text,want", [
    ("7个部分组成", ("7个部分", 7, "exact", "个部分")),
    ("5個單元徐徐陳列", ("5个单元", 5, "exact", "个单元")),
    ("分為線上、現場兩個部分", ("两个部分", 2, "exact", "个部分")),
    ("分两个区域", ("两个区域", 2, "exact", "个区域")),
    ("牦牛21.2萬頭", ("21.2万头", 212000, "exact", "头")),
    ("养殖黄牛20头", ("20头", 20, "exact", "头")),
    ("力争在两地出版", ("两地", 2, "exact", "地")),
    ("三地在主题教育中", ("三地", 3, "exact", "地")),
    ("镇村两级联动", ("两级", 2, "exact", "级")),
    ("约3400字", ("约3400字", 3400, "approx", "字")),
    ("提出三点要求", ("三点", 3, "exact", "点")),
    ("規模達到9.4萬P", ("9.4万P", 94000, "exact", "P")),
    ("不少於3個月", ("不少于3个月", 3, "over", "个月")),
    ("两小时不到就割完", ("两小时不到", 2, "under", "小时")),
    ("一个多小时", ("一个多小时", 1, "over", "个小时")),
    ("一周多", ("一周多", 1, "over", "周")),
    ("一倍多", ("一倍多", 1, "over", "倍")),
])
def test_new_units_and_qualifiers(text, want):
    assert _read(text) == [want]


@pytest.mark.parametrize("text", [
    "三次产业对GDP增长的贡献率", "联络二组组员", "组织二局五处副处长", "人文楼七层会议室", "二层调解室",
    "15分钟新时代文明实践圈", "1小时经济圈", "1080P", "下午三点", "十六字方针", "二级调研员",
    "建成千头牦牛藏羊标准化生产基地", "千头万绪", "抓两头带中间", "一次", "一周", "一点",
])
def test_names_ordinals_and_articles(text):
    assert _read(text) == []


@pytest.mark.parametrize("text,want", [
    ("有181萬貧困人口沒有脫貧", ("181万", 1810000, "exact", "人")),
    ("100余万师生身临其境", ("100余万", 1000000, "over", "人")),
    ("为辖区三万居民", ("三万", 30000, "exact", "人")),
    ("全省254.9万建档立卡低收入人口", ("254.9万", 2549000, "exact", "人")),
    ("带动3万多农民", ("3万多", 30000, "over", "人")),
    ("1.2万贫困户", ("1.2万", 12000, "exact", "户")),
    ("96分以上为五星级", ("96分以上", 96, "over", "分")),
    ("人口自然增長率6. 2‰", ("6. 2‰", 6.2, "exact", "‰")),
    ("控制在4‰以內", ("4‰以内", 4, "under", "‰")),
    ("占全國1/5,", ("1/5", 20, "exact", "%")),
    ("接种疫苗58.82万剂次", ("58.82万剂次", 588200, "exact", "剂次")),
])
def test_implied_units_scores_and_shares(text, want):
    assert _read(text) == [want]


@pytest.mark.parametrize("text", [
    "千万不要让群众", "总人口27万,居民", "逾34.59万 十八大以来发展党员", "9点30分", "9时30分",
    "两位数增长", "学习第一、二章", "2021/7/1", "一分部署,九分落实",
])
def test_no_quantity(text):
    assert _read(text) == []


def test_a_list_number_at_the_start_of_a_line_is_not_a_decimal():
    assert _read("1. 2个方面") == [("2个方面", 2, "exact", "个方面")]
