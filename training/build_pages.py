"""Compile the hand-annotated public pages (corpus/pages/src/*.ann) to corpus/pages.jsonl.

    python -m training.build_pages                 # writes corpus/pages.jsonl
    python -m training.build_pages --check FILE    # one file: errors, counts, readings to review

The markup is ``training/markup.py``'s, with a page header before the
sentences of each page, and a reading written by hand on EVERY quantity
(gold readings must not depend on the parser they are used to score):

    = https://example.gov.cn/a.html | campaign=party_history_2021 | province=四川 | level=county | year=2021
    @A-001-01
    開展{集體學習|1}[4000余場次|QUANTITY@1=4000/over/场次]

Checks while building: each page was claimed (``training.claim_page``, which
also refuses reserved pages); each block is one sentence by the corpus's
sentence rule, copied verbatim (so it cannot hold a sentence end inside);
header fields come from fixed vocabularies; every QUANTITY has a reading.
``--check`` also lists where the hand reading differs from the parser's
proposal, as a second opinion to look at, never to copy.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from pdcnlp.corpus.validate import validate_records
from pdcnlp.text.sentences import sentence_spans
from training.build_corpus import parse_override, proposed_reading
from training.claim_page import CLAIMS, norm_url
from training.markup import MarkupError, parse_line

ROOT = Path(__file__).resolve().parents[1]

CAMPAIGNS = {
    "party_history_2021": "2021 党史学习教育 / 我为群众办实事",
    "theme_education_2019": "2019 不忘初心、牢记使命主题教育",
    "theme_education_2023": "2023 学习贯彻习近平新时代中国特色社会主义思想主题教育",
    "discipline_education_2024": "2024 党纪学习教育",
    "rural_revitalisation": "乡村振兴",
    "civilisation_practice": "新时代文明实践",
    "party_building": "基层党建",
    "epidemic_volunteers": "疫情防控志愿服务",
    "work_report": "政府工作报告段落",
}
CAMPAIGN_GROUP = {  # the rows scores are published for
    "party_history_2021": "party_history_2021",
    "theme_education_2019": "theme_education_2019",
    "theme_education_2023": "theme_education_2023",
    "discipline_education_2024": "discipline_education_2024",
}
LEVELS = ("central", "province", "city", "county", "township", "village")
PROVINCES = (
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 "
    "海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾 全国"
).split()

_HEADER = re.compile(r"^=\s*(?P<url>\S+)\s*(?P<rest>.*)$")


def campaign_group(campaign: str) -> str:
    return CAMPAIGN_GROUP.get(campaign, "local_work")


def script_of(text: str) -> str:
    """'traditional' when OpenCC t2s changes any character, else 'simplified'."""
    from pdcnlp.text.normalize import to_simplified
    return "traditional" if to_simplified(text) != text else "simplified"


def parse_header(line: str, where: str) -> Dict[str, object]:
    m = _HEADER.match(line)
    if not m:
        raise MarkupError(f"{where}: bad page header {line[:60]!r}")
    meta: Dict[str, object] = {"source": m.group("url")}
    for part in m.group("rest").split("|"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise MarkupError(f"{where}: header field {part!r} is not key=value")
        k, v = (x.strip() for x in part.split("=", 1))
        meta[k] = v
    for key in ("campaign", "province", "level", "year"):
        if key not in meta:
            raise MarkupError(f"{where}: page header lacks {key}=")
    if meta["campaign"] not in CAMPAIGNS:
        raise MarkupError(f"{where}: campaign {meta['campaign']!r} is not one of {', '.join(CAMPAIGNS)}")
    if meta["province"] not in PROVINCES:
        raise MarkupError(f"{where}: province {meta['province']!r} is not one of {' '.join(PROVINCES)}")
    if meta["level"] not in LEVELS:
        raise MarkupError(f"{where}: level {meta['level']!r} is not one of {', '.join(LEVELS)}")
    if not re.fullmatch(r"(19|20)\d\d", str(meta["year"])):
        raise MarkupError(f"{where}: year {meta['year']!r} is not a 4-digit year")
    meta["year"] = int(meta["year"])
    return meta


def parse_pages(text: str, name: str, problems: List[str]) -> List[Tuple[Dict[str, object], object]]:
    """(page meta, Block) for every sentence block of one .ann file; a block
    that does not parse is reported in ``problems`` and the rest go on."""
    out = []
    meta: Optional[Dict[str, object]] = None
    current: Optional[str] = None
    for lineno, raw in enumerate(text.split("\n"), 1):
        where = f"{name}:{lineno}"
        if raw.startswith("#") or (not raw.strip() and current is None):
            continue
        if raw.startswith("="):
            meta = parse_header(raw, where)
            current = None
            continue
        if raw.startswith("@"):
            current = raw[1:].strip()
            continue
        if meta is None:
            raise MarkupError(f"{where}: sentence before the first page header")
        if current is None:
            raise MarkupError(f"{where}: text without an @id before it: {raw[:30]!r}")
        try:
            out.append((meta, parse_line(current, raw)))
        except MarkupError as e:
            problems.append(f"{where}: {e}")
        current = None
    return out


def claimed_urls() -> set:
    if not CLAIMS.exists():
        return set()
    return {norm_url(l.split("\t")[0]) for l in CLAIMS.read_text(encoding="utf-8").splitlines() if l.strip()}


def block_problems(block, meta) -> List[str]:
    problems = []
    spans = sentence_spans(block.text)
    if len(spans) != 1 or spans[0] != (0, len(block.text)):
        problems.append(f"{block.id}: not exactly one sentence by the corpus rule (ends at 。！？；!?; or a line break): "
                        f"{[block.text[s:e] for s, e in spans]}")
    if block.text != block.text.strip():
        problems.append(f"{block.id}: leading or trailing whitespace")
    for s, e, label in block.entities:
        if label == "QUANTITY" and (s, e) not in block.readings:
            problems.append(f"{block.id}: QUANTITY {block.text[s:e]!r} has no hand reading (=VALUE/QUALIFIER/UNIT)")
    return problems


def to_record(meta, block) -> Dict[str, object]:
    entities = sorted([list(e) for e in block.entities])
    target_spans = sorted({tuple(s) for s in block.targets.values()})
    links = sorted([[q[0], q[1], *block.targets[t]] for q, t in block.links])
    quantities = []
    for s, e, label in entities:
        if label == "QUANTITY" and (s, e) in block.readings:
            quantities.append({"span": [s, e], **parse_override(block.readings[(s, e)])})
    rec = {"id": block.id, "source": meta["source"], "text": block.text, "entities": entities,
           "targets": [list(t) for t in target_spans], "links": links, "quantities": quantities}
    for k in ("campaign", "province", "level", "year"):
        rec[k] = meta[k]
    rec["campaign_group"] = campaign_group(str(meta["campaign"]))
    rec["script"] = script_of(block.text)
    if meta.get("annotator"):
        rec["annotator"] = meta["annotator"]
    return rec


def build(files: List[Path], require_claims: bool = True):
    records, problems = [], []
    claims = claimed_urls() if require_claims else None
    for path in files:
        try:
            items = parse_pages(path.read_text(encoding="utf-8"), path.name, problems)
        except MarkupError as e:  # a bad page header: the rest of the file has no page
            problems.append(str(e))
            continue
        for meta, block in items:
            if claims is not None and norm_url(str(meta["source"])) not in claims:
                problems.append(f"{block.id}: page {meta['source']} was never claimed (python -m training.claim_page)")
            bp = block_problems(block, meta)
            problems.extend(bp)
            if not bp:
                try:
                    records.append(to_record(meta, block))
                except (ValueError, KeyError) as e:
                    problems.append(f"{block.id}: bad reading override ({e})")
    problems.extend(validate_records(records))
    return records, problems


def reserved_hits(records) -> List[str]:
    """Records from a page, or repeating a sentence, reserved for evaluation
    outside the repository (``../shared/reserved/check_reserved.py``). The
    corpus build refuses them; without ``../shared`` the check is skipped
    with a warning (a user's clone), and CI runs it as a test."""
    import importlib.util

    path = ROOT.parent / "shared" / "reserved" / "check_reserved.py"
    if not path.exists():
        print(f"WARNING reserved-page check skipped: {path} is absent", file=sys.stderr)
        return []
    spec = importlib.util.spec_from_file_location("check_reserved", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fp = mod.load()
    hits = []
    for r in records:
        if "u:" + mod.sha(mod.normalise_url(str(r["source"]))) in fp:
            hits.append(f"{r['id']}: page is reserved: {r['source']}")
        elif any(k in fp for k in mod.keys_for_text(str(r["text"]))):
            hits.append(f"{r['id']}: sentence is reserved")
    return hits


def review(records) -> List[str]:
    """Lines where the hand reading and the parser's proposal differ."""
    lines = []
    for r in records:
        for q in r["quantities"]:
            s, e = q["span"]
            prop = proposed_reading(r["text"][s:e])
            hand = {k: q[k] for k in ("value", "qualifier", "unit", "high") if k in q}
            if prop != hand:
                lines.append(f"{r['id']}\t{r['text'][s:e]}\thand={hand}\tparser={prop}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=str(ROOT / "corpus" / "pages" / "src"))
    ap.add_argument("--out", default=str(ROOT / "corpus" / "pages.jsonl"))
    ap.add_argument("--check", metavar="FILE", help="check one .ann file; write nothing")
    args = ap.parse_args(argv)
    files = [Path(args.check)] if args.check else sorted(Path(args.src).glob("*.ann"))
    records, problems = build(files)
    problems += reserved_hits(records)
    for p in problems:
        print("PROBLEM", p)
    if args.check:
        pages = {r["source"] for r in records}
        c = Counter(lab for r in records for *_, lab in r["entities"])
        print(f"{len(records)} sentences from {len(pages)} pages; entities {dict(c)}; "
              f"links {sum(len(r['links']) for r in records)}; "
              f"no quantity {sum(1 for r in records if not r['quantities'])}; "
              f"traditional {sum(1 for r in records if r['script'] == 'traditional')}")
        for line in review(records):
            print("READING-DIFFERS", line)
        return 1 if problems else 0
    if problems:
        return 1
    seen = set()
    for r in records:
        if r["id"] in seen:
            print("PROBLEM duplicate id", r["id"])
            return 1
        seen.add(r["id"])
    with open(args.out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records from {len({r['source'] for r in records})} pages -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
