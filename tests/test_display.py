from pdcnlp.display import COLORS, link_chunks, render
from conftest import SEEDS


def test_links_join_quantities_to_their_targets(nlp):
    doc = nlp("開展集體學習4000余場次,辦結率分別達到99%和97%。")
    words, arcs = link_chunks(next(doc.sents))
    texts = [w["text"] for w in words]
    pairs = {(texts[a["start"]], texts[a["end"]]) for a in arcs}
    assert ("集體學習", "4000余場次") in pairs
    assert ("辦結率", "99%") in pairs and ("辦結率", "97%") in pairs
    assert all(a["dir"] == "left" for a in arcs)   # arrows point back to the target


def test_render_page_and_cli(nlp, tmp_path):
    doc = nlp("儀隴縣委老幹部局組織開展集體學習4000余場次。")
    page = render(doc, title="t", page=True)
    assert page.startswith("<!DOCTYPE html>") and "儀隴縣委老幹部局" in page and COLORS["ORG"] in page
    assert "measures" in page
    assert "<h4>" in render(doc)._repr_html_()

    from pdcnlp.cli import main

    out = tmp_path / "d.html"
    assert main(["display", str(SEEDS / "003_7274896f8d90830a.txt"), "-o", str(out)]) == 0
    assert "景縣" in out.read_text(encoding="utf-8")
