"""A CJK font that travels with pdcnlp, so Chinese in charts and pages is readable anywhere.

A fresh machine (a cluster node, a CI container, most Linux installs) has no
CJK font; matplotlib then draws every Chinese label as an empty box and
warns "Glyph … missing from font(s) DejaVu Sans". pdcnlp ships
``pdcnlp-cjk-sans.otf``, a 2.3 MB subset of Noto Sans CJK SC (SIL Open Font
License 1.1, ``OFL.txt``; how it is cut and why: ``build_subset.py``).

* :func:`use_in_matplotlib`: registers the font and appends it to
  matplotlib's ``font.family`` list (``['sans-serif', 'pdcnlp CJK Sans']``).
  Appended, not put first: matplotlib (>= 3.6) takes each glyph from the
  first family in that list that has it, so Latin text keeps the user's font
  and only the characters it lacks come from ours. (Appending to
  ``font.sans-serif`` would not do: a generic family resolves to one font,
  with no fallback.) pdcnlp's own charts call it; call it yourself for your
  own charts of Chinese labels.
* :func:`css_font_face`: an ``@font-face`` rule embedding the font cut down
  to one page's characters (a few hundred kB), for the self-contained review
  page; it needs fontTools (``pip install '.[review]'``) and returns "" without it.
"""
from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Iterable, Optional

FONT_PATH = Path(__file__).resolve().parent / "pdcnlp-cjk-sans.otf"
FAMILY = "pdcnlp CJK Sans"
# What HTML names after our embedded font: common CJK fonts of Windows, macOS and Linux.
CSS_FALLBACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
                '"WenQuanYi Micro Hei", sans-serif')


def use_in_matplotlib() -> str:
    """Make matplotlib draw Chinese with the bundled font where the user's
    fonts lack a glyph. Idempotent; returns the family name."""
    import matplotlib
    from matplotlib import font_manager

    if FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(FONT_PATH))
    rc = matplotlib.rcParams
    if FAMILY not in rc["font.family"]:
        rc["font.family"] = list(rc["font.family"]) + [FAMILY]
    return FAMILY


def missing(text: str) -> set:
    """The characters of ``text`` the bundled font cannot draw (empty when it
    covers all; whitespace and control characters ignored). Needs fontTools."""
    cmap = _cmap()
    return {c for c in text if c.isprintable() and not c.isspace() and ord(c) not in cmap}


_CMAP: Optional[set] = None


def _cmap() -> set:
    global _CMAP
    if _CMAP is None:
        from fontTools.ttLib import TTFont

        _CMAP = set(TTFont(str(FONT_PATH), lazy=True).getBestCmap())
    return _CMAP


def subset_woff(chars: Iterable[str]) -> Optional[bytes]:
    """The bundled font cut down to ``chars`` as WOFF, or None without fontTools."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = [0, 1, 2, 13, 14]      # keep copyright and licence (OFL)
    options.flavor = "woff"                    # zlib-compressed; woff2 would need brotli
    font = TTFont(str(FONT_PATH))
    sub = subset.Subsetter(options)
    sub.populate(text="".join(set(chars)))
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff"
    font.save(buf)
    return buf.getvalue()


def css_font_face(text: str, family: str = FAMILY) -> str:
    """An ``@font-face`` rule with the bundled font cut to ``text``'s
    characters, base64 inline; "" when fontTools is missing."""
    data = subset_woff(text)
    if data is None:
        return ""
    b64 = base64.b64encode(data).decode("ascii")
    return f'@font-face {{ font-family: "{family}"; src: url(data:font/woff;base64,{b64}) format("woff"); }}'
