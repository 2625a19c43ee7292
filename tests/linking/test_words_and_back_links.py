"""The linker with the word layer and back-links (issue 18)."""
from __future__ import annotations

from pdcnlp.linking.features import candidates
from pdcnlp.linking.model import LinkModel, back_candidates, link
from pdcnlp.linking.wordfeats import WordIndex
from pdcnlp.schema import WORDS_KEY, MEASUREMENT_COLUMNS

GROWTH = "全年实现地区生产总值170亿元,增长8%"


def test_an_earlier_target_is_offered_after_a_short_cue_only():
    qspans = [(10, 15), (18, 20)]
    assert GROWTH[4:10] == "地区生产总值" and GROWTH[18:20] == "8%"
    earlier = [((4, 10), "money")]
    (back,) = back_candidates(GROWTH, 18, 20, "percent", earlier, qspans)
    assert (back.start, back.end) == (4, 10) and "back|cue=增长" in back.features
    long_clause = "全年实现地区生产总值170亿元,其他产业的增加值占8%"
    q = long_clause.index("8%")
    assert back_candidates(long_clause, q, q + 2, "percent", earlier, [(10, 15), (q, q + 2)]) == []
    # in one clause, the stretch before the number starts after the quantity before it
    same = "地区生产总值13.7万亿元、增长5.8%"
    q1, q2 = (6, same.index("、")), (same.index("5.8"), len(same))
    (back,) = back_candidates(same, *q2, "percent", [((0, 6), "money")], [q1, q2])
    assert (back.start, back.end) == (0, 6) and "back|cue=增长" in back.features
    # but a target inside that stretch is a candidate of the clause already
    assert back_candidates("开展学习4次", 4, 6, "events", [((2, 4), "events")], [(4, 6)]) == []
    # with the word layer: a back-link only when the stretch names no noun
    words = WordIndex.build([(0, 6, "n"), (6, q1[1], "m"), (q1[1] + 1, q2[0], "v")])
    assert back_candidates(same, *q2, "percent", [((0, 6), "money")], [q1, q2], words)
    noun = WordIndex.build([(0, 6, "n"), (6, q1[1], "m"), (q1[1] + 1, q2[0], "n")])
    assert back_candidates(same, *q2, "percent", [((0, 6), "money")], [q1, q2], noun) == []


def test_a_model_that_weighs_back_links_links_a_change_to_its_indicator():
    m = LinkModel({"back|cue=增长": 5.0, "side=L": 1.0, "gap=": 2.0}, 0.0)
    quantities = [(10, 15, "亿元", "money"), (18, 20, "%", "percent")]
    out = link(GROWTH, quantities, m, with_prob=True)
    (t1, p1), (t2, p2) = out
    assert GROWTH[t2[0]:t2[1]] == GROWTH[t1[0]:t1[1]]      # the change measures what the figure measures
    assert 0.5 < p2 <= 1.0 and 0.0 <= p1 <= 1.0


def test_the_threshold_leaves_weak_links_unlinked():
    m = LinkModel({"side=L": 1.0}, -20.0, threshold=0.5)
    assert link("开展集体学习4000余场次", [(6, 13, "场次", "events")], m) == [None]


def test_word_features_say_where_words_end_and_what_the_head_is():
    text = "组织学员参加培训100名"
    words = [(0, 2, "v"), (2, 4, "n"), (4, 6, "v"), (6, 8, "vn"), (8, 11, "m"), (11, 12, "q")]
    q = text.index("100")
    cands = {text[c.start:c.end]: c.features for c in candidates(text, q, q + 4, "people", [(q, q + 4)],
                                                                   words=WordIndex.build(words))}
    assert "w_end" in cands["学员参加培训"] and "w_head=N" in cands["学员参加培训"]
    assert "w_not_end" in cands["学员参加培"]
    assert "w_first=V|unit=people" in cands["参加培训"]
    assert "w_gap=none|side=L" in cands["参加培训"]
    without = {text[c.start:c.end]: c.features for c in candidates(text, q, q + 4, "people", [(q, q + 4)])}
    assert not any(f.startswith("w_") for f in without["参加培训"])


def test_the_component_gives_the_head_word_and_probability_and_rows_carry_them(nlp):
    from pdcnlp.extraction.rows import measurement_rows

    doc = nlp.make_doc("共舉辦讀經典、講故事等系列活動900余場。")
    for name, proc in nlp.pipeline:
        if name == "pdcnlp_linker":
            # a word layer as the tagger would give it (any component that fills doc.spans["words"])
            from spacy.tokens import Span
            norm = [t.norm_ for t in doc]
            cuts = [(0, 1), (1, 3), (3, 4), (4, 6), (6, 7), (7, 8), (8, 10), (10, 11), (11, 13), (13, 15)]
            doc.spans[WORDS_KEY] = [Span(doc, a, b, label="n") for a, b in cuts]
            assert "".join(norm[13:15]) == "活动"
        doc = proc(doc)
    (m,) = doc._.measurements
    assert m.target_text.endswith("系列活動")
    assert m.target_head_text == "活動" and m.target_head.end == m.target.end
    assert 0.0 < m.link_prob <= 1.0
    cols = {c: None for c in MEASUREMENT_COLUMNS[:MEASUREMENT_COLUMNS.index("sentence_orgs")]}
    (row,) = measurement_rows(doc, cols)
    assert tuple(row) == MEASUREMENT_COLUMNS
    assert row["target_head"] == "活動" and row["link_prob"] == m.link_prob


def test_without_a_word_layer_the_head_is_unknown_but_the_probability_is_there():
    import pdcnlp

    nlp = pdcnlp.load(exclude=("words_tagger", "pdcnlp_words"))
    assert "pdcnlp_words" not in nlp.pipe_names
    doc = nlp("开展集体学习4000余场次。")
    (m,) = doc._.measurements
    assert m.target_text == "集体学习" and m.target_head is None and 0.0 < m.link_prob <= 1.0
    assert m.as_dict()["link_prob"] == m.link_prob


def test_a_word_across_the_sentence_break_is_cut_at_it(nlp):
    from spacy.tokens import Span

    doc = nlp.make_doc("开展集体学习4000余场次。发放资料2万份。")
    for name, proc in nlp.pipeline:
        if name == "pdcnlp_linker":
            cut = doc.text.index("。") + 1
            tok = next(t.i for t in doc if t.idx == cut - 1)
            doc.spans[WORDS_KEY] = [Span(doc, 0, tok - 1, label="n"), Span(doc, tok - 1, tok + 2, label="n"),
                                    Span(doc, tok + 2, len(doc), label="n")]
        doc = proc(doc)
    assert [m.target_text for m in doc._.measurements][1] is not None


def test_a_fenbie_list_offers_the_nth_item_to_the_nth_figure():
    from pdcnlp.linking.lists import quantity_run

    text = "发生事故3起,死亡4人,同比分别下降50%、42.9%"
    p50, p42 = text.index("50%"), text.index("42.9")
    q = [(4, 6), (9, 11), (p50, p50 + 3), (p42, len(text))]
    assert text[2:4] == "事故" and text[7:9] == "死亡" and text[9:11] == "4人"
    assert quantity_run(text, p50, q) == (p50, 0, 2) and quantity_run(text, p42, q) == (p50, 1, 2)
    assert quantity_run(text, 4, q) == (4, 0, 1)
    # 同比 分别 下降: no noun before the run, so the earlier items are offered
    words = WordIndex.build([(12, 14, "d"), (14, 16, "d"), (16, 18, "v")])
    earlier = [((2, 4), "events"), ((7, 9), "people")]     # 事故, 死亡
    for k, want in ((2, (2, 4)), (3, (7, 9))):
        cands = back_candidates(text, *q[k], "percent", earlier, q, words)
        matched = [(c.start, c.end) for c in cands if "back|list_order=True" in c.features]
        assert matched == [want]


def test_phrase_starts_run_back_over_nominal_words_and_joined_lists():
    text = "新增高速和一级公路5600公里"
    words = WordIndex.build([(0, 2, "v"), (2, 4, "n"), (4, 5, "c"), (5, 7, "m"), (7, 9, "n"), (9, 13, "m"),
                             (13, 15, "q")])
    run, coord = words.phrase_starts(9)
    assert [text[s:9] for s in run] == ["公路"]          # 一级 is a numeral word here: the run stops
    words = WordIndex.build([(0, 2, "v"), (2, 4, "n"), (4, 5, "c"), (5, 7, "b"), (7, 9, "n"), (9, 13, "m"),
                             (13, 15, "q")])
    run, coord = words.phrase_starts(9)
    assert [text[s:9] for s in run] == ["公路", "一级公路"] and text[coord:9] == "高速和一级公路"
    assert words.phrase_starts(2) == ((), -1)              # 新增 is a verb: no noun phrase ends there


def test_phrase_start_features_say_where_a_candidate_starts():
    text = "全市存在住宅类历史遗留问题项目911个"
    q = text.index("911")
    ws = [(0, 2, "n"), (2, 4, "v"), (4, 7, "b"), (7, 9, "n"), (9, 11, "v"), (11, 13, "n"), (13, 15, "n"),
          (q, q + 3, "m"), (q + 3, q + 4, "q")]
    cands = {text[c.start:c.end]: c.features for c in candidates(text, q, q + 4, "items", [(q, q + 4)],
                                                                   words=WordIndex.build(ws))}
    assert "np=full" in cands["问题项目"] and "np=cut1" in cands["项目"]
    assert "np=over|V" in cands["遗留问题项目"]
    assert "np=over|V" in cands["存在住宅类历史遗留问题项目"]   # the word before the run decides, 遗留


def test_a_plain_noun_before_a_change_vetoes_the_back_link():
    text = "地方生产总值38.62亿元,同比增长8.1%"
    q1 = (6, 13)
    q2 = (text.index("8.1"), len(text))
    earlier = [((2, 6), "money")]
    # 同比 is tagged j (an abbreviation), 增长 vn: they word a change, they name nothing
    change = WordIndex.build([(0, 2, "n"), (2, 6, "n"), (6, 13, "m"), (13, 14, "w"), (14, 16, "j"),
                              (16, 18, "vn"), (q2[0], q2[1], "m")])
    assert change.names_noun(14, q2[0]) is False
    (back,) = back_candidates(text, *q2, "percent", earlier, [q1, q2], change)
    assert (back.start, back.end) == (2, 6) and "back|cue_pos=N-N" in back.features
    rate = "地方生产总值38.62亿元,增幅8.1%"
    q2 = (rate.index("8.1"), len(rate))
    noun = WordIndex.build([(0, 2, "n"), (2, 6, "n"), (6, 13, "m"), (13, 14, "w"), (14, 16, "n"),
                            (q2[0], q2[1], "m")])
    assert back_candidates(rate, *q2, "percent", earlier, [q1, q2], noun) == []   # 增幅 takes the link


def test_a_share_links_back_past_the_whole_it_names():
    text = "全区共有党员34.59万名,占全区人口总数的10.46%"
    q1 = (text.index("34.59"), text.index(","))
    q2 = (text.index("10.46"), len(text))
    ws = WordIndex.build([(0, 2, "n"), (2, 4, "v"), (4, 6, "n"), (q1[0], q1[1], "m"), (q1[1], q1[1] + 1, "w"),
                          (q1[1] + 1, q1[1] + 2, "v"), (q1[1] + 2, q1[1] + 4, "n"), (q1[1] + 4, q1[1] + 6, "n"),
                          (q1[1] + 6, q1[1] + 8, "n"), (q2[0] - 1, q2[0], "u"), (q2[0], q2[1], "m")])
    (back,) = back_candidates(text, *q2, "percent", [((4, 6), "people")], [q1, q2], ws)
    assert (back.start, back.end) == (4, 6) and "back|share=True" in back.features
    other = text.replace("占", "比")          # no share: the nouns of the stretch name its own target
    assert back_candidates(other, *q2, "percent", [((4, 6), "people")], [q1, q2], ws) == []


def test_a_candidate_after_its_number_knows_where_the_noun_run_ends():
    text = "全县73个行政村集体经济收入均突破"
    q = (2, 5)
    ws = WordIndex.build([(0, 2, "n"), (2, 4, "m"), (4, 5, "q"), (5, 8, "n"), (8, 12, "l"), (12, 14, "n"),
                          (14, 15, "d"), (15, 17, "v")])
    cands = {text[c.start:c.end]: c.features for c in candidates(text, *q, "units", [q], words=ws)}
    assert "fwd=first" in cands["行政村"] and "fwd=full" in cands["行政村集体经济收入"]
    assert "fwd=past" in cands["行政村集体经济收入均突破"]


def test_a_relative_clause_may_stand_between_a_number_and_its_noun():
    text = "为全县76家符合规定的食品小作坊发放了许可证"
    q = (text.index("76"), text.index("76") + 3)
    spans = {text[c.start:c.end]: c.features for c in candidates(text, *q, "units", [q])}
    assert "after_de_clause" in spans["食品小作坊"]


def test_inner_kinds_name_verbs_and_prepositions_inside_a_candidate():
    text = "增速比一季度加快0.8个百分点"
    ws = WordIndex.build([(0, 2, "n"), (2, 3, "p"), (3, 6, "n"), (6, 8, "v"), (8, 15, "m")])
    assert ws.inner_kinds(0, 6) == ("P",)
    assert ws.inner_kinds(2, 8) == ("V",)          # the first word itself does not count
    assert ws.inner_kinds(0, 2) == ()
