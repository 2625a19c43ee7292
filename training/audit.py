"""The link audit: measurements from government work reports, annotated blind.

    python -m training.audit sample     # draw sentences, write corpus/audit/blind.ann
    python -m training.audit build      # compile corpus/audit/gold.ann to gold.jsonl
    python -m training.audit score      # build, then score the installed pipeline on it

Issue 18 asks how often the linker gets the target head right on text it was
never tuned on. Sentences are drawn at random (fixed seed) from
``political_corpora/government_work_reports.jsonl`` (../shared/data), among
sentences of 15–200 characters with an Arabic or Chinese numeral, until they
hold about 100 quantities by a generous count; they are annotated from the
plain text alone (``corpus/audit/gold.ann``, the page markup with a hand
reading on every quantity). The audit is kept apart from the training and
test data: no model is trained on it and no rule is written from it.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIR = ROOT / "corpus" / "audit"
SEED = 18
_NUM = re.compile(r"[0-9０-９]+|[一二两三四五六七八九十百千万亿〇零]+[余多]?[个名项件元人次亩户]")


def sample(data_dir: Path, want_quantities: int = 160):
    from pdcnlp.text.sentences import sentence_spans

    rows = []
    with open(data_dir / "political_corpora" / "government_work_reports.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            year = re.search(r"(19|20)\d\d", d["title"])
            text = d["content"]
            for s, e in sentence_spans(text):
                sent = text[s:e]
                if 15 <= len(sent) <= 200 and _NUM.search(sent):
                    rows.append((d["url"], year.group(0) if year else "2000", sent))
    rng = random.Random(SEED)
    rng.shuffle(rows)
    picked, n = [], 0
    for row in rows:
        picked.append(row)
        n += len(_NUM.findall(row[2]))
        if n >= want_quantities:
            break
    return picked


def write_blind(picked, path: Path) -> None:
    lines = ["# Link audit (issue 18): annotate each sentence by ANNOTATION.md v1.2 from scratch;",
             "# every QUANTITY with a hand reading and its target and link."]
    for k, (url, year, sent) in enumerate(picked, 1):
        lines += [f"= {url} | campaign=work_report | province=全国 | level=central | year={year}",
                  f"@AUD-{k:03d}", sent]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["sample", "build", "score"])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    if args.step == "sample":
        picked = sample(Path(args.data))
        write_blind(picked, DIR / "blind.ann")
        print(f"{len(picked)} sentences -> {DIR / 'blind.ann'}")
        return 0
    from training.build_pages import build, reserved_hits

    gold, problems = build([DIR / "gold.ann"], require_claims=False)
    problems += reserved_hits(gold)
    if problems:
        for p in problems:
            print("PROBLEM", p, file=sys.stderr)
        return 1
    with open(DIR / "gold.jsonl", "w", encoding="utf-8") as f:
        for r in gold:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.step == "build":
        print(f"{len(gold)} records -> {DIR / 'gold.jsonl'}")
        return 0
    import pdcnlp
    from pdcnlp.corpus.scoring import format_table, predict, score

    nlp = pdcnlp.load(args.model) if args.model else pdcnlp.load()
    pred = predict(nlp, gold)
    result = score(gold, pred)
    print(format_table(result))
    heads = result["link_counts"]
    n_gold_q = sum(len(r["quantities"]) for r in gold)
    print(f"audit: {n_gold_q} gold quantities, {heads['gold']} gold links; target head right for "
          f"{heads['head']} of {heads['gold']} gold links ({heads['head'] / max(1, heads['gold']):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
