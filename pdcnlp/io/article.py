"""Find an article's body and metadata inside its decoded text.

Scraped report pages wrap the article in boilerplate: a breadcrumb trail
(您当前的位置 : 中国张掖网 >> … >>), header lines (来源/時間/编辑/点击), a
trailing byline (作者: …), and footers (a CMS dump with URLs, 热点文章推荐,
相关文章推荐). :func:`parse_article` returns a :class:`Document` with the
whole text, the range of the body inside it, and each metadata field with
its offsets, so every offset a later step reports still points into the
file as decoded. Nothing here deletes text.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from .document import Document


_META_FIELD = re.compile(
    r"(?P<key>来源|來源|时间|時間|发布时间|發布時間|编辑|編輯|责任编辑|責任編輯|作者|点击|點擊|浏览|瀏覽)"
    r"\s*[:：]\s*(?P<value>.*?)(?=\s*(?:来源|來源|时间|時間|发布时间|發布時間|编辑|編輯|责任编辑|責任編輯|作者|点击|點擊|浏览|瀏覽)\s*[:：]|$)"
)
_META_KEYS = {
    "来源": "source", "來源": "source",
    "时间": "date", "時間": "date", "发布时间": "date", "發布時間": "date",
    "编辑": "editor", "編輯": "editor", "责任编辑": "editor", "責任編輯": "editor",
    "作者": "author",
    "点击": "clicks", "點擊": "clicks", "浏览": "clicks", "瀏覽": "clicks",
}
_DATE_LINE = re.compile(
    r"^\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
_BREADCRUMB_START = re.compile(r"^\s*(您当前的位置|您當前的位置|当前位置|當前位置|您的位置)\s*[:：]?")
_BREADCRUMB_SEP = re.compile(r"^\s*(>>|>|»|→)\s*$")
_FOOTER_MARKER = re.compile(
    r"(热点文章推荐|熱點文章推薦|相关文章推荐|相關文章推薦|相关阅读|相關閱讀|相关新闻|相關新聞|版权所有|版權所有|分享到|打印本页|關閉窗口|关闭窗口|-->|https?://|enpproperty)"
)


def _lines(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _is_meta_line(line: str) -> bool:
    m = list(_META_FIELD.finditer(line))
    if not m:
        return False
    # A header line is mostly fields: "来源:中國網 時間:… 編輯:…". A body
    # sentence that mentions 作者: in passing is longer than its fields.
    first = m[0].start()
    return first <= 2 and len(line) < 120


def parse_article(text: str, path: Optional[str] = None, encoding: str = "utf-8") -> Document:
    """Find body and metadata in decoded ``text`` (see module docstring)."""
    lines = _lines(text)
    meta: Dict[str, str] = {}
    spans: Dict[str, Tuple[int, int]] = {}

    def take_meta(s: int, e: int) -> None:
        line = text[s:e]
        for m in _META_FIELD.finditer(line):
            key = _META_KEYS[m.group("key")]
            value = m.group("value").strip()
            if value and key not in meta:
                vs = s + m.start("value")
                meta[key] = value
                spans[key] = (vs, vs + len(m.group("value").rstrip()))

    nonempty = [(s, e) for s, e in lines if text[s:e].strip()]
    if not nonempty:
        return Document(text, 0, len(text), None, meta, spans, path, encoding)

    # Breadcrumbs: from the marker through the last separator line.
    i = 0
    if _BREADCRUMB_START.match(text[nonempty[0][0]:nonempty[0][1]]):
        last_sep = 0
        for k, (s, e) in enumerate(nonempty[:40]):
            if _BREADCRUMB_SEP.match(text[s:e]):
                last_sep = k
        i = last_sep + 1

    # Title: the first line that is not metadata, not a sentence, short; a
    # subtitle line opening with —— right after it belongs to it.
    title = None
    k = i
    if k < len(nonempty) and not _is_meta_line(text[nonempty[k][0]:nonempty[k][1]]):
        s, e = nonempty[k]
        line = text[s:e].strip()
        if len(line) <= 80 and not re.search(r"[。！？]$", line):
            ts = s + (len(text[s:e]) - len(text[s:e].lstrip()))
            te = s + len(text[s:e].rstrip())
            k += 1
            if k < len(nonempty) and text[nonempty[k][0]:nonempty[k][1]].lstrip().startswith("——"):
                te = nonempty[k][0] + len(text[nonempty[k][0]:nonempty[k][1]].rstrip())
                k += 1
            title = text[ts:te]
            spans["title"] = (ts, te)
    # Header block: contiguous metadata lines, bare date lines and markup
    # junk (-->) right after the title.
    while k < len(nonempty):
        s, e = nonempty[k]
        line = text[s:e]
        m = _DATE_LINE.match(line)
        if _is_meta_line(line):
            take_meta(s, e)
        elif m:
            if "date" not in meta:
                meta["date"] = m.group(1).strip()
                spans["date"] = (s + m.start(1), s + m.end(1))
        elif not re.sub(r"-->|<!--|\s", "", line):
            pass
        else:
            break
        k += 1
    body_first = k

    # Footer: walk back over boilerplate lines.
    j = len(nonempty)
    while j > body_first + 1:
        s, e = nonempty[j - 1]
        line = text[s:e]
        if _FOOTER_MARKER.search(line) or (_DATE_LINE.match(line)) or re.fullmatch(r"\s*[\d:：\-/. ]+\s*", line):
            m = _DATE_LINE.match(line)
            if m and "date" not in meta:
                meta["date"] = m.group(1).strip()
                spans["date"] = (s + m.start(1), s + m.end(1))
            j -= 1
            continue
        if _is_meta_line(line):  # trailing byline: 作者:鄭蕊、韓冰
            take_meta(s, e)
            j -= 1
            continue
        break
    body_start = nonempty[body_first][0] if body_first < len(nonempty) else len(text)
    body_end = nonempty[j - 1][1] if j > body_first else body_start
    return Document(text, body_start, body_end, title, meta, spans, path, encoding)
