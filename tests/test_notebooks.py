"""The notebooks run on the bundled seeds and show what they claim to show."""
import shutil
from pathlib import Path

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")


def _run(name: str, tmp_path: Path):
    work = tmp_path / "notebooks"
    work.mkdir()
    shutil.copy(ROOT / "notebooks" / name, work / name)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    nb = nbformat.read(work / name, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(work)}}).execute()
    return nb, work


def _outputs(nb, kind):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if kind in data:
                yield data[kind]


def _stderr(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stderr")


def _pngs(nb):
    import base64

    return [base64.b64decode(p) for p in _outputs(nb, "image/png")]


def test_quickstart_shows_entities_links_and_a_table(tmp_path):
    nb, _ = _run("01_quickstart.ipynb", tmp_path)
    html = "\n".join(_outputs(nb, "text/html"))
    assert "儀隴縣委老幹部局" in html            # an ORG, original script
    assert "measures" in html and "<svg" in html   # the quantity→target arcs
    assert "集體學習" in html and "4000余場次" in html   # the measurement table row
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    pngs = _pngs(nb)
    assert len(pngs) == 1 and len(pngs[0]) > 10_000       # the link figure, shown inline
    assert "missing from font" not in _stderr(nb)         # its Chinese drawn, not boxes


def test_campaign_report_writes_its_figures(tmp_path):
    nb, work = _run("02_campaign_report.ipynb", tmp_path)
    for png in ("events_vs_people.png", "top_activities.png"):
        assert (work / "figures" / png).stat().st_size > 10_000
    tables = "\n".join(_outputs(nb, "text/html"))
    assert "张掖市" in tables and "locality" in tables
    pngs = _pngs(nb)                                       # both charts shown inline, not only written
    assert len(pngs) == 2 and all(len(p) > 10_000 for p in pngs)
    assert "missing from font" not in _stderr(nb)
