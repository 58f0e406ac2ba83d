"""Cases of the issue's lists that no other test held: a batch custom_id repeated and a file
over the size limit refused over HTTP before anything is sent, the input file stored sealed
and read back restored only for a reidentifier, and what a model writes in a batch answer or a
response tokenized for every caller (the answer guard)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import groq
import httpx
import pytest

from tests.e2e.conftest import TENANT, Proxy, Upstream, start_proxy
from tests.e2e.test_batches import _wait
from tests.e2e.test_batches_memory import multipart_batch
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
from tests.fakes import RegexDetector

PLANTED = (NAME, EMAIL, CARD)
_LIMIT = 4096


def _line(custom_id: str, text: str) -> bytes:
    line = {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": MODEL, "messages": [{"role": "user", "content": text}]},
    }
    return json.dumps(line).encode() + b"\n"


def _uploads(upstream: Upstream, mark: int) -> list[Any]:
    return [r for r in upstream.received[mark:] if r.path.endswith("/files")]


def _refused_upload(proxy: Proxy, upstream: Upstream, content: bytes) -> groq.BadRequestError:
    """Upload `content`; the 400 it must be, after checking nothing reached the upstream and
    the answer names no planted value."""
    mark = len(upstream.received)
    with pytest.raises(groq.BadRequestError) as caught:
        groq_sdk(proxy, "analyst").files.create(file=("requests.jsonl", content), purpose="batch")
    assert not _uploads(upstream, mark)
    assert_no_values(upstream.bodies_since(mark), PLANTED)
    assert_no_values(str(caught.value.body).encode(), PLANTED)
    return caught.value


def test_a_repeated_custom_id_is_a_400_naming_its_line_and_nothing_is_sent(
    proxy: Proxy, upstream: Upstream
) -> None:
    content = _line("r-1", f"Write to {NAME}.") + _line("r-2", "x") + _line("r-1", f"{EMAIL}")
    refused = _refused_upload(proxy, upstream, content)
    assert "line 3" in refused.message and "custom_id" in refused.message


@pytest.fixture(scope="module")
def limited(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    """A vault whose uploads may hold at most `_LIMIT` bytes."""
    with ExitStack() as stack:
        data_dir = tmp_path_factory.mktemp("limited")
        proxy = start_proxy(stack, data_dir, groq_url=upstream.url, detector=RegexDetector())
        proxy.vault.settings = proxy.vault.settings.model_copy(update={"max_upload_bytes": _LIMIT})
        yield proxy


@pytest.mark.parametrize("sized", [True, False], ids=["content-length", "chunked"])
def test_a_file_over_the_size_limit_is_a_413_and_nothing_is_sent(
    sized: bool, limited: Proxy, upstream: Upstream
) -> None:
    content = b"".join(_line(f"r-{i}", f"Write to {NAME} at {EMAIL}.") for i in range(60))
    assert len(content) > _LIMIT
    boundary = uuid.uuid4().hex
    parts = multipart_batch((content[i : i + 1024] for i in range(0, len(content), 1024)), boundary)
    body: bytes | Iterator[bytes] = b"".join(parts) if sized else parts
    mark = len(upstream.received)
    with httpx.Client(base_url=limited.url, timeout=60) as client:
        answer = client.post(
            "/openai/v1/files",
            content=body,
            headers={
                "authorization": f"Bearer {limited.keys['analyst']}",
                "content-type": f"multipart/form-data; boundary={boundary}",
            },
        )
        assert answer.status_code == 413, answer.text
        assert "VAULT_MAX_UPLOAD_BYTES" in answer.json()["error"]["message"]
        assert_no_values(answer.content, PLANTED)
        small = client.post(
            "/openai/v1/files",
            data={"purpose": "batch"},
            files={"file": ("b.jsonl", _line("r-1", f"Write to {EMAIL}."))},
            headers={"authorization": f"Bearer {limited.keys['analyst']}"},
        )
        assert small.status_code == 200, small.text
    assert len(_uploads(upstream, mark)) == 1  # the small file's only
    assert_no_values(upstream.bodies_since(mark), (EMAIL,))  # what the regex detector finds


def test_the_input_file_is_stored_sealed_and_read_back_restored_only_for_a_reidentifier(
    proxy: Proxy,
) -> None:
    content = _line("r-1", f"Write to {NAME} at {EMAIL}.") + _line("r-2", f"Charge {CARD}.")
    uploaded = openai_sdk(proxy, "reidentifier").files.create(
        file=("requests.jsonl", content), purpose="batch"
    )
    entry = proxy.vault.batch_objects.get(TENANT, uploaded.id)
    assert entry is not None and entry.object_key and entry.object_version_id
    stored = b"".join(proxy.vault.store.get(entry.object_key, entry.object_version_id))
    assert_no_values(stored, PLANTED)
    assert b'"custom_id"' not in stored  # sealed, not merely tokenized

    restored = openai_sdk(proxy, "reidentifier").files.content(uploaded.id).read()
    for value in PLANTED:
        assert value in restored.decode()
    tokenized = openai_sdk(proxy, "analyst").files.content(uploaded.id).read()
    assert_no_values(tokenized, PLANTED)
    assert TOKEN.search(tokenized.decode())
    ids = [json.loads(line)["custom_id"] for line in tokenized.splitlines()]
    assert ids == ["r-1", "r-2"]


def test_what_a_model_writes_in_a_batch_answer_is_tokenized_for_everyone(
    proxy: Proxy, upstream: Upstream
) -> None:
    written = "nadia.okafor@example.org"
    upstream.behaviour.answer = f"Sure. By the way, Nadia Okafor writes from {written}."
    client = groq_sdk(proxy, "reidentifier")
    uploaded = client.files.create(
        file=("requests.jsonl", _line("r-1", f"I am {NAME}.")), purpose="batch"
    )
    assert uploaded.id is not None
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    done = _wait(client, batch.id)
    assert done.status == "completed" and done.output_file_id is not None
    for role in ("reidentifier", "analyst"):
        output = groq_sdk(proxy, role).files.content(done.output_file_id).read().decode()
        [line] = [json.loads(raw) for raw in output.splitlines()]
        text = line["response"]["body"]["choices"][0]["message"]["content"]
        assert written not in text, role
        assert "EMAIL_ADDRESS_" in text, role


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
def test_what_a_model_writes_in_a_response_is_tokenized_for_a_reidentifier(
    stream: bool, proxy: Proxy, upstream: Upstream
) -> None:
    written = "nadia.okafor@example.org"
    upstream.behaviour.answer = f"Sure. By the way, Nadia Okafor writes from {written}."
    client = openai_sdk(proxy, "reidentifier")
    if stream:
        events = client.responses.create(model=MODEL, input=f"I am {NAME}.", stream=True)
        text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    else:
        text = client.responses.create(model=MODEL, input=f"I am {NAME}.").output_text
    assert text.startswith("Sure.")
    assert written not in text
    assert "EMAIL_ADDRESS_" in text


def test_a_file_of_more_requests_than_a_batch_takes_is_a_400_naming_the_line_and_nothing_is_sent(
    proxy: Proxy, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("vault.services.batches.MAX_REQUESTS", 3)
    content = b"".join(_line(f"r-{i}", f"Write to {NAME} at {EMAIL}.") for i in range(4))
    refused = _refused_upload(proxy, upstream, content)
    assert "line 4" in refused.message and "more than 3 requests" in refused.message


def test_a_model_the_upstream_refuses_is_a_400_naming_its_line_and_nothing_is_sent(
    proxy: Proxy, upstream: Upstream
) -> None:
    line = json.loads(_line("r-2", f"Write to {NAME} at {EMAIL}."))
    line["body"]["model"] = "no-such-model"
    content = _line("r-1", f"Charge {CARD}.") + json.dumps(line).encode() + b"\n"
    refused = _refused_upload(proxy, upstream, content)
    assert "line 2" in refused.message
    assert refused.body["error"]["code"] == "model_not_found"  # type: ignore[index]
