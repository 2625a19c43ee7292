"""The input-format registry and reading through it (io/registry.py,
io/formats/, io/read.py, io/paths.py)."""
from __future__ import annotations

import json

import pytest

from pdcnlp.io import Document, Skip, UnreadableFile, iter_documents, read, read_file
from pdcnlp.io.paths import iter_paths
from pdcnlp.io.registry import FORMATS, ReadOptions, reader_for, register, registered_suffixes

BODY = "儀隴縣委老幹部局組織老幹部開展黨史學習教育,開展集體學習4000余場次。"


def test_every_format_is_registered_in_a_stable_order():
    assert registered_suffixes() == (".txt", ".html", ".htm", ".shtml", ".xhtml", ".jsonl")


def test_the_reader_is_picked_by_suffix_before_decoding(tmp_path):
    seen = []

    @register(".bin")
    def read_bin(path, options):            # gets the path, not decoded text
        seen.append(path)
        yield Document(text="县委", body_start=0, body_end=2, path=str(path))

    try:
        f = tmp_path / "x.bin"
        f.write_bytes(b"\x00\x01\x02")       # would be refused as binary by the text reader
        (doc,) = read_file(f)
        assert seen == [f] and doc.text == "县委"
        assert [p.name for p in iter_paths([str(tmp_path)])] == ["x.bin"]
    finally:
        del FORMATS[".bin"]


def test_unknown_suffixes_are_read_as_text(tmp_path):
    f = tmp_path / "report.md"
    f.write_text(BODY, encoding="utf-8")
    assert reader_for(f) is FORMATS[".txt"]
    (doc,) = read_file(f)
    assert doc.body == BODY and doc.doc_id == "report.md"


def test_html_and_text_read_the_same_article(tmp_path):
    pytest.importorskip("trafilatura")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><head><title>t</title><script>var x;</script></head>"
                                     f"<body><p>{BODY}</p></body></html>", encoding="utf-8")
    assert read(tmp_path / "a.txt").body == read(tmp_path / "a.html").body == BODY


def test_jsonl_records_become_documents_or_skips(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join([json.dumps({"id": 7, "content": BODY, "source": "新华社", "date": "2021"}),
                            "{not json", json.dumps({"content": 3}),
                            json.dumps({"content": "English only"}),
                            json.dumps({"content": BODY})]) + "\n", encoding="utf-8")
    items = list(iter_documents([str(f)], text_field="content", id_field="id"))
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [d.doc_id for d in docs] == ["7", "c.jsonl:5"]
    assert docs[0].meta["source"] == "新华社" and docs[0].path == str(f) and docs[0].record == 1
    assert [s.reason.split(" (")[0] for s in skips] == ["not valid JSON", "no string field 'content'",
                                                         "no Chinese text"]
    with pytest.raises(UnreadableFile):
        read(f)


def test_missing_inputs_and_unreadable_files_are_skips(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 20)
    items = list(iter_documents([str(tmp_path / "nope*.txt"), str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Skip", "Skip"]
    assert "no such file" in items[0].reason and "binary" in items[1].reason
    big = tmp_path / "big.txt"
    big.write_text(BODY * 10, encoding="utf-8")
    (skip,) = read_file(big, ReadOptions(max_bytes=100))
    assert isinstance(skip, Skip) and "--max-doc-bytes" in skip.reason


def test_document_parts_and_id():
    d = Document(text="标题\n正文内容", body_start=3, body_end=7, meta_spans={"title": (0, 2)}, path="x/a.txt")
    assert d.doc_id == "a.txt" and d.parts() == [("title", 0, 2), ("body", 3, 7)]
    d.id = "given"
    assert d.doc_id == "given"
