"""python -m training.train on a small budget: it runs, saves a loadable
pipeline with a model card, and is deterministic for a seed."""
import pytest

from conftest import ROOT

BASE = ROOT / "training" / "base_model"
pytestmark = pytest.mark.skipif(not (BASE / "config.cfg").exists(), reason="no base model committed yet")


@pytest.fixture(scope="module")
def records():
    from pdcnlp.corpus.dataset import load_records

    return load_records(ROOT / "corpus" / "seeds.jsonl")


def test_train_saves_a_loadable_pipeline(tmp_path):
    import pdcnlp
    from training.train import main

    out = tmp_path / "model"
    assert main(["--output", str(out), "--epochs", "1"]) == 0
    nlp = pdcnlp.load(out)
    # not the shipped directory: a local version label, never recorded as a release
    assert "+" in nlp.meta["version"] and nlp.meta["pdcnlp"]["fingerprint"].startswith(nlp.meta["version"][-8:])
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8").startswith(f"# pdcnlp_zh {nlp.meta['version']}")
    assert {"ner", "pdcnlp_entity_rules", "pdcnlp_quantities", "pdcnlp_linker"} <= set(nlp.pipe_names)
    doc = nlp("儀隴縣委老幹部局組織開展集體學習4000余場次。")
    assert any(e.label_ == "QUANTITY" for e in doc.ents)
    assert not list(out.rglob("*.pkl")) and not list(out.rglob("*.pickle"))
    # the combination policy chosen in finetune.cfg survives saving and loading
    from spacy.util import load_config

    from training.train import CONFIGS

    policy = load_config(CONFIGS / "finetune.cfg")["combine"]["policy"]
    assert nlp.get_pipe("pdcnlp_entity_rules").policy == policy


def test_finetuning_is_deterministic_for_a_seed(records):
    from spacy.util import load_config

    from training.train import CONFIGS, finetune

    cfg = load_config(CONFIGS / "finetune.cfg").interpolate()
    texts = [r["text"] for r in records[:40]]
    runs = []
    for _ in range(2):
        nlp = finetune(BASE, records[40:120], cfg, seed=7, epochs=1)
        runs.append([[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)])
    assert runs[0] == runs[1]


def test_linker_fits_and_serialises_without_pickle(records):
    pytest.importorskip("sklearn")
    import json

    from pdcnlp.linking.model import LinkModel
    from training.train_linker import evaluate, fit

    model = fit(records[:150])
    back = LinkModel.from_dict(json.loads(model.to_json()))
    assert back.weights == model.weights
    assert evaluate(back, records[:150])["head_f"] > 0.8   # training data: it must at least fit it
