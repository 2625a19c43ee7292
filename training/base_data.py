"""Convert the public corpora in ../shared/data into spaCy training docs.

Labels are mapped onto ours only where the definitions agree
(ANNOTATION.md):

| corpus | their label | ours | why |
|---|---|---|---|
| MSRA NER | ORG | ORG | organisations by name |
| MSRA NER | LOC | GPE | mostly administrative places; natural places are a minority |
| MSRA NER | PER | O | people are no entity of ours |
| CLUENER2020 | government, organization, company | ORG | bodies that act |
| CLUENER2020 | address | missing | often a GPE chain plus street and number: neither O nor GPE |
| CLUENER2020 | name, position, scene, book, game, movie | O | not ours (positions are explicitly not ORG) |
| People's Daily 1998 | nt, [...]nt | ORG | organisation names |
| People's Daily 1998 | ns, [...]ns | GPE | place names |

"missing" tokens carry no gold tag (spaCy's "-"), so the model is neither
taught that an address is a GPE nor that it is not. PROGRAMME exists in none
of these corpora: the base model learns ORG and GPE, fine-tuning adds
PROGRAMME.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, offsets_to_biluo_tags

from pdcnlp.text.sentences import sentence_spans

Example = Tuple[str, List[Tuple[int, int, str]], List[Tuple[int, int]]]  # text, entities, missing ranges

MSRA_MAP = {"ORG": "ORG", "LOC": "GPE"}
CLUENER_MAP = {"government": "ORG", "organization": "ORG", "company": "ORG"}
CLUENER_MISSING = {"address"}


def read_msra(path: Path) -> Iterator[Example]:
    chars: List[str] = []
    tags: List[str] = []

    def flush():
        text = "".join(chars)
        ents, start, label = [], None, None
        for i, t in enumerate(tags + ["O"]):
            if start is not None and not t.startswith("I-"):
                if label in MSRA_MAP:
                    ents.append((start, i, MSRA_MAP[label]))
                start = None
            if t.startswith("B-"):
                start, label = i, t[2:]
        return text, ents, []

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if chars:
                    yield flush()
                chars, tags = [], []
                continue
            c, _, t = line.partition("\t")
            chars.append(c)
            tags.append(t or "O")
    if chars:
        yield flush()


def read_cluener(path: Path) -> Iterator[Example]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            ents, missing = [], []
            for kind, mentions in rec.get("label", {}).items():
                for spans in mentions.values():
                    for s, e in spans:
                        if kind in CLUENER_MAP:
                            ents.append((s, e + 1, CLUENER_MAP[kind]))
                        elif kind in CLUENER_MISSING:
                            missing.append((s, e + 1))
            yield rec["text"], ents, missing


_PD_ITEM = re.compile(r"(\[)?([^\s/\[\]]+)/([a-zA-Z]+)(\]([a-zA-Z]+))?")


def pd1998_items(line: str) -> Iterator["re.Match"]:
    """The ``word/tag`` items of one People's Daily 1998 line (its first item,
    the line id, left out), as matches of ``_PD_ITEM``: groups are the
    opening bracket of a compound, the word, its tag, and the compound's
    closing bracket and tag. Items that do not parse are skipped."""
    for item in line.split()[1:]:
        m = _PD_ITEM.fullmatch(item)
        if m:
            yield m


def read_pd1998(path: Path) -> Iterator[Example]:
    """Sentences of People's Daily 1998 with nt → ORG and ns → GPE."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(line.split()) < 2:
                continue
            text_parts: List[str] = []
            ents: List[Tuple[int, int, str]] = []
            pos = 0
            bracket_start: Optional[int] = None
            for m in pd1998_items(line):
                opens, word, tag, _, btag = m.groups()
                if opens:
                    bracket_start = pos
                start = pos
                text_parts.append(word)
                pos += len(word)
                if btag is not None:
                    if btag in ("nt", "ns") and bracket_start is not None:
                        ents.append((bracket_start, pos, "ORG" if btag == "nt" else "GPE"))
                    bracket_start = None
                elif bracket_start is None and tag in ("nt", "ns"):
                    ents.append((start, pos, "ORG" if tag == "nt" else "GPE"))
            text = "".join(text_parts)
            for s, e in sentence_spans(text):
                sent_ents = [(a - s, b - s, l) for a, b, l in ents if s <= a and b <= e]
                yield text[s:e], sent_ents, []


def to_doc(nlp, text: str, ents, missing) -> Optional[Doc]:
    """A doc with gold entities; tokens that don't align or are 'missing' get "-"."""
    doc = nlp.make_doc(text)
    if not len(doc):
        return None
    tags = offsets_to_biluo_tags(doc, [(s, e, l) for s, e, l in ents])
    for s, e in missing:
        for tok in doc:
            if tok.idx < e and s < tok.idx + len(tok.text):
                tags[tok.i] = "-"
    # offsets_to_biluo_tags already marks misaligned entities with "-"
    doc.ents = []
    spans = biluo_tags_to_spans(doc, tags)
    doc.set_ents(spans, missing=[doc[t.i:t.i + 1] for t, tag in zip(doc, tags) if tag == "-"],
                 outside=[doc[t.i:t.i + 1] for t, tag in zip(doc, tags) if tag == "O"])
    return doc


def build_docbins(nlp, data_dir: Path, out_dir: Path, n_msra: int, n_cluener: int, n_pd: int,
                  seed: int = 0) -> dict:
    """Write base_train.spacy / base_dev.spacy (and msra_test.spacy) to out_dir."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = {
        "msra": list(read_msra(data_dir / "msra" / "msra_train_bio")),
        "cluener": list(read_cluener(data_dir / "cluener" / "train.json")),
        "pd1998": list(read_pd1998(data_dir / "peoples_daily_1998" / "199801.txt")),
    }
    wanted = {"msra": n_msra, "cluener": n_cluener, "pd1998": n_pd}
    train = DocBin(store_user_data=True)
    dev = DocBin(store_user_data=True)
    counts = {}
    for name, examples in sources.items():
        rng.shuffle(examples)
        take = examples[:wanted[name]]
        n_dev = max(1, len(take) // 20)
        for i, (text, ents, missing) in enumerate(take):
            doc = to_doc(nlp, text, ents, missing)
            if doc is not None:
                (dev if i < n_dev else train).add(doc)
        counts[name] = len(take)
    train.to_disk(out_dir / "base_train.spacy")
    dev.to_disk(out_dir / "base_dev.spacy")
    test = DocBin(store_user_data=True)
    for text, ents, missing in read_msra(data_dir / "msra" / "msra_test_bio"):
        doc = to_doc(nlp, text, ents, missing)
        if doc is not None:
            test.add(doc)
    test.to_disk(out_dir / "msra_test.spacy")
    return counts
