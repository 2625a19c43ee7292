"""Issue 4's outside check: >= 95% of in-scope Recognizers-Text cases per file."""
import pytest

from conftest import require_shared
from recognizers import FILES, check_file


@pytest.mark.shared_data
@pytest.mark.parametrize("model", list(FILES))
def test_recognizers_text_pass_rate(model):
    folder = require_shared("recognizers_text_zh")
    r = check_file(model, folder / FILES[model])
    assert r["in_scope"] >= 10, "scope rule left too few cases to mean anything"
    assert r["rate"] >= 0.95, "\n".join(r["failures"][:20])
