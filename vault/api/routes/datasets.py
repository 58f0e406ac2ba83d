"""`/v1/datasets`: upload versions (streamed, anonymized, sealed), list them, read them back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse, StreamingResponse

from vault.api.deps import audit, get_vault, require
from vault.api.multipart import read_upload
from vault.domain.entities import ENTITY_TYPES
from vault.domain.policy import Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, PermissionDenied
from vault.ports import DatasetInfo
from vault.services.ingest_dataset import (
    IngestRequest,
    add_version,
    create_dataset,
    parse_column_policy,
    require_dataset,
    version_json,
)
from vault.services.read_dataset import open_version, read_version

router = APIRouter(prefix="/v1/datasets", tags=["datasets"])

Writer = Annotated[Principal, Depends(require(Action.DATASET_WRITE))]
Reader = Annotated[Principal, Depends(require(Action.DATASET_READ))]
T = TypeVar("T")

_MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl",
    "text": "text/plain; charset=utf-8",
}


def dataset_json(dataset: DatasetInfo) -> dict[str, Any]:
    return {
        "id": dataset.id,
        "object": "dataset",
        "name": dataset.name,
        "created_at": dataset.created_at.isoformat(),
        "created_by": dataset.created_by,
        "latest_version": dataset.latest_version,
    }


async def _with_body(request: Request, work: Callable[[Iterator[bytes]], T]) -> T:
    """Run blocking `work` in a worker thread, feeding it the request body as it arrives."""
    body = request.stream().__aiter__()

    async def next_chunk() -> bytes | None:
        try:
            return await body.__anext__()
        except StopAsyncIteration:
            return None

    def chunks() -> Iterator[bytes]:
        while (chunk := anyio.from_thread.run(next_chunk)) is not None:
            if chunk:
                yield chunk

    return await anyio.to_thread.run_sync(lambda: work(chunks()))


def _ingest(
    request: Request,
    principal: Principal,
    chunks: Iterator[bytes],
    *,
    dataset_id: str | None,
    idempotency_key: str | None,
) -> tuple[dict[str, Any], bool]:
    upload = read_upload(chunks, request.headers.get("content-type"))
    parts = get_vault(request).dataset_parts()
    ingest = IngestRequest(
        filename=upload.filename,
        content_type=upload.content_type,
        chunks=upload.chunks,
        idempotency_key=idempotency_key,
        column_policy=parse_column_policy(
            upload.fields.get("column_policy"), entity_types=ENTITY_TYPES
        ),
    )
    if dataset_id is None:
        name = upload.fields.get("name", "")
        dataset, version, created = create_dataset(parts, principal, name=name, upload=ingest)
    else:
        dataset, version, created = add_version(
            parts, principal, dataset_id=dataset_id, upload=ingest
        )
    return {**dataset_json(dataset), "version": version_json(version)}, created


async def _upload(
    request: Request, principal: Principal, dataset_id: str | None, idempotency_key: str | None
) -> JSONResponse:
    action = "dataset.create" if dataset_id is None else "dataset.version"
    try:
        answer, created = await _with_body(
            request,
            lambda chunks: _ingest(
                request, principal, chunks, dataset_id=dataset_id, idempotency_key=idempotency_key
            ),
        )
    except Exception as exc:
        failure = {"error": str(getattr(exc, "code", type(exc).__name__))}
        await anyio.to_thread.run_sync(
            lambda: audit(
                request, principal, action, outcome="error", object_id=dataset_id, details=failure
            )
        )
        raise
    await anyio.to_thread.run_sync(
        lambda: _audit_stored(request, principal, action, answer, created)
    )
    return JSONResponse(answer, status_code=201 if created else 200)


def _audit_stored(
    request: Request, principal: Principal, action: str, answer: dict[str, Any], created: bool
) -> None:
    version = answer["version"]
    audit(
        request,
        principal,
        action,
        object_id=f"{answer['id']}/v{version['version']}",
        details={"size": version["size"], "format": version["format"], "replayed": not created},
    )


@router.post("", status_code=201)
async def post_dataset(
    request: Request,
    principal: Writer,
    idempotency_key: Annotated[str | None, Header(max_length=256)] = None,
) -> JSONResponse:
    """A new dataset from a multipart upload (`name`, then `file`); its version 1."""
    return await _upload(request, principal, None, idempotency_key)


@router.post("/{dataset_id}/versions", status_code=201)
async def post_version(
    dataset_id: str,
    request: Request,
    principal: Writer,
    idempotency_key: Annotated[str | None, Header(max_length=256)] = None,
) -> JSONResponse:
    """The next version of a dataset from a multipart upload (`file`)."""
    return await _upload(request, principal, dataset_id, idempotency_key)


@router.get("")
def list_datasets(request: Request, principal: Reader) -> dict[str, Any]:
    datasets = get_vault(request).dataset_parts().catalog.list_datasets(principal.tenant)
    return {"object": "list", "data": [dataset_json(d) for d in datasets]}


@router.get("/{dataset_id}")
def get_dataset(dataset_id: str, request: Request, principal: Reader) -> dict[str, Any]:
    return dataset_json(
        require_dataset(get_vault(request).dataset_parts().catalog, principal.tenant, dataset_id)
    )


@router.get("/{dataset_id}/versions")
def list_versions(dataset_id: str, request: Request, principal: Reader) -> dict[str, Any]:
    catalog = get_vault(request).dataset_parts().catalog
    require_dataset(catalog, principal.tenant, dataset_id)
    return {
        "object": "list",
        "data": [version_json(v) for v in catalog.list_versions(principal.tenant, dataset_id)],
    }


@router.get("/{dataset_id}/versions/{number}/report")
def version_report(
    dataset_id: str, number: int, request: Request, principal: Reader
) -> dict[str, Any]:
    """What was found where in a version: counts per column or field, never values."""
    version = open_version(get_vault(request).dataset_parts(), principal, dataset_id, number)
    return {**version_json(version), "report": version.report}


@router.get("/{dataset_id}/versions/{number}/content")
def read_content(
    dataset_id: str,
    number: int,
    request: Request,
    principal: Reader,
    view: str = "anonymized",
    x_vault_purpose: Annotated[str | None, Header()] = None,
    purpose: str | None = None,
) -> StreamingResponse:
    """The version's content; `?view=reidentified` gives the original to a reidentifier."""
    vault = get_vault(request)
    parts = vault.dataset_parts()
    if view not in ("anonymized", "reidentified"):
        raise InvalidRequest("view must be 'anonymized' or 'reidentified'", param="view")
    version = open_version(parts, principal, dataset_id, number)
    reidentifier = None
    reveal = None
    stated = purpose or x_vault_purpose
    stated = check_purpose(stated, vault.access_policy.purposes) if stated else None
    if view == "reidentified":
        if not vault.access_policy.allows(principal.roles, Action.DATASET_REIDENTIFY):
            audit(
                request,
                principal,
                "dataset.read",
                outcome="denied",
                object_id=f"{dataset_id}/v{number}",
                details={"view": view},
            )
            raise PermissionDenied("this API key may not read re-identified datasets")
        if not stated or not stated.strip():
            raise InvalidRequest(
                "a re-identified view needs a purpose (X-Vault-Purpose header or ?purpose=)",
                param="purpose",
            )
        reidentifier = vault.reidentifier
        reveal = vault.access_policy.revealable(principal.roles)
    body = read_version(parts, principal, version, reidentifier=reidentifier, reveal=reveal)
    audit(
        request,
        principal,
        "dataset.read",
        object_id=f"{dataset_id}/v{number}",
        purpose=stated,
        details={"view": view},
    )
    return StreamingResponse(body, media_type=_MEDIA_TYPES[version.format])
