import unicodedata
import pytest

from pdcnlp.text.noise import find_noise, load_patterns
from conftest import SEEDS


def _removed(text):
    return "".join(text[s.start:s.end] for s in find_noise(text))


@pytest.mark.parametrize("pattern", load_patterns()[1], ids=lambda p: p.name)
def test_every_pattern_finds_its_own_examples(pattern):
    for example in pattern.examples:
        kinds = {s.kind for s in find_noise(example)}
        assert pattern.name in kinds, (pattern.name, example)


@pytest.mark.parametrize("text", [
    "构建“1+3+N”宣讲矩阵",          # numbers and letters inside a name
    "推行(APP)和(N)的方式",           # Latin in brackets without tone marks
    "党委(党组)理论学习中心组",        # Han in brackets
    "含地厅级班次23期、县处级班次102期",
    "……！！",                          # repeated sentence marks are meant
    "什么??",                           # question marks at the end, no Han after
])
def test_real_text_is_not_noise(text):
    assert find_noise(text) == []


def test_pinyin_insertions_in_seed_003_are_all_found():
    text = (SEEDS / "003_7274896f8d90830a.txt").read_text(encoding="utf-8")
    spans = [s for s in find_noise(text) if s.kind == "pinyin"]
    assert len(spans) >= 80
    for s in spans:
        inner = text[s.start + 1:s.end - 1]
        # a gloss is Latin letters (tone marks allowed) in brackets, right after a Han character
        assert text[s.start] in "(（" and text[s.end - 1] in ")）", text[s.start:s.end]
        assert inner and all(c.isalpha() and unicodedata.name(c).startswith("LATIN") for c in inner), inner
        assert "\u4e00" <= text[s.start - 1] <= "\u9fff"


def test_doubled_separator_keeps_the_first():
    text = "发展,,推进"
    (span,) = find_noise(text)
    assert (span.start, span.end) == (3, 4)


def test_mojibake_question_marks_before_han():
    text = "轄區群眾辦實事。??h人民醫院開展"
    (span,) = find_noise(text)
    assert text[span.start:span.end] == "??h"


def test_spans_are_sorted_and_disjoint():
    text = "創(chuàng)新,,http://x.cn/a-->鄉(xiāng)鎮(zhèn)"
    spans = find_noise(text)
    assert spans == sorted(spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert _removed(text) == "(chuàng),http://x.cn/a-->(xiāng)(zhèn)"
