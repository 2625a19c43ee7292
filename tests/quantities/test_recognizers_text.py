"""Issue 14's outside check: ALL Recognizers-Text Chinese cases run; >= 90%
of the in-scope ones pass per model; every out-of-scope case is in a named
class; docs/quantity_specs.md shows the current numbers."""
from pathlib import Path

import pytest

from conftest import require_shared
from recognizers import FILES, OUT_OF_SCOPE, check_file, report

DOC = Path(__file__).resolve().parents[2] / "docs" / "quantity_specs.md"


@pytest.mark.shared_data
@pytest.mark.parametrize("model", list(FILES))
def test_recognizers_text_pass_rate(model):
    folder = require_shared("recognizers_text_zh")
    r = check_file(model, folder / FILES[model])
    assert r["in_scope"] + r["out_of_scope"] == r["total"]
    assert set(r["classes"]) <= set(OUT_OF_SCOPE)
    if model == "AgeModel":
        assert r["in_scope"] == 0  # ages are out by the guideline, all of them
        return
    assert r["in_scope"] >= 10, "scope rule left too few cases to mean anything"
    assert r["rate"] >= 0.90, "\n".join(r["failures"][:20])


@pytest.mark.shared_data
def test_specs_doc_is_current():
    folder = require_shared("recognizers_text_zh")
    table = report(folder)
    assert table in DOC.read_text(encoding="utf-8"), \
        "docs/quantity_specs.md is stale: regenerate it with python tests/quantities/recognizers.py --write"
