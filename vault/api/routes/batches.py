"""`/openai/v1/files` and `/openai/v1/batches`: Groq's batch API through the vault. Input files
are tokenized line by line before they leave; ids are the vault's own; output is restored for
callers allowed to see it. Every request is audited once, with its outcome."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, StreamingResponse

from vault.api.deps import audit, get_vault, require
from vault.api.multipart import read_upload
from vault.api.routes.infer import audited_json_body
from vault.api.streaming import with_body
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.errors import VaultError
from vault.services.batches import Batches
from vault.services.failures import failure_details

router = APIRouter(prefix="/openai/v1", tags=["batches"])

Caller = Annotated[Principal, Depends(require(Action.INFER))]
T = TypeVar("T")
_MAX_BATCH_BODY = 64 * 1024


def _batches(request: Request) -> Batches:
    return get_vault(request).batches


def _audited(
    request: Request,
    principal: Principal,
    action: str,
    work: Callable[[], T],
    *,
    object_id: str | None = None,
    details: Callable[[T], dict[str, Any]] | None = None,
) -> T:
    """Run `work`; audit it once, with its outcome (an error's code, never its text)."""
    try:
        result = work()
    except Exception as exc:
        audit(
            request,
            principal,
            action,
            outcome="error",
            object_id=object_id,
            details=failure_details(exc),
        )
        raise
    shown = details(result) if details is not None else {}
    if object_id is None and isinstance(result, dict) and isinstance(result.get("id"), str):
        object_id = result["id"]
    audit(request, principal, action, object_id=object_id, details=shown)
    return result


@router.post("/files")
async def upload_file(request: Request, principal: Caller) -> JSONResponse:
    """A batch input file (multipart: `purpose=batch`, then `file`): each line's chat body is
    tokenized by the chat redactor, the file sealed and stored, then uploaded upstream. A bad
    line is a 400 naming its number; nothing is stored or sent then."""
    batches = _batches(request)

    def work(chunks: Iterator[bytes]) -> dict[str, Any]:
        def upload() -> Any:
            form = read_upload(chunks, request.headers.get("content-type"))
            return batches.upload(principal, form.chunks, purpose=form.fields.get("purpose"))

        uploaded = _audited(
            request,
            principal,
            "batch.file.upload",
            upload,
            details=lambda u: {
                "lines": u.lines,
                "entities": dict(u.counts),
                "tokens": u.tokens,
            },
        )
        return uploaded.file  # type: ignore[no-any-return]

    return JSONResponse(await with_body(request, work))


@router.get("/files/{file_id}")
def get_file(file_id: str, request: Request, principal: Caller) -> dict[str, Any]:
    return _audited(
        request,
        principal,
        "batch.file.read",
        lambda: _batches(request).get_file(principal, file_id),
        object_id=file_id,
    )


@router.delete("/files/{file_id}")
def delete_file(file_id: str, request: Request, principal: Caller) -> dict[str, Any]:
    return _audited(
        request,
        principal,
        "batch.file.delete",
        lambda: _batches(request).delete_file(principal, file_id),
        object_id=file_id,
    )


@router.get("/files/{file_id}/content")
def file_content(file_id: str, request: Request, principal: Caller) -> StreamingResponse:
    """The file's JSONL, streamed: re-identified for a caller allowed to, tokens kept for
    others, what a model wrote that is PII tokenized for everyone. Audited when it ends."""
    batches = _batches(request)
    try:
        content = batches.file_content(principal, file_id)
    except Exception as exc:
        audit(
            request,
            principal,
            "batch.file.content",
            outcome="error",
            object_id=file_id,
            details=failure_details(exc),
        )
        raise

    def lines() -> Iterator[bytes]:
        how = "client_gone"
        try:
            yield from content
            how = "ok"
        except VaultError as exc:
            how = exc.code
            raise
        finally:
            audit(
                request,
                principal,
                "batch.file.content",
                outcome="ok" if how == "ok" else "error",
                object_id=file_id,
                purpose="inference" if content.reidentified else None,
                details={
                    "end": how,
                    "reidentified": content.reidentified,
                    "restored": dict(content.restored),
                },
            )

    return StreamingResponse(lines(), media_type="application/octet-stream")


@router.post("/batches")
async def create_batch(request: Request, principal: Caller) -> dict[str, Any]:
    """A batch upstream over one of the tenant's input files (`input_file_id`, `endpoint`,
    `completion_window`)."""
    body = await audited_json_body(request, principal, "batch.create", _MAX_BATCH_BODY)
    batches = _batches(request)
    return await anyio.to_thread.run_sync(
        lambda: _audited(
            request, principal, "batch.create", lambda: batches.create_batch(principal, body)
        )
    )


@router.get("/batches")
def list_batches(request: Request, principal: Caller) -> dict[str, Any]:
    return _audited(
        request,
        principal,
        "batch.list",
        lambda: _batches(request).list_batches(principal),
        details=lambda listed: {"count": len(listed["data"])},
    )


@router.get("/batches/{batch_id}")
def get_batch(batch_id: str, request: Request, principal: Caller) -> dict[str, Any]:
    return _audited(
        request,
        principal,
        "batch.read",
        lambda: _batches(request).get_batch(principal, batch_id),
        object_id=batch_id,
    )


@router.post("/batches/{batch_id}/cancel")
def cancel_batch(batch_id: str, request: Request, principal: Caller) -> dict[str, Any]:
    return _audited(
        request,
        principal,
        "batch.cancel",
        lambda: _batches(request).cancel_batch(principal, batch_id),
        object_id=batch_id,
    )
