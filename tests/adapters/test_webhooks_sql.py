"""The webhook queue on SQLite and PostgreSQL: concurrent claimers never share a row, a lease
that runs out gives a row back, settled rows leave the queue, and audit records queue events in
their own transaction."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from vault.adapters.audit_signing import load_or_create
from vault.adapters.audit_sql import SqlAuditLog
from vault.adapters.kms_local import LocalKeyService
from vault.adapters.webhooks_sql import SqlWebhookStore
from vault.domain.audit import AuditEvent
from vault.ports import WebhookSubscription


def _subscribe(store: SqlWebhookStore, sub_id: str, *types: str, tenant: str = "acme") -> None:
    store.add(
        WebhookSubscription(
            id=sub_id,
            tenant=tenant,
            url="http://127.0.0.1:9/hook",
            event_types=types,
            created_by="key_1",
            created_at=datetime.now(UTC),
        ),
        sealed_secret=b"sealed",
    )


def test_concurrent_claimers_never_take_the_same_delivery(db_engine: Engine) -> None:
    store = SqlWebhookStore(db_engine)
    _subscribe(store, "wh_" + "1" * 32, "apikey.created")
    _subscribe(store, "wh_" + "2" * 32, "apikey.created", "dsr.erased")
    _subscribe(store, "wh_" + "3" * 32, "apikey.created", tenant="globex")
    for n in range(30):
        assert store.emit("acme", "apikey.created", {"object": f"key{n}"}) == 2
    assert store.emit("acme", "dsr.erased", {"counts": {"erased": 1}}) == 1
    assert store.emit("initech", "apikey.created", {}) == 0  # no subscriber: nothing queued

    now = datetime.now(UTC) + timedelta(seconds=1)
    claimed: list[list[str]] = []
    lock = threading.Lock()

    def claim() -> None:
        stores = SqlWebhookStore(db_engine)  # as another worker would
        while True:
            batch = stores.claim(now=now, lease=60, limit=7)
            if not batch:
                return
            with lock:
                claimed.append([d.id for d in batch])

    threads = [threading.Thread(target=claim) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [i for batch in claimed for i in batch]
    assert len(ids) == 61 and len(set(ids)) == 61
    assert store.claim(now=now, lease=60, limit=100) == []  # all leased


def test_a_lease_that_runs_out_gives_the_row_back_and_settled_rows_leave(
    db_engine: Engine,
) -> None:
    store = SqlWebhookStore(db_engine)
    sub = "wh_" + "4" * 32
    _subscribe(store, sub, "apikey.revoked")
    store.emit("acme", "apikey.revoked", {"object": "abc"})
    now = datetime.now(UTC) + timedelta(seconds=1)
    (first,) = store.claim(now=now, lease=30, limit=10)
    assert store.claim(now=now + timedelta(seconds=29), lease=30, limit=10) == []
    (again,) = store.claim(now=now + timedelta(seconds=31), lease=30, limit=10)
    assert again.id == first.id  # the first worker died: another takes it over
    store.settle(again.id, state="delivered", at=now, status=204)
    assert store.claim(now=now + timedelta(hours=1), lease=30, limit=10) == []
    (logged,) = store.deliveries("acme", sub)
    assert (logged.state, logged.attempts, logged.last_status) == ("delivered", 1, 204)
    assert store.deliveries("globex", sub) == []  # another tenant sees no log


def test_an_audit_record_queues_its_event_in_its_own_transaction(
    db_engine: Engine, tmp_path: Path
) -> None:
    store = SqlWebhookStore(db_engine)
    woken = threading.Event()
    store.set_on_enqueue(woken.set)
    _subscribe(store, "wh_" + "5" * 32, "apikey.created", "audit.checkpoint")
    signer = load_or_create(db_engine, LocalKeyService(data_dir=tmp_path))
    log = SqlAuditLog(db_engine, signer=signer, checkpoint_every=2, outbox=store)
    log.append(AuditEvent(tenant="acme", actor="key_1", action="proxy.request"))
    assert not woken.is_set()  # not an event: the worker is left asleep
    log.append(
        AuditEvent(tenant="acme", actor="key_1", action="apikey.create", object="abcdefghijkl")
    )
    assert woken.is_set()
    queued = store.deliveries("acme", "wh_" + "5" * 32)
    assert sorted(d.event_type for d in queued) == ["apikey.created", "audit.checkpoint"]
    checkpoint = next(d for d in queued if d.event_type == "audit.checkpoint")
    assert checkpoint.payload["data"]["seq"] == 2
    assert checkpoint.payload["data"]["key_id"] == signer.key_id


def test_settled_deliveries_are_forgotten_after_the_log_keeps_them(db_engine: Engine) -> None:
    store = SqlWebhookStore(db_engine)
    sub = "wh_" + "6" * 32
    _subscribe(store, sub, "dsr.erased")
    for _ in range(3):
        store.emit("acme", "dsr.erased", {"counts": {"erased": 1}})
    now = datetime.now(UTC) + timedelta(seconds=1)
    first, second, _third = store.claim(now=now, lease=30, limit=10)
    store.settle(first.id, state="delivered", at=now - timedelta(days=31), status=200)
    store.settle(second.id, state="dead", at=now, error="receiver_error")
    assert store.prune(before=now - timedelta(days=30)) == 1
    assert sorted(d.state for d in store.deliveries("acme", sub)) == ["dead", "pending"]


def test_next_due_is_when_the_first_pending_delivery_may_be_claimed(db_engine: Engine) -> None:
    store = SqlWebhookStore(db_engine)
    assert store.next_due() is None  # an empty queue: the worker sleeps its longest
    sub = "wh_" + "7" * 32
    _subscribe(store, sub, "apikey.created")
    store.emit("acme", "apikey.created", {"object": "abc"})
    (queued,) = store.deliveries("acme", sub)
    assert store.next_due() == queued.next_attempt_at
    now = datetime.now(UTC) + timedelta(seconds=1)
    (claimed,) = store.claim(now=now, lease=30, limit=10)
    # Leased: not claimable before its lease ends, even though it is due.
    assert store.next_due() == now + timedelta(seconds=30)
    retry = now + timedelta(minutes=5)
    store.settle(claimed.id, state="pending", at=now, next_attempt_at=retry, error="timeout")
    assert store.next_due() == retry
    store.claim(now=retry, lease=30, limit=10)
    store.settle(claimed.id, state="delivered", at=retry, status=204)
    assert store.next_due() is None


def test_rows_another_process_queues_wake_a_listener_on_postgres(db_url: str) -> None:
    from vault.adapters.database import create_db_engine

    listening, other = create_db_engine(db_url), create_db_engine(db_url)
    heard = threading.Event()
    stop = SqlWebhookStore(listening).listen(heard.set)
    try:
        queued = SqlWebhookStore(other)  # another process's store: it never calls `heard`
        _subscribe(queued, "wh_" + "8" * 32, "apikey.created")
        if listening.dialect.name != "postgresql":
            queued.emit("acme", "apikey.created", {"object": "abc"})
            assert not heard.is_set()  # SQLite cannot tell: the idle poll finds the row
            return
        # The listener connects in its own thread: a commit before its LISTEN is not heard.
        for _ in range(30):
            assert queued.emit("acme", "apikey.created", {"object": "abc"}) == 1
            if heard.wait(1):
                break
        assert heard.is_set()
    finally:
        stop()
        listening.dispose()
        other.dispose()
