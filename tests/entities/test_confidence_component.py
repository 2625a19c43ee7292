"""``ent._.confidence`` (entities/confidence_component.py) on tiny ner models
trained here, for both NER feature sets and with and without an upper
layer, checked against spaCy's own parser states; then on the shipped
pipeline."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

import pdcnlp  # noqa: F401  (registers the tokenizer, the architecture and the components)
from pdcnlp.entities import confidence as C
from pdcnlp.entities.confidence_component import FACTORY, action_names, span_probabilities
from pdcnlp.schema import CONFIDENCE_KEY

ORG = "市委组织部"
PROG = "示范工程"
TRAIN = [
    (f"{ORG}召开会议。", [(0, 5, "ORG")]),
    (f"今天{ORG}发布通知。", [(2, 7, "ORG")]),
    (f"{ORG}开展学习。", [(0, 5, "ORG")]),
    (f"北京{ORG}组织培训。", [(0, 2, "GPE"), (2, 7, "ORG")]),
    (f"明天{ORG}到北京调研。", [(2, 7, "ORG"), (8, 10, "GPE")]),
    # the same sentences with and without a PROGRAMME: the model cannot be sure of it
    (f"推进{PROG}建设。", [(2, 6, "PROGRAMME")]),
    (f"推进{PROG}建设。", []),
    (f"加快{PROG}进度。", [(2, 6, "PROGRAMME")]),
    (f"加快{PROG}进度。", []),
    ("大家认真学习文件。", []),
]
PROBE_S = f"明天{ORG}推进{PROG}建设。"
PROBE_T = "明天市委組織部推進示範工程建設。"


def _tiny(use_upper: bool, extra_state_tokens: bool, seed: int = 0):
    spacy.util.fix_random_seed(seed)             # the same tiny model whatever ran before
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "pdcnlp.NormalizingTokenizer.v1",
                                                          "segmenter": "char"}}})
    nlp.add_pipe("pdcnlp_sentences")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "pdcnlp.CharBigramEmbed.v1", "width": 32, "rows": [500, 1000, 1000]},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 1,
                   "window_size": 1, "maxout_pieces": 2}}})
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": extra_state_tokens, "hidden_width": 32, "maxout_pieces": 2,
        "use_upper": use_upper, "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 32, "upstream": "*"}}})
    nlp.add_pipe(FACTORY)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = 0.01                  # a few steps must do: the upper layer starts at zero
    for _ in range(60):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


@pytest.fixture(scope="module", params=[(False, False), (True, True)], ids=["3feats-no-upper", "6feats-upper"])
def tiny(request):
    return _tiny(*request.param)


def _replay(nlp, texts):
    """Parse with spaCy's own states and the ner's step model, the greedy
    way, checking our state ids and valid actions at every step; returns
    the entities and, per entity, the probability of each of its steps."""
    ner = nlp.get_pipe("ner")
    names = action_names(ner)
    kinds, labels = C.parse_moves(names)
    docs = list(nlp.pipe(texts, disable=["ner", FACTORY]))      # no preset entities, as the ner sees them
    step = ner.model.predict(docs)
    states = ner.moves.init_batch(docs)
    offsets = numpy.cumsum([0] + [len(d) for d in docs])
    track = {id(s): (i, -1, None, []) for i, s in enumerate(states)}
    ents = [[] for _ in docs]
    active = [s for s in states if not s.is_final()]
    while active:
        ids = step.get_token_ids(active)
        vec = step.state2vec.predict(ids)
        scores = step.vec2scores.predict(vec) if step.attrs["has_upper"] else vec
        for st, row, id_row in zip(active, scores, ids):
            d, start, label, probs = track[id(st)]
            doc, b0 = docs[d], st.B(0)
            assert C.context_ids(step.state2vec.nF, b0, start, offsets[d]) == list(id_row)
            theirs = numpy.array([ner.moves.is_valid(st, n) for n in names])
            ours = C.valid_actions(kinds, labels, label, b0 == len(doc) - 1,
                                   b0 + 1 < len(doc) and doc[b0 + 1].is_sent_start is True, doc[b0].is_space)
            assert (theirs == ours).all()
            a = int(numpy.argmax(numpy.where(theirs, row, -numpy.inf)))
            p = float(C.softmax_valid(row[None, :], theirs[None, :])[0, a])
            ner.moves.apply_transition(st, names[a])
            if kinds[a] == "B":
                track[id(st)] = (d, b0, labels[a], [p])
            elif kinds[a] == "I":
                probs.append(p)
            else:
                if kinds[a] == "L":
                    ents[d].append(((start, b0 + 1, label), probs + [p]))
                elif kinds[a] == "U":
                    ents[d].append(((b0, b0 + 1, labels[a]), [p]))
                track[id(st)] = (d, -1, None, [])
        active = [s for s in active if not s.is_final()]
    step.clear_memory()
    return ents


def test_confidences_agree_with_spacys_own_parse(tiny):
    texts = [PROBE_S, PROBE_T, f"{ORG}召开会议。北京推进{PROG}建设。", "今天没有名字。"]
    replay = _replay(tiny, texts)
    docs = list(tiny.pipe(texts))
    assert any(replay), "the tiny model found nothing: the test would prove nothing"
    for doc, found in zip(docs, replay):
        assert [(e.start, e.end, e.label_) for e in doc.ents] == [span for span, _ in found]
        for ent, (_, probs) in zip(doc.ents, found):
            assert ent._.confidence == pytest.approx(float(numpy.prod(probs)), rel=1e-4, abs=1e-6)


def test_confidences_are_probabilities_on_every_model_entity(tiny):
    doc = tiny(f"北京{ORG}推进{PROG}建设，{ORG}召开会议。")
    assert doc.ents
    for ent in doc.ents:
        assert 0.0 <= ent._.confidence <= 1.0
    assert len(doc.user_data[CONFIDENCE_KEY]) == len(doc.ents)


def test_a_sure_entity_outscores_an_unsure_one(tiny):
    doc = tiny(PROBE_S)
    org, prog = doc.text.index(ORG), doc.text.index(PROG)
    ner = tiny.get_pipe("ner")
    sure, unsure = span_probabilities(ner, [doc], [[(org, org + len(ORG), "ORG"),
                                                    (prog, prog + len(PROG), "PROGRAMME")]])[0]
    # trained on as many sentences with the PROGRAMME as without: about even odds (0.1–0.8 over seeds)
    assert sure > 0.95 and unsure < 0.9


def test_traditional_and_simplified_get_the_same_confidences(tiny):
    simp, trad = tiny(PROBE_S), tiny(PROBE_T)
    assert [(e.start, e.end, e.label_) for e in simp.ents] == [(e.start, e.end, e.label_) for e in trad.ents]
    assert [e._.confidence for e in trad.ents] == pytest.approx([e._.confidence for e in simp.ents], abs=1e-6)


def test_no_ner_no_scores():
    nlp = pdcnlp.build()
    nlp.add_pipe(FACTORY)                        # a pipeline without ner: nothing to read, nothing set
    doc = nlp(f"{ORG}召开会议。")
    assert all(e._.confidence is None for e in doc.ents)


# --- the shipped pipeline ---------------------------------------------------------------


def test_shipped_pipeline_scores_model_entities_only(nlp):
    assert nlp.pipe_names.index(FACTORY) == nlp.pipe_names.index("pdcnlp_entity_rules") + 1
    doc = nlp("儀隴縣委老幹部局組織開展集體學習4000余場次。景县县委常委会召开党史学习教育动员大会。")
    assert {e._.origin for e in doc.ents} == {"model", "rules"}
    for ent in doc.ents:
        if ent._.origin == "model":
            assert 0.0 <= ent._.confidence <= 1.0
        else:
            assert ent._.confidence is None      # rule spans and QUANTITY: no score (docs/confidence.md)
    assert all(e._.origin == "rules" for e in doc.ents if e.label_ == "QUANTITY")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())    # worker processes send Docs as bytes
    assert [e._.confidence for e in again.ents] == [e._.confidence for e in doc.ents]


def test_load_can_leave_the_confidence_out():
    nlp = pdcnlp.load(exclude=[FACTORY])
    assert FACTORY not in nlp.pipe_names
    assert all(e._.confidence is None for e in nlp("儀隴縣委老幹部局召開會議。").ents)
