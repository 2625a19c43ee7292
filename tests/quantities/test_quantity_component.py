from pdcnlp.text.clean_view import span_offsets


def test_measurements_point_into_the_original_text(nlp):
    text = "開展集體學習4000余場次;受眾人數30萬餘人,創(chuàng)新開展3萬餘(yú)人次"
    doc = nlp(text)
    ms = doc._.measurements
    assert [m.text for m in ms][:2] == ["4000余場次", "30萬餘人"]
    for m in ms:
        s, e = m.offsets
        assert text[s:e] == m.text
        assert m.span.label_ == "QUANTITY"
        if m.target is not None:
            ts, te = m.as_dict()["target_start"], m.as_dict()["target_end"]
            assert text[ts:te] == m.as_dict()["target"]
    assert ms[0].as_dict()["value"] == 4000 and ms[0].as_dict()["unit_class"] == "events"


def test_quantities_do_not_cut_names(nlp):
    doc = nlp("組織開展“萬名學生”頌黨恩系列活動,累計舉辦系列活動900余場")
    labels = [(e.text, e.label_) for e in doc.ents]
    assert ("“萬名學生”頌黨恩系列活動", "PROGRAMME") in labels
    assert ("900余場", "QUANTITY") in labels
    assert len(doc._.measurements) == 1


def test_every_quantity_entity_has_a_reading(nlp, seed_texts):
    for text in seed_texts.values():
        doc = nlp(text)
        ents = {(e.start, e.end) for e in doc.ents if e.label_ == "QUANTITY"}
        assert ents == {(m.span.start, m.span.end) for m in doc._.measurements}
        assert all(span_offsets(m.span) == m.offsets for m in doc._.measurements)
