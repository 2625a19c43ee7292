"""The corpus authoring markup (training/markup.py)."""
from __future__ import annotations

import pytest

from training.markup import MarkupError, parse_file, parse_line, render


def test_entities_targets_links_and_readings():
    b = parse_line("000-1", "{[儀隴縣|GPE]集體學習|1}[4000余場次|QUANTITY@1=4000/over/场次]")
    assert b.text == "儀隴縣集體學習4000余場次"
    assert b.entities == [(0, 3, "GPE"), (7, 14, "QUANTITY")]
    assert b.targets == {"1": (0, 7)}
    assert b.links == [((7, 14), "1")]
    assert b.readings == {(7, 14): "4000/over/场次"}


@pytest.mark.parametrize("line, message", [
    ("[县委|PERSON]", "bad label"),
    ("[县委|ORG@1]{学习|1}", "only a QUANTITY"),
    ("[3次|QUANTITY@2]", "missing target"),
    ("县委]", "stray"),
    ("[县委", "unclosed"),
    ("{学习|1}{会议|1}", "used twice"),
    ("[|ORG]", "empty span"),
])
def test_errors_say_what_is_wrong(line, message):
    with pytest.raises(MarkupError, match=message):
        parse_line("x", line)


def test_render_is_the_inverse_of_parse_line():
    line = "{[儀隴縣|GPE]集體學習|1}[4000余場次|QUANTITY@1=4000/over/场次]"
    b = parse_line("x", line)
    assert render(b.text, b.entities, b.targets, dict(b.links), b.readings) == line


def test_parse_file_reads_blocks_and_comments():
    blocks = parse_file("# a comment\n@000-1\n[县委|ORG]开会\n\n@000-2\n学习\n")
    assert [(b.id, b.text) for b in blocks] == [("000-1", "县委开会"), ("000-2", "学习")]
    with pytest.raises(MarkupError, match="before the first"):
        parse_file("text without id\n")
