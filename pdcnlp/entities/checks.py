"""Checks on spans from elsewhere (the statistical recogniser).

:func:`well_formed` asks what ANNOTATION.md says of every span of a label;
:func:`plausible` also asks for the shape the rules look for. The entity
component applies one of them to the model's spans (its ``check_model``).
"""
from __future__ import annotations

from ..lexicon import CLAUSE_PUNCT, brackets_paired, splits_word
from .lexicon import EntityLexicon
from .organisations import org_edge_ok
from .places import gpe_chain


def well_formed(lx: EntityLexicon, clean: str, start: int, end: int, label: str) -> bool:
    """Does a span from elsewhere (the statistical model) break what
    ANNOTATION.md says of every span of its label, whatever the rules cover?

    * every label: no clause punctuation inside, quotes and brackets paired;
    * ORG: no position after it or at its end (区委|书记, 市委常委);
    * GPE: no collective or pointing word (全县, 该区), no cut word (高密|度);
    * PROGRAMME: a campaign name, or a quoted name (with what follows the
      quote) whose inside is no slogan or set phrase.
    """
    text = clean[start:end]
    if not text or CLAUSE_PUNCT.search(text) or not brackets_paired(text):
        return False
    if label == "ORG":
        return org_edge_ok(lx, clean, start, end)
    if label == "GPE":
        return text not in lx["gpe_generic"] and not splits_word(clean, end)
    if label == "PROGRAMME":
        if text in lx["programme_names"]:
            return True
        if not text.startswith("“") or "”" not in text:
            return False
        inner = text[1:text.index("”")]
        return inner not in lx["not_programme"] and not text.endswith(("和", "等", "、", "及"))
    return True


def plausible(lx: EntityLexicon, clean: str, start: int, end: int, label: str) -> bool:
    """Is a span from elsewhere well formed (:func:`well_formed`) and also of
    the shape the rules themselves look for?

    * GPE: exactly a chain of place links (known names, or stems with an
      administrative suffix);
    * ORG: ends on an organisation head, with no verb in its body; a quoted
      team counts by its inside.

    Stricter than :func:`well_formed`: on the seed corpus (where the rules
    were written) it removes nearly every ORG and GPE span the model adds;
    on outside text (training/RULES_EXTERNAL.md) it removes correct ones too.
    """
    if not well_formed(lx, clean, start, end, label):
        return False
    text = clean[start:end]
    if label == "GPE":
        return gpe_chain(lx, clean, start, known_first=False) == end
    if label == "ORG":
        inner = text[1:-1] if text[0] == "“" and text[-1] == "”" else text
        heads = [h for h in lx["org_heads"] + lx["org_named_heads"] if inner.endswith(h)]
        if not heads or len(inner) <= len(max(heads, key=len)):
            return False
        body_end = len(inner) - len(max(heads, key=len))
        verbs = lx.patterns["body_stop_words"].finditer(inner)
        return all(v.start() >= body_end for v in verbs)
    return True
