"""Upload jobs: their states, progress figures and what a caller may see of one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Final

__all__ = [
    "FINAL_STATES",
    "RESUME_ATTEMPTS",
    "STALE_AFTER",
    "STATES",
    "JobInfo",
    "interrupted",
    "job_json",
]

STATES: Final = ("queued", "running", "succeeded", "failed", "cancelled")
FINAL_STATES: Final = frozenset({"succeeded", "failed", "cancelled"})
# A running job whose worker has not been heard from for this long is shown as interrupted:
# its worker beats every few seconds while it lives, whatever its block is doing.
STALE_AFTER: Final = timedelta(seconds=60)
# A job with a durable input is started again after a restart, up to this many times in all.
RESUME_ATTEMPTS: Final = 3


@dataclass(frozen=True, slots=True)
class JobInfo:
    """One upload job. Counts and ids only: an error message names rows and fields, never
    values (it is a VaultError's message, which carries no PII)."""

    id: str
    tenant: str
    kind: str  # "dataset.create" | "dataset.version"
    state: str
    created_by: str
    created_at: datetime
    updated_at: datetime
    owner: str  # host:pid:instance of the process running it
    rows_done: int = 0
    # Rows the job will have done when it succeeds, where known: an inference job knows its
    # source's rows from the start; an upload knows them only once it has read its file.
    rows_total: int | None = None
    bytes_done: int = 0
    bytes_total: int | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    cancel_requested: bool = False
    error_code: str | None = None
    error_message: str | None = None
    dataset_id: str | None = None
    version: int | None = None
    attempts: int = 1  # how many times a process has started it
    # What starts the job again from its durable input (an import's request, and the version
    # its last attempt reserved); None for an upload, whose stream is gone with its process.
    resume: dict[str, Any] | None = None

    @property
    def finished(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def resumable(self) -> bool:
        """Whether a restart starts it again: a durable input, attempts left, no cancel."""
        return (
            self.resume is not None
            and self.attempts < RESUME_ATTEMPTS
            and not self.cancel_requested
        )

    def as_seen_at(self, now: datetime) -> JobInfo:
        """The job as a reader should see it: a running job whose worker went silent is failed
        with reason `interrupted` (its process died without saying so)."""
        if self.finished or now - self.updated_at < STALE_AFTER:
            return self
        return interrupted(self, now)

    def rate(self, now: datetime) -> float | None:
        """Bytes of the request body anonymized per second, since the job started."""
        if self.started_at is None:
            return None
        elapsed = ((self.finished_at or now) - self.started_at).total_seconds()
        return self.bytes_done / elapsed if elapsed > 0 else None

    def eta_seconds(self, now: datetime) -> float | None:
        """Seconds left at the current rate, when the total is known and the job runs."""
        rate = self.rate(now)
        if self.finished or self.bytes_total is None or not rate:
            return None
        return max(self.bytes_total - self.bytes_done, 0) / rate


def interrupted(job: JobInfo, now: datetime) -> JobInfo:
    """`job`, failed because the process running it stopped (for a job with a durable input,
    the last of its attempts)."""
    if job.resume is None:
        message = "the job was interrupted (its server stopped); upload the file again"
    else:
        message = (
            f"the job was interrupted (its server stopped) in each of its {job.attempts} "
            "attempts; send the import again"
        )
    return replace(
        job, state="failed", finished_at=now, error_code="interrupted", error_message=message
    )


def job_json(job: JobInfo, now: datetime) -> dict[str, Any]:
    rate = job.rate(now)
    eta = job.eta_seconds(now)
    return {
        "id": job.id,
        "object": "job",
        "kind": job.kind,
        "state": job.state,
        "cancel_requested": job.cancel_requested,
        "attempts": job.attempts,
        "rows_done": job.rows_done,
        "rows_total": job.rows_total,
        "bytes_done": job.bytes_done,
        "bytes_total": job.bytes_total,
        "rate_bytes_per_second": round(rate, 1) if rate is not None else None,
        "eta_seconds": round(eta, 1) if eta is not None else None,
        "error": (
            {"code": job.error_code, "message": job.error_message} if job.error_code else None
        ),
        "dataset_id": job.dataset_id,
        "version": job.version,
        "created_by": job.created_by,
        "created_at": job.created_at.isoformat(),
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }
