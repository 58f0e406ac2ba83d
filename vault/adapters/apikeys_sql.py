"""API keys in the metadata database."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlmodel import Session

from vault.adapters.tables import ApiKeyRow, as_utc
from vault.domain.principal import Role
from vault.errors import ServiceUnavailable
from vault.ports import ApiKeyInfo

__all__ = ["SqlApiKeyStore"]


@contextmanager
def _reachable() -> Iterator[None]:
    """The database refusing or dropping connections is a 503, never an unexpected 500."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        error = ServiceUnavailable("metadata database unreachable", code="database_unavailable")
        raise error from exc


def _info(row: ApiKeyRow) -> ApiKeyInfo:
    return ApiKeyInfo(
        id=row.id,
        tenant=row.tenant,
        roles=frozenset(Role(r) for r in row.roles.split(",") if r),
        label=row.label,
        created_at=as_utc(row.created_at),
        expires_at=as_utc(row.expires_at) if row.expires_at else None,
        revoked_at=as_utc(row.revoked_at) if row.revoked_at else None,
    )


class SqlApiKeyStore:
    """Implements the ApiKeyStore port.

    Lookups are cached for `cache_seconds` so authentication costs no query per request; a
    revocation here clears the entry at once, one made by another process shows within that time.
    """

    def __init__(self, engine: Engine, *, cache_seconds: float = 2.0) -> None:
        self._engine = engine
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, tuple[ApiKeyInfo, str] | None]] = {}

    def add(self, info: ApiKeyInfo, *, secret_hash: str) -> None:
        row = ApiKeyRow(
            id=info.id,
            tenant=info.tenant,
            roles=",".join(sorted(info.roles)),
            secret_hash=secret_hash,
            label=info.label,
            created_at=info.created_at,
            expires_at=info.expires_at,
        )
        with _reachable(), Session(self._engine) as session:
            session.add(row)
            session.commit()

    def cached(self, key_id: str) -> tuple[ApiKeyInfo, str] | None:
        entry = self._cache.get(key_id)
        if entry is not None and time.monotonic() - entry[0] < self._cache_seconds:
            return entry[1]
        return None

    def get(self, key_id: str) -> tuple[ApiKeyInfo, str] | None:
        found = self.cached(key_id)
        if found is not None:
            return found
        now = time.monotonic()
        with _reachable(), Session(self._engine) as session:
            row = session.get(ApiKeyRow, key_id)
            found = None if row is None else (_info(row), row.secret_hash)
        if found is not None:  # unknown ids are not cached: guessing must not fill memory
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[key_id] = (now, found)
        return found

    def list(self, tenant: str | None = None) -> list[ApiKeyInfo]:
        query = select(ApiKeyRow).order_by(ApiKeyRow.created_at)  # type: ignore[arg-type]
        if tenant is not None:
            query = query.where(ApiKeyRow.tenant == tenant)  # type: ignore[arg-type]
        with _reachable(), Session(self._engine) as session:
            return [_info(row) for row in session.scalars(query)]

    def revoke(self, key_id: str, *, at: datetime) -> bool:
        self._cache.pop(key_id, None)
        statement = (
            update(ApiKeyRow)
            .where(ApiKeyRow.id == key_id, ApiKeyRow.revoked_at.is_(None))  # type: ignore[arg-type,union-attr]
            .values(revoked_at=at)
        )
        with _reachable(), self._engine.begin() as connection:
            return connection.execute(statement).rowcount > 0

    def set_roles(self, key_id: str, roles: frozenset[Role]) -> bool:
        self._cache.pop(key_id, None)
        statement = (
            update(ApiKeyRow)
            .where(ApiKeyRow.id == key_id)  # type: ignore[arg-type]
            .values(roles=",".join(sorted(roles)))
        )
        with _reachable(), self._engine.begin() as connection:
            return connection.execute(statement).rowcount > 0
