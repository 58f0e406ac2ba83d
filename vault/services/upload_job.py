"""Upload jobs: an upload that runs on after its request is answered, watched and cancellable.

A job wraps the one ingest use case (`ingest_dataset`): it counts the request body's bytes and
the file's rows as they are anonymized, keeps its state in the JobStore (so any worker can show
it, and it outlives a restart), beats while it lives, and stops at the next block once a cancel
is asked for. A cancelled or failed job leaves no version: the ingest's own pending/discard
mechanism removes what it had begun. Nothing of the file is kept by the job: bytes pass through.

A job whose input is durable (an import's S3 source: `resume` holds its request) is not failed
when its process stops: it is released (queued, nobody's) and a serving process claims it again,
at most `RESUME_ATTEMPTS` times in all; an upload's stream is gone with its process, so its job
fails `interrupted`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from vault.domain.audit import AuditEvent
from vault.domain.ids import is_job_id, new_job_id
from vault.domain.jobs import STALE_AFTER, JobInfo, interrupted
from vault.errors import Conflict, NotFound, VaultError
from vault.ports import AuditLog, JobStore

__all__ = [
    "JobAudit",
    "JobCancelled",
    "JobRunner",
    "UploadJob",
    "cancel_job",
    "get_job",
    "interrupt_orphans",
    "list_jobs",
]

# How often a job's progress is written while it runs, and how often a live job beats.
_PERSIST_EVERY = 0.5
_BEAT_EVERY = 5.0
# How long a cancel waits for the job to stop before it answers with the job as it stands.
_CANCEL_WAIT = 5.0

# (action, outcome, details) → one audit record for the job's tenant.
JobAudit = Callable[[str, str, dict[str, Any]], None]


class JobCancelled(Exception):
    """Raised inside a job's ingest at its next block once a cancel was asked for."""


def _now() -> datetime:
    return datetime.now(UTC)


def process_owner(instance: str) -> str:
    """Who runs a job: host, process id and this process's vault instance."""
    return f"{socket.gethostname()}:{os.getpid()}:{instance}"


class UploadJob:
    """One upload job in the process running it.

    The job's row is written when the file's first byte is read (`file`): what fails before
    that (the form, the name, the file type, an unknown dataset) is the request's error, and
    no job exists; what fails after it fails the job.
    """

    def __init__(
        self,
        store: JobStore,
        *,
        tenant: str,
        kind: str,
        created_by: str,
        owner: str,
        bytes_total: int | None,
        audit: Callable[[str], JobAudit],
        resume: dict[str, Any] | None = None,
        claimed: JobInfo | None = None,
    ) -> None:
        """`audit(job_id)` gives the job's audit hook, once the job has its id. `claimed` is a
        job this process took to start again: its row exists, and its start is a resumption."""
        self.id = claimed.id if claimed is not None else new_job_id(uuid.uuid4().hex)
        self._store = store
        self._audit = audit(self.id)
        self._template = claimed or JobInfo(
            id=self.id,
            tenant=tenant,
            kind=kind,
            state="running",
            created_by=created_by,
            created_at=_now(),
            updated_at=_now(),
            owner=owner,
            bytes_total=bytes_total,
            resume=resume,
        )
        self._claimed = claimed is not None
        self.started = threading.Event()
        self.done = threading.Event()
        self._cancel = threading.Event()
        self._interrupted = False
        self.rows_done = 0
        self.bytes_done = 0
        self.error: BaseException | None = None
        self._persisted_at = 0.0
        self._final: JobInfo | None = None

    def count(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The request body, counted as the ingest reads it."""
        for chunk in chunks:
            self._check()
            self.bytes_done += len(chunk)
            self._maybe_persist()
            yield chunk

    def file(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The file's bytes; the first read starts the job."""
        self._begin()
        yield from chunks

    def rows(self, done: int) -> None:
        """The ingest's progress hook: rows done before the next block."""
        self.rows_done = done
        self._check()
        self._maybe_persist()

    def cancel(self) -> None:
        self._cancel.set()

    def note_resume(self, resume: dict[str, Any]) -> None:
        """Keep what starts this job again after a restart (stored at once)."""
        self._template = replace(self._template, resume=resume)
        self._store.note_resume(self.id, resume)

    @property
    def released(self) -> bool:
        """Whether the job stopped to be started again elsewhere (its server stopping)."""
        # The template, not the snapshot: stopping sets the local cancel flag too.
        return self._interrupted and self._template.resumable

    def interrupt(self) -> None:
        """Stop at the next block, as a cancel does, but end `interrupted` (a server stopping)."""
        self._interrupted = True
        self._cancel.set()

    def beat(self) -> None:
        """Write progress now (the worker lives); pick up a cancel asked for elsewhere."""
        if self.started.is_set() and not self.done.is_set():
            self._persist()

    def snapshot(self) -> JobInfo:
        """The job as it stands now, from this process's own counters."""
        if self._final is not None:
            return self._final
        return replace(
            self._template,
            rows_done=self.rows_done,
            bytes_done=self.bytes_done,
            updated_at=_now(),
            cancel_requested=self._cancel.is_set(),
        )

    def succeed(self, *, dataset_id: str, version: int, rows: int | None = None) -> JobInfo:
        if rows is not None:
            self.rows_done = rows
        # Whatever was known before, the rows stored are the total now.
        return self._finish(
            "succeeded", dataset_id=dataset_id, version=version, rows_total=self.rows_done
        )

    def fail(self, exc: BaseException) -> JobInfo:
        """The job's end after `exc`; before the job started, nothing is stored."""
        self.error = exc
        if not self.started.is_set():
            self.done.set()
            return self.snapshot()
        if isinstance(exc, JobCancelled) and self.released:
            self._store.release(self.id, owner=self._template.owner)
            self._final = replace(self.snapshot(), state="queued")
            self.done.set()
            return self._final
        if isinstance(exc, JobCancelled) and self._interrupted:
            stopped = interrupted(self.snapshot(), _now())
            return self._finish(
                "failed", error_code=stopped.error_code, error_message=stopped.error_message
            )
        if isinstance(exc, JobCancelled):
            return self._finish("cancelled", error_code="cancelled", error_message="cancelled")
        if isinstance(exc, VaultError):  # its messages name rows and fields, never values
            return self._finish("failed", error_code=exc.code, error_message=exc.message)
        return self._finish(
            "failed",
            error_code="internal_error",
            error_message=f"the upload failed ({type(exc).__name__})",
        )

    def _begin(self) -> None:
        if self.started.is_set():
            return
        now = _now()
        self._template = replace(self._template, started_at=now, updated_at=now)
        if self._claimed:  # its row exists: this start is a resumption, audited as one
            self._audit(
                "job.resume",
                "ok",
                {"kind": self._template.kind, "attempt": self._template.attempts},
            )
        else:
            self._store.create(self.snapshot())
            self._audit("job.create", "ok", {"kind": self._template.kind})
        self._persisted_at = time.monotonic()
        self.started.set()

    def _check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled

    def _maybe_persist(self) -> None:
        if self.started.is_set() and time.monotonic() - self._persisted_at >= _PERSIST_EVERY:
            self._persist()

    def _persist(self) -> None:
        self._persisted_at = time.monotonic()
        if self._store.progress(self.id, rows_done=self.rows_done, bytes_done=self.bytes_done):
            self._cancel.set()

    def _finish(self, state: str, **fields: Any) -> JobInfo:
        now = _now()
        final = replace(self.snapshot(), state=state, finished_at=now, updated_at=now, **fields)
        stored = self._store.finish(final)
        self._final = final
        if not stored:  # another process took the job over (it had gone silent): its end
            self.done.set()
            return final
        outcome = "error" if state == "failed" else "ok"
        details: dict[str, Any] = {
            "state": state,
            "rows": final.rows_done,
            "bytes": final.bytes_done,
        }
        if final.error_code and state == "failed":
            details["error"] = final.error_code
        self._audit("job.finish", outcome, details)
        self.done.set()
        return final


class JobRunner:
    """The jobs this process runs: each in its own thread, beating while it lives."""

    def __init__(self, store: JobStore) -> None:
        self.store = store
        self.instance = uuid.uuid4().hex[:12]
        self.owner = process_owner(self.instance)
        self._live: dict[str, UploadJob] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._beater: threading.Thread | None = None

    def new_job(
        self,
        *,
        tenant: str,
        kind: str,
        created_by: str,
        bytes_total: int | None,
        audit: Callable[[str], JobAudit],
        resume: dict[str, Any] | None = None,
    ) -> UploadJob:
        return UploadJob(
            self.store,
            tenant=tenant,
            kind=kind,
            created_by=created_by,
            owner=self.owner,
            bytes_total=bytes_total,
            audit=audit,
            resume=resume,
        )

    def claim(self, job_id: str, audit: Callable[[str], JobAudit]) -> UploadJob | None:
        """A released job, taken by this process to start again (its start audited as
        `job.resume`); None if another process took it first."""
        claimed = self.store.claim(job_id, owner=self.owner)
        if claimed is None:
            return None
        job = UploadJob(
            self.store,
            tenant=claimed.tenant,
            kind=claimed.kind,
            created_by=claimed.created_by,
            owner=self.owner,
            bytes_total=claimed.bytes_total,
            audit=audit,
            claimed=claimed,
        )
        for _ in job.file(iter(())):  # started: its row is there, what fails now fails it
            pass
        return job

    @contextlib.contextmanager
    def tracked(self, job: UploadJob) -> Iterator[UploadJob]:
        """Beat for `job` while the block runs (a job run in the caller's own thread)."""
        with self._lock:
            self._live[job.id] = job
            if self._beater is None:
                self._beater = threading.Thread(target=self._beat, name="vault-jobs", daemon=True)
                self._beater.start()
        try:
            yield job
        finally:
            with self._lock:
                self._live.pop(job.id, None)

    def run(self, job: UploadJob, work: Callable[[UploadJob], tuple[str, int, int]]) -> None:
        """Run `work(job)` → (dataset id, version, rows) in a thread of its own; its outcome
        ends the job. The thread outlives the request that started it."""

        def target() -> None:
            with self.tracked(job):
                try:
                    dataset_id, version, rows = work(job)
                except BaseException as exc:  # the job's outcome, never the process's
                    job.fail(exc)
                else:
                    job.succeed(dataset_id=dataset_id, version=version, rows=rows)
                finally:
                    with self._lock:
                        self._threads.pop(job.id, None)

        thread = threading.Thread(target=target, name=f"vault-{job.id}", daemon=True)
        with self._lock:
            self._threads[job.id] = thread
        thread.start()

    def cancel_local(self, job_id: str, *, wait: float = _CANCEL_WAIT) -> None:
        """Stop a job this process runs at its next block, and wait a moment for it."""
        with self._lock:
            job = self._live.get(job_id)
        if job is not None:
            job.cancel()
            job.done.wait(wait)

    def close(self, *, wait: float = 10.0) -> None:
        """Cancel the jobs still running and wait for them to leave nothing behind."""
        self._stopping.set()
        with self._lock:
            live = list(self._live.values())
            threads = list(self._threads.values())
        for job in live:
            job.interrupt()
        deadline = time.monotonic() + wait
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))

    def _beat(self) -> None:
        while not self._stopping.wait(_BEAT_EVERY):
            with self._lock:
                live = list(self._live.values())
            for job in live:
                with contextlib.suppress(Exception):  # a missed beat is retried; never fatal
                    job.beat()


def get_job(store: JobStore, tenant: str, job_id: str) -> JobInfo:
    """The tenant's job as it stands; NotFound for an unknown id, another tenant's, or a
    string that could not be a job id (refused before the store is asked, never echoed)."""
    if not is_job_id(job_id):
        raise NotFound("job not found")
    found = store.get(tenant, job_id)
    if found is None:
        raise NotFound(f"job {job_id} not found")
    return found.as_seen_at(_now())


def list_jobs(store: JobStore, tenant: str, *, limit: int = 100) -> list[JobInfo]:
    """The tenant's jobs, newest first."""
    now = _now()
    return [job.as_seen_at(now) for job in store.recent(tenant, limit=limit)]


def cancel_job(
    store: JobStore,
    runner: JobRunner | None,
    tenant: str,
    job_id: str,
    *,
    wait: float = _CANCEL_WAIT,
) -> JobInfo:
    """Ask the tenant's job to stop; it does at its next block, in whichever process runs it,
    and leaves no version. Returns the job once stopped (or after `wait` seconds, as it then
    stands). Conflict `job_finished` for a job that has already ended."""
    job = get_job(store, tenant, job_id)
    if job.finished:
        raise Conflict(f"job {job_id} has already {job.state}", code="job_finished")
    store.request_cancel(tenant, job_id)
    if runner is not None:
        runner.cancel_local(job_id, wait=wait)
    deadline = time.monotonic() + wait
    while (job := get_job(store, tenant, job_id)).state == "running":
        if time.monotonic() >= deadline:
            break
        time.sleep(0.05)  # another process runs it: it sees the flag at its next block
    return job


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _orphaned(job: JobInfo, runner: JobRunner, now: datetime) -> bool:
    host, _, rest = job.owner.partition(":")
    pid_text, _, instance = rest.partition(":")
    if now - job.updated_at >= STALE_AFTER:
        return True
    if host != socket.gethostname() or not pid_text.isdigit():
        return False  # another machine's job, still beating
    pid = int(pid_text)
    if pid == os.getpid():
        return instance != runner.instance  # an earlier vault of this very process
    return not _alive(pid)


def interrupt_orphans(store: JobStore, runner: JobRunner, audit_log: AuditLog) -> int:
    """At start-up: a job whose process is gone (dead on this host, or silent too long) is
    released to be started again if its input is durable and it has attempts left (whoever
    claims it removes what its last attempt began); else failed with reason `interrupted`,
    audited, its pending version never committed (the sweep removes it). Returns how many were
    failed."""
    now = _now()
    count = 0
    for job in store.unfinished():
        if job.owner == "" or not _orphaned(job, runner, now):
            continue  # released already, waiting for a process to claim it; or alive
        if job.resumable:
            store.release(job.id, owner=job.owner)
            continue
        if not store.finish(interrupted(job, now)):
            continue  # another process got to it first
        extra = {"attempts": job.attempts} if job.resume is not None else {}
        audit_log.append(
            AuditEvent(
                tenant=job.tenant,
                actor="system",
                action="job.finish",
                outcome="error",
                object=job.id,
                details={
                    "state": "failed",
                    "rows": job.rows_done,
                    "bytes": job.bytes_done,
                    "error": "interrupted",
                    **extra,
                },
            )
        )
        count += 1
    return count
