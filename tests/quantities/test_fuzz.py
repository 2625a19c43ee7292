"""Property tests (issue 14): any input, no exception, finite values, spans
that point into the text and never start or end on whitespace or noise, and
no slow call.

Timing limits here are generous on purpose (a loaded CI machine must not fail
them by chance); they still catch the old exponential behaviour, which took
seconds on 20 digits. The strict numbers (20,000 strings, max per call, digit
runs of 20/80/400) are measured by ``benchmarks/bench_quantities.py``.
"""
import gc
import math
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pdcnlp.text.normalize import normalize
from pdcnlp.quantities import find_quantities, parse_number
from pdcnlp.quantities.detect import WS
from strategies import piece_text

CALL_LIMIT_S = 0.05  # CI limit per call on <= 100 characters; measured max is far lower (benchmarks/)


def _timed(clean: str) -> float:
    t0 = time.perf_counter()
    find_quantities(clean)
    return time.perf_counter() - t0


def _check(clean: str):
    t0 = time.perf_counter()
    found = find_quantities(clean)
    elapsed = time.perf_counter() - t0
    if elapsed >= CALL_LIMIT_S:
        # A garbage-collector or scheduler pause lands in a call now and then
        # (measured: 390 ms once, 0.06 ms on re-run); the reader's own cost
        # is the best of three more runs.
        elapsed = min(_timed(clean) for _ in range(3))
    assert elapsed < CALL_LIMIT_S, f"{elapsed * 1000:.1f} ms on {clean!r}"
    last = 0
    for q in found:
        assert 0 <= last <= q.start < q.end <= len(clean)
        last = q.end
        assert q.text == clean[q.start:q.end]
        assert q.text[0] not in WS and q.text[-1] not in WS
        assert isinstance(q.value, (int, float)) and math.isfinite(q.value)
        assert q.high is None or (math.isfinite(q.high) and q.high > q.value)
        assert q.qualifier in ("exact", "over", "under", "approx", "range")
        assert q.unit


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece_text)
def test_find_quantities_any_clean_text(text):
    _check(normalize(text).clean)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=100))
def test_find_quantities_any_unicode(text):
    _check(text)


@settings(max_examples=500, deadline=None)
@given(piece_text)
def test_parse_number_total(text):
    v = parse_number(text)
    assert v is None or (isinstance(v, (int, float)) and math.isfinite(v))


@pytest.mark.parametrize("n", [20, 80, 400])
@pytest.mark.parametrize("digit", ["9", "1", "亿", "九", "3 "])
def test_digit_runs_are_fast_and_safe(n, digit):
    text = "共" + digit * n + "个" + digit * n

    def run():
        t0 = time.perf_counter()
        find_quantities(text)
        parse_number(digit * n)
        return time.perf_counter() - t0

    assert min(run() for _ in range(3)) < CALL_LIMIT_S


def test_long_text_is_linear():
    """Ten times the text takes about ten times as long, not a hundred."""
    unit = "开展学习4000余场次，" + "1234567890" * 3 + "共3 万余名。"
    small, big = unit * 50, unit * 500
    find_quantities(small)  # warm caches

    def best(text):
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            find_quantities(text)
            times.append(time.perf_counter() - t0)
        return min(times)

    # The garbage collector's passes grow with the objects alive, which is
    # not the reader's cost; measured with it off the ratio is 10-16.
    gc.disable()
    try:
        ratio = best(big) / best(small)
    finally:
        gc.enable()
    assert ratio < 30


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(piece_text)
def test_pipeline_spans_never_start_or_end_on_noise(nlp, text):
    doc = nlp(text)
    nt = normalize(text)
    for m in doc._.measurements:
        s, e = m.offsets
        assert m.text == text[s:e] and s < e
        assert not nt.is_noise(s) and not nt.is_noise(e - 1), f"{m.text!r} starts or ends on noise in {text!r}"
        assert not text[s].isspace() and not text[e - 1].isspace(), f"{m.text!r} starts or ends on a space"
        assert math.isfinite(m.value)
