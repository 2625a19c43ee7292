"""Script normalisation with exact offsets back into the original text.

Every later component reads one *clean view* of the text: noise removed
(see :mod:`pdcnlp.text.noise`), Traditional converted to Simplified with OpenCC
``t2s``, full-width digits and letters folded to half-width (１２３ → 123). The
original text is never changed; :class:`NormalizedText` maps any clean
offset back to the original and the other way round.

Why this is exact: ``t2s`` converts character for character (measured: its
output has the input's length), and full-width folding is one to one, so the
only change in length comes from removing noise. The map is therefore a short
list of *segments* (runs of kept characters), one more than the number of
noise spans, and lookups are a bisection. If OpenCC ever returned a string of
another length, we fall back to converting one character at a time so that
offsets stay exact, and log it.
"""
from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence, Tuple

from .. import resources
from .clean_view import OffsetMap, kept_segments
from .noise import NoiseSpan, find_noise

log = logging.getLogger(__name__)

# Full-width digits, Latin letters and the signs that occur inside numbers
# (％ ＋ － ． ／) fold to ASCII. CJK punctuation (，。：；（）) is left as
# it is: it is on nearly every line of Chinese text, so folding it would cost
# a full translate pass per text, and the components read both forms.
_FOLDED = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F]
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in _FOLDED}
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b\uff0d-\uff0f]")


def _opencc_share() -> Path:
    import opencc

    return Path(opencc.__file__).parent / "clib" / "share" / "opencc"


@lru_cache(maxsize=1)
def _converter() -> Tuple[Callable[[str], str], bool]:
    """``(convert, folds_width)``.

    OpenCC's own ``t2s`` chain plus one text dictionary of ours
    (``resources/opencc_fullwidth.txt``) folds full-width digits and letters
    in the same C++ pass: measured 8% over plain t2s, against 2x for a
    Python ``str.translate`` afterwards. OpenCC needs absolute paths to its
    dictionaries, so the config is written once per process to a temporary
    file (deleted once OpenCC has read it). If that fails (another OpenCC layout), plain ``t2s`` is used and
    folding is done in Python.
    """
    import opencc  # the official OpenCC wheel (C++), ~45x faster than the pure-Python port

    try:
        share = _opencc_share()
        fold_dict = resources.path("opencc_fullwidth.txt")
        config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))

        def absolute(d: dict) -> None:
            if d.get("type") == "ocd2":
                d["file"] = str(share / d["file"])
            for sub in d.get("dicts", []):
                absolute(sub)

        for step in config.get("normalization", []) + config["conversion_chain"]:
            absolute(step["dict"])
        config["conversion_chain"].append({"dict": {"type": "text", "file": str(fold_dict)}})
        fd, path = tempfile.mkstemp(prefix="pdcnlp-opencc-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(config, f, ensure_ascii=False)
        try:
            conv = opencc.OpenCC(path)  # reads config and dictionaries now
        finally:
            os.unlink(path)
        if conv.convert("臺１Ａ％") == "台1A%":
            return conv.convert, True
        log.warning("OpenCC fold config gave an unexpected result; folding in Python")
    except Exception as e:  # pragma: no cover - depends on the installed OpenCC layout
        log.warning("could not build the OpenCC t2s+fold config (%s); folding in Python", e)
    return opencc.OpenCC("t2s").convert, False


def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` (and width folding where OpenCC does it) with a
    guaranteed one-to-one length.

    >>> to_simplified("儀隴縣委老幹部局")
    '仪陇县委老干部局'
    """
    if not text:
        return text
    conv, _ = _converter()
    out = conv(text)
    if len(out) == len(text):
        return out
    log.warning("OpenCC t2s changed the length of a %d-char text; converting per character", len(text))
    chars = []
    for ch in text:
        c = conv(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width, one character for one."""
    if _FULLWIDTH_RE.search(text) is None:
        return text
    return text.translate(_FULLWIDTH)


class NormalizedText:
    """The clean view of one original text, with the offset map between them
    (:class:`pdcnlp.text.clean_view.OffsetMap`, whose methods it offers)."""

    __slots__ = ("original", "clean", "noise", "offset_map")

    def __init__(self, original: str, clean: str, noise: Sequence[NoiseSpan], offset_map: OffsetMap):
        self.original = original
        self.clean = clean
        self.noise = tuple(noise)
        self.offset_map = offset_map

    def __repr__(self) -> str:
        return f"NormalizedText(clean={self.clean[:30]!r}…, noise={len(self.noise)})"

    def to_original_index(self, i: int) -> int:
        return self.offset_map.to_original_index(i)

    def to_original(self, start: int, end: int) -> Tuple[int, int]:
        return self.offset_map.to_original(start, end)

    def to_clean_index(self, j: int) -> int:
        return self.offset_map.to_clean_index(j)

    def to_clean(self, start: int, end: int) -> Tuple[int, int]:
        return self.offset_map.to_clean(start, end)

    def is_noise(self, j: int) -> bool:
        return self.offset_map.is_noise(j)


def normalize(text: str) -> NormalizedText:
    """Build the clean view of ``text``.

    Noise is removed *before* conversion, so OpenCC sees 創新 whether or not
    the page had 創(chuàng)新, and its phrase rules give identical output.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes str, not {type(text).__name__}")
    noise = find_noise(text)
    segments = kept_segments(len(text), noise)
    kept = "".join(text[o:o + n] for _, o, n in segments) if noise else text
    clean = to_simplified(kept)
    if not _converter()[1]:
        clean = fold_width(clean)
    return NormalizedText(text, clean, noise, OffsetMap(segments, len(clean), len(text)))
