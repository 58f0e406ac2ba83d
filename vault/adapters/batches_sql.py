"""The batch API's ids in the metadata database: the vault's file and batch ids, per tenant,
mapped to the upstream's."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session

from vault.adapters.tables import BatchObjectRow, as_utc
from vault.errors import ServiceUnavailable
from vault.ports import BatchObject

__all__ = ["SqlBatchObjects"]


def _entry(row: BatchObjectRow) -> BatchObject:
    return BatchObject(
        id=row.id,
        tenant=row.tenant,
        kind=row.kind,
        purpose=row.purpose,
        upstream_id=row.upstream_id,
        created_by=row.created_by,
        created_at=as_utc(row.created_at),
        lines=row.lines,
        size=row.size,
        object_key=row.object_key,
        object_version_id=row.object_version_id,
        header=row.sealed_header,
    )


class SqlBatchObjects:
    """Implements the BatchObjects port on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, entry: BatchObject) -> BatchObject:
        row = BatchObjectRow(
            id=entry.id,
            tenant=entry.tenant,
            kind=entry.kind,
            purpose=entry.purpose,
            upstream_id=entry.upstream_id,
            created_by=entry.created_by,
            created_at=entry.created_at,
            lines=entry.lines,
            size=entry.size,
            object_key=entry.object_key,
            object_version_id=entry.object_version_id,
            sealed_header=entry.header,
        )
        try:
            with Session(self._engine) as session:
                session.add(row)
                session.commit()
            return entry
        except IntegrityError:
            # Two requests mapped the same upstream object at once: the first one stands.
            found = self.by_upstream(entry.tenant, entry.kind, entry.upstream_id)
            if found is None:
                raise
            return found
        except SQLAlchemyError as exc:
            raise ServiceUnavailable("the metadata database is unavailable") from exc

    def get(self, tenant: str, object_id: str) -> BatchObject | None:
        try:
            with Session(self._engine) as session:
                row = session.get(BatchObjectRow, object_id)
                # Another tenant's object is indistinguishable from a missing one.
                return _entry(row) if row is not None and row.tenant == tenant else None
        except SQLAlchemyError as exc:
            raise ServiceUnavailable("the metadata database is unavailable") from exc

    def by_upstream(self, tenant: str, kind: str, upstream_id: str) -> BatchObject | None:
        query = select(BatchObjectRow).where(
            BatchObjectRow.tenant == tenant,  # type: ignore[arg-type]
            BatchObjectRow.kind == kind,  # type: ignore[arg-type]
            BatchObjectRow.upstream_id == upstream_id,  # type: ignore[arg-type]
        )
        try:
            with Session(self._engine) as session:
                row = session.execute(query).scalars().first()
                return _entry(row) if row is not None else None
        except SQLAlchemyError as exc:
            raise ServiceUnavailable("the metadata database is unavailable") from exc

    def delete(self, tenant: str, object_id: str) -> None:
        try:
            with Session(self._engine) as session:
                row = session.get(BatchObjectRow, object_id)
                if row is not None and row.tenant == tenant:
                    session.delete(row)
                    session.commit()
        except SQLAlchemyError as exc:
            raise ServiceUnavailable("the metadata database is unavailable") from exc
