"""Upload jobs in the metadata database, so every worker sees them and they outlive a restart."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select, update
from sqlmodel import Session

from vault.adapters.tables import JobRow, as_utc
from vault.domain.jobs import FINAL_STATES, JobInfo

__all__ = ["SqlJobStore"]

_UNFINISHED = ("queued", "running")
_RELEASED = ""  # the owner of a job handed back to be started again by whichever process


def _job(row: JobRow) -> JobInfo:
    return JobInfo(
        id=row.id,
        tenant=row.tenant,
        kind=row.kind,
        state=row.state,
        created_by=row.created_by,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        owner=row.owner,
        rows_done=row.rows_done,
        rows_total=row.rows_total,
        bytes_done=row.bytes_done,
        bytes_total=row.bytes_total,
        started_at=as_utc(row.started_at) if row.started_at else None,
        finished_at=as_utc(row.finished_at) if row.finished_at else None,
        cancel_requested=row.cancel_requested,
        error_code=row.error_code,
        error_message=row.error_message,
        dataset_id=row.dataset_id,
        version=row.version,
        attempts=row.attempts,
        resume=row.resume,
    )


class SqlJobStore:
    """Implements the JobStore port."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(self, job: JobInfo) -> None:
        with Session(self._engine) as session:
            session.add(JobRow(**asdict(job)))
            session.commit()

    def get(self, tenant: str, job_id: str) -> JobInfo | None:
        with Session(self._engine) as session:
            row = session.get(JobRow, job_id)
            # Another tenant's job is indistinguishable from a missing one.
            return _job(row) if row is not None and row.tenant == tenant else None

    def recent(self, tenant: str, *, limit: int = 100) -> list[JobInfo]:
        query = (
            select(JobRow)
            .where(JobRow.tenant == tenant)  # type: ignore[arg-type]
            .order_by(JobRow.created_at.desc())  # type: ignore[attr-defined]
            .limit(limit)
        )
        with Session(self._engine) as session:
            return [_job(r) for r in session.scalars(query)]

    def progress(self, job_id: str, *, rows_done: int, bytes_done: int) -> bool:
        with self._engine.begin() as connection:
            connection.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.state.in_(_UNFINISHED))  # type: ignore[arg-type, attr-defined]
                .values(rows_done=rows_done, bytes_done=bytes_done, updated_at=datetime.now(UTC))
            )
            return bool(
                connection.scalar(
                    select(JobRow.cancel_requested).where(JobRow.id == job_id)  # type: ignore[call-overload]
                )
            )

    def finish(self, job: JobInfo) -> bool:
        assert job.state in FINAL_STATES
        fields = asdict(job)
        for key in ("id", "tenant", "kind", "created_by", "created_at", "owner", "attempts"):
            fields.pop(key)
        with self._engine.begin() as connection:
            done = connection.execute(
                update(JobRow)
                .where(
                    JobRow.id == job.id,  # type: ignore[arg-type]
                    JobRow.state.in_(_UNFINISHED),  # type: ignore[attr-defined]
                    JobRow.owner == job.owner,  # type: ignore[arg-type]
                )
                .values(**fields)
            )
            return bool(done.rowcount)

    def release(self, job_id: str, *, owner: str) -> bool:
        # A conditional update is the claim: of two processes releasing or taking the same
        # job, the database lets one match the row (PostgreSQL locks it for the other).
        with self._engine.begin() as connection:
            done = connection.execute(
                update(JobRow)
                .where(
                    JobRow.id == job_id,  # type: ignore[arg-type]
                    JobRow.state.in_(_UNFINISHED),  # type: ignore[attr-defined]
                    JobRow.owner == owner,  # type: ignore[arg-type]
                )
                .values(
                    state="queued",
                    owner=_RELEASED,
                    rows_done=0,
                    bytes_done=0,
                    updated_at=datetime.now(UTC),
                )
            )
            return bool(done.rowcount)

    def claim(self, job_id: str, *, owner: str) -> JobInfo | None:
        now = datetime.now(UTC)
        with self._engine.begin() as connection:
            done = connection.execute(
                update(JobRow)
                .where(
                    JobRow.id == job_id,  # type: ignore[arg-type]
                    JobRow.state == "queued",  # type: ignore[arg-type]
                    JobRow.owner == _RELEASED,  # type: ignore[arg-type]
                )
                .values(
                    state="running",
                    owner=owner,
                    attempts=JobRow.attempts + 1,
                    started_at=now,
                    updated_at=now,
                )
            )
            if not done.rowcount:
                return None
        with Session(self._engine) as session:
            row = session.get(JobRow, job_id)
            return _job(row) if row is not None else None

    def released(self) -> list[JobInfo]:
        query = select(JobRow).where(
            JobRow.state == "queued",  # type: ignore[arg-type]
            JobRow.owner == _RELEASED,  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            return [_job(r) for r in session.scalars(query)]

    def note_resume(self, job_id: str, resume: dict[str, Any]) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                update(JobRow)
                .where(JobRow.id == job_id)  # type: ignore[arg-type]
                .values(resume=resume)
            )

    def request_cancel(self, tenant: str, job_id: str) -> JobInfo | None:
        with self._engine.begin() as connection:
            connection.execute(
                update(JobRow)
                .where(
                    JobRow.id == job_id,  # type: ignore[arg-type]
                    JobRow.tenant == tenant,  # type: ignore[arg-type]
                    JobRow.state.in_(_UNFINISHED),  # type: ignore[attr-defined]
                )
                .values(cancel_requested=True)
            )
        return self.get(tenant, job_id)

    def unfinished(self) -> list[JobInfo]:
        query = select(JobRow).where(JobRow.state.in_(_UNFINISHED))  # type: ignore[attr-defined]
        with Session(self._engine) as session:
            return [_job(r) for r in session.scalars(query)]
