"""SqlTokenStore on SQLite and PostgreSQL: batched inserts that are idempotent, reads by token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from vault.adapters.tables import TokenRow
from vault.adapters.token_store_sql import SqlTokenStore
from vault.ports import TokenRecord


def _records(count: int, *, digest: str = "d") -> list[TokenRecord]:
    return [
        TokenRecord(
            token=f"PERSON_{i:010d}",
            entity_type="PERSON",
            value_digest=f"{digest}{i}",
            sealed_value=bytes([i % 256]) * 41,
        )
        for i in range(count)
    ]


def test_save_is_batched_idempotent_and_keeps_the_first_value(db_engine: Engine) -> None:
    store = SqlTokenStore(db_engine)
    records = _records(1200)  # more than one IN list of the fetch
    before = datetime.now(UTC)
    store.save("acme", records[:700])
    store.save("acme", records)  # the first 700 again, with 500 new ones
    store.save("acme", _records(3, digest="other"))  # the same tokens, other values: ignored
    found = store.fetch("acme", [r.token for r in records] + ["PERSON_NOTSTORED0"])
    assert found == {r.token: r for r in records}
    assert store.fetch("other-tenant", [r.token for r in records]) == {}
    with db_engine.connect() as connection:
        stamps = connection.execute(
            select(TokenRow.created_at).where(TokenRow.tenant == "acme")  # type: ignore[arg-type]
        ).scalars()
        for stamp in stamps:  # read back as the ORM reads it: a time of this save
            aware = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
            assert before - timedelta(seconds=1) <= aware <= datetime.now(UTC)


def test_an_empty_save_writes_nothing(db_engine: Engine) -> None:
    store = SqlTokenStore(db_engine)
    store.save("acme", [])
    assert store.fetch("acme", ["PERSON_0000000000"]) == {}
