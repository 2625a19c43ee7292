from pdcnlp.components.sentences import sentence_starts


def _split(nlp, text):
    return [s.text for s in nlp(text).sents]


def test_sentence_marks_and_line_breaks(nlp):
    assert _split(nlp, "開展學習。舉辦培訓；完成任務！\n新段落") == ["開展學習。", "舉辦培訓；", "完成任務！\n", "新段落"]


def test_closing_quote_stays_with_its_sentence(nlp):
    assert _split(nlp, "“這是一次比賽。”承辦單位説道。") == ["“這是一次比賽。”", "承辦單位説道。"]


def test_half_and_full_width_marks_split_alike(nlp):
    assert len(_split(nlp, "一是學習;二是實踐")) == len(_split(nlp, "一是學習；二是實踐")) == 2


def test_pure_function():
    assert sentence_starts(["a", "。", "b"], ["a", "。", "b"]) == [True, False, True]
    assert sentence_starts([], []) == []
