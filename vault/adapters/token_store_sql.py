"""The token store in the metadata database: token → sealed value, per tenant."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Engine, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from vault.adapters.tables import TokenRow, utcnow
from vault.errors import ServiceUnavailable
from vault.ports import TokenRecord

__all__ = ["SqlTokenStore"]

_BATCH = 500  # keeps IN lists and multi-row inserts within every driver's parameter limit
_TOKENS = TokenRow.__table__  # type: ignore[attr-defined]
_COLUMNS = ("tenant", "token", "entity_type", "value_digest", "sealed_value", "created_at")
# The columns a fetch reads, in this order.
_FETCHED = (_TOKENS.c.token, _TOKENS.c.entity_type, _TOKENS.c.value_digest, _TOKENS.c.sealed_value)


def _record(row: Any) -> TokenRecord:
    return TokenRecord(
        token=row.token,
        entity_type=row.entity_type,
        value_digest=row.value_digest,
        sealed_value=row.sealed_value,
    )


class SqlTokenStore:
    """Implements the TokenStore port on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        dialect = engine.dialect
        insert = pg_insert if dialect.name == "postgresql" else sqlite_insert
        # Compiled once to the driver's own SQL and handed the rows as the driver takes them:
        # an upload saves tens of thousands of tokens, and SQLAlchemy's work per parameter set
        # (defaults, type processing) costs more than the insert itself.
        compiled = (
            insert(_TOKENS)
            .values({name: bindparam(name) for name in _COLUMNS})
            .on_conflict_do_nothing()
            .compile(dialect=dialect)
        )
        self._save_sql = str(compiled)
        self._positions = compiled.positiontup  # the names in order, for a positional driver
        self._stamp = _TOKENS.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
        self._fetch_sql: dict[int, tuple[str, tuple[str, ...] | None]] = {}

    def _fetch_statement(self, count: int) -> tuple[str, tuple[str, ...] | None]:
        """The driver's SQL that reads `count` tokens of one tenant, compiled once per count,
        and the order of its parameters for a positional driver."""
        cached = self._fetch_sql.get(count)
        if cached is None:
            compiled = (
                select(*_FETCHED)
                .where(
                    _TOKENS.c.tenant == bindparam("tenant"),
                    _TOKENS.c.token.in_([bindparam(f"t{i}") for i in range(count)]),
                )
                .compile(dialect=self._engine.dialect)
            )
            positions = compiled.positiontup
            cached = (str(compiled), tuple(positions) if positions is not None else None)
            self._fetch_sql[count] = cached
        return cached

    def save(self, tenant: str, records: Sequence[TokenRecord]) -> None:
        """Insert tokens not yet stored; a concurrent insert of the same token is not an error."""
        if not records:
            return
        now = utcnow()
        stamp = self._stamp(now) if self._stamp is not None else now
        rows: list[Any] = [
            {
                "tenant": tenant,
                "token": r.token,
                "entity_type": r.entity_type,
                "value_digest": r.value_digest,
                "sealed_value": r.sealed_value,
                "created_at": stamp,
            }
            for r in records
        ]
        if self._positions is not None:
            rows = [tuple(row[name] for name in self._positions) for row in rows]
        # One statement, many parameter sets: one executemany, whatever the count.
        try:
            with self._engine.begin() as connection:
                connection.exec_driver_sql(self._save_sql, rows)
        except SQLAlchemyError as exc:
            raise ServiceUnavailable(
                "token store unavailable", code="token_store_unavailable"
            ) from exc

    def fetch(self, tenant: str, tokens: Collection[str]) -> dict[str, TokenRecord]:
        # In key order, each IN list reads a narrower stretch of the index.
        wanted = sorted(tokens)
        found: dict[str, TokenRecord] = {}
        # Core, not the ORM, and the driver's own SQL: a fresh value's look-up is on the
        # proxy's path, and a re-identified download reads a token per value; a Session, or
        # SQLAlchemy's work per row and per expanded IN list, costs more than the query.
        try:
            with self._engine.connect() as connection:
                for i in range(0, len(wanted), _BATCH):
                    batch = wanted[i : i + _BATCH]
                    # Padded with its last token to a size of a few compiled ones.
                    count = min(_BATCH, 1 << (len(batch) - 1).bit_length())
                    batch += batch[-1:] * (count - len(batch))
                    sql, positions = self._fetch_statement(count)
                    named = {"tenant": tenant, **{f"t{n}": t for n, t in enumerate(batch)}}
                    params: Any = named if positions is None else tuple(named[k] for k in positions)
                    rows = connection.exec_driver_sql(sql, params).fetchall()
                    for token, entity_type, value_digest, sealed_value in rows:
                        found[token] = TokenRecord(
                            token=token,
                            entity_type=entity_type,
                            value_digest=value_digest,
                            sealed_value=sealed_value,
                        )
        except SQLAlchemyError as exc:
            raise ServiceUnavailable(
                "token store unavailable", code="token_store_unavailable"
            ) from exc
        return found

    def find_by_digest(self, tenant: str, value_digest: str) -> list[TokenRecord]:
        query = select(TokenRow).where(
            TokenRow.tenant == tenant,  # type: ignore[arg-type]
            TokenRow.value_digest == value_digest,  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            return [_record(row) for row in session.scalars(query)]

    def erase(self, tenant: str, tokens: Collection[str], *, tombstone: str) -> int:
        """Destroy the sealed values of `tokens`, keeping a tombstone row so none is reissued."""
        statement = (
            update(TokenRow)
            .where(
                TokenRow.tenant == tenant,  # type: ignore[arg-type]
                TokenRow.token.in_(list(tokens)),  # type: ignore[attr-defined]
            )
            .values(sealed_value=b"", value_digest=tombstone)
        )
        with self._engine.begin() as connection:
            return connection.execute(statement).rowcount
