"""Assemble and load the pdcnlp spaCy pipeline.

Text in, Doc out: NormalizingTokenizer (clean view, original offsets) →
pdcnlp_sentences → tok2vec + ner (when trained) → pdcnlp_entity_rules →
pdcnlp_confidence (with a ner) → pdcnlp_divisions → pdcnlp_quantities → pdcnlp_linker. ``load()`` is what users call; nothing
is downloaded: every part ships inside the package.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

import spacy
from spacy.language import Language

from . import entities, text  # noqa: F401  (register the tokenizer, components, architecture)
from .linking import component as _linker  # noqa: F401  (registers pdcnlp_linker)
from .places import component as _places  # noqa: F401  (registers pdcnlp_divisions)
from .quantities import component as _quantities  # noqa: F401  (registers pdcnlp_quantities)
from .words import component as _words  # noqa: F401  (registers pdcnlp_words)
from .artefact import warn_if_stale
from .entities.confidence_component import FACTORY as CONFIDENCE_PIPE
from .schema import NAME_LABELS

MODEL_DIR = Path(__file__).parent / "model"

# Order matters: names first, so a number inside a name (“三会一课”) is never
# a QUANTITY; divisions right after the names they read; quantities never
# cut an entity already set; links last.
ENTITY_PIPES = ("pdcnlp_entity_rules", "pdcnlp_divisions", "pdcnlp_quantities", "pdcnlp_linker")


def build(segmenter: str = "char", policy: str = "model_first",
          rule_labels=NAME_LABELS, check_model: str = "none", rules_first_labels=()) -> Language:
    """A fresh pipeline from code, with the rule components only.

    ``policy``, ``rule_labels``, ``check_model`` and ``rules_first_labels`` go into the entity-rules
    component's config, so they are saved with the pipeline and restored on
    load."""
    nlp = spacy.blank(
        "zh",
        config={"nlp": {"tokenizer": {"@tokenizers": "pdcnlp.NormalizingTokenizer.v1", "segmenter": segmenter}}},
    )
    nlp.add_pipe("pdcnlp_sentences")
    for name in ENTITY_PIPES:
        if name == "pdcnlp_entity_rules":
            nlp.add_pipe(name, config={"policy": policy, "labels": list(rule_labels), "check_model": check_model,
                                       "rules_first_labels": list(rules_first_labels)})
        else:
            nlp.add_pipe(name)
    return nlp


def load(path: Optional[Union[str, Path]] = None, exclude=()) -> Language:
    """Load the shipped pipeline (or one saved at ``path``), warning when
    the packaged run-time data differ from those it was saved with
    (:mod:`pdcnlp.artefact`)."""
    nlp = spacy.load(path if path is not None else MODEL_DIR, exclude=list(exclude))
    warn_if_stale(nlp.meta)
    add_confidence(nlp, exclude)
    return nlp


def add_confidence(nlp: Language, exclude=()) -> Language:
    """Give a pipeline with a trained ``ner`` its ``pdcnlp_confidence``
    (``ent._.confidence``), right after the entity rules (or the ner), unless
    it has one or ``exclude`` names it. Added on load, not saved in the
    model: the component has no weights of its own, so models packaged
    before it get it too (docs/confidence.md)."""
    if "ner" in nlp.pipe_names and CONFIDENCE_PIPE not in nlp.pipe_names and CONFIDENCE_PIPE not in exclude:
        after = "pdcnlp_entity_rules" if "pdcnlp_entity_rules" in nlp.pipe_names else "ner"
        nlp.add_pipe(CONFIDENCE_PIPE, after=after)
    return nlp
