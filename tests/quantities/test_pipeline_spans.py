"""Quantities through the whole pipeline: spans on the original text, noise
right after a quantity stays outside it, spaces inside stay inside."""
import pytest


@pytest.mark.parametrize("text,span,value", [
    ("共有3個(gè)人參加", "3個", 3),
    ("共 12 个单位", "12 个", 12),
    ("培训 3 万余名党员", "3 万余名", 30000),
    ("惠及1.1万人", "1.1万人", 11000),
    ("用了两个半小时", "两个半小时", 2.5),
])
def test_pipeline_span(nlp, text, span, value):
    """The reported span (Measurement.text/offsets, what rows and as_dict
    carry) is trimmed of noise at its edges; the token span under it keeps
    the noise its token carries (the tokenizer attaches 個(gè) as one token)."""
    doc = nlp(text)
    (m,) = doc._.measurements
    s, e = m.offsets
    assert m.text == text[s:e] == span and m.value == value
    assert type(m.value) is type(value)
    assert m.as_dict()["text"] == span


def test_pipeline_survives_digit_runs_and_broken_numerals(nlp):
    doc = nlp("身份证号" + "9" * 400 + "，账户" + "亿" * 200 + "，1点²，三点①，负3个")
    assert [(m.span.text, m.value) for m in doc._.measurements] == [("负3个", -3)]
