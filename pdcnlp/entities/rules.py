"""Rule-based ORG, GPE and PROGRAMME spans on the clean view.

Pure functions: clean text in, ``(start, end, label)`` out; the data they
read is an :class:`~pdcnlp.entities.lexicon.EntityLexicon` (the packaged one
unless a pipeline brings its own). The rules aim at precision; they are one
source beside the trained recogniser, scored on their own (issue 5). Each
label has its module: :mod:`.places` (GPE), :mod:`.organisations` (ORG),
:mod:`.programmes` (PROGRAMME), over the start scan of :mod:`.starts`;
:mod:`.checks` applies the same tests to spans from elsewhere.
"""
from __future__ import annotations

from typing import List

from .lexicon import EntityLexicon
from .organisations import find_orgs
from .places import find_gpes
from .programmes import find_programmes
from .starts import EntitySpan, overlaps


def find_entities(lx: EntityLexicon, clean: str) -> List[EntitySpan]:
    """All rule entities, non-overlapping: ORG over PROGRAMME over GPE."""
    chosen: List[EntitySpan] = []
    for found in (find_orgs(lx, clean), find_programmes(lx, clean), find_gpes(lx, clean)):
        for span in found:
            if not overlaps(span, chosen):
                chosen.append(span)
    return sorted(chosen)
