"""Consistency pass over the corpus: the same string, annotated differently.

    python -m training.consistency [corpus/seeds.jsonl]

For every string annotated as an entity somewhere, every other occurrence of
it in the corpus is checked. An occurrence is fine when it carries the same
label with the same boundaries, or lies inside a longer entity (儀隴縣 inside
儀隴縣委老幹部局). Anything else is listed: annotated with another label,
annotated with other boundaries, or not annotated at all. Strings are
compared in Simplified script, so Traditional and Simplified seeds are held
to the same choices. Each remaining
item must be explained in corpus/DECISIONS.md, which lists its accepted
cases under "Consistency report" as `TEXT | id` lines; those are not
reported again. Exit status 1 when unexplained items remain.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Set, Tuple

from pdcnlp.text.normalize import to_simplified

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path) -> List[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def accepted_cases(decisions: Path) -> Set[Tuple[str, str]]:
    """`TEXT | id` lines under the 'Consistency report' heading."""
    out: Set[Tuple[str, str]] = set()
    if not decisions.exists():
        return out
    section = False
    for line in decisions.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            section = "consistency report" in line.lower()
            continue
        m = re.match(r"^\s*[-*]\s*`([^`|]+?)\s*\|\s*([\w-]+)`", line)
        if section and m:
            out.add((m.group(1).strip(), m.group(2)))
    return out


def report(records: List[dict], min_len: int = 2) -> List[Tuple[str, str, str]]:
    """``(text, record id, what is different)`` for each inconsistent occurrence."""
    # Compare in Simplified script (t2s is length-preserving, so offsets
    # hold): 縣委 in one seed and 县委 in another are the same string.
    simplified = {r["id"]: to_simplified(r["text"]) for r in records}
    labels_of: Dict[str, Set[str]] = defaultdict(set)
    for r in records:
        for s, e, lab in r["entities"]:
            labels_of[simplified[r["id"]][s:e]].add(lab)
    items = []
    for r in records:
        text = simplified[r["id"]]
        ents = {(s, e): lab for s, e, lab in r["entities"]}
        for string, labels in labels_of.items():
            if len(string) < min_len:
                continue
            for m in re.finditer(re.escape(string), text):
                s, e = m.start(), m.end()
                if (s, e) in ents and ents[(s, e)] in labels and len(labels) == 1:
                    continue
                if (s, e) in ents:
                    if len(labels) > 1:
                        items.append((string, r["id"], f"labelled {ents[(s, e)]} here; elsewhere {'/'.join(sorted(labels))}"))
                    continue
                if any(es <= s and e <= ee and (es, ee) != (s, e) for es, ee in ents):
                    continue  # inside a longer entity
                over = [text[es:ee] for es, ee in ents if es < e and s < ee]
                if over:
                    items.append((string, r["id"], f"overlaps {over} here; elsewhere {'/'.join(sorted(labels))}"))
                else:
                    items.append((string, r["id"], f"not annotated here; elsewhere {'/'.join(sorted(labels))}"))
    return sorted(set(items), key=lambda x: (x[0], x[1]))


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    path = Path(argv[0]) if argv else ROOT / "corpus" / "seeds.jsonl"
    accepted = accepted_cases(ROOT / "corpus" / "DECISIONS.md")
    items = [x for x in report(load(path)) if (x[0], x[1]) not in accepted]
    for string, rid, what in items:
        print(f"{string}\t{rid}\t{what}")
    print(f"{len(items)} unexplained inconsistencies ({len(accepted)} accepted in DECISIONS.md)", file=sys.stderr)
    return 1 if items else 0


if __name__ == "__main__":
    sys.exit(main())
