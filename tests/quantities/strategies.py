"""Random report-like text for the quantity property tests and benchmark.

Pieces are drawn from what a quantity is made of (numerals of every script,
万/亿, 点, 分之, qualifiers, units, range separators) and from what breaks
readers (runs of 9s and 亿, superscripts, circled digits, signs, pinyin
noise, spaces, quotes, letters), so that most generated strings contain
number-like material rather than random code points.
"""
from __future__ import annotations

import random
from typing import List

from hypothesis import strategies as st

PIECES: List[str] = [
    *"0123456789", *"零〇一二两三四五六七八九十百千万亿", *"壹贰叁肆伍陆柒捌玖拾佰仟萬億兩",
    "9999", "99999999", "亿亿亿", "万万", ".", ",", "点", "点五", "分之", "百分之", "千分之", "成",
    "余", "多", "来", "几", "数", "近", "约", "超过", "逾", "上", "不足", "以上", "以下", "以内", "左右", "上下",
    "-", "—", "~", "至", "到", "负", "+", "%", "‰", "²", "①", "½", "Ⅷ", "٣",
    "个", "个月", "个半", "半", "次", "人次", "件次", "场次", "名", "人", "元", "万元", "亿元", "美元", "年", "月", "日",
    "米", "千米", "公里", "亩", "平方米", "㎡", "吨", "千瓦", "倍", "批", "第", "首", "周年", "计划", "工程",
    " ", "  ", "\u3000", "\t", "\n", "，", "。", "、", "(gè)", "(gè)", "“", "”", "《", "》", "【", "】",
    "a", "G", "km", "kg", "No.", "党员", "培训", "开展", "学习", "群众",
]

piece_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.characters(blacklist_categories=("Cs",))),
    max_size=60,
).map("".join).map(lambda s: s[:100])


def random_strings(n: int, seed: int = 0, max_len: int = 100) -> List[str]:
    """The same kind of strings without hypothesis (for the benchmark)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 60)):
            if rng.random() < 0.9:
                parts.append(rng.choice(PIECES))
            else:
                parts.append(chr(rng.randint(0x20, 0x2FFFF)))
        s = "".join(parts)[:max_len]
        out.append("".join(c for c in s if not 0xD800 <= ord(c) <= 0xDFFF))
    return out
