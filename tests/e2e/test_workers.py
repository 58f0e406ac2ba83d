"""`vault serve --workers 2` as a user runs it: two worker processes on one PostgreSQL schema and
one Redis, start-up tasks run once, and one API key's 60 requests a minute shared between them;
and two replicas (two `vault serve`) whose outbound guards know what the other one saw."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
import redis
from sqlalchemy import text

from tests.adapters.test_redis_state import redis_url  # noqa: F401 - a fixture
from tests.conftest import _fresh_postgres_engine
from vault.adapters.database import create_db_engine
from vault.fakegroq import create_fake_groq_app, serve_in_thread
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import build_vault

GROQ_KEY = "gsk_workers_test"
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")}
    return env | values


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    engine, schema = _fresh_postgres_engine(postgres_url)
    url = str(engine.url.render_as_string(hide_password=False))
    engine.dispose()
    yield url
    admin = create_db_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _wait_ready(url: str, server: subprocess.Popen[bytes], log: Path, *, workers: int = 2) -> None:
    """Until /readyz answers 200 (every worker has loaded its detector by then, as the log's
    'Application startup complete' lines show)."""
    for _ in range(3000):
        if server.poll() is not None:
            pytest.fail(f"vault serve exited {server.returncode}: {log.read_text()[-2000:]}")
        started = log.read_text().count("Application startup complete")
        try:
            if started >= workers and httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    pytest.fail(f"vault serve --workers {workers} did not become ready")


def _serve(
    stack: ExitStack, tmp_path: Path, values: dict[str, str], *, workers: int, name: str
) -> str:
    """`vault serve` started with `values` as its environment, ready; its URL. Stopped with
    the stack."""
    port = _free_port()
    log = tmp_path / f"{name}.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "vault.cli", "serve"),
                *("--workers", str(workers), "--port", str(port)),
            ],
            env=_environment(**values),
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    stack.callback(server.wait, 60)
    stack.callback(server.terminate)
    url = f"http://127.0.0.1:{port}"
    _wait_ready(url, server, log, workers=workers)
    return url


def test_two_workers_share_the_database_the_limits_and_the_cache(
    tmp_path: Path,
    postgres_schema_url: str,
    redis_url: str,  # noqa: F811 - the fixture
) -> None:
    prefix = f"test:{uuid.uuid4().hex[:12]}:"
    with ExitStack() as stack:
        groq_url = stack.enter_context(serve_in_thread(create_fake_groq_app(api_key=GROQ_KEY)))
        values = {
            "VAULT_DATA_DIR": str(tmp_path / "data"),
            "VAULT_DATABASE_URL": postgres_schema_url,
            "VAULT_REDIS_URL": redis_url,
            "VAULT_REDIS_PREFIX": prefix,
            "VAULT_RATE_LIMIT_RPM": "60",
            "VAULT_UPSTREAM_URL": f"{groq_url}/openai/v1",
            "GROQ_API_KEY": GROQ_KEY,
        }
        url = _serve(stack, tmp_path, values, workers=2, name="serve")
        log = (tmp_path / "serve.log").read_text()
        workers = set(re.findall(r"Started server process \[(\d+)\]", log))
        assert len(workers) == 2, log[-2000:]

        settings = Settings(  # type: ignore[call-arg]
            data_dir=tmp_path / "data", database_url=postgres_schema_url, _env_file=None
        )
        vault = build_vault(settings)
        stack.callback(vault.close)
        _, key = create_api_key(vault.api_keys, tenant="acme", roles=["analyst"])
        # Start-up tasks ran once, in the parent, not once per worker.
        actions = [r.event.action for r in vault.audit.records("_system")]
        assert actions.count("policy.load") == 1, actions

        def ask(serial: int) -> int:
            body = {
                "model": "llama-3.1-8b-instant",
                "messages": [
                    {
                        "role": "user",
                        "content": f"Ticket {serial}: call Jane Doe on +44 20 7946 0958",
                    }
                ],
            }
            # A connection each, so the kernel hands requests to either worker.
            with httpx.Client(base_url=url, timeout=120) as client:
                answer = client.post(
                    "/openai/v1/chat/completions",
                    json=body,
                    headers={"authorization": f"Bearer {key}"},
                )
            return answer.status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(ask, range(75)))
        assert statuses.count(200) == 60, statuses
        assert statuses.count(429) == 15, statuses

        # The detection cache is the shared one: entries under the prefix, none holding text.
        client = redis.Redis.from_url(redis_url)
        stack.callback(client.close)
        cached = list(client.scan_iter(match=f"{prefix}spans:*"))
        assert cached
        assert all(b"Jane" not in k and b"Jane" not in (client.get(k) or b"") for k in cached)
        for key_name in client.scan_iter(match=f"{prefix}*"):
            assert client.ttl(key_name) > 0


def _ask(url: str, key: str, content: str) -> httpx.Response:
    body = {"model": "llama-3.1-8b-instant", "messages": [{"role": "user", "content": content}]}
    with httpx.Client(base_url=url, timeout=120) as client:
        return client.post(
            "/openai/v1/chat/completions", json=body, headers={"authorization": f"Bearer {key}"}
        )


def test_two_replicas_share_the_guards_known_values(
    tmp_path: Path,
    postgres_schema_url: str,
    redis_url: str,  # noqa: F811 - the fixture
) -> None:
    """A name the detector finds in one prompt sent to replica A, and misses written in lower
    case in the next sent to replica B: B's guard knows it from A (through Redis) and refuses
    the request as A itself would, where a replica that knew nothing would have sent it."""
    prefix = f"test:{uuid.uuid4().hex[:12]}:"
    with ExitStack() as stack:
        groq = create_fake_groq_app(api_key=GROQ_KEY)
        groq_url = stack.enter_context(serve_in_thread(groq))
        values = {
            "VAULT_DATA_DIR": str(tmp_path / "data"),
            "VAULT_DATABASE_URL": postgres_schema_url,
            "VAULT_REDIS_URL": redis_url,
            "VAULT_REDIS_PREFIX": prefix,
            "VAULT_UPSTREAM_URL": f"{groq_url}/openai/v1",
            "GROQ_API_KEY": GROQ_KEY,
        }
        # One after the other: the first creates the local KMS key both use.
        a = _serve(stack, tmp_path, values, workers=1, name="a")
        b = _serve(stack, tmp_path, values, workers=1, name="b")
        settings = Settings(  # type: ignore[call-arg]
            data_dir=tmp_path / "data", database_url=postgres_schema_url, _env_file=None
        )
        vault = build_vault(settings)
        stack.callback(vault.close)
        _, acme = create_api_key(vault.api_keys, tenant="acme", roles=["analyst"])
        _, globex = create_api_key(vault.api_keys, tenant="globex", roles=["analyst"])

        seen = _ask(a, acme, "Ticket 7: please call Grace Park on +44 20 7946 0958 today")
        assert seen.status_code == 200, seen.text
        assert b"Grace Park" not in groq.state.received[-1].body
        sent = len(groq.state.received)

        later = "meet at grace park at noon"  # the detector finds no name here
        refused = _ask(b, acme, later)
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["code"] == "pii_blocked"
        assert "grace" not in refused.text.lower()
        assert _ask(a, acme, later).status_code == 422  # as A answers it
        assert len(groq.state.received) == sent  # nothing left for the upstream
        # Another tenant never sent the name: its request goes, as it is.
        assert _ask(b, globex, later).status_code == 200
        assert b"grace park" in groq.state.received[-1].body

        # Redis holds digests of it, never the name.
        client = redis.Redis.from_url(redis_url)
        stack.callback(client.close)
        members = client.zrange(f"{prefix}known:acme", 0, -1)
        assert members
        assert all(b"grace" not in m.lower() for m in members)


def test_workers_above_one_on_sqlite_are_refused_naming_the_setting(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vault.cli", "serve", "--workers", "2"],
        env=_environment(VAULT_DATA_DIR=str(tmp_path / "data")),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2
    assert "VAULT_DATABASE_URL" in result.stderr and "--workers" in result.stderr


def test_replicas_starting_together_migrate_one_at_a_time(postgres_schema_url: str) -> None:
    """Pods of a Deployment start at once, each migrating the same fresh schema on start."""
    from vault.adapters.database import migrate

    engines = [create_db_engine(postgres_schema_url) for _ in range(3)]
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(migrate, engines))  # none fails on a table another has just made
        with engines[0].connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert len(versions) == 1
    finally:
        for engine in engines:
            engine.dispose()


def _established_sockets(pid: int, port: int) -> int:
    """How many connections to `port` process `pid` holds open (from /proc)."""
    inodes = set()
    for fd in (Path("/proc") / str(pid) / "fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    held = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            local_port, state, inode = int(fields[1].rsplit(":", 1)[1], 16), fields[3], fields[9]
            held += local_port == port and state == "01" and inode in inodes  # 01: ESTABLISHED
    return held


def test_connections_opened_at_once_are_spread_over_the_workers(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    with ExitStack() as stack:
        values = {
            "VAULT_DATA_DIR": str(tmp_path / "data"),
            "VAULT_DATABASE_URL": postgres_schema_url,
            "VAULT_UPSTREAM_URL": "http://127.0.0.1:9/openai/v1",
        }
        url = _serve(stack, tmp_path, values, workers=2, name="spread")
        log = (tmp_path / "spread.log").read_text()
        workers = [int(pid) for pid in re.findall(r"Started server process \[(\d+)\]", log)]
        port = int(url.rsplit(":", 1)[1])
        # A client's pool of 16 connections, opened in one burst (the kernel completes each
        # before any worker accepts it) and kept open.
        pool = [
            stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(16)
        ]
        for connection in pool:
            connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: vault\r\n\r\n")
        for connection in pool:
            connection.settimeout(30)
            assert connection.recv(4096).startswith(b"HTTP/1.1 200")
        held = [_established_sockets(pid, port) for pid in workers]
        assert sum(held) == 16, held
        assert min(held) >= 2, held  # all 16 went to one worker when they shared one socket


def test_a_port_another_server_holds_is_a_one_line_error(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "vault.cli", "serve", "--workers", "2", "--port", str(port)],
            env=_environment(
                VAULT_DATA_DIR=str(tmp_path / "data"), VAULT_DATABASE_URL=postgres_schema_url
            ),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode == 1, done.stderr[-2000:]
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
