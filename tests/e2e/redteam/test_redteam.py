"""Red team: PII planted in every field of a chat request and in every evasion we could think of.

Each case of `cases.json` goes through the proxy twice, plain and streamed, each time as a tenant
that has never sent anything (so no value the vault remembers can hide a leak). What the fake Groq
received for that request is then read back with `leak.leak_forms`: no planted value may be in it,
in any form. A case may be refused instead (400/422), and then nothing may have left at all.
Messages name the case and the form that leaked, never the value.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Proxy, Upstream
from tests.e2e.redteam.leak import leak_forms
from vault.services.apikeys import create_api_key

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases.json").read_text(encoding="utf-8")
)
MODES = ("sync", "stream")
REFUSALS = (400, 422)
CHAT = "/openai/v1/chat/completions"


@dataclass(frozen=True)
class Outcome:
    """What one case did in one mode: the answer's status and what left for Groq."""

    status: int
    error_code: str | None
    upstream_requests: int
    leaks: tuple[tuple[int, tuple[str, ...]], ...]  # (index into planted, forms)


_OUTCOMES: dict[tuple[str, str, str], Outcome] = {}


def _escaped_string(text: str) -> str:
    """A JSON string literal with every character but ASCII letters and digits as \\u escapes."""
    out = ['"']
    for ch in text:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            continue
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    out.append('"')
    return "".join(out)


def _escape_all(value: Any) -> str:
    if isinstance(value, dict):
        items = (f"{_escaped_string(k)}:{_escape_all(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_escape_all(v) for v in value) + "]"
    if isinstance(value, str):
        return _escaped_string(value)
    return json.dumps(value)


def encode_body(body: dict[str, Any], wire: str | None) -> bytes:
    """The request bytes: plain JSON, or (`escape-all`) the same JSON written in \\u escapes."""
    if wire == "escape-all":
        return _escape_all(body).encode("ascii")
    assert wire is None, f"unknown wire form {wire!r}"
    return json.dumps(body, ensure_ascii=False).encode()


def _error_code(response: httpx.Response) -> str | None:
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        return None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else None


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(60, connect=5)) as http:
        yield http


def run_case(
    case: dict[str, Any], mode: str, proxy: Proxy, upstream: Upstream, client: httpx.Client
) -> Outcome:
    """Send `case` once in `mode` as a brand-new tenant; remembered for the summary."""
    key = (proxy.url, case["id"], mode)
    if key in _OUTCOMES:
        return _OUTCOMES[key]
    tenant = f"rt-{case['id']}-{mode}-{uuid.uuid4().hex[:8]}"
    _, secret = create_api_key(
        proxy.vault.api_keys, tenant=tenant, roles=["analyst", "reidentifier"]
    )
    body = {**case["body"], "stream": mode == "stream"}
    content = encode_body(body, case.get("wire"))
    headers = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
    mark = len(upstream.received)
    if mode == "stream":
        with client.stream("POST", proxy.url + CHAT, content=content, headers=headers) as answer:
            answer.read()
    else:
        answer = client.post(proxy.url + CHAT, content=content, headers=headers)
    requests = len(upstream.received) - mark
    sent = upstream.bodies_since(mark)
    joined = bool(case.get("joined"))
    leaks = tuple(
        (index, tuple(forms))
        for index, value in enumerate(case["planted"])
        if (forms := leak_forms(sent, value, joined=joined))
    )
    outcome = Outcome(answer.status_code, _error_code(answer), requests, leaks)
    _OUTCOMES[key] = outcome
    return outcome


def problems(outcome: Outcome) -> list[str]:
    """What is wrong with an outcome, in words that name no value."""
    found: list[str] = []
    status = outcome.status
    if status in REFUSALS:
        if outcome.upstream_requests:
            found.append(
                f"answered {status} ({outcome.error_code}) but {outcome.upstream_requests} "
                "request(s) had already gone to Groq"
            )
    elif not 200 <= status < 300:
        found.append(f"answered {status} ({outcome.error_code})")
    found += [f"planted[{index}] leaked as {', '.join(forms)}" for index, forms in outcome.leaks]
    return found


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_planted_value_never_leaves(
    case: dict[str, Any], mode: str, proxy: Proxy, upstream: Upstream, client: httpx.Client
) -> None:
    found = problems(run_case(case, mode, proxy, upstream, client))
    assert not found, f"{case['id']} [{case['category']}, {mode}]: " + "; ".join(found)


def test_at_most_one_in_ten_cases_is_refused(
    proxy: Proxy, upstream: Upstream, client: httpx.Client
) -> None:
    """Refusing is safe but useless: the vault must tokenize, not just say no."""
    outcomes = {
        (case["id"], mode): run_case(case, mode, proxy, upstream, client)
        for case in CASES
        for mode in MODES
    }
    refused = sorted(f"{i}/{m}" for (i, m), o in outcomes.items() if o.status in REFUSALS)
    assert len(refused) * 10 <= len(outcomes), (
        f"{len(refused)} of {len(outcomes)} requests refused: {', '.join(refused)}"
    )


def test_the_cases_are_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 250
    for case in CASES:
        assert case["planted"], case["id"]
        assert case["body"]["messages"], case["id"]
        assert "stream" not in case["body"], case["id"]
        assert set(case) <= {"id", "category", "planted", "body", "wire", "joined"}, case["id"]
    controls = [c for c in CASES if c["category"] == "control"]
    assert len(controls) >= 20
