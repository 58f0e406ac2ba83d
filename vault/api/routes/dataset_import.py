"""`POST /v1/datasets/import`: a dataset from the objects under `s3://bucket/prefix`, as a job.

The route only translates: the JSON body into a call of the use case (`import_dataset`, which
authorizes, checks the source, audits and runs the job), its result into a 202 with the job.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from vault.api.deps import audit, get_vault, require
from vault.api.routes.infer import audited_json_body
from vault.domain.jobs import job_json
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.services.dataset_import import import_dataset

router = APIRouter(prefix="/v1/datasets", tags=["datasets"])

Writer = Annotated[Principal, Depends(require(Action.DATASET_WRITE))]


@router.post("/import", status_code=202)
async def post_import(
    request: Request,
    principal: Writer,
    idempotency_key: Annotated[str | None, Header(max_length=256)] = None,
) -> JSONResponse:
    """A new dataset from every object under `source` (`s3://bucket/prefix`, in key order),
    `name`, `format` (csv, jsonl or parquet; else told by the objects' suffixes) and the
    upload's options (`column_policy`, `delimiter`). 202 with the job (`GET /v1/jobs/{id}`);
    a bad field, a missing bucket, an empty prefix or mixed formats is a 4xx and no job."""

    def record(action: str, outcome: str, object_id: str | None, details: dict[str, Any]) -> None:
        audit(request, principal, action, outcome=outcome, object_id=object_id, details=details)

    body = await audited_json_body(request, principal, "dataset.import")
    vault = get_vault(request)
    engine = vault.dataset_engine
    job = await anyio.to_thread.run_sync(
        lambda: import_dataset(
            vault,
            principal,
            body,
            idempotency_key=idempotency_key,
            record=record,
            ready=None if engine is None else engine.check,
        )
    )
    return JSONResponse(
        job_json(job.snapshot(), datetime.now(UTC)),
        status_code=202,
        headers={"Location": f"/v1/jobs/{job.id}"},
    )
