"""Read a scraped article: decode it, find its body and its metadata.

Scraped report pages wrap the article in boilerplate: a breadcrumb trail
(您当前的位置 : 中国张掖网 >> … >>), header lines (来源/時間/编辑/点击), a
trailing byline (作者: …), and footers (a CMS dump with URLs, 热点文章推荐,
相关文章推荐). :func:`read` returns the whole decoded text, the range of the
body inside it, and each metadata field with its offsets, so every offset a
later step reports still points into the file as decoded.

Nothing here deletes text: ``Article.text`` is the whole file, ``body`` is a
slice of it. Decoding: UTF-8 (with or without BOM) first, then GB18030 and
Big5, which is what Chinese government sites serve; charset-normalizer is the
tie-breaker for anything else. Undecodable or binary input raises
:class:`UnreadableFile` with the reason, for callers to log and skip.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

MAX_BYTES_DEFAULT = 50 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file cannot be read as Chinese text; the message says why."""


@dataclass
class Article:
    """One article: the whole decoded text and what was found in it."""

    text: str
    body_start: int
    body_end: int
    title: Optional[str] = None
    meta: Dict[str, str] = field(default_factory=dict)
    meta_spans: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    path: Optional[str] = None
    encoding: str = "utf-8"

    @property
    def body(self) -> str:
        return self.text[self.body_start:self.body_end]

    def parts(self) -> List[Tuple[str, int, int]]:
        """``(name, start, end)`` of the text to analyse: the title (unless
        the body repeats it as its first line) and the body."""
        out: List[Tuple[str, int, int]] = []
        if "title" in self.meta_spans:
            ts, te = self.meta_spans["title"]
            first_line = self.body.lstrip().split("\n", 1)[0].strip()
            if self.text[ts:te].strip() != first_line:
                out.append(("title", ts, te))
        if self.body.strip():
            out.append(("body", self.body_start, self.body_end))
        return out

    @property
    def doc_id(self) -> str:
        return Path(self.path).stem if self.path else "text"


# --- decoding ---------------------------------------------------------------

def _han_ratio(s: str) -> float:
    if not s:
        return 0.0
    han = sum(1 for c in s if "\u3400" <= c <= "\u9fff")
    return han / len(s)


# Bytes that never occur in text files in any of our encodings (the C0
# controls but tab, newlines, form feed and escape).
_CONTROL_BYTES = [b for b in range(32) if b not in (9, 10, 12, 13, 27)]


def decode_bytes(data: bytes) -> Tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`UnreadableFile` for binary data."""
    if not data:
        return "", "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > len(sample) // 100:
        raise UnreadableFile(f"binary file ({controls} control bytes in the first {len(sample)})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        # A truncated multi-byte character at the very end is still UTF-8.
        if e.start >= len(data) - 3:
            return data.decode("utf-8", errors="replace"), "utf-8"
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((text, enc))
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) == 2:
        # Both decode: GBK bytes often decode as Big5 too, into rare
        # characters; the one that yields more common characters wins.
        return max(candidates, key=lambda c: _common_ratio(c[0]))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - library failure is reported as unreadable
        best = None
    if best is None:
        raise UnreadableFile("not decodable as UTF-8, GB18030 or Big5")
    text = str(best)
    if _han_ratio(text) < 0.01 and sum(c.isprintable() or c.isspace() for c in text) < 0.9 * len(text):
        raise UnreadableFile(f"binary or unknown encoding (guessed {best.encoding})")
    return text, best.encoding


# Frequent characters of government prose, Simplified and Traditional. A
# wrong decoding scatters bytes over rare characters, so the share of these
# tells GB18030 and Big5 apart.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "們這國為個來對時會發說過後開與學動進當種現實們經麼區員們體點從業條們學黨幹區縣關應長問見領導設組織機變總書廣記傳華議導義務還運處會參專"
)


def _common_ratio(s: str) -> float:
    han = [c for c in s if "\u3400" <= c <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for c in han if c in _COMMON) / len(han)


def read_bytes(path: Union[str, Path], max_bytes: int = MAX_BYTES_DEFAULT) -> Tuple[str, str]:
    """Decode a file, refusing files larger than ``max_bytes`` with a clear error."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableFile(f"file is {size} bytes, over the {max_bytes}-byte limit (raise max_bytes)")
    return decode_bytes(path.read_bytes())


# --- boilerplate --------------------------------------------------------------

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


def parse_article(text: str, path: Optional[str] = None, encoding: str = "utf-8") -> Article:
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
        return Article(text, 0, len(text), None, meta, spans, path, encoding)

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
    return Article(text, body_start, body_end, title, meta, spans, path, encoding)


def read(path: Union[str, Path], max_bytes: int = MAX_BYTES_DEFAULT) -> Article:
    """Read one article file: decoded text, body range and metadata.

    Raises :class:`UnreadableFile` (a ``ValueError``) with the reason when the
    file is binary, too large or in no encoding we can read.
    """
    text, enc = read_bytes(path, max_bytes=max_bytes)
    return parse_article(text, path=str(path), encoding=enc)
