"""A real `vault serve` in a process of its own, for tests that kill and restart it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

__all__ = ["free_port", "start_vault_serve"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_vault_serve(
    tmp_path: Path, values: dict[str, str], *, port: int, name: str
) -> subprocess.Popen[bytes]:
    """`vault serve` on `port` with `values` as its only VAULT_ settings, logging to
    `<name>.log` in `tmp_path`; returned once `/healthz` answers (the test fails if it exits)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")} | values
    log = tmp_path / f"{name}.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "vault.cli", "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(3000):
        if server.poll() is not None:
            pytest.fail(f"vault serve exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    pytest.fail("vault serve did not start")
