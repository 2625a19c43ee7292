"""Assembling, saving and loading the pipeline (pipeline.py), and the model
as a self-contained artefact: the rule lexicon travels with it."""
from __future__ import annotations

import json

import pytest
import spacy

import pdcnlp
from pdcnlp.pipeline import ENTITY_PIPES, MODEL_DIR


def test_build_has_the_rule_pipeline_in_order():
    nlp = pdcnlp.build(policy="rules_first", check_model="form")
    assert nlp.pipe_names == ["pdcnlp_sentences", *ENTITY_PIPES]
    assert nlp.get_pipe("pdcnlp_entity_rules").policy == "rules_first"
    assert nlp.config["components"]["pdcnlp_entity_rules"]["check_model"] == "form"


def test_the_shipped_model_loads_with_its_trained_parts(nlp):
    assert nlp.pipe_names[:3] == ["pdcnlp_sentences", "tok2vec", "ner"]
    # the word layer stands right before the linker, whose features it feeds
    # and the confidence (added by load(), no weights) right after the rules that set doc.ents
    assert nlp.pipe_names[3:] == [ENTITY_PIPES[0], "pdcnlp_confidence", *ENTITY_PIPES[1:-1], "words_tagger",
                                  "pdcnlp_words", ENTITY_PIPES[-1]]
    assert nlp.get_pipe("pdcnlp_linker").model.meta.get("kind") != "rules"   # trained weights


def test_the_shipped_model_carries_its_rule_lexicon():
    saved = json.loads((MODEL_DIR / "pdcnlp_entity_rules" / "entity_rules.json").read_text(encoding="utf-8"))
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert saved["version"] == meta["pdcnlp"]["rules_version"]


def test_a_saved_pipeline_runs_the_rules_saved_with_it(tmp_path):
    nlp = pdcnlp.build()
    text = "开展四下基层活动。"
    assert not [e for e in nlp(text).ents if e.label_ == "PROGRAMME"]
    nlp.to_disk(tmp_path / "m")
    f = tmp_path / "m" / "pdcnlp_entity_rules" / "entity_rules.json"
    words = json.loads(f.read_text(encoding="utf-8"))
    words["programme_names"].append("四下基层")
    f.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    loaded = spacy.load(tmp_path / "m")
    assert [(e.text, e.label_) for e in loaded(text).ents if e.label_ == "PROGRAMME"] == [("四下基层", "PROGRAMME")]
    assert not [e for e in pdcnlp.build()(text).ents if e.label_ == "PROGRAMME"]   # the package is unchanged


def test_a_pipeline_saved_without_its_lexicon_does_not_load(tmp_path):
    pdcnlp.build().to_disk(tmp_path / "m")
    for f in (tmp_path / "m" / "pdcnlp_entity_rules").iterdir():
        f.unlink()
    with pytest.raises(ValueError, match="entity_rules.json"):
        spacy.load(tmp_path / "m")


def test_load_with_exclude(tmp_path):
    nlp = pdcnlp.load(exclude=["pdcnlp_linker"])
    assert "pdcnlp_linker" not in nlp.pipe_names


# --- the shipped model as a versioned artefact -----------------------------------------

def _meta():
    return json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))


def test_meta_is_filled_and_names_a_version_of_its_own():
    meta = _meta()
    for key in ("name", "version", "description", "author", "license"):
        assert meta[key], key
    assert meta["sources"] and all(s["name"] and s["license"] for s in meta["sources"])
    assert meta["pdcnlp"]["package_version"] == pdcnlp.__version__


def test_the_fingerprint_in_meta_is_the_fingerprint_of_the_files():
    from pdcnlp.artefact import fingerprint

    assert fingerprint(MODEL_DIR) == _meta()["pdcnlp"]["fingerprint"]


def test_the_model_version_names_one_fingerprint():
    from conftest import ROOT

    history = json.loads((ROOT / "training" / "model_versions.json").read_text(encoding="utf-8"))
    meta = _meta()
    assert history[meta["version"]] == meta["pdcnlp"]["fingerprint"]


def test_the_fingerprint_changes_with_the_rules(tmp_path):
    import shutil

    from pdcnlp.artefact import fingerprint

    shutil.copytree(MODEL_DIR, tmp_path / "m")
    before = fingerprint(tmp_path / "m")
    (tmp_path / "m" / "MODEL_CARD.md").write_text("edited", encoding="utf-8")
    assert fingerprint(tmp_path / "m") == before               # the card is not part of it
    f = tmp_path / "m" / "pdcnlp_entity_rules" / "gazetteer_gpe.json"
    f.write_text(f.read_text(encoding="utf-8").replace("仪陇", "仪隆", 1), encoding="utf-8")
    assert fingerprint(tmp_path / "m") != before


def test_a_version_is_never_reused_for_other_weights(tmp_path):
    from training.package_model import VersionError, record_version

    history = tmp_path / "versions.json"
    record_version("1.0.0", "a" * 64, history)
    record_version("1.0.0", "a" * 64, history)               # the same artefact again: fine
    with pytest.raises(VersionError, match="bump"):
        record_version("1.0.0", "b" * 64, history)


def test_the_model_card_is_generated_from_config_and_meta():
    from training.model_card import card_text

    card = (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert card == card_text(MODEL_DIR)
    assert _meta()["version"] in card.splitlines()[0]


def test_the_packaged_run_time_data_are_those_the_model_was_saved_with():
    from pdcnlp.artefact import check

    assert check(_meta()) == []
    stale = {"pdcnlp": {"resources": {"units.json": "0" * 64}}}
    assert [p.split(":")[0] for p in check(stale)] == ["units.json"]
