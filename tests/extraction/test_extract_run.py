"""Extraction at scale: inputs of every kind, resumption, engines agree."""
import csv
import json
import shutil

import pytest

from pdcnlp import extraction as ex
from pdcnlp.extraction import run as run_module
from pdcnlp.extraction.writers import TableWriter
from pdcnlp.schema import MEASUREMENT_COLUMNS
from pdcnlp.cli import EXIT_OK, EXIT_SKIPPED, main
from conftest import SEEDS

SAMPLE_S = "仪陇县委老干部局组织开展集体学习4000余场次,办结率分别达到99%和97%。"
SAMPLE_T = "儀隴縣委老幹部局組織開展集體學習4000余場次,辦結率分別達到99%和97%。"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture()
def corpus_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, d / p.name)
    return d


def test_encodings_empty_binary_and_non_chinese_files(tmp_path, caplog):
    d = tmp_path / "in"
    d.mkdir()
    (d / "gbk.txt").write_bytes(SAMPLE_S.encode("gbk"))
    (d / "big5.txt").write_bytes(SAMPLE_T.encode("big5"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "english.txt").write_text("No Chinese here at all.", encoding="utf-8")
    out = tmp_path / "o.csv"
    assert main(["extract", str(d), "-o", str(out), "-q"]) == EXIT_SKIPPED
    rows = _rows(out)
    assert {r["doc_id"] for r in rows} == {"gbk.txt", "big5.txt"}
    for r in rows:
        text = (d / r["doc_id"]).read_bytes().decode("gbk" if r["doc_id"] == "gbk.txt" else "big5")
        assert text[int(r["start"]):int(r["end"])] == r["quantity"]
    gbk = [r for r in rows if r["doc_id"] == "gbk.txt"]
    big5 = [r for r in rows if r["doc_id"] == "big5.txt"]
    assert [(r["value"], r["unit"]) for r in gbk] == [(r["value"], r["unit"]) for r in big5]
    errors = [json.loads(line) for line in (tmp_path / "o.csv.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    reasons = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "english.txt"}
    assert "binary" in reasons["binary.txt"] and reasons["english.txt"] == "no Chinese text"


def test_jsonl_and_html_inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    lines = [json.dumps({"id": "a", "content": SAMPLE_S}, ensure_ascii=False), "{broken",
             json.dumps({"id": "b", "content": "全市开展志愿服务活动6885场次。"}, ensure_ascii=False)]
    (d / "docs.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (d / "page.html").write_text(f"<html><head><style>p{{}}</style></head><body><p>{SAMPLE_S}</p>"
                                 "<script>var x=1;</script></body></html>", encoding="utf-8")
    rows = list(ex.iter_extract(str(d), text_field="content", id_field="id"))
    assert {r["doc_id"] for r in rows} == {"a", "b", "page.html"}
    assert [r["value"] for r in rows if r["doc_id"] == "b"] == [6885]


def test_api_dataframe_and_formats(corpus_dir, tmp_path):
    pd = pytest.importorskip("pandas")
    df = ex.extract(str(corpus_dir))
    assert list(df.columns) == list(MEASUREMENT_COLUMNS) and len(df) > 100
    assert set(df["unit_class"]) >= {"events", "people", "items", "money", "percent"}
    assert df.loc[df["quantity"] == "4000余場次", "target"].tolist() == ["集體學習"]
    ents = ex.extract(str(corpus_dir), table="entities")
    assert set(ents["label"]) == {"ORG", "GPE", "PROGRAMME", "QUANTITY"}
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / f"o.{fmt}"
        assert main(["extract", str(corpus_dir), "-o", str(out), "-q"]) == EXIT_OK
        back = pd.read_json(out, lines=True) if fmt == "jsonl" else pd.read_parquet(out)
        assert len(back) == len(df)
        assert back["quantity"].tolist() == df["quantity"].tolist()


def test_resumed_run_writes_exactly_the_rows_of_an_uninterrupted_one(corpus_dir, tmp_path, monkeypatch):
    full = tmp_path / "full.csv"
    ex.extract_to_files([str(corpus_dir)], full, progress=False)
    reference = _rows(full)

    out = tmp_path / "resumed.csv"
    real = run_module.run_tasks

    def killed(tasks, *args, **kwargs):
        for i, res in enumerate(real(tasks, *args, **kwargs)):
            if i == 2:
                # rows of the third file reach the table, then the run dies
                # before the done-log records it
                TableWriter(out, "csv", MEASUREMENT_COLUMNS).write(res.measurements[:3])
                raise KeyboardInterrupt
            yield res

    monkeypatch.setattr(run_module, "run_tasks", killed)
    with pytest.raises(KeyboardInterrupt):
        ex.extract_to_files([str(corpus_dir)], out, progress=False)
    monkeypatch.setattr(run_module, "run_tasks", real)
    partial = _rows(out)
    assert 0 < len(partial) < len(reference)
    summary = ex.extract_to_files([str(corpus_dir)], out, resume=True, progress=False)
    assert summary.tasks_skipped_as_done == 2
    assert _rows(out) == reference
    assert _rows(tmp_path / "resumed.entities.csv") == _rows(tmp_path / "full.entities.csv")


def test_two_processes_give_the_same_rows(corpus_dir):
    single = list(ex.iter_extract(str(corpus_dir)))
    multi = list(ex.iter_extract(str(corpus_dir), n_process=2))
    assert multi == single


def test_dask_local_cluster_gives_the_same_rows(corpus_dir):
    pytest.importorskip("distributed")
    single = list(ex.iter_extract(str(corpus_dir)))
    on_dask = list(ex.iter_extract(str(corpus_dir), dask=True))
    assert on_dask == single


def test_api_min_confidence_matches_filtering_the_scores(tmp_path):
    import pdcnlp

    src = next(SEEDS.glob("*.txt"))
    every = pdcnlp.extract(str(src), table="entities")
    assert every["confidence"].notna().any() and every.loc[every["origin"] == "rules", "confidence"].isna().all()
    t = float(every["confidence"].median())
    sure = pdcnlp.extract(str(src), table="entities", min_confidence=t)
    want = every[every["confidence"].isna() | (every["confidence"] >= t)]
    assert sure[["start", "end", "label"]].values.tolist() == want[["start", "end", "label"]].values.tolist()
    assert len(sure) < len(every)
    with pytest.raises(ValueError, match="min_confidence"):
        pdcnlp.extract(str(src), table="entities", min_confidence=2)
