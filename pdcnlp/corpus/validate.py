"""Validate annotation records against ANNOTATION.md's format.

Every problem is reported with the record id and the field, so a user
annotating their own reports can fix it: schema, offsets in range, entities
flat and non-overlapping, known labels, spans not starting or ending on
whitespace, links referring to an annotated QUANTITY and an annotated
target, one reading per QUANTITY with a known qualifier (and ``high`` for
ranges).

    pdcnlp validate corpus/seeds.jsonl
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterable, List, Union

from ..schema import LABELS, QUALIFIERS

REQUIRED = {"id": str, "text": str, "entities": list, "targets": list, "links": list, "quantities": list}


def _span_ok(span: Any, n: int) -> bool:
    return (isinstance(span, (list, tuple)) and len(span) >= 2 and all(isinstance(x, int) for x in span[:2])
            and 0 <= span[0] < span[1] <= n)


def _noise_positions(text: str) -> set:
    from ..text.noise import find_noise

    out = set()
    for span in find_noise(text):
        out.update(range(span.start, span.end))
    return out


def validate_record(r: Dict[str, Any]) -> List[str]:
    rid = r.get("id", "<no id>") if isinstance(r, dict) else "<not an object>"
    if not isinstance(r, dict):
        return [f"{rid}: record is not a JSON object"]
    problems: List[str] = []
    for key, typ in REQUIRED.items():
        if key not in r:
            problems.append(f"{rid}: field '{key}' is missing")
        elif not isinstance(r[key], typ):
            problems.append(f"{rid}: field '{key}' should be {typ.__name__}, got {type(r[key]).__name__}")
    if problems:
        return problems
    text = r["text"]
    n = len(text)
    ents = []
    for i, e in enumerate(r["entities"]):
        if not (_span_ok(e, n) and len(e) == 3):
            problems.append(f"{rid}: entities[{i}] {e!r} is not [start, end, label] inside the text ({n} chars)")
            continue
        if e[2] not in LABELS:
            problems.append(f"{rid}: entities[{i}] has unknown label {e[2]!r} (one of {', '.join(LABELS)})")
        if text[e[0]].isspace() or text[e[1] - 1].isspace():
            problems.append(f"{rid}: entities[{i}] {text[e[0]:e[1]]!r} starts or ends on whitespace")
        ents.append(tuple(e))
    noise = _noise_positions(text)
    for i, e in enumerate(r["entities"]):
        if _span_ok(e, n) and (e[0] in noise or e[1] - 1 in noise):
            problems.append(f"{rid}: entities[{i}] {text[e[0]:e[1]]!r} starts or ends on scraped noise "
                            "(ANNOTATION.md: a span never starts or ends on noise)")
    ents.sort()
    for a, b in zip(ents, ents[1:]):
        if b[0] < a[1]:
            problems.append(f"{rid}: entities overlap: {text[a[0]:a[1]]!r} {a} and {text[b[0]:b[1]]!r} {b}")
    quantity_spans = {(s, e) for s, e, lab in ents if lab == "QUANTITY"}
    targets = set()
    for i, t in enumerate(r["targets"]):
        if not (_span_ok(t, n) and len(t) == 2):
            problems.append(f"{rid}: targets[{i}] {t!r} is not [start, end] inside the text")
            continue
        if t[0] in noise or t[1] - 1 in noise:
            problems.append(f"{rid}: targets[{i}] {text[t[0]:t[1]]!r} starts or ends on scraped noise")
        targets.add(tuple(t))
    linked = set()
    for i, link in enumerate(r["links"]):
        if not (isinstance(link, list) and len(link) == 4 and all(isinstance(x, int) for x in link)):
            problems.append(f"{rid}: links[{i}] {link!r} is not [qs, qe, ts, te]")
            continue
        q, t = tuple(link[:2]), tuple(link[2:])
        if q not in quantity_spans:
            problems.append(f"{rid}: links[{i}] starts from {q}, which is not an annotated QUANTITY")
        if t not in targets:
            problems.append(f"{rid}: links[{i}] points to {t}, which is not in 'targets'")
        if q in linked:
            problems.append(f"{rid}: links[{i}]: QUANTITY {q} is linked twice (one target per quantity)")
        linked.add(q)
    read = set()
    for i, qd in enumerate(r["quantities"]):
        where = f"{rid}: quantities[{i}]"
        if not isinstance(qd, dict) or "span" not in qd:
            problems.append(f"{where} is not an object with 'span'")
            continue
        span = tuple(qd["span"]) if isinstance(qd["span"], list) else None
        if span not in quantity_spans:
            problems.append(f"{where} span {qd['span']!r} is not an annotated QUANTITY")
        read.add(span)
        if not isinstance(qd.get("value"), (int, float)) or isinstance(qd.get("value"), bool):
            problems.append(f"{where} 'value' should be a number, got {qd.get('value')!r}")
        if qd.get("qualifier") not in QUALIFIERS:
            problems.append(f"{where} 'qualifier' {qd.get('qualifier')!r} is not one of {', '.join(QUALIFIERS)}")
        if not isinstance(qd.get("unit"), str) or not qd.get("unit"):
            problems.append(f"{where} 'unit' is missing")
        if qd.get("qualifier") == "range" and not isinstance(qd.get("high"), (int, float)):
            problems.append(f"{where} is a range without a numeric 'high'")
    for span in sorted(quantity_spans - read):
        problems.append(f"{rid}: QUANTITY {text[span[0]:span[1]]!r} {span} has no entry in 'quantities'")
    return problems


def validate_records(records: Iterable[Dict[str, Any]]) -> List[str]:
    problems: List[str] = []
    seen = set()
    for r in records:
        problems.extend(validate_record(r))
        rid = r.get("id") if isinstance(r, dict) else None
        if rid in seen:
            problems.append(f"{rid}: id used twice")
        seen.add(rid)
    return problems


def validate_file(path: Union[str, Path]) -> List[str]:
    """Problems in a JSONL file; a line that is not JSON is one problem."""
    problems: List[str] = []
    records = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                problems.append(f"line {lineno}: not valid JSON ({e.msg})")
    return problems + validate_records(records)
