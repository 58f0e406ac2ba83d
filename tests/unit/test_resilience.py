"""Retry timing and the circuit breaker, on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vault.adapters._resilience import CircuitBreaker, backoff_delay, parse_retry_after
from vault.errors import UpstreamUnavailable

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "0.5"}, 0.5),
        ({"retry-after": "-3"}, 0.0),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after-ms": "soon", "retry-after": "9"}, 9.0),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None):
    assert parse_retry_after(headers, now=NOW) == expected


def test_parse_retry_after_as_an_http_date():
    date = format_datetime(datetime.fromtimestamp(NOW + 30, tz=UTC), usegmt=True)
    assert parse_retry_after({"retry-after": date}, now=NOW) == pytest.approx(30)


@given(st.integers(min_value=0, max_value=60), st.floats(min_value=0, max_value=0.999999))
def test_backoff_grows_stays_under_the_cap_and_jitters_by_at_most_a_quarter(n: int, j: float):
    delay = backoff_delay(n, base=0.5, cap=8.0, jitter=j)
    full = min(0.5 * 2**n, 8.0)
    assert 0.75 * full <= delay <= full


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_breaker_cycle_closed_open_half_open_closed():
    clock = Clock()
    breaker = CircuitBreaker(threshold=2, cooldown=5, clock=clock)
    breaker.before_call()
    breaker.record_failure()
    assert breaker.state == "closed"
    breaker.record_failure()
    assert breaker.state == "open"
    with pytest.raises(UpstreamUnavailable):
        breaker.before_call()
    clock.now = 5
    assert breaker.state == "half-open"
    breaker.before_call()  # the one trial
    with pytest.raises(UpstreamUnavailable):
        breaker.before_call()  # a second caller while the trial is out
    breaker.record_success()
    assert breaker.state == "closed"
    breaker.before_call()


def test_a_success_resets_the_failure_count():
    breaker = CircuitBreaker(threshold=2, cooldown=5, clock=Clock())
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    assert breaker.state == "closed"


def test_a_failed_trial_reopens_for_a_full_cooldown_and_release_frees_the_slot():
    clock = Clock()
    breaker = CircuitBreaker(threshold=1, cooldown=5, clock=clock)
    breaker.record_failure()
    clock.now = 5
    breaker.before_call()
    breaker.record_failure()
    clock.now = 9
    assert breaker.state == "open"
    clock.now = 10
    breaker.before_call()
    breaker.release()  # e.g. a 429: neither verdict
    breaker.before_call()  # the slot is free for the next trial


@pytest.mark.parametrize(("threshold", "cooldown"), [(0, 1), (1, -1)])
def test_breaker_refuses_nonsense_settings(threshold: int, cooldown: float):
    with pytest.raises(ValueError, match="threshold"):
        CircuitBreaker(threshold=threshold, cooldown=cooldown, clock=Clock())
