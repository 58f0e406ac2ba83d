"""The in-process rate limiter: sliding one-minute windows, and memory that follows the keys
active in the last minute rather than every key ever seen."""

from __future__ import annotations

from vault.domain.ratelimit import Limits, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_window_allows_its_limit_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(Limits(requests_per_minute=2), clock=clock)
    assert limiter.check_request("k") == 0.0
    clock.now += 10
    assert limiter.check_request("k") == 0.0
    assert limiter.check_request("k") == 50.0  # the first leaves the window at +60
    clock.now += 50
    assert limiter.check_request("k") == 0.0


def test_idle_keys_are_forgotten_once_their_window_has_passed() -> None:
    clock = Clock()
    limiter = RateLimiter(Limits(requests_per_minute=5, tokens_per_minute=100), clock=clock)
    for n in range(1000):
        limiter.check_request(f"key_{n}")
        limiter.spend_tokens(f"key_{n}", 3)
    assert limiter.keys_held == 2000
    clock.now += 61
    limiter.check_request("key_new")  # a request a window later sweeps the idle keys
    assert limiter.keys_held == 1
    clock.now += 61
    assert limiter.check_tokens("key_new") == 0.0
    assert limiter.keys_held == 0


def test_tokens_spent_in_the_last_minute_are_counted() -> None:
    clock = Clock()
    limiter = RateLimiter(Limits(tokens_per_minute=100), clock=clock)
    limiter.spend_tokens("k", 70)
    assert limiter.check_tokens("k") == 0.0
    clock.now += 30
    limiter.spend_tokens("k", 30)
    assert limiter.check_tokens("k") == 30.0
    clock.now += 30
    assert limiter.check_tokens("k") == 0.0  # the 70 have left the window


def test_unlimited_keeps_nothing() -> None:
    limiter = RateLimiter(Limits())
    for n in range(100):
        assert limiter.check_request(f"key_{n}") == 0.0
        limiter.spend_tokens(f"key_{n}", 10)
    assert limiter.keys_held == 0
