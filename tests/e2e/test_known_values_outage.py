"""Redis away under a vault that shares the guard's known values: a chat request and an erasure
are refused with a 503 naming Redis, and the erasure destroys nothing until every worker's guard
can be told to forget the value too."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.fakes import RegexDetector
from vault.api import create_app
from vault.fakegroq import serve_in_thread
from vault.services.apikeys import create_api_key
from vault.services.data_subject import find_value
from vault.settings import Settings
from vault.wiring import Vault, build_vault


def _nothing_listens() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "vault",
        redis_url=_nothing_listens(),
        rate_limit_rpm=0,  # the limiter would refuse first; the guard's memory is what is tried
        _env_file=None,
    )
    vault = build_vault(settings, detector_override=RegexDetector())
    yield vault
    vault.close()


def test_redis_away_refuses_chat_and_erasure_and_erases_nothing(vault: Vault) -> None:
    _, key = create_api_key(vault.api_keys, tenant="acme", roles=["admin", "analyst"])
    vault.anonymizer.anonymize("acme", "write to lena@example.com")
    assert (
        len(find_value(vault.tokens, vault.tenant_keys, tenant="acme", value="lena@example.com"))
        == 1
    )
    headers = {"authorization": f"Bearer {key}"}
    with serve_in_thread(create_app(vault=vault)) as url, httpx.Client(base_url=url) as client:
        chat = client.post(
            "/openai/v1/chat/completions",
            headers=headers,
            json={
                "model": "llama-3.1-8b-instant",
                "messages": [{"role": "user", "content": "write to lena@example.com"}],
            },
        )
        assert chat.status_code == 503, chat.text
        assert chat.json()["error"]["code"] == "redis_unavailable"
        erase = client.post("/v1/dsr/erase", headers=headers, json={"value": "lena@example.com"})
        assert erase.status_code == 503, erase.text
        assert erase.json()["error"]["code"] == "redis_unavailable"
        assert "lena" not in erase.text
    # The refused erasure is audited once, with its outcome and no trace of the value.
    erasures = [r.event for r in vault.audit.records("acme") if r.event.action == "dsr.erase"]
    assert [(e.outcome, e.details) for e in erasures] == [
        ("error", {"error": "redis_unavailable", "status": 503})
    ]
    assert "lena" not in repr(erasures)
    # Nothing was erased: the request may be sent again once Redis is back.
    assert (
        len(find_value(vault.tokens, vault.tenant_keys, tenant="acme", value="lena@example.com"))
        == 1
    )
