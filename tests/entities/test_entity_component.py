"""The pdcnlp_entity_rules component: how rule and model spans combine."""
import pytest
from spacy.language import Language

import pdcnlp

TEXT = "依托张思德干部学院举办“马背课堂”,休闲广场和祁连山生态保护"


@Language.component("test_fake_model")
def fake_model(doc):
    """Stands in for a trained ner: proposes fixed spans by character offsets."""
    def span(s, e, label):
        return doc.char_span(s, e, label=label)

    t = doc.text
    proposals = [
        span(t.index("张思德"), t.index("张思德") + 3, "GPE"),            # overlaps the rule ORG
        span(t.index("“马背"), t.index("课堂”") + 3, "PROGRAMME"),       # a quoted name: plausible
        span(t.index("休闲"), t.index("广场") + 2, "ORG"),                # no organisation head
        span(t.index("祁连山"), t.index("保护") + 2, "GPE"),              # no place
    ]
    doc.ents = [sp for sp in proposals if sp is not None]
    return doc


def pipeline(policy, check_model):
    nlp = pdcnlp.build(policy=policy, check_model=check_model)
    nlp.add_pipe("test_fake_model", before="pdcnlp_entity_rules")
    return nlp


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_rules_first_with_model_spans_of_rule_shape():
    doc = pipeline("rules_first", "shape")(TEXT)
    assert ents(doc) == [("张思德干部学院", "ORG"), ("“马背课堂”", "PROGRAMME")]
    # what the model proposed stays inspectable, checked or not
    assert len(doc.spans["ents_model"]) == 4
    assert ("张思德干部学院", "ORG") in [(s.text, s.label_) for s in doc.spans["ents_rules"]]


def test_well_formed_model_spans_need_not_have_rule_shape():
    doc = pipeline("rules_first", "form")(TEXT)
    # no organisation head, but nothing ANNOTATION.md forbids: kept
    assert ("休闲广场", "ORG") in ents(doc) and ("“马背课堂”", "PROGRAMME") in ents(doc)


def test_unchecked_model_spans_are_all_kept_where_rules_leave_room():
    doc = pipeline("rules_first", "none")(TEXT)
    assert ("休闲广场", "ORG") in ents(doc) and ("祁连山生态保护", "GPE") in ents(doc)


def test_model_first_keeps_overlapping_model_spans():
    doc = pipeline("model_first", "none")(TEXT)
    assert ("张思德", "GPE") in ents(doc) and ("张思德干部学院", "ORG") not in ents(doc)


def test_policy_and_check_survive_saving(tmp_path):
    nlp = pdcnlp.build(policy="rules_first", check_model="form")
    nlp.to_disk(tmp_path / "p")
    comp = pdcnlp.load(tmp_path / "p").get_pipe("pdcnlp_entity_rules")
    assert comp.policy == "rules_first" and comp.check_model == "form"


def test_unknown_policy_or_check_is_an_error():
    with pytest.raises(ValueError, match="policy"):
        pdcnlp.build(policy="both")
    with pytest.raises(ValueError, match="check_model"):
        pdcnlp.build(check_model="strict")


@Language.component("test_fake_model_gpe")
def fake_model_gpe(doc):
    """A model that cuts a known county short and finds an ORG the rules also find."""
    t = doc.text
    doc.ents = [doc.char_span(t.index("仪陇"), t.index("仪陇") + 2, label="GPE"),
                doc.char_span(t.index("县委老干部局") - 2, t.index("县委老干部局") + 6, label="ORG")]
    return doc


def test_rules_first_labels_put_one_label_family_of_the_rules_first():
    text = "仪陇县开展活动,仪陇县委老干部局组织学习。"
    found = {}
    for first in ((), ("GPE",)):
        nlp = pdcnlp.build(policy="model_first", rules_first_labels=first)
        nlp.add_pipe("test_fake_model_gpe", before="pdcnlp_entity_rules")
        found[first] = ents(nlp(text))
    assert ("仪陇", "GPE") in found[()] and ("仪陇县", "GPE") not in found[()]
    assert ("仪陇县", "GPE") in found[("GPE",)] and ("仪陇", "GPE") not in found[("GPE",)]
    assert ("仪陇县委老干部局", "ORG") in found[("GPE",)]       # the model's ORG still wins for ORG
    with pytest.raises(ValueError, match="unknown labels"):
        pdcnlp.build(rules_first_labels=("PERSON",))


def test_rules_first_labels_survive_saving(tmp_path):
    nlp = pdcnlp.build(policy="model_first", rules_first_labels=("GPE",))
    nlp.to_disk(tmp_path / "m")
    import spacy
    assert spacy.load(tmp_path / "m").get_pipe("pdcnlp_entity_rules").rules_first_labels == {"GPE"}


@Language.component("test_fake_model_org")
def fake_model_org(doc):
    """A model that finds the whole body's name, place prefix included."""
    t = doc.text
    doc.ents = [doc.char_span(t.index("忻州市"), t.index("服务队") + 3, label="ORG")]
    return doc


def test_a_rules_first_place_does_not_cut_the_org_whose_name_it_heads():
    nlp = pdcnlp.build(policy="model_first", rules_first_labels=("GPE",))
    nlp.add_pipe("test_fake_model_org", before="pdcnlp_entity_rules")
    doc = nlp("忻州市红色志愿服务队开展活动。")
    assert ents(doc) == [("忻州市红色志愿服务队", "ORG")]
    assert ("忻州市", "GPE") in [(e.text, e.label_) for e in doc.spans["ents_rules"]]
