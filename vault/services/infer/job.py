"""The inference job: its progress, and how a job stopped midway ends with the rows it kept."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from vault.domain.jobs import JobInfo
from vault.errors import VaultError
from vault.ports import JobStore
from vault.services.infer.plan import InferRecorder
from vault.services.upload_job import JobAudit, JobCancelled, UploadJob


class Stopped(JobCancelled):
    """A job that ended before its last row, its version holding the rows done (or none)."""

    def __init__(self, reason: BaseException, *, dataset_id: str, version: int | None, rows: int):
        super().__init__()
        self.reason = reason
        self.dataset_id = dataset_id
        self.version = version
        self.rows = rows


class InferJob(UploadJob):
    """An inference job: begun when its request is accepted, its rows counted as answered. A
    job stopped midway (cancelled, interrupted, or cut by the upstream) ends with the version
    that holds what was done, and its message says how much that was."""

    def __init__(self, store: JobStore, *, dataset_id: str, rows_total: int, **kwargs: Any):
        super().__init__(store, **kwargs)
        self._template = replace(self._template, dataset_id=dataset_id, rows_total=rows_total)
        self.rows_total = rows_total
        self._stopped_by_server = False

    def begin(self) -> None:
        self._begin()

    def interrupt(self) -> None:
        self._stopped_by_server = True
        super().interrupt()

    def fail(self, exc: BaseException) -> JobInfo:
        if not isinstance(exc, Stopped):
            return super().fail(exc)
        self.error = exc
        self.rows_done = exc.rows
        kept = (
            f"version {exc.version} holds the {exc.rows} of {self.rows_total} rows done"
            if exc.version is not None
            else f"no row of {self.rows_total} was done, so no version was stored"
        )
        fields: dict[str, Any] = {"dataset_id": exc.dataset_id, "version": exc.version}
        if isinstance(exc.reason, JobCancelled) and not self._stopped_by_server:
            return self._finish(
                "cancelled", error_code="cancelled", error_message=f"cancelled; {kept}", **fields
            )
        if isinstance(exc.reason, JobCancelled):
            code, why = "interrupted", "the job was interrupted (its server stopped)"
        elif isinstance(exc.reason, VaultError):
            code, why = exc.reason.code, exc.reason.message
        else:
            code, why = "internal_error", f"the inference failed ({type(exc.reason).__name__})"
        return self._finish("failed", error_code=code, error_message=f"{why}; {kept}", **fields)


def job_audit(record: InferRecorder, job_id: str) -> JobAudit:
    def audit(action: str, outcome: str, details: dict[str, Any]) -> None:
        record(action, outcome, job_id, details)

    return audit
