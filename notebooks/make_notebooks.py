"""Write the two notebooks from this script, so their cells are reviewed as code.

    python notebooks/make_notebooks.py

The notebooks are committed without outputs; CI executes them
(tests/test_notebooks.py) and checks what they show, figures included.
Open them with ``pip install '.[notebooks]'`` and ``jupyter lab notebooks/``
(README, "Notebooks").
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

QUICKSTART = [
    new_markdown_cell("# pdcnlp quickstart\n\nLoad the pipeline, run it on one Traditional and one Simplified "
                      "report, look at the entities and at what each number counts. Everything points into the "
                      "original text, in its original script."),
    new_code_cell("import pdcnlp\nfrom pathlib import Path\nfrom IPython.display import display\n\n"
                  "SEEDS = Path('..') / 'seeds' if (Path('..') / 'seeds').exists() else Path('seeds')\n"
                  "nlp = pdcnlp.load()\nnlp.pipe_names"),
    new_markdown_cell("## A Traditional-script report (seed 000, 儀隴縣) and a Simplified one (seed 001, 张掖市)"),
    new_code_cell("trad = pdcnlp.read(SEEDS / '000_aee2db037343fe4f.txt')\n"
                  "simp = pdcnlp.read(SEEDS / '001_960fa6374dae6690.txt')\n"
                  "print(trad.meta)\nprint(simp.meta)\n"
                  "doc_t = nlp(trad.body)\ndoc_s = nlp(simp.body)\n"
                  "len(doc_t.ents), len(doc_s.ents)"),
    new_markdown_cell("## Entities, in pdcnlp's label colours"),
    new_code_cell("from pdcnlp.display import render, render_entities, render_links\n"
                  "from IPython.display import HTML\n"
                  "first = next(doc_t.sents)\n"
                  "HTML(render_entities(nlp(trad.body[:600])))"),
    new_markdown_cell("## What each quantity measures\n\nEach arc goes from a number to the phrase it counts."),
    new_code_cell("HTML(render_links(nlp(trad.body[:900])))"),
    new_markdown_cell("## The same as a table"),
    new_code_cell("import pandas as pd\n"
                  "rows = [m.as_dict() for m in doc_t._.measurements]\n"
                  "table = pd.DataFrame(rows)[['text', 'value', 'qualifier', 'unit', 'unit_class', 'target']]\n"
                  "assert len(table) > 20 and table['target'].notna().mean() > 0.9\n"
                  "table.head(15)"),
    new_code_cell("simp_rows = pd.DataFrame([m.as_dict() for m in doc_s._.measurements])\n"
                  "assert (simp_rows['text'] == '9.5万多名').any()\n"
                  "simp_rows[['text', 'value', 'qualifier', 'unit', 'target']].head(10)"),
    new_markdown_cell("## The links as a figure\n\nThe same arcs drawn with matplotlib, for a report or a slide. "
                      "Chinese is drawn with the CJK font pdcnlp ships, so it reads on any machine."),
    new_code_cell("import matplotlib.pyplot as plt\nfrom pdcnlp.display import plot_links\n\n"
                  "sent = nlp('依託張思德幹部學院舉辦黨史學習教育專題培訓班24期,輪訓黨員幹部3400余人次。')\n"
                  "fig, ax = plt.subplots(figsize=(14, 3))\nplot_links(next(sent.sents), ax=ax)\nplt.show()"),
    new_markdown_cell("## Check a whole document in the browser\n\n"
                      "`pdcnlp review ../seeds/000_aee2db037343fe4f.txt -o review.html` writes one page with the "
                      "marked text, an arrow from each quantity to what it measures, and the table beside it."),
]

REPORT = [
    new_markdown_cell("# Campaign report from the five seed articles\n\nExtract every measurement, then compare "
                      "localities: how many events were held and how many people were reached, and which "
                      "activities were counted most."),
    new_code_cell("import pdcnlp\nimport matplotlib.pyplot as plt\nfrom pathlib import Path\nfrom pdcnlp import charts\n\n"
                  "SEEDS = Path('..') / 'seeds' if (Path('..') / 'seeds').exists() else Path('seeds')\n"
                  "FIGURES = Path('figures')\nFIGURES.mkdir(exist_ok=True)\n"
                  "df = pdcnlp.extract(str(SEEDS))\n"
                  "assert len(df) > 100\n"
                  "df[['doc_id', 'locality', 'target', 'quantity', 'value', 'qualifier', 'unit_class']].head()"),
    new_markdown_cell("## One row per locality\n\nSums of the values as read; `inexact_readings` counts the "
                      "values reported as 'over', 'under' or 'approx' (so the sums are bounds, not counts)."),
    new_code_cell("table = charts.locality_table(df)\nassert len(table) >= 4\ntable"),
    new_markdown_cell("## Events vs people reached"),
    new_code_cell("fig = charts.plot_events_vs_people(df, FIGURES / 'events_vs_people.png')\n"
                  "assert (FIGURES / 'events_vs_people.png').stat().st_size > 10_000\nplt.show()"),
    new_markdown_cell("## Top activities by number of events"),
    new_code_cell("top = charts.top_activities(df)\nprint(top)\n"
                  "fig = charts.plot_top_activities(df, FIGURES / 'top_activities.png')\n"
                  "assert (FIGURES / 'top_activities.png').stat().st_size > 10_000\nplt.show()"),
]


def main() -> None:
    for name, cells in (("01_quickstart.ipynb", QUICKSTART), ("02_campaign_report.ipynb", REPORT)):
        nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}})
        nbformat.write(nb, HERE / name)
        print("wrote", HERE / name)


if __name__ == "__main__":
    main()
