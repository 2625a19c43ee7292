"""How well ``ent._.confidence`` is calibrated, and what it costs, on the dev split.

    python -m training.confidence_report [--model DIR] [--beam-width 16]

For every ORG, GPE and PROGRAMME in ``doc.ents`` of the dev pages
(corpus/splits.json), an entity is right when its offsets and label are a
gold entity's. Printed (markdown, for docs/confidence.md):

* reliability tables of the model's spans: bins of confidence → entities,
  mean confidence, precision, for each method: the shipped measure (the
  model's probability of the span, product over its steps), the weakest
  step (``min``), and spaCy's beam (``beam_ner`` loaded with the same
  weights, ``scored_ents``: the span's marginal over the beam; 0 when it
  is not in the beam); and, for the rule spans (which ship with none), what
  the model's probability of the span would have said;
* precision and recall per label when entities under 0.5 / 0.7 / 0.9 are
  dropped (the ``--min-confidence`` of ``pdcnlp extract``);
* seconds: the greedy ``ner``, the confidence component, the beam.

Only the dev split: the test split is for headline scores (splits.py).
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0000001)
THRESHOLDS = (None, 0.5, 0.7, 0.9)


def reliability(rows: Sequence[dict], key: str, bins=BINS) -> List[dict]:
    """Per bin of ``row[key]``: count, mean confidence, precision (rows with
    ``correct``); the last line is all rows with the expected calibration
    error (count-weighted mean of |precision − mean confidence|)."""
    out, ece, n_all = [], 0.0, len(rows)
    for lo, hi in zip(bins, bins[1:]):
        sel = [r for r in rows if r[key] is not None and lo <= r[key] < hi]
        if not sel:
            out.append({"bin": (lo, min(hi, 1.0)), "n": 0, "conf": None, "precision": None})
            continue
        conf = sum(r[key] for r in sel) / len(sel)
        prec = sum(r["correct"] for r in sel) / len(sel)
        ece += len(sel) / max(n_all, 1) * abs(prec - conf)
        out.append({"bin": (lo, min(hi, 1.0)), "n": len(sel), "conf": conf, "precision": prec})
    return out + [{"bin": "all", "n": n_all, "ece": ece,
                   "precision": sum(r["correct"] for r in rows) / max(n_all, 1)}]


def at_threshold(rows: Sequence[dict], gold_counts: Dict[str, int], key: str,
                 threshold: Optional[float]) -> Dict[str, dict]:
    """Precision and recall per label of the entities kept at ``threshold``
    (``None``: all); a row without a score (a rule span) is kept, as
    ``--min-confidence`` keeps it."""
    out = {}
    for label, n_gold in gold_counts.items():
        kept = [r for r in rows if r["label"] == label and (threshold is None or r[key] is None or r[key] >= threshold)]
        tp = sum(r["correct"] for r in kept)
        out[label] = {"p": tp / len(kept) if kept else 0.0, "r": tp / n_gold if n_gold else 0.0, "n": len(kept)}
    return out


def _fmt(x, spec=".3f"):
    return "–" if x is None else format(x, spec)


def format_reliability(table: List[dict]) -> str:
    lines = ["| confidence | entities | mean confidence | precision |", "|---|---:|---:|---:|"]
    for row in table:
        if row["bin"] == "all":
            lines.append(f"| all (ECE {row['ece']:.3f}) | {row['n']} | | {row['precision']:.3f} |")
        else:
            lo, hi = row["bin"]
            lines.append(f"| [{lo:.2f}, {hi:.2f}{']' if hi == 1.0 else ')'} | {row['n']} | "
                         f"{_fmt(row['conf'])} | {_fmt(row['precision'])} |")
    return "\n".join(lines)


def format_thresholds(rows, gold_counts, key) -> str:
    labels = list(gold_counts)
    head = "| min confidence | " + " | ".join(f"{lab} P | {lab} R" for lab in labels) + " |"
    lines = [head, "|---|" + "---:|" * (2 * len(labels))]
    for t in THRESHOLDS:
        s = at_threshold(rows, gold_counts, key, t)
        lines.append(f"| {'none' if t is None else t} | "
                     + " | ".join(f"{s[lab]['p']:.3f} | {s[lab]['r']:.3f}" for lab in labels) + " |")
    return "\n".join(lines)


def beam_scores(nlp, docs, width: int):
    """``(start, end, label) → probability`` per doc from a ``beam_ner``
    with the ner's weights (docs: through tok2vec only, no entities set)."""
    ner = nlp.get_pipe("ner")
    beam = nlp.add_pipe("beam_ner", name="_beam", config={"model": dict(nlp.config["components"]["ner"]["model"])},
                        last=True)
    beam.from_bytes(ner.to_bytes())
    beam.cfg.update(beam_width=width, beam_density=0.0001)   # the ner's cfg says beam_width 1
    t0 = time.perf_counter()
    scored = []
    for i in range(0, len(docs), 64):
        scored += beam.scored_ents(beam.predict(docs[i:i + 64]))
    seconds = time.perf_counter() - t0
    nlp.remove_pipe("_beam")
    return scored, seconds


def collect(nlp, records, beam_width: int) -> tuple:
    """One row per predicted name entity, and the timings."""
    from pdcnlp.entities.confidence_component import FACTORY, span_probabilities
    from pdcnlp.entities.component import entity_origin
    from pdcnlp.schema import NAME_LABELS
    from pdcnlp.text.clean_view import span_offsets

    texts = [r["text"] for r in records]
    upto_t2v = [p for p in nlp.pipe_names if p not in ("pdcnlp_sentences", "tok2vec")]
    bare = list(nlp.pipe(texts, disable=upto_t2v))          # for the beam and the ner timing
    ner = nlp.get_pipe("ner")
    t0 = time.perf_counter()
    for i in range(0, len(bare), 64):
        ner.predict(bare[i:i + 64])
    t_ner = time.perf_counter() - t0
    docs = list(nlp.pipe(texts, disable=[p for p in nlp.pipe_names if p.startswith("pdcnlp_") and p not in
                                         ("pdcnlp_sentences", "pdcnlp_entity_rules")]))
    comp = nlp.get_pipe(FACTORY)
    t0 = time.perf_counter()
    for i in range(0, len(docs), 64):
        comp.score_docs(docs[i:i + 64])
    t_conf = time.perf_counter() - t0
    beams, t_beam = beam_scores(nlp, bare, beam_width) if beam_width > 1 else (None, None)
    rows = []
    for d, (doc, rec) in enumerate(zip(docs, records)):
        gold = {(s, e, lab) for s, e, lab in rec["entities"]}
        ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
        spans = [[(e.start, e.end, e.label_) for e in ents]]
        mins = span_probabilities(ner, [doc], spans, "min")[0] if ents else []
        prods = span_probabilities(ner, [doc], spans, "product")[0] if ents else []
        for ent, p_min, p_prod in zip(ents, mins, prods):
            s, e = span_offsets(ent)
            rows.append({"label": ent.label_, "correct": (s, e, ent.label_) in gold, "origin": entity_origin(ent),
                         "product": ent._.confidence, "model_prob": p_prod, "min": p_min,
                         "beam": beams[d].get((ent.start, ent.end, ent.label_), 0.0) if beams else None})
    timings = {"docs": len(docs), "chars": sum(map(len, texts)), "ner_s": t_ner, "confidence_s": t_conf,
               "beam_s": t_beam, "beam_width": beam_width}
    return rows, timings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="a saved pipeline (default: the shipped one)")
    ap.add_argument("--beam-width", type=int, default=16, help="0: skip the beam")
    args = ap.parse_args(argv)
    import pdcnlp
    from pdcnlp.corpus.splits import corpus_splits
    from pdcnlp.schema import NAME_LABELS

    nlp = pdcnlp.load(args.model)
    dev = corpus_splits(ROOT / "corpus")["dev"]
    rows, timings = collect(nlp, dev, args.beam_width)
    gold_counts = defaultdict(int)
    for r in dev:
        for _, _, lab in r["entities"]:
            if lab in NAME_LABELS:
                gold_counts[lab] += 1
    gold_counts = {lab: gold_counts[lab] for lab in NAME_LABELS}
    print(f"model {nlp.meta.get('version')}, dev split: {timings['docs']} sentences, {timings['chars']:,} chars, "
          f"{len(rows)} name entities ({sum(r['origin'] == 'model' for r in rows)} from the model)\n")
    model = [r for r in rows if r["origin"] == "model"]
    rules = [r for r in rows if r["origin"] == "rules"]
    methods = ["product", "min"] + (["beam"] if args.beam_width > 1 else [])
    for key in methods:
        print(f"### {key}, model spans\n\n{format_reliability(reliability(model, key))}\n")
        kept = [{**r, key: r[key] if r["origin"] == "model" else None} for r in rows]
        print(f"### {key}: per label at thresholds (rule spans kept)\n\n"
              f"{format_thresholds(kept, gold_counts, key)}\n")
    print("### rule spans: the model's probability of the span (not shipped)\n\n"
          f"{format_reliability(reliability(rules, 'model_prob'))}\n")
    print("### seconds on the dev split (one process)\n")
    print(f"greedy ner predict {timings['ner_s']:.2f} s; confidence {timings['confidence_s']:.2f} s; "
          f"beam_ner (width {timings['beam_width']}) {_fmt(timings['beam_s'], '.2f')} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
