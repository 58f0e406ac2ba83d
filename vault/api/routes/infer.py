"""`POST /v1/datasets/{id}/versions/{n}/infer`: prompts over a stored dataset, as a job.

The route only translates: the JSON body into a call of the use case (`InferDataset`, which
authorizes, validates every row, audits and runs the job), its result into a 202 with the job.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from vault.api.deps import audit, get_vault, require
from vault.domain.ids import version_number
from vault.domain.jobs import job_json
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, PayloadTooLarge, VaultError
from vault.services.failures import failure_details
from vault.services.infer import InferDataset

router = APIRouter(prefix="/v1/datasets", tags=["datasets"])

Caller = Annotated[Principal, Depends(require(Action.INFER))]
_MAX_BODY = 64 * 1024


async def small_json_body(request: Request, limit: int = _MAX_BODY) -> Any:
    """A small JSON request body (a job's or a batch's parameters): 413 past `limit` bytes,
    read no further; 400 if it does not parse."""
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > limit:
            raise PayloadTooLarge(f"request body is larger than {limit} bytes")
    try:
        return json.loads(raw)
    except ValueError:
        raise InvalidRequest("request body is not valid JSON") from None


async def audited_json_body(
    request: Request, principal: Principal, action: str, limit: int = _MAX_BODY
) -> Any:
    """`small_json_body`, whose refusal is audited as `action`'s error before it is raised."""
    try:
        return await small_json_body(request, limit)
    except VaultError as exc:
        failure = failure_details(exc)
        await anyio.to_thread.run_sync(
            lambda: audit(request, principal, action, outcome="error", details=failure)
        )
        raise


@router.post("/{dataset_id}/versions/{number}/infer", status_code=202)
async def post_infer(
    dataset_id: str, number: str, request: Request, principal: Caller
) -> JSONResponse:
    """Run a model over every row of an anonymized version (`model`, `template` naming
    columns as `{notes}`, `output_column`, `mode: online | batch`, `concurrency`, `max_rows`);
    the answers become a new version of a derived dataset. 202 with the job
    (`GET /v1/jobs/{id}`); every bad field or row is a 4xx before anything is sent."""

    def record(action: str, outcome: str, object_id: str | None, details: dict[str, Any]) -> None:
        audit(request, principal, action, outcome=outcome, object_id=object_id, details=details)

    body = await audited_json_body(request, principal, "dataset.infer")
    infer = InferDataset(get_vault(request))
    started = await anyio.to_thread.run_sync(
        lambda: infer.start(principal, dataset_id, version_number(number), body, record=record)
    )
    answer = {
        **job_json(started.job.snapshot(), datetime.now(UTC)),
        "source": started.source,
    }
    return JSONResponse(answer, status_code=202, headers={"Location": f"/v1/jobs/{started.job.id}"})
