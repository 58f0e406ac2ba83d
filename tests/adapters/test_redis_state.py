"""State shared through the real Redis on 127.0.0.1:6379: exact rate limits across processes,
a detection cache holding no text, the audit door closed for every worker, and fail-closed
answers while Redis is away that recover without a restart."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from vault.adapters import redis_state
from vault.adapters.redis_state import (
    RedisOutageFlag,
    RedisRateLimiter,
    RedisSpanCache,
    connect_redis,
)
from vault.domain.audit import AuditEvent
from vault.domain.ratelimit import Limits
from vault.domain.spans import Span
from vault.errors import ServiceUnavailable
from vault.services.audit_backlog import AuditBacklog
from vault.settings import Settings
from vault.wiring import build_vault

REDIS_URL = os.environ.get("VAULT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The local Redis; skips where none answers, fails under CI (which starts one)."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        reason = f"Redis at {REDIS_URL} did not answer: {type(exc).__name__}"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    finally:
        client.close()
    return REDIS_URL


@pytest.fixture
def prefix(redis_url: str) -> Iterator[str]:
    """A fresh key prefix for one test; its keys are deleted afterwards."""
    name = f"test:{uuid.uuid4().hex[:12]}:"
    yield name
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{name}*"))
    if keys:
        client.delete(*keys)
    client.close()


def _spend_requests(url: str, prefix: str, start: Any, attempts: int, out: Any) -> None:
    limiter = RedisRateLimiter(connect_redis(url), Limits(requests_per_minute=60), prefix=prefix)
    start.wait()
    out.put(sum(1 for _ in range(attempts) if limiter.check_request("key_shared") == 0))


def test_two_processes_share_one_window_of_exactly_sixty(redis_url: str, prefix: str) -> None:
    context = multiprocessing.get_context("spawn")
    start, out = context.Event(), context.Queue()
    workers = [
        context.Process(target=_spend_requests, args=(redis_url, prefix, start, 50, out))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    start.set()
    allowed = [out.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert sum(allowed) == 60, allowed  # 100 asked for, in a race, across two processes
    assert all(n > 0 for n in allowed), allowed  # both were really competing for the window


def test_a_full_window_says_how_long_to_wait_and_keys_expire(redis_url: str, prefix: str) -> None:
    client = connect_redis(redis_url)
    limiter = RedisRateLimiter(client, Limits(requests_per_minute=3), prefix=prefix)
    assert [limiter.check_request("key_a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.check_request("key_a")
    assert 59.0 < wait <= 60.0
    assert limiter.check_request("key_b") == 0.0  # another key has its own window
    ttl = client.pttl(f"{prefix}rl:req:key_a")
    assert 0 < ttl <= 60_000


def test_tokens_per_minute_are_shared_and_counted(redis_url: str, prefix: str) -> None:
    client = connect_redis(redis_url)
    one = RedisRateLimiter(client, Limits(tokens_per_minute=100), prefix=prefix)
    other = RedisRateLimiter(connect_redis(redis_url), Limits(tokens_per_minute=100), prefix=prefix)
    assert one.check_tokens("key_a") == 0.0
    one.spend_tokens("key_a", 60)
    assert other.check_tokens("key_a") == 0.0  # 60 of 100 spent
    other.spend_tokens("key_a", 40)
    wait = one.check_tokens("key_a")
    assert 59.0 < wait <= 60.0
    assert one.check_tokens("key_b") == 0.0
    assert one.check_request("key_a") == 0.0  # no request limit configured: never counted
    assert client.exists(f"{prefix}rl:req:key_a") == 0


def test_the_span_cache_holds_no_text_and_is_keyed_per_tenant(
    redis_url: str, prefix: str, settings: Settings
) -> None:
    vault = build_vault(settings)
    try:
        client = connect_redis(redis_url)
        cache = RedisSpanCache(client, vault.tenant_keys, prefix=prefix, ttl_seconds=30)
        text = "Call Jane Doe on +44 20 7946 0958"
        spans = [Span(5, 13, "PERSON", 0.85), Span(17, 33, "PHONE_NUMBER", 0.75)]
        key, other = cache.key("acme", text), cache.key("acme", "no PII here")
        assert cache.get_many([key, other]) == [None, None]
        cache.put_many({key: spans, other: []})
        assert cache.get_many([other, key]) == [[], spans]
        assert cache.get_many([]) == []
        # Another tenant's key for the same text is another entry: a hit tells it nothing.
        assert cache.key("globex", text) != key
        assert cache.get_many([cache.key("globex", text)]) == [None]
        stored = client.get(key)
        assert stored is not None
        for word in (b"Jane", b"Doe", b"7946", b"0958"):
            assert word not in key and word not in stored
        assert 0 < client.ttl(key) <= 30
    finally:
        vault.close()


class _FlakyLog:
    def __init__(self) -> None:
        self.stored: list[AuditEvent] = []
        self.down = False

    def append(self, event: AuditEvent) -> Any:
        if self.down:
            raise ServiceUnavailable("audit log unavailable", code="audit_unavailable")
        self.stored.append(event)


def test_an_audit_outage_in_one_worker_closes_every_door(redis_url: str, prefix: str) -> None:
    log = _FlakyLog()
    flags = [
        RedisOutageFlag(connect_redis(redis_url), name="audit", prefix=prefix, ttl_seconds=10)
        for _ in range(2)
    ]
    failing, healthy = (AuditBacklog(log, flag=flag) for flag in flags)  # type: ignore[arg-type]
    healthy.admit()
    log.down = True
    failing.append(AuditEvent(tenant="acme", actor="key_1", action="proxy.request"))
    with pytest.raises(ServiceUnavailable) as refused:
        healthy.admit()  # nothing pending here, but another worker cannot store its records
    assert refused.value.code == "audit_unavailable"
    with pytest.raises(ServiceUnavailable):
        failing.admit()
    log.down = False
    failing.admit()  # its record is stored now, and the flag lowered for everyone
    assert len(log.stored) == 1
    healthy.admit()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_redis(port: int, tmp_path: Path) -> subprocess.Popen[bytes]:
    options = {"port": str(port), "bind": "127.0.0.1", "dir": str(tmp_path), "save": ""}
    server = subprocess.Popen(
        ["redis-server", *(part for k, v in options.items() for part in (f"--{k}", v))],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    client.close()
    return server


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_redis_going_away_fails_closed_and_recovers_without_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [0.0]
    monkeypatch.setattr(redis_state, "_clock", lambda: now[0])
    port = _free_port()
    server = _start_redis(port, tmp_path)
    try:
        client = connect_redis(f"redis://127.0.0.1:{port}/0")
        limiter = RedisRateLimiter(client, Limits(requests_per_minute=5), prefix="t:")
        assert limiter.check_request("key_a") == 0.0
        server.terminate()
        server.wait(timeout=30)
        with pytest.raises(ServiceUnavailable) as refused:
            limiter.check_request("key_a")  # never "unlimited" while it cannot count
        assert refused.value.code == "redis_unavailable"
        assert refused.value.status == 503
        assert "127.0.0.1" not in refused.value.message
        server = _start_redis(port, tmp_path)
        with pytest.raises(ServiceUnavailable):  # at once: no call waits on a Redis just failed
            limiter.check_request("key_a")
        now[0] += 1.5  # the pause after a failure is over
        assert limiter.check_request("key_a") == 0.0  # the same client, reconnected
    finally:
        server.terminate()
        server.wait(timeout=30)
