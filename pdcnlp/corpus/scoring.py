"""Scores exactly as ANNOTATION.md's Scoring section defines them.

Pure functions over gold records and predictions (same record ids):

* entities: P/R/F1 per label and micro-averaged, exact (start, end, label);
* links: a predicted link is right when its QUANTITY matches a gold one
  exactly and its target ENDS where the gold target ends (head match); the
  strict variant also needs the same start;
* quantity readings: for each gold QUANTITY that was found (exact span),
  whether value, qualifier, unit and (for ranges) high all equal the gold
  reading.

A prediction is a dict ``{"entities": [[s, e, label]], "links": [[qs, qe,
ts, te]], "quantities": [{"span": [s, e], "value", "qualifier", "unit"}]}``.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, List, Sequence

from ..schema import LABELS


def prf(tp: int, n_pred: int, n_gold: int) -> Dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _values_equal(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def score(gold: Sequence[Dict], predicted: Sequence[Dict]) -> Dict[str, object]:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have one entry per record")
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    link_head = link_strict = link_pred = link_gold = 0
    read_ok = read_total = 0
    for g, p in zip(gold, predicted):
        gents = {tuple(e) for e in g["entities"]}
        pents = {tuple(e) for e in p.get("entities", [])}
        for label in LABELS:
            gl = {e for e in gents if e[2] == label}
            pl = {e for e in pents if e[2] == label}
            tp[label] += len(gl & pl)
            n_pred[label] += len(pl)
            n_gold[label] += len(gl)
        gold_links = {(l[0], l[1]): (l[2], l[3]) for l in g["links"]}
        link_gold += len(gold_links)
        for l in p.get("links", []):
            link_pred += 1
            want = gold_links.get((l[0], l[1]))
            if want is not None and l[3] == want[1]:
                link_head += 1
                if l[2] == want[0]:
                    link_strict += 1
        gq = {tuple(q["span"]): q for q in g["quantities"]}
        pq = {tuple(q["span"]): q for q in p.get("quantities", [])}
        for span, want in gq.items():
            if span in pq:
                read_total += 1
                got = pq[span]
                if (_values_equal(got.get("value"), want["value"]) and got.get("qualifier") == want["qualifier"]
                        and got.get("unit") == want["unit"]
                        and (want.get("high") is None) == (got.get("high") is None)
                        and (want.get("high") is None or _values_equal(got.get("high"), want["high"]))):
                    read_ok += 1
    per_type = {label: prf(tp[label], n_pred[label], n_gold[label]) for label in LABELS}
    micro = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {
        "ents_p": micro["p"], "ents_r": micro["r"], "ents_f": micro["f"],
        "ents_per_type": {k: {"p": v["p"], "r": v["r"], "f": v["f"]} for k, v in per_type.items()},
        "ents_counts": {k: {"tp": v["tp"], "pred": v["n_pred"], "gold": v["n_gold"]} for k, v in per_type.items()},
        "links_head_f": prf(link_head, link_pred, link_gold)["f"],
        "links_strict_f": prf(link_strict, link_pred, link_gold)["f"],
        "links_head_p": prf(link_head, link_pred, link_gold)["p"],
        "links_head_r": prf(link_head, link_pred, link_gold)["r"],
        "link_counts": {"head": link_head, "strict": link_strict, "pred": link_pred, "gold": link_gold},
        "quantity_reading_acc": read_ok / read_total if read_total else 0.0,
        "quantity_readings_checked": read_total,
        "n_docs": len({r.get("source") for r in gold}),
        "n_sentences": len(gold),
    }


def score_by(gold: Sequence[Dict], predicted: Sequence[Dict], key: str) -> Dict[str, Dict[str, object]]:
    """:func:`score` for each value of a record field (``campaign_group``,
    ``script``, ``province`` …), plus ``"all"``. Records without the field
    fall under ``"(none)"``."""
    groups: Dict[str, List[int]] = {}
    for i, g in enumerate(gold):
        groups.setdefault(str(g.get(key, "(none)")), []).append(i)
    out = {"all": score(gold, predicted)}
    for value, idx in sorted(groups.items()):
        out[value] = score([gold[i] for i in idx], [predicted[i] for i in idx])
    return out


def format_rows(by: Dict[str, Dict[str, object]], key: str) -> str:
    """One markdown row per group: entity F1 per label, link F1, readings.
    A label with no gold span in a group shows "–" (no F1 to give), not 0."""
    head = f"| {key} | sentences | ORG | GPE | PROGRAMME | QUANTITY | micro | link head | link strict | readings |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for value, s in by.items():
        f = {k: (f"{v['f']:.3f}" if s["ents_counts"][k]["gold"] else "–") for k, v in s["ents_per_type"].items()}
        lines.append(f"| {value} | {s['n_sentences']} | {f['ORG']} | {f['GPE']} | {f['PROGRAMME']} | "
                     f"{f['QUANTITY']} | {s['ents_f']:.3f} | {s['links_head_f']:.3f} | "
                     f"{s['links_strict_f']:.3f} | {s['quantity_reading_acc']:.3f} |")
    return "\n".join(lines)


def predict(nlp, records: Iterable[Dict]) -> List[Dict]:
    """Run a pipeline over record texts and return predictions in the
    scoring format (offsets trimmed of noise, as the corpus has them)."""
    from ..text.clean_view import span_offsets

    out = []
    texts = [r["text"] for r in records]
    for doc in nlp.pipe(texts, batch_size=64):
        ents = [[*span_offsets(e), e.label_] for e in doc.ents]
        links, quantities = [], []
        for m in doc._.measurements:
            s, e = m.offsets
            reading = {"span": [s, e], "value": m.value, "qualifier": m.qualifier, "unit": m.unit}
            if m.high is not None:
                reading["high"] = m.high
            quantities.append(reading)
            if m.target is not None:
                links.append([s, e, *span_offsets(m.target)])
        out.append({"entities": ents, "links": links, "quantities": quantities})
    return out


def format_table(scores: Dict[str, object]) -> str:
    lines = ["| label | P | R | F1 | gold |", "|---|---:|---:|---:|---:|"]
    for label, v in scores["ents_per_type"].items():
        lines.append(f"| {label} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {scores['ents_counts'][label]['gold']} |")
    lines.append(f"| micro | {scores['ents_p']:.3f} | {scores['ents_r']:.3f} | {scores['ents_f']:.3f} | "
                 f"{sum(c['gold'] for c in scores['ents_counts'].values())} |")
    lines.append("")
    lines.append(f"links: head-match F1 {scores['links_head_f']:.3f} (P {scores['links_head_p']:.3f}, "
                 f"R {scores['links_head_r']:.3f}), strict F1 {scores['links_strict_f']:.3f}")
    lines.append(f"quantity readings: {scores['quantity_reading_acc']:.3f} of "
                 f"{scores['quantity_readings_checked']} found gold quantities")
    lines.append(f"{scores['n_sentences']} sentences from {scores['n_docs']} documents")
    return "\n".join(lines)
