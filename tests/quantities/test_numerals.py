import pytest

from pdcnlp.quantities.numerals import parse_number


@pytest.mark.parametrize("text,value", [
    ("4000", 4000), ("1,000", 1000), ("12.5", 12.5), ("3.8万", 38000), ("9.5万", 95000),
    ("20.8亿", 2_080_000_000), ("2250万", 22_500_000), ("5亿1万4千6百", 500_014_600),
    ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("一百一十", 110),
    ("四千五百六十九", 4569), ("两", 2), ("兩", 2), ("百", 100), ("千", 1000), ("万", 10_000),
    ("三万五", 35_000), ("一千二", 1200), ("二〇二一", 2021), ("两百点两", 200.2),
    ("三千万亿", 3 * 10**15), ("一万亿", 10**12), ("负0.2", -0.2), ("陆", 6), ("壹佰", 100),
    ("萬", 10_000), ("億", 10**8),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "党", "1.2.3", "点", "三点"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_integral_values_are_ints():
    assert isinstance(parse_number("3.8万"), int)
    assert isinstance(parse_number("12.5"), float)
