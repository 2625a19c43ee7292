"""`pdcnlp evaluate` says when the file it scores is the pipeline's training data.

Scoring the shipped pipeline on corpus/seeds.jsonl gives training scores
(micro F1 near 0.96); without a word, that reads as a promise for new reports.
"""
import json

from conftest import ROOT

from pdcnlp.cli import main

CORPUS = ROOT / "corpus" / "seeds.jsonl"


def test_caveat_on_the_training_corpus(capsys):
    assert main(["evaluate", str(CORPUS)]) == 0
    err = capsys.readouterr().err
    assert "caveat: 279 of 279 sentences" in err and "training scores" in err
    assert "training/RESULTS.md" in err


def test_caveat_follows_the_split_the_model_was_trained_on(capsys):
    pages, splits = ROOT / "corpus" / "pages.jsonl", ROOT / "corpus" / "splits.json"
    assert main(["evaluate", str(pages), "--split", "test", "--splits", str(splits)]) == 0
    assert "caveat" not in capsys.readouterr().err
    assert main(["evaluate", str(pages), "--split", "train", "--splits", str(splits)]) == 0
    assert "caveat" in capsys.readouterr().err


def test_no_caveat_for_other_documents(tmp_path, capsys):
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()[:3]]
    for r in records:
        r["source"] = "new_report.txt"
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 0
    assert "caveat" not in capsys.readouterr().err
