"""training/eval_divisions.py on a tiny synthetic gold file."""
from __future__ import annotations

import json

from training.eval_divisions import evaluate


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_scores_right_wrong_and_abstained(tmp_path):
    src = "http://example.org/a"
    s1 = "仪陇县召开会议,县委书记出席,朝阳区代表参加。"
    s2 = "南充市委宣传部和国务院。"
    pages = tmp_path / "pages.jsonl"
    _write(pages, [
        {"id": "X-1", "source": src, "text": s1, "entities": [[0, 3, "GPE"], [8, 10, "ORG"], [15, 18, "GPE"]]},
        {"id": "X-2", "source": src, "text": s2, "entities": [[0, 7, "ORG"], [8, 11, "ORG"]]},
    ])

    def g(i, text, s, e, label, code, kind, canonical=None, resolvable=True):
        return {"id": i, "source": src, "text": text, "start": s, "end": e, "label": label,
                "mention": text[s:e], "code": code, "level": None, "kind": kind, "canonical": canonical,
                "resolvable": resolvable, "note": ""}

    gold = [
        g("X-1", s1, 0, 3, "GPE", "511324", "place"),                 # right
        g("X-1", s1, 8, 10, "ORG", "511324", "titled", "仪陇县委"),     # right, by its sentence
        g("X-1", s1, 15, 18, "GPE", "110105", "place"),               # abstained (two 朝阳区)
        g("X-2", s2, 0, 7, "ORG", "511300", "named", "南充市委宣传部"),  # right
        g("X-2", s2, 8, 11, "ORG", None, "other", None, False),       # no division: right to abstain
    ]
    page_rows = [{"source": src, "title": None, "locality_code": "511324", "locality_name": "仪陇县",
                  "locality_level": "county"}]
    errors = []
    out = evaluate(gold, page_rows, pages, errors=errors)
    assert out["gpe_code"] == {"n": 2, "accuracy": 0.5, "wrong_rate": 0.0, "abstained": 1, "wrong": 0}
    assert out["org_titled"]["accuracy"] == 1.0 and out["titled_canonical"]["accuracy"] == 1.0
    assert out["org_named"]["accuracy"] == 1.0
    assert out["org_other_unresolvable"]["wrong"] == 0
    assert out["locality"]["accuracy"] == 1.0 and errors == []
    # a wrong gold code shows up as a wrong answer, not an abstention
    gold[0] = g("X-1", s1, 0, 3, "GPE", "511300", "place")
    out = evaluate(gold, page_rows, pages, errors=errors)
    assert out["gpe_code"]["wrong"] == 1 and errors and errors[0]["pred"] == "511324"
