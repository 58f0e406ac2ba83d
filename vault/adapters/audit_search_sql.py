"""Reading a tenant's audit chain the way a person browses it: filtered pages, newest first,
one record by seq, and counts over time. Read-only; the chain is written by `SqlAuditLog`.

Each filter is an equality within the tenant (an `action` ending in `*` is a prefix), answered
by the (tenant, column, seq) indexes of migration 0006, so a page costs the same with a hundred
records or a hundred thousand.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Float, case, cast, func, literal, select
from sqlalchemy.exc import SQLAlchemyError

from vault.adapters.audit_sql import _record
from vault.adapters.tables import AuditRecordRow
from vault.domain.audit import AuditRecord
from vault.errors import ServiceUnavailable

__all__ = ["ActivityBucket", "AuditFilter", "SqlAuditSearch"]

_RECORDS = AuditRecordRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the console's audit table is narrowed to; None leaves a field open."""

    since: datetime | None = None
    until: datetime | None = None
    actor: str | None = None
    action: str | None = None
    outcome: str | None = None
    object: str | None = None


@dataclass(frozen=True, slots=True)
class ActivityBucket:
    """One step of the activity chart: every record, the blocked ones, the ones that stated a
    purpose (re-identifications and reads that revealed), from `start` for the step's length."""

    start: datetime
    requests: int
    blocks: int
    reidentifications: int


def _unavailable(exc: Exception) -> ServiceUnavailable:
    error = ServiceUnavailable("audit log unavailable", code="audit_unavailable")
    error.__cause__ = exc
    return error


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class SqlAuditSearch:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._postgres = engine.dialect.name == "postgresql"

    def _conditions(self, tenant: str, flt: AuditFilter) -> list[Any]:
        c = _RECORDS.c
        conditions: list[Any] = [c.tenant == tenant]
        if flt.since is not None:
            conditions.append(c.at >= flt.since)
        if flt.until is not None:
            conditions.append(c.at < flt.until)
        for column, value in (
            ("actor", flt.actor),
            ("outcome", flt.outcome),
            ("object", flt.object),
        ):
            if value is not None:
                conditions.append(c[column] == value)
        if flt.action is not None:
            if flt.action.endswith("*"):
                prefix = (
                    flt.action[:-1].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                )
                conditions.append(c.action.like(prefix + "%", escape="\\"))
            else:
                conditions.append(c.action == flt.action)
        return conditions

    def page(
        self, tenant: str, flt: AuditFilter, *, before_seq: int | None = None, limit: int = 50
    ) -> list[AuditRecord]:
        """Up to `limit` records matching `flt` with seq below `before_seq`, newest first."""
        conditions = self._conditions(tenant, flt)
        if before_seq is not None:
            conditions.append(_RECORDS.c.seq < before_seq)
        query = select(_RECORDS).where(*conditions).order_by(_RECORDS.c.seq.desc()).limit(limit)
        try:
            with self._engine.connect() as connection:
                rows = connection.execute(query).all()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return [_record(row) for row in rows]

    def record(self, tenant: str, seq: int) -> AuditRecord | None:
        """The tenant's record `seq`, or None."""
        query = select(_RECORDS).where(_RECORDS.c.tenant == tenant, _RECORDS.c.seq == seq)
        try:
            with self._engine.connect() as connection:
                row = connection.execute(query).first()
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return None if row is None else _record(row)

    def activity(self, tenant: str, flt: AuditFilter, *, buckets: int = 24) -> list[ActivityBucket]:
        """Counts of the records matching `flt` in `buckets` equal steps from the first matching
        record (or `since`) to the last (or `until`); empty if nothing matches."""
        c = _RECORDS.c
        conditions = self._conditions(tenant, flt)
        try:
            with self._engine.connect() as connection:
                first, last = connection.execute(
                    select(func.min(c.at), func.max(c.at)).where(*conditions)
                ).one()
                if first is None:
                    return []
                start = flt.since or _utc(first)
                end = flt.until or _utc(last) + timedelta(microseconds=1)
                step = max((end - start).total_seconds() / buckets, 1e-3)
                narrowed = any(
                    value is not None for value in (flt.actor, flt.action, flt.outcome, flt.object)
                )
                if narrowed:
                    totals = self._grouped(connection, conditions, start, step, buckets)
                else:
                    totals = self._by_seq(connection, tenant, start, step, buckets)
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return [
            ActivityBucket(
                start=start + timedelta(seconds=step * index),
                requests=requests,
                blocks=blocks,
                reidentifications=revealed,
            )
            for index, (requests, blocks, revealed) in enumerate(totals)
        ]

    def _grouped(
        self, connection: Any, conditions: list[Any], start: datetime, step: float, buckets: int
    ) -> list[list[int]]:
        """One pass over the matching rows (a filter's index narrows them), grouped by step."""
        c = _RECORDS.c
        offset = (self._epoch(c.at) - literal(start.timestamp())) / literal(step)
        bucket = cast(func.floor(offset), Float).label("bucket")
        query = (
            select(
                bucket,
                func.count(),
                func.sum(case((c.outcome == "blocked", 1), else_=0)),
                func.sum(case(((c.purpose.is_not(None)) & (c.outcome == "ok"), 1), else_=0)),
            )
            .where(*conditions)
            .group_by(bucket)
        )
        totals = [[0, 0, 0] for _ in range(buckets)]
        for raw, requests, blocks, revealed in connection.execute(query).all():
            index = min(max(int(raw), 0), buckets - 1)  # the last instant lands in the last step
            totals[index][0] += int(requests)
            totals[index][1] += int(blocks or 0)
            totals[index][2] += int(revealed or 0)
        return totals

    def _by_seq(
        self, connection: Any, tenant: str, start: datetime, step: float, buckets: int
    ) -> list[list[int]]:
        """The whole chain over a time range without reading its rows: times never go back
        along a chain, so each step is a run of seqs found at its two ends by (tenant, at), and
        only the blocked and revealing records (few, each in an index of its own) are listed."""
        c = _RECORDS.c
        bounds = [start + timedelta(seconds=step * i) for i in range(buckets + 1)]
        # The first record at or after each bound: the earliest time there, down the (tenant,
        # at) index, then the lowest seq at that time (records may share a clamped time).
        # min(seq) over `at >= bound` alone would walk the primary key through every record.
        firsts = []
        for moment in bounds:
            earliest = (
                select(func.min(c.at)).where(c.tenant == tenant, c.at >= moment).scalar_subquery()
            )
            firsts.append(
                select(func.min(c.seq))
                .where(c.tenant == tenant, c.at == earliest)
                .scalar_subquery()
            )
        top = select(func.max(c.seq)).where(c.tenant == tenant).scalar_subquery()
        found = connection.execute(select(top, *firsts)).one()
        past_end = int(found[0] or 0) + 1
        edges = [past_end if seq is None else int(seq) for seq in found[1:]]
        totals = [[edges[i + 1] - edges[i], 0, 0] for i in range(buckets)]
        in_range = (c.tenant == tenant, c.seq >= edges[0], c.seq < edges[-1])
        for column, where in (
            (1, c.outcome == "blocked"),
            (2, c.purpose.is_not(None) & (c.outcome == "ok")),
        ):
            for (seq,) in connection.execute(select(c.seq).where(*in_range, where)):
                totals[bisect.bisect_right(edges, seq) - 1][column] += 1
        return totals

    def _epoch(self, column: Any) -> Any:
        """Seconds since 1970 of a stored time, in the database's own arithmetic."""
        if self._postgres:
            return func.date_part("epoch", column)  # double precision; extract is numeric
        # SQLite keeps times as text; julianday reads them, 2440587.5 is 1970-01-01.
        return (func.julianday(column) - 2440587.5) * 86400.0
