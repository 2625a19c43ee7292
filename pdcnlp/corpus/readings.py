"""The parser's proposal for a quantity's reading, for annotators to check.

A gold reading is written or confirmed by hand; the parser only proposes
one (on import of a user's annotations that lack readings, and as a second
opinion while annotating). The proposal is made on the span alone, in its
clean view, and only when the parser reads the whole span as one quantity.
"""
from __future__ import annotations

from typing import Dict, Optional


def propose_reading(span_text: str) -> Optional[Dict[str, object]]:
    from ..text.normalize import normalize
    from ..quantities import find_quantities

    clean = normalize(span_text).clean
    found = find_quantities(clean)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(clean):
        q = found[0]
        out: Dict[str, object] = {"value": q.value, "qualifier": q.qualifier, "unit": q.unit}
        if q.high is not None:
            out["high"] = q.high
        return out
    return None
