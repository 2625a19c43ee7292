from collections import Counter

import pytest

from pdcnlp.corpus.splits import assign_pages, load_splits, save_splits, split_records


def _records(n_pages, group, script, per_page=3):
    return [{"id": f"{group}-{script}-{p}-{k}", "source": f"http://x/{group}/{script}/{p}.html",
             "campaign_group": group, "script": script} for p in range(n_pages) for k in range(per_page)]


def test_each_stratum_is_split_about_70_15_15():
    records = _records(40, "party_history_2021", "simplified") + _records(20, "local_work", "traditional")
    a = assign_pages(records)
    for group, script, n in (("party_history_2021", "simplified", 40), ("local_work", "traditional", 20)):
        c = Counter(s for p, s in a.items() if f"/{group}/{script}/" in p)
        assert sum(c.values()) == n
        assert abs(c["test"] - 0.15 * n) <= 1 and abs(c["dev"] - 0.15 * n) <= 1


def test_existing_pages_never_move_and_order_does_not_matter(tmp_path):
    records = _records(30, "g", "simplified")
    first = assign_pages(records)
    assert assign_pages(list(reversed(records))) == first
    more = records + _records(10, "h", "simplified")
    second = assign_pages(more, existing=first)
    assert {p: second[p] for p in first} == first
    path = tmp_path / "splits.json"
    save_splits(second, path)
    assert load_splits(path) == second


def test_split_records_keeps_pages_whole_and_refuses_unknown_pages():
    records = _records(20, "g", "simplified")
    parts = split_records(records, assign_pages(records))
    for split, rs in parts.items():
        for other, os_ in parts.items():
            if other != split:
                assert not {r["source"] for r in rs} & {r["source"] for r in os_}
    with pytest.raises(ValueError, match="no split"):
        split_records(records + [{"id": "x", "source": "new-page"}], assign_pages(records))
    assert len(split_records(records + [{"id": "x", "source": "seed.txt"}], assign_pages(records),
                             default="train")["train"]) == len(parts["train"]) + 1


def test_committed_corpus_splits_are_by_page_and_stratified():
    from conftest import ROOT
    from pdcnlp.corpus.splits import corpus_splits

    parts = corpus_splits(ROOT / "corpus")
    pages = {s: {r["source"] for r in rs} for s, rs in parts.items()}
    assert not pages["train"] & pages["test"] and not pages["dev"] & pages["test"] and not pages["train"] & pages["dev"]
    n_pages = sum(len(p) for p in pages.values())
    assert 0.12 <= len(pages["test"]) / n_pages <= 0.18
    for field in ("campaign_group", "script"):
        assert {r[field] for r in parts["train"] if field in r} == {r[field] for r in parts["test"]}
    assert all(r["source"].endswith(".txt") for r in parts["train"] if "campaign" not in r)  # only seeds lack it


def test_split_datasets_load_offline():
    pytest.importorskip("datasets")
    from conftest import ROOT
    from pdcnlp.corpus.splits import as_split_datasets

    dd = as_split_datasets(ROOT / "corpus")
    assert set(dd) == {"train", "dev", "test"} and len(dd["test"]) > 200
