"""Per-key rate limits: requests and LLM tokens per minute, as sliding one-minute windows.

This is the in-process limiter of a single vault process; several workers or replicas share
`vault.adapters.redis_state.RedisRateLimiter` instead, which keeps the same windows in Redis.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["WINDOW_SECONDS", "Limits", "RateLimiter", "Standing"]

WINDOW_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Limits:
    """0 means unlimited."""

    requests_per_minute: int = 0
    tokens_per_minute: int = 0


@dataclass(frozen=True, slots=True)
class Standing:
    """What one key has left of each limit this minute: `(limit, remaining, reset)`, `reset`
    being the seconds until its oldest use leaves the window (0 when it has none); None for a
    limit that is not set."""

    requests: tuple[int, int, float] | None = None
    tokens: tuple[int, int, float] | None = None


class RateLimiter:
    """Counts what each key spent in the last minute. `check` says how long to wait, if at all.

    Memory is bounded by the keys active in the last minute: a key whose window has emptied is
    dropped, and every window's length the whole dictionary is swept for such keys."""

    def __init__(self, limits: Limits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._requests: dict[str, deque[float]] = {}
        self._tokens: dict[str, deque[tuple[float, int]]] = {}
        self._swept = clock()

    @property
    def keys_held(self) -> int:
        """How many keys have a window in memory (for tests and metrics)."""
        return len(self._requests) + len(self._tokens)

    def check_request(self, key_id: str) -> float:
        """Record a request for `key_id`; returns 0, or the seconds until one is allowed."""
        limit = self._limits.requests_per_minute
        if not limit:
            return 0.0
        now = self._clock()
        with self._lock:
            self._sweep(now)
            window = self._requests.setdefault(key_id, deque())
            while window and window[0] <= now - WINDOW_SECONDS:
                window.popleft()
            if len(window) >= limit:
                return window[0] + WINDOW_SECONDS - now
            window.append(now)
            return 0.0

    def check_tokens(self, key_id: str) -> float:
        """0 if `key_id` has LLM tokens left this minute, else the seconds until it has."""
        limit = self._limits.tokens_per_minute
        if not limit:
            return 0.0
        now = self._clock()
        with self._lock:
            self._sweep(now)
            window = self._tokens.get(key_id)
            if window is None:
                return 0.0
            while window and window[0][0] <= now - WINDOW_SECONDS:
                window.popleft()
            if not window:
                del self._tokens[key_id]
                return 0.0
            if sum(n for _, n in window) >= limit:
                return window[0][0] + WINDOW_SECONDS - now
            return 0.0

    def standing(self, key_id: str) -> Standing:
        """What `key_id` has left this minute; counts nothing."""
        limits, now = self._limits, self._clock()
        horizon = now - WINDOW_SECONDS
        requests = tokens = None
        with self._lock:
            if limits.requests_per_minute:
                times = [t for t in self._requests.get(key_id, ()) if t > horizon]
                left = max(0, limits.requests_per_minute - len(times))
                reset = times[0] + WINDOW_SECONDS - now if times else 0.0
                requests = (limits.requests_per_minute, left, reset)
            if limits.tokens_per_minute:
                spent = [(t, n) for t, n in self._tokens.get(key_id, ()) if t > horizon]
                left = max(0, limits.tokens_per_minute - sum(n for _, n in spent))
                reset = spent[0][0] + WINDOW_SECONDS - now if spent else 0.0
                tokens = (limits.tokens_per_minute, left, reset)
        return Standing(requests=requests, tokens=tokens)

    def spend_tokens(self, key_id: str, tokens: int) -> None:
        if self._limits.tokens_per_minute and tokens > 0:
            with self._lock:
                self._tokens.setdefault(key_id, deque()).append((self._clock(), tokens))

    def _sweep(self, now: float) -> None:
        """Drop every key whose newest entry has left the window; at most once a window, so
        the cost is amortised over the requests of a whole minute. Called under the lock."""
        if now - self._swept < WINDOW_SECONDS:
            return
        self._swept = now
        horizon = now - WINDOW_SECONDS
        for key in [k for k, w in self._requests.items() if not w or w[-1] <= horizon]:
            del self._requests[key]
        for key in [k for k, w in self._tokens.items() if not w or w[-1][0] <= horizon]:
            del self._tokens[key]
