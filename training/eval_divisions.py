"""Score pdcnlp.places against hand gold: GPE codes, ORG divisions, localities.

    python -m training.eval_divisions --split dev [--gold-dir corpus/divisions] [--errors]

Gold (``{split}_gold.jsonl``, one line per mention, and ``pages_{split}.jsonl``,
one per page; format in docs/places.md) is resolved the way extraction does
it: each page's corpus sentences joined in file order are one document, its
GPE and ORG annotations (corpus/pages.jsonl) plus the gold mentions are the
mentions, and the page's title and source go with it. So what is measured is
resolution, not recognition.

Codes compare through the current list (a gold code from an older list,
cpca's 漠河县 232723, counts as the division it became, 232701). Accuracy
counts an abstention as wrong; the wrong rate counts only wrong answers
(wrong non-abstentions over all mentions scored), the number the guideline
caps at 2%. For mentions the gold gives no code (towns, villages,
placeless ORGs), no code is right and any code wrong.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional

from pdcnlp.places.divisions import Divisions
from pdcnlp.places.document import Mention, resolve_document
from pdcnlp.schema import PLACE_LABELS
from pdcnlp.text.clean_view import clean_view, span_norm
from pdcnlp.text.normalize import to_simplified

ROOT = Path(__file__).resolve().parents[1]
SEP = "\n"


def _read(path: Path) -> List[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def page_documents(gold: List[dict], pages_jsonl: Path) -> Dict[str, dict]:
    """source → {text, mentions, gold index}: one document per gold page."""
    from pdcnlp.pipeline import build

    tokenizer = build().tokenizer
    wanted = {g["source"] for g in gold}
    docs: Dict[str, dict] = {s: {"parts": [], "mentions": {}, "offset": 0, "sent_at": {}} for s in wanted}
    for rec in _read(pages_jsonl):
        d = docs.get(rec["source"])
        if d is None:
            continue
        base = d["offset"]
        d["sent_at"][rec["id"]] = base
        doc = tokenizer(rec["text"])     # the clean view, as the pipeline sees the text
        for s, e, label in rec.get("entities", []):
            if label in PLACE_LABELS:
                span = doc.char_span(s, e, alignment_mode="expand")
                text = span_norm(span) if span is not None else to_simplified(rec["text"][s:e])
                d["mentions"][(base + s, base + e)] = Mention(label, text, base + s, base + e, base)
        d["parts"].append(clean_view(doc).text.ljust(len(rec["text"])))
        d["offset"] = base + len(rec["text"]) + len(SEP)
    for g in gold:   # a gold mention the corpus file lacks (or a sentence it lacks) still gets scored
        d = docs[g["source"]]
        if g["id"] not in d["sent_at"]:
            d["sent_at"][g["id"]] = d["offset"]
            d["parts"].append(to_simplified(g["text"]))
            d["offset"] += len(g["text"]) + len(SEP)
        base = d["sent_at"][g["id"]]
        key = (base + g["start"], base + g["end"])
        d["mentions"].setdefault(key, Mention(g["label"], to_simplified(g["mention"]), key[0], key[1], base))
    for d in docs.values():
        d["text"] = SEP.join(d["parts"])
        d["order"] = sorted(d["mentions"])
    return docs


class Tally:
    def __init__(self):
        self.n = self.right = self.wrong = self.abstain = 0

    def add(self, gold: Optional[str], pred: Optional[str]) -> str:
        self.n += 1
        if pred is None and gold is None:      # nothing to resolve, nothing claimed
            self.right += 1
            return "right"
        if pred is None:
            self.abstain += 1
            return "abstain"
        if pred == gold:
            self.right += 1
            return "right"
        self.wrong += 1
        return "wrong"

    def as_dict(self) -> Dict[str, object]:
        n = max(self.n, 1)
        return {"n": self.n, "accuracy": round(self.right / n, 3), "wrong_rate": round(self.wrong / n, 3),
                "abstained": self.abstain, "wrong": self.wrong}


def evaluate(gold: List[dict], pages: List[dict], pages_jsonl: Path, divs: Optional[Divisions] = None,
             errors: Optional[list] = None) -> Dict[str, object]:
    divs = divs or Divisions.packaged()
    meta = {p["source"]: p for p in pages}
    docs = page_documents(gold, pages_jsonl)
    results = {}
    for source, d in docs.items():
        ms = [d["mentions"][k] for k in d["order"]]
        title = (meta.get(source) or {}).get("title")
        r = resolve_document(ms, d["text"], title=title, source=None, divs=divs)
        results[source] = ({k: i for i, k in enumerate(d["order"])}, r, d["sent_at"])
    t = defaultdict(Tally)
    canon = Tally()
    for g in gold:
        index, r, sent_at = results[g["source"]]
        i = index[(sent_at[g["id"]] + g["start"], sent_at[g["id"]] + g["end"])]
        res = r.resolutions[i]
        pred = divs.current(res.code) if res is not None and res.code else None
        gcode = divs.current(g["code"]) if g["code"] else None
        if g["label"] == "GPE":
            if gcode:
                verdict = t["gpe_code"].add(gcode, pred)
            else:
                verdict = t["gpe_no_code"].add(None, pred)
        elif g["kind"] in ("titled", "named") and g["resolvable"] and gcode:
            verdict = t[f"org_{g['kind']}"].add(gcode, pred)
            if g["kind"] == "titled":
                canon.add(to_simplified(g["canonical"] or ""), r.canonical[i] if pred else None)
        else:
            verdict = t[f"org_{g['kind']}_unresolvable"].add(None, pred)
        if errors is not None and verdict == "wrong":
            errors.append({"mention": g["mention"], "gold": g["code"], "pred": pred, "kind": g["kind"],
                           "evidence": res.evidence if res else None, "source": g["source"]})
    loc = Tally()
    for p in pages:
        if p["source"] in results and p.get("locality_code"):
            got = results[p["source"]][1].locality.code
            v = loc.add(divs.current(p["locality_code"]), divs.current(got))
            if errors is not None and v == "wrong":
                errors.append({"locality": p["locality_name"], "pred": results[p["source"]][1].locality.name,
                               "source": p["source"]})
    out = {k: v.as_dict() for k, v in sorted(t.items())}
    out["titled_canonical"] = canon.as_dict()
    out["locality"] = loc.as_dict()
    scored = [v for k, v in t.items()]
    allw = sum(v.wrong for v in scored)
    out["all_mentions"] = {"n": sum(v.n for v in scored), "wrong_rate": round(allw / max(1, sum(v.n for v in scored)), 3)}
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--gold-dir", default=str(ROOT / "corpus" / "divisions"))
    ap.add_argument("--pages", default=str(ROOT / "corpus" / "pages.jsonl"))
    ap.add_argument("--errors", action="store_true", help="list the wrong resolutions")
    args = ap.parse_args(argv)
    gd = Path(args.gold_dir)
    errs: Optional[list] = [] if args.errors else None
    res = evaluate(_read(gd / f"{args.split}_gold.jsonl"), _read(gd / f"pages_{args.split}.jsonl"),
                   Path(args.pages), errors=errs)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    for e in errs or ():
        print(json.dumps(e, ensure_ascii=False))


if __name__ == "__main__":
    main()
