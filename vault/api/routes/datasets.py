"""`/v1/datasets`: upload versions (streamed, anonymized, sealed), list them, read them back."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.requests import ClientDisconnect
from starlette.types import Send

from vault.api.deps import audit, get_vault, require
from vault.api.multipart import read_upload
from vault.api.streaming import with_body
from vault.domain.entities import ENTITY_TYPES
from vault.domain.ids import is_dataset_id, version_number
from vault.domain.jobs import job_json
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, NotFound, PermissionDenied, VaultError
from vault.ports import DatasetInfo
from vault.services.dataset_formats import parse_delimiter
from vault.services.dataset_names import resolve_dataset_ref
from vault.services.ingest_dataset import (
    IngestRequest,
    add_version,
    create_dataset,
    parse_column_policy,
    public_report,
    require_dataset,
    version_json,
)
from vault.services.read_dataset import open_content, open_version
from vault.services.upload_job import JobAudit, UploadJob

router = APIRouter(prefix="/v1/datasets", tags=["datasets"])

Writer = Annotated[Principal, Depends(require(Action.DATASET_WRITE))]
Reader = Annotated[Principal, Depends(require(Action.DATASET_READ))]
T = TypeVar("T")

_MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl",
    "text": "text/plain; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def _object_id(dataset_id: str, number: int | None = None) -> str | None:
    """The audit record's object: the ids named, if they are ids the vault could have issued."""
    if not is_dataset_id(dataset_id):
        return None
    return dataset_id if number is None else f"{dataset_id}/v{number}"


def _number(dataset_id: str, number: str) -> int:
    """The version number in a path; a string that names none is as unknown as a missing one."""
    parsed = version_number(number)
    if parsed is None:
        raise NotFound("dataset version not found")
    return parsed


def _audit_failure(
    request: Request,
    principal: Principal,
    action: str,
    exc: BaseException,
    *,
    object_id: str | None,
    **fields: Any,
) -> None:
    """The one audit record of a request that failed: its outcome and error code, no message."""
    details = {**fields.pop("details", {}), "error": getattr(exc, "code", type(exc).__name__)}
    outcome = "denied" if isinstance(exc, PermissionDenied) else "error"
    audit(
        request, principal, action, outcome=outcome, object_id=object_id, details=details, **fields
    )


def _resolved(request: Request, principal: Principal, action: str, ref: str) -> str:
    """The id of the dataset `ref` names (an id, or a name in the caller's tenant); a name
    that names none, or several (409), is audited as `action`'s failure and raised."""
    try:
        return resolve_dataset_ref(
            get_vault(request).dataset_parts().catalog, principal.tenant, ref
        )
    except VaultError as exc:
        _audit_failure(request, principal, action, exc, object_id=None)
        raise


def _audited(
    request: Request,
    principal: Principal,
    action: str,
    work: Callable[[], T],
    *,
    object_id: str | None = None,
) -> T:
    """`work()`, audited once with its outcome."""
    try:
        result = work()
    except Exception as exc:
        _audit_failure(request, principal, action, exc, object_id=object_id)
        raise
    audit(request, principal, action, object_id=object_id)
    return result


def dataset_json(dataset: DatasetInfo) -> dict[str, Any]:
    return {
        "id": dataset.id,
        "object": "dataset",
        "name": dataset.name,
        "created_at": dataset.created_at.isoformat(),
        "created_by": dataset.created_by,
        "latest_version": dataset.latest_version,
    }


def _ingest(
    request: Request,
    principal: Principal,
    chunks: Iterator[bytes],
    *,
    dataset_id: str | None,
    idempotency_key: str | None,
    job: UploadJob | None = None,
) -> tuple[dict[str, Any], bool]:
    """Store the upload; with `job`, its file's bytes and rows are counted by the job."""
    if dataset_id is not None and not is_dataset_id(dataset_id):
        raise NotFound("dataset not found")  # before a byte of the body is read
    upload = read_upload(chunks, request.headers.get("content-type"))
    parts = get_vault(request).dataset_parts()
    ingest = IngestRequest(
        filename=upload.filename,
        content_type=upload.content_type,
        chunks=upload.chunks if job is None else job.file(upload.chunks),
        idempotency_key=idempotency_key,
        column_policy=parse_column_policy(
            upload.fields.get("column_policy"), entity_types=ENTITY_TYPES
        ),
        delimiter=parse_delimiter(upload.fields.get("delimiter")),
        progress=None if job is None else job.rows,
    )
    if dataset_id is None:
        name = upload.fields.get("name", "")
        dataset, version, created = create_dataset(parts, principal, name=name, upload=ingest)
    else:
        dataset, version, created = add_version(
            parts, principal, dataset_id=dataset_id, upload=ingest
        )
    if job is not None:
        job.rows_done = int((version.report or {}).get("rows", job.rows_done))
    return {**dataset_json(dataset), "version": version_json(version)}, created


async def _upload(
    request: Request, principal: Principal, dataset_id: str | None, idempotency_key: str | None
) -> JSONResponse:
    action = "dataset.create" if dataset_id is None else "dataset.version"
    engine = get_vault(request).dataset_engine
    if engine is not None:  # a cluster that is down is a 503 before a byte is read
        try:
            await anyio.to_thread.run_sync(engine.check)
        except Exception as exc:
            failed = exc
            await anyio.to_thread.run_sync(
                lambda: _audit_failure(request, principal, action, failed, object_id=None)
            )
            raise
    if _as_job(request, get_vault(request).settings.async_upload_bytes):
        return await _upload_job(request, principal, action, dataset_id, idempotency_key)
    try:
        answer, created = await with_body(
            request,
            lambda chunks: _ingest(
                request, principal, chunks, dataset_id=dataset_id, idempotency_key=idempotency_key
            ),
        )
    except Exception as exc:
        failed, object_id = exc, None if dataset_id is None else _object_id(dataset_id)
        await anyio.to_thread.run_sync(
            lambda: _audit_failure(request, principal, action, failed, object_id=object_id)
        )
        raise
    await anyio.to_thread.run_sync(
        lambda: _audit_stored(request, principal, action, answer, created)
    )
    return JSONResponse(answer, status_code=201 if created else 200)


def _as_job(request: Request, threshold: int) -> bool:
    """`Prefer: respond-async`, or a declared body larger than `threshold`: answer with a job."""
    prefer = request.headers.get("prefer", "").lower()
    if "respond-async" in (p.strip() for p in prefer.split(",")):
        return True
    declared = request.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > threshold


# The body waits here for the job's worker: at most this many chunks as the server reads them
# off the socket (asyncio reads up to 256 KiB), in memory only; the upload is never written.
_QUEUE_CHUNKS = 64
_END = b""


def _job_audit(request: Request, principal: Principal, job_id: str) -> JobAudit:
    def record(action: str, outcome: str, details: dict[str, Any]) -> None:
        audit(request, principal, action, outcome=outcome, object_id=job_id, details=details)

    return record


async def _upload_job(
    request: Request,
    principal: Principal,
    action: str,
    dataset_id: str | None,
    idempotency_key: str | None,
) -> JSONResponse:
    """The upload as a job: its worker thread reads the body from a bounded queue as this
    request receives it, so the file still streams through anonymization. Answers 202 once the
    body is in and the job has begun (what fails before the file's first byte is the request's
    own error, as for a 201 upload); the job then runs on: sealing, storing, committing."""
    vault = get_vault(request)
    declared = request.headers.get("content-length", "")
    job = vault.job_runner.new_job(
        tenant=principal.tenant,
        kind=action,
        created_by=principal.key_id,
        bytes_total=int(declared) if declared.isdigit() else None,
        audit=lambda job_id: _job_audit(request, principal, job_id),
    )
    body: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=_QUEUE_CHUNKS)

    def chunks() -> Iterator[bytes]:
        while True:
            item = body.get()
            if isinstance(item, BaseException):
                raise item
            if item == _END:
                return
            yield item

    def work(job: UploadJob) -> tuple[str, int, int]:
        try:
            answer, created = _ingest(
                request,
                principal,
                job.count(chunks()),
                dataset_id=dataset_id,
                idempotency_key=idempotency_key,
                job=job,
            )
        except Exception as exc:
            object_id = None if dataset_id is None else _object_id(dataset_id)
            _audit_failure(request, principal, action, exc, object_id=object_id)
            raise
        _audit_stored(request, principal, action, answer, created)
        return answer["id"], answer["version"]["version"], job.rows_done

    def put(item: bytes | BaseException) -> None:
        while not job.done.is_set():  # a worker that stopped reads no more
            try:
                body.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    async def feed(item: bytes | BaseException) -> None:
        try:
            body.put_nowait(item)
        except queue.Full:
            await anyio.to_thread.run_sync(put, item)

    vault.job_runner.run(job, work)
    try:
        async for chunk in request.stream():
            if job.done.is_set():
                break  # failed or cancelled: the rest of the body is not read
            if chunk:
                await feed(chunk)
        await feed(_END)
    except ClientDisconnect:
        await feed(
            InvalidRequest("the upload was cut off before its end", code="upload_incomplete")
        )
    while not (job.started.is_set() or job.done.is_set()):
        await anyio.sleep(0.01)
    if not job.started.is_set():
        assert job.error is not None
        raise job.error  # the request's own error: no job was made
    answer = job_json(job.snapshot(), datetime.now(UTC))
    return JSONResponse(
        answer,
        status_code=202,
        headers={"Location": f"/v1/jobs/{job.id}", "Preference-Applied": "respond-async"},
    )


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
    dataset_id = await anyio.to_thread.run_sync(
        _resolved, request, principal, "dataset.version", dataset_id
    )
    return await _upload(request, principal, dataset_id, idempotency_key)


@router.get("")
def list_datasets(request: Request, principal: Reader) -> dict[str, Any]:
    catalog = get_vault(request).dataset_parts().catalog

    def work() -> dict[str, Any]:
        datasets = catalog.list_datasets(principal.tenant)
        return {"object": "list", "data": [dataset_json(d) for d in datasets]}

    return _audited(request, principal, "dataset.list", work)


@router.get("/{dataset_id}")
def get_dataset(dataset_id: str, request: Request, principal: Reader) -> dict[str, Any]:
    """A dataset, by its id or by its name in the caller's tenant (409 if several have it)."""
    dataset_id = _resolved(request, principal, "dataset.get", dataset_id)
    catalog = get_vault(request).dataset_parts().catalog
    return _audited(
        request,
        principal,
        "dataset.get",
        lambda: dataset_json(require_dataset(catalog, principal.tenant, dataset_id)),
        object_id=_object_id(dataset_id),
    )


@router.get("/{dataset_id}/versions")
def list_versions(dataset_id: str, request: Request, principal: Reader) -> dict[str, Any]:
    dataset_id = _resolved(request, principal, "dataset.versions", dataset_id)
    catalog = get_vault(request).dataset_parts().catalog

    def work() -> dict[str, Any]:
        require_dataset(catalog, principal.tenant, dataset_id)
        versions = catalog.list_versions(principal.tenant, dataset_id)
        return {"object": "list", "data": [version_json(v) for v in versions]}

    return _audited(request, principal, "dataset.versions", work, object_id=_object_id(dataset_id))


@router.get("/{dataset_id}/versions/{number}/report")
def version_report(
    dataset_id: str, number: str, request: Request, principal: Reader
) -> dict[str, Any]:
    """What was found where in a version: counts per column or field, never values."""
    dataset_id = _resolved(request, principal, "dataset.report", dataset_id)
    parts = get_vault(request).dataset_parts()

    def work() -> dict[str, Any]:
        version = open_version(parts, principal, dataset_id, _number(dataset_id, number))
        return {**version_json(version), "report": public_report(version)}

    parsed = version_number(number)
    return _audited(
        request,
        principal,
        "dataset.report",
        work,
        object_id=_object_id(dataset_id, parsed) if parsed else None,
    )


class DownloadCut(Exception):
    """A download ended early because a later frame failed: the connection is dropped."""


class _Download(StreamingResponse):
    """A version's content whose first piece was opened and verified before the status line.

    A later frame that fails to open ends the transfer without its final chunk, so the client
    sees a cut body, never a clean end. `finish(end)` runs once the transfer is over, with `end`
    "ok", the error code that cut it ("integrity_error", ...) or "client_gone".
    """

    def __init__(
        self, first: bytes, rest: Iterator[bytes], *, media_type: str, finish: Callable[[str], None]
    ) -> None:
        super().__init__(_chained(first, rest), media_type=media_type)
        self._finish = finish

    async def stream_response(self, send: Send) -> None:
        end = "client_gone"  # also when the send fails or the task is cancelled on disconnect
        try:
            await super().stream_response(send)
            end = "ok"
        except VaultError as exc:
            end = exc.code
            # Not the VaultError itself: its JSON handler cannot answer a started response.
            raise DownloadCut(end) from None
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._finish, end)


def _chained(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


@router.get("/{dataset_id}/versions/{number}/content")
def read_content(
    dataset_id: str,
    number: str,
    request: Request,
    principal: Reader,
    view: str = "anonymized",
    x_vault_purpose: Annotated[str | None, Header()] = None,
    purpose: str | None = None,
) -> StreamingResponse:
    """The version's content; `?view=reidentified` gives the original to a reidentifier.

    The first frame is opened before the answer starts, so a damaged object is a clean 500
    (`integrity_error`) and an erased one a 410; the read is audited when it ends, with how.
    """
    dataset_id = _resolved(request, principal, "dataset.read", dataset_id)
    parsed = version_number(number)
    object_id = _object_id(dataset_id, parsed) if parsed else None

    def record(*, outcome: str, purpose: str | None, details: Mapping[str, Any]) -> None:
        audit(
            request,
            principal,
            "dataset.read",
            outcome=outcome,
            object_id=object_id,
            purpose=purpose,
            details=details,
        )

    vault = get_vault(request)
    read = open_content(
        vault.dataset_parts(),
        vault.access_policy,
        principal,
        dataset_id,
        parsed,
        view=view,
        purpose=purpose or x_vault_purpose,
        reidentifier=vault.reidentifier,
        record=record,
    )
    return _Download(read.first, read.rest, media_type=_MEDIA_TYPES[read.format], finish=read.end)
