"""Import and export annotations: Label Studio JSON and spaCy DocBin.

Users who retrain on their own reports annotate in the tools they know. Both
formats map one-to-one onto a corpus record (ANNOTATION.md's format), so a
round trip gives the same record back:

* **Label Studio** (its "JSON" export, a list of tasks): entities and targets
  are ``labels`` regions on the text (``TARGET`` is a label of its own, so
  targets may overlap entities), a link is a ``relation`` from the QUANTITY
  region to its TARGET region, and a reading is a per-region ``textarea``
  holding ``VALUE/QUALIFIER/UNIT`` (``LOW-HIGH/range/UNIT`` for a range),
  the markup's reading syntax. ``LABEL_STUDIO_CONFIG`` is the labelling
  interface to paste into a new project. A QUANTITY with no reading gets
  the parser's proposal on import, and the record says so
  (``"readings_proposed"``), because a gold reading must be checked by hand.
* **spaCy DocBin** (``.spacy``): one Doc per record on a character
  tokenizer, entities in ``doc.ents``, targets in ``doc.spans["targets"]``,
  links and readings in ``doc.user_data``. This is what ``spacy train``
  and ``spacy debug data`` read.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Union

Record = Dict[str, object]
TARGET = "TARGET"
LINK_LABEL = "measures"

LABEL_STUDIO_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="ORG" background="#7aecec"/>
    <Label value="GPE" background="#feca74"/>
    <Label value="PROGRAMME" background="#c887fb"/>
    <Label value="QUANTITY" background="#e4e7d2"/>
    <Label value="TARGET" background="#aa9cfc"/>
  </Labels>
  <Relations>
    <Relation value="measures"/>
  </Relations>
  <Text name="text" value="$text"/>
  <TextArea name="reading" toName="text" perRegion="true" editable="true"
            placeholder="VALUE/QUALIFIER/UNIT, e.g. 4000/over/场次"/>
</View>
"""

_META_FIELDS = ("source", "offset", "campaign", "campaign_group", "province", "level", "year", "script")


def reading_text(q: Dict[str, object]) -> str:
    value = _fmt(q["value"])
    if q.get("qualifier") == "range":
        value = f"{value}-{_fmt(q['high'])}"
    return f"{value}/{q['qualifier']}/{q['unit']}"


def parse_reading(text: str) -> Dict[str, object]:
    """``VALUE/QUALIFIER/UNIT`` -> a reading dict (the markup's syntax)."""
    parts = text.strip().split("/")
    if len(parts) != 3:
        raise ValueError(f"reading {text!r} is not VALUE/QUALIFIER/UNIT")
    value, qualifier, unit = parts
    out: Dict[str, object] = {"qualifier": qualifier, "unit": unit}
    if qualifier == "range":
        lo, hi = value.split("-", 1) if not value.startswith("-") else ("-" + value[1:].split("-", 1)[0],
                                                                       value[1:].split("-", 1)[1])
        out["value"], out["high"] = _num(lo), _num(hi)
    else:
        out["value"] = _num(value)
    return out


def _num(s: str):
    f = float(s)
    return int(f) if f.is_integer() and "." not in s.strip() and "e" not in s.lower() else f


def _fmt(v) -> str:
    return str(int(v)) if isinstance(v, int) or (isinstance(v, float) and v.is_integer()) else repr(v)


# ---------------------------------------------------------------- Label Studio

def to_label_studio(records: Iterable[Record]) -> List[Dict[str, object]]:
    tasks = []
    for n, r in enumerate(records, 1):
        text = str(r["text"])
        result: List[Dict[str, object]] = []
        region_id: Dict[tuple, str] = {}

        def region(s, e, label):
            rid = f"r{len(result) + 1}"
            result.append({"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]}})
            return rid

        for s, e, label in r["entities"]:
            region_id[(s, e, label)] = region(s, e, label)
        for s, e in r["targets"]:
            region_id[(s, e, TARGET)] = region(s, e, TARGET)
        for q in r["quantities"]:
            s, e = q["span"]
            result.append({"id": region_id[(s, e, "QUANTITY")], "from_name": "reading", "to_name": "text",
                           "type": "textarea", "value": {"start": s, "end": e, "text": [reading_text(q)]}})
        for qs, qe, ts, te in r["links"]:
            result.append({"from_id": region_id[(qs, qe, "QUANTITY")], "to_id": region_id[(ts, te, TARGET)],
                           "type": "relation", "direction": "right", "labels": [LINK_LABEL]})
        data = {"text": text, "record_id": r["id"], **{k: r[k] for k in _META_FIELDS if k in r}}
        tasks.append({"id": n, "data": data, "annotations": [{"result": result}]})
    return tasks


def from_label_studio(tasks: Sequence[Dict[str, object]], propose_reading=None) -> List[Record]:
    """Records from a Label Studio JSON export. The last annotation of each
    task is used (Label Studio lists them oldest first). Raises ValueError,
    naming the task, on regions that do not fit the text."""
    records = []
    for task in tasks:
        data = task.get("data") or {}
        text = data.get("text")
        tid = task.get("id")
        if not isinstance(text, str):
            raise ValueError(f"task {tid}: no data.text")
        anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        result = anns[-1].get("result", []) if anns else []
        regions: Dict[str, tuple] = {}
        readings: Dict[str, str] = {}
        relations = []
        for item in result:
            kind = item.get("type")
            if kind == "labels":
                v = item["value"]
                s, e, labels = int(v["start"]), int(v["end"]), v.get("labels") or []
                if not (0 <= s < e <= len(text)) or len(labels) != 1:
                    raise ValueError(f"task {tid}: region {item.get('id')} ({s}, {e}, {labels}) does not fit")
                regions[item["id"]] = (s, e, labels[0])
            elif kind == "textarea":
                vals = item["value"].get("text") or []
                if vals:
                    readings[item["id"]] = vals[0]
            elif kind == "relation":
                relations.append((item["from_id"], item["to_id"]))
        entities = sorted([list(x) for x in regions.values() if x[2] != TARGET])
        targets = sorted({(x[0], x[1]) for x in regions.values() if x[2] == TARGET})
        links, quantities, proposed = [], [], 0
        for a, b in relations:
            qa, tb = regions.get(a), regions.get(b)
            if qa and tb and qa[2] == "QUANTITY" and tb[2] == TARGET:
                links.append([qa[0], qa[1], tb[0], tb[1]])
        for rid, (s, e, label) in regions.items():
            if label != "QUANTITY":
                continue
            if rid in readings:
                reading = parse_reading(readings[rid])
            else:
                reading = propose_reading(text[s:e]) if propose_reading else None
                if reading is None:
                    raise ValueError(f"task {tid}: QUANTITY {text[s:e]!r} has no reading and none can be proposed")
                proposed += 1
            quantities.append({"span": [s, e], **reading})
        rec: Record = {"id": str(data.get("record_id") or f"ls-{tid}"), "text": text, "entities": entities,
                       "targets": [list(t) for t in targets], "links": sorted(links),
                       "quantities": sorted(quantities, key=lambda q: q["span"])}
        for k in _META_FIELDS:
            if k in data:
                rec[k] = data[k]
        rec.setdefault("source", str(data.get("source") or f"label-studio-task-{tid}"))
        if proposed:
            rec["readings_proposed"] = proposed
        records.append(rec)
    return records


# ---------------------------------------------------------------- spaCy DocBin

def _blank():
    import spacy
    return spacy.blank("zh")  # the character segmenter: every offset is a token boundary


def to_docbin(records: Iterable[Record]):
    from spacy.tokens import DocBin

    nlp = _blank()
    db = DocBin(store_user_data=True)
    for r in records:
        doc = nlp.make_doc(str(r["text"]))
        ents = []
        for s, e, label in r["entities"]:
            span = doc.char_span(s, e, label=label)
            if span is None:
                raise ValueError(f"{r['id']}: entity ({s}, {e}) is not on token boundaries")
            ents.append(span)
        doc.ents = ents
        doc.spans["targets"] = [doc.char_span(s, e) for s, e in r["targets"]]
        doc.user_data["pdcnlp"] = {"id": r["id"], "links": r["links"], "quantities": r["quantities"],
                                   **{k: r[k] for k in _META_FIELDS if k in r}}
        db.add(doc)
    return db


def from_docbin(db) -> List[Record]:
    nlp = _blank()
    records = []
    for n, doc in enumerate(db.get_docs(nlp.vocab), 1):
        # msgpack gives tuples back for lists: a JSON round trip restores the record's own types
        meta = json.loads(json.dumps(doc.user_data.get("pdcnlp") or {}, ensure_ascii=False))
        ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
        targets = sorted([[s.start_char, s.end_char] for s in doc.spans.get("targets", [])])
        rec: Record = {"id": meta.pop("id", f"doc-{n}"), "text": doc.text, "entities": ents, "targets": targets,
                       "links": meta.pop("links", []), "quantities": meta.pop("quantities", [])}
        rec.update(meta)
        rec.setdefault("source", f"docbin-{n}")
        records.append(rec)
    return records


# ---------------------------------------------------------------- files

def read_annotations(path: Union[str, Path], propose_reading=None) -> List[Record]:
    """Records from ``.jsonl`` (ours), ``.json`` (Label Studio) or ``.spacy``."""
    path = Path(path)
    if path.suffix == ".jsonl":
        from .dataset import load_records
        return load_records(path)
    if path.suffix == ".json":
        return from_label_studio(json.loads(path.read_text(encoding="utf-8")), propose_reading)
    if path.suffix == ".spacy":
        from spacy.tokens import DocBin
        return from_docbin(DocBin().from_disk(path))
    raise ValueError(f"{path}: unknown annotation format (use .jsonl, .json for Label Studio, or .spacy)")


def write_annotations(records: Sequence[Record], path: Union[str, Path]) -> None:
    path = Path(path)
    if path.suffix == ".jsonl":
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif path.suffix == ".json":
        path.write_text(json.dumps(to_label_studio(records), ensure_ascii=False, indent=1), encoding="utf-8")
    elif path.suffix == ".spacy":
        to_docbin(records).to_disk(path)
    else:
        raise ValueError(f"{path}: unknown annotation format (use .jsonl, .json for Label Studio, or .spacy)")
