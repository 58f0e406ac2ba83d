"""The audit log in the metadata database: one hash chain per tenant, signed checkpoints.

Appends serialize per tenant so a chain never forks: on PostgreSQL a transaction-scoped advisory
lock on the tenant, on SQLite `BEGIN IMMEDIATE` (one writer at a time) plus a process lock.
The primary key (tenant, seq) is the backstop: a writer that still loses a race gets a conflict
and retries from the new head. That backstop also lets each log remember the head it last wrote
and link after it without reading it back: if another writer (a CLI command, another process)
moved the chain on meanwhile, the insert conflicts and the head is read afresh. Record times never go backwards along a chain (a slow clock is
clamped to the previous record's time), so a time window is one contiguous run of seqs.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

from sqlalchemy import Connection, Engine, Row, insert, select
from sqlalchemy.exc import IntegrityError as SqlIntegrityError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from vault.adapters.audit_signing import pinned
from vault.adapters.tables import AuditCheckpointRow, AuditRecordRow
from vault.adapters.webhooks_sql import SqlWebhookStore, enqueue
from vault.domain.audit import (
    GENESIS_HASH,
    AuditCheckpoint,
    AuditEvent,
    AuditRecord,
    checkpoint_message,
)
from vault.domain.webhooks import checkpoint_event, event_for
from vault.errors import IntegrityError, ServiceUnavailable
from vault.ports import AuditSigner

__all__ = ["SqlAuditLog"]

_RECORDS = AuditRecordRow.__table__  # type: ignore[attr-defined]
_CHECKPOINTS = AuditCheckpointRow.__table__  # type: ignore[attr-defined]
_RECORD_COLUMNS: Final = tuple(column.name for column in _RECORDS.columns)
# First key of the two-key advisory lock ("audt"), so our locks never meet other features'.
_LOCK_NAMESPACE: Final = 0x61756474
_PAGE: Final = 1000
_MAX_ATTEMPTS: Final = 50
_T = TypeVar("_T")


def _now() -> datetime:
    return datetime.now(UTC)


def _unavailable(exc: Exception) -> ServiceUnavailable:
    error = ServiceUnavailable("audit log unavailable", code="audit_unavailable")
    error.__cause__ = exc
    return error


class SqlAuditLog:
    """`AuditLog` over the `audit_records` and `audit_checkpoints` tables."""

    def __init__(
        self,
        engine: Engine,
        *,
        signer: AuditSigner,
        checkpoint_every: int = 100,
        clock: Callable[[], datetime] = _now,
        outbox: SqlWebhookStore | None = None,
    ) -> None:
        if checkpoint_every < 1:
            raise ValueError("checkpoint_every must be at least 1")
        self._engine = engine
        self._signer = signer
        self._every = checkpoint_every
        self._clock = clock
        # Webhook events derived from records and checkpoints are queued in their transaction.
        self._outbox = outbox
        self._queued = threading.local()  # whether this thread's transaction queued any
        self._postgres = engine.dialect.name == "postgresql"
        # SQLite's busy handler is not fair between threads; queueing them here first is.
        self._local_lock: AbstractContextManager[Any] = (
            nullcontext() if self._postgres else threading.Lock()
        )
        # tenant -> (seq, hash, at) of the last record this log committed.
        self._heads: dict[str, tuple[int, str, datetime]] = {}
        self._insert_record = _RawInsert(engine)
        self._dbapi: Any = engine.dialect.loaded_dbapi
        # SQLite in a file: one driver connection kept for this log's usual appends.
        self._direct = (
            not self._postgres
            and isinstance(engine.pool, QueuePool)
            and engine.url.database not in (None, "", ":memory:")
        )
        self._own: Any = None

    # ------------------------------------------------------------ writing

    def append(self, event: AuditEvent) -> AuditRecord:
        """Link `event` after its tenant's head and store it; a checkpoint every N records.

        Raises ServiceUnavailable if the database cannot be reached or stays contended.
        """
        if self._direct:
            record = self._append_direct(event)
            if record is not None:
                return record
        return self._retrying(
            lambda connection: self._append(connection, event), committed=self._remember_head
        )

    def checkpoint(self, tenant: str) -> AuditCheckpoint | None:
        """Sign and store a checkpoint at the tenant's head now; None for an empty chain."""
        return self._retrying(lambda connection: self._checkpoint_head(connection, tenant))

    def _retrying(
        self, work: Callable[[Connection], _T], *, committed: Callable[[_T], None] | None = None
    ) -> _T:
        for attempt in range(_MAX_ATTEMPTS):
            try:
                with self._local_lock, self._engine.connect() as connection:
                    if not self._postgres:
                        connection.connection.cursor().execute("BEGIN IMMEDIATE")
                    result = work(connection)
                    # The driver's transaction holds the driver-level statements and any
                    # the connection ran (it autobegins on the same driver connection).
                    connection.connection.commit()
                    if connection.in_transaction():
                        connection.commit()
                    if committed is not None:
                        committed(result)  # still under the lock: the next writer sees it
                    if getattr(self._queued, "any", False):
                        self._queued.any = False
                        self._outbox.enqueued()  # type: ignore[union-attr]
                    return result
            except (SqlIntegrityError, self._dbapi.IntegrityError):
                pass  # another writer took this seq first; read the new head and try again
            except (OperationalError, self._dbapi.OperationalError) as exc:
                reason = exc.orig if isinstance(exc, OperationalError) else exc
                if self._postgres or "locked" not in str(reason).lower():
                    raise _unavailable(exc) from exc
            except (SQLAlchemyError, self._dbapi.Error) as exc:
                # On PostgreSQL the pool's pre-ping drops a connection a driver error left dead.
                raise _unavailable(exc) from exc
            time.sleep(random.uniform(0, 0.002 * (attempt + 1)))  # noqa: S311 jitter, not crypto
        raise ServiceUnavailable("audit log too contended to append", code="audit_contended")

    def _append_direct(self, event: AuditEvent) -> AuditRecord | None:
        """`append` on SQLite over the driver connection this log keeps for itself: no pool
        checkout, no SQLAlchemy connection or transaction (about a sixth of an append). Only
        the usual case goes this way — the tenant's head known, no checkpoint due, no webhook
        event derived, the database not busy; otherwise None, and `append` takes the general
        way, which reads the head, retries and queues as ever."""
        with self._local_lock:
            head = self._heads.get(event.tenant)
            if head is None or (head[0] + 1) % self._every == 0:
                return None
            seq, prev_hash, at = head[0] + 1, head[1], max(self._clock(), head[2])
            record = AuditRecord.chain(event, seq=seq, at=at, prev_hash=prev_hash)
            if self._outbox is not None and event_for(record) is not None:
                return None
            values = {**event.as_dict(), "seq": seq, "at": at, "prev_hash": prev_hash}
            try:
                if self._own is None:
                    self._own = self._engine.raw_connection()  # held until the process ends
                self._own.cursor().execute("BEGIN IMMEDIATE")
                self._insert_record.on_driver(self._own, {**values, "hash": record.hash})
                self._own.commit()
            except self._dbapi.Error as exc:
                self._discard_own()
                if isinstance(exc, self._dbapi.IntegrityError):
                    self._heads.pop(event.tenant, None)  # the chain moved on elsewhere
                    return None
                if isinstance(exc, self._dbapi.OperationalError) and "locked" in str(exc).lower():
                    return None
                raise _unavailable(exc) from exc
            except SQLAlchemyError as exc:  # the connection could not be opened
                raise _unavailable(exc) from exc
            self._remember_head(record)
            return record

    def _discard_own(self) -> None:
        own, self._own = self._own, None
        if own is not None:
            with contextlib.suppress(Exception):
                own.rollback()
            own.invalidate()

    def _lock(self, connection: Connection, tenant: str) -> None:
        if self._postgres:
            connection.connection.cursor().execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_LOCK_NAMESPACE, tenant)
            )

    def _append(self, connection: Connection, event: AuditEvent) -> AuditRecord:
        self._lock(connection, event.tenant)
        head = self._heads.get(event.tenant) or self._head_row(connection, event.tenant)
        seq, prev_hash, at = 1, GENESIS_HASH, self._clock()
        if head is not None:
            seq, prev_hash, at = head[0] + 1, head[1], max(at, head[2])
        record = AuditRecord.chain(event, seq=seq, at=at, prev_hash=prev_hash)
        try:
            self._insert_record(
                connection,
                {
                    **event.as_dict(),
                    "seq": seq,
                    "at": at,
                    "prev_hash": prev_hash,
                    "hash": record.hash,
                },
            )
        except self._dbapi.IntegrityError:
            self._heads.pop(event.tenant, None)  # the chain moved on elsewhere: read it next time
            raise
        if self._outbox is not None:
            derived = event_for(record)
            if derived is not None and enqueue(connection, event.tenant, *derived, at=at):
                self._queued.any = True
        if seq % self._every == 0:
            self._store_checkpoint(connection, event.tenant, seq, record.hash)
        return record

    def _checkpoint_head(self, connection: Connection, tenant: str) -> AuditCheckpoint | None:
        self._lock(connection, tenant)
        head = self._head_row(connection, tenant)
        if head is None:
            return None
        seq, head_hash, _ = head
        existing = connection.execute(
            select(_CHECKPOINTS).where(_CHECKPOINTS.c.tenant == tenant, _CHECKPOINTS.c.seq == seq)
        ).first()
        if existing is not None:
            return _checkpoint(existing)
        return self._store_checkpoint(connection, tenant, seq, head_hash)

    def _store_checkpoint(
        self, connection: Connection, tenant: str, seq: int, head_hash: str
    ) -> AuditCheckpoint:
        signer = pinned(self._signer)  # one key signs and is named, though it be rotated
        signature = signer.sign(checkpoint_message(tenant, seq, head_hash))
        checkpoint = AuditCheckpoint(
            tenant=tenant,
            seq=seq,
            head_hash=head_hash,
            signature=signature,
            key_id=signer.key_id,
        )
        at = self._clock()
        connection.execute(
            insert(_CHECKPOINTS).values(
                tenant=tenant,
                seq=seq,
                head_hash=head_hash,
                signature=signature.hex(),
                at=at,
                key_id=signer.key_id,
            )
        )
        if self._outbox is not None:
            data = checkpoint_event(checkpoint, key_id=signer.key_id)
            if enqueue(connection, tenant, "audit.checkpoint", data, at=at):
                self._queued.any = True
        return checkpoint

    # ------------------------------------------------------------ reading

    def head(self, tenant: str) -> AuditRecord | None:
        """The tenant's newest record, or None for an empty chain."""
        try:
            with self._engine.connect() as connection:
                row = connection.execute(
                    select(_RECORDS)
                    .where(_RECORDS.c.tenant == tenant)
                    .order_by(_RECORDS.c.seq.desc())
                    .limit(1)
                ).first()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return None if row is None else _record(row)

    def records(
        self,
        tenant: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        upto_seq: int | None = None,
        after_seq: int | None = None,
    ) -> Iterator[AuditRecord]:
        """Stream the tenant's records with `since <= at < until`, seq ascending, page by page.

        Each page is its own short query, so a long export holds no transaction open.
        """
        conditions = [_RECORDS.c.tenant == tenant]
        if since is not None:
            conditions.append(_RECORDS.c.at >= since)
        if until is not None:
            conditions.append(_RECORDS.c.at < until)
        if upto_seq is not None:
            conditions.append(_RECORDS.c.seq <= upto_seq)
        if after_seq is not None:
            conditions.append(_RECORDS.c.seq > after_seq)
        for row in self._pages(_RECORDS, conditions):
            yield _record(row)

    def checkpoints(self, tenant: str, *, from_seq: int, to_seq: int) -> Iterator[AuditCheckpoint]:
        """Stored checkpoints of `tenant` with `from_seq <= seq <= to_seq`, seq ascending."""
        conditions = [
            _CHECKPOINTS.c.tenant == tenant,
            _CHECKPOINTS.c.seq >= from_seq,
            _CHECKPOINTS.c.seq <= to_seq,
        ]
        for row in self._pages(_CHECKPOINTS, conditions):
            yield _checkpoint(row)

    def _pages(self, table: Any, conditions: list[Any]) -> Iterator[Row[Any]]:
        after = 0
        while True:
            query = (
                select(table)
                .where(*conditions, table.c.seq > after)
                .order_by(table.c.seq)
                .limit(_PAGE)
            )
            try:
                with self._engine.connect() as connection:
                    rows = connection.execute(query).all()
            except SQLAlchemyError as exc:
                raise _unavailable(exc) from exc
            yield from rows
            if len(rows) < _PAGE:
                return
            after = rows[-1].seq

    def _remember_head(self, record: AuditRecord) -> None:
        self._heads[record.event.tenant] = (record.seq, record.hash, record.at)

    def _head_row(self, connection: Connection, tenant: str) -> tuple[int, str, datetime] | None:
        row = connection.execute(
            select(_RECORDS.c.seq, _RECORDS.c.hash, _RECORDS.c.at)
            .where(_RECORDS.c.tenant == tenant)
            .order_by(_RECORDS.c.seq.desc())
            .limit(1)
        ).first()
        return None if row is None else (row.seq, row.hash, row.at)


class _RawInsert:
    """The audit record insert, compiled once for the engine's dialect and run on the driver's
    cursor: per append it skips SQLAlchemy's statement lookup and execution context, which cost
    about as much as the insert itself. Values pass through the columns' own bind processors, so
    a row is stored exactly as a Core insert would store it. Driver errors are not wrapped."""

    def __init__(self, engine: Engine) -> None:
        dialect = engine.dialect
        compiled = insert(_RECORDS).compile(dialect=dialect, column_keys=list(_RECORD_COLUMNS))
        self._sql = compiled.string
        self._names: tuple[str, ...] = (
            tuple(compiled.positiontup or ()) if compiled.positional else _RECORD_COLUMNS
        )
        self._positional = compiled.positional
        processors = {
            column.name: column.type.dialect_impl(dialect).bind_processor(dialect)
            for column in _RECORDS.columns
        }
        self._processors = {name: p for name, p in processors.items() if p is not None}

    def __call__(self, connection: Connection, values: dict[str, Any]) -> None:
        self.on_driver(connection.connection, values)

    def on_driver(self, driver_connection: Any, values: dict[str, Any]) -> None:
        """The insert on a driver (DBAPI) connection or the pool's proxy of one."""
        for name, process in self._processors.items():
            values[name] = process(values[name])
        params: Any = tuple(values[name] for name in self._names) if self._positional else values
        driver_connection.cursor().execute(self._sql, params)


def _record(row: Row[Any]) -> AuditRecord:
    try:
        return _parse_record(row)
    except ValueError:
        # A stored row that no longer validates was edited behind the log's back.
        raise IntegrityError(f"audit record seq {row.seq} failed validation") from None


def _parse_record(row: Row[Any]) -> AuditRecord:
    event = AuditEvent(
        tenant=row.tenant,
        actor=row.actor,
        action=row.action,
        outcome=row.outcome,
        object=row.object,
        purpose=row.purpose,
        source=row.source,
        request_id=row.request_id,
        details=row.details or {},
    )
    return AuditRecord(event=event, seq=row.seq, at=row.at, prev_hash=row.prev_hash, hash=row.hash)


def _checkpoint(row: Row[Any]) -> AuditCheckpoint:
    return AuditCheckpoint(
        tenant=row.tenant,
        seq=row.seq,
        head_hash=row.head_hash,
        signature=bytes.fromhex(row.signature),
        key_id=row.key_id,
    )
