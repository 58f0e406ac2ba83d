"""Bounded memory for batches: a batch input file streamed through the vault, and its output file
streamed back, never held whole. The fake Groq runs in a process of its own, so what tracemalloc
sees here is the vault (and the test's own client, which streams too)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

import httpx
import pytest

from tests.e2e.conftest import GROQ_KEY, start_proxy
from tests.fakes import RegexDetector

pytestmark = pytest.mark.slow

MODEL = "llama-3.1-8b-instant"
# A few texts, repeated: the vault's detection cache stays as it is however long the file, so
# what could grow with the file is only what the vault buffers of it.
TEXTS = [
    f"Ticket {i}: write to customer{i}@example.com about the parcel that left on Monday " * 14
    for i in range(8)
]
_FAKE = f"""
import sys
from vault.fakegroq import create_fake_groq_app, serve_in_thread
with serve_in_thread(create_fake_groq_app(api_key={GROQ_KEY!r})) as url:
    print(url, flush=True)
    sys.stdin.read()
"""


@pytest.fixture(scope="module")
def vault_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    fake = subprocess.Popen(
        [sys.executable, "-c", _FAKE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert fake.stdout is not None
        groq_url = fake.stdout.readline().strip()
        with ExitStack() as stack:
            proxy = start_proxy(
                stack, tmp_path_factory.mktemp("vault"), groq_url=groq_url, detector=RegexDetector()
            )
            yield proxy.url, proxy.keys["reidentifier"]
    finally:
        assert fake.stdin is not None
        fake.stdin.close()
        fake.wait(timeout=30)


def _lines(count: int) -> Iterator[bytes]:
    for n in range(count):
        line = {
            "custom_id": f"row-{n}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {
                "model": MODEL,
                "messages": [{"role": "user", "content": TEXTS[n % len(TEXTS)]}],
            },
        }
        yield json.dumps(line).encode() + b"\n"


def multipart_batch(chunks: Iterable[bytes], boundary: str) -> Iterator[bytes]:
    """A `files.create` body (purpose batch) streamed: the form's head, `chunks` of the JSONL
    file as they come, the closing boundary."""
    yield (
        f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.jsonl"\r\n'
        "Content-Type: application/jsonl\r\n\r\n"
    ).encode()
    yield from chunks
    yield f"\r\n--{boundary}--\r\n".encode()


def _chunks(count: int) -> Iterator[bytes]:
    """`count` lines in chunks of about 64 KB."""
    pending = bytearray()
    for line in _lines(count):
        pending += line
        if len(pending) >= 64 * 1024:
            yield bytes(pending)
            pending.clear()
    yield bytes(pending)


def _size(count: int) -> int:
    return sum(len(line) for line in _lines(count))


def _round_trip(client: httpx.Client, count: int) -> tuple[int, int, int]:
    """(peak bytes traced while uploading, peak while downloading the output, output size)."""
    boundary = uuid.uuid4().hex
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    uploaded = client.post(
        "/openai/v1/files",
        content=multipart_batch(_chunks(count), boundary),
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    upload_peak = tracemalloc.get_traced_memory()[1] - start
    assert uploaded.status_code == 200, uploaded.text
    batch = client.post(
        "/openai/v1/batches",
        json={
            "input_file_id": uploaded.json()["id"],
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        },
    ).json()
    for _ in range(600):
        batch = client.get(f"/openai/v1/batches/{batch['id']}").json()
        if batch["status"] == "completed":
            break
        time.sleep(0.05)
    assert batch["status"] == "completed", batch
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    size = 0
    lines = 0
    with client.stream("GET", f"/openai/v1/files/{batch['output_file_id']}/content") as answer:
        assert answer.status_code == 200
        for chunk in answer.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
    download_peak = tracemalloc.get_traced_memory()[1] - start
    assert lines == count
    return upload_peak, download_peak, size


def test_upload_and_output_download_do_not_buffer_the_file(vault_url: tuple[str, str]):
    url, key = vault_url
    small, large = 1_200, 3_600
    with httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=300
    ) as client:
        _round_trip(client, 50)  # first use: pools, caches and lazy parts built outside the count
        tracemalloc.start()
        try:
            small_up, small_down, _ = _round_trip(client, small)
            large_up, large_down, output = _round_trip(client, large)
        finally:
            tracemalloc.stop()
    grown = _size(large) - _size(small)
    print(f"upload peak {small_up} -> {large_up}, output download peak {small_down} -> "
          f"{large_down}, for a file {grown} bytes larger (output {output} bytes)")  # fmt: skip
    assert grown > 2_500_000 and output > 5_000_000
    # Holding the file would add the growth itself (several times over, as copies); streaming
    # adds at most a few blocks and the database rows of a longer file.
    assert large_up - small_up < grown / 4, (small_up, large_up, grown)
    assert large_down - small_down < grown / 4, (small_down, large_down, grown)
    assert large_down < output / 4
