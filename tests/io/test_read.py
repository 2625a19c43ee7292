import pytest

from pdcnlp.io import UnreadableFile, read
from pdcnlp.io.article import parse_article
from pdcnlp.io.decode import decode_bytes
from conftest import SEEDS

SAMPLE = "儀隴縣委老幹部局組織老幹部開展黨史學習教育。全縣開展集體學習4000余場次。"


def test_seed_metadata_and_body():
    a = read(SEEDS / "000_aee2db037343fe4f.txt")
    assert a.meta == {"source": "中國網", "date": "2022-01-24 09:41:00", "editor": "楊仁昌"}
    for key, (s, e) in a.meta_spans.items():
        if key != "title":
            assert a.text[s:e] == a.meta[key]
    assert a.title.startswith("儀隴縣把黨史學習教育成果")
    assert a.body.startswith("儀隴縣把黨史學習教育成果") and a.body.endswith("(尹小麗 張明)")
    assert "來源" not in a.body


def test_breadcrumbs_and_footer_are_left_out():
    a = read(SEEDS / "001_960fa6374dae6690.txt")
    assert a.meta["source"] == "张掖日报" and a.meta["date"].startswith("2021年12月31日")
    assert a.title == "在百年党史中滋养初心汲取力量——张掖市扎实开展党史学习教育综述"
    assert "您当前的位置" not in a.body and ">>" not in a.body
    b = read(SEEDS / "004_bd4049ec00aa3a8d.txt")
    assert "-->" not in b.body and "热点文章推荐" not in b.body and "http" not in b.body
    assert b.body.startswith("从烈士纪念碑前") and b.title.endswith("党史学习教育纪实")
    assert b.meta["date"] == "2021-06-04"


def test_article_without_header_keeps_every_line_and_reads_byline():
    a = read(SEEDS / "003_7274896f8d90830a.txt")
    assert a.body_start == 0 and a.title is None
    assert a.meta["author"] == "鄭蕊、韓冰"
    assert a.body.endswith("原創(chuàng)作品。")


def test_parts_skip_a_title_the_body_repeats():
    a = read(SEEDS / "000_aee2db037343fe4f.txt")
    assert [p[0] for p in a.parts()] == ["body"]
    b = read(SEEDS / "001_960fa6374dae6690.txt")
    assert [p[0] for p in b.parts()] == ["title", "body"]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5", "utf-8", "utf-8-sig", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    text = SAMPLE if encoding == "big5" else SAMPLE.replace("儀隴縣委老幹部局", "仪陇县委老干部局")
    path = tmp_path / f"a.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    a = read(path)
    assert a.text == text


def test_binary_and_oversized_files_raise_clear_errors(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(UnreadableFile, match="binary"):
        read(binary)
    big = tmp_path / "big.txt"
    big.write_bytes("党".encode() * 1000)
    with pytest.raises(UnreadableFile, match="cap"):
        read(big, max_bytes=100)


def test_empty_and_non_chinese_text():
    assert decode_bytes(b"") == ("", "utf-8")
    a = parse_article("")
    assert a.body == "" and a.parts() == []
    b = parse_article("Only English here.\nSecond line.")
    assert b.body.strip()
