"""Signed webhooks end to end: subscriptions over the API, events queued with their audit records,
deliveries POSTed over real HTTP to a loopback receiver and verified with `standardwebhooks`,
retries, timeouts, dead letters, redelivery, and a restart that loses nothing."""

from __future__ import annotations

import dataclasses
import json
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from standardwebhooks import Webhook

from tests.e2e.apps import App, build_app
from vault.services.webhooks import DeliveryWorker
from vault.settings import Settings

SECRET_NAME = "Jane Placeholder-Doe"


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Receiver:
    """A webhook receiver on loopback: records every POST; answers `status`, or hangs."""

    url: str = ""
    received: list[Received] = field(default_factory=list)
    status: list[int] = field(default_factory=list)  # answers to give, in order; then 200
    hang: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 60.0) -> list[Received]:
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.received) >= count, timeout=timeout)
        return list(self.received)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            if state.hang.is_set():
                state.release.wait(30)
                return
            with state.arrived:
                state.received.append(
                    Received({k.lower(): v for k, v in self.headers.items()}, body, time.time())
                )
                state.arrived.notify_all()
            code = state.status.pop(0) if state.status else 200
            self.send_response(code)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks?src=vault"
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()


def _settings(data_dir: Path, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "webhook_allow_private": True,
        "webhook_timeout_seconds": 1.0,
        "webhook_poll_seconds": 0.2,
    }
    values.update(extra)
    return Settings(**values, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def app(tmp_path: Path, db_url: str) -> Iterator[App]:
    """On SQLite, then on PostgreSQL (where workers claim with SKIP LOCKED)."""
    built = build_app(_settings(tmp_path / "vault"), db_url=db_url)
    yield built
    built.vault.close()


def _subscribe(app: App, url: str, *types: str) -> dict[str, Any]:
    answer = app.client.post(
        "/v1/webhooks",
        json={"url": url, "event_types": list(types)},
        headers=app.headers("acme", "admin"),
    )
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def _verified(secret: str, got: Received) -> dict[str, Any]:
    payload = Webhook(secret).verify(got.body, got.headers)
    assert isinstance(payload, dict)
    return payload


def test_subscribe_list_get_delete_are_audited_and_the_secret_is_shown_once(
    app: App, receiver: Receiver
) -> None:
    made = _subscribe(app, receiver.url, "apikey.created", "dsr.erased")
    assert made["id"].startswith("wh_") and made["secret"].startswith("whsec_")
    assert made["event_types"] == ["apikey.created", "dsr.erased"]
    admin = app.headers("acme", "admin")
    listed = app.client.get("/v1/webhooks", headers=admin).json()["data"]
    assert [w["id"] for w in listed] == [made["id"]]
    assert "secret" not in listed[0]
    one = app.client.get(f"/v1/webhooks/{made['id']}", headers=admin).json()
    assert one["url"] == receiver.url and "secret" not in one
    # Another tenant's admin sees nothing of it.
    other = app.headers("globex", "admin")
    assert app.client.get(f"/v1/webhooks/{made['id']}", headers=other).status_code == 404
    assert app.client.get("/v1/webhooks", headers=other).json()["data"] == []
    gone = app.client.delete(f"/v1/webhooks/{made['id']}", headers=admin)
    assert gone.status_code == 200 and gone.json()["deleted"] is True
    assert app.client.get(f"/v1/webhooks/{made['id']}", headers=admin).status_code == 404
    actions = [(r.event.action, r.event.object) for r in app.vault.audit.records("acme")]
    assert ("webhook.create", made["id"]) in actions
    assert ("webhook.delete", made["id"]) in actions
    assert made["secret"] not in json.dumps(
        [r.event.as_dict() for r in app.vault.audit.records("acme")]
    )


def test_only_an_admin_manages_webhooks(app: App, receiver: Receiver) -> None:
    answer = app.client.post(
        "/v1/webhooks",
        json={"url": receiver.url, "event_types": ["apikey.created"]},
        headers=app.headers("acme", "analyst"),
    )
    assert answer.status_code == 403
    assert "admin" in answer.json()["error"]["message"]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.com/hook", "http"),
        ("file:///etc/passwd", "http"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fd00:ec2::254]/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://user:pw@127.0.0.1/", "credentials"),
        ("http://testserver/v1/audit", "itself"),
        ("http://127.0.0.1:notaport/", "port"),
    ],
)
def test_a_url_that_is_refused_is_a_400_naming_url_not_quoting_it(
    app: App, url: str, why: str
) -> None:
    answer = app.client.post(
        "/v1/webhooks",
        json={"url": url, "event_types": ["apikey.created"]},
        headers=app.headers("acme", "admin"),
    )
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["param"] == "url" if "param" in error else "url" in error["message"]
    assert why in error["message"]
    assert url not in answer.text


def test_private_addresses_need_the_setting(tmp_path: Path, receiver: Receiver) -> None:
    strict = build_app(_settings(tmp_path / "strict", webhook_allow_private=False))
    try:
        answer = strict.client.post(
            "/v1/webhooks",
            json={"url": receiver.url, "event_types": ["apikey.created"]},
            headers=strict.headers("acme", "admin"),
        )
        assert answer.status_code == 400
        assert "VAULT_WEBHOOK_ALLOW_PRIVATE" in answer.json()["error"]["message"]
    finally:
        strict.vault.close()


def test_unknown_event_types_are_refused(app: App, receiver: Receiver) -> None:
    answer = app.client.post(
        "/v1/webhooks",
        json={"url": receiver.url, "event_types": ["dataset.deleted"]},
        headers=app.headers("acme", "admin"),
    )
    assert answer.status_code == 400
    assert "event_types" in answer.text and "dataset.version.created" in answer.text


def test_events_are_delivered_signed_with_ids_and_counts_only(app: App, receiver: Receiver) -> None:
    made = _subscribe(
        app, receiver.url, "apikey.created", "apikey.revoked", "dataset.version.created"
    )
    app.vault.start_background()
    admin = app.headers("acme", "admin")
    key = app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin).json()
    app.client.delete(f"/v1/apikeys/{key['id']}", headers=admin)
    dataset = app.create_dataset(
        "people",
        ("people.csv", f"name,email\n{SECRET_NAME},jane@example.com\n".encode(), "text/csv"),
    )
    got = receiver.wait_for(3)
    assert len(got) == 3
    payloads = [_verified(made["secret"], r) for r in got]
    by_type = {p["type"]: p for p in payloads}
    assert by_type["apikey.created"]["data"]["object"] == key["id"]
    assert by_type["apikey.revoked"]["data"]["object"] == key["id"]
    created = by_type["dataset.version.created"]["data"]
    assert created["object"].startswith(dataset)
    assert isinstance(created["audit_seq"], int)
    for r in got:
        assert SECRET_NAME.encode() not in r.body and b"jane@example.com" not in r.body
        assert r.headers["webhook-id"].startswith("msg_")
    # The receiver has them; the worker records each outcome a moment after its answer.
    for _ in range(300):
        log = app.client.get(f"/v1/webhooks/{made['id']}/deliveries", headers=admin).json()["data"]
        audited = [
            r for r in app.vault.audit.records("acme") if r.event.action == "webhook.deliver"
        ]
        if {d["state"] for d in log} == {"delivered"} and len(audited) == 3:
            break
        threading.Event().wait(0.05)
    assert {d["state"] for d in log} == {"delivered"} and len(log) == 3
    delivered = [r for r in app.vault.audit.records("acme") if r.event.action == "webhook.deliver"]
    assert len(delivered) == 3


def test_delivery_latency_on_loopback(app: App, receiver: Receiver) -> None:
    """Measures the time from an event's audit record to its arrival (the goal: p50 < 1 s)."""
    _subscribe(app, receiver.url, "apikey.created")
    app.vault.start_background()
    admin = app.headers("acme", "admin")
    sent = []
    for n in range(10):
        sent.append(time.time())
        app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
        receiver.wait_for(n + 1)
    got = receiver.wait_for(10)
    latencies = sorted(r.at - s for r, s in zip(got, sent, strict=True))
    p50 = statistics.median(latencies)
    print(
        f"webhook delivery latency on loopback: p50 {p50 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    assert len(got) == 10


def _worker(app: App, clock: Any) -> DeliveryWorker:
    return DeliveryWorker(
        app.vault.webhook_parts,
        app.vault.audit,
        timeout=app.vault.settings.webhook_timeout_seconds,
        retry_window=timedelta(hours=24),
        clock=clock,
    )


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def test_failures_are_retried_with_backoff_then_dead_lettered(app: App, receiver: Receiver) -> None:
    made = _subscribe(app, receiver.url, "apikey.created")
    admin = app.headers("acme", "admin")
    app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
    clock = Clock()
    worker = _worker(app, clock)
    receiver.status = [500, 503]
    assert worker.run_once() == 1  # 500
    assert worker.run_once() == 0  # not due yet: backing off
    (entry,) = app.vault.webhooks.deliveries("acme", made["id"])
    assert entry.state == "pending" and entry.attempts == 1 and entry.last_status == 500
    first_wait = entry.next_attempt_at - clock.now
    assert timedelta(seconds=3) < first_wait < timedelta(seconds=7)
    clock.now = entry.next_attempt_at
    assert worker.run_once() == 1  # 503
    (entry,) = app.vault.webhooks.deliveries("acme", made["id"])
    assert entry.attempts == 2 and entry.next_attempt_at - clock.now > first_wait
    clock.now = entry.next_attempt_at
    assert worker.run_once() == 1  # 200
    (entry,) = app.vault.webhooks.deliveries("acme", made["id"])
    assert entry.state == "delivered" and entry.attempts == 3
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1  # same message id

    # A receiver that always fails is given up on a day after the event.
    receiver.status = [500] * 100
    app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
    for _ in range(60):
        pending = [
            d for d in app.vault.webhooks.deliveries("acme", made["id"]) if d.state == "pending"
        ]
        if not pending:
            break
        clock.now = max(clock.now, pending[0].next_attempt_at)
        worker.run_once()
    states = sorted(d.state for d in app.vault.webhooks.deliveries("acme", made["id"]))
    assert states == ["dead", "delivered"]
    dead = next(d for d in app.vault.webhooks.deliveries("acme", made["id"]) if d.state == "dead")
    assert dead.updated_at - dead.created_at <= timedelta(hours=24)
    assert dead.attempts > 5
    assert any(r.event.action == "webhook.dead_letter" for r in app.vault.audit.records("acme"))

    # Redeliver: the same message id again, delivered now that the receiver is well.
    receiver.status = []
    answer = app.client.post(
        f"/v1/webhooks/{made['id']}/deliveries/{dead.id}/redeliver", headers=admin
    )
    assert answer.status_code == 202 and answer.json()["state"] == "pending"
    assert worker.run_once() == 1
    assert receiver.received[-1].headers["webhook-id"] == dead.id
    assert any(r.event.action == "webhook.redeliver" for r in app.vault.audit.records("acme"))
    missing = app.client.post(
        f"/v1/webhooks/{made['id']}/deliveries/msg_{'0' * 32}/redeliver", headers=admin
    )
    assert missing.status_code == 404


def test_a_receiver_that_hangs_is_cut_at_the_timeout_and_retried(
    app: App, receiver: Receiver
) -> None:
    made = _subscribe(app, receiver.url, "apikey.created")
    app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=app.headers("acme", "admin"))
    receiver.hang.set()
    clock = Clock()
    worker = _worker(app, clock)
    assert worker.run_once() == 1
    (entry,) = app.vault.webhooks.deliveries("acme", made["id"])
    assert entry.state == "pending" and entry.last_error == "webhook_timeout"
    receiver.hang.clear()
    receiver.release.set()
    clock.now = entry.next_attempt_at
    assert worker.run_once() == 1
    (entry,) = app.vault.webhooks.deliveries("acme", made["id"])
    assert entry.state == "delivered"


def test_deleting_a_subscription_dead_letters_what_it_still_had_queued(
    app: App, receiver: Receiver
) -> None:
    made = _subscribe(app, receiver.url, "apikey.created")
    admin = app.headers("acme", "admin")
    app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
    app.client.delete(f"/v1/webhooks/{made['id']}", headers=admin)
    assert _worker(app, Clock()).run_once() == 0
    log = app.client.get(f"/v1/webhooks/{made['id']}/deliveries", headers=admin).json()["data"]
    assert [(d["state"], d["last_error"]) for d in log] == [("dead", "subscription_deleted")]
    assert receiver.received == []


def test_checkpoints_are_events_too(tmp_path: Path, receiver: Receiver) -> None:
    app = build_app(_settings(tmp_path / "vault", audit_checkpoint_every=3))
    try:
        made = _subscribe(app, receiver.url, "audit.checkpoint")
        admin = app.headers("acme", "admin")
        for _ in range(4):
            app.client.get("/v1/webhooks", headers=admin)
            app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
        _worker(app, Clock()).run_once()
        payloads = [_verified(made["secret"], r) for r in receiver.received]
        assert payloads and {p["type"] for p in payloads} == {"audit.checkpoint"}
        data = payloads[0]["data"]
        assert data["seq"] % 3 == 0 and data["key_id"] == app.vault.audit_signer.key_id
    finally:
        app.vault.close()


def test_nothing_queued_is_lost_across_a_restart(tmp_path: Path, receiver: Receiver) -> None:
    settings = _settings(tmp_path / "vault")
    first = build_app(settings)
    made = _subscribe(first, receiver.url, "apikey.created")
    admin = first.headers("acme", "admin")
    # The worker is not running: the events wait in the database when the process goes.
    for _ in range(5):
        first.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
    first.vault.close()
    assert receiver.received == []

    second = build_app(settings)
    try:
        second.vault.start_background()
        got = receiver.wait_for(5)
        assert len(got) == 5
        assert len({r.headers["webhook-id"] for r in got}) == 5
        for r in got:
            _verified(made["secret"], r)
    finally:
        second.vault.close()


def test_an_erasure_is_announced_with_its_count_never_the_value(
    app: App, receiver: Receiver
) -> None:
    made = _subscribe(app, receiver.url, "dsr.erased")
    text = "Write to jane@example.com today"
    anonymized = app.client.post(
        "/v1/anonymize", json={"text": text}, headers=app.headers("acme", "analyst")
    )
    assert anonymized.status_code == 200, anonymized.text
    erased = app.client.post(
        "/v1/dsr/erase", json={"value": "jane@example.com"}, headers=app.headers("acme", "admin")
    )
    assert erased.status_code == 200 and erased.json()["erased"] >= 1
    assert _worker(app, Clock()).run_once() == 1
    (got,) = receiver.received
    payload = _verified(made["secret"], got)
    assert payload["type"] == "dsr.erased"
    assert payload["data"]["counts"]["erased"] == erased.json()["erased"]
    assert b"jane" not in got.body and erased.json()["tokens"][0].encode() not in got.body


def test_a_worker_that_died_mid_delivery_loses_nothing(tmp_path: Path, receiver: Receiver) -> None:
    settings = _settings(tmp_path / "vault")
    first = build_app(settings)
    made = _subscribe(first, receiver.url, "apikey.created")
    admin = first.headers("acme", "admin")
    for _ in range(3):
        first.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
    # A worker claims them and dies before any is sent: its lease holds them for a while.
    leased = first.vault.webhooks.claim(now=datetime.now(UTC), lease=60, limit=10)
    assert len(leased) == 3
    first.vault.close()

    second = build_app(settings)
    try:
        clock = Clock()
        worker = _worker(second, clock)
        assert worker.run_once() == 0  # still leased to the dead worker
        clock.now += timedelta(seconds=61)  # its lease runs out
        assert worker.run_once() == 3
        assert {r.headers["webhook-id"] for r in receiver.received} == {d.id for d in leased}
        log = second.vault.webhooks.deliveries("acme", made["id"])
        assert {d.state for d in log} == {"delivered"}
    finally:
        second.vault.close()


class _CountingStore:
    """The vault's store, with the moment of each claim noted."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.claims: list[float] = []

    def claim(self, **options: Any) -> Any:
        self.claims.append(time.monotonic())
        return self._store.claim(**options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _counted_worker(app: App, store: _CountingStore, *, poll: float, longest: float) -> Any:
    parts = app.vault.webhook_parts
    worker = DeliveryWorker(
        dataclasses.replace(parts, store=store),
        app.vault.audit,
        timeout=1.0,
        retry_window=timedelta(hours=24),
        poll=poll,
        longest_poll=longest,
    )
    app.vault.webhooks.set_on_enqueue(worker.notify)
    return worker


def test_an_idle_worker_backs_off(app: App) -> None:
    if app.vault.engine.dialect.name == "postgresql":
        # The NOTIFY channel is the database's: other vaults' tests on it wake this worker too.
        pytest.skip("on SQLite only: nothing but its own clock wakes the worker there")
    store = _CountingStore(app.vault.webhooks)
    worker = _counted_worker(app, store, poll=0.05, longest=0.4)
    worker.start()
    try:
        while len(store.claims) < 7:
            time.sleep(0.05)
    finally:
        worker.close()
    gaps = [b - a for a, b in zip(store.claims, store.claims[1:], strict=False)]
    # Each idle sleep doubles up to the longest poll (a loaded machine only stretches them).
    for gap, planned in zip(gaps, [0.05, 0.1, 0.2, 0.4, 0.4, 0.4], strict=False):
        assert gap >= planned * 0.9, gaps


def test_an_event_wakes_a_worker_in_its_longest_sleep(app: App, receiver: Receiver) -> None:
    _subscribe(app, receiver.url, "apikey.created")
    store = _CountingStore(app.vault.webhooks)
    # Ten minutes between polls: only the wake-up can deliver within the receiver's wait.
    worker = _counted_worker(app, store, poll=600, longest=600)
    worker.start()
    try:
        while not store.claims:
            time.sleep(0.05)
        admin = app.headers("acme", "admin")
        app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin)
        assert len(receiver.wait_for(1, timeout=120)) == 1
    finally:
        worker.close()
