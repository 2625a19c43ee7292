"""Assemble the shipped pipeline: the rule pipeline of pdcnlp.build, the
fine-tuned tok2vec and ner sourced in, the fitted linker's weights; and the
variants the leave-one-document-out table compares."""
from __future__ import annotations

from typing import Dict

import pdcnlp
from pdcnlp.schema import NAME_LABELS


def assemble(ner_nlp, policy: str, use_model: bool = True, use_rules: bool = True, linker=None,
             check_model: str = "none"):
    """The full pipeline: tokenizer, sentences, [tok2vec, ner], rules, quantities, linker."""
    # policy and labels go through the component config, so that they are
    # saved with the pipeline (an attribute set afterwards would not be)
    nlp = pdcnlp.build(policy=policy, rule_labels=NAME_LABELS if use_rules else (),
                       check_model=check_model)
    if linker is not None:
        nlp.get_pipe("pdcnlp_linker").model = linker
    if use_model:
        nlp.add_pipe("tok2vec", source=ner_nlp, after="pdcnlp_sentences")
        nlp.add_pipe("ner", source=ner_nlp, after="tok2vec")
    return nlp


VARIANTS = {
    "rules only": dict(use_model=False, use_rules=True, policy="model_first"),
    "model only": dict(use_model=True, use_rules=False, policy="model_first"),
    "combined, model first": dict(use_model=True, use_rules=True, policy="model_first"),
    "combined, rules first": dict(use_model=True, use_rules=True, policy="rules_first"),
    "combined, rules first, model spans well formed": dict(use_model=True, use_rules=True, policy="rules_first",
                                                           check_model="form"),
    "combined, rules first, model spans of rule shape": dict(use_model=True, use_rules=True, policy="rules_first",
                                                             check_model="shape"),
}


def shipped_variant(cfg: Dict) -> str:
    """The VARIANTS row that finetune.cfg's [combine] section ships."""
    c = cfg["combine"]
    want = dict(use_model=True, use_rules=True, policy=c["policy"], check_model=c.get("check_model", "none"))
    for name, kw in VARIANTS.items():
        if {**dict(check_model="none"), **kw} == want:
            return name
    raise ValueError(f"[combine] {dict(c)} matches no scored variant")
