"""The review page: what it contains, and what a real browser makes of it.

The browser tests run headless Chromium (Debian's ``chromium``). They skip
with a reason where it is absent, and fail instead when
PDCNLP_REQUIRE_BROWSER=1 (CI sets it and installs Chromium).
"""
import os
import re
from pathlib import Path

import pytest

from conftest import SEEDS
from pdcnlp.display import COLORS
from pdcnlp.review import analyse, dump_dom, find_chromium, review_html, screenshot

SEED = SEEDS / "000_aee2db037343fe4f.txt"


@pytest.fixture(scope="module")
def seed_page(nlp, tmp_path_factory):
    documents, notes = analyse([SEED], nlp=nlp)
    path = tmp_path_factory.mktemp("review") / "review.html"
    path.write_text(review_html(documents, notes), encoding="utf-8")
    measurements = [m for p in documents[0].parts for m in p.doc._.measurements]
    return path, measurements


def require_browser() -> str:
    exe = find_chromium()
    if exe is None:
        if os.environ.get("PDCNLP_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here (PDCNLP_REQUIRE_BROWSER=1) but not found")
        pytest.skip("no Chromium on this machine (apt-get install chromium, or set PDCNLP_CHROMIUM)")
    return exe


def test_page_marks_entities_readings_and_targets(seed_page):
    path, measurements = seed_page
    page = path.read_text(encoding="utf-8")
    assert "儀隴縣委老幹部局" in page                      # original script, not the Simplified view
    for label in ("ORG", "GPE", "PROGRAMME", "QUANTITY"):
        assert COLORS[label] in page
    rows = re.findall(r'<tr data-m="d0p\d-(\d+)">', page)
    assert len(rows) == len(measurements) > 20             # one table row per measurement
    linked = [i for i, m in enumerate(measurements, 1) if m.target is not None]
    starts = re.findall(r'data-first="([^"]+)"', page)
    assert len({t for s in starts for t in s.split()}) == len(linked)   # every target underlined, once
    assert "&gt;4,000 场次" in page and "集體學習" in page        # 4000余場次: its reading, and what it counts
    assert "give none per entity or link yet" in page      # no confidence column pretending to have values


def test_page_is_self_contained(seed_page):
    page = seed_page[0].read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)
    assert not re.search(r"url\((?!data:|#)", page)             # url(#…): the arrowhead marker
    assert "@font-face" in page and "data:font/woff;base64," in page   # the font travels with the page


def test_confidence_column_appears_when_measurements_carry_one(nlp):
    documents, _ = analyse([SEED], nlp=nlp)
    ms = documents[0].parts[-1].doc._.measurements

    class WithConfidence:
        def __init__(self, m, c):
            self._m, self.confidence = m, c

        def __getattr__(self, name):
            return getattr(self._m, name)

    from pdcnlp.review import _measure_table

    table = _measure_table("x-", [WithConfidence(m, 0.5) for m in ms[:3]])
    assert "<th>confidence</th>" in table and "0.50" in table and "give none" not in table


def test_cli_review_of_a_folder(tmp_path):
    from pdcnlp.cli import main

    out = tmp_path / "review.html"
    assert main(["review", str(SEEDS), "-o", str(out), "--max-docs", "3"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<section>") == 3 and "only the first 3 documents" in page
    assert main(["review", str(tmp_path / "missing"), "-o", str(tmp_path / "x.html")]) == 4


def test_chromium_renders_the_page_without_script_errors(seed_page, tmp_path):
    require_browser()
    path, measurements = seed_page
    dom, log = dump_dom(path)
    root = re.search(r"<html[^>]*>", dom).group(0)
    assert 'data-review="ready"' in root                           # the page's script ran to the end
    assert 'data-errors="0"' in root and "Uncaught" not in log    # and raised nothing
    linked = sum(m.target is not None for m in measurements)
    assert f'data-arrows="{linked}"' in root                       # one arrow per quantity with a target


def test_script_errors_would_be_caught(seed_page, tmp_path):
    """The check above can fail: a page whose script throws is reported."""
    require_browser()
    broken = tmp_path / "broken.html"
    broken.write_text(seed_page[0].read_text(encoding="utf-8").replace(
        "</body>", "<script>notDefined();</script></body>"), encoding="utf-8")
    dom, log = dump_dom(broken)
    assert 'data-errors="1"' in re.search(r"<html[^>]*>", dom).group(0)
    assert "Uncaught ReferenceError" in log


def test_screenshot_shows_the_marked_text(seed_page, tmp_path):
    require_browser()
    Image = pytest.importorskip("PIL.Image")
    np = pytest.importorskip("numpy")
    png = screenshot(seed_page[0], tmp_path / "review.png", width=1200, height=900)
    pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
    assert pixels.shape == (900, 1200, 3)
    assert (pixels.sum(axis=2) < 600).mean() > 0.02             # not blank: text and marks drawn

    def share(hex_colour):
        rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
        return (np.abs(pixels - rgb).max(axis=2) <= 6).mean()

    for label in ("ORG", "GPE", "PROGRAMME", "QUANTITY"):      # every label's colour is on screen
        assert share(COLORS[label]) > 0.0005, label
