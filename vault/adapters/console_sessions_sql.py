"""The console's server-side sessions in the metadata database (table `console_sessions`).

The browser holds only a random session id in a cookie; the row is found by the SHA-256 of that
id, so the table alone cannot be replayed as a cookie. A session names the principal (tenant,
key id, roles at sign-in), how it signed in, its CSRF token and when it expires. Any worker or
replica sharing the database sees the same sessions.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Engine, MetaData, String, Table, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from vault.domain.principal import Principal, Role
from vault.errors import ServiceUnavailable

__all__ = ["ConsoleSession", "SqlConsoleSessions"]

_METADATA = MetaData()
# Created by migration 0006; declared here for the queries only.
_SESSIONS = Table(
    "console_sessions",
    _METADATA,
    Column("id_hash", String(64), primary_key=True),
    Column("tenant", String(128), nullable=False),
    Column("key_id", String(64), nullable=False),
    Column("roles", String(256), nullable=False),
    Column("via", String(16), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True, slots=True)
class ConsoleSession:
    """A signed-in browser: who it is, how it signed in (`api_key` or `oidc`), its CSRF token."""

    principal: Principal
    via: str
    csrf: str
    expires_at: datetime


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _unavailable(exc: Exception) -> ServiceUnavailable:
    error = ServiceUnavailable("session store unavailable", code="sessions_unavailable")
    error.__cause__ = exc
    return error


class SqlConsoleSessions:
    """Create, look up and end console sessions; expired rows are swept as new ones are made."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(
        self, principal: Principal, *, via: str, ttl: timedelta, now: datetime | None = None
    ) -> tuple[str, ConsoleSession]:
        """A new session for `principal`; returns the id for the cookie (kept nowhere else)."""
        now = now or datetime.now(UTC)
        session_id = secrets.token_urlsafe(32)
        session = ConsoleSession(
            principal=principal, via=via, csrf=secrets.token_urlsafe(32), expires_at=now + ttl
        )
        try:
            with self._engine.begin() as connection:
                connection.execute(delete(_SESSIONS).where(_SESSIONS.c.expires_at <= now))
                connection.execute(
                    insert(_SESSIONS).values(
                        id_hash=_digest(session_id),
                        tenant=principal.tenant,
                        key_id=principal.key_id,
                        roles="/".join(sorted(principal.roles)),
                        via=via,
                        csrf=session.csrf,
                        created_at=now,
                        expires_at=session.expires_at,
                    )
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return session_id, session

    def get(self, session_id: str, *, now: datetime | None = None) -> ConsoleSession | None:
        """The live session behind a cookie's id; None if unknown or expired."""
        if not session_id or len(session_id) > 128:
            return None
        now = now or datetime.now(UTC)
        try:
            with self._engine.connect() as connection:
                row = connection.execute(
                    select(_SESSIONS).where(_SESSIONS.c.id_hash == _digest(session_id))
                ).first()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        if row is None or _utc(row.expires_at) <= now:
            return None
        roles = frozenset(Role(r) for r in row.roles.split("/") if r)
        return ConsoleSession(
            principal=Principal(tenant=row.tenant, roles=roles, key_id=row.key_id),
            via=row.via,
            csrf=row.csrf,
            expires_at=_utc(row.expires_at),
        )

    def end(self, session_id: str) -> None:
        """Forget a session (sign-out); unknown ids are ignored."""
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    delete(_SESSIONS).where(_SESSIONS.c.id_hash == _digest(session_id))
                )
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
