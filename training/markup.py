"""The corpus authoring markup: one sentence per block, annotations inline.

Annotating offsets by hand is error-prone; annotating inline is not. The
files in ``corpus/src/*.ann`` are written in this markup and compiled to
JSONL by ``python -m training.build_corpus``, which checks that the plain
text of every block is exactly the sentence of the source file (so an
annotation can never alter the text).

    @000-0031
    開展{集體學習|1}[4000余場次|QUANTITY@1]

* ``[TEXT|LABEL]``: an entity; ``[TEXT|QUANTITY@k]`` a quantity linked to
  target ``k``; ``[TEXT|QUANTITY@k=VALUE/QUALIFIER/UNIT]`` (or
  ``=VALUE-HIGH/range/UNIT``) overrides the machine-proposed reading.
* ``{TEXT|k}``: a target with id ``k`` (unique within the block). Targets
  may contain entities and other targets: brackets nest.
* Lines starting with ``#`` are comments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from pdcnlp.schema import LABELS, QUANTITY_LABEL


class MarkupError(ValueError):
    pass


@dataclass
class Block:
    id: str
    text: str = ""
    entities: List[Tuple[int, int, str]] = field(default_factory=list)
    targets: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    links: List[Tuple[Tuple[int, int], str]] = field(default_factory=list)   # (quantity span, target id)
    readings: Dict[Tuple[int, int], str] = field(default_factory=dict)      # span -> override text


_LABEL = re.compile(rf"^(?P<label>{'|'.join(LABELS)})(?:@(?P<target>\w+))?(?:=(?P<reading>.+))?$")


def parse_line(block_id: str, line: str) -> Block:
    block = Block(block_id)
    plain: List[str] = []
    stack: List[Tuple[str, int]] = []  # (kind, start in plain)
    i = 0
    while i < len(line):
        ch = line[i]
        if ch in "[{":
            stack.append((ch, len(plain)))
            i += 1
        elif ch == "|":
            if not stack:
                raise MarkupError(f"{block_id}: '|' outside brackets at column {i}")
            kind, start = stack.pop()
            close = "]" if kind == "[" else "}"
            j = line.find(close, i)
            if j < 0:
                raise MarkupError(f"{block_id}: unclosed {kind} at column {i}")
            tag = line[i + 1:j]
            span = (start, len(plain))
            if span[1] <= span[0]:
                raise MarkupError(f"{block_id}: empty span before column {i}")
            if kind == "[":
                m = _LABEL.match(tag)
                if not m:
                    raise MarkupError(f"{block_id}: bad label {tag!r}")
                block.entities.append((span[0], span[1], m.group("label")))
                if m.group("target"):
                    if m.group("label") != QUANTITY_LABEL:
                        raise MarkupError(f"{block_id}: only a QUANTITY links to a target ({tag!r})")
                    block.links.append((span, m.group("target")))
                if m.group("reading"):
                    block.readings[span] = m.group("reading")
            else:
                if tag in block.targets:
                    raise MarkupError(f"{block_id}: target id {tag} used twice")
                block.targets[tag] = span
            i = j + 1
        elif ch in "]}":
            raise MarkupError(f"{block_id}: stray {ch!r} at column {i}")
        else:
            plain.append(ch)
            i += 1
    if stack:
        raise MarkupError(f"{block_id}: unclosed bracket")
    block.text = "".join(plain)
    for span, tid in block.links:
        if tid not in block.targets:
            raise MarkupError(f"{block_id}: link to missing target {tid}")
    return block


def parse_file(text: str) -> List[Block]:
    blocks: List[Block] = []
    current: Optional[str] = None
    for raw in text.split("\n"):
        if raw.startswith("#") or (not raw.strip() and current is None):
            continue
        if raw.startswith("@"):
            current = raw[1:].strip()
            continue
        if current is None:
            raise MarkupError(f"text before the first @id: {raw[:30]!r}")
        blocks.append(parse_line(current, raw))
        current = None
    return blocks


def render(text: str, entities, targets=None, links=None, readings=None) -> str:
    """Inverse of :func:`parse_line` for drafting: spans must nest or be disjoint."""
    targets = targets or {}
    links = dict(links or {})  # quantity span -> target id
    readings = readings or {}
    opens: Dict[int, List[str]] = {}
    closes: Dict[int, List[str]] = {}
    items = [(s, e, "[", lab) for s, e, lab in entities] + [(s, e, "{", tid) for tid, (s, e) in targets.items()]
    items.sort(key=lambda x: (x[0], -x[1]))
    for s, e, kind, tag in items:
        opens.setdefault(s, []).append(kind)
        if kind == "[":
            if (s, e) in links:
                tag = f"{tag}@{links[(s, e)]}"
            if (s, e) in readings:
                tag = f"{tag}={readings[(s, e)]}"
            closes.setdefault(e, []).insert(0, f"|{tag}]")
        else:
            closes.setdefault(e, []).insert(0, f"|{tag}}}")
    out = []
    for i in range(len(text) + 1):
        out.extend(closes.get(i, []))
        if i < len(text):
            out.extend(opens.get(i, []))
            out.append(text[i])
    return "".join(out)
