"""Texts a tenant said are not personal data, kept by keyed digest in the metadata database."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from vault.adapters.tables import NotPiiRow, utcnow
from vault.errors import ServiceUnavailable

__all__ = ["SqlNotPiiStore"]

_ROWS = NotPiiRow.__table__  # type: ignore[attr-defined]


class SqlNotPiiStore:
    """Implements the NotPiiStore port on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        self._add = insert(_ROWS).on_conflict_do_nothing()

    def add(self, tenant: str, value_digest: str) -> None:
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    self._add,
                    {"tenant": tenant, "value_digest": value_digest, "created_at": utcnow()},
                )
        except SQLAlchemyError as exc:
            raise ServiceUnavailable("the metadata database is unavailable") from exc

    def digests(self, tenant: str) -> frozenset[str]:
        try:
            with self._engine.connect() as connection:
                rows = connection.execute(
                    select(_ROWS.c.value_digest).where(_ROWS.c.tenant == tenant)
                )
                return frozenset(row[0] for row in rows)
        except SQLAlchemyError as exc:
            raise ServiceUnavailable("the metadata database is unavailable") from exc
