"""The linker component (linking/component.py) over the pure linker."""
from __future__ import annotations

from pdcnlp.linking.component import QuantityLinker
from pdcnlp.linking.model import RULE_WEIGHTS, LinkModel
from pdcnlp.schema import TARGET_LABEL, TARGETS_KEY


def test_targets_are_the_measurements_targets(nlp):
    doc = nlp("开展集体学习4000余场次,发放宣传资料2万余份。全省16市参加。")
    ms = doc._.measurements
    assert [m.target_text for m in ms] == ["集体学习", "宣传资料", None]     # 16市: a noun as its own classifier
    targets = list(doc.spans[TARGETS_KEY])
    assert [(t.start, t.end) for t in targets] == [(m.target.start, m.target.end) for m in ms if m.target is not None]
    assert all(t.label_ == TARGET_LABEL for t in targets)
    for m in ms:
        if m.target is not None:
            assert m.target.sent == m.span.sent     # never across a sentence


def test_a_doc_without_quantities_gets_an_empty_target_group(nlp):
    doc = nlp("仪陇县委老干部局。")
    assert list(doc.spans[TARGETS_KEY]) == []


def test_a_fresh_linker_uses_the_rule_weights_and_weights_round_trip(nlp, tmp_path):
    fresh = QuantityLinker()
    assert fresh.model.weights == RULE_WEIGHTS
    trained = nlp.get_pipe("pdcnlp_linker")
    again = QuantityLinker().from_bytes(trained.to_bytes())
    assert again.model.weights == trained.model.weights and again.model.bias == trained.model.bias
    trained.to_disk(tmp_path / "l")
    assert QuantityLinker().from_disk(tmp_path / "l").model.to_json() == trained.model.to_json()


def test_the_weights_decide_the_target(nlp):
    doc = nlp.make_doc("开展集体学习4000余场次。")
    for name, proc in nlp.pipeline:
        if name != "pdcnlp_linker":
            doc = proc(doc)
    QuantityLinker(LinkModel(RULE_WEIGHTS)).__call__(doc)
    assert doc._.measurements[0].target_text == "集体学习"
    # the same features, with four-character candidates penalised: another target wins
    QuantityLinker(LinkModel({**RULE_WEIGHTS, "len=4": -10.0})).__call__(doc)
    assert doc._.measurements[0].target_text not in (None, "集体学习")
