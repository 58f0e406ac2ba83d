"""A real `vault serve` killed (SIGKILL) while its webhook deliveries are still failing: the
restarted server delivers every one of them, signed, once the receiver is back."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from tests.serve import free_port, start_vault_serve
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import build_vault


def _serve(tmp_path: Path, port: int, name: str) -> subprocess.Popen[bytes]:
    values = {
        "VAULT_DATA_DIR": str(tmp_path / "data"),
        "VAULT_WEBHOOK_ALLOW_PRIVATE": "true",
        "VAULT_WEBHOOK_TIMEOUT_SECONDS": "2",
        "VAULT_WEBHOOK_POLL_SECONDS": "0.2",
    }
    return start_vault_serve(tmp_path, values, port=port, name=name)


@pytest.fixture
def receiver_port() -> int:
    return free_port()


class _Receiver:
    def __init__(self, port: int) -> None:
        self.bodies: list[tuple[dict[str, str], bytes]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                owner.bodies.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as stack:
        yield stack


def test_a_killed_server_loses_no_webhook(
    tmp_path: Path, receiver_port: int, stack: ExitStack
) -> None:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    setup = build_vault(settings)
    _, admin = create_api_key(setup.api_keys, tenant="acme", roles=["admin"])
    setup.close()

    port = free_port()
    first = _serve(tmp_path, port, "first")
    stack.callback(lambda: first.poll() is None and first.kill())
    url = f"http://127.0.0.1:{port}"
    headers = {"authorization": f"Bearer {admin}"}
    made = httpx.post(
        f"{url}/v1/webhooks",
        json={"url": f"http://127.0.0.1:{receiver_port}/hook", "event_types": ["apikey.created"]},
        headers=headers,
        timeout=30,
    )
    assert made.status_code == 201, made.text
    secret = made.json()["secret"]
    for _ in range(5):  # the receiver is down: every attempt fails and is rescheduled
        answer = httpx.post(
            f"{url}/v1/apikeys", json={"roles": ["admin"]}, headers=headers, timeout=30
        )
        assert answer.status_code == 201
    first.send_signal(signal.SIGKILL)
    first.wait(30)

    receiver = _Receiver(receiver_port)
    stack.callback(receiver.close)
    second = _serve(tmp_path, port, "second")
    stack.callback(lambda: second.poll() is None and (second.terminate(), second.wait(30)))
    for _ in range(1200):  # retries are due within about 15 s of the first attempts
        if len({h["webhook-id"] for h, _ in receiver.bodies}) >= 5:
            break
        time.sleep(0.1)
    ids = {h["webhook-id"] for h, _ in receiver.bodies}
    assert len(ids) == 5, (tmp_path / "second.log").read_text()[-2000:]
    for got_headers, body in receiver.bodies:
        assert Webhook(secret).verify(body, got_headers)["type"] == "apikey.created"
