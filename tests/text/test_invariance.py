"""Script and noise invariance: the issue's two acceptance tests."""
import re

import opencc
import pytest

from pdcnlp.text.noise import find_noise
from pdcnlp.text.clean_view import span_offsets
from conftest import SEED_FILES, SEEDS


def _ents(nlp, text):
    doc = nlp(text)
    return {(e.label_,) + span_offsets(e) for e in doc.ents}


def _is_traditional(text):
    return opencc.OpenCC("t2s").convert(text) != text


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_script_invariance(nlp, path):
    text = path.read_text(encoding="utf-8")
    other = opencc.OpenCC("t2s" if _is_traditional(text) else "s2t").convert(text)
    assert other != text and len(other) == len(text)
    a, b = _ents(nlp, text), _ents(nlp, other)
    assert a, "no entities found at all"
    assert a == b, f"only in original: {sorted(a - b)[:5]}; only in converted: {sorted(b - a)[:5]}"


def test_noise_invariance_on_seed_003(nlp):
    noisy = (SEEDS / "003_7274896f8d90830a.txt").read_text(encoding="utf-8")
    pinyin = [s for s in find_noise(noisy) if s.kind == "pinyin"]
    assert len(pinyin) > 50
    clean = noisy
    for s in reversed(pinyin):
        clean = clean[:s.start] + clean[s.end:]
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", clean)

    def to_clean(j):  # offset in noisy text -> offset in clean text
        return j - sum(s.end - s.start for s in pinyin if s.end <= j)

    noisy_ents = _ents(nlp, noisy)
    mapped = {(label, to_clean(s), to_clean(e)) for label, s, e in noisy_ents}
    clean_ents = _ents(nlp, clean)
    assert len(noisy_ents) > 40
    assert mapped == clean_ents
    # and no entity starts or ends on noise
    for _, s, e in noisy_ents:
        assert not any(p.start <= s < p.end or p.start < e <= p.end for p in pinyin)
