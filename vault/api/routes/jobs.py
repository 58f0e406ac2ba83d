"""`/v1/jobs`: the caller's tenant's upload jobs, their progress, and cancelling one.

Reading a job is not audited (a client polls it); its creation, its end and a cancel are.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from vault.api.deps import audit, get_vault, require
from vault.domain.ids import is_job_id
from vault.domain.jobs import job_json
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.services.upload_job import cancel_job, get_job, list_jobs

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])

# Jobs are uploads: who may upload may watch and cancel them.
Uploader = Annotated[Principal, Depends(require(Action.DATASET_WRITE))]


@router.get("")
def get_jobs(request: Request, principal: Uploader, limit: int = 100) -> dict[str, Any]:
    """The tenant's jobs, newest first."""
    now = datetime.now(UTC)
    jobs = list_jobs(get_vault(request).jobs, principal.tenant, limit=max(1, min(limit, 1000)))
    return {"object": "list", "data": [job_json(job, now) for job in jobs]}


@router.get("/{job_id}")
def get_one(job_id: str, request: Request, principal: Uploader) -> dict[str, Any]:
    """A job's state and progress: rows and bytes done, the total when known, rate, ETA,
    the error (a code and a message naming rows and fields, never values), and the dataset
    version it stored once it succeeded."""
    job = get_job(get_vault(request).jobs, principal.tenant, job_id)
    return job_json(job, datetime.now(UTC))


def _cancel(job_id: str, request: Request, principal: Principal) -> dict[str, Any]:
    vault = get_vault(request)
    object_id = job_id if is_job_id(job_id) else None
    try:
        job = cancel_job(vault.jobs, vault.job_runner, principal.tenant, job_id)
    except Exception as exc:
        details = {"error": getattr(exc, "code", type(exc).__name__)}
        audit(
            request, principal, "job.cancel", outcome="error", object_id=object_id, details=details
        )
        raise
    audit(request, principal, "job.cancel", object_id=object_id, details={"state": job.state})
    return job_json(job, datetime.now(UTC))


@router.post("/{job_id}/cancel")
def post_cancel(job_id: str, request: Request, principal: Uploader) -> dict[str, Any]:
    """Stop a job at its next block; it leaves no version. 409 `job_finished` if it ended."""
    return _cancel(job_id, request, principal)


@router.delete("/{job_id}")
def delete_job(job_id: str, request: Request, principal: Uploader) -> dict[str, Any]:
    """The same as `POST /v1/jobs/{job_id}/cancel`."""
    return _cancel(job_id, request, principal)
