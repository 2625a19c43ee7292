"""The bad-input corpus: every kind of input a scraped folder throws at
``pdcnlp extract``, with what must happen to each.

    python tests/make_bad_corpus.py tests/data/bad_inputs   # the committed small files

Two parts:

* :func:`write_small` writes the small byte files committed under
  ``tests/data/bad_inputs/`` (encodings, damaged bytes, HTML pages, a JSONL
  of bad records…); ``tests/extraction/test_bad_inputs.py`` checks the
  committed copy still equals what this script writes;
* :func:`write_filesystem` makes, at test time, what git cannot hold or
  should not: odd names, a 1,100-level tree, a path over 4,096 bytes,
  symlinks (to a folder, in a loop, dangling, twice to one file), a FIFO,
  unreadable files and folders, big files.

``EXPECT`` (and ``JSONL_EXPECT`` for the records of ``records.jsonl``) says
what each input must end as: ``rows`` (it has rows), ``salvaged`` (rows and
a salvage note), ``skipped`` or ``ignored`` (a line in the errors log with
that action). The test holds the run to it, entry by entry, so a silent
loss (no rows and no log line) fails it.
"""
from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

S = "仪陇县委老干部局组织开展集体学习4000余场次，办结率分别达到99%和97%。全市开展志愿服务活动6885场次。"
T = "儀隴縣委老幹部局組織開展集體學習4000余場次，辦結率分別達到99%和97%。全市開展志願服務活動6885場次。"


def _page(body: str, title: str = "仪陇县开展党史学习教育", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}_中国网</title>'
            '<meta name="author" content="张明"><meta property="og:site_name" content="中国网">'
            '<meta property="article:published_time" content="2022-01-24T09:41:00+08:00">'
            '<script>var x = "<p>not text</p>";</script><style>p{color:red}</style></head><body>'
            '<div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a></div>'
            f'<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>'
            '<div class="footer">版权所有 中国网</div></body></html>')


# name -> bytes, committed; EXPECT says what each must become
def small_files() -> dict:
    u = S.encode("utf-8")
    files = {
        "utf8_plain.txt": u,
        "utf8_bom.txt": b"\xef\xbb\xbf" + u,
        "utf16le_bom.txt": S.encode("utf-16"),
        "utf16be_bom.txt": b"\xfe\xff" + S.encode("utf-16-be"),
        "utf32_bom.txt": S.encode("utf-32"),
        "gbk.txt": S.encode("gbk"),
        "gb18030.txt": S.encode("gb18030"),
        "big5.txt": T.encode("big5"),
        "utf8_few_bad_bytes.txt": (S * 20).encode() + b"\xff\xfe" + u,
        "utf8_then_gbk.txt": (S + "\n").encode() * 3 + (S + "\n").encode("gbk") * 2,
        "utf8_cut_last_char.txt": u + "党".encode()[:2],
        "crlf_lines.txt": (S + "\r\n").encode() * 3,
        "upper_suffix.TXT": u,
        "中文 名字.txt": u,
        "no_sentence_punctuation.txt": ("开展集体学习4000余场次" * 400).encode(),
        "header_and_body.txt": ("仪陇县开展党史学习教育\n来源:中國網 時間:2022-01-24 09:41:00 編輯:楊仁昌\n" + S).encode(),
        "page.shtml": _page(S).encode(),
        "page.htm": _page(S, charset="gbk").encode("gbk"),
        "page.html": _page(T, title="儀隴縣開展黨史學習教育").encode(),
        "empty.txt": b"",
        "whitespace_only.txt": b" \n\t\r\n   \n",
        "binary.txt": bytes(range(256)) * 8,
        "english_only.txt": b"No Chinese here, only English words. " * 20,
        "nav_only.html": b"<html><body><div class='nav'><a href='/'>Home</a></div></body></html>",
        "empty.jsonl": b"",
        "image.jpg": b"\xff\xd8\xff\xe0" + bytes(200),
        "README": b"notes, no suffix",
        ".hidden_notes.md": "说明".encode(),
        "records.jsonl": _records(),
    }
    return files


EXPECT = {
    "utf8_plain.txt": "rows", "utf8_bom.txt": "rows", "utf16le_bom.txt": "rows", "utf16be_bom.txt": "rows",
    "utf32_bom.txt": "rows", "gbk.txt": "rows", "gb18030.txt": "rows", "big5.txt": "rows",
    "utf8_few_bad_bytes.txt": "salvaged", "utf8_then_gbk.txt": "salvaged", "utf8_cut_last_char.txt": "salvaged",
    "crlf_lines.txt": "rows", "upper_suffix.TXT": "rows", "中文 名字.txt": "rows",
    "no_sentence_punctuation.txt": "rows", "header_and_body.txt": "rows",
    "page.shtml": "rows", "page.htm": "rows", "page.html": "rows",
    "empty.txt": "skipped", "whitespace_only.txt": "skipped", "binary.txt": "skipped",
    "english_only.txt": "skipped", "nav_only.html": "skipped", "empty.jsonl": "skipped",
    "image.jpg": "ignored", "README": "ignored", ".hidden_notes.md": "ignored",
    # records.jsonl: per record, JSONL_EXPECT
}

JSONL_EXPECT = {1: "rows", 2: "skipped", 3: "rows", 4: "skipped", 5: "skipped", 6: "skipped", 7: "rows",
                8: "skipped", 9: "rows", 10: "salvaged", 11: "rows", 12: "skipped"}


def _records() -> bytes:
    good = {"text": S, "title": "仪陇县", "date": "2021年12月31日 10:23", "url": "http://a.gov.cn/1.shtml",
            "year": 2021, "county": "仪陇", "tags": ["党史", "学习"]}
    lines = [
        b"\xef\xbb\xbf" + json.dumps(good, ensure_ascii=False).encode(),                    # 1 BOM, fields
        b'{"text": "\xe4\xbb\xaa broken',                                                     # 2 not JSON
        json.dumps({"text": "甲\u2028" + S + "\u2029乙\u0085丙"}, ensure_ascii=False).encode(),  # 3 U+2028/9, NEL
        b'["a list", "not a record"]',                                                        # 4 not an object
        json.dumps({"content": S}, ensure_ascii=False).encode(),                              # 5 no text field
        json.dumps({"text": 42}).encode(),                                                    # 6 text not a string
        json.dumps({"text": T, "date": "2022-01-24 09:41:00", "source": "中國網"}, ensure_ascii=False).encode()
        + b"\r",                                                                              # 7 CRLF line
        json.dumps({"text": "English only"}).encode(),                                        # 8 no Chinese
        json.dumps({"text": S, "path": "shadows a column", "start": 7}, ensure_ascii=False).encode(),  # 9
        json.dumps({"text": S * 30}, ensure_ascii=False).encode().replace("学习".encode(), b"\xff\xfe", 1),  # 10
        json.dumps({"text": S, "date": ""}, ensure_ascii=False).encode(),                     # 11 empty date
        json.dumps({"text": "   "}).encode(),                                                 # 12 blank text
    ]
    return b"\n".join(lines[:6]) + b"\n\n" + b"\n".join(lines[6:]) + b"\n"   # a blank line after record 6


def write_small(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in small_files().items():
        (dest / name).write_bytes(data)


def jsonl_records_with_blank(records: dict) -> dict:
    """Line numbers of records.jsonl: a blank line follows record 6."""
    return {k if k <= 6 else k + 1: v for k, v in records.items()}


def write_filesystem(dest: Path, big: bool = True) -> dict:
    """Make the test-time kinds under ``dest``; returns {relative path: expectation}
    (folders that cannot be read are listed with their own path)."""
    dest.mkdir(parents=True, exist_ok=True)
    root_user = hasattr(os, "geteuid") and os.geteuid() == 0
    expect = {}
    u = S.encode()

    # a name that is not UTF-8: read, shown with \xNN
    odd = os.path.join(os.fsencode(dest), b"odd_\xff\xfe_name.txt")
    with open(odd, "wb") as f:
        f.write(u)
    expect["odd_\\xff\\xfe_name.txt"] = "rows"

    # 1,100 nested folders with a good file at the bottom (2,200-byte path)
    deep = dest / "deep"
    p = os.fsencode(deep)
    os.makedirs(p, exist_ok=True)
    cur = p
    for _ in range(1100):  # one by one: os.makedirs recurses
        cur = os.path.join(cur, b"d")
        os.mkdir(cur)
    with open(os.path.join(cur, b"bottom.txt"), "wb") as f:
        f.write(u)
    expect["deep/" + "d/" * 1100 + "bottom.txt"] = "rows"

    # a path longer than PATH_MAX (4,096): made step by step from inside
    long_root = dest / "long"
    long_root.mkdir(exist_ok=True)
    here = os.getcwd()
    try:
        os.chdir(long_root)
        seg = "x" * 200
        for _ in range(24):  # 24 * 201 > 4,096
            os.mkdir(seg)
            os.chdir(seg)
        with open("too_deep.txt", "wb") as f:
            f.write(u)
    finally:
        os.chdir(here)
    expect["long/" + ("x" * 200 + "/") * 20] = "skipped"   # the first folder whose path is too long

    # a symlinked folder: its files are inputs
    real = dest / "_real_folder"
    real.mkdir(exist_ok=True)
    (real / "inside.txt").write_bytes(u)
    expect["_real_folder/inside.txt"] = "rows"
    os.symlink("_real_folder", dest / "linked_folder")
    expect["linked_folder"] = "skipped"       # the same folder again: logged as a loop/duplicate folder
    # a loop: a folder linking to its parent
    loop = dest / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "in_loop.txt").write_bytes(u)
    expect["loop/in_loop.txt"] = "rows"
    os.symlink("..", loop / "up")
    expect["loop/up"] = "skipped"
    # a symlink to itself (ELOOP), a dangling one, a second link to one file
    os.symlink("self_link.txt", dest / "self_link.txt")
    expect["self_link.txt"] = "skipped"
    os.symlink("nowhere.txt", dest / "dangling.txt")
    expect["dangling.txt"] = "skipped"
    (dest / "target.txt").write_bytes(u)
    expect["target.txt"] = "rows"
    os.symlink("target.txt", dest / "zz_second_link.txt")
    expect["zz_second_link.txt"] = "ignored"
    # a FIFO: never opened (it would block)
    if hasattr(os, "mkfifo"):
        os.mkfifo(dest / "pipe.txt")
        expect["pipe.txt"] = "skipped"
    # unreadable file and folder (root reads them anyway: then they have rows)
    unreadable = dest / "unreadable.txt"
    unreadable.write_bytes(u)
    os.chmod(unreadable, 0)
    expect["unreadable.txt"] = "rows" if root_user else "skipped"
    closed = dest / "closed_folder"
    closed.mkdir(exist_ok=True)
    (closed / "hidden.txt").write_bytes(u)
    os.chmod(closed, 0)
    if root_user:
        expect["closed_folder/hidden.txt"] = "rows"
    else:
        expect["closed_folder"] = "skipped"
    if big:
        # Chinese only after 200,000 ASCII characters
        (dest / "late_chinese.txt").write_bytes(b"x = 1;\n" * 30_000 + u)
        expect["late_chinese.txt"] = "rows"
        # a file over the cap the test sets (--max-doc-bytes 400000)
        (dest / "over_cap.txt").write_bytes(u * 3000)
        expect["over_cap.txt"] = "skipped"
        # a .jsonl with one record over the cap between two good ones
        recs = [json.dumps({"text": S}, ensure_ascii=False), json.dumps({"text": S * 3000}, ensure_ascii=False),
                json.dumps({"text": S}, ensure_ascii=False)]
        (dest / "big_record.jsonl").write_text("\n".join(recs) + "\n", encoding="utf-8")
        expect["big_record.jsonl:1"] = "rows"
        expect["big_record.jsonl:2"] = "skipped"
        expect["big_record.jsonl:3"] = "rows"
    return expect


def remove_deep_trees(dest: Path) -> None:
    """Remove the 1,100-level and the over-long trees (shutil.rmtree and
    pytest's cleanup recurse, and fail, on them)."""
    deep = os.fsencode(dest / "deep")
    if os.path.isdir(deep):
        chain = [deep]
        while os.path.isdir(os.path.join(chain[-1], b"d")):
            chain.append(os.path.join(chain[-1], b"d"))
        bottom = os.path.join(chain[-1], b"bottom.txt")
        if os.path.exists(bottom):
            os.unlink(bottom)
        for d in reversed(chain):
            os.rmdir(d)
    long_root = dest / "long"
    if long_root.is_dir():
        here = os.getcwd()
        try:
            os.chdir(long_root)
            depth = 0
            while os.path.isdir("x" * 200):
                os.chdir("x" * 200)
                depth += 1
            if os.path.exists("too_deep.txt"):
                os.unlink("too_deep.txt")
            for _ in range(depth):
                os.chdir("..")
                os.rmdir("x" * 200)
        finally:
            os.chdir(here)
        os.rmdir(long_root)


def restore_permissions(dest: Path) -> None:
    """Let pytest delete the folder afterwards."""
    for p in (dest / "unreadable.txt", dest / "closed_folder"):
        if os.path.lexists(p):
            os.chmod(p, stat.S_IRWXU)


if __name__ == "__main__":
    write_small(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/bad_inputs"))
