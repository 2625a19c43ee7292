"""pdcnlp extract as a user meets it: bad usage is exit 2 with one line,
sidecars named from the full output name, --version, JSONL fields and ids."""
import csv
import json
import subprocess
import sys

import pytest

from pdcnlp.cli import EXIT_NOTHING, EXIT_OK, EXIT_USAGE, main
from conftest import ROOT, SEED_FILES, SEEDS

S = "仪陇县委老干部局组织开展集体学习4000余场次，办结率分别达到99%和97%。"


@pytest.mark.parametrize("args,says", [
    (["-o", "{t}/out.xlsx"], "name the output .csv, .jsonl or .parquet"),
    (["--format", "parquet", "-o", "{t}/out.csv"], "--format is parquet"),
    (["--n-process", "0", "-o", "{t}/o.csv"], "--n-process"),
    (["--max-doc-bytes", "-1", "-o", "{t}/o.csv"], "--max-doc-bytes"),
    (["--min-confidence", "1.5", "-o", "{t}/o.csv"], "--min-confidence"),
    (["--no-such-flag"], "unrecognized arguments"),
])
def test_bad_usage_is_exit_2_with_one_line(tmp_path, capsys, args, says):
    argv = ["extract", str(SEEDS), "-q"] + [a.format(t=tmp_path) for a in args]
    with pytest.raises(SystemExit) if "--no-such-flag" in args else _nothing() as e:
        code = main(argv)
    code = e.value.code if hasattr(e, "value") else code
    err = capsys.readouterr().err.strip()
    assert code == EXIT_USAGE and says in err and len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out.csv").exists()


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def test_parquet_without_pyarrow_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "o.parquet"), "-q"]) == EXIT_USAGE
    assert "pip install 'pdcnlp[tables]'" in capsys.readouterr().err


def test_version_and_sidecars_of_two_formats_in_one_folder(tmp_path):
    v = subprocess.run([sys.executable, "-m", "pdcnlp.cli", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert v.returncode == 0 and v.stdout.startswith("pdcnlp ")
    for name in ("o.csv", "o.jsonl"):
        assert main(["extract", str(SEEDS), "-o", str(tmp_path / name), "-q"]) == EXIT_OK
    for name in ("o.csv", "o.jsonl"):
        for side in (".done", ".errors.jsonl", ".summary.json"):
            assert (tmp_path / (name + side)).exists()
    assert (tmp_path / "o.entities.csv").exists() and (tmp_path / "o.entities.jsonl").exists()


def test_jsonl_ids_fields_and_keep_fields(tmp_path):
    d = tmp_path / "in"
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    recs = [{"text": S, "id": "x1", "title": "题", "date": "2022/1/24", "year": 2022, "county": "仪陇"},
            {"text": S, "id": "x2", "year": 2021, "url": "http://a"}]
    for sub in ("a", "b"):
        (d / sub / "r.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n",
                                         encoding="utf-8")
        (d / sub / "report.txt").write_text(S, encoding="utf-8")
    out = tmp_path / "o.csv"
    assert main(["extract", str(d), "-o", str(out), "-q"]) == EXIT_OK
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert {r["doc_id"] for r in rows} == {"a/r.jsonl:1", "a/r.jsonl:2", "b/r.jsonl:1", "b/r.jsonl:2",
                                           "a/report.txt", "b/report.txt"}
    r1 = next(r for r in rows if r["doc_id"] == "a/r.jsonl:1")
    assert (r1["title"], r1["date"], r1["date_raw"], r1["year"], r1["county"], r1["id"], r1["record"]) == (
        "题", "2022-01-24", "2022/1/24", "2022", "仪陇", "x1", "1")
    out2 = tmp_path / "o2.csv"
    assert main(["extract", str(d / "a"), "-o", str(out2), "-q", "--id-field", "id", "--keep-fields", "year"]) == 0
    rows = list(csv.DictReader(open(out2, encoding="utf-8")))
    assert {r["doc_id"] for r in rows} == {"x1", "x2", "report.txt"}
    assert "year" in rows[0] and "county" not in rows[0] and "id" not in rows[0]


def test_many_files_of_one_name_stay_many_documents(tmp_path):
    d = tmp_path / "scraped"
    for i in range(12):
        (d / f"county_{i}").mkdir(parents=True)
        (d / f"county_{i}" / "report.txt").write_text(S, encoding="utf-8")
    out = tmp_path / "o.csv"
    assert main(["extract", str(d), "-o", str(out), "-q"]) == EXIT_OK
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert len({r["doc_id"] for r in rows}) == 12


def test_jsonl_lines_end_at_newline_only(tmp_path):
    from pdcnlp.io import iter_documents

    p = tmp_path / "r.jsonl"
    recs = [{"text": "甲\u2028" + S + "\u2029乙\u0085"}, {"text": S}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    docs = list(iter_documents([str(p)]))
    assert [d.record for d in docs] == [1, 2] and docs[0].text == recs[0]["text"]


def test_nothing_to_read_is_exit_4(tmp_path):
    assert main(["extract", str(tmp_path / "none*.txt"), "-o", str(tmp_path / "o.csv"), "-q"]) == EXIT_NOTHING


def test_unwritable_output_is_exit_5_in_one_line(tmp_path, capsys):
    from pdcnlp.cli import EXIT_OUTPUT

    (tmp_path / "a_file").write_text("x")
    code = main(["extract", str(SEEDS), "-o", str(tmp_path / "a_file" / "o.csv"), "-q"])
    err = capsys.readouterr().err.strip()
    assert code == EXIT_OUTPUT and "output error" in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_output_that_is_a_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(SEEDS), "-o", str(tmp_path), "-q"]) == EXIT_USAGE
    assert "is a folder" in capsys.readouterr().err


def test_records_per_task_one_resumes_at_the_exact_record(tmp_path, monkeypatch):
    from pdcnlp.extraction import run as run_module

    p = tmp_path / "r.jsonl"
    p.write_text("\n".join(json.dumps({"text": S.replace("4000", str(1000 + i))}, ensure_ascii=False)
                           for i in range(6)) + "\n", encoding="utf-8")
    ref = tmp_path / "ref.csv"
    assert main(["extract", str(p), "-o", str(ref), "-q", "--records-per-task", "1"]) == EXIT_OK
    real = run_module.run_tasks

    def killed(tasks, *a, **k):
        for i, res in enumerate(real(tasks, *a, **k)):
            if i == 4:
                raise KeyboardInterrupt
            yield res

    out = tmp_path / "o.csv"
    monkeypatch.setattr(run_module, "run_tasks", killed)
    assert main(["extract", str(p), "-o", str(out), "-q", "--records-per-task", "1"]) == 130
    monkeypatch.undo()
    done = (tmp_path / "o.csv.done").read_text(encoding="utf-8").splitlines()
    assert [json.loads(d)["key"] for d in done][1:] == [f"r.jsonl#{i}-{i}" for i in range(1, 5)]
    assert main(["extract", str(p), "-o", str(out), "-q", "--resume"]) == EXIT_OK
    assert out.read_bytes() == ref.read_bytes()


def test_min_confidence_filters_model_entities_and_counts_them(tmp_path):
    src = SEED_FILES[0]
    assert main(["extract", str(src), "-o", str(tmp_path / "all.csv"), "-q"]) == EXIT_OK
    every = list(csv.DictReader(open(tmp_path / "all.entities.csv", encoding="utf-8")))
    scores = sorted({float(r["confidence"]) for r in every if r["confidence"]})
    assert len(scores) > 2 and {r["origin"] for r in every if not r["confidence"]} == {"rules"}
    t = scores[len(scores) // 2]                 # a threshold that drops some and keeps some
    assert main(["extract", str(src), "-o", str(tmp_path / "sure.csv"), "-q", "--min-confidence", str(t)]) == 0
    sure = list(csv.DictReader(open(tmp_path / "sure.entities.csv", encoding="utf-8")))

    def key(r):
        return r["start"], r["end"], r["label"]

    want = [key(r) for r in every if not r["confidence"] or float(r["confidence"]) >= t]
    assert [key(r) for r in sure] == want and 0 < len(want) < len(every)
    summary = json.loads((tmp_path / "sure.csv.summary.json").read_text(encoding="utf-8"))
    assert summary["min_confidence"] == t and summary["entities_dropped"] == len(every) - len(want)
    assert json.loads((tmp_path / "all.csv.summary.json").read_text(encoding="utf-8"))["entities_dropped"] == 0
