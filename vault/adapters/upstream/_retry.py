"""One retry policy for every upstream call, streamed or not: what goes again, and when."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

from vault.adapters._resilience import backoff_delay, parse_retry_after

__all__ = ["RetryPolicy"]


def _retryable(status: int) -> bool:
    return status in (408, 429) or status >= 500


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retries connection failures, timeouts, 408, 429 and 5xx up to `max_retries` times.

    The wait is the upstream's `retry-after` (or `retry-after-ms`) when it gives one, a wait
    longer than `retry_after_cap` not being made (the answer goes back at once), else
    exponential backoff with jitter. With `retry_unreachable` off, a connection that could not
    be opened is not tried again: another upstream stands behind this one and is the retry.
    """

    max_retries: int = 2
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    retry_after_cap: float = 20.0
    retry_unreachable: bool = True
    jitter: Callable[[], float] = random.random
    wall_clock: Callable[[], float] = time.time  # HTTP dates in retry-after are wall time

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be ≥ 0")

    def after_failure(self, attempt: int, exc: httpx.TransportError) -> float | None:
        """Seconds to wait before attempt `attempt + 1` after `exc`, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if not self.retry_unreachable and isinstance(
            exc, (httpx.ConnectError, httpx.ConnectTimeout)
        ):
            return None
        return self._backoff(attempt)

    def after_answer(self, attempt: int, status: int, headers: Mapping[str, str]) -> float | None:
        """Seconds to wait before asking again after an answer, or None to keep the answer."""
        if not _retryable(status) or attempt >= self.max_retries:
            return None
        retry_after = parse_retry_after(headers, now=self.wall_clock())
        if retry_after is None:
            return self._backoff(attempt)
        return None if retry_after > self.retry_after_cap else retry_after

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(
            attempt, base=self.backoff_base, cap=self.backoff_cap, jitter=self.jitter()
        )
