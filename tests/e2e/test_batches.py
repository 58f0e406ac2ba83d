"""Groq batches through the vault with both official SDKs, only `base_url` changed: the file
the fake Groq receives holds no planted PII, output comes back restored for a reidentifier and
tokenized for an analyst, a bad line is a 400 naming it, another tenant's ids are 404."""

from __future__ import annotations

import json
import time
from typing import Any

import groq
import openai
import pytest

from tests.e2e.conftest import Proxy, Upstream
from tests.e2e.test_proxy_chat import (
    CARD,
    EMAIL,
    MODEL,
    NAME,
    TOKEN,
    assert_no_values,
    groq_sdk,
    openai_sdk,
)
from vault.services.apikeys import create_api_key

SDKS = {"groq": groq_sdk, "openai": openai_sdk}
PLANTED = (NAME, EMAIL, CARD)


def _line(custom_id: str, text: str) -> dict[str, Any]:
    return {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": MODEL, "messages": [{"role": "user", "content": text}]},
    }


def _jsonl(*lines: Any) -> bytes:
    return b"".join(
        (line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n" for line in lines
    )


def _file() -> bytes:
    return _jsonl(
        _line("r-1", f"Write to {NAME} at {EMAIL}."),
        _line("r-2", f"Charge card {CARD} for {NAME}."),
    )


def _wait(client: Any, batch_id: str) -> Any:
    for _ in range(300):
        batch = client.batches.retrieve(batch_id)
        if batch.status in ("completed", "expired", "failed", "cancelled"):
            return batch
        time.sleep(0.05)
    raise AssertionError("the batch never finished")


def _answers(content: Any) -> dict[str, str]:
    lines = [json.loads(line) for line in content.read().splitlines()]
    return {
        line["custom_id"]: line["response"]["body"]["choices"][0]["message"]["content"]
        for line in lines
    }


@pytest.mark.parametrize("sdk", ["groq", "openai"])
def test_a_batch_runs_through_the_vault_tokenized_and_comes_back_restored(
    sdk: str, proxy: Proxy, upstream: Upstream
):
    mark = len(upstream.received)
    client = SDKS[sdk](proxy, "reidentifier")
    uploaded = client.files.create(file=("requests.jsonl", _file()), purpose="batch")
    assert uploaded.id.startswith("file_")
    uploads = [r for r in upstream.received[mark:] if r.path.endswith("/files")]
    assert len(uploads) == 1
    assert_no_values(upstream.bodies_since(mark), PLANTED)
    assert TOKEN.search(uploads[0].body.decode())

    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert batch.id.startswith("batch_")
    assert batch.input_file_id == uploaded.id
    done = _wait(client, batch.id)
    assert done.status == "completed"
    assert done.request_counts is not None and done.request_counts.completed == 2
    assert done.output_file_id is not None and done.output_file_id.startswith("file_")
    assert_no_values(upstream.bodies_since(mark), PLANTED)

    restored = _answers(client.files.content(done.output_file_id))
    assert NAME in restored["r-1"] and EMAIL in restored["r-1"]
    assert CARD in restored["r-2"]

    analyst = SDKS[sdk](proxy, "analyst")
    tokenized = _answers(analyst.files.content(done.output_file_id))
    for text in tokenized.values():
        for value in PLANTED:
            assert value not in text
        assert TOKEN.search(text)


def test_a_bad_line_is_a_400_naming_it_and_nothing_is_sent(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = groq_sdk(proxy, "analyst")
    bad = _jsonl(_line("r-1", f"Hello {NAME}"), b"{not json", _line("r-3", "x"))
    with pytest.raises(groq.BadRequestError) as caught:
        client.files.create(file=("requests.jsonl", bad), purpose="batch")
    assert "line 2" in caught.value.message
    not_chat = _jsonl(
        _line("r-1", "hi"),
        {
            "custom_id": "r-2",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": MODEL},
        },
    )
    with pytest.raises(groq.BadRequestError) as caught:
        client.files.create(file=("requests.jsonl", not_chat), purpose="batch")
    assert "line 2" in caught.value.message
    assert not [r for r in upstream.received[mark:] if r.path.endswith("/files")]
    assert_no_values(upstream.bodies_since(mark), PLANTED)


def test_another_tenants_ids_are_404(proxy: Proxy):
    client = openai_sdk(proxy, "reidentifier")
    uploaded = client.files.create(file=("requests.jsonl", _file()), purpose="batch")
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    _, key = create_api_key(proxy.vault.api_keys, tenant="globex", roles=["reidentifier"])
    with openai.OpenAI(base_url=proxy.url + "/openai/v1", api_key=key, max_retries=0) as other:
        with pytest.raises(openai.NotFoundError):
            other.batches.retrieve(batch.id)
        with pytest.raises(openai.NotFoundError):
            other.files.content(uploaded.id)
        with pytest.raises(openai.NotFoundError):
            other.batches.create(
                input_file_id=uploaded.id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
            )
        assert batch.id not in [b.id for b in other.batches.list().data]
    with pytest.raises(openai.NotFoundError):
        client.batches.retrieve("batch_" + "0" * 32)


def test_every_request_is_audited_once_with_its_outcome(proxy: Proxy):
    before = len(proxy.audit_actions())
    client = groq_sdk(proxy, "analyst")
    uploaded = client.files.create(file=("requests.jsonl", _file()), purpose="batch")
    with pytest.raises(groq.NotFoundError):
        client.batches.retrieve("batch_nope")
    client.files.info(uploaded.id)
    actions = proxy.audit_actions()[before:]
    assert actions == [
        ("batch.file.upload", "ok"),
        ("batch.read", "error"),
        ("batch.file.read", "ok"),
    ]


def _custom_line(custom_id: str, text: str, model: str = MODEL) -> dict[str, Any]:
    line = _line(custom_id, text)
    line["body"]["model"] = model
    return line


def _lines(content: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in content.read().splitlines()]


def test_bad_requests_come_back_in_the_error_file_restored_for_those_allowed(
    proxy: Proxy, upstream: Upstream
):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "reidentifier")
    subject = f"ticket of {NAME}"  # not id-shaped: tokenized before it leaves
    content = _jsonl(
        _custom_line("r-1", f"Write to {EMAIL}."),
        # A model the upstream serves, but not for chat: the line fails there, not here.
        _custom_line(subject, f"Charge {CARD}.", model="whisper-large-v3"),
    )
    uploaded = client.files.create(file=("requests.jsonl", content), purpose="batch")
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    done = _wait(client, batch.id)
    assert done.status == "completed"
    assert done.request_counts is not None
    assert (done.request_counts.completed, done.request_counts.failed) == (1, 1)
    assert done.error_file_id is not None and done.error_file_id.startswith("file_")
    [error] = _lines(client.files.content(done.error_file_id))
    assert error["custom_id"] == subject
    assert error["response"]["status_code"] == 404
    assert error["response"]["body"]["error"]["code"] == "model_not_found"
    [tokenized] = _lines(openai_sdk(proxy, "analyst").files.content(done.error_file_id))
    assert NAME not in tokenized["custom_id"] and TOKEN.search(tokenized["custom_id"])
    assert_no_values(upstream.bodies_since(mark), PLANTED)


def test_an_expired_batch_is_reported_with_its_error_file(proxy: Proxy, upstream: Upstream):
    upstream.behaviour.batch_outcome = "expired"
    client = groq_sdk(proxy, "reidentifier")
    subject = f"note for {NAME}"
    uploaded = client.files.create(
        file=("requests.jsonl", _jsonl(_line(subject, f"Hi {EMAIL}"))), purpose="batch"
    )
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    done = _wait(client, batch.id)
    assert done.status == "expired" and done.expired_at is not None
    assert done.output_file_id is None and done.error_file_id is not None
    [error] = _lines(client.files.content(done.error_file_id))
    assert error["custom_id"] == subject
    assert error["error"]["code"] == "batch_expired"


def test_a_failed_batch_relays_its_errors(proxy: Proxy, upstream: Upstream):
    upstream.behaviour.batch_outcome = "failed"
    client = openai_sdk(proxy, "analyst")
    uploaded = client.files.create(file=("requests.jsonl", _file()), purpose="batch")
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    done = _wait(client, batch.id)
    assert done.status == "failed" and done.failed_at is not None
    assert done.errors is not None and done.errors.data
    assert done.errors.data[0].code == "invalid_request"
    assert done.output_file_id is None and done.error_file_id is None


def test_a_batch_cancelled_through_the_vault_ends_cancelled(proxy: Proxy, upstream: Upstream):
    upstream.behaviour.batch_delay = 30.0
    client = openai_sdk(proxy, "analyst")
    uploaded = client.files.create(file=("requests.jsonl", _file()), purpose="batch")
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    cancelled = client.batches.cancel(batch.id)
    assert cancelled.id == batch.id
    assert cancelled.status in ("cancelling", "cancelled")
    done = _wait(client, batch.id)
    assert done.status == "cancelled" and done.cancelled_at is not None
    assert done.output_file_id is None
    actions = proxy.audit_actions()
    assert ("batch.cancel", "ok") in actions
