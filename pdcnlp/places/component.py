"""spaCy component ``pdcnlp_divisions``: GB/T 2260 divisions on GPE and ORG
spans, canonical ORG names, the Doc's locality.

A thin factory over :func:`pdcnlp.places.document.resolve_document`, fed
this Doc alone: its GPE and ORG spans (clean Simplified text), its clean
text, and the title and source a caller may put in
``doc.user_data["pdcnlp.meta"]`` (``{"title": …, "source": …, "site": …}``)
before running the pipeline on it::

    doc = nlp.make_doc(text); doc.user_data["pdcnlp.meta"] = {"title": title}
    doc = nlp(doc)
    doc.ents[0]._.division   # {"code": "511324", "name": "仪陇县", "level": "county", …} or None
    doc.ents[0]._.canonical  # "仪陇县委宣传部"
    doc._.locality           # {"code": …, "name": …, "confidence": …} or None

Extraction reads long documents in windows and runs the same function once
over the whole document instead (:mod:`pdcnlp.extraction.places`). Results
live in ``doc.user_data`` as plain dicts (they survive DocBin), keyed by
character offsets. The division list is packaged data
(``resources/divisions.json``), its hash recorded in the model's meta like
the other run-time resources (:mod:`pdcnlp.artefact`).
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..schema import DIVISIONS_KEY, DOC_META_KEY, LOCALITY_KEY, PLACE_LABELS
from ..text.clean_view import clean_view, span_norm
from .divisions import Divisions
from .document import Mention, resolve_document



def _key(span: Span) -> str:
    return f"{span.start_char}:{span.end_char}"


def _division(span: Span) -> Optional[Dict[str, object]]:
    return (span.doc.user_data.get(DIVISIONS_KEY, {}).get(_key(span)) or {}).get("division")


def _canonical(span: Span) -> Optional[str]:
    return (span.doc.user_data.get(DIVISIONS_KEY, {}).get(_key(span)) or {}).get("canonical")


def _locality(doc: Doc) -> Optional[Dict[str, object]]:
    return doc.user_data.get(LOCALITY_KEY)


for _name, _getter in (("division", _division), ("canonical", _canonical)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)
if not Doc.has_extension("locality"):
    Doc.set_extension("locality", getter=_locality)


def doc_mentions(doc: Doc) -> List[Span]:
    return [e for e in doc.ents if e.label_ in PLACE_LABELS]


@Language.factory("pdcnlp_divisions", assigns=["doc.user_data"], requires=["doc.ents"],
                  default_config={"min_title_confidence": 0.5})
def make_divisions(nlp: Language, name: str, min_title_confidence: float):
    return DivisionResolver(min_title_confidence)


class DivisionResolver:
    """Sets ``span._.division``, ``span._.canonical`` and ``doc._.locality``."""

    def __init__(self, min_title_confidence: float = 0.5, divisions: Optional[Divisions] = None):
        self.min_title_confidence = min_title_confidence
        self.divisions = divisions

    def __call__(self, doc: Doc) -> Doc:
        spans = doc_mentions(doc)
        mentions = [Mention(e.label_, span_norm(e), e.start_char, e.end_char, e.sent.start_char if doc.has_annotation(
            "SENT_START") else -1) for e in spans]
        meta = doc.user_data.get(DOC_META_KEY) or {}
        source = " ".join(str(meta[k]) for k in ("source", "site") if meta.get(k))
        found = resolve_document(mentions, clean_view(doc).text, title=meta.get("title"), source=source or None,
                                 divs=self.divisions or Divisions.packaged(),
                                 min_title_confidence=self.min_title_confidence)
        store = {}
        for e, res, canon in zip(spans, found.resolutions, found.canonical):
            store[_key(e)] = {"division": res.as_dict() if res is not None else None, "canonical": canon}
        doc.user_data[DIVISIONS_KEY] = store
        doc.user_data[LOCALITY_KEY] = found.locality.as_dict() if found.locality.code else None
        return doc
