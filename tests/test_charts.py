"""Report tables from the measurements table (charts.py)."""
from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

from pdcnlp.charts import CLASSES, locality_table, top_activities  # noqa: E402


def _df():
    return pd.DataFrame([
        {"locality": "仪陇县", "unit_class": "events", "value": 4000, "qualifier": "over", "target_simplified": "集体学习"},
        {"locality": "仪陇县", "unit_class": "people", "value": 30000, "qualifier": "exact", "target_simplified": None},
        {"locality": "仪陇县", "unit_class": "events", "value": 5, "qualifier": "exact", "target_simplified": "宣讲"},
        {"locality": None, "unit_class": "money", "value": 2.5, "qualifier": "approx", "target_simplified": None},
        {"locality": "南充市", "unit_class": "items", "value": 98, "qualifier": "exact", "target_simplified": None},
    ])


def test_locality_table_sums_by_class_and_counts_inexact_readings():
    t = locality_table(_df())
    assert list(t.columns) == [*CLASSES, "measurements", "inexact_readings"]
    assert list(t.index) == ["仪陇县", "(unknown)", "南充市"]       # by number of measurements
    row = t.loc["仪陇县"]
    assert (row["events"], row["people"], row["measurements"], row["inexact_readings"]) == (4005, 30000, 3, 1)
    assert t.loc["南充市", "events"] == 0 and t.loc["南充市", "items"] == 98 and t.loc["(unknown)", "money"] == 2.5


def test_top_activities_sums_event_targets():
    top = top_activities(_df(), n=1)
    assert top.to_dict() == {"集体学习": 4000}
