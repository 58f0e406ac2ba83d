"""The fake Groq's Files and Batches API, driven by the official groq and openai SDKs."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import groq
import openai
import pytest

from tests.adapters.conftest import FAKE_GROQ_KEY
from vault.fakegroq import FakeGroqBehaviour

MODEL = "llama-3.1-8b-instant"


@pytest.fixture
def groq_client(url: str) -> Iterator[groq.Groq]:
    with groq.Groq(base_url=url, api_key=FAKE_GROQ_KEY, max_retries=0) as client:
        yield client


@pytest.fixture
def openai_client(url: str) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=url + "/openai/v1", api_key=FAKE_GROQ_KEY, max_retries=0) as client:
        yield client


def _line(custom_id: str, text: str, **body: Any) -> dict[str, Any]:
    return {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": MODEL, "messages": [{"role": "user", "content": text}], **body},
    }


def _jsonl(*lines: dict[str, Any]) -> bytes:
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


def _wait(client: groq.Groq | openai.OpenAI, batch_id: str) -> Any:
    for _ in range(200):
        batch = client.batches.retrieve(batch_id)
        if batch.status in ("completed", "expired", "failed", "cancelled"):
            return batch
        time.sleep(0.02)
    raise AssertionError("the batch never finished")


def _read(content: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in content.read().splitlines()]


@pytest.mark.parametrize("sdk", ["groq", "openai"])
def test_a_batch_runs_to_completion_with_output_and_error_files(
    sdk: str, groq_client: groq.Groq, openai_client: openai.OpenAI, behaviour: FakeGroqBehaviour
):
    client: Any = groq_client if sdk == "groq" else openai_client
    behaviour.batch_delay = 0.1
    data = _jsonl(
        _line("one", "hello"),
        _line("two", "world"),
        _line("bad", "x", temperature=9),  # valid JSON line, a chat body Groq refuses
    )
    uploaded = client.files.create(file=("in.jsonl", data), purpose="batch")
    assert uploaded.id.startswith("file_")
    assert uploaded.purpose == "batch"
    assert uploaded.bytes == len(data)
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert batch.status == "validating"
    assert batch.object == "batch"
    done = _wait(client, batch.id)
    assert done.status == "completed"
    assert done.request_counts.total == 3
    assert done.request_counts.completed == 2
    assert done.request_counts.failed == 1
    assert done.completed_at is not None and done.in_progress_at is not None
    output = _read(client.files.content(done.output_file_id))
    assert {line["custom_id"] for line in output} == {"one", "two"}
    for line in output:
        assert line["error"] is None
        assert line["response"]["status_code"] == 200
        assert line["response"]["request_id"].startswith("req_")
        body = line["response"]["body"]
        assert body["object"] == "chat.completion"
    answers = {line["custom_id"]: line["response"]["body"] for line in output}
    assert answers["one"]["choices"][0]["message"]["content"] == "You said: hello"
    errors = _read(client.files.content(done.error_file_id))
    assert [e["custom_id"] for e in errors] == ["bad"]
    assert errors[0]["response"]["status_code"] == 400
    assert "error" in errors[0]["response"]["body"]


def test_the_scripted_answer_is_what_every_line_gets(
    groq_client: groq.Groq, behaviour: FakeGroqBehaviour
):
    behaviour.batch_delay = 0.0
    behaviour.answer = "Scripted."
    uploaded = groq_client.files.create(
        file=("in.jsonl", _jsonl(_line("a", "hi"))), purpose="batch"
    )
    batch = groq_client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    output = _read(groq_client.files.content(_wait(groq_client, batch.id).output_file_id))
    assert output[0]["response"]["body"]["choices"][0]["message"]["content"] == "Scripted."


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (b"not json", "line 2: not valid JSON"),
        (
            b'{"custom_id": "one", "method": "POST", "url": "/v1/chat/completions", "body": {}}',
            "line 2: 'custom_id' is used by an earlier line",
        ),
        (
            b'{"custom_id": "x", "method": "GET", "url": "/v1/chat/completions", "body": {}}',
            "line 2: 'method' must be POST",
        ),
        (
            b'{"custom_id": "x", "method": "POST", "url": "/v1/embeddings", "body": {}}',
            "line 2: 'url' must be /v1/chat/completions",
        ),
        (
            b'{"custom_id": "x", "method": "POST", "url": "/v1/chat/completions", "body": 3}',
            "line 2: 'body' must be a JSON object",
        ),
    ],
)
def test_an_upload_with_a_bad_line_is_a_400_naming_it(
    groq_client: groq.Groq, line: bytes, names: str
):
    data = _jsonl(_line("one", "hello")) + line + b"\n"
    with pytest.raises(groq.BadRequestError) as caught:
        groq_client.files.create(file=("in.jsonl", data), purpose="batch")
    assert names in caught.value.message


def test_a_file_can_be_read_listed_and_deleted(openai_client: openai.OpenAI):
    uploaded = openai_client.files.create(
        file=("in.jsonl", _jsonl(_line("a", "hi"))), purpose="batch"
    )
    assert openai_client.files.retrieve(uploaded.id).id == uploaded.id
    assert uploaded.id in [f.id for f in openai_client.files.list()]
    assert openai_client.files.delete(uploaded.id).deleted is True
    with pytest.raises(openai.NotFoundError):
        openai_client.files.retrieve(uploaded.id)


def test_unknown_ids_are_404(groq_client: groq.Groq):
    with pytest.raises(groq.NotFoundError):
        groq_client.batches.retrieve("batch_nope")
    with pytest.raises(groq.NotFoundError):
        groq_client.files.content("file_nope")


def test_a_bad_batch_request_is_a_400(groq_client: groq.Groq):
    uploaded = groq_client.files.create(
        file=("in.jsonl", _jsonl(_line("a", "hi"))), purpose="batch"
    )
    with pytest.raises(groq.BadRequestError):
        groq_client.batches.create(
            input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="1h"
        )
    with pytest.raises(groq.BadRequestError):
        groq_client.batches.create(
            input_file_id="file_nope", endpoint="/v1/chat/completions", completion_window="24h"
        )


def test_an_expired_batch_puts_every_line_in_its_error_file(
    groq_client: groq.Groq, behaviour: FakeGroqBehaviour
):
    behaviour.batch_delay = 0.0
    behaviour.batch_outcome = "expired"
    uploaded = groq_client.files.create(
        file=("in.jsonl", _jsonl(_line("a", "hi"), _line("b", "yo"))), purpose="batch"
    )
    batch = groq_client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    done = _wait(groq_client, batch.id)
    assert done.status == "expired"
    assert done.output_file_id is None
    errors = _read(groq_client.files.content(done.error_file_id))
    assert [e["error"]["code"] for e in errors] == ["batch_expired", "batch_expired"]


def test_a_batch_can_be_cancelled_or_scripted_to_be(
    groq_client: groq.Groq, behaviour: FakeGroqBehaviour
):
    behaviour.batch_delay = 30.0
    uploaded = groq_client.files.create(
        file=("in.jsonl", _jsonl(_line("a", "hi"))), purpose="batch"
    )
    batch = groq_client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert groq_client.batches.cancel(batch.id).status == "cancelling"
    assert groq_client.batches.retrieve(batch.id).status == "cancelled"
    with pytest.raises(groq.APIStatusError):
        groq_client.batches.cancel(batch.id)
    behaviour.batch_delay = 0.0
    behaviour.batch_outcome = "cancelled"
    scripted = groq_client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert _wait(groq_client, scripted.id).status == "cancelled"
    listed = groq_client.batches.list()
    assert {batch.id, scripted.id} <= {b.id for b in listed.data}


def test_a_failed_batch_says_why(groq_client: groq.Groq, behaviour: FakeGroqBehaviour):
    behaviour.batch_delay = 0.0
    behaviour.batch_outcome = "failed"
    uploaded = groq_client.files.create(
        file=("in.jsonl", _jsonl(_line("a", "hi"))), purpose="batch"
    )
    batch = groq_client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    done = _wait(groq_client, batch.id)
    assert done.status == "failed"
    assert done.errors is not None and done.errors.data
