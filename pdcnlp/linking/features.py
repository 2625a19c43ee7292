"""Link a quantity to what it measures: candidates, features, scoring.

Pure functions over the clean text of one sentence (Simplified, noise-free).
For a quantity at ``[qs, qe)`` the candidates are the spans of its clause
(between clause punctuation , ; 。 : ！ ？ ( ) and the like; 、 and 和 stay
inside, lists are targets too) on either side of it, up to ``MAX_LEN``
characters, not overlapping any quantity. Each candidate gets sparse string
features (the words around its edges, the gap to the quantity, its side,
the quantity's unit class …); a linear model scores them and the best one
wins. The model that scores them is :mod:`pdcnlp.linking.model`.

Two rules stand beside the model (ANNOTATION.md "Targets and links"):
a noun used as its own classifier (200余民, 全省16市) and a count of aspects
followed by another count (5个方面33条措施) get no target; everything else
gets the best-scoring candidate. Three structures of the guideline add
candidates the clause scan would not reach: the n-th item of a 分别 list for
the n-th figure (:func:`list_items`), the noun after a relative clause in 的
(76家符合规定的食品小作坊), and ends beyond a date in the gap (dates are
skipped like quantities by :func:`normalised_gap`).

Without trained weights, ``RULE_WEIGHTS`` encode the two commonest patterns (postposed 开展集体学习4000余场次,
preposed 301个党委) so that the component still does something sensible.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..lexicon import CLAUSE_PUNCT, brackets_paired, internal_bigrams
from .lists import Span2, list_items
from .wordfeats import WordIndex, word_features

MAX_LEN = 30
MAX_GAP = 6          # characters between a target and its quantity, other quantities not counted
MAX_RIGHT_GAP = 2
MAX_DE = 16          # how far right of a quantity a 的 may end the clause between it and its noun
MAX_REACH = 60       # characters searched left of a quantity for the ends of its candidates
# ANNOTATION.md: targets never include these light verbs.
LIGHT_VERBS = ("开展", "举办", "组织", "召开", "进行", "完成", "实施", "推出", "打造", "开设", "建立", "举行",
               "组建", "派出", "印发")
# Content verbs: "things counted after a verb: the noun alone" (收集…问题),
# but "people counted after a verb: the verb-object phrase" (培训学员).
CONTENT_VERBS = ("收集", "征集", "解决", "办理", "确定", "形成", "梳理", "投入", "发放", "争取", "接种", "张贴",
                 "征订", "发布", "推送", "刊发", "讲授", "创作", "制作", "开发", "成立", "化解", "帮办", "依托",
                 "承接", "培训", "轮训", "服务", "覆盖", "参与", "惠及", "走访")
ADVERBS = ("累计", "共", "先后", "均", "已", "分别", "目前", "近期", "共计", "合计", "总计", "约")
DETERMINERS = ("各类", "各种", "各级", "一批", "各项")
# collective and pointing words (ANNOTATION.md v1.1: not GPE): a target mostly leaves them out
COLLECTIVES = ("全省", "全县", "全区", "全市", "全国", "全乡", "全镇", "全州", "我国", "我省", "我市", "我县", "我区",
               "该区", "该县", "该市", "各地")
NO_TARGET_UNITS = ("民", "市", "县", "区", "镇", "乡", "村", "省")
SEPARATORS = "、和及与等的之"
# Verbs and copulas that follow a target (党员收看, 参与率达到, 企业协调) or
# stand between it and its number: where a target must stop.
VERB_BIGRAMS = ("达到", "收看", "协调", "用于", "参与", "参加", "开展", "积极", "佩戴", "到社", "已全", "均在",
                "分别", "累计", "共计", "已经", "正在", "作出", "组织", "进行", "实现", "完成", "提供", "发放")
VERB_CHARS = "达在到为是有已将把被让使用于"
# Words that sit between a target and its number (办结率|分别达到|99%): a
# target never ends on one.
VERB_BIGRAM = re.compile("|".join(VERB_BIGRAMS))
FUNCTION_CHAR = re.compile(r"[的了着是在把将对为]")
DIGIT = re.compile(r"\d")
# a year, month or day in a gap (2014年, 2018年年底, 3月): no QUANTITY, so skipped like one
DATE = re.compile(r"(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月(?:\d{1,2}日)?)(?:年底|年末|底|末|初)?")
# particles and coverbs no target starts with; punctuation but opening quotes and brackets
NOT_A_START = re.compile(r"[了着过得是为把被将]|[^\w“《(（「『‘\"']")
GAP_WORDS = ("分别达到", "分别", "达到", "均在", "均", "达", "累计", "共计", "共", "先后", "已", "在", "为", "到", "约")




@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    features: Tuple[str, ...]


def _bucket(n: int) -> str:
    return str(n) if n <= 4 else ("5-8" if n <= 8 else ("9-15" if n <= 15 else "16+"))


def clause_bounds(text: str, qs: int, qe: int) -> Tuple[int, int]:
    """The clause around ``[qs, qe)``: from after the previous break to the next one."""
    left = qs
    while left > 0 and not CLAUSE_PUNCT.match(text[left - 1]):
        left -= 1
    right = qe
    while right < len(text) and not CLAUSE_PUNCT.match(text[right]):
        right += 1
    return left, right


def _char_class(ch: str) -> str:
    """'han' for a Han character, else the character itself."""
    return "han" if "\u4e00" <= ch <= "\u9fff" else ch


def normalised_gap(text: str, a: int, b: int, quantity_spans: Sequence[Tuple[int, int]]) -> str:
    """``text[a:b]`` with other quantities (and the 和/、 joining them) and
    dates removed: in 办结率分别达到99%和97%, the gap from 办结率 to 97% is
    分别达到; in 人均纯收入从2014年的3400元增加到2018年年底的9977元, from
    人均纯收入 to 3400元 it is 从的 (a change from one year to another
    measures the indicator named before 从, ANNOTATION.md v1.2 "Growth and
    change"; dates are no QUANTITY, so they would otherwise count)."""
    out, i = [], a
    while i < b:
        q = next(((qa, qb) for qa, qb in quantity_spans if qa == i and qb <= b), None)
        if q:
            i = q[1]
            if i < b and text[i] in "和、及与":
                i += 1
            continue
        d = DATE.match(text, i, b)
        if d:
            i = d.end()
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def gap_lengths(text: str, a: int, b: int, quantity_spans: Sequence[Tuple[int, int]]) -> Dict[int, int]:
    """``len(normalised_gap(text, e, b, …))`` for every ``e`` in ``[a, b]``
    where the left-to-right scan from ``a`` stops (a kept character, or the
    start of a skipped quantity or date), in one pass: the scan from such an
    ``e`` is the same from there on. Offsets inside a skipped stretch are
    missing (the caller computes those, rare, directly)."""
    stops, kept, i = [], [], a
    while i < b:
        stops.append(i)
        q = next(((qa, qb) for qa, qb in quantity_spans if qa == i and qb <= b), None)
        if q:
            i = q[1] + (1 if q[1] < b and text[q[1]] in "和、及与" else 0)
            kept.append(0)
            continue
        d = DATE.match(text, i, b)
        i = d.end() if d else i + 1
        kept.append(0 if d else 1)
    out, n = {b: 0}, 0
    for pos, k in zip(reversed(stops), reversed(kept)):
        n += k
        out[pos] = n
    return out


def _end_features(text: str, e: int, side: str, unit_class: str) -> Tuple[str, ...]:
    """Features that depend on where a candidate ends (and its side), not on
    where it starts: computed once per end, shared by every start."""
    after1 = text[e] if e < len(text) else "$"
    f = [
        f"after1={after1}",
        f"after2={text[e:e + 2] if e < len(text) else '$'}",
        f"side={side}|after1={after1}",
        f"unit={unit_class}|side={side}",
    ]
    if e < len(text) and text[e - 1:e + 1] in internal_bigrams():
        f.append("end_inside_word")
    if text[e:e + 2] in VERB_BIGRAMS or (e < len(text) and text[e] in VERB_CHARS):
        f.append("verb_after")
    if e >= len(text) or text[e] in ",，、和及与;；。:：!！?？)）”":
        f.append(f"side={side}|after_break")
    return tuple(f)


def _start_features(text: str, s: int, side: str, unit_class: str) -> Tuple[str, ...]:
    """Features that depend on where a candidate starts (and its side)."""
    before1 = text[s - 1] if s > 0 else "^"
    f = [
        f"before1={before1}",
        f"before2={text[max(0, s - 2):s] if s > 0 else '^'}",
        f"side={side}|before1={before1}",
    ]
    if s > 0 and text[s - 1:s + 1] in internal_bigrams():
        f.append("start_inside_word")
    if text.endswith(CONTENT_VERBS, 0, s):
        f.append(f"after_content_verb|unit={unit_class}")
    if text.endswith(LIGHT_VERBS, 0, s):
        f.append("after_light_verb")
    if text.endswith(DETERMINERS, 0, s):
        f.append("after_determiner")
    return tuple(f)


def _gap_features(gap: str, side: str) -> Tuple[str, ...]:
    return (f"side={side}", f"gap={gap if len(gap) <= 4 else 'long'}", f"side={side}|gaplen={_bucket(len(gap))}")


def candidate_features(text: str, s: int, e: int, qs: int, qe: int, unit_class: str,
                       entity_spans: Sequence[Tuple[int, int]] = (),
                       quantity_spans: Sequence[Tuple[int, int]] = (),
                       _cache: Optional[Dict] = None) -> Tuple[str, ...]:
    """The features of candidate ``[s, e)`` for the quantity ``[qs, qe)``.

    ``_cache`` (a dict, one per quantity) lets :func:`candidates` compute
    the parts that depend only on one edge once per edge."""
    cache = {} if _cache is None else _cache
    span = text[s:e]
    before_side = e <= qs
    side = "L" if before_side else "R"
    gap_key = ("gap", e if before_side else s)
    gap_f = cache.get(gap_key)
    if gap_f is None:
        gap = normalised_gap(text, e, qs, quantity_spans) if before_side else normalised_gap(text, qe, s, quantity_spans)
        gap_f = cache[gap_key] = _gap_features(gap, side)
    end_f = cache.get(("end", e))
    if end_f is None:
        end_f = cache[("end", e)] = _end_features(text, e, side, unit_class)
    start_f = cache.get(("start", s))
    if start_f is None:
        start_f = cache[("start", s)] = _start_features(text, s, side, unit_class)
    f = [
        *gap_f, *end_f, *start_f,
        f"len={_bucket(len(span))}",
        f"side={side}|len={_bucket(len(span))}",
        f"end1={span[-1]}",
        f"end2={span[-2:]}",
        f"start1={span[0]}",
        f"start2={span[:2]}",
        f"side={side}|end1={span[-1]}",
    ]
    if span[-1] in SEPARATORS:
        f.append("ends_on_separator")
    if span[0] in SEPARATORS:
        f.append("starts_on_separator")
    if VERB_BIGRAM.search(span):
        f.append("verb_inside")
    if span.endswith(GAP_WORDS):
        f.append("ends_with_gap_word")
    if not brackets_paired(span):
        f.append("unbalanced_brackets")
    qf = cache.get("quantity")
    if qf is None:
        qnext = _char_class(text[qe]) if qe < len(text) else "$"
        qprev = _char_class(text[qs - 1]) if qs > 0 else "^"
        qf = cache["quantity"] = {side_: (f"qnext={qnext}|side={side_}", f"qprev={qprev}|side={side_}")
                                  for side_ in "LR"}
    f.extend(qf[side])
    if span.startswith(CONTENT_VERBS):
        f.append(f"starts_content_verb|unit={unit_class}")
    if span.startswith(ADVERBS):
        f.append("starts_adverb")
    if span.startswith(DETERMINERS):
        f.append("starts_determiner")
    if FUNCTION_CHAR.search(span):
        f.append("has_function_char")
    if "、" in span or "和" in span:
        f.append("has_list")
    if span.endswith("等") or span.startswith("等"):
        f.append("edge_deng")
    if DIGIT.search(span):
        f.append("has_digit")
    if any(es == s and ee == e for es, ee in entity_spans):
        f.append("is_entity")
    if any(ee == e for es, ee in entity_spans):
        f.append("ends_with_entity")
    if any(es == s and ee < e for es, ee in entity_spans):
        f.append("starts_with_entity")    # 盐田港区集装箱年吞吐量: the owner before the phrase mostly drops
    if span.startswith(COLLECTIVES):
        f.append("starts_collective")     # 全县生产总值 → 生产总值 (ANNOTATION.md), 全国排名 kept
    k = span.rfind("等")
    if 0 < k < len(span) - 1 and ("、" in span[:k] or "》《" in span[:k] or "”“" in span[:k]):
        # 读经典、讲故事、唱红歌等系列活动: the listed items before 等 stay in
        # the target (ANNOTATION.md table), the list starts where the candidate does
        f.append(f"deng_list|before1={_char_class(text[s - 1]) if s > 0 else '^'}")
    return tuple(f)


def excluded(text: str, s: int, e: int) -> bool:
    """Spans the guideline rules out as targets, whatever the model says.

    A target is a noun phrase or a verb-object phrase (ANNOTATION.md
    "Targets and links"): it never starts on a particle or a coverb
    (了讲述, 为群众) nor on punctuation other than an opening quote or
    bracket (——贫困发生率)."""
    span = text[s:e]
    if span[0] in SEPARATORS or span[-1] in SEPARATORS or span[-1] in "(（“《":
        return True
    if NOT_A_START.match(span):
        return True
    if span.endswith(GAP_WORDS) or span.startswith(LIGHT_VERBS):
        return True
    if span.startswith(ADVERBS) or span.startswith(DETERMINERS):
        return True
    return not brackets_paired(span)


def candidates(text: str, qs: int, qe: int, unit_class: str, quantity_spans: Sequence[Tuple[int, int]],
               entity_spans: Sequence[Tuple[int, int]] = (), words: Optional[WordIndex] = None) -> List[Candidate]:
    """Candidate targets of the quantity ``[qs, qe)`` with their features;
    ``words`` (the sentence's word layer) adds the word features."""
    left, right = clause_bounds(text, qs, qe)
    blocked = [(a, b) for a, b in quantity_spans]
    if left > 0 and not normalised_gap(text, left, qs, blocked):
        # the number opens its clause (点击次数:2586次): what it counts was
        # named before the break, so the previous clause is searched too
        left = clause_bounds(text, left - 1, left - 1)[0]
    spans = []
    # left of the quantity: ends within MAX_GAP (other quantities not counted)
    reach = max(left, qs - MAX_REACH)
    lengths = gap_lengths(text, reach, qs, blocked)
    for e in range(qs, reach, -1):
        n = lengths.get(e)
        if (n if n is not None else len(normalised_gap(text, e, qs, blocked))) > MAX_GAP:
            continue   # not break: an end inside a date (…|018年的) has a long gap, the date's start a short one
        for s in range(max(left, e - MAX_LEN), e):
            spans.append((s, e))
    # right of the quantity: starts within MAX_RIGHT_GAP
    for s in range(qe, min(right, qe + MAX_RIGHT_GAP + 1)):
        for e in range(s + 1, min(right, s + MAX_LEN) + 1):
            spans.append((s, e))
    extra: Dict[Span2, Tuple[str, ...]] = {}
    # 76家符合规定的食品小作坊: a relative clause ending in 的 may stand
    # between the number and the noun it counts (ANNOTATION.md: the target
    # is the noun phrase; annotators leave the clause out)
    d = text.find("的", qe + MAX_RIGHT_GAP + 1, min(right, qe + MAX_DE))
    if d > 0 and not any(qe <= a < d for a, _ in blocked):
        for e in range(d + 2, min(right, d + 1 + MAX_LEN) + 1):
            spans.append((d + 1, e))
            extra[(d + 1, e)] = ("after_de_clause", f"after_de_clause|unit={unit_class}")
    listed = list_items(text, left, qs, blocked)
    for k, (ps, pe) in enumerate(listed[0] if listed else ()):
        for s in range(ps, pe):
            extra[(s, pe)] = ("list_item", f"list_item|order={k == listed[1]}")
    have = set(spans)
    spans.extend(sp for sp in extra if sp not in have)
    out = []
    cache: Dict = {}
    for s, e in spans:
        if any(s < b and a < e for a, b in blocked) or (s < qe and qs < e):
            continue  # overlaps a quantity
        if CLAUSE_PUNCT.search(text, s, e):
            continue  # a target never spans a clause break
        if text[s].isspace() or text[e - 1].isspace() or excluded(text, s, e):
            continue
        if words is not None and words.edges and not words.on_edges(s, e, qs, qe):
            continue  # a target is made of whole words
        f = candidate_features(text, s, e, qs, qe, unit_class, entity_spans, blocked, cache)
        if words is not None:
            side, gap = ("L", (e, qs)) if e <= qs else ("R", (qe, s))
            f = f + word_features(words, s, e, side, unit_class, gap, cache)
        out.append(Candidate(s, e, f + extra.get((s, e), ())))
    return out


def no_target_by_rule(text: str, qs: int, qe: int, unit: str, quantity_spans: Sequence[Tuple[int, int]]) -> bool:
    """ANNOTATION.md cases where nothing is linked."""
    if unit in NO_TARGET_UNITS:
        return True
    if unit.endswith("方面") and any(a == qe for a, _ in quantity_spans):
        return True  # 5个方面33条措施: the aspects are named by the unit
    return False
