"""Long documents in windows; one .jsonl shared by workers and Dask."""
import json

import pytest

from pdcnlp import extraction as ex
from pdcnlp.extraction.analyse import analyse_document
from pdcnlp.extraction.windows import windows
from pdcnlp.io import read
from conftest import SEEDS


def test_windows_tile_the_text_and_respect_both_limits():
    import random

    rng = random.Random(0)
    for _ in range(300):
        t = "".join(rng.choice("甲乙。\n，") if rng.random() < 0.01 else "字" for _ in range(rng.randint(1, 5000)))
        a = rng.randint(0, len(t) - 1)
        b = rng.randint(a + 1, len(t))
        w = windows(t, a, b, 300, 50)
        assert w[0][0] == a and w[-1][1] == b
        assert all(x[1] == y[0] for x, y in zip(w, w[1:])) and all(0 < e - s <= 300 for s, e in w)
    short = "短句。" * 10
    assert windows(short, 0, len(short)) == [(0, len(short))]


def test_a_document_longer_than_max_length_is_analysed_not_dropped(nlp):
    one = read(SEEDS / "002_9cf4878ccf6c084d.txt")
    body = one.body.rstrip() + "\n"
    long_doc = read(SEEDS / "002_9cf4878ccf6c084d.txt")
    long_doc.text = body * 30
    long_doc.body_start, long_doc.body_end = 0, len(long_doc.text)
    long_doc.meta_spans = {}
    single = read(SEEDS / "002_9cf4878ccf6c084d.txt")
    single.text, single.body_start, single.body_end, single.meta_spans = body, 0, len(body), {}
    old = nlp.max_length
    nlp.max_length = 50_000          # the 30 copies (~60k chars) would raise E088 whole
    try:
        ms, es = analyse_document(nlp, long_doc)
        ms1, _ = analyse_document(nlp, single)
    finally:
        nlp.max_length = old
    assert len(long_doc.text) > 50_000
    assert len(ms) == 30 * len(ms1) > 0
    for r in ms:
        assert long_doc.text[r["start"]:r["end"]] == r["quantity"]


@pytest.fixture(scope="module")
def one_jsonl(tmp_path_factory):
    d = tmp_path_factory.mktemp("jl")
    with open(d / "all.jsonl", "w", encoding="utf-8") as f:
        for p in sorted(SEEDS.glob("*.txt")):
            for para in p.read_text(encoding="utf-8").split("\n"):
                if len(para) > 40:
                    f.write(json.dumps({"text": para, "src": p.name}, ensure_ascii=False) + "\n")
    return d / "all.jsonl"


def test_one_jsonl_over_two_processes_and_dask_gives_the_same_rows(one_jsonl):
    single = list(ex.iter_extract(str(one_jsonl), chunk_records=4))
    assert len(single) > 50
    assert list(ex.iter_extract(str(one_jsonl), chunk_records=4, n_process=2)) == single
    pytest.importorskip("distributed")
    assert list(ex.iter_extract(str(one_jsonl), chunk_records=4, dask=True)) == single
