"""The entity rules' data, as one object that travels with a pipeline.

:class:`EntityLexicon` holds the word lists of ``resources/entity_rules.json``
(heads, titles, stop words, programme names …) and the place names of
``resources/gazetteer_gpe.json`` (China's divisions and their short forms,
built by ``training/build_gazetteer.py``), with the regular expressions and
the name index compiled from them once. The rule functions take it as their
first argument, so the entity component can save its own copy inside the
pipeline directory (``to_disk``/``from_disk``, as spaCy's SpanRuler saves its
patterns): a copied or retrained model runs the rules its card names, not
whatever the installed package carries.
"""
from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Dict, Tuple, Union

from .. import resources

WORDS_FILE = "entity_rules.json"
PLACES_FILE = "gazetteer_gpe.json"
NUMERALS = "一二三四五六七八九十两"
# A named institution's body does not start on these either (第一课进行网).
NUMERAL_LIKE = NUMERALS + "几每第"
HAN = "\u4e00-\u9fff"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class EntityLexicon:
    """Word lists and place names of the entity rules (see module docstring).

    ``lx[key]`` reads a word list of ``entity_rules.json``."""

    def __init__(self, words: dict, places: dict):
        self.words = words
        self.places = places

    @classmethod
    def packaged(cls) -> "EntityLexicon":
        """The lexicon shipped in ``pdcnlp/resources`` (one shared instance)."""
        return _packaged()

    @property
    def version(self) -> str:
        return self.words["version"]

    def __getitem__(self, key: str):
        return self.words[key]

    # --- compiled once per lexicon ----------------------------------------------------

    @cached_property
    def known_index(self) -> Tuple[Dict[str, Tuple[int, ...]], frozenset, frozenset]:
        """Known names by their first two characters (→ the lengths to try,
        longest first), and the sets of full names and short forms. A dict scan
        is several times faster than one regex alternation of 6,000 names,
        which Python's re tries branch by branch."""
        gz = self.places
        lengths: Dict[str, set] = {}
        for w in gz["names"] + gz["short_forms"]:
            lengths.setdefault(w[:2], set()).add(len(w))
        index = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        return index, frozenset(gz["names"]), frozenset(gz["short_forms"])

    @cached_property
    def patterns(self) -> Dict[str, "re.Pattern"]:
        lx = self.words
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

    # --- serialisation: two JSON files, as they are in pdcnlp/resources -----------------------

    def to_disk(self, path: Union[str, Path]) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in ((WORDS_FILE, self.words), (PLACES_FILE, self.places)):
            (path / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Union[str, Path]) -> "EntityLexicon":
        path = Path(path)
        return cls(*(json.loads((path / name).read_text(encoding="utf-8")) for name in (WORDS_FILE, PLACES_FILE)))

    def to_bytes(self) -> bytes:
        return json.dumps({"words": self.words, "places": self.places}, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> "EntityLexicon":
        d = json.loads(data.decode("utf-8"))
        return cls(d["words"], d["places"])


@lru_cache(maxsize=1)
def _packaged() -> EntityLexicon:
    return EntityLexicon(resources.read_json(WORDS_FILE), resources.read_json(PLACES_FILE))
