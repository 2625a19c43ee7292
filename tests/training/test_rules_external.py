"""training.rules_external: the rules scored on MSRA test text."""
from conftest import require_shared


def test_rules_find_places_and_organisations_in_outside_text():
    from training.rules_external import score_rules_on_msra

    scores = score_rules_on_msra(require_shared("msra") / "msra_test_bio", limit=500)
    assert scores["GPE"]["gold"] > 100 and scores["ORG"]["gold"] > 50
    # a floor well under what the full test set gives (P 0.76 / 0.49): the
    # rules must keep finding real places and organisations in news text
    assert scores["GPE"]["p"] > 0.5 and scores["GPE"]["r"] > 0.1
    assert scores["ORG"]["p"] > 0.3
