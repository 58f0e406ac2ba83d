"""What a key has left (`standing`), from the in-process limiter and from Redis alike: what the
proxy answers as its own `x-ratelimit-*` headers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.adapters.test_redis_state import prefix, redis_url  # noqa: F401 - fixtures
from vault.adapters.redis_state import RedisRateLimiter, connect_redis
from vault.domain.ratelimit import Limits, RateLimiter, Standing
from vault.services.proxy_chat import limit_headers

LIMITS = Limits(requests_per_minute=5, tokens_per_minute=100)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_in_process_standing_counts_each_key_alone_and_counts_nothing_itself() -> None:
    clock = Clock()
    limiter = RateLimiter(LIMITS, clock=clock)
    assert limiter.standing("a") == Standing(requests=(5, 5, 0.0), tokens=(100, 100, 0.0))
    limiter.check_request("a")
    clock.now += 10
    limiter.check_request("a")
    limiter.spend_tokens("a", 30)
    limiter.check_request("b")
    standing = limiter.standing("a")
    assert standing.requests == (5, 3, pytest.approx(50.0))  # the first leaves in 50 s
    assert standing.tokens == (100, 70, pytest.approx(60.0))
    assert limiter.standing("a") == standing  # reading it spent nothing
    assert limiter.standing("b").requests == (5, 4, pytest.approx(60.0))
    clock.now += 61
    assert limiter.standing("a") == Standing(requests=(5, 5, 0.0), tokens=(100, 100, 0.0))


def test_a_limit_not_set_has_no_standing_and_no_headers() -> None:
    limiter = RateLimiter(Limits(requests_per_minute=5))
    limiter.check_request("a")
    standing = limiter.standing("a")
    assert standing.tokens is None
    assert set(limit_headers(standing)) == {
        "x-ratelimit-limit-requests",
        "x-ratelimit-remaining-requests",
        "x-ratelimit-reset-requests",
    }
    assert limit_headers(RateLimiter(Limits()).standing("a")) == {}


def test_headers_write_resets_as_groq_does() -> None:
    headers = limit_headers(Standing(requests=(600, 599, 179.56), tokens=(6000, 0, 0.172)))
    assert headers == {
        "x-ratelimit-limit-requests": "600",
        "x-ratelimit-remaining-requests": "599",
        "x-ratelimit-reset-requests": "2m59.56s",
        "x-ratelimit-limit-tokens": "6000",
        "x-ratelimit-remaining-tokens": "0",
        "x-ratelimit-reset-tokens": "172ms",
    }
    assert limit_headers(Standing(requests=(1, 1, 7.5)))["x-ratelimit-reset-requests"] == "7.5s"


@pytest.fixture
def shared(redis_url: str, prefix: str) -> Iterator[Any]:  # noqa: F811 - fixtures
    client = connect_redis(redis_url)
    yield lambda: RedisRateLimiter(client, LIMITS, prefix=prefix)
    client.close()


def test_redis_standing_is_the_window_every_worker_shares(shared: Any) -> None:
    one, other = shared(), shared()  # two workers on one Redis
    assert one.standing("a") == Standing(requests=(5, 5, 0.0), tokens=(100, 100, 0.0))
    one.check_request("a")
    other.check_request("a")
    other.spend_tokens("a", 30)
    one.spend_tokens("a", 12)
    other.check_request("b")
    standing = one.standing("a")
    assert standing.requests is not None and standing.tokens is not None
    assert standing.requests[:2] == (5, 3)
    assert 59.0 < standing.requests[2] <= 60.0
    assert standing.tokens[:2] == (100, 58)
    assert other.standing("a").requests[:2] == (5, 3)  # type: ignore[index]
    assert one.standing("b").requests[:2] == (5, 4)  # type: ignore[index]
