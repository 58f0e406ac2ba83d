"""Retry timing and a circuit breaker for upstream calls; time and randomness are injected."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime

from vault.errors import UpstreamUnavailable

__all__ = ["CircuitBreaker", "backoff_delay", "parse_retry_after"]


def parse_retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `retry-after` (seconds or an HTTP date)."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(0.0, float(raw_ms) / 1000)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(raw).timestamp() - now
        except (TypeError, ValueError, IndexError):
            return None
    # NaN and infinities are not a delay anyone can honour.
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(0.0, seconds)


def backoff_delay(retries_taken: int, *, base: float, cap: float, jitter: float) -> float:
    """Exponential backoff with jitter: min(base·2ⁿ, cap) shortened by up to a quarter.

    `jitter` is a uniform draw in [0, 1); the spread keeps many clients from retrying in step.
    """
    return float(min(base * 2.0**retries_taken, cap) * (1 - 0.25 * jitter))


class CircuitBreaker:
    """Opens after `threshold` consecutive failures; after `cooldown` seconds, lets one trial by.

    closed → (threshold failures) → open → (cooldown) → half-open → success: closed, failure: open.
    While half-open, only one trial is in flight; others are refused as if open.
    """

    def __init__(
        self, *, threshold: int, cooldown: float, clock: Callable[[], float], name: str = "Groq"
    ) -> None:
        if threshold < 1 or cooldown < 0:
            raise ValueError("the breaker needs threshold ≥ 1 and cooldown ≥ 0")
        self._threshold = threshold
        self._cooldown = cooldown
        self._clock = clock
        self._name = name
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_in_flight = False

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return "closed"
            return "half-open" if self._cooled_down() else "open"

    def before_call(self) -> None:
        """Raise UpstreamUnavailable unless a call may go out now."""
        with self._lock:
            if self._opened_at is None:
                return
            if self._cooled_down() and not self._trial_in_flight:
                self._trial_in_flight = True
                return
        raise UpstreamUnavailable(
            f"{self._name} is failing; the circuit breaker is open, try again shortly",
            code="upstream_circuit_open",
        )

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial_in_flight = False

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            self._trial_in_flight = False
            if self._opened_at is not None or self._failures >= self._threshold:
                self._opened_at = self._clock()

    def release(self) -> None:
        """A call ended with neither verdict (e.g. a 4xx): free the half-open trial slot."""
        with self._lock:
            self._trial_in_flight = False

    def _cooled_down(self) -> bool:
        opened_at = self._opened_at
        return opened_at is not None and self._clock() - opened_at >= self._cooldown
