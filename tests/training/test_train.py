"""The training workflow (project.yml, training/steps.py) on a tiny config:
it runs through spaCy's own loop, saves a loadable, packaged pipeline, and
is deterministic for a seed."""
import json

import pytest

from conftest import ROOT

BASE = ROOT / "training" / "base_model"
pytestmark = pytest.mark.skipif(not (BASE / "config.cfg").exists(), reason="no base model committed yet")
DEV = "002_9cf4878ccf6c084d.txt"


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture(scope="module")
def records():
    from pdcnlp.corpus.dataset import load_records

    return load_records(ROOT / "corpus" / "seeds.jsonl")


@pytest.fixture(scope="module")
def tiny_config(tmp_path_factory, records):
    """finetune.cfg over a tiny corpus directory (two seed articles, a few
    pages of each split) and one epoch: every setting still comes from a
    config file, as in the real build."""
    from spacy.util import load_config

    from pdcnlp.corpus.dataset import load_records
    from pdcnlp.corpus.splits import load_splits, save_splits

    tmp = tmp_path_factory.mktemp("tiny")
    corpus = tmp / "corpus"
    corpus.mkdir()
    docs = ["000_aee2db037343fe4f.txt", DEV]
    _write(corpus / "seeds.jsonl", [r for r in records if r["source"] in docs])
    split = load_splits(ROOT / "corpus" / "splits.json")
    pages = load_records(ROOT / "corpus" / "pages.jsonl")
    keep = {}
    for name, n in (("train", 3), ("dev", 2), ("test", 2)):
        for page in sorted(p for p, s in split.items() if s == name)[:n]:
            keep[page] = name
    _write(corpus / "pages.jsonl", [r for r in pages if r["source"] in keep])
    save_splits(keep, corpus / "splits.json")
    cfg = load_config(ROOT / "training" / "configs" / "finetune.cfg")
    cfg["paths"]["corpus"] = str(corpus)
    cfg["training"]["max_epochs"] = 1
    cfg["training"]["eval_frequency"] = 5
    cfg.to_disk(tmp / "tiny.cfg")
    return tmp / "tiny.cfg"


def test_the_workflow_saves_a_loadable_packaged_pipeline(tmp_path, tiny_config):
    import pdcnlp
    from training.train import main

    out = tmp_path / "model"
    versions = (ROOT / "training" / "model_versions.json").read_text(encoding="utf-8")
    from conftest import require_shared

    require_shared("peoples_daily_1998")   # the word layer's training data
    assert main(["--config", str(tiny_config), "--output", str(out), "--words-steps", "20"]) == 0
    nlp = pdcnlp.load(out)
    assert nlp.pipe_names == ["pdcnlp_sentences", "tok2vec", "ner", "pdcnlp_entity_rules", "pdcnlp_confidence",
                              "pdcnlp_divisions", "pdcnlp_quantities", "words_tagger", "pdcnlp_words", "pdcnlp_linker"]
    assert set(nlp.get_pipe("ner").labels) == {"ORG", "GPE", "PROGRAMME"}
    doc = nlp("儀隴縣委老幹部局組織開展集體學習4000余場次。")
    assert any(e.label_ == "QUANTITY" for e in doc.ents)
    assert not list(out.rglob("*.pkl")) and not list(out.rglob("*.pickle"))
    # not the shipped directory: a local version label, never recorded as a release
    assert "+" in nlp.meta["version"] and nlp.meta["pdcnlp"]["fingerprint"].startswith(nlp.meta["version"][-8:])
    assert (ROOT / "training" / "model_versions.json").read_text(encoding="utf-8") == versions
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8").startswith(f"# pdcnlp_zh {nlp.meta['version']}")
    assert nlp.meta["pdcnlp"]["trained"]["finetune_epochs"] == 1
    assert set(nlp.meta["performance"]["ents_per_type"]) == {"ORG", "GPE", "PROGRAMME", "QUANTITY"}
    # the combination policy of the config survives saving and loading
    from spacy.util import load_config

    assert nlp.get_pipe("pdcnlp_entity_rules").policy == load_config(tiny_config)["combine"]["policy"]


def test_finetuning_is_deterministic_for_a_seed(records, tiny_config):
    from training.finetune import finetune

    texts = [r["text"] for r in records[:30]]
    runs = []
    for _ in range(2):
        nlp = finetune(tiny_config, {"system.seed": 7, "corpora.train.exclude": [DEV]})
        runs.append([[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)])
    assert runs[0] == runs[1]


def test_the_workflow_names_existing_steps_and_configs():
    import srsly   # spaCy's serialisation library; weasel reads project.yml with it

    from training.steps import STEPS

    project = srsly.read_yaml(ROOT / "project.yml")
    commands = {c["name"]: c for c in project["commands"]}
    assert project["workflows"]["all"] == ["finetune", "words", "linker", "dev-score", "test-score", "package"]
    for name, c in commands.items():
        assert f"training.steps {name} " in c["script"][0]
        assert name in STEPS
    for var in ("config", "base_config"):
        assert (ROOT / project["vars"][var]).exists()


def test_hyper_parameters_are_in_the_configs():
    from spacy.util import load_config

    ft = load_config(ROOT / "training" / "configs" / "finetune.cfg")
    base = load_config(ROOT / "training" / "configs" / "ner_base.cfg")
    lk = load_config(ROOT / ft["linker"]["config"])
    assert lk["linker"]["C"] > 0 and lk["linker"]["kind"] in ("softmax", "logistic")
    assert dict(ft["splits"]) == {"train": "train", "dev": "dev", "test": "test"}
    assert ft["corpora"]["dev"]["split"] == "${splits.dev}" and ft["corpora"]["train"]["split"] == "${splits.train}"
    assert ft["training"]["max_epochs"] > 0 and ft["training"]["optimizer"]["learn_rate"] > 0
    assert set(base["base_data"]) == {"msra", "cluener", "pd1998"} and base["training"]["max_steps"] > 0


def test_linker_fits_and_serialises_without_pickle(records):
    pytest.importorskip("sklearn")
    from spacy.util import load_config

    from pdcnlp.linking.model import LinkModel
    from training.train_linker import evaluate, fit

    C = load_config(ROOT / "training" / "configs" / "linker.cfg")["linker"]["C"]
    model = fit(records[:150], C)
    back = LinkModel.from_dict(json.loads(model.to_json()))
    assert back.weights == model.weights and back.meta["C"] == C
    assert evaluate(back, records[:150])["head_f"] > 0.8   # training data: it must at least fit it
