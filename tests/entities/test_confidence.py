"""The pure parts of the entity confidence (entities/confidence.py), on hand-made scores."""
from __future__ import annotations

import math

import numpy
import pytest

from pdcnlp.entities.confidence import (combine, context_ids, parse_moves, softmax_valid, span_steps,
                                        valid_actions)

MOVES = ["B-ORG", "B-GPE", "I-ORG", "I-GPE", "L-ORG", "L-GPE", "U-ORG", "U-GPE", "U-", "O"]
KINDS, LABELS = parse_moves(MOVES)


def _names(mask):
    return {MOVES[i] for i in numpy.flatnonzero(mask)}


def test_parse_moves_keeps_the_blocking_move_with_an_empty_label():
    assert KINDS[8] == "U" and LABELS[8] == "" and KINDS[9] == "O" and LABELS[0] == "ORG"


def test_softmax_over_the_valid_actions_only():
    scores = numpy.array([[0.0, math.log(3.0), 100.0], [5.0, 5.0, 5.0]])
    valid = numpy.array([[True, True, False], [True, False, True]])
    p = softmax_valid(scores, valid)
    assert p[0].tolist() == pytest.approx([0.25, 0.75, 0.0])       # the invalid 100 does not count
    assert p[1].tolist() == pytest.approx([0.5, 0.0, 0.5])
    assert numpy.allclose(p.sum(axis=1), 1.0)


def test_softmax_is_stable_for_large_scores_and_empty_rows():
    p = softmax_valid(numpy.array([[1000.0, 990.0], [1.0, 2.0]]), numpy.array([[True, True], [False, False]]))
    assert p[0, 0] == pytest.approx(1 / (1 + math.exp(-10))) and numpy.isfinite(p).all()
    assert p[1].tolist() == [0.0, 0.0]


def test_combine_product_and_min():
    assert combine([0.9, 0.5, 1.0]) == pytest.approx(0.45)
    assert combine([0.9, 0.5, 1.0], "min") == pytest.approx(0.5)
    assert combine([1.0000001]) == 1.0                          # float noise clipped into [0, 1]
    with pytest.raises(ValueError):
        combine([0.5], "mean")
    with pytest.raises(ValueError):
        combine([])


def test_span_steps_are_the_biluo_actions_of_the_span():
    assert span_steps(4, 5, "GPE") == [(4, -1, "U-GPE")]
    assert span_steps(2, 5, "ORG") == [(2, -1, "B-ORG"), (3, 2, "I-ORG"), (4, 2, "L-ORG")]
    assert span_steps(0, 2, "ORG") == [(0, -1, "B-ORG"), (1, 0, "L-ORG")]


def test_context_ids_for_both_ner_feature_sets():
    # 3 features: buffer front, entity start, token before the front (only inside an entity)
    assert context_ids(3, 5, -1) == [5, -1, -1]
    assert context_ids(3, 5, 3, offset=10) == [15, 13, 14]
    # 6 features (extra_state_tokens): the front, then the entity's tokens so far (at most 5)
    assert context_ids(6, 5, -1) == [5, -1, -1, -1, -1, -1]
    assert context_ids(6, 4, 2, offset=1) == [5, 3, 4, -1, -1, -1]
    assert context_ids(6, 9, 1) == [9, 1, 2, 3, 4, 5]
    with pytest.raises(ValueError):
        context_ids(8, 0, -1)


def test_valid_actions_outside_an_entity():
    free = valid_actions(KINDS, LABELS, None, is_last=False, next_sent_start=False, is_space=False)
    assert _names(free) == {"B-ORG", "B-GPE", "U-ORG", "U-GPE", "O"}
    last = valid_actions(KINDS, LABELS, None, is_last=True, next_sent_start=False, is_space=False)
    assert _names(last) == {"U-ORG", "U-GPE", "O"}                 # no B on the last token
    before_break = valid_actions(KINDS, LABELS, None, is_last=False, next_sent_start=True, is_space=False)
    assert _names(before_break) == {"U-ORG", "U-GPE", "O"}         # no entity across a sentence start
    space = valid_actions(KINDS, LABELS, None, is_last=False, next_sent_start=False, is_space=True)
    assert _names(space) == {"O"}


def test_valid_actions_inside_an_entity():
    inside = valid_actions(KINDS, LABELS, "ORG", is_last=False, next_sent_start=False, is_space=False)
    assert _names(inside) == {"I-ORG", "L-ORG"}
    end = valid_actions(KINDS, LABELS, "ORG", is_last=False, next_sent_start=True, is_space=False)
    assert _names(end) == {"L-ORG"}
    assert _names(valid_actions(KINDS, LABELS, "GPE", True, False, True)) == {"L-GPE"}
