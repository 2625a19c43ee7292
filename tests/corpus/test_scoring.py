from pdcnlp.corpus.scoring import score

GOLD = [{
    "id": "a", "source": "d", "text": "",
    "entities": [[0, 3, "ORG"], [5, 7, "GPE"], [9, 13, "QUANTITY"], [15, 18, "QUANTITY"]],
    "targets": [[20, 24], [25, 28]],
    "links": [[9, 13, 20, 24], [15, 18, 25, 28]],
    "quantities": [{"span": [9, 13], "value": 4000, "qualifier": "over", "unit": "场次"},
                   {"span": [15, 18], "value": 99, "qualifier": "exact", "unit": "%"}],
}]


def test_scores_by_hand():
    pred = [{
        "entities": [[0, 3, "ORG"], [5, 8, "GPE"], [9, 13, "QUANTITY"], [15, 18, "QUANTITY"], [30, 32, "ORG"]],
        "links": [[9, 13, 21, 24], [15, 18, 25, 27]],
        "quantities": [{"span": [9, 13], "value": 4000.0, "qualifier": "over", "unit": "场次"},
                       {"span": [15, 18], "value": 99, "qualifier": "approx", "unit": "%"}],
    }]
    s = score(GOLD, pred)
    assert s["ents_per_type"]["ORG"] == {"p": 0.5, "r": 1.0, "f": 2 / 3}
    assert s["ents_per_type"]["GPE"]["f"] == 0.0
    assert s["ents_p"] == 3 / 5 and s["ents_r"] == 3 / 4
    # head match: first link ends right (24), second does not (27 != 28)
    assert s["links_head_f"] == 0.5 and s["links_strict_f"] == 0.0
    assert s["quantity_reading_acc"] == 0.5
    assert s["n_docs"] == 1


def test_perfect_prediction_scores_one():
    pred = [{"entities": GOLD[0]["entities"], "links": GOLD[0]["links"], "quantities": GOLD[0]["quantities"]}]
    s = score(GOLD, pred)
    assert s["ents_f"] == 1.0 and s["links_head_f"] == 1.0 and s["links_strict_f"] == 1.0
    assert s["quantity_reading_acc"] == 1.0


def test_breakdown_rows_show_no_score_for_a_label_absent_from_a_group():
    from pdcnlp.corpus.scoring import format_rows, score_by

    gold = [{"id": "a", "text": "县委", "campaign_group": "x", "entities": [[0, 2, "ORG"]], "targets": [], "links": [],
             "quantities": []},
            {"id": "b", "text": "仪陇", "campaign_group": "y", "entities": [[0, 2, "GPE"]], "targets": [], "links": [],
             "quantities": []}]
    pred = [{"entities": [[0, 2, "ORG"]]}, {"entities": [[0, 2, "ORG"]]}]
    by = score_by(gold, pred, "campaign_group")
    assert set(by) == {"all", "x", "y"} and by["x"]["ents_per_type"]["ORG"]["f"] == 1.0
    rows = format_rows(by, "campaign_group").splitlines()
    y = next(r for r in rows if r.startswith("| y "))
    assert y.split("|")[3].strip() == "–" and y.split("|")[4].strip() == "0.000"   # ORG absent; GPE missed
