"""Bytes to text: a BOM (UTF-8, UTF-16, UTF-32) first, then UTF-8, then
GB18030 and Big5, which is what Chinese government sites serve;
charset-normalizer is the tie-breaker for anything else. Scraped files are
often damaged rather than foreign: UTF-8 with a few bad bytes keeps its text
(bad bytes replaced, a note for the errors log) instead of being dropped,
and a file whose lines are in different encodings is decoded line by line.
Undecodable or binary input raises :class:`UnreadableFile` with the reason,
for callers to log and skip.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, NamedTuple, Optional, Tuple, Union

from .document import MAX_BYTES_DEFAULT, UnreadableFile


def _han_ratio(s: str) -> float:
    if not s:
        return 0.0
    han = sum(1 for c in s if "\u3400" <= c <= "\u9fff")
    return han / len(s)


# Bytes that never occur in text files in any of our encodings (the C0
# controls but tab, newlines, form feed and escape).
_CONTROL_BYTES = [b for b in range(32) if b not in (9, 10, 12, 13, 27)]


class Decoded(NamedTuple):
    text: str
    encoding: str
    notes: List[str]          # repairs made (bytes replaced, segments decoded apart)


_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
# UTF-8 with at most this many bad bytes (and at most 1 in 1,000) is UTF-8
# with damage, not another encoding: the bad bytes become U+FFFD and a note.
SALVAGE_MAX_BAD = 64


def _bad_utf8_bytes(data: bytes) -> int:
    bad = 0
    pos = 0
    while True:
        try:
            data[pos:].decode("utf-8")
            return bad
        except UnicodeDecodeError as e:
            bad += e.end - e.start
            pos += e.end
            if bad > SALVAGE_MAX_BAD:
                return bad


def decode_bytes(data: bytes) -> Tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`UnreadableFile` for binary data."""
    d = decode_report(data)
    return d.text, d.encoding


def decode_report(data: bytes) -> Decoded:
    """Decode ``data`` (see module docstring), saying what was repaired.

    Order: a BOM (UTF-8/16/32) decides; clean UTF-8; UTF-8 with a few bad
    bytes (replaced, noted); line by line when some lines are UTF-8 and
    others not (:func:`_decode_by_line`); GB18030 or Big5 whole;
    charset-normalizer last."""
    if not data:
        return Decoded("", "utf-8", [])
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            bad = text.count("\ufffd")
            notes = [f"{bad} undecodable character(s) replaced with U+FFFD"] if bad else []
            return Decoded(text, enc, notes)
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > len(sample) // 100:
        raise UnreadableFile(f"binary file ({controls} control bytes in the first {len(sample)})")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError as e:
        # A truncated multi-byte character at the very end is still UTF-8.
        if e.start >= len(data) - 3:
            return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                           ["a multi-byte character cut at the end of the file replaced with U+FFFD"])
    bad = _bad_utf8_bytes(data)
    if bad <= SALVAGE_MAX_BAD and bad * 1000 <= len(data):
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                       [f"{bad} invalid UTF-8 byte(s) replaced with U+FFFD"])
    mixed = _decode_by_line(data)
    if mixed is not None:
        return mixed
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((text, enc))
    if len(candidates) == 1:
        return Decoded(*candidates[0], [])
    if len(candidates) == 2:
        # Both decode: GBK bytes often decode as Big5 too, into rare
        # characters; the one that yields more common characters wins.
        return Decoded(*max(candidates, key=lambda c: _common_ratio(c[0])), [])
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
    return Decoded(text, best.encoding, [])


def _decode_by_line(data: bytes) -> Optional[Decoded]:
    """A file whose lines are in different encodings (a UTF-8 page with a
    GBK block pasted in): each line that is valid UTF-8 stays UTF-8, the
    others are read as GB18030 or Big5 (whichever yields more common
    characters). None unless at least 1 in 10 of the non-ASCII lines is
    valid UTF-8 (a GBK file has almost none) and at most 1 line in 100
    fails in every encoding."""
    lines = data.split(b"\n")
    decoded: List[Optional[str]] = []
    utf8 = other = 0
    for line in lines:
        if line.isascii():
            decoded.append(line.decode("ascii"))
            continue
        try:
            decoded.append(line.decode("utf-8"))
            utf8 += 1
        except UnicodeDecodeError:
            decoded.append(None)
            other += 1
    if not utf8 or not other or utf8 * 10 < utf8 + other:
        return None
    used, failed = {"utf-8": utf8}, 0
    for k, line in enumerate(lines):
        if decoded[k] is not None:
            continue
        options = []
        for enc in ("gb18030", "big5"):
            try:
                options.append((line.decode(enc), enc))
            except UnicodeDecodeError:
                pass
        if options:
            text, enc = max(options, key=lambda c: _common_ratio(c[0]))
            used[enc] = used.get(enc, 0) + 1
        else:
            text = line.decode("utf-8", errors="replace")
            failed += 1
        decoded[k] = text
    if failed * 100 > len(lines):
        return None
    notes = ["decoded line by line: " + ", ".join(f"{n} line(s) {e}" for e, n in used.items())]
    if failed:
        notes.append(f"{failed} line(s) in no known encoding, bad bytes replaced with U+FFFD")
    return Decoded("\n".join(decoded), "mixed:" + "+".join(used), notes)


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
    d = read_report(path, max_bytes)
    return d.text, d.encoding


def read_report(path: Union[str, Path], max_bytes: int = MAX_BYTES_DEFAULT) -> Decoded:
    """Decode a file (see :func:`decode_report`); a file over ``max_bytes``
    raises :class:`UnreadableFile` naming the flag that changes the cap."""
    path = Path(path)
    size = path.stat().st_size
    if max_bytes and size > max_bytes:
        raise UnreadableFile(f"document is {size} bytes, over the {max_bytes}-byte cap (--max-doc-bytes)")
    return decode_report(path.read_bytes())
