"""Regenerate the PNGs in docs/ from the bundled seeds, and the README's install sizes.

    python docs/make_figures.py                    # the PNGs (needs '.[charts]')
    python docs/make_figures.py --review           # docs/review.png (needs Chromium)
    python docs/make_figures.py --install-sizes    # the README's install-size table (minutes; uses pip)

* docs/links.png: one sentence of seed 000 with its entities and the arcs from
  each quantity to what it measures (pdcnlp.display.plot_links);
* docs/events_vs_people.png: events held vs people reached per locality
  (pdcnlp.charts), over all five seeds.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import pdcnlp  # noqa: E402
from pdcnlp import charts  # noqa: E402
from pdcnlp.display import plot_links  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


# What each install adds, measured on a fresh venv each (what a user gets)
INSTALLS = ["", "tables", "charts", "review", "dask", "notebooks", "train", "test"]


def _du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


def install_sizes() -> str:
    """Install ``.`` and ``.[extra]`` for each extra into fresh venvs and
    measure them with ``du``; returns the Markdown table for the README.
    Sizes are of the whole venv less a bare one (pip and setuptools)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare"
        subprocess.run([sys.executable, "-m", "venv", str(bare)], check=True)
        base_mb = _du_mb(bare)
        for extra in INSTALLS:
            venv = Path(tmp) / (extra or "base")
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            target = f"{ROOT}[{extra}]" if extra else str(ROOT)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", target], check=True)
            mb = _du_mb(venv) - base_mb
            rows.append((f"pip install '.[{extra}]'" if extra else "pip install .", mb))
            print(f"{rows[-1][0]}: {mb:.0f} MB", file=sys.stderr)
            shutil.rmtree(venv)
    lines = ["| install | size on disk (venv less a bare one) |", "|---|---:|"]
    lines += [f"| `{cmd}` | {mb:,.0f} MB |" for cmd, mb in rows]
    return "\n".join(lines)


def figures() -> None:
    nlp = pdcnlp.load()
    text = "依託張思德幹部學院舉辦黨史學習教育專題培訓班24期,輪訓黨員幹部3400余人次;張掖市301個黨委(黨組)、41個黨工委,辦結率分別達到99%和97%。"
    doc = nlp(text)
    fig, axes = plt.subplots(2, 1, figsize=(15, 5.5))
    for ax, sent in zip(axes, doc.sents):
        plot_links(sent, ax=ax)
    fig.suptitle("pdcnlp: entities, and what each quantity measures (arcs from number to target)")
    fig.tight_layout()
    fig.savefig(DOCS / "links.png", dpi=110)
    df = pdcnlp.extract(str(ROOT / "seeds"))
    charts.plot_events_vs_people(df, DOCS / "events_vs_people.png")
    print("wrote", DOCS / "links.png", DOCS / "events_vs_people.png")


def review_screenshot() -> None:
    from pdcnlp.review import screenshot, write_review

    os.chdir(ROOT)                  # the page shows the input path as given: relative, not this machine's
    page = write_review(["seeds/000_aee2db037343fe4f.txt"], DOCS / "review_seed000.html")
    screenshot(page, DOCS / "review.png", width=1300, height=1150)
    (DOCS / "review_seed000.html").unlink()
    print("wrote", DOCS / "review.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--install-sizes", action="store_true", help="print the README's install-size table")
    parser.add_argument("--review", action="store_true", help="docs/review.png: the review page of seed 000")
    args = parser.parse_args()
    if args.install_sizes:
        print(install_sizes())
    elif args.review:
        review_screenshot()
    else:
        figures()


if __name__ == "__main__":
    main()
