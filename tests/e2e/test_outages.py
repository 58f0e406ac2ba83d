"""The metadata database and Redis going away under a stream of requests: every request meanwhile
is refused with a 503 (no other 5xx, no success without its audit record, no PII in any answer),
and the same server answers 200 again once they are back, without a restart."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import redis
from sqlalchemy import text

from tests.conftest import _fresh_postgres_engine
from tests.e2e.conftest import GROQ_KEY, Upstream
from tests.fakes import RegexDetector
from vault.adapters.database import create_db_engine, migrate
from vault.api import create_app
from vault.fakegroq import serve_in_thread
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import build_vault

pytestmark = pytest.mark.postgres

TENANT = "acme"
NAME, PHONE, MAIL = "Jane Doe", "+44 20 7946 0958", "jane.doe@example.com"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Answers:
    """What a stream of requests got back, by phase ("before", "outage", "after")."""

    phase: str = "before"
    statuses: dict[str, list[int]] = field(default_factory=dict)
    bodies: list[tuple[int, bytes]] = field(default_factory=list)
    replicas: set[int] = field(default_factory=set)  # those that answered 200 "after"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, phase: str, status: int, body: bytes) -> None:
        with self.lock:
            self.statuses.setdefault(phase, []).append(status)
            self.bodies.append((status, body))


def _stream(urls: str, key: str, answers: Answers, stop: threading.Event, worker: int) -> None:
    """Chat completions and scans, one after another, each on a fresh connection (so they reach
    any worker), taking the comma-separated `urls` in turn, until `stop`; every answer is filed
    under the phase it was sent and answered in."""
    targets = urls.split(",")
    serial = 0
    while not stop.is_set():
        serial += 1
        replica = (serial + worker) % len(targets)
        phase = answers.phase
        content = f"Ticket {worker}-{serial}: call {NAME} on {PHONE} or {MAIL}"
        if serial % 2:
            path = "/openai/v1/chat/completions"
            body: dict[str, object] = {
                "model": "llama-3.1-8b-instant",
                "messages": [{"role": "user", "content": content}],
            }
        else:
            path, body = "/v1/scan", {"text": content}
        try:
            with httpx.Client(base_url=targets[replica], timeout=60) as client:
                answer = client.post(path, json=body, headers={"authorization": f"Bearer {key}"})
        except httpx.HTTPError as exc:  # a dropped connection is neither a 503 nor a success
            answers.add(phase, -1, type(exc).__name__.encode())
            continue
        if answers.phase != phase:  # sent in one phase, answered in another
            phase = "gap"
        answers.add(phase, answer.status_code, answer.content)
        if answer.status_code == 200 and phase == "after":
            answers.replicas.add(replica)
        if phase == "outage":
            time.sleep(0.02)  # refusals are quick; do not flood the log


def _run_outage(
    url: str, key: str, *, streams: int, go_away: Callable[[], None], come_back: Callable[[], None]
) -> Answers:
    """A stream of requests through: a healthy spell, `go_away`, an outage spell, `come_back`,
    then until every stream has had a 200 again (the recovery, without a restart)."""
    answers, stop = Answers(), threading.Event()
    with ThreadPoolExecutor(max_workers=streams) as pool:
        futures = [pool.submit(_stream, url, key, answers, stop, n) for n in range(streams)]
        try:
            _until(lambda: len(answers.statuses.get("before", [])) >= 10, "healthy answers")
            answers.phase = "gap"  # requests in flight as it goes: either outcome is fair
            go_away()
            time.sleep(1.0)
            answers.phase = "outage"
            _until(lambda: len(answers.statuses.get("outage", [])) >= 20, "outage answers")
            answers.phase = "gap"
            come_back()
            answers.phase = "after"
            _until(lambda: answers.statuses.get("after", []).count(200) >= 10, "recovery")
        finally:
            stop.set()
            for future in futures:
                future.result()
    return answers


def _until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(1200):
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"no {what} within the wait")


def _assert_closed_and_recovered(answers: Answers) -> None:
    assert set(answers.statuses["before"]) == {200}, answers.statuses["before"]
    assert set(answers.statuses["outage"]) == {503}, answers.statuses["outage"]
    for status in answers.statuses.get("gap", []):
        assert status in (200, 503), answers.statuses["gap"]
    assert all(s == 200 for s in answers.statuses["after"][-5:]), answers.statuses["after"]
    for status, body in answers.bodies:
        # The fast detector finds the phone and the mail, not the name: a 200 holds their tokens
        # (the key may not re-identify); a refusal holds no part of the prompt at all.
        values = (PHONE, MAIL, "7946", "jane.doe") if status == 200 else (NAME, PHONE, MAIL, "Jane")
        for value in values:
            assert value.encode() not in body, body[:300]


@pytest.fixture
def outage_database(postgres_url: str) -> Iterator[tuple[str, Callable[[bool], None]]]:
    """A database of its own on the test PostgreSQL, and a switch that closes it to new
    connections and ends every session on it (False) or opens it again (True)."""
    name = f"outage_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(postgres_url)
    autocommit = admin.execution_options(isolation_level="AUTOCOMMIT")
    with autocommit.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = str(admin.url.set(database=name).render_as_string(hide_password=False))

    def switch(open_: bool) -> None:
        with autocommit.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {open_!s}'))
            if not open_:
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                )

    try:
        yield url, switch
    finally:
        switch(True)
        with autocommit.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_database_going_away_mid_load_is_refused_with_503_and_recovers(
    tmp_path: Path,
    upstream: Upstream,
    outage_database: tuple[str, Callable[[bool], None]],
) -> None:
    database_url, switch = outage_database
    engine = create_db_engine(database_url)
    migrate(engine)
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        database_url=database_url,
        groq_base_url=upstream.url,
        groq_api_key=GROQ_KEY,
        rate_limit_rpm=0,
        _env_file=None,
    )
    with ExitStack() as stack:
        stack.callback(engine.dispose)
        vault = build_vault(settings, detector_override=RegexDetector(), engine=engine)
        stack.callback(vault.close)
        _, key = create_api_key(vault.api_keys, tenant=TENANT, roles=["analyst"])
        url = stack.enter_context(serve_in_thread(create_app(vault=vault)))

        answers = _run_outage(
            url, key, streams=4, go_away=lambda: switch(False), come_back=lambda: switch(True)
        )
        _assert_closed_and_recovered(answers)

        # Every success has its record: the proxy's and the scans' records cover the 200s.
        vault.audit_backlog.flush()
        records = [r.event for r in vault.audit.records(TENANT)]
        proxied = sum(1 for e in records if e.action == "proxy.request" and e.outcome == "ok")
        scanned = sum(1 for e in records if e.action == "scan")
        successes = sum(s.count(200) for s in answers.statuses.values())
        assert proxied + scanned >= successes, (proxied, scanned, successes)
        for event in records:
            assert NAME not in repr(event) and PHONE not in repr(event)


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[tuple[str, Callable[[bool], None]]]:
    """A redis-server of our own on a free port, and a switch that kills it (False) or starts
    it again on the same port (True)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server on PATH")
    port = _free_port()
    process: list[subprocess.Popen[bytes]] = []

    def switch(up: bool) -> None:
        if not up:
            process[-1].kill()
            process[-1].wait(30)
            return
        args = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
        args += ["--appendonly", "no", "--dir", str(tmp_path)]
        process.append(subprocess.Popen(args, stdout=subprocess.DEVNULL))
        client = redis.Redis(port=port, socket_connect_timeout=1)
        try:
            _until(lambda: _pings(client), "Redis answer")
        finally:
            client.close()

    switch(True)
    try:
        yield f"redis://127.0.0.1:{port}/0", switch
    finally:
        if process[-1].poll() is None:
            process[-1].kill()
            process[-1].wait(30)


def _pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False


def test_redis_going_away_mid_load_over_two_replicas_is_refused_with_503_and_recovers(
    tmp_path: Path,
    upstream: Upstream,
    postgres_url: str,
    private_redis: tuple[str, Callable[[bool], None]],
) -> None:
    """Two vaults (replicas) sharing one PostgreSQL schema and a Redis of their own; the
    stream alternates between them while that Redis is killed and started again."""
    redis_url, switch = private_redis
    engine, schema = _fresh_postgres_engine(postgres_url)
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        database_url=str(engine.url.render_as_string(hide_password=False)),
        groq_base_url=upstream.url,
        groq_api_key=GROQ_KEY,
        redis_url=redis_url,
        redis_prefix=f"outage:{uuid.uuid4().hex[:8]}:",
        rate_limit_rpm=100_000,  # on, so every request asks the shared limiter
        _env_file=None,
    )
    with ExitStack() as stack:
        stack.callback(_drop_schema, postgres_url, schema)
        stack.callback(engine.dispose)
        urls = []
        for _ in range(2):
            vault = build_vault(settings, detector_override=RegexDetector(), engine=engine)
            stack.callback(vault.close)
            urls.append(stack.enter_context(serve_in_thread(create_app(vault=vault))))
        _, key = create_api_key(vault.api_keys, tenant=TENANT, roles=["analyst"])

        answers = _run_outage(
            ",".join(urls),
            key,
            streams=4,
            go_away=lambda: switch(False),
            come_back=lambda: switch(True),
        )
        _assert_closed_and_recovered(answers)
        assert {0, 1} <= answers.replicas, answers.replicas


def _drop_schema(postgres_url: str, schema: str) -> None:
    admin = create_db_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
