"""No corpus record may come from a page reserved for outside evaluation."""
import subprocess
import sys

from conftest import ROOT, require_shared


def test_corpus_holds_no_reserved_page_or_sentence():
    checker = require_shared("../reserved") / "check_reserved.py"
    files = sorted(str(p) for p in (ROOT / "corpus").rglob("*.jsonl"))
    assert files
    out = subprocess.run([sys.executable, str(checker), *files], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
    assert "no reserved pages or sentences" in out.stdout


def test_claiming_refuses_a_reserved_page():
    # a page the search tool offered while the corpus was built, which the fingerprints reserve
    require_shared("../reserved")
    from training.claim_page import is_reserved
    assert is_reserved("http://sx-dj.gov.cn/ztzl/dsxxjy/1619966828681887745.html")
    assert not is_reserved("http://example.invalid/not-a-report.html")
