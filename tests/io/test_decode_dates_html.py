"""Decoding that salvages, ISO dates, HTML through trafilatura, the walk."""
import os

import pytest

from pdcnlp.io import UnreadableFile, read
from pdcnlp.io.dates import normalise_date
from pdcnlp.io.decode import decode_report
from pdcnlp.io.paths import iter_inputs, input_root

S = "仪陇县委老干部局组织开展集体学习4000余场次。"


@pytest.mark.parametrize("enc", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_utf16_and_utf32_with_bom(enc):
    bom = {"utf-32": b"", "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff",
           "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[enc]
    d = decode_report(bom + S.encode(enc))
    assert d.text.lstrip("\ufeff") == S and not d.notes


def test_a_few_bad_bytes_are_replaced_and_noted_not_a_reason_to_drop():
    d = decode_report((S * 50).encode() + b"\x80\xff" + S.encode())
    assert d.encoding == "utf-8" and d.text.count("\ufffd") == 2 and "2 invalid" in d.notes[0]
    assert d.text.replace("\ufffd", "") == S * 51


def test_utf8_then_gbk_is_decoded_line_by_line():
    data = (S + "\n").encode() * 3 + "全市开展志愿服务活动6885场次。\n".encode("gbk")
    d = decode_report(data)
    assert d.text == (S + "\n") * 3 + "全市开展志愿服务活动6885场次。\n"
    assert d.encoding.startswith("mixed") and "line by line" in d.notes[0]


def test_gbk_alone_is_not_mistaken_for_mixed():
    d = decode_report(((S + "\n") * 20).encode("gbk"))
    assert d.encoding == "gb18030" and d.text == (S + "\n") * 20 and not d.notes


def test_chinese_check_reads_the_whole_text(tmp_path):
    p = tmp_path / "late.txt"
    p.write_bytes(b"var a = 1;\n" * 25_000 + S.encode())
    assert S in read(p).text


@pytest.mark.parametrize("raw,iso", [
    ("2022-01-24 09:41:00", "2022-01-24T09:41:00"), ("2021年12月31日 10:23", "2021-12-31T10:23"),
    ("2021/6/4", "2021-06-04"), ("20210604", "2021-06-04"), ("２０２１年１月２日", "2021-01-02"),
    ("2021-06-04T08:00:00+0800", "2021-06-04T08:00:00+08:00"), ("发布时间：2021年 3月 5日", "2021-03-05"),
    ("2020-05", "2020-05"), ("", None), ("昨天", None), ("2021-13-01", None), ("2021年2月30日", None),
])
def test_dates_to_iso_8601(raw, iso):
    assert normalise_date(raw) == iso


def test_html_pages_are_read_through_trafilatura(tmp_path):
    pytest.importorskip("trafilatura")
    html = ('<html><head><title>仪陇县开展活动_中国网</title><meta property="og:site_name" content="中国网">'
            '<meta property="article:published_time" content="2022-01-24"></head><body>'
            '<div class="nav"><a href="/">首页</a></div><article><h1>仪陇县开展活动</h1>'
            f'<p>{S}</p><p>{S}</p></article><script>var x="<p>no</p>";</script></body></html>')
    for suffix in (".shtml", ".htm", ".html"):
        p = tmp_path / f"page{suffix}"
        p.write_text(html, encoding="utf-8")
        doc = read(p)
        assert "<" not in doc.text and S in doc.body and "var x" not in doc.text
        assert doc.title == "仪陇县开展活动" and doc.meta["date"] == "2022-01-24" and doc.meta["site"] == "中国网"


def test_ids_are_paths_relative_to_the_common_root(tmp_path):
    for sub in ("a", "b/c"):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "report.txt").write_text(S, encoding="utf-8")
    got = [f.rel for f in iter_inputs([str(tmp_path)])]
    assert got == ["a/report.txt", "b/c/report.txt"]
    got = [f.rel for f in iter_inputs([str(tmp_path / "a"), str(tmp_path / "b")])]
    assert got == ["a/report.txt", "b/c/report.txt"]
    assert input_root([str(tmp_path / "a" / "report.txt")]) == str(tmp_path / "a")


def test_unreadable_input_raises_a_clear_error(tmp_path):
    with pytest.raises(UnreadableFile, match="binary"):
        p = tmp_path / "b.txt"
        p.write_bytes(bytes(range(32)) * 100)
        read(p)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.txt")
        skips = [s for s in iter_inputs([str(tmp_path)]) if hasattr(s, "reason")]
        assert any("FIFO" in s.reason for s in skips)


def test_unreadable_files_and_folders_are_logged_skips_even_as_root(tmp_path, monkeypatch):
    # CI may run as root, which reads through chmod 000: make the OS refuse
    import pathlib

    from pdcnlp.io import read_file

    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text(S, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(S, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(S, encoding="utf-8")
    real_scandir, real_read = os.scandir, pathlib.Path.read_bytes

    def scandir(path="."):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    items = list(iter_inputs([str(tmp_path)]))
    skips = {os.path.basename(s.path): s.reason for s in items if hasattr(s, "reason")}
    assert skips == {"closed": "cannot list folder: permission denied"}
    files = {os.path.basename(f.path): f for f in items if hasattr(f, "rel")}
    assert set(files) == {"locked.txt", "ok.txt"}
    (skip,) = read_file(files["locked.txt"].path, rel="locked.txt")
    assert skip.reason == "cannot read: permission denied" and skip.doc_id == "locked.txt"


def test_files_in_a_symlinked_folder_outside_the_tree_are_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text(S, encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    os.symlink(outside, tree / "linked")
    got = list(iter_inputs([str(tree)]))
    assert [f.rel for f in got] == ["linked/a.txt"]
