"""Entities: ORG, GPE and PROGRAMME from rules (pure, data in an
:class:`EntityLexicon`) and from the trained recogniser (its tok2vec
architecture is :mod:`.architectures`), combined by the component.

Importing this package registers the component and the architecture.
"""
from . import architectures, component, confidence_component  # noqa: F401  (registers with spaCy)
from .lexicon import EntityLexicon
from .rules import find_entities

__all__ = ["EntityLexicon", "find_entities"]
