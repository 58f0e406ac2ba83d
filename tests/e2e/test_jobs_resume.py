"""Releasing and claiming jobs for a restart, on SQLite and PostgreSQL: a released import is
taken by exactly one of many racing processes, an upload is failed `interrupted`, and an import
past its attempts is failed `interrupted` naming them."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Engine

from vault.adapters.jobs_sql import SqlJobStore
from vault.domain.jobs import RESUME_ATTEMPTS, JobInfo
from vault.services.upload_job import JobRunner, interrupt_orphans

_RESUME = {"body": {"source": "s3://bucket/prefix/", "name": "n"}, "listing_sha256": "0" * 64}


def _job(job_id: str, *, resume: dict[str, object] | None, attempts: int = 1) -> JobInfo:
    long_ago = datetime.now(UTC) - timedelta(minutes=5)  # silent far past STALE_AFTER
    return JobInfo(
        id=job_id,
        tenant="acme",
        kind="dataset.import" if resume else "dataset.create",
        state="running",
        created_by="key_1",
        created_at=long_ago,
        updated_at=long_ago,
        owner="elsewhere:1:gone",
        rows_done=40,
        bytes_done=4096,
        started_at=long_ago,
        attempts=attempts,
        resume=resume,
    )


def test_a_released_import_is_claimed_by_exactly_one_of_many_processes(
    db_engine: Engine,
) -> None:
    store = SqlJobStore(db_engine)
    store.create(_job("job_import", resume=_RESUME))
    assert store.release("job_import", owner="someone else") is False
    assert store.release("job_import", owner="elsewhere:1:gone") is True
    released = store.get("acme", "job_import")
    assert released is not None
    assert (released.state, released.owner, released.rows_done, released.bytes_done) == (
        "queued",
        "",
        0,
        0,
    )
    taken: list[JobInfo] = []
    barrier = threading.Barrier(8)

    def take(index: int) -> None:
        barrier.wait()
        claimed = store.claim("job_import", owner=f"process-{index}")
        if claimed is not None:
            taken.append(claimed)

    threads = [threading.Thread(target=take, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(taken) == 1
    assert (taken[0].state, taken[0].attempts, taken[0].resume) == ("running", 2, _RESUME)
    assert store.released() == []
    stale = replace(taken[0], state="failed", owner="elsewhere:1:gone")
    assert store.finish(stale) is False  # the old owner can no longer end the job


def test_the_start_up_sweep_releases_imports_and_fails_the_rest(db_engine: Engine) -> None:
    store = SqlJobStore(db_engine)
    recorded: list[Any] = []  # the sweep's audit events, as it appends them
    store.create(_job("job_upload", resume=None))
    store.create(_job("job_import", resume=_RESUME))
    store.create(_job("job_spent", resume=_RESUME, attempts=RESUME_ATTEMPTS))
    assert interrupt_orphans(store, JobRunner(store), cast(Any, recorded)) == 2
    upload, spent = store.get("acme", "job_upload"), store.get("acme", "job_spent")
    assert upload is not None and spent is not None
    assert (upload.state, upload.error_code) == ("failed", "interrupted")
    assert (spent.state, spent.error_code) == ("failed", "interrupted")
    assert spent.error_message is not None and f"{RESUME_ATTEMPTS} attempts" in spent.error_message
    assert [job.id for job in store.released()] == ["job_import"]
    finishes = {event.object: event.details for event in recorded}
    assert finishes["job_spent"]["attempts"] == RESUME_ATTEMPTS
    assert "attempts" not in finishes["job_upload"] and "job_import" not in finishes
