"""Every row of docs/quantities.md's reading tables, checked against the reader."""
import re
from pathlib import Path

import pytest

from pdcnlp.text.normalize import normalize
from pdcnlp.quantities import find_quantities

DOC = Path(__file__).resolve().parents[2] / "docs" / "quantities.md"


def _rows():
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("text", "") or set(cells[0]) <= set("-"):
            continue
        rows.append(cells)
    return rows


def _num(s):
    return int(s) if re.fullmatch(r"-?\d+", s) else float(s)


def test_doc_has_rows():
    assert len(_rows()) >= 80


@pytest.mark.parametrize("text,span,value,qualifier,high,unit", _rows())
def test_doc_row(text, span, value, qualifier, high, unit):
    got = [(q.text, q.value, q.qualifier, q.high, q.unit) for q in find_quantities(normalize(text).clean)]
    if span == "—":
        assert got == []
    else:
        want = (span, _num(value), qualifier, _num(high) if high else None, unit)
        assert got == [want]
