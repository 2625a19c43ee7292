"""Compile the hand-annotated markup (corpus/src/*.ann) to corpus/seeds.jsonl.

    python -m training.build_corpus            # writes corpus/seeds.jsonl
    python -m training.build_corpus --readings # lists every quantity reading

Checks while building: the blocks of each file are exactly the sentences of
its seed (same order, same text, character for character); every QUANTITY
gets a reading, proposed by ``pdcnlp.quantities`` unless the markup overrides
it (``=VALUE/QUALIFIER/UNIT``), and every proposal is listed for review with
``--readings``. The JSONL is then checked by ``pdcnlp validate``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List

from pdcnlp.corpus.validate import validate_records
from pdcnlp.corpus.interchange import parse_reading
from pdcnlp.corpus.readings import propose_reading
from pdcnlp.text.sentences import sentence_spans
from training.markup import Block, parse_file

ROOT = Path(__file__).resolve().parents[1]


parse_override = parse_reading        # the markup's =VALUE/QUALIFIER/UNIT
proposed_reading = propose_reading


def block_to_record(block: Block, source: str, offset: int) -> Dict[str, object]:
    entities = sorted([list(e) for e in block.entities])
    target_spans = sorted({tuple(s) for s in block.targets.values()})
    links = sorted([[q[0], q[1], *block.targets[t]] for q, t in block.links])
    quantities = []
    for s, e, label in entities:
        if label != "QUANTITY":
            continue
        if (s, e) in block.readings:
            reading = parse_override(block.readings[(s, e)])
        else:
            reading = proposed_reading(block.text[s:e])
            if reading is None:
                raise SystemExit(f"{block.id}: no reading for {block.text[s:e]!r}; add =VALUE/QUALIFIER/UNIT")
        quantities.append({"span": [s, e], **reading})
    return {
        "id": block.id, "source": source, "offset": offset, "text": block.text,
        "entities": entities, "targets": [list(t) for t in target_spans],
        "links": links, "quantities": quantities,
    }


def build(src_dir: Path, seeds_dir: Path) -> List[Dict[str, object]]:
    records = []
    for ann in sorted(src_dir.glob("*.ann")):
        seed = next(seeds_dir.glob(f"{ann.stem}_*.txt"))
        text = seed.read_text(encoding="utf-8")
        spans = sentence_spans(text)
        blocks = parse_file(ann.read_text(encoding="utf-8"))
        if len(blocks) != len(spans):
            raise SystemExit(f"{ann}: {len(blocks)} blocks for {len(spans)} sentences in {seed.name}")
        for k, (block, (s, e)) in enumerate(zip(blocks, spans), 1):
            expected_id = f"{ann.stem}-{k:04d}"
            if block.id != expected_id:
                raise SystemExit(f"{ann}: block {block.id} where {expected_id} was expected")
            if block.text != text[s:e]:
                raise SystemExit(f"{block.id}: text differs from the seed:\n  markup: {block.text}\n  seed:   {text[s:e]}")
            records.append(block_to_record(block, seed.name, s))
    return records


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=str(ROOT / "corpus" / "src"))
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--out", default=str(ROOT / "corpus" / "seeds.jsonl"))
    ap.add_argument("--readings", action="store_true", help="list every quantity reading for review")
    args = ap.parse_args(argv)
    records = build(Path(args.src), Path(args.seeds))
    problems = validate_records(records)
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.readings:
        for r in records:
            for q in r["quantities"]:
                s, e = q["span"]
                print(f"{r['id']}\t{r['text'][s:e]}\t{q['value']}\t{q['qualifier']}\t{q.get('high', '')}\t{q['unit']}")
    print(f"{len(records)} records -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
