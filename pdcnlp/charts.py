"""Campaign-report tables and charts from the measurements table.

Pure pandas/matplotlib helpers (``pip install '.[charts]'``) used by
``notebooks/02_campaign_report.ipynb`` and ``docs/make_figures.py``: a table per locality (events held, people
reached, items delivered, money), events vs people per locality, and the top
activities by count. Values are summed as read (a "4000余场次" counts as
4000); the qualifier column says which sums are lower bounds. Chinese
labels are drawn with pdcnlp's bundled CJK font (:mod:`pdcnlp.fonts`), so the
charts read the same on a machine with no CJK font installed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from .schema import UNIT_CLASSES

# The unit classes that are counts worth summing per locality.
CLASSES = UNIT_CLASSES[:4]   # events, people, items, money


def locality_table(df):
    """One row per locality: sums of value by unit class, and how many of
    the summed readings were "over"/"under"/"approx" (lower/upper bounds)."""

    d = df.copy()
    d["locality"] = d["locality"].fillna("(unknown)")
    sums = d[d["unit_class"].isin(CLASSES)].pivot_table(index="locality", columns="unit_class", values="value",
                                                        aggfunc="sum", fill_value=0)
    for c in CLASSES:
        if c not in sums:
            sums[c] = 0
    sums = sums[list(CLASSES)]
    sums["measurements"] = d.groupby("locality").size()
    sums["inexact_readings"] = d[d["qualifier"] != "exact"].groupby("locality").size()
    sums = sums.fillna(0).astype({"measurements": int, "inexact_readings": int})
    return sums.sort_values("measurements", ascending=False)


def top_activities(df, n: int = 12):
    """Targets of event counts (场次, 次, 期 …) by summed value, in Simplified script."""
    ev = df[(df["unit_class"] == "events") & df["target_simplified"].notna()]
    return ev.groupby("target_simplified")["value"].sum().sort_values(ascending=False).head(n)


def _setup_font():
    """Chinese labels drawn with the bundled CJK font wherever the machine has
    none (pdcnlp.fonts); without this a fresh machine shows empty boxes."""
    from .fonts import use_in_matplotlib

    return use_in_matplotlib()


def plot_events_vs_people(df, path: Optional[Union[str, Path]] = None):
    """Events held vs people reached per locality (two bars each, log scale)."""
    import matplotlib.pyplot as plt   # the backend is the caller's: inline in Jupyter, Agg in scripts

    _setup_font()
    table = locality_table(df)
    fig, ax = plt.subplots(figsize=(9, 4.5))
    table[["events", "people"]].plot.bar(ax=ax, logy=True, color=["#f4a261", "#2a9d8f"])
    ax.set_ylabel("sum of reported values (log)")
    ax.set_xlabel("")
    ax.set_title("Events held and people reached, by locality")
    ax.legend(["events (场次, 次, 期…)", "people (人次, 人, 名…)"])
    plt.xticks(rotation=0)
    fig.tight_layout()
    if path:
        fig.savefig(path, dpi=120)
    return fig


def plot_top_activities(df, path: Optional[Union[str, Path]] = None, n: int = 12):
    import matplotlib.pyplot as plt   # the backend is the caller's: inline in Jupyter, Agg in scripts

    _setup_font()
    top = top_activities(df, n)[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(top) + 1.2))
    ax.barh([t if len(t) <= 18 else t[:18] + "…" for t in top.index], top.values, color="#f4a261")
    ax.set_xlabel("events reported (sum of values)")
    ax.set_title("Top activities by number of events")
    fig.tight_layout()
    if path:
        fig.savefig(path, dpi=120)
    return fig
