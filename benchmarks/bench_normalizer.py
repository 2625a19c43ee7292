"""Normaliser throughput, as a ratio to raw OpenCC t2s on the same text.

    python benchmarks/bench_normalizer.py

``normalize()`` = noise search + t2s + width folding + offset map. The
baseline is ``OpenCC('t2s').convert`` alone, timed in the same process on
the same texts. Goal (issue 2): ratio >= 0.5. Also timed: the same text with
pinyin insertions every ~12 characters (a worst case for the offset map),
and the whole tokenizer (normalise + segment + build the Doc).
"""
from __future__ import annotations

import datetime
import platform
import re

import opencc
import spacy

from _common import best_of, political_texts, write_result
from pdcnlp.text.normalize import normalize
import pdcnlp


def main() -> None:
    texts = political_texts()
    n_chars = sum(len(t) for t in texts)
    conv = opencc.OpenCC("t2s")
    nlp = pdcnlp.load()
    noisy = [re.sub(r"(.{11})([发展创新区])", r"\1\2(fā)", t) for t in texts]
    n_noisy = sum(len(t) for t in noisy)

    t_opencc = best_of(lambda: [conv.convert(t) for t in texts])
    t_norm = best_of(lambda: [normalize(t) for t in texts])
    t_opencc_noisy = best_of(lambda: [conv.convert(t) for t in noisy])
    t_norm_noisy = best_of(lambda: [normalize(t) for t in noisy])
    t_tok = best_of(lambda: [nlp.make_doc(t) for t in texts], repeat=2)
    blank = spacy.blank("zh")  # spaCy's stock Chinese tokenizer, char segmenter
    t_blank = best_of(lambda: [blank.make_doc(t) for t in texts], repeat=2)

    rows = [
        ("OpenCC t2s (baseline)", n_chars, t_opencc, 1.0),
        ("pdcnlp.normalize", n_chars, t_norm, t_opencc / t_norm),
        ("OpenCC t2s, noisy text (baseline)", n_noisy, t_opencc_noisy, 1.0),
        ("pdcnlp.normalize, noisy text", n_noisy, t_norm_noisy, t_opencc_noisy / t_norm_noisy),
        ("spaCy blank zh tokenizer (char)", n_chars, t_blank, t_opencc / t_blank),
        ("pdcnlp tokenizer (normalise + segment + Doc)", n_chars, t_tok, t_opencc / t_tok),
    ]
    lines = [
        "# Normaliser throughput",
        "",
        f"{datetime.date.today()} · {platform.processor() or platform.machine()} · Python {platform.python_version()} · "
        f"{len(texts)} texts, {n_chars:,} chars (political corpora) · best of 3",
        "",
        "| what | chars | seconds | chars/s | speed vs OpenCC t2s |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, n, t, ratio in rows:
        lines.append(f"| {name} | {n:,} | {t:.3f} | {n / t:,.0f} | {ratio:.2f} |")
    lines += ["", "Goal: `pdcnlp.normalize` at least 0.5 of raw OpenCC t2s. "
              "'noisy text' has a pinyin gloss inserted after every 发展创新区 that follows 11 characters."]
    md = "\n".join(lines) + "\n"
    print(md)
    write_result("normalizer", md)


if __name__ == "__main__":
    main()
