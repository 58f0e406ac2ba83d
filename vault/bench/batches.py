"""Batches and dataset inference: the vault in front of a fake Groq, each beside its baseline.

1. A 10,000-line batch input file uploaded through the vault (every line's chat body tokenized,
   the file sealed and stored, then uploaded) beside the same file uploaded to the fake Groq
   directly, in the same run.
2. A dataset inferred online (`POST /v1/datasets/{id}/versions/1/infer`) beside the proxy's own
   throughput on unique prompts of the same size, sent with the same concurrency.

The vault runs in its own process with the regex detector (as the proxy section's lean vault),
the fake Groq and the clients in this one; everything talks HTTP on loopback. The vault process
reports its own CPU time, so each upload is also given in CPU seconds per MB (steadier than
MB/s on a busy machine); a second vault with the real detector uploads a shorter file
(`VAULT_BENCH_BATCH_REAL_LINES`, 2,000; 0 leaves it out).

3. The vault process's peak RSS (VmHWM) through an upload of a file of
   `VAULT_BENCH_BATCH_PEAK_LINES` lines (10,000; 0 leaves it out) beside one of four times as
   many, each in a fresh vault process so each high-water mark is that upload's own.
"""

from __future__ import annotations

import gc
import io
import json
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, suppress
from itertools import count
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

from vault.bench import Row
from vault.bench.proc import peak_rss_mb
from vault.bench.proxy import GROQ_KEY, _PatternDetector, prompt, spawn_server
from vault.fakegroq import create_fake_groq_app, serve_in_thread

__all__ = ["batch_file", "run"]

_MODEL = "llama-3.1-8b-instant"
_LINES = 10_000
_CONCURRENCY = 8
_PROMPT_SIZE = 200
_REAL_LINES = 2_000
_PEAK_LINES = 10_000
_PEAK_GROWTH = 4
_START_SECONDS = 300
_POOL_WARM_LINES = 1_000  # past the bytes an upload tokenizes alone: the workers start


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


def _serve(
    channel: Connection, data_dir: Path, groq_url: str, *, real: bool = False, workers: int = 1
) -> None:
    """In a child process: the lean vault (regex detector, or the real one if `real`; no
    request rate limit; uploads in this process, or past their first bytes in `workers`
    dataset workers), with a key that may upload, infer and re-identify. Answers "cpu" on the
    channel with its CPU seconds so far (its workers' not counted), "peak" with its peak RSS in
    MB."""
    from vault.api import create_app
    from vault.services.apikeys import create_api_key
    from vault.settings import Settings
    from vault.wiring import build_vault

    settings = Settings(
        data_dir=data_dir,
        groq_base_url=groq_url,
        groq_api_key=GROQ_KEY,
        rate_limit_rpm=0,
        dataset_workers=workers,
        _env_file=None,
    )
    overrides: dict[str, Any] = {} if real else {"detector_override": _PatternDetector()}
    vault = build_vault(settings, **overrides)
    _, key = create_api_key(
        vault.api_keys, tenant="bench", roles=["uploader", "analyst", "reidentifier"]
    )
    app = create_app(vault=vault)
    if not real:
        # The real detector moves what start-up made out of the collector's reach once its
        # model loads (`load_ner`); the regex detector loads nothing, so the lean vault does it
        # here, or every full collection walks its start-up objects again.
        gc.collect()
        gc.freeze()
    try:
        with serve_in_thread(app) as url:
            channel.send((url, key))
            answers = {"cpu": time.process_time, "peak": peak_rss_mb}
            with suppress(EOFError):
                while (question := channel.recv()) in answers:
                    channel.send(answers[question]())
    finally:
        vault.close()


def _start_vault(
    stack: ExitStack, data_dir: Path, groq_url: str, *, real: bool = False, workers: int = 1
) -> tuple[str, str, Callable[[str], float]]:
    """A bench vault in its own process: its URL, key, and a call that asks it "cpu" (its CPU
    seconds) or "peak" (its peak RSS in MB)."""
    url, key, parent = spawn_server(
        stack, _serve, data_dir, groq_url, start_seconds=_START_SECONDS, daemon=workers == 1,
        real=real, workers=workers,
    )  # fmt: skip

    def ask(question: str) -> float:
        parent.send(question)
        answer: float = parent.recv()
        return answer

    return url, key, ask


def _through_vault(
    client: httpx.Client, key: str, content: bytes, ask: Callable[[str], float]
) -> tuple[float, float]:
    """Wall seconds and the vault process's CPU seconds of one upload through the vault."""
    before = ask("cpu")
    seconds = _upload_seconds(client, key, content)
    return seconds, ask("cpu") - before


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


def _real_detector_rows(
    stack: ExitStack, tmp: Path, groq_url: str, direct: httpx.Client, content: bytes
) -> list[Row]:
    """One upload through a vault with the real detector (Presidio, spaCy and ours), beside
    the direct upload of the same file; then through one whose dataset workers (one per core)
    detect the file past its first bytes, beside the first."""
    url, key, ask = _start_vault(stack, tmp / "vault-real", groq_url, real=True)
    client = stack.enter_context(httpx.Client(base_url=url, timeout=600))
    _through_vault(client, key, batch_file(20), ask)  # loads the models
    plain = _upload_seconds(direct, GROQ_KEY, content)
    seconds, cpu_seconds = _through_vault(client, key, content, ask)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = max(2, cores or 1)
    url, key, ask = _start_vault(stack, tmp / "vault-pool", groq_url, real=True, workers=workers)
    client = stack.enter_context(httpx.Client(base_url=url, timeout=600))
    _through_vault(client, key, batch_file(_POOL_WARM_LINES), ask)  # starts the workers
    pooled, _ = _through_vault(client, key, content, ask)
    megabytes = len(content) / 1e6
    lines = content.count(b"\n")
    label = f"{lines:,}-line batch file upload ({megabytes:.1f} MB), real detector"
    return [
        Row("batches", label, megabytes / seconds, megabytes / plain, "MB/s",
            higher_is_better=True),
        Row("batches", f"{label}: vault CPU", cpu_seconds / megabytes, None, "CPU s/MB"),
        Row("batches", f"{label}, {workers} dataset workers", megabytes / pooled,
            megabytes / seconds, "MB/s", "baseline: the same upload in the vault's process",
            higher_is_better=True),
    ]  # fmt: skip


def _peak_after_upload(data_dir: Path, groq_url: str, content: bytes) -> float:
    """The peak RSS (MB) of a fresh lean vault process once it has uploaded `content`, after
    a small upload that warms its paths up; the process is stopped before this returns."""
    with ExitStack() as stack:
        url, key, ask = _start_vault(stack, data_dir, groq_url)
        client = stack.enter_context(httpx.Client(base_url=url, timeout=600))
        _upload_seconds(client, key, batch_file(20))
        _upload_seconds(client, key, content)
        return ask("peak")


def _peak_row(tmp: Path, groq_url: str, lines: int) -> Row:
    """The vault's peak RSS through an upload of `_PEAK_GROWTH` times `lines` lines, beside
    its peak through one of `lines` lines."""
    small, large = batch_file(lines), batch_file(lines * _PEAK_GROWTH)
    small_peak = _peak_after_upload(tmp / "vault-peak-small", groq_url, small)
    large_peak = _peak_after_upload(tmp / "vault-peak-large", groq_url, large)
    grown = (len(large) - len(small)) / 1e6
    label = (
        f"peak RSS of the vault process, {lines * _PEAK_GROWTH:,}-line upload "
        f"({len(large) / 1e6:.1f} MB) vs {lines:,} lines: {large_peak - small_peak:+.1f} MB "
        f"for {grown:+.1f} MB of file"
    )
    goal = f"flat in the file size (peak grows < 10% for {_PEAK_GROWTH}x the file)"
    return Row("batches", label, large_peak, small_peak, "MB", goal)


def run() -> list[Row]:
    lines = int(os.environ.get("VAULT_BENCH_BATCH_LINES", _LINES))
    rows = int(os.environ.get("VAULT_BENCH_INFER_ROWS", _LINES))
    content = batch_file(lines)
    fake = create_fake_groq_app(api_key=GROQ_KEY)
    with ExitStack() as stack:
        groq_url = stack.enter_context(serve_in_thread(fake))
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="vault-bench-")))
        vault_url, key, ask = _start_vault(stack, tmp / "vault", groq_url)
        direct = stack.enter_context(httpx.Client(base_url=groq_url, timeout=600))
        vault = stack.enter_context(httpx.Client(base_url=vault_url, timeout=600))
        # Alternate the two uploads so a noisy moment hurts both; keep each one's best.
        plain, through = [], []
        for _ in range(3):
            plain.append(_upload_seconds(direct, GROQ_KEY, content))
            through.append(_through_vault(vault, key, content, ask))
        megabytes = len(content) / 1e6
        label = f"{lines:,}-line batch file upload ({megabytes:.1f} MB)"
        result = [
            Row("batches", label, megabytes / min(t for t, _ in through),
                megabytes / min(plain), "MB/s", ">= 5 MB/s", higher_is_better=True),
            Row("batches", f"{label}: vault CPU", min(c for _, c in through) / megabytes, None,
                "CPU s/MB"),
        ]  # fmt: skip
        real_lines = int(os.environ.get("VAULT_BENCH_BATCH_REAL_LINES", _REAL_LINES))
        if real_lines:
            result += _real_detector_rows(stack, tmp, groq_url, direct, batch_file(real_lines))
        peak_lines = int(os.environ.get("VAULT_BENCH_BATCH_PEAK_LINES", _PEAK_LINES))
        if peak_lines:
            result.append(_peak_row(tmp, groq_url, peak_lines))
            fake.state.received.clear()
        proxy_rate = _chat_throughput(vault, key, min(rows, 2_000))
        infer_rate = _infer_throughput(vault, key, rows)
        result.append(
            Row("batches", f"{rows:,}-row dataset inferred online", infer_rate, proxy_rate,
                "rows/s", ">= 0.8x the proxy's unique prompts", higher_is_better=True)
        )  # fmt: skip
        fake.state.received.clear()  # the fake kept every body: let it go before the next section
    return result
