"""The bad-input corpus end to end (tests/make_bad_corpus.py): no crash, no
silent loss, every input ends as its EXPECT entry says, and the good files'
rows are those of a clean run."""
import csv
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from pdcnlp.cli import EXIT_SKIPPED, main
from conftest import SEEDS

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
import make_bad_corpus as mbc  # noqa: E402

COMMITTED = HERE / "data" / "bad_inputs"


def _csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _errors(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_committed_corpus_is_what_the_script_writes():
    files = mbc.small_files()
    assert sorted(p.name for p in COMMITTED.iterdir()) == sorted(files)
    for name, data in files.items():
        assert (COMMITTED / name).read_bytes() == data, name
    assert set(mbc.EXPECT) | {"records.jsonl"} == set(files)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    corpus = tmp / "corpus"
    shutil.copytree(COMMITTED, corpus)
    shutil.copytree(SEEDS, corpus / "good", ignore=shutil.ignore_patterns("*.md"))
    fs_expect = mbc.write_filesystem(corpus)
    out = tmp / "out" / "o.csv"
    try:
        code = main(["extract", str(corpus), "-o", str(out), "-q", "--max-doc-bytes", "400000"])
    finally:
        mbc.restore_permissions(corpus)
    clean = tmp / "clean"
    shutil.copytree(SEEDS, clean / "good", ignore=shutil.ignore_patterns("*.md"))
    clean_out = tmp / "clean_out" / "o.csv"
    assert main(["extract", str(clean), "-o", str(clean_out), "-q"]) == 0
    yield {"code": code, "corpus": corpus, "out": out, "fs_expect": fs_expect, "clean_out": clean_out}
    mbc.remove_deep_trees(corpus)


def _outcomes(run):
    """{key: set of outcomes} from the tables and the errors log."""
    corpus = str(run["corpus"])
    got = {}
    for r in _csv(run["out"].with_name("o.entities.csv")):
        got.setdefault(r["doc_id"], set()).add("rows")
    for e in _errors(str(run["out"]) + ".errors.jsonl"):
        if e["doc_id"] is not None:
            key = e["doc_id"]
        else:
            key = os.path.relpath(e["path"], corpus) if e["path"].startswith(corpus) else e["path"]
        got.setdefault(key, set()).add(e["action"])
    return got


def test_no_crash_and_every_input_ends_as_expected(bad_run):
    assert bad_run["code"] == EXIT_SKIPPED
    expect = dict(mbc.EXPECT)
    for line, what in mbc.jsonl_records_with_blank(mbc.JSONL_EXPECT).items():
        expect[f"records.jsonl:{line}"] = what
    expect.update(bad_run["fs_expect"])
    for p in sorted(SEEDS.glob("*.txt")):
        expect[f"good/{p.name}"] = "rows"
    got = _outcomes(bad_run)
    long_skips = [k for k in got if k.startswith("long/")]
    assert len(long_skips) == 1 and got[long_skips[0]] == {"skipped"}
    expect = {k: v for k, v in expect.items() if not k.startswith("long/")}
    problems = []
    for key, what in expect.items():
        want = {"rows", "salvaged"} if what == "salvaged" else {what}
        if got.get(key) != want:
            problems.append((key, what, got.get(key)))
    unexpected = sorted(set(got) - set(expect) - set(long_skips))
    assert not problems and not unexpected, (problems, unexpected)
    assert len(expect) >= 30 + 5


def test_reasons_are_specific(bad_run):
    errs = {(os.path.basename(e["path"]), e["record"]): e["reason"]
            for e in _errors(str(bad_run["out"]) + ".errors.jsonl")}
    assert "FIFO" in errs[("pipe.txt", None)]
    assert errs[("dangling.txt", None)] == "dangling symlink"
    assert "loop" in errs[("self_link.txt", None)]
    assert "binary" in errs[("binary.txt", None)]
    assert errs[("english_only.txt", None)] == "no Chinese text"
    assert "--max-doc-bytes" in errs[("over_cap.txt", None)]
    assert "--max-doc-bytes" in errs[("big_record.jsonl", 2)]
    assert "not valid JSON" in errs[("records.jsonl", 2)]
    assert "too long" in next(r for (p, _), r in errs.items() if p.startswith("x" * 200))
    assert "replaced" in errs[("utf8_few_bad_bytes.txt", None)]
    assert "line by line" in errs[("utf8_then_gbk.txt", None)]
    summary = json.loads(Path(str(bad_run["out"]) + ".summary.json").read_text(encoding="utf-8"))
    assert summary["status"] == "complete" and summary["skipped"] == sum(summary["reasons"].values())


def test_good_files_rows_are_those_of_a_clean_run(bad_run):
    # the mixed run's tables have more columns (the .jsonl fields): empty
    # for these files; every other column must be equal, path aside
    def good(rows, columns):
        return [{k: r[k] for k in columns if k != "path"} for r in rows if r["doc_id"].startswith("good/")]

    for table in ("o.csv", "o.entities.csv"):
        clean_rows = _csv(bad_run["clean_out"].with_name(table))
        columns = list(clean_rows[0])
        mixed_rows = _csv(bad_run["out"].with_name(table))
        assert good(mixed_rows, columns) == good(clean_rows, columns) and len(good(clean_rows, columns)) > 100
        extra = [c for c in mixed_rows[0] if c not in columns]
        assert {"year", "county", "tags", "field_path", "field_start"} <= set(extra)
        assert all(not r[c] for r in mixed_rows if r["doc_id"].startswith("good/") for c in extra)


def test_decoded_text_and_metadata_reach_the_tables(bad_run):
    rows = _csv(bad_run["out"])
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    plain = [(r["quantity"], r["value"]) for r in by_doc["utf8_plain.txt"]]
    for name in ("utf32_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt", "gbk.txt", "late_chinese.txt",
                 "odd_\\xff\\xfe_name.txt", "deep/" + "d/" * 1100 + "bottom.txt", "page.shtml", "page.htm"):
        assert [(r["quantity"], r["value"]) for r in by_doc[name]][:len(plain)] == plain, name
    r1 = by_doc["records.jsonl:1"][0]
    assert (r1["title"], r1["date"], r1["date_raw"], r1["url"], r1["year"], r1["county"], r1["tags"]) == (
        "仪陇县", "2021-12-31T10:23", "2021年12月31日 10:23", "http://a.gov.cn/1.shtml", "2021", "仪陇",
        '["党史", "学习"]')
    assert by_doc["records.jsonl:8"][0]["date"] == "2022-01-24T09:41:00"   # record 7 (after the blank line)
    assert by_doc["records.jsonl:10"][0]["field_path"] == "shadows a column"
    page = by_doc["page.shtml"][0]
    assert page["title"] == "仪陇县开展党史学习教育" and page["date"].startswith("2022-01-24") and page["site"]
    assert "<" not in "".join(r["sentence"] for r in by_doc["page.shtml"])
    header = by_doc["header_and_body.txt"][0]
    assert (header["source"], header["date"], header["editor"]) == ("中國網", "2022-01-24T09:41:00", "楊仁昌")
    ents = _csv(bad_run["out"].with_name("o.entities.csv"))
    e1 = next(e for e in ents if e["doc_id"] == "records.jsonl:1")
    assert e1["date"] == "2021-12-31T10:23" and e1["county"] == "仪陇"
    seed = "good/000_aee2db037343fe4f.txt"
    assert {e["locality"] for e in ents if e["doc_id"] == seed} == {r["locality"] for r in by_doc[seed]} == {"仪陇县"}
