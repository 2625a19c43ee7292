"""Regenerate the PNGs in docs/ from the bundled seeds.

    python docs/make_figures.py

* docs/links.png: one sentence of seed 000 with its entities and the arcs from
  each quantity to what it measures (pdcnlp.display.plot_links);
* docs/events_vs_people.png: events held vs people reached per locality
  (pdcnlp.charts), over all five seeds.
"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import pdcnlp  # noqa: E402
from pdcnlp import charts  # noqa: E402
from pdcnlp.display import plot_links  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def main() -> None:
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


if __name__ == "__main__":
    main()
