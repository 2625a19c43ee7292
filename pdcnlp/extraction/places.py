"""The document-level places pass of extraction: divisions, canonical ORG
names and the locality, filled into a whole document's rows once all its
windows are analysed.

Why here and not per window: 县委 in the last window of a report is the
county the title and the first window name, and the locality needs all of
the document. The rows already hold what the pass needs (label, Simplified
text, offsets, sentence start), so the windows' Docs can still be dropped
as they go; only the level hint (全县, 县委 counts) is summed from their
clean text. The resolution itself is :func:`pdcnlp.places.resolve_document`,
the function the ``pdcnlp_divisions`` component runs on one Doc.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, List, Optional

from spacy.tokens import Doc

from ..places.document import Mention, resolve_document
from ..places.locality import level_hint
from ..places.resolve import Resolution
from ..schema import PLACE_LABELS
from ..text.clean_view import clean_view



def division_columns(res: Optional[Resolution]) -> Dict[str, object]:
    if res is None or not (res.code or res.parent_code):
        return {"division_code": None, "division_name": None, "division_level": res.level if res else None,
                "division_province": res.province if res else None, "division_city": res.city if res else None,
                "division_county": res.county if res else None}
    return {"division_code": res.code, "division_name": res.name, "division_level": res.level,
            "division_province": res.province, "division_city": res.city, "division_county": res.county}


class PlacePass:
    """Fed each window's Doc (:meth:`add`), then fills the rows (:meth:`fill`)."""

    def __init__(self):
        self.hint: Counter = Counter()

    def add(self, doc: Doc) -> None:
        self.hint.update(level_hint(clean_view(doc).text))

    def fill(self, measurements: List[Dict[str, object]], entities: List[Dict[str, object]],
             title: Optional[str] = None, source: Optional[str] = None) -> None:
        rows = [r for r in entities if r["label"] in PLACE_LABELS]
        mentions = [Mention(r["label"], r["text_simplified"], r["start"], r["end"], r["sent_start"]) for r in rows]
        found = resolve_document(mentions, title=title, source=source, hint=self.hint)
        loc = found.locality
        doc_cols = {"locality": loc.name, "locality_code": loc.code, "locality_level": loc.level,
                    "locality_confidence": loc.confidence if loc.code else None}
        by_sentence: Dict[int, list] = {}
        for r, res, canon in zip(rows, found.resolutions, found.canonical):
            r.update(division_columns(res))
            r["canonical"] = canon
            r["division_candidates"] = res.candidates if res is not None else None
            r["division_confidence"] = res.confidence if res is not None and res.code else None
            by_sentence.setdefault(r["sent_start"], []).append((r, res))
        for r in entities:
            r.update(doc_cols)
        for m in measurements:
            m.update(doc_cols)
            here = by_sentence.get(m["sent_start"], [])
            m["sentence_orgs_canonical"] = "|".join(dict.fromkeys(
                r["canonical"] or r["text_simplified"] for r, _ in here if r["label"] == "ORG")) or ""
            hit = next((res for lab in PLACE_LABELS for r, res in here
                        if r["label"] == lab and res is not None and res.code), None)
            if hit is not None:
                m.update(division_columns(hit), division_from="sentence")
            elif loc.code:
                m.update(division_columns(loc), division_from="locality")
