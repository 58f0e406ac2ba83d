"""Where shipped audit segments go (an S3 bucket with Object Lock) and how far each tenant's
trail has been shipped (the `audit_ship_cursors` table)."""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Final

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from sqlalchemy import Engine, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from vault.adapters.tables import AuditRecordRow, AuditShipCursorRow
from vault.errors import ServiceUnavailable, StoreUnavailable

__all__ = ["S3AuditBucket", "SqlShipCursors"]

_CURSORS = AuditShipCursorRow.__table__  # type: ignore[attr-defined]
_RECORDS = AuditRecordRow.__table__  # type: ignore[attr-defined]
# First key of the advisory lock ("ship"), apart from the audit log's per-tenant locks.
_LOCK_NAMESPACE: Final = 0x73686970
# On SQLite, one lock per database file in this process (the embedded default runs one).
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


class S3AuditBucket:
    """`AuditBucket` on an S3 bucket created with Object Lock (see infra/terraform/audit.tf).

    Each object is written with its own retention (`mode` until the given date), so it holds
    even where the bucket's default retention differs; S3 then refuses to delete or overwrite
    the version before that date, whoever asks.
    """

    def __init__(
        self,
        *,
        bucket: str,
        prefix: str = "audit/",
        endpoint_url: str | None = None,
        mode: str = "COMPLIANCE",
        client: Any = None,
    ) -> None:
        self._bucket = bucket
        self._prefix = prefix
        self._mode = mode
        self._s3 = client or boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5),
        )

    def put_locked(self, key: str, body: bytes, *, retain_until: datetime) -> None:
        try:
            self._s3.put_object(
                Bucket=self._bucket,
                Key=self._prefix + key,
                Body=body,
                ContentType="application/x-ndjson",
                # Object Lock puts need an integrity header; MD5 is what S3 asks for.
                ContentMD5=base64.b64encode(hashlib.md5(body).digest()).decode("ascii"),  # noqa: S324
                ObjectLockMode=self._mode,
                ObjectLockRetainUntilDate=retain_until,
            )
        except (BotoCoreError, ClientError):
            raise StoreUnavailable("audit bucket write failed") from None

    def keys(self, prefix: str) -> list[str]:
        found: list[str] = []
        try:
            paginator = self._s3.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self._bucket, Prefix=self._prefix + prefix):
                found.extend(
                    item["Key"].removeprefix(self._prefix) for item in page.get("Contents", [])
                )
        except (BotoCoreError, ClientError):
            raise StoreUnavailable("audit bucket listing failed") from None
        return sorted(found)

    def retention(self, key: str) -> tuple[str, datetime]:
        """The mode and retain-until date S3 holds for `key` (for checks and tests)."""
        answer = self._s3.head_object(Bucket=self._bucket, Key=self._prefix + key)
        return answer["ObjectLockMode"], answer["ObjectLockRetainUntilDate"]


def _unavailable(exc: Exception) -> ServiceUnavailable:
    error = ServiceUnavailable("metadata database unreachable", code="database_unavailable")
    error.__cause__ = exc
    return error


class SqlShipCursors:
    """`ShipCursors` over `audit_ship_cursors`; a cursor only moves forward."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        with _LOCKS_GUARD:
            self._local = _LOCKS.setdefault(str(engine.url), threading.Lock())

    @contextmanager
    def exclusive(self) -> Iterator[bool]:
        """Whether this caller may ship now: one shipper at a time, across processes on
        PostgreSQL (a session advisory lock), within this process on SQLite."""
        if self._engine.dialect.name != "postgresql":
            got = self._local.acquire(blocking=False)
            try:
                yield got
            finally:
                if got:
                    self._local.release()
            return
        try:
            connection = self._engine.connect()
            got = bool(
                connection.execute(
                    text("SELECT pg_try_advisory_lock(:ns, 0)"), {"ns": _LOCK_NAMESPACE}
                ).scalar()
            )
            connection.commit()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        try:
            yield got
        finally:
            try:
                if got:
                    connection.execute(
                        text("SELECT pg_advisory_unlock(:ns, 0)"), {"ns": _LOCK_NAMESPACE}
                    )
                    connection.commit()
            finally:
                connection.close()

    def tenants(self) -> list[str]:
        try:
            with self._engine.connect() as connection:
                rows = connection.execute(select(_RECORDS.c.tenant).distinct()).all()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return sorted(row.tenant for row in rows)

    def get(self, tenant: str) -> tuple[int, int]:
        try:
            with self._engine.connect() as connection:
                row = connection.execute(
                    select(_CURSORS.c.record_seq, _CURSORS.c.checkpoint_seq).where(
                        _CURSORS.c.tenant == tenant
                    )
                ).first()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return (0, 0) if row is None else (row.record_seq, row.checkpoint_seq)

    def advance(self, tenant: str, *, record_seq: int, checkpoint_seq: int) -> None:
        now = datetime.now(UTC)
        values = {
            "tenant": tenant,
            "record_seq": record_seq,
            "checkpoint_seq": checkpoint_seq,
            "updated_at": now,
        }
        dialect = postgresql if self._engine.dialect.name == "postgresql" else sqlite
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    dialect.insert(_CURSORS).values(**values).on_conflict_do_nothing()
                )
                connection.execute(
                    update(_CURSORS)
                    .where(
                        _CURSORS.c.tenant == tenant,
                        _CURSORS.c.record_seq <= record_seq,
                        _CURSORS.c.checkpoint_seq <= checkpoint_seq,
                    )
                    .values(record_seq=record_seq, checkpoint_seq=checkpoint_seq, updated_at=now)
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
