"""Proxy cost in instructions: a served vault under valgrind's callgrind, beside a bare proxy.

Wall-clock figures on a shared machine move by a millisecond from one run to the next; the
number of instructions a request executes does not. This section serves the vault (regex
detector, as in the proxy section's own-cost rows) with its answer guard on and off and, as the
baseline, a pass-through app on the same stack (FastAPI, one worker-thread hop, the same pooled
HTTP client to the upstream) that does none of the vault's work. Each runs under callgrind; counters are zeroed after a
warm-up, then `_REQUESTS` requests are counted. Needs `valgrind` on PATH; not part of the
default `make bench` (it takes a few minutes): `python -m vault.bench instructions`. With
`VAULT_BENCH_CALLGRIND_DIR` set, each counted profile is kept there for `callgrind_annotate`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from itertools import count
from pathlib import Path
from typing import Any

import httpx

from vault.bench import Row
from vault.bench.proxy import GROQ_KEY, bare_proxy, build_bench_vault, chat, prompt
from vault.fakegroq import create_fake_groq_app, serve_in_thread

__all__ = ["run"]

_WARMUP, _REQUESTS = 30, 200
_KEY_FILE = "key"

# Run under valgrind: `serve(kind, upstream, port, work)` from this module.
_SERVER = "import sys; from vault.bench.instructions import serve; serve(*sys.argv[1:])"


def serve(kind: str, upstream: str, port: str, work: str) -> None:
    """Serve the vault with its answer guard ("vault"), without it ("vault-restore": policy
    `answers: restore`), or the bare proxy ("bare") until killed; the key goes to a file in
    `work` for the driving process."""
    import uvicorn

    from vault.api import create_app

    if kind in ("vault", "vault-restore"):
        vault, key = build_bench_vault(
            Path(work), upstream, regex_detector=True, answer_guard=kind == "vault"
        )
        app: Any = create_app(vault=vault)
    else:
        key, app = GROQ_KEY, bare_proxy(upstream)
    (Path(work) / _KEY_FILE).write_text(key)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _instructions_per_request(kind: str, upstream: str, work: Path) -> float:
    port = _free_port()
    out = work / "callgrind.out"
    server = subprocess.Popen(
        [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p",
            sys.executable, "-c", _SERVER, kind, upstream, str(port), str(work),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=url, timeout=600) as client:
            deadline = time.monotonic() + 600
            while True:  # valgrind makes start-up slow
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the {kind} server under valgrind did not start")
                time.sleep(1)
            key = (work / _KEY_FILE).read_text()
            serials = count(1)
            for _ in range(_WARMUP):
                chat(client, key, [{"role": "user", "content": prompt(next(serials), 1024)}])
            _callgrind_control("-z", server.pid)
            for _ in range(_REQUESTS):
                chat(client, key, [{"role": "user", "content": prompt(next(serials), 1024)}])
            _callgrind_control("-d", server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
    dump = next(work.glob(f"callgrind.out.{server.pid}.*"))  # the one -d wrote
    totals = re.search(r"^(?:summary|totals): (\d+)", dump.read_text(), re.MULTILINE)
    if totals is None:
        raise RuntimeError("callgrind wrote no totals")
    keep = os.environ.get("VAULT_BENCH_CALLGRIND_DIR")
    if keep:  # for callgrind_annotate
        shutil.copy(dump, Path(keep) / f"callgrind.{kind}.out")
    return int(totals.group(1)) / _REQUESTS


def _callgrind_control(option: str, pid: int) -> None:
    subprocess.run(["callgrind_control", option, str(pid)], check=True, capture_output=True)


def run() -> list[Row]:
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("bench: instructions needs valgrind; skipped", file=sys.stderr)
        return []
    with ExitStack() as stack:
        upstream = stack.enter_context(serve_in_thread(create_fake_groq_app(api_key=GROQ_KEY)))
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="vault-bench-")))
        counted = {}
        for kind in ("vault", "vault-restore", "bare"):
            (work / kind).mkdir()
            counted[kind] = _instructions_per_request(kind, upstream, work / kind)
    vault, restore, bare = counted["vault"], counted["vault-restore"], counted["bare"]
    return [
        Row("instructions", "1 KB chat request, answer guard off (answers: restore)",
            restore / 1e6, bare / 1e6, "M instr",
            "<= 4.48; baseline: a bare pass-through proxy on the same stack"),
        Row("instructions", "1 KB chat request, answer guard on (answers: scan)", vault / 1e6,
            restore / 1e6, "M instr", "baseline: the guard off"),
        Row("instructions", "what the answer guard adds per request", (vault - restore) / 1e6,
            None, "M instr", "detection of the answer (regex detector), its spans tokenized"),
        Row("instructions", "the vault's own work per request, guard off", (restore - bare) / 1e6,
            None, "M instr", "auth, policy, tokens, outbound guard, audit, restore"),
    ]  # fmt: skip
