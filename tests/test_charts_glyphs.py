"""Charts draw Chinese with the bundled font on any machine, with no missing glyph.

The check is matplotlib's own: it warns "Glyph … missing from font(s) …"
for every character it draws as an empty box. The first test shows that
warning appears here without pdcnlp's font (this machine, like CI's, has
no CJK font), so the others, which require none, can fail.
"""
import io
import warnings

import pytest

from conftest import SEED_FILES, SEEDS

matplotlib = pytest.importorskip("matplotlib")
pytest.importorskip("pandas")
pytest.importorskip("fontTools")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from pdcnlp import charts, fonts  # noqa: E402


def _missing_glyph_warnings(draw):
    """Run ``draw`` (which returns a figure), render it to PNG, and return
    matplotlib's missing-glyph warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = draw()
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def _label_chart(labels):
    fig, ax = plt.subplots()
    ax.bar(labels, range(1, len(labels) + 1))
    ax.set_title("；".join(labels))
    return fig


def test_without_the_bundled_font_chinese_is_missing():
    """The failure the other tests guard against, seen: DejaVu Sans alone has no hanzi."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        missing = _missing_glyph_warnings(lambda: _label_chart(["儀隴縣", "张掖市"]))
    assert missing and "DejaVu Sans" in missing[0]


def test_campaign_charts_from_the_seeds_have_no_missing_glyph(tmp_path):
    import pdcnlp

    df = pdcnlp.extract(str(SEEDS))
    assert df["locality"].dropna().str.contains(r"[\u4e00-\u9fff]").any()
    assert not _missing_glyph_warnings(lambda: charts.plot_events_vs_people(df, tmp_path / "a.png"))
    assert not _missing_glyph_warnings(lambda: charts.plot_top_activities(df, tmp_path / "b.png"))
    assert (tmp_path / "a.png").stat().st_size > 10_000


def test_link_plot_in_traditional_script_has_no_missing_glyph(nlp):
    from pdcnlp.display import plot_links

    doc = nlp("依託張思德幹部學院舉辦黨史學習教育專題培訓班24期,輪訓黨員幹部3400余人次。")

    def draw():
        fig, ax = plt.subplots(figsize=(14, 3))
        plot_links(next(doc.sents), ax=ax)
        return fig

    assert not _missing_glyph_warnings(draw)


def test_own_charts_after_use_in_matplotlib():
    """A user's chart of Chinese labels, both scripts and full-width punctuation."""
    assert fonts.use_in_matplotlib() == fonts.FAMILY
    fonts.use_in_matplotlib()                                   # idempotent
    assert matplotlib.rcParams["font.family"].count(fonts.FAMILY) == 1
    assert not _missing_glyph_warnings(lambda: _label_chart(["黨史學習教育", "党史学习教育", "（資料圖）“重学”"]))


def test_bundled_font_is_the_one_matplotlib_finds():
    from matplotlib import font_manager

    fonts.use_in_matplotlib()
    found = font_manager.findfont(font_manager.FontProperties(family=fonts.FAMILY), fallback_to_default=False)
    assert found == str(fonts.FONT_PATH)


def test_font_covers_the_seeds_and_common_characters():
    text = "".join(p.read_text(encoding="utf-8") for p in SEED_FILES)
    assert not fonts.missing(text)
    gb2312_level1 = {bytes([a, b]).decode("gb2312") for a in range(0xB0, 0xD8) for b in range(0xA1, 0xFF)
                     if (a, b) < (0xD7, 0xFA)}
    assert len(gb2312_level1) == 3755 and not fonts.missing("".join(gb2312_level1))
    assert fonts.missing("𠀀") == {"𠀀"}     # outside the subset: reported, not silently passed
    assert fonts.FONT_PATH.stat().st_size < 3_000_000
    assert (fonts.FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
