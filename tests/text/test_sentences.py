from pdcnlp.text.sentences import sentence_spans


def _split(nlp, text):
    return [s.text for s in nlp(text).sents]


def test_sentence_marks_and_line_breaks(nlp):
    assert _split(nlp, "開展學習。舉辦培訓；完成任務！\n新段落") == ["開展學習。", "舉辦培訓；", "完成任務！\n", "新段落"]


def test_closing_quote_stays_with_its_sentence(nlp):
    assert _split(nlp, "“這是一次比賽。”承辦單位説道。") == ["“這是一次比賽。”", "承辦單位説道。"]


def test_half_and_full_width_marks_split_alike(nlp):
    assert len(_split(nlp, "一是學習;二是實踐")) == len(_split(nlp, "一是學習；二是實踐")) == 2


def test_noise_does_not_move_boundaries(nlp):
    assert len(_split(nlp, "創(chuàng)新。結(jié)合")) == 2


def test_pure_function_strips_and_skips_blank_lines():
    text = "  第一句。第二句\n\n  第三句！”  \n"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["第一句。", "第二句", "第三句！”"]
    tiles = sentence_spans(text, strip=False)
    assert "".join(text[s:e] for s, e in tiles) == text
    assert sentence_spans("") == []
