"""Rule-based ORG, GPE and PROGRAMME spans on the clean view.

Pure functions: clean text in, ``(start, end, label)`` out. The lexicons are
data (``resources/entity_rules.json``). The rules aim at precision; they are
one source beside the trained recogniser, scored on their own (issue 5):

* PROGRAMME: the campaign names (党史学习教育 …); quoted names with a
  directly attached generic head (“我为群众办实事”实践活动); quoted names
  right after a carry-out verb (开展“双报到”).
* ORG: a place, a definite title or a one-character division (区, 县) plus
  a body ending on an organisation head, taken one head at a time
  (仪陇县委|老干部局, 云溪区城管局, 市委常委会); a named institution after a
  boundary (张思德干部学院); definite titles alone (县委, 省委) unless a
  position follows (县委书记).
* GPE: a chain of place links (乐山市金口河区金河镇): China's division names
  and their short forms from the gazetteer (仪陇, 肃南县), or a 2-5 character
  stem with an administrative suffix (金河镇); never a collective word
  (全县, 该区), never inside an ORG.

Where a name may start is the hard part without word segmentation: after
punctuation, a function character or a verb that takes a name (依托, 邀请);
and a known name or title also where the character before it does not form
a word with its first character (People's Daily 1998's word-internal
bigrams: 德乡|仪陇 yes, 提高|台 no). :func:`plausible` applies the same
shape tests to spans from elsewhere (the statistical model).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Optional, Set, Tuple

from .linking import brackets_paired, internal_bigrams

EntitySpan = Tuple[int, int, str]
HAN = "\u4e00-\u9fff"
NUMERALS = "一二三四五六七八九十两"
# A named institution's body does not start on these either (第一课进行网).
NUMERAL_LIKE = NUMERALS + "几每第"


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(resources.files("pdcnlp.resources").joinpath("entity_rules.json").read_text("utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """Place names and their short forms (resources/gazetteer_gpe.json, built
    by training/build_gazetteer.py from cpca's division list)."""
    return json.loads(resources.files("pdcnlp.resources").joinpath("gazetteer_gpe.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _known_index() -> Tuple[Dict[str, Tuple[int, ...]], frozenset, frozenset]:
    """Known names by their first two characters (→ the lengths to try,
    longest first), and the sets of full names and short forms. A dict scan
    is several times faster than one regex alternation of 6,000 names,
    which Python's re tries branch by branch."""
    gz = gazetteer()
    lengths: Dict[str, set] = {}
    for w in gz["names"] + gz["short_forms"]:
        lengths.setdefault(w[:2], set()).add(len(w))
    index = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
    return index, frozenset(gz["names"]), frozenset(gz["short_forms"])


@lru_cache(maxsize=1)
def _patterns() -> Dict[str, "re.Pattern"]:
    lx = lexicon()
    stop = re.escape(lx["stop_chars"])
    body_stop = re.escape(lx["org_body_stop_chars"])
    suffix = _alt(lx["gpe_suffixes"])
    heads = _alt(lx["org_heads"])
    return {
        # one link of a place chain from the general rule: a stem of 2-5
        # characters with no stop or suffix character, then an administrative
        # suffix (金河镇; one-character stems are left to the gazetteer: 景县,
        # and 德乡 is a nickname)
        "generic_link": re.compile(rf"[^{stop}\W\d省市县区镇乡村]{{2,5}}?(?:{suffix})"),
        "suffix": re.compile(suffix),
        "title": re.compile(_alt(lx["org_titles"])),
        "title_not_before": re.compile(_alt(lx["org_title_not_before"])),
        "admin_char": re.compile("[省市县区镇乡]"),
        # body (lazy) and heads: the shortest organisation first, extended below
        # a body never starts on 和 (中央和省委 is two names) or a numeral
        # (“三区一中心”, 一张网)
        "tail": re.compile(rf"(?P<body>(?![和{NUMERALS}])[^{body_stop}\W\d]{{0,10}}?)(?P<head>(?:{heads})+)"),
        "named_tail": re.compile(
            rf"(?P<body>(?![和{NUMERAL_LIKE}])[^{body_stop}\W\d]{{2,8}}?)(?P<head>{_alt(lx['org_named_heads'])})"),
        # a character after which a name may start: not Han and not a digit,
        # or a function character
        "boundary_char": re.compile(rf"[^{HAN}\d]|[{stop}]"),
        # last characters of whatever can end a name: place suffixes and
        # organisation heads (a boundary far from all of them starts nothing)
        "anchor": re.compile("[" + re.escape("".join(sorted({w[-1] for w in lx["gpe_suffixes"] + lx["org_heads"]
                                                               + lx["org_named_heads"]}))) + "]"),
        "pointer": re.compile(f"[{re.escape(lx['pointer_chars'])}][省市县区镇乡村]"),
        "preceding": re.compile(_alt(lx["name_preceding_words"] + lx["org_body_stop_words"])),
        "quote": re.compile(rf"“[^“”\n]{{1,30}}”(?:[^\W\d“”等]{{0,6}}?(?:{_alt(lx['programme_heads'])}))?"),
        "programme_names": re.compile(_alt(lx["programme_names"])),
        "programme_verbs": re.compile(rf"(?:{_alt(lx['programme_verbs'])})$"),
        "body_stop_words": re.compile(_alt(lx["org_body_stop_words"])),
        "gpe_stem_stop": re.compile(_alt(lx["gpe_stem_stop_words"])),
    }


def _overlaps(span, taken) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in taken)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def boundary_starts(clean: str) -> Set[int]:
    """Positions where any name may begin: the start of the text, after a
    non-Han character (punctuation, quotes, space; not a digit: after a digit
    comes a classifier, 125个县处级…), after a function character (在 对 把 和
    …) or after a verb or preposition that takes a name as its object (依托,
    邀请, 参加 …). Without these, 深入县 or 依托市 would start names."""
    p = _patterns()
    out = {0} if clean else set()
    out.update(m.end() for m in p["boundary_char"].finditer(clean))
    # after a verb or preposition that takes a name (依托, 邀请), or a verb
    # that no name contains (完善金河镇, 制发金河镇)
    out.update(m.end() for m in p["preceding"].finditer(clean))
    # after a pointing word (该县融媒体中心: the name is 融媒体中心)
    out.update(m.end() for m in p["pointer"].finditer(clean))
    return out


def splits_word(clean: str, end: int) -> bool:
    """Would a name ending at ``end`` cut a word in two (高密|度, 同安|排,
    县委 after 仪陇县)? Judged by People's Daily 1998's word-internal bigrams."""
    return 0 < end < len(clean) and clean[end - 1:end + 1] in internal_bigrams()


def weak_start(clean: str, i: int) -> bool:
    """May a known name or a title begin at ``i``? Yes unless the character
    before it and its first character are one word in People's Daily 1998
    (提|高台 is no 高台, 社|区 no 区)."""
    if i == 0:
        return True
    prev = clean[i - 1]
    if prev.isdigit():
        return False
    return not _is_han(prev) or (prev + clean[i]) not in internal_bigrams()


def _known_match(clean: str, pos: int) -> Optional[Tuple[int, bool]]:
    """(end, is_full_name) of the longest known name at ``pos``; a short form
    takes a directly following suffix (肃南 + 县)."""
    index, full, short = _known_index()
    for n in index.get(clean[pos:pos + 2], ()):
        if pos + n > len(clean):
            continue
        word = clean[pos:pos + n]
        if word in full:
            return pos + n, True
        if word in short:
            m = _patterns()["suffix"].match(clean, pos + n)
            return (m.end() if m else pos + n), False
    return None


@lru_cache(maxsize=8)
def _known_starts(clean: str) -> frozenset:
    """Where known place names start, leftmost and non-overlapping (祁连山
    gives 祁连, not also 连山). Cached per text."""
    index = _known_index()[0]
    out = []
    i, n = 0, len(clean) - 1
    while i < n:
        if clean[i:i + 2] in index:
            m = _known_match(clean, i)
            if m:
                out.append(i)
                i = m[0]
                continue
        i += 1
    return frozenset(out)


def _known_at(clean: str, pos: int) -> Optional[Tuple[int, bool]]:
    """:func:`_known_match` at a position where the left-to-right scan of
    :func:`_known_starts` found a name, else None."""
    return _known_match(clean, pos) if pos in _known_starts(clean) else None


def _gpe_link(clean: str, pos: int, known_only: bool) -> Optional[int]:
    """End of one link of a place chain starting at ``pos``, or None."""
    p = _patterns()
    known = _known_at(clean, pos)
    if known:
        end, full_name = known
        if not full_name and clean[end:end + 1] and clean[end] in lexicon()["gpe_short_not_followed_by"]:
            return None  # 祁连|山 is a mountain, not 祁连县
        return end
    if known_only:
        return None
    m = p["generic_link"].match(clean, pos)
    if not m:
        return None
    lx = lexicon()
    text = m.group()
    if (text in lx["gpe_generic"]
            or p["gpe_stem_stop"].search(text) or not _verb_free(text)
            or any(text.endswith(g) for g in lx["gpe_generic_endings"])
            or splits_word(clean, m.end())  # 个县|城
            or any(k in _known_starts(clean) for k in range(pos + 1, m.end() - 1))):  # 报讯|江苏省
        return None
    return m.end()


def gpe_chain(clean: str, pos: int, known_first: bool) -> int:
    """End of the longest unbroken chain of place links from ``pos`` (``pos``
    when there is none). ``known_first``: the first link must be a known
    name (at a position that is no clear boundary)."""
    end = pos
    while True:
        nxt = _gpe_link(clean, end, known_only=known_first and end == pos)
        if nxt is None:
            return end
        end = nxt


def _verb_free(text: str) -> bool:
    return _patterns()["body_stop_words"].search(text) is None


# How far after its start a name from a bare boundary must reach a place
# suffix or an organisation head: a generic place link is at most 6
# characters, a named institution at most 8 + 4.
REACH = 12


@lru_cache(maxsize=8)
def _candidate_starts(clean: str) -> Tuple[Tuple[int, bool], ...]:
    """(position, is_boundary) for every position a name may start at:
    boundaries with a suffix or head within reach, and known place names,
    titles and one-character administrative prefixes at a weak start.
    Cached: find_orgs and find_gpes scan the same text."""
    p = _patterns()
    special = set(_known_starts(clean))
    special.update(m.start() for m in p["title"].finditer(clean))
    special.update(m.start() for m in p["admin_char"].finditer(clean))
    anchors = [m.start() for m in p["anchor"].finditer(clean)]
    strong = set()
    for i in boundary_starts(clean):
        k = bisect_right(anchors, i)
        if i in special or (k < len(anchors) and anchors[k] <= i + REACH):
            strong.add(i)
    weak = {i for i in special - strong if weak_start(clean, i)}
    return tuple(sorted([(i, True) for i in strong] + [(i, False) for i in weak]))


def find_gpes(clean: str) -> List[EntitySpan]:
    """Place chains, leftmost first, not overlapping."""
    generic = set(lexicon()["gpe_generic"])
    out: List[EntitySpan] = []
    last_end = 0
    for pos, strong in _candidate_starts(clean):
        if pos < last_end:
            continue
        end = gpe_chain(clean, pos, known_first=not strong)
        if end - pos < 2 or clean[pos:end] in generic or splits_word(clean, end):
            known = _known_at(clean, pos)
            if known:  # a rejected known name hides the names inside it (祁连山 is no 连山)
                last_end = known[0]
            continue
        out.append((pos, end, "GPE"))
        last_end = end
    return out


def _org_edge_ok(clean: str, start: int, end: int) -> bool:
    """An ORG does not end where a position or a longer word goes on
    (区委常委 is a post, 部署 is a verb, 县委书记 a position)."""
    lx = lexicon()
    text = clean[start:end]
    if any(text.endswith(w) for w in lx["org_not_ending"]):
        return False
    rest = clean[end:end + 4]
    for w in lx["org_end_not_inside"]:  # 区政府中心|工作: 中心工作 is a phrase
        i = clean.find(w, max(0, end - len(w) + 1), end + len(w))
        if 0 <= i < end < i + len(w):
            return False
    return (not any(rest.startswith(w) for w in lx["org_not_followed_by"])
            and _patterns()["title_not_before"].match(clean, end) is None)


def _body_ok(m: "re.Match") -> bool:
    """No verb starts inside the body (相继举|办 fails; 区委|组织部 passes:
    组织 is part of the head)."""
    body_end = m.end("body")
    verbs = _patterns()["body_stop_words"].finditer(m.string, m.start(), m.end())
    return all(v.start() >= body_end for v in verbs)


def _org_tail_ends(clean: str, pos: int) -> List[int]:
    """Ends of body+head runs from ``pos``, shortest first: 县委 → 县委|老干部局
    is taken one head at a time, and a run never goes on across 和 及 、
    (市委宣讲团和宣讲小分队 is one organisation and a second name)."""
    p = _patterns()
    ends = []
    end = pos
    while True:
        m = p["tail"].match(clean, end)
        if not m or not _body_ok(m):
            return ends
        end = m.end()
        ends.append(end)
        if clean[end:end + 1] in "和及与、":
            return ends


def _org_at(clean: str, pos: int, strong: bool) -> Optional[int]:
    """End of the organisation name starting at ``pos``, or None."""
    p = _patterns()
    lx = lexicon()
    prefix_ends = []
    gpe_end = gpe_chain(clean, pos, known_first=not strong)
    if gpe_end > pos and clean[pos:gpe_end] not in lx["gpe_generic"]:
        prefix_ends.append(gpe_end)
    m = p["title"].match(clean, pos)
    if m:
        prefix_ends.append(m.end())
    if (p["admin_char"].match(clean, pos) and clean[pos:pos + 2] not in lx["gpe_generic"]
            and not (pos > 0 and clean[pos - 1] in lx["pointer_chars"])):
        prefix_ends.append(pos + 1)  # 县公安局; but not 该县|融媒体中心: the name starts after 该县
    best = None
    for pe in prefix_ends:
        for end in reversed(_org_tail_ends(clean, pe)):
            if _org_edge_ok(clean, pos, end):
                best = max(best or 0, end)
                break
    if best is None and strong:
        m = p["named_tail"].match(clean, pos)
        if (m and _body_ok(m) and m.group("body") not in lx["org_generic_bodies"]
                and _org_edge_ok(clean, pos, m.end())):
            best = m.end()
    return best


def find_orgs(clean: str) -> List[EntitySpan]:
    """Organisations, leftmost first, not overlapping; the longest name that
    ends well wins at each start."""
    p = _patterns()
    out: List[EntitySpan] = []
    last_end = 0
    for pos, strong in _candidate_starts(clean):
        if pos < last_end:
            continue
        end = _org_at(clean, pos, strong)
        if end is None:
            m = p["title"].match(clean, pos)  # a definite title alone: 县委, 省委
            if not m or p["title_not_before"].match(clean, m.end()) or not _org_edge_ok(clean, pos, m.end()):
                continue
            end = m.end()
        if pos > 0 and clean[pos - 1] == "“" and clean[end:end + 1] == "”":
            pos, end = pos - 1, end + 1  # one quoted named team: quotes included (“草根宣讲团”)
        out.append((pos, end, "ORG"))
        last_end = end
    return out


def find_programmes(clean: str) -> List[EntitySpan]:
    lx = lexicon()
    excluded = set(lx["not_programme"])
    p = _patterns()
    quote, names, verbs = p["quote"], p["programme_names"], p["programme_verbs"]
    out: List[EntitySpan] = []
    for m in quote.finditer(clean):
        inner = m.group().split("”")[0][1:]
        if inner in excluded or re.search(r"[。！？!?；;]", inner):
            continue  # quoted speech, not a name
        has_head = not m.group().endswith("”")
        after_verb = verbs.search(clean[max(0, m.start() - 4):m.start()]) is not None
        if has_head or after_verb or inner in lx["programme_names"]:
            out.append((m.start(), m.end(), "PROGRAMME"))
    for m in names.finditer(clean):
        span = (m.start(), m.end(), "PROGRAMME")
        if not _overlaps(span, out):
            out.append(span)
    return sorted(out)


def find_entities(clean: str) -> List[EntitySpan]:
    """All rule entities, non-overlapping: ORG over PROGRAMME over GPE."""
    chosen: List[EntitySpan] = []
    for found in (find_orgs(clean), find_programmes(clean), find_gpes(clean)):
        for span in found:
            if not _overlaps(span, chosen):
                chosen.append(span)
    return sorted(chosen)


CLAUSE_PUNCT = re.compile(r"[,，;；。:：!！?？\n]")


def well_formed(clean: str, start: int, end: int, label: str) -> bool:
    """Does a span from elsewhere (the statistical model) break what
    ANNOTATION.md says of every span of its label, whatever the rules cover?

    * every label: no clause punctuation inside, quotes and brackets paired;
    * ORG: no position after it or at its end (区委|书记, 市委常委);
    * GPE: no collective or pointing word (全县, 该区), no cut word (高密|度);
    * PROGRAMME: a campaign name, or a quoted name (with what follows the
      quote) whose inside is no slogan or set phrase.
    """
    text = clean[start:end]
    if not text or CLAUSE_PUNCT.search(text) or not brackets_paired(text):
        return False
    lx = lexicon()
    if label == "ORG":
        return _org_edge_ok(clean, start, end)
    if label == "GPE":
        return text not in lx["gpe_generic"] and not splits_word(clean, end)
    if label == "PROGRAMME":
        if text in lx["programme_names"]:
            return True
        if not text.startswith("“") or "”" not in text:
            return False
        inner = text[1:text.index("”")]
        return inner not in lx["not_programme"] and not text.endswith(("和", "等", "、", "及"))
    return True


def plausible(clean: str, start: int, end: int, label: str) -> bool:
    """Is a span from elsewhere well formed (:func:`well_formed`) and also of
    the shape the rules themselves look for?

    * GPE: exactly a chain of place links (known names, or stems with an
      administrative suffix);
    * ORG: ends on an organisation head, with no verb in its body; a quoted
      team counts by its inside.

    Stricter than :func:`well_formed`: on the seed corpus (where the rules
    were written) it removes nearly every ORG and GPE span the model adds;
    on outside text (training/RULES_EXTERNAL.md) it removes correct ones too.
    """
    if not well_formed(clean, start, end, label):
        return False
    text = clean[start:end]
    lx = lexicon()
    if label == "GPE":
        return gpe_chain(clean, start, known_first=False) == end
    if label == "ORG":
        inner = text[1:-1] if text[0] == "“" and text[-1] == "”" else text
        heads = [h for h in lx["org_heads"] + lx["org_named_heads"] if inner.endswith(h)]
        if not heads or len(inner) <= len(max(heads, key=len)):
            return False
        body_end = len(inner) - len(max(heads, key=len))
        verbs = _patterns()["body_stop_words"].finditer(inner)
        return all(v.start() >= body_end for v in verbs)
    return True
