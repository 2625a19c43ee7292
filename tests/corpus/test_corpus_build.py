"""The JSONL is what the hand-annotated markup compiles to, and consistent."""
import json

from conftest import ROOT
from training.build_corpus import build
from training.consistency import accepted_cases, load, report


def test_jsonl_is_in_sync_with_the_markup():
    built = build(ROOT / "corpus" / "src", ROOT / "seeds")
    with open(ROOT / "corpus" / "seeds.jsonl", encoding="utf-8") as f:
        shipped = [json.loads(line) for line in f]
    assert built == shipped, "run: python -m training.build_corpus"


def test_consistency_report_is_empty_or_explained():
    accepted = accepted_cases(ROOT / "corpus" / "DECISIONS.md")
    items = [x for x in report(load(ROOT / "corpus" / "seeds.jsonl")) if (x[0], x[1]) not in accepted]
    assert items == []
    # every accepted case still exists: no stale explanations
    live = {(x[0], x[1]) for x in report(load(ROOT / "corpus" / "seeds.jsonl"))}
    assert accepted <= live


def test_evaluate_json_has_the_documented_keys(capsys):
    from pdcnlp.cli import main

    assert main(["evaluate", str(ROOT / "corpus" / "seeds.jsonl"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("ents_p", "ents_r", "ents_f", "ents_per_type", "links_head_f", "links_strict_f",
                "quantity_reading_acc", "n_docs"):
        assert key in out
    assert out["n_docs"] == 5
    assert out["ents_per_type"]["QUANTITY"]["f"] >= 0.97
    assert out["quantity_reading_acc"] >= 0.98
