"""A batch file large enough for the dataset workers is detected there, a few blocks ahead of
the tokenizing, and reaches the fake Groq with exactly the bytes the chat redactor gives its
requests one after another in this process, with the real detector in both."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import GROQ_KEY, Upstream
from tests.e2e.test_batches_blocks import MODEL, _request, batch_file, upload_file
from tests.e2e.test_dataset_pool import POISON, DyingDetector
from vault.api import create_app
from vault.fakegroq import serve_in_thread
from vault.services.apikeys import create_api_key
from vault.services.chat import ChatRedactor
from vault.settings import Settings
from vault.wiring import Vault, build_vault

pytestmark = pytest.mark.slow

_LINES = 1_200  # about 420 KB: past the bytes a file is tokenized in this process alone


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, upstream: Upstream
) -> Iterator[tuple[Vault, str]]:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path_factory.mktemp("workers"),
        groq_base_url=upstream.url,
        groq_api_key=GROQ_KEY,
        dataset_workers=2,
        _env_file=None,
    )
    with ExitStack() as stack:
        vault = build_vault(settings)
        stack.callback(vault.close)
        yield vault, stack.enter_context(serve_in_thread(create_app(vault=vault)))


def _expected(vault: Vault, tenant: str, requests: list[tuple[str, dict[str, Any]]]) -> bytes:
    redactor = ChatRedactor(vault.anonymizer)
    lines = []
    for custom_id, body in requests:
        payload = redactor.redact(tenant, json.loads(json.dumps(body))).payload
        if custom_id.startswith("ticket of"):
            custom_id = vault.anonymizer.anonymize(tenant, custom_id).text
        lines.append(
            b'{"custom_id":' + json.dumps(custom_id, ensure_ascii=False).encode()
            + b',"method":"POST","url":"/v1/chat/completions","body":' + payload + b"}\n"
        )  # fmt: skip
    return b"".join(lines)


def test_a_large_file_is_detected_by_the_workers_and_sent_as_line_by_line(
    served: tuple[Vault, str], upstream: Upstream
) -> None:
    vault, url = served
    pool = vault.dataset_pool
    assert pool is not None and not pool.started
    _, key = create_api_key(vault.api_keys, tenant="workers-a", roles=["analyst"])
    requests = [_request(i) for i in range(_LINES)]
    content = batch_file(requests)
    assert len(content) > 256 * 1024
    mark = len(upstream.received)
    answer = upload_file(url, key, content)
    assert answer.status_code == 200, answer.text
    assert pool.started and len(pool.worker_pids()) == 2
    uploads = [r for r in upstream.received[mark:] if r.path.endswith("/files")]
    assert len(uploads) == 1
    # A redactor of its own: its memory starts as empty as the upload's did.
    assert _expected(vault, "workers-a", requests) in uploads[0].body


def test_a_bad_line_late_in_a_large_file_is_named_and_nothing_is_sent(
    served: tuple[Vault, str], upstream: Upstream
) -> None:
    vault, url = served
    _, key = create_api_key(vault.api_keys, tenant="workers-c", roles=["analyst"])
    requests = [_request(i) for i in range(_LINES)]
    content = batch_file(requests) + b'{"custom_id": "late", "method": "POST"}\n'
    mark = len(upstream.received)
    answer = upload_file(url, key, content)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["message"].startswith(f"line {_LINES + 1}:")
    assert not [r for r in upstream.received[mark:] if r.path.endswith("/files")]


def test_a_worker_that_dies_fails_the_upload_and_nothing_is_stored_or_sent(
    tmp_path: Path, upstream: Upstream
) -> None:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path, groq_base_url=upstream.url, groq_api_key=GROQ_KEY,
        dataset_workers=2, _env_file=None,
    )  # fmt: skip
    with ExitStack() as stack:
        # The worker that meets the poison value dies; it stands only where workers detect.
        vault = build_vault(settings, detector_override=DyingDetector())
        stack.callback(vault.close)
        url = stack.enter_context(serve_in_thread(create_app(vault=vault)))
        _, key = create_api_key(vault.api_keys, tenant="workers-d", roles=["analyst"])
        requests = [_request(i) for i in range(_LINES)]
        requests[_LINES - 10] = ("late", {"model": MODEL, "messages": [
            {"role": "user", "content": f"the code is {POISON}"}]})  # fmt: skip
        mark = len(upstream.received)
        answer = upload_file(url, key, batch_file(requests))
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"]["code"] == "dataset_worker_died"
        assert not [r for r in upstream.received[mark:] if r.path.endswith("/files")]
        # No version of the file is left in the store (a local one: a file per version).
        assert not [p for p in tmp_path.rglob("*") if p.is_file() and "workers-d" in p.parts]
