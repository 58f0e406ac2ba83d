"""A text one tenant sent tells another tenant nothing: what tenant B can observe when it sends a
text tenant A sent before (status, headers, Server-Timing, the public /metrics, the detection
cache) is what it observes for a text nobody has sent, of the same shape and length.

Each case serves tenant A's text T through every door first (chat sync and stream, anonymize,
scan), then gives a fresh tenant B two keys of the same role, each warmed up alike: one sends T,
the other a never-seen text U. Two keys, so that nothing kept per key (rate limits) differs.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Proxy, Upstream, start_proxy
from vault.ports import Detector
from vault.services.apikeys import create_api_key

DOORS = ("chat", "chat_stream", "anonymize", "scan")
ROLES = ("analyst", "reidentifier")
# Headers that differ between any two requests, whoever sent what before: the upstream's
# rate-limit counters (forwarded as Groq sends them) move with every request the vault makes.
PER_REQUEST = frozenset({"date", "x-request-id", "server-timing"})
PER_REQUEST_PREFIX = "x-ratelimit-"
_serials = itertools.count(1)


def text(serial: int) -> str:
    """A text with an e-mail address and a phone number, unique by `serial`, always as long."""
    local = hashlib.sha256(str(serial).encode()).hexdigest()[:8]
    local = "".join(chr(ord("a") + int(c, 16) % 26) for c in local)
    return f"Ticket {serial:06d}: write to {local}@example.com or call +44 20 7946 {serial % 1000:04d}."


@pytest.fixture(scope="module")
def proxy_server(
    upstream: Upstream, real_detector: Detector, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Proxy]:
    with ExitStack() as stack:
        yield start_proxy(
            stack, Path(tmp_path_factory.mktemp("oracle")), groq_url=upstream.url,
            detector=real_detector,
        )  # fmt: skip


class CacheLookups:
    """Wraps the chat redactor's detection cache: which keys were looked up, and whether found."""

    def __init__(self, proxy: Proxy, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cache = proxy.vault.chat_redactor._cache
        self.found: dict[bytes, list[bool]] = {}
        original = self.cache.get_many

        def get_many(keys: list[bytes]) -> Any:
            found = original(keys)
            for key, spans in zip(keys, found, strict=True):
                self.found.setdefault(key, []).append(spans is not None)
            return found

        monkeypatch.setattr(self.cache, "get_many", get_many)

    def hits(self, tenant: str, content: str, during: Callable[[], object]) -> list[bool]:
        """`during()`'s answer, after noting whether each look-up of `content` it made for
        `tenant` found spans."""
        self.found.clear()
        during()
        return self.found.get(self.cache.key(tenant, content), [])


def _send(client: httpx.Client, door: str, key: str, content: str) -> httpx.Response:
    headers = {"authorization": f"Bearer {key}"}
    if door in ("anonymize", "scan"):
        return client.post(f"/v1/{door}", json={"text": content}, headers=headers)
    body: dict[str, Any] = {
        "model": "llama-3.1-8b-instant",
        "messages": [{"role": "user", "content": content}],
    }
    if door == "chat":
        return client.post("/openai/v1/chat/completions", json=body, headers=headers)
    body["stream"] = True
    with client.stream("POST", "/openai/v1/chat/completions", json=body, headers=headers) as answer:
        answer.read()
    return answer


def _counters(client: httpx.Client) -> dict[str, float]:
    """The public /metrics as name{labels} → value: every counter, and each histogram's count
    (its buckets and sum are durations, which move with this machine's load, not with texts;
    the timing channel is checked on the detection cache and Server-Timing instead)."""
    answer = client.get("/metrics")
    assert answer.status_code == 200
    found = {}
    for line in answer.text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, value = line.rpartition(" ")
        if "_bucket{" in name or "_sum{" in name:
            continue
        found[name] = float(value)
    return found


def _settled(proxy: Proxy, tenant: str, records: int) -> None:
    """Wait until `tenant` has `records` audit records: a completed request's record is stored
    just after its answer has gone back, and moves a counter when it is."""
    deadline = time.monotonic() + 10
    while sum(1 for _ in proxy.vault.audit.records(tenant)) < records:
        assert time.monotonic() < deadline, "an audit record never arrived"
        time.sleep(0.01)
    time.sleep(0.05)  # the request counter moves when the response has fully gone


def _observed(
    client: httpx.Client, proxy: Proxy, tenant: str, send: Callable[[], httpx.Response]
) -> tuple[httpx.Response, dict[str, float]]:
    """One request's answer and how the public counters moved with it."""
    before = _counters(client)
    records = sum(1 for _ in proxy.vault.audit.records(tenant))
    answer = send()
    _settled(proxy, tenant, records + 1)
    after = _counters(client)
    moved = {k: after[k] - before.get(k, 0.0) for k in after if after[k] != before.get(k, 0.0)}
    return answer, moved


def _headers(answer: httpx.Response) -> dict[str, str]:
    return {
        k: v
        for k, v in answer.headers.items()
        if k not in PER_REQUEST and not k.startswith(PER_REQUEST_PREFIX)
    }


def _timing(answer: httpx.Response) -> dict[str, float] | None:
    header = answer.headers.get("server-timing")
    if header is None:
        return None
    return {m[1]: float(m[2]) for m in re.finditer(r"(\w+);dur=([\d.]+)", header)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("door", DOORS)
def test_a_text_another_tenant_sent_looks_like_one_never_seen(
    proxy_server: Proxy, door: str, role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = proxy_server
    lookups = CacheLookups(proxy, monkeypatch)
    serial = next(_serials) * 10
    seen, unseen, warm_seen, warm_unseen = (text(serial + i) for i in range(4))
    tenant_a, tenant_b = f"oracle-a-{serial}", f"oracle-b-{serial}"
    vault = proxy.vault
    _, key_a = create_api_key(vault.api_keys, tenant=tenant_a, roles=["reidentifier"])
    _, key_seen = create_api_key(vault.api_keys, tenant=tenant_b, roles=[role])
    _, key_unseen = create_api_key(vault.api_keys, tenant=tenant_b, roles=[role])

    with httpx.Client(base_url=proxy.url, timeout=60) as client:
        for each in DOORS:
            assert _send(client, each, key_a, seen).status_code == 200
        # The same first steps for both of B's keys, so neither is the first to do anything.
        for key, warm in ((key_seen, warm_seen), (key_unseen, warm_unseen)):
            for each in DOORS:
                assert _send(client, each, key, warm).status_code == 200
        answers: list[httpx.Response] = []
        found: dict[str, list[bool]] = {}

        def send(key: str, content: str) -> httpx.Response:
            hits = lookups.hits(
                tenant_b, content, lambda: answers.append(_send(client, door, key, content))
            )
            found[content] = hits
            return answers[-1]

        got_seen, moved_seen = _observed(client, proxy, tenant_b, lambda: send(key_seen, seen))
        got_unseen, moved_unseen = _observed(
            client, proxy, tenant_b, lambda: send(key_unseen, unseen)
        )

    assert got_seen.status_code == got_unseen.status_code == 200
    assert list(got_seen.headers.keys()) == list(got_unseen.headers.keys())
    assert _headers(got_seen) == _headers(got_unseen)
    assert moved_seen == moved_unseen

    timing_seen, timing_unseen = _timing(got_seen), _timing(got_unseen)
    if role == "analyst" or door in ("anonymize", "scan"):
        assert timing_seen is None and timing_unseen is None
    else:
        assert timing_seen is not None and timing_unseen is not None
        assert timing_seen.keys() == timing_unseen.keys() == {"detect", "upstream", "vault"}
        # A cache hit answers in hundredths of a millisecond, a detection in tenths or more.
        assert timing_seen["detect"] >= 0.1 * timing_unseen["detect"]
    if door.startswith("chat"):
        # B's look-up of the text A sent misses, as that of the text nobody sent does.
        assert found[seen][:1] == found[unseen][:1] == [False]
