"""A batch file longer than one block of lines reaches the fake Groq with exactly the bytes the
chat redactor gives its requests one after another, with the real detector: names detected in
one line and standing undetected in others, repeated texts, tokenized custom ids."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from tests.e2e.conftest import Proxy, Upstream
from tests.e2e.test_proxy_chat import MODEL
from vault.errors import OutboundBlocked
from vault.services.apikeys import create_api_key
from vault.services.chat import ChatRedactor

_PEOPLE = ["Maria Garcia", "Omar Haddad", "Lena Fischer", "Kenji Watanabe"]


def _request(i: int) -> tuple[str, dict[str, Any]]:
    person = _PEOPLE[i % len(_PEOPLE)]
    first = person.split()[0].lower()
    texts = [
        f"Dear {person}, your parcel {i} left on Monday.",
        f"{person} asked again about order {i}; reach {first}@example.com or +44 20 7946 {i:04d}.",
        f"ticket {i}: paid by {person} with 4111 1111 1111 1111",
        "Summarise the delivery terms in two sentences.",  # the same text line after line
    ]
    messages = [{"role": "system", "content": "You answer support tickets."}]
    messages += [{"role": "user", "content": texts[(i + k) % 4]} for k in range(1 + i % 3)]
    custom_id = f"r-{i}" if i % 5 else f"ticket of {person} number {i}"
    return custom_id, {"model": MODEL, "messages": messages, "temperature": 0.2}


def batch_file(requests: list[tuple[str, dict[str, Any]]]) -> bytes:
    """A batch input file of (custom_id, chat body) requests."""
    return b"".join(
        json.dumps(
            {"custom_id": c, "method": "POST", "url": "/v1/chat/completions", "body": b}
        ).encode()
        + b"\n"
        for c, b in requests
    )


def upload_file(url: str, key: str, content: bytes) -> httpx.Response:
    """`files.create(purpose="batch")` against the vault at `url`."""
    return httpx.post(
        f"{url}/openai/v1/files",
        data={"purpose": "batch"},
        files={"file": ("requests.jsonl", content, "application/jsonl")},
        headers={"authorization": f"Bearer {key}"},
        timeout=600,
    )


def _upload(proxy: Proxy, key: str, requests: list[tuple[str, dict[str, Any]]]) -> httpx.Response:
    return upload_file(proxy.url, key, batch_file(requests))


def _tenant_key(proxy: Proxy) -> tuple[str, str]:
    tenant = f"blocks-{uuid.uuid4().hex[:8]}"  # a tenant whose redactor memory starts empty
    _, key = create_api_key(proxy.vault.api_keys, tenant=tenant, roles=["analyst"])
    return tenant, key


def test_a_file_of_several_blocks_is_the_lines_redacted_one_after_another(
    proxy: Proxy, upstream: Upstream
) -> None:
    tenant, key = _tenant_key(proxy)
    requests = [_request(i) for i in range(600)]
    mark = len(upstream.received)
    answer = _upload(proxy, key, requests)
    assert answer.status_code == 200, answer.text
    uploads = [r for r in upstream.received[mark:] if r.path.endswith("/files")]
    assert len(uploads) == 1

    redactor = ChatRedactor(proxy.vault.anonymizer)
    expected = []
    for custom_id, body in requests:
        payload = redactor.redact(tenant, body).payload
        if custom_id.startswith("ticket of"):
            custom_id = proxy.vault.anonymizer.anonymize(tenant, custom_id).text
            assert not any(person in custom_id for person in _PEOPLE)
        expected.append(
            b'{"custom_id":'
            + json.dumps(custom_id, ensure_ascii=False).encode()
            + b',"method":"POST","url":"/v1/chat/completions","body":'
            + payload
            + b"}\n"
        )
    sent = b"".join(expected)
    assert sent in uploads[0].body
    assert not any(person.encode() in sent for person in _PEOPLE)


def test_a_line_the_guard_refuses_in_a_later_block_is_named_as_line_by_line(
    proxy: Proxy, upstream: Upstream
) -> None:
    tenant, key = _tenant_key(proxy)
    requests = [_request(i) for i in range(400)]
    # Known from the lines before, a name in a shouted sentence is not detected (capitals
    # among capital words are no name to the detector) nor found where it stands (the memory is
    # read as written); the guard, which folds case, refuses the line.
    line = "ticket 300: PAID BY LENA FISCHER WITH 4111 1111 1111 1111"
    requests[300] = ("r-300", {"model": MODEL, "messages": [{"role": "user", "content": line}]})
    redactor = ChatRedactor(proxy.vault.anonymizer)
    refused = None
    for number, (_, body) in enumerate(requests, start=1):
        try:
            redactor.redact(tenant, body)
        except OutboundBlocked:
            refused = number
            break
    assert refused == 301
    mark = len(upstream.received)
    answer = _upload(proxy, key, requests)
    assert answer.status_code == 422
    assert answer.json()["error"]["message"].startswith("line 301: the outbound guard")
    assert not [r for r in upstream.received[mark:] if r.path.endswith("/files")]
