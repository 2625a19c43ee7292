"""spaCy component: link each measurement to what it measures.

A thin factory over :func:`pdcnlp.linking.model.link` (pure, on the clean
text of each sentence, cut from the Doc's clean view). It fills ``Measurement.target`` (a Span into the original
text), its head word and the link's probability for every measurement of
``doc._.measurements`` and puts all targets in ``doc.spans["targets"]``.
When the pipeline has the word layer (``pdcnlp_words`` before this
component) its ``doc.spans["words"]`` feed the word features; a model
trained with them warns when they are missing, since its scores would be
off. The scoring model is plain JSON, saved with the
pipeline (``pdcnlp_linker/linker.json``); a fresh component uses the rule
weights of :data:`pdcnlp.linking.model.RULE_WEIGHTS` until trained weights are
loaded (``python -m training.train``).
"""
from __future__ import annotations

import json
import warnings
from bisect import bisect_left
from pathlib import Path
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..schema import MEASUREMENTS_KEY, QUANTITY_LABEL, TARGET_LABEL, TARGETS_KEY, WORDS_KEY
from ..text.clean_view import clean_to_token_span, span_clean
from .model import LinkModel, link


@Language.factory("pdcnlp_linker", assigns=["doc.spans", "doc._.measurements"],
                  requires=["doc.ents", "doc._.measurements", "token.is_sent_start"])
def make_linker(nlp: Language, name: str):
    return QuantityLinker()


def head_word(words: Optional[List[Span]], i: int, j: int) -> Optional[List[int]]:
    """Token range of the target ``[i, j)``'s head: its last word (Chinese
    phrases are head-final), cut to the target when a word crosses its
    start. None without a word layer."""
    if words is None:
        return None
    last = [w for w in words if w.start < j and w.end >= j]
    if not last:
        return None
    return [max(i, last[0].start), j]


class QuantityLinker:
    def __init__(self, model: LinkModel = None):
        self.model = model or LinkModel.rules()
        self._warned = False

    def __call__(self, doc: Doc) -> Doc:
        records = doc.user_data.get(MEASUREMENTS_KEY)
        targets: List[Span] = []
        if not records:
            doc.spans[TARGETS_KEY] = targets
            return doc
        by_sent = {}
        for r in records:
            sent = doc[r["start"]].sent
            by_sent.setdefault((sent.start, sent.end), []).append(r)
        ents = [e for e in doc.ents if e.label_ != QUANTITY_LABEL]
        words = sorted(doc.spans[WORDS_KEY], key=lambda w: w.start) if WORDS_KEY in doc.spans else None
        if words is None and self.model.meta.get("words") and not self._warned:
            warnings.warn("this linker was trained with the word layer, but the pipeline has no pdcnlp_words "
                          "before it: link scores will be off")
            self._warned = True
        word_starts = [w.start for w in words] if words is not None else None
        for (ss, se), recs in by_sent.items():
            sent = doc[ss:se]
            clean, starts = span_clean(sent)   # clean offsets relative to the sentence
            qs = [(starts[r["start"] - ss], starts[r["end"] - ss], r["unit"], r["unit_class"])
                  for r in recs]
            ent_spans = [(starts[e.start - ss], starts[e.end - ss]) for e in ents if ss <= e.start and e.end <= se]
            sent_words = (words[bisect_left(word_starts, ss):bisect_left(word_starts, se)]
                          if words is not None else None)
            # a word the tagger ran across the sentence break is cut at it
            clean_words = ([(starts[w.start - ss], starts[min(w.end, se) - ss], w.label_) for w in sent_words]
                           if sent_words is not None else None)
            for r, (found, prob) in zip(recs, link(clean, qs, self.model, ent_spans, clean_words, with_prob=True)):
                r["target"] = r["target_head"] = r["link_prob"] = None
                if found is None:
                    continue
                i, j = clean_to_token_span(starts, *found)
                if j <= i:
                    continue
                r["target"] = [ss + i, ss + j]
                r["link_prob"] = round(prob, 4)
                r["target_head"] = head_word(sent_words, ss + i, ss + j)
                targets.append(Span(doc, ss + i, ss + j, label=TARGET_LABEL))
        doc.spans[TARGETS_KEY] = targets
        return doc

    # spaCy serialisation: the model is JSON, never pickle.
    def to_disk(self, path, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "linker.json").write_text(self.model.to_json(), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()):
        f = Path(path) / "linker.json"
        if not f.exists():   # no silent fallback to the rule weights
            raise ValueError(f"{path} holds no linker.json: this pipeline was saved without its linker weights")
        self.model = LinkModel.from_dict(json.loads(f.read_text(encoding="utf-8")))
        return self

    def to_bytes(self, exclude=tuple()) -> bytes:
        return self.model.to_json().encode("utf-8")

    def from_bytes(self, data: bytes, exclude=tuple()):
        self.model = LinkModel.from_dict(json.loads(data.decode("utf-8")))
        return self
