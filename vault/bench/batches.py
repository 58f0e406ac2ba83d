"""Batches and dataset inference: the vault in front of a fake Groq, each beside its baseline.

1. A 10,000-line batch input file uploaded through the vault (every line's chat body tokenized,
   the file sealed and stored, then uploaded) beside the same file uploaded to the fake Groq
   directly, in the same run.
2. A dataset inferred online (`POST /v1/datasets/{id}/versions/1/infer`) beside the proxy's own
   throughput on unique prompts of the same size, sent with the same concurrency.

The vault runs in its own process with the regex detector (as the proxy section's lean vault),
the fake Groq and the clients in this one; everything talks HTTP on loopback.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, suppress
from itertools import count
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

from vault.bench import Row
from vault.bench.proxy import GROQ_KEY, _PatternDetector, _start_server, prompt
from vault.fakegroq import create_fake_groq_app, serve_in_thread

__all__ = ["batch_file", "run"]

_MODEL = "llama-3.1-8b-instant"
_LINES = 10_000
_CONCURRENCY = 8
_PROMPT_SIZE = 200


def batch_file(lines: int, size: int = _PROMPT_SIZE) -> bytes:
    """A batch input file: `lines` chat requests, each a unique prompt with a name, mail, phone."""
    out = io.BytesIO()
    for serial in range(lines):
        line = {
            "custom_id": f"row-{serial}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {
                "model": _MODEL,
                "messages": [{"role": "user", "content": prompt(serial, size)}],
            },
        }
        out.write(json.dumps(line).encode() + b"\n")
    return out.getvalue()


def _dataset(rows: int) -> bytes:
    out = io.StringIO()
    out.write("ticket,notes\n")
    for serial in range(rows):
        out.write(f'{serial},"{prompt(serial, _PROMPT_SIZE - 30)}"\n')
    return out.getvalue().encode()


def _serve(channel: Connection, data_dir: Path, groq_url: str) -> None:
    """In a child process: the lean vault (regex detector, no request rate limit, uploads in
    this process), with a key that may upload, infer and re-identify."""
    from vault.api import create_app
    from vault.services.apikeys import create_api_key
    from vault.settings import Settings
    from vault.wiring import build_vault

    settings = Settings(
        data_dir=data_dir,
        groq_base_url=groq_url,
        groq_api_key=GROQ_KEY,
        rate_limit_rpm=0,
        dataset_workers=1,
        _env_file=None,
    )
    vault = build_vault(settings, detector_override=_PatternDetector())
    _, key = create_api_key(
        vault.api_keys, tenant="bench", roles=["uploader", "analyst", "reidentifier"]
    )
    try:
        with serve_in_thread(create_app(vault=vault)) as url:
            channel.send((url, key))
            with suppress(EOFError):
                channel.recv()
    finally:
        vault.close()


def _upload_seconds(client: httpx.Client, key: str, content: bytes) -> float:
    started = time.perf_counter()
    answer = client.post(
        "/openai/v1/files",
        data={"purpose": "batch"},
        files={"file": ("requests.jsonl", content, "application/jsonl")},
        headers={"authorization": f"Bearer {key}"},
    )
    answer.raise_for_status()
    return time.perf_counter() - started


def _chat_throughput(client: httpx.Client, key: str, prompts: int) -> float:
    """Requests per second through the vault's chat door: unique prompts, `_CONCURRENCY` at once."""
    serials = count(1_000_000)

    def one(_: int) -> None:
        text = prompt(next(serials), _PROMPT_SIZE)
        answer = client.post(
            "/openai/v1/chat/completions",
            json={"model": _MODEL, "messages": [{"role": "user", "content": text}]},
            headers={"authorization": f"Bearer {key}"},
        )
        answer.raise_for_status()

    started = time.perf_counter()
    with ThreadPoolExecutor(_CONCURRENCY) as pool:
        list(pool.map(one, range(prompts)))
    return prompts / (time.perf_counter() - started)


def _infer_throughput(client: httpx.Client, key: str, rows: int) -> float:
    """Rows per second of an online inference job over a stored `rows`-row dataset."""
    auth = {"authorization": f"Bearer {key}"}
    stored = client.post(
        "/v1/datasets",
        data={"name": "bench-tickets"},
        files={"file": ("tickets.csv", _dataset(rows), "text/csv")},
        headers=auth,
    )
    stored.raise_for_status()
    dataset_id = stored.json()["id"]
    started = time.perf_counter()
    answer = client.post(
        f"/v1/datasets/{dataset_id}/versions/1/infer",
        json={
            "model": _MODEL,
            "template": "Classify this ticket: {notes}",
            "concurrency": _CONCURRENCY,
        },
        headers=auth,
    )
    answer.raise_for_status()
    job_id = answer.json()["id"]
    while True:
        job = client.get(f"/v1/jobs/{job_id}", headers=auth).json()
        if job["state"] not in ("queued", "running"):
            break
        time.sleep(0.05)
    if job["state"] != "succeeded":
        raise RuntimeError(f"the bench inference ended {job['state']}: {job['error']}")
    return rows / (time.perf_counter() - started)


def run() -> list[Row]:
    lines = int(os.environ.get("VAULT_BENCH_BATCH_LINES", _LINES))
    rows = int(os.environ.get("VAULT_BENCH_INFER_ROWS", _LINES))
    content = batch_file(lines)
    fake = create_fake_groq_app(api_key=GROQ_KEY)
    with ExitStack() as stack:
        groq_url = stack.enter_context(serve_in_thread(fake))
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="vault-bench-")))
        vault_url, key = _start_server(stack, _serve, tmp / "vault", groq_url)
        direct = stack.enter_context(httpx.Client(base_url=groq_url, timeout=600))
        vault = stack.enter_context(httpx.Client(base_url=vault_url, timeout=600))
        # Alternate the two uploads so a noisy moment hurts both; keep each one's best.
        plain, through = [], []
        for _ in range(3):
            plain.append(_upload_seconds(direct, GROQ_KEY, content))
            through.append(_upload_seconds(vault, key, content))
        megabytes = len(content) / 1e6
        label = f"{lines:,}-line batch file upload ({megabytes:.1f} MB)"
        result = [
            Row("batches", label, megabytes / min(through), megabytes / min(plain), "MB/s",
                ">= 5 MB/s", higher_is_better=True),
        ]  # fmt: skip
        proxy_rate = _chat_throughput(vault, key, min(rows, 2_000))
        infer_rate = _infer_throughput(vault, key, rows)
        result.append(
            Row("batches", f"{rows:,}-row dataset inferred online", infer_rate, proxy_rate,
                "rows/s", ">= 0.8x the proxy's unique prompts", higher_is_better=True)
        )  # fmt: skip
        fake.state.received.clear()  # the fake kept every body: let it go before the next section
    return result
