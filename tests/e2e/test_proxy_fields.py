"""Every request field that can carry data is tokenized; hostile bodies are 400s, audited."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.conftest import Proxy, Upstream
from tests.e2e.test_proxy_chat import MODEL

CHAT = "/openai/v1/chat/completions"
SECRETS = ("mary.jones@example.com", "ada@example.com", "bob.smith@example.com", "john@example.com")


@pytest.fixture
def http(proxy: Proxy) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=proxy.url, timeout=30) as client:
        yield client


def _auth(proxy: Proxy, role: str = "analyst", **extra: str) -> dict[str, str]:
    return {"authorization": f"Bearer {proxy.keys[role]}", **extra}


def test_user_legacy_function_call_tool_and_schema_text_are_tokenized(
    proxy: Proxy, upstream: Upstream, http: httpx.Client
) -> None:
    body = {
        "model": MODEL,
        "user": "mary.jones@example.com",
        "messages": [
            {"role": "user", "content": "hello"},
            {
                "role": "assistant",
                "content": None,
                "function_call": {
                    "name": "lookup",
                    "arguments": json.dumps({"who": "ada@example.com"}),
                },
            },
        ],
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "notify",
                    "description": "Escalate to bob.smith@example.com when stuck",
                    "parameters": {
                        "type": "object",
                        "properties": {"to": {"type": "string", "examples": ["john@example.com"]}},
                    },
                },
            }
        ],
    }
    mark = len(upstream.received)
    answer = http.post(CHAT, json=body, headers=_auth(proxy))
    assert answer.status_code < 500, answer.text
    sent = upstream.bodies_since(mark)
    assert sent, "the request should have reached the upstream"
    for secret in SECRETS:
        assert secret.encode() not in sent
    assert b'"notify"' in sent and b'"to"' in sent  # names and schema keys stay


@pytest.mark.parametrize(
    "raw",
    [
        b'{"model": "m", "messages": [{"role": "user", "content": "bad \\ud800"}]}',
        b'{"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": NaN}',
        b'{"model": "m", "messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ],
)
def test_hostile_json_is_a_400_and_never_forwarded(
    raw: bytes, proxy: Proxy, upstream: Upstream, http: httpx.Client
) -> None:
    mark = len(upstream.received)
    answer = http.post(
        CHAT, content=raw, headers=_auth(proxy, **{"content-type": "application/json"})
    )
    assert answer.status_code == 400, answer.text
    assert len(upstream.received) == mark


def test_a_bad_purpose_is_refused_before_anything_is_sent(
    proxy: Proxy, upstream: Upstream, http: httpx.Client
) -> None:
    mark = len(upstream.received)
    body = {"model": MODEL, "messages": [{"role": "user", "content": "hi"}]}
    answer = http.post(
        CHAT, json=body, headers=_auth(proxy, "reidentifier", **{"x-vault-purpose": "x" * 500})
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["param"] == "purpose"
    assert len(upstream.received) == mark


def test_upstream_errors_are_audited_by_code(
    proxy: Proxy, upstream: Upstream, http: httpx.Client
) -> None:
    body = {"model": "no-such-model", "messages": [{"role": "user", "content": "hi"}]}
    answer = http.post(CHAT, json=body, headers=_auth(proxy))
    assert answer.status_code == 404
    last = list(proxy.vault.audit.records("acme"))[-1]
    assert (last.event.action, last.event.outcome) == ("proxy.request", "error")
    assert last.event.details["status"] == 404
