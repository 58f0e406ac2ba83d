"""Per-key rate limits: requests and LLM tokens per minute, as sliding one-minute windows."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Limits", "RateLimiter"]

_WINDOW = 60.0


@dataclass(frozen=True, slots=True)
class Limits:
    """0 means unlimited."""

    requests_per_minute: int = 0
    tokens_per_minute: int = 0


class RateLimiter:
    """Counts what each key spent in the last minute. `check` says how long to wait, if at all."""

    def __init__(self, limits: Limits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._requests: dict[str, deque[float]] = defaultdict(deque)
        self._tokens: dict[str, deque[tuple[float, int]]] = defaultdict(deque)

    def check_request(self, key_id: str) -> float:
        """Record a request for `key_id`; returns 0, or the seconds until one is allowed."""
        limit = self._limits.requests_per_minute
        now = self._clock()
        with self._lock:
            window = self._requests[key_id]
            while window and window[0] <= now - _WINDOW:
                window.popleft()
            if limit and len(window) >= limit:
                return window[0] + _WINDOW - now
            window.append(now)
            return 0.0

    def check_tokens(self, key_id: str) -> float:
        """0 if `key_id` has LLM tokens left this minute, else the seconds until it has."""
        limit = self._limits.tokens_per_minute
        if not limit:
            return 0.0
        now = self._clock()
        with self._lock:
            window = self._tokens[key_id]
            while window and window[0][0] <= now - _WINDOW:
                window.popleft()
            if sum(n for _, n in window) >= limit:
                return window[0][0] + _WINDOW - now
            return 0.0

    def spend_tokens(self, key_id: str, tokens: int) -> None:
        if self._limits.tokens_per_minute and tokens > 0:
            with self._lock:
                self._tokens[key_id].append((self._clock(), tokens))
