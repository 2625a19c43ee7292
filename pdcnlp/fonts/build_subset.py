"""Rebuild ``pdcnlp/fonts/pdcnlp-cjk-sans.otf``, the CJK subset pdcnlp ships.

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    python -m pdcnlp.fonts.build_subset noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Why a subset and not a dependency: a fresh machine (a cluster node, a CI
container, most Linux laptops) has no CJK font, so matplotlib draws every
Chinese label as an empty box. The PyPI packages that fix this ship whole
fonts (mplfonts: an 85 MB wheel, one of its fonts not freely licensed); a
whole Noto Sans CJK face is 16 MB. The charts need the characters of
Chinese reports, not all 65,535 glyphs, so we cut Noto Sans CJK SC Regular
(SIL Open Font License 1.1, copy in OFL.txt) down to:

* GB2312's 6,763 hanzi (the Simplified characters of almost all running text),
* their Traditional forms (OpenCC ``s2t``) and Big5's 5,401 common hanzi, so
  original-script labels (儀隴縣) draw too,
* every character of the bundled seeds and the annotated corpus,
* CJK and full-width punctuation, ASCII and Latin-1.

A character outside these is still drawn if the machine has a CJK font
(matplotlib falls back along the font list); otherwise matplotlib warns, as
before. The family is renamed "pdcnlp CJK Sans" (the OFL asks a modified
font not to pose as the original, and a system Noto Sans CJK must not be
confused with this cut). Layout features, hinting and glyph names are
dropped: charts need outlines and advance widths only.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FAMILY = "pdcnlp CJK Sans"
OUT = HERE / "pdcnlp-cjk-sans.otf"


def _decode_range(encoding: str, lead: range, trail: range) -> set:
    chars = set()
    for a in lead:
        for b in trail:
            try:
                chars.add(bytes([a, b]).decode(encoding))
            except UnicodeDecodeError:
                pass
    return {c for c in chars if len(c) == 1}


def characters() -> set:
    """The characters the subset covers (see the module docstring)."""
    import opencc

    gb2312 = _decode_range("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))       # levels 1 and 2 hanzi
    big5 = _decode_range("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    big5 = {c for c in big5 if "\u4e00" <= c <= "\u9fff"}                        # level 1 (common) hanzi
    s2t = opencc.OpenCC("s2t")
    traditional = set(s2t.convert("".join(sorted(gb2312))))
    text = set()
    for folder, pattern in ((ROOT / "seeds", "*.txt"), (ROOT / "corpus", "*.jsonl")):
        for p in folder.glob(pattern):
            text |= set(p.read_text(encoding="utf-8"))
    ranges = [range(0x20, 0x7F), range(0xA0, 0x100), range(0x2000, 0x2070), range(0x3000, 0x3040),
              range(0xFF00, 0xFFF0), range(0x2190, 0x2200)]
    punct = {chr(c) for r in ranges for c in r}
    return gb2312 | big5 | traditional | punct | {c for c in text if c.isprintable()}


def build(source: Path, out: Path = OUT, font_number: int = 2) -> Path:
    """Subset face ``font_number`` of the Noto Sans CJK collection (2 = SC
    in Debian's NotoSansCJK-Regular.ttc; checked by name below)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=font_number, lazy=False)
    name = font["name"].getDebugName(4) or ""
    if "SC" not in name:
        raise SystemExit(f"face {font_number} of {source} is {name!r}, not Noto Sans CJK SC")
    options = subset.Options()
    options.layout_features = []          # no shaping needed for Han and punctuation
    options.hinting = False
    options.glyph_names = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]   # keep copyright, licence and licence URL
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    cmap = font.getBestCmap()
    wanted = sorted(ord(c) for c in characters() if ord(c) in cmap)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    _rename(font)
    font.save(str(out))
    print(f"{out}: {len(wanted)} characters, {out.stat().st_size / 1e6:.2f} MB")
    return out


def _rename(font) -> None:
    table = font["name"]
    ps = FAMILY.replace(" ", "") + "-Regular"
    for rec in list(table.names):
        if rec.nameID in (1, 16):
            table.setName(FAMILY, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 2:
            table.setName("Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 4:
            table.setName(FAMILY + " Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            table.setName(ps, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 3:
            table.setName(f"{ps}; subset of Noto Sans CJK SC by pdcnlp", rec.nameID, rec.platformID,
                          rec.platEncID, rec.langID)
    table.names = [r for r in table.names if r.nameID not in (16, 17) or r.langID == 0x409]
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = FAMILY + " Regular", FAMILY


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    build(Path(sys.argv[1]))
