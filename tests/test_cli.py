import csv

from pdcnlp.cli import EXIT_NOTHING, EXIT_OK, EXIT_SKIPPED, main
from conftest import SEEDS


def _rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_extract_seeds_writes_rows_that_point_into_the_files(tmp_path):
    out = tmp_path / "seeds.csv"
    assert main(["extract", str(SEEDS), "-o", str(out), "-q"]) == EXIT_OK
    rows = _rows(tmp_path / "seeds.entities.csv")
    assert {r["doc_id"] for r in rows} == {p.name for p in SEEDS.glob("*.txt")}
    assert {"ORG", "GPE", "PROGRAMME", "QUANTITY"} <= {r["label"] for r in rows}
    texts = {}
    for r in rows:
        text = texts.setdefault(r["path"], open(r["path"], encoding="utf-8").read())
        assert text[int(r["start"]):int(r["end"])] == r["text"]
        assert r["text"] in text[int(r["sent_start"]):int(r["sent_end"])]
    assert any(r["text"] == "4000余場次" and r["text_simplified"] == "4000余场次" for r in rows)


def test_bad_files_are_skipped_and_reported(tmp_path, caplog):
    good = tmp_path / "good.txt"
    good.write_text("開展集體學習4000余場次。", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "o.csv"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == EXIT_SKIPPED
    assert [r["quantity"] for r in _rows(out)] == ["4000余場次"]
    assert "bin.txt" in caplog.text and "empty.txt" in caplog.text


def test_nothing_to_read(tmp_path):
    assert main(["extract", str(tmp_path / "missing*.txt"), "-o", str(tmp_path / "o.csv"), "-q"]) == EXIT_NOTHING
