"""Score the entity rules, and the shipped pipeline, on text they were not
written from: the MSRA test set and the CLUENER2020 dev set.

    python -m training.rules_external [../shared/data] [--write]

Why: the rule lexicons were written while reading the five seed articles,
so their scores on the seed corpus are development figures. MSRA's test
set (news, 1990s) and CLUENER's dev set (news snippets) are outside text.
Their definitions differ from ours (MSRA LOC includes countries and natural
places, and it splits chains such as 酒泉市丰乐乡 that ANNOTATION.md keeps
whole; CLUENER has no place label comparable to GPE, only ORG-like
government/organization/company), so the absolute numbers understate both;
what they show is whether a change generalises: a rule edit that only fits
the seeds does not move them. The trained recogniser's base was trained on
MSRA's and CLUENER's training splits, so for the pipeline these sets are
held out but in-distribution. Exact (start, end, label) match.
"""
from __future__ import annotations

import argparse
import datetime
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Sequence, Tuple

from pdcnlp.corpus.scoring import prf
from pdcnlp.entities.lexicon import EntityLexicon
from pdcnlp.entities.rules import find_entities
from pdcnlp.schema import NAME_LABELS
from pdcnlp.text.normalize import normalize
from training.base_data import read_cluener, read_msra

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "training" / "RULES_EXTERNAL.md"
Spans = List[Tuple[int, int, str]]
# MSRA annotates organisations and places (LOC, read as GPE), no programmes.
MSRA_LABELS = tuple(label for label in NAME_LABELS if label != "PROGRAMME")


def rule_spans(texts: Sequence[str]) -> List[Spans]:
    lexicon = EntityLexicon.packaged()
    return [find_entities(lexicon, normalize(t).clean) for t in texts]


def pipeline_spans(nlp) -> Callable[[Sequence[str]], List[Spans]]:
    from pdcnlp.text.clean_view import span_offsets

    def predict(texts: Sequence[str]) -> List[Spans]:
        return [[(*span_offsets(e), e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]

    return predict


def score(examples: Iterable[Tuple[str, Spans, list]], predict: Callable[[Sequence[str]], List[Spans]],
          labels: Sequence[str], limit: int = 0) -> Dict[str, Dict[str, float]]:
    """P/R/F per label of ``predict`` against the examples' gold spans.
    Texts whose clean view drops characters (noise) are left out, so that
    offsets compare."""
    texts, golds = [], []
    for n, (text, ents, _) in enumerate(examples):
        if limit and n >= limit:
            break
        if len(normalize(text).clean) == len(text):
            texts.append(text)
            golds.append(ents)
    tp, pred, gold = Counter(), Counter(), Counter()
    for g, p in zip(golds, predict(texts)):
        g = {e for e in g if e[2] in labels}
        p = {tuple(e) for e in p if e[2] in labels}
        for label in labels:
            gold[label] += sum(1 for e in g if e[2] == label)
            pred[label] += sum(1 for e in p if e[2] == label)
            tp[label] += sum(1 for e in g & p if e[2] == label)
    return {label: {**prf(tp[label], pred[label], gold[label]), "pred": pred[label], "gold": gold[label]}
            for label in labels}


def score_rules_on_msra(path: Path, limit: int = 0) -> Dict[str, Dict[str, float]]:
    return score(read_msra(path), rule_spans, MSRA_LABELS, limit)


def main(argv=None) -> None:
    import pdcnlp

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    data = Path(args.data_dir)
    shipped_nlp = pdcnlp.load()
    sources = [("rules only", rule_spans),
               (f"shipped pipeline (model spans checked: {shipped_nlp.get_pipe('pdcnlp_entity_rules').check_model})",
                pipeline_spans(shipped_nlp))]
    for check in ("none", "form", "shape"):
        if check != shipped_nlp.get_pipe("pdcnlp_entity_rules").check_model:
            nlp = pdcnlp.load()
            nlp.get_pipe("pdcnlp_entity_rules").check_model = check
            sources.append((f"shipped, model spans checked: {check}", pipeline_spans(nlp)))
    sets = [
        ("MSRA test (3,442 sentences)", lambda: read_msra(data / "msra" / "msra_test_bio"), MSRA_LABELS),
        ("CLUENER dev (1,343 sentences)", lambda: read_cluener(data / "cluener" / "dev.json"), ("ORG",)),
    ]
    rows = []
    for name, examples, labels in sets:
        for source, predict in sources:
            for label, s in score(examples(), predict, labels).items():
                theirs = {"GPE": "LOC"}.get(label, "ORG") if name.startswith("MSRA") else \
                    "government+organization+company"
                rows.append(f"| {name} | {source} | {label} (theirs: {theirs}) | {s['p']:.3f} | {s['r']:.3f} | "
                            f"{s['f']:.3f} | {s['pred']} | {s['gold']} |")
    md = (f"# Entity rules and the shipped pipeline on outside text\n\n"
          f"{datetime.date.today().isoformat()} · `python -m training.rules_external --write` · "
          f"rules version {EntityLexicon.packaged()['version']} · exact match\n\n"
          f"| data | source | label | P | R | F1 | predicted | gold |\n|---|---|---|---:|---:|---:|---:|---:|\n"
          + "\n".join(rows) + f"\n\n{__doc__.split(chr(10) + chr(10))[2]}\n")
    print(md)
    if args.write:
        OUT.write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
