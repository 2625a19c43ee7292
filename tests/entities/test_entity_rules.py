"""Rule ORG/GPE/PROGRAMME spans (pdcnlp.entities), on the clean view.

Cases come from ANNOTATION.md's definitions and from text outside the seed
corpus where possible; each asserts a decision the rules could get wrong.
"""
import pytest

from pdcnlp.entities.checks import plausible as _plausible, well_formed as _well_formed
from pdcnlp.entities.lexicon import EntityLexicon
from pdcnlp.entities.organisations import find_orgs as _find_orgs
from pdcnlp.entities.places import find_gpes as _find_gpes
from pdcnlp.entities.rules import find_entities as _find_entities
from pdcnlp.entities.starts import boundary_starts as _boundary_starts, weak_start

LX = EntityLexicon.packaged()


def find_entities(clean):
    return _find_entities(LX, clean)


def find_gpes(clean):
    return _find_gpes(LX, clean)


def find_orgs(clean):
    return _find_orgs(LX, clean)


def boundary_starts(clean):
    return _boundary_starts(LX, clean)


def plausible(clean, s, e, label):
    return _plausible(LX, clean, s, e, label)


def well_formed(clean, s, e, label):
    return _well_formed(LX, clean, s, e, label)



def spans(text, finder=find_entities):
    return [(text[s:e], label) for s, e, label in finder(text)]


@pytest.mark.parametrize("text, expected", [
    # an unbroken chain of divisions is one GPE, known names or not
    ("乐山市金口河区金河镇开展活动", [("乐山市金口河区金河镇", "GPE")]),
    ("肃南县大河乡召开会议", [("肃南县大河乡", "GPE")]),
    ("云溪区松杨湖街道茅岭头社区举办讲座", [("云溪区松杨湖街道茅岭头社区", "GPE")]),
    # a known short form without its suffix, even after a Han character
    ("滋润着德乡仪陇。", [("仪陇", "GPE")]),
    ("推动云溪高质量发展", [("云溪", "GPE")]),
    # ... but not where it would cut a word or name a mountain
    ("提高台阶的质量", []),
    ("祁连山生态保护", []),
    ("中华人民共和国成立", []),
    # collective and pointing words, and generic compounds, are no GPE
    ("全县上下", []),
    ("送文化下乡", []),
    ("特色街区", []),
    ("通过县委常委会会议", [("县委常委会", "ORG")]),
])
def test_gpe_and_org_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the place prefix belongs to the ORG; one head at a time, the longest that ends well
    ("仪陇县委老干部局组织老干部", ["仪陇县委老干部局"]),
    ("云溪区城管局真是为我们", ["云溪区城管局"]),
    ("金口河区委组织部供稿", ["金口河区委组织部"]),
    ("市生态环境局景县分局深入开展", ["市生态环境局景县分局"]),
    ("甘州区委理论学习中心组成员聆听", ["甘州区委理论学习中心组"]),
    # two names joined by 和 are two ORGs, not one
    ("传达学习中央和省委要求", ["中央", "省委"]),
    ("组建市委宣讲团和宣讲小分队", ["市委宣讲团"]),
    # a named institution after a verb that takes it
    ("依托张思德干部学院举办培训", ["张思德干部学院"]),
    # one quoted named team: the quotes belong to it
    ("肃南县大河乡“草根宣讲团”深入牧业点", ["“草根宣讲团”"]),
    # positions and people are not ORG, nor is their body
    ("区委书记张中于", []),
    ("县委主要领导带头", []),
    ("民乐县党员干部重温入党誓词", []),
    # a head that is the start of a longer word ends nothing
    ("采取集中学习的方式", []),
    ("区政府中心工作", ["区政府"]),
    # a pointing word is not part of a name (该县 is no place prefix)
    ("仪陇在该县融媒体中心演播厅开展", []),
])
def test_org_spans(text, expected):
    assert [t for t, _ in spans(text, find_orgs)] == expected


def test_rules_work_on_simplified_clean_text_only():
    # Traditional text reaches the rules through the clean view; raw
    # Traditional characters are not in the lexicons
    assert spans("儀隴縣委老幹部局") != spans("仪陇县委老干部局")


def test_boundaries_and_weak_starts():
    text = "依托张思德纪念馆,在京"
    starts = boundary_starts(text)
    assert 2 in starts  # after the verb 依托
    assert text.index("在") + 1 in starts  # after a function character
    assert 1 not in starts  # inside 依托
    assert weak_start("德乡仪陇", 2)  # 乡仪 is no word
    assert not weak_start("提高台阶", 1)  # 提高 is a word


def test_find_gpes_never_returns_overlapping_spans():
    text = "岳阳市云溪区陆城镇和长岭街道、路口镇枧冲村"
    found = find_gpes(text)
    assert [text[s:e] for s, e, _ in found] == ["岳阳市云溪区陆城镇", "长岭街道", "路口镇枧冲村"]
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text, label, ok", [
    ("乐山市金口河区金河镇", "GPE", True),
    ("仪陇", "GPE", True),
    ("松杨湖", "GPE", False),          # no suffix, not a known name
    ("祁连山生态保护", "GPE", False),
    ("云溪区委宣传部", "ORG", True),
    ("“草根宣讲团”", "ORG", True),      # a quoted team, judged by its inside
    ("休闲广场", "ORG", False),          # no organisation head
    ("中共党史、观看红色故事", "ORG", False),
    ("“一事一议”", "PROGRAMME", True),
    ("“我为群众办实事”实践活动", "PROGRAMME", True),
    ("党史学习教育", "PROGRAMME", True),
    ("“党课", "PROGRAMME", False),      # unpaired quote
    ("“红船起航”微党课,开展", "PROGRAMME", False),  # runs over a comma
    ("“十四五”", "PROGRAMME", False),    # a set phrase, not a programme
    ("党史学习专题教育", "PROGRAMME", False),
])
def test_plausible_checks_the_shape_of_a_span(text, label, ok):

    assert plausible(text, 0, len(text), label) is ok


def test_plausible_looks_at_the_context():

    text = "区委书记张中于"
    assert not plausible(text, 0, 2, "ORG")  # a position follows
    text = "提高台阶"
    assert not plausible(text, 1, 3, "GPE")  # 高台 would cut 台阶


@pytest.mark.parametrize("text, label, ok", [
    ("休闲广场", "ORG", True),           # no head: not the rules' shape, but nothing the guideline forbids
    ("松杨湖", "GPE", True),
    ("市委常委", "ORG", False),          # a position
    ("全县", "GPE", False),              # a collective word
    ("中共党史、观看红色故事", "ORG", True),
    ("党史学习,观看", "ORG", False),     # clause punctuation inside
    ("“党课", "PROGRAMME", False),
    ("党史学习专题教育", "PROGRAMME", False),
])
def test_well_formed_enforces_the_guideline_only(text, label, ok):

    assert well_formed(text, 0, len(text), label) is ok


@pytest.mark.parametrize("text, label", [("休闲广场", "ORG"), ("松杨湖", "GPE")])
def test_plausible_rejects_well_formed_spans_not_of_the_rules_shape(text, label):
    # an ORG without a head and a GPE without a suffix or known name break
    # nothing in the guideline, but are not what the rules look for
    assert well_formed(text, 0, len(text), label)
    assert not plausible(text, 0, len(text), label)
