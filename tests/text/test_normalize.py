import opencc
import pytest

from pdcnlp.text.normalize import fold_width, normalize, to_simplified
from conftest import SEED_FILES


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_opencc_t2s_is_length_preserving_on_seeds(path):
    """The whole offset design rests on this measured property."""
    text = path.read_text(encoding="utf-8")
    out = opencc.OpenCC("t2s").convert(text)
    assert len(out) == len(text)


def test_to_simplified():
    assert to_simplified("儀隴縣委老幹部局") == "仪陇县委老干部局"
    assert to_simplified("") == ""


def test_fold_width():
    assert fold_width("１２３，ＡＢ％") == "123，AB%"
    assert fold_width("没有全角") == "没有全角"


def test_clean_view_removes_noise_and_converts():
    n = normalize("創(chuàng)新方法,,推進")
    assert n.clean == "创新方法,推进"
    assert n.original == "創(chuàng)新方法,,推進"


def test_offsets_map_back_exactly():
    text = "縣(xiàn)委創(chuàng)新"
    n = normalize(text)
    assert n.clean == "县委创新"
    for i, ch in enumerate(n.clean):
        j = n.to_original_index(i)
        assert to_simplified(text[j]) == ch
    assert n.to_original(0, 2) == (0, 8)          # 縣(xiàn)委: noise inside stays
    assert text[slice(*n.to_original(2, 4))] == "創(chuàng)新"
    assert n.to_clean(0, len(text)) == (0, 4)
    assert n.is_noise(1) and not n.is_noise(0)


def test_leading_and_total_noise():
    n = normalize("-->黨史")
    assert n.clean == "党史" and n.to_original_index(0) == 3
    n = normalize("-->")
    assert n.clean == "" and n.is_noise(0)
    n = normalize("")
    assert n.clean == "" and n.noise == ()


def test_rejects_non_text():
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_clean_char_maps_to_its_original(path):
    text = path.read_text(encoding="utf-8")
    n = normalize(text)
    for i in range(0, len(n.clean), 7):
        j = n.to_original_index(i)
        assert fold_width(to_simplified(text[j])) == n.clean[i]
        assert n.to_clean_index(j) == i
