"""The console's two stores on SQLite and PostgreSQL: audit pages with filters and counts over
time, and server-side sessions (by a digest of their id, with expiry)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from tests.adapters.test_audit_sql import FakeKeyService, StepClock
from vault.adapters.audit_search_sql import AuditFilter, SqlAuditSearch
from vault.adapters.audit_signing import load_or_create
from vault.adapters.audit_sql import SqlAuditLog
from vault.adapters.console_sessions_sql import SqlConsoleSessions
from vault.domain.audit import AuditEvent
from vault.domain.principal import Principal, Role


@pytest.fixture
def chain(db_engine: Engine) -> tuple[SqlAuditLog, StepClock]:
    """Tenant acme: 30 records a second apart (every 3rd blocked, every 5th with a purpose,
    actors alternating), and one record of tenant other."""
    clock = StepClock()
    log = SqlAuditLog(db_engine, signer=load_or_create(db_engine, FakeKeyService()), clock=clock)
    for n in range(1, 31):
        log.append(
            AuditEvent(
                tenant="acme",
                actor="key_even" if n % 2 == 0 else "key_odd",
                action="proxy.request" if n % 3 else "dataset.read",
                outcome="blocked" if n % 3 == 0 else "ok",
                object=f"ds_{n:032x}/v1" if n % 3 == 0 else None,
                purpose="support" if n % 5 == 0 else None,
            )
        )
    log.append(AuditEvent(tenant="other", actor="key_odd", action="proxy.request"))
    return log, clock


def test_a_page_is_newest_first_and_pages_back_by_seq(
    db_engine: Engine, chain: tuple[SqlAuditLog, StepClock]
) -> None:
    search = SqlAuditSearch(db_engine)
    first = search.page("acme", AuditFilter(), limit=10)
    assert [r.seq for r in first] == list(range(30, 20, -1))
    older = search.page("acme", AuditFilter(), before_seq=first[-1].seq, limit=10)
    assert [r.seq for r in older] == list(range(20, 10, -1))
    assert all(r.is_intact() for r in first + older)
    assert [r.seq for r in search.page("other", AuditFilter())] == [1]


def test_filters_narrow_by_each_field_and_an_action_prefix(
    db_engine: Engine, chain: tuple[SqlAuditLog, StepClock]
) -> None:
    search = SqlAuditSearch(db_engine)

    def seqs(**fields: object) -> list[int]:
        return [r.seq for r in search.page("acme", AuditFilter(**fields), limit=100)]  # type: ignore[arg-type]

    assert seqs(outcome="blocked") == list(range(30, 0, -3))
    assert seqs(actor="key_even", outcome="blocked") == [30, 24, 18, 12, 6]
    assert seqs(action="dataset.read") == seqs(outcome="blocked")
    assert seqs(action="dataset.*") == seqs(outcome="blocked")
    assert seqs(action="data%") == []  # a LIKE wildcard typed by a person is a plain character
    assert seqs(object=f"ds_{9:032x}/v1") == [9]
    records = search.page("acme", AuditFilter(), limit=100)
    at = {r.seq: r.at for r in records}
    assert seqs(since=at[10], until=at[13]) == [12, 11, 10]
    assert search.record("acme", 7) == next(r for r in records if r.seq == 7)
    assert search.record("acme", 31) is None and search.record("other", 2) is None


def test_activity_counts_every_record_once_in_its_step(
    db_engine: Engine, chain: tuple[SqlAuditLog, StepClock]
) -> None:
    search = SqlAuditSearch(db_engine)
    buckets = search.activity("acme", AuditFilter(), buckets=6)
    assert len(buckets) == 6
    assert sum(b.requests for b in buckets) == 30
    assert sum(b.blocks for b in buckets) == 10
    # A purpose stated on 5, 10, ... 30, of which 15 and 30 were blocked: four revealed.
    assert sum(b.reidentifications for b in buckets) == 4
    assert [b.requests for b in buckets] == [5] * 6  # one record a second: even steps
    assert buckets == sorted(buckets, key=lambda b: b.start)
    assert search.activity("acme", AuditFilter(actor="nobody")) == []
    # The whole chain is counted from its seqs; a filter groups the rows it matches. An
    # action prefix that matches everything takes the second way and must agree.
    records = search.page("acme", AuditFilter(), limit=100)
    at = {r.seq: r.at for r in records}
    for window in (AuditFilter(), AuditFilter(since=at[4], until=at[27])):
        every = AuditFilter(since=window.since, until=window.until, action="*")
        assert search.activity("acme", window, buckets=7) == search.activity(
            "acme", every, buckets=7
        )
    narrowed = search.activity("acme", AuditFilter(outcome="blocked"), buckets=3)
    assert sum(b.requests for b in narrowed) == sum(b.blocks for b in narrowed) == 10


def test_a_session_is_found_by_its_id_only_until_it_expires(db_engine: Engine) -> None:
    sessions = SqlConsoleSessions(db_engine)
    principal = Principal(tenant="acme", roles=frozenset({Role.AUDITOR}), key_id="abcdefghijkl")
    now = datetime(2026, 3, 1, tzinfo=UTC)
    session_id, made = sessions.create(principal, via="api_key", ttl=timedelta(hours=1), now=now)
    found = sessions.get(session_id, now=now + timedelta(minutes=59))
    assert found == made and found.principal == principal and len(found.csrf) >= 40
    assert sessions.get(session_id, now=now + timedelta(hours=1)) is None
    assert sessions.get(session_id[:-1] + "x", now=now) is None
    with db_engine.connect() as connection:
        stored = connection.execute(text("SELECT id_hash FROM console_sessions")).scalars().all()
    assert stored and session_id not in stored  # only a digest of the cookie's id is kept
    sessions.end(session_id)
    assert sessions.get(session_id, now=now) is None


def test_making_a_session_sweeps_the_expired_ones(db_engine: Engine) -> None:
    sessions = SqlConsoleSessions(db_engine)
    principal = Principal(tenant="acme", roles=frozenset({Role.ADMIN}), key_id="abcdefghijkl")
    now = datetime(2026, 3, 1, tzinfo=UTC)
    sessions.create(principal, via="api_key", ttl=timedelta(minutes=5), now=now)
    sessions.create(
        principal, via="api_key", ttl=timedelta(minutes=5), now=now + timedelta(hours=1)
    )
    with db_engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM console_sessions")).scalar_one()
    assert count == 1
