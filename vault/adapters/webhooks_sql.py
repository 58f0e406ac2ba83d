"""Webhook subscriptions and the durable delivery queue in the metadata database.

Events are queued as rows, one per subscription, so a restart loses none; `enqueue` takes the
caller's connection, so the audit log queues an event in the transaction that stores its record.
Workers claim due rows with a lease: on PostgreSQL `SELECT … FOR UPDATE SKIP LOCKED`, so several
processes never take the same row; on SQLite under `BEGIN IMMEDIATE`, one writer at a time. A
worker that dies mid-delivery leaves a lease that runs out, and the row is claimed again.

Workers sleep until there is work: this process's commits wake its worker directly (`enqueued`);
on PostgreSQL a commit that queued rows also sends `NOTIFY` on one channel, which `listen` relays
to the workers of every other process, so they need not poll to learn of it.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import (
    Connection,
    Engine,
    Row,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from vault.adapters.tables import WebhookDeliveryRow, WebhookSubscriptionRow, as_utc
from vault.domain.webhooks import format_event
from vault.errors import ServiceUnavailable
from vault.ports import WebhookDelivery, WebhookSubscription

__all__ = ["SqlWebhookStore", "enqueue"]

log = logging.getLogger(__name__)

_SUBS = WebhookSubscriptionRow.__table__  # type: ignore[attr-defined]
_DELIVERIES = WebhookDeliveryRow.__table__  # type: ignore[attr-defined]
_MAX_LOG: Final = 1000
# An idle worker's poll, several times a second in every process: the statement is built once
# (building and compiling it anew cost more than the query itself).
_NOW = bindparam("now", type_=_DELIVERIES.c.next_attempt_at.type)
_DUE: Final = (
    select(_DELIVERIES.c.id)
    .where(
        _DELIVERIES.c.state == "pending",
        _DELIVERIES.c.next_attempt_at <= _NOW,
        or_(_DELIVERIES.c.claimed_until.is_(None), _DELIVERIES.c.claimed_until <= _NOW),
    )
    .order_by(_DELIVERIES.c.next_attempt_at)
)
_ANY_DUE: Final = _DUE.limit(1)
# When the first pending row may next be claimed: when it is due, or when its lease ends.
_NEXT_DUE: Final = select(
    func.min(
        case(
            (
                _DELIVERIES.c.claimed_until > _DELIVERIES.c.next_attempt_at,
                _DELIVERIES.c.claimed_until,
            ),
            else_=_DELIVERIES.c.next_attempt_at,
        )
    )
).where(_DELIVERIES.c.state == "pending")
# PostgreSQL's channel for "rows were queued"; a notification sent inside a transaction is
# delivered when it commits, and never if it rolls back.
_CHANNEL: Final = "vault_webhooks"
_NOTIFY: Final = text(f"NOTIFY {_CHANNEL}")
_LISTEN_RETRY: Final = 5.0  # seconds between attempts to reopen a listening connection


def _now() -> datetime:
    return datetime.now(UTC)


def _unavailable(exc: Exception) -> ServiceUnavailable:
    error = ServiceUnavailable("metadata database unreachable", code="database_unavailable")
    error.__cause__ = exc
    return error


def _subscription(row: Row[Any]) -> WebhookSubscription:
    return WebhookSubscription(
        id=row.id,
        tenant=row.tenant,
        url=row.url,
        event_types=tuple(row.event_types.split()),
        created_by=row.created_by,
        created_at=as_utc(row.created_at),
        deleted_at=as_utc(row.deleted_at) if row.deleted_at is not None else None,
    )


def _delivery(row: Row[Any]) -> WebhookDelivery:
    return WebhookDelivery(
        id=row.id,
        subscription_id=row.subscription_id,
        tenant=row.tenant,
        event_type=row.event_type,
        payload=row.payload,
        state=row.state,
        attempts=row.attempts,
        next_attempt_at=as_utc(row.next_attempt_at),
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        last_status=row.last_status,
        last_error=row.last_error,
        delivered_at=as_utc(row.delivered_at) if row.delivered_at is not None else None,
    )


def enqueue(
    connection: Connection,
    tenant: str,
    event_type: str,
    data: Mapping[str, Any],
    *,
    at: datetime,
) -> int:
    """Queue the event for each live subscription of `tenant` to `event_type`, on the caller's
    connection (inside its transaction); how many deliveries were queued."""
    rows = connection.execute(
        select(_SUBS.c.id, _SUBS.c.event_types).where(
            _SUBS.c.tenant == tenant, _SUBS.c.deleted_at.is_(None)
        )
    ).all()
    targets = [row.id for row in rows if event_type in row.event_types.split()]
    if not targets:
        return 0
    payload = format_event(event_type, data, at=at)
    connection.execute(
        insert(_DELIVERIES),
        [
            {
                "id": f"msg_{uuid.uuid4().hex}",
                "subscription_id": target,
                "tenant": tenant,
                "event_type": event_type,
                "payload": payload,
                "state": "pending",
                "attempts": 0,
                "next_attempt_at": at,
                "created_at": at,
                "updated_at": at,
            }
            for target in targets
        ],
    )
    if connection.dialect.name == "postgresql":
        connection.execute(_NOTIFY)  # wakes the other processes' workers once this commits
    return len(targets)


class SqlWebhookStore:
    """`WebhookStore` and `Events` over the `webhook_subscriptions` and `webhook_deliveries`
    tables. `on_enqueue` is called after a commit that queued deliveries (wakes the worker)."""

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = _now,
        on_enqueue: Callable[[], None] | None = None,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._postgres = engine.dialect.name == "postgresql"
        self._on_enqueue = on_enqueue
        # SQLite has one writer at a time; queueing this process's claimers here is fairer.
        self._claim_lock = threading.Lock()

    def set_on_enqueue(self, callback: Callable[[], None] | None) -> None:
        self._on_enqueue = callback

    def listen(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` whenever any process commits queued rows (PostgreSQL: LISTEN on a
        connection of its own, in a daemon thread, reopened if it drops); returns the call that
        stops it. On SQLite nothing is heard: other processes' rows wait for the idle poll."""
        if not self._postgres:
            return lambda: None
        stop = threading.Event()
        thread = threading.Thread(
            target=self._listen, args=(callback, stop), name="webhook-listen", daemon=True
        )
        thread.start()

        def stopped() -> None:
            stop.set()
            thread.join(timeout=5)

        return stopped

    def _listen(self, callback: Callable[[], None], stop: threading.Event) -> None:
        dialect = self._engine.dialect
        cargs, cparams = dialect.create_connect_args(self._engine.url)
        reconnect = False
        while not stop.is_set():
            try:
                raw = dialect.connect(*cargs, **cparams)
                try:
                    raw.autocommit = True
                    raw.execute(f"LISTEN {_CHANNEL}")
                    if reconnect:
                        callback()  # rows queued while no one listened are looked for at once
                    reconnect = True
                    while not stop.is_set():
                        for _ in raw.notifies(timeout=1.0):
                            callback()
                finally:
                    raw.close()
            except Exception as exc:  # the database is away: the idle poll covers meanwhile
                log.warning("webhook listener paused (%s)", type(exc).__name__)
                stop.wait(_LISTEN_RETRY)

    def enqueued(self) -> None:
        """Tell the delivery worker of this process that new rows are due."""
        if self._on_enqueue is not None:
            self._on_enqueue()

    # ------------------------------------------------------------ Events

    def emit(self, tenant: str, event_type: str, data: Mapping[str, Any]) -> int:
        try:
            with self._engine.begin() as connection:
                queued = enqueue(connection, tenant, event_type, data, at=self._clock())
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        if queued:
            self.enqueued()
        return queued

    # ------------------------------------------------------------ subscriptions

    def add(self, subscription: WebhookSubscription, *, sealed_secret: bytes) -> None:
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    insert(_SUBS).values(
                        id=subscription.id,
                        tenant=subscription.tenant,
                        url=subscription.url,
                        event_types=" ".join(subscription.event_types),
                        sealed_secret=sealed_secret,
                        created_by=subscription.created_by,
                        created_at=subscription.created_at,
                    )
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc

    def _select_subs(self, *conditions: Any) -> list[Row[Any]]:
        try:
            with self._engine.connect() as connection:
                return list(
                    connection.execute(
                        select(_SUBS).where(*conditions).order_by(_SUBS.c.created_at)
                    ).all()
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc

    def get(self, tenant: str, subscription_id: str) -> WebhookSubscription | None:
        rows = self._select_subs(
            _SUBS.c.id == subscription_id, _SUBS.c.tenant == tenant, _SUBS.c.deleted_at.is_(None)
        )
        return _subscription(rows[0]) if rows else None

    def subscriptions(self, tenant: str) -> list[WebhookSubscription]:
        rows = self._select_subs(_SUBS.c.tenant == tenant, _SUBS.c.deleted_at.is_(None))
        return [_subscription(row) for row in rows]

    def sealed_secret(self, subscription_id: str) -> tuple[WebhookSubscription, bytes] | None:
        rows = self._select_subs(_SUBS.c.id == subscription_id)
        return (_subscription(rows[0]), bytes(rows[0].sealed_secret)) if rows else None

    def delete(self, tenant: str, subscription_id: str, *, at: datetime) -> int:
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    update(_SUBS)
                    .where(
                        _SUBS.c.id == subscription_id,
                        _SUBS.c.tenant == tenant,
                        _SUBS.c.deleted_at.is_(None),
                    )
                    .values(deleted_at=at)
                )
                dropped = connection.execute(
                    update(_DELIVERIES)
                    .where(
                        _DELIVERIES.c.subscription_id == subscription_id,
                        _DELIVERIES.c.state == "pending",
                    )
                    .values(state="dead", last_error="subscription_deleted", updated_at=at)
                )
                return int(dropped.rowcount or 0)
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc

    # ------------------------------------------------------------ delivery log

    def deliveries(
        self, tenant: str, subscription_id: str, *, limit: int = 100
    ) -> list[WebhookDelivery]:
        query = (
            select(_DELIVERIES)
            .where(_DELIVERIES.c.subscription_id == subscription_id, _DELIVERIES.c.tenant == tenant)
            .order_by(_DELIVERIES.c.created_at.desc(), _DELIVERIES.c.id)
            .limit(min(limit, _MAX_LOG))
        )
        try:
            with self._engine.connect() as connection:
                return [_delivery(row) for row in connection.execute(query)]
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc

    def redeliver(
        self, tenant: str, subscription_id: str, delivery_id: str, *, at: datetime
    ) -> WebhookDelivery | None:
        where = and_(
            _DELIVERIES.c.id == delivery_id,
            _DELIVERIES.c.subscription_id == subscription_id,
            _DELIVERIES.c.tenant == tenant,
        )
        try:
            with self._engine.begin() as connection:
                # A fresh day of retries counts from now: `created_at` is when the window opens.
                changed = connection.execute(
                    update(_DELIVERIES)
                    .where(where)
                    .values(
                        state="pending",
                        attempts=0,
                        next_attempt_at=at,
                        created_at=at,
                        claimed_until=None,
                        updated_at=at,
                    )
                )
                if not changed.rowcount:
                    return None
                row = connection.execute(select(_DELIVERIES).where(where)).one()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        self.enqueued()
        return _delivery(row)

    # ------------------------------------------------------------ the worker's side

    def claim(self, *, now: datetime, lease: float, limit: int) -> list[WebhookDelivery]:
        due = _DUE.limit(limit)
        if self._postgres:
            due = due.with_for_update(skip_locked=True)
        at = {"now": now}
        try:
            if not self._postgres:
                # Polling must not take SQLite's one write lock when nothing is due (the usual
                # case): look first with a read, which never blocks the vault's writers.
                with self._engine.connect() as connection:
                    if connection.execute(_ANY_DUE, at).first() is None:
                        return []
            with self._claim_lock, self._engine.connect() as connection:
                if not self._postgres:
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                ids = [row.id for row in connection.execute(due, at)]
                if not ids:
                    connection.rollback()
                    return []
                connection.execute(
                    update(_DELIVERIES)
                    .where(_DELIVERIES.c.id.in_(ids))
                    .values(claimed_until=now + timedelta(seconds=lease))
                )
                rows = connection.execute(
                    select(_DELIVERIES).where(_DELIVERIES.c.id.in_(ids))
                ).all()
                connection.commit()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return sorted((_delivery(row) for row in rows), key=lambda d: d.next_attempt_at)

    def next_due(self) -> datetime | None:
        """When the first pending delivery may next be claimed (None: nothing is pending)."""
        try:
            with self._engine.connect() as connection:
                at = connection.execute(_NEXT_DUE).scalar()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return as_utc(at) if at is not None else None

    def prune(self, *, before: datetime) -> int:
        """Forget delivered and dead-lettered deliveries last touched before `before`."""
        try:
            with self._engine.begin() as connection:
                result = connection.execute(
                    delete(_DELIVERIES).where(
                        _DELIVERIES.c.state.in_(("delivered", "dead")),
                        _DELIVERIES.c.updated_at < before,
                    )
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return int(result.rowcount or 0)

    def settle(
        self,
        delivery_id: str,
        *,
        state: str,
        at: datetime,
        next_attempt_at: datetime | None = None,
        status: int | None = None,
        error: str | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "state": state,
            "attempts": _DELIVERIES.c.attempts + 1,
            "claimed_until": None,
            "last_status": status,
            "last_error": error,
            "updated_at": at,
        }
        if next_attempt_at is not None:
            values["next_attempt_at"] = next_attempt_at
        if state == "delivered":
            values["delivered_at"] = at
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    update(_DELIVERIES)
                    .where(_DELIVERIES.c.id == delivery_id, _DELIVERIES.c.state == "pending")
                    .values(**values)
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
