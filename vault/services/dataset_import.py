"""Import a dataset from `s3://bucket/prefix`: every object under the prefix, in key order, as a job.

The objects are read with the vault's own S3 client settings and joined into one input, which
goes through the one ingest use case (`ingest_dataset`), so an import stores exactly the bytes
an upload of the joined file would. Joined means: objects follow one another as lines (a
newline is put between two when the first does not end with one), and a CSV object after the
first drops its header line, which must be the first object's. Parquet objects are read as
one table, each object's row groups in turn, when their schemas are equal (their footers are
read before the job exists; metadata aside, the first object's is kept). Everything is checked before the job exists (the URL, the bucket, a prefix with
objects, one format, the size); what fails after that fails the job and leaves no version.

The audit record names the bucket and a digest of the prefix, never a key or any content.

The source is durable, so the job keeps its request (`JobInfo.resume`, with the version it
reserved): a server that stops mid-import releases the job, and at the next start a serving
process claims it (`resume_imports`), removes what the interrupted attempt began and runs it
again from the first object, under the same job id; the bytes stored are those of a run that
was never interrupted. A listing that changed meanwhile fails the job `source_changed`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from vault.domain.audit import AuditEvent
from vault.domain.entities import ENTITY_TYPES
from vault.domain.jobs import JobInfo
from vault.domain.policy import AccessPolicy, Action
from vault.domain.principal import Principal, Role
from vault.errors import InvalidRequest, PayloadTooLarge, PermissionDenied, UnsupportedMediaType
from vault.ports import ApiKeyStore, AuditLog, DatasetCatalog, VersionInfo
from vault.services.dataset_formats import detect_format, parse_delimiter
from vault.services.failures import failure_details
from vault.services.ingest_dataset import (
    DatasetParts,
    IngestRequest,
    create_dataset,
    parse_column_policy,
    version_json,
)
from vault.services.upload_job import JobRunner, UploadJob

__all__ = [
    "ImportPlan",
    "ImportRecorder",
    "ObjectSource",
    "SourceObject",
    "import_dataset",
    "joined_input",
    "parse_import",
    "plan_import",
    "resume_imports",
]

IMPORT_FORMATS = ("csv", "jsonl", "parquet")
# A bucket name as S3 allows it (3-63 of lowercase letters, digits, dots and hyphens).
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_FIELDS = frozenset({"source", "name", "format", "column_policy", "delimiter"})

# (action, outcome, object id or None, details) -> one audit record for the caller's tenant.
ImportRecorder = Callable[[str, str, "str | None", dict[str, Any]], None]


@dataclass(frozen=True, slots=True)
class SourceObject:
    key: str
    size: int


class ObjectSource(Protocol):
    """Objects to import, read with the vault's S3 settings. Errors name the bucket at most."""

    def list_objects(self, bucket: str, prefix: str) -> list[SourceObject]:
        """The objects under `prefix`, folder markers left out; InvalidRequest
        (`bucket_not_found`, `source_access_denied`) naming `source`, or StoreUnavailable."""
        ...

    def read(self, bucket: str, key: str) -> Iterator[bytes]:
        """The object's bytes as they come; StoreUnavailable if the read fails."""
        ...

    def read_tail(self, bucket: str, key: str, length: int) -> bytes:
        """The object's last `length` bytes (all of it if shorter); StoreUnavailable."""
        ...


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """The import's JSON body, checked field by field."""

    bucket: str
    prefix: str
    name: str
    format: str | None
    column_policy: dict[str, str] | None
    delimiter: str | None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    request: ImportRequest
    format: str
    objects: list[SourceObject]

    @property
    def size(self) -> int:
        return sum(item.size for item in self.objects)

    @property
    def listing_sha256(self) -> str:
        """A digest of the objects' keys and sizes: a resumed job reads the same ones."""
        digest = hashlib.sha256()
        for item in self.objects:
            digest.update(f"{len(item.key)}:{item.key}:{item.size}\n".encode())
        return digest.hexdigest()


def _text(body: dict[str, Any], field: str, *, required: bool = False) -> str | None:
    value = body.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidRequest(f"{field} must be a non-empty string", param=field)
    return value


def parse_source(source: str) -> tuple[str, str]:
    """(bucket, prefix) of `s3://bucket/prefix`; InvalidRequest naming `source` otherwise."""
    if not source.startswith("s3://"):
        raise InvalidRequest("source must be an s3://bucket/prefix URL", param="source")
    bucket, _, prefix = source.removeprefix("s3://").partition("/")
    if not _BUCKET.fullmatch(bucket):
        raise InvalidRequest("source does not name a valid S3 bucket", param="source")
    if not prefix.strip("/"):
        raise InvalidRequest(
            "source needs a prefix after the bucket (s3://bucket/prefix): a whole bucket is "
            "not imported",
            code="empty_prefix",
            param="source",
        )
    return bucket, prefix


def parse_import(body: Any) -> ImportRequest:
    """The import request in `body`; InvalidRequest naming the first field at fault."""
    if not isinstance(body, dict):
        raise InvalidRequest("request body must be a JSON object")
    unknown = sorted(set(body) - _FIELDS)
    if unknown:
        raise InvalidRequest(f"unknown field: {unknown[0][:64]}", param=unknown[0][:64])
    source = _text(body, "source", required=True)
    name = _text(body, "name", required=True)
    assert source is not None
    assert name is not None
    bucket, prefix = parse_source(source)
    if len(name.strip()) > 256:
        raise InvalidRequest("name is longer than 256 characters", param="name")
    fmt = _text(body, "format")
    if fmt is not None and fmt not in IMPORT_FORMATS:
        raise InvalidRequest("format must be csv, jsonl or parquet", param="format")
    policy = body.get("column_policy")
    if policy is not None and not isinstance(policy, dict):
        raise InvalidRequest(
            "column_policy must map column names to strings", param="column_policy"
        )
    column_policy = parse_column_policy(
        json.dumps(policy) if policy else None, entity_types=ENTITY_TYPES
    )
    delimiter = parse_delimiter(_text(body, "delimiter"))
    return ImportRequest(
        bucket=bucket,
        prefix=prefix,
        name=name.strip(),
        format=fmt,
        column_policy=column_policy,
        delimiter=delimiter,
    )


def _format_of(key: str) -> str | None:
    try:
        return detect_format(key, None)
    except UnsupportedMediaType:
        return None


def plan_import(source: ObjectSource, request: ImportRequest, *, max_bytes: int) -> ImportPlan:
    """The objects to read and their one format; InvalidRequest naming `source` (no objects,
    mixed formats, none known), `format` or `delimiter`, PayloadTooLarge past `max_bytes`."""
    objects = sorted(source.list_objects(request.bucket, request.prefix), key=lambda o: o.key)
    if not objects:
        raise InvalidRequest(
            "source holds no object under its prefix", code="empty_source", param="source"
        )
    found = {fmt for item in objects if (fmt := _format_of(item.key)) is not None}
    if len(found) > 1:
        raise InvalidRequest(
            "source mixes formats (" + ", ".join(sorted(found)) + "): import one at a time",
            code="mixed_formats",
            param="source",
        )
    fmt = request.format or (found.pop() if found else None)
    if fmt is None or fmt not in IMPORT_FORMATS:
        raise InvalidRequest(
            "the format could not be told from the object names: send format (csv, jsonl or "
            "parquet)",
            param="format",
        )
    if found and fmt not in found:
        raise InvalidRequest(
            f"format is {fmt} but the objects are {found.pop()}",
            code="mixed_formats",
            param="format",
        )
    if fmt == "parquet" and len(objects) > 1:
        _check_schemas(source, request.bucket, objects)
    if request.delimiter is not None and fmt != "csv":
        raise InvalidRequest("delimiter applies to CSV files only", param="delimiter")
    plan = ImportPlan(request=request, format=fmt, objects=objects)
    if plan.size > max_bytes:
        raise PayloadTooLarge(
            f"source is larger than the {max_bytes}-byte limit (raise VAULT_MAX_UPLOAD_BYTES)",
            param="source",
        )
    return plan


def _check_schemas(source: ObjectSource, bucket: str, objects: list[SourceObject]) -> None:
    """Parquet objects hold one table only if their schemas are equal: InvalidRequest
    (`mixed_schemas`) naming `source` and the first object, in key order, that differs."""
    from vault.services.dataset_parquet import (
        FOOTER_TAIL,
        footer_length,
        footer_schema,
        schema_difference,
    )

    first = None
    for number, item in enumerate(objects, start=1):
        tail = source.read_tail(bucket, item.key, FOOTER_TAIL)
        needed = footer_length(tail)
        if needed > len(tail) and needed <= item.size:
            tail = source.read_tail(bucket, item.key, needed)
        schema = footer_schema(tail)
        if first is None:
            first = schema
        elif (why := schema_difference(first, schema)) is not None:
            raise InvalidRequest(
                f"object {number} of the source (in key order) has another Parquet schema "
                f"than the first: {why}",
                code="mixed_schemas",
                param="source",
            )


def _header_dropped(chunks: Iterator[bytes], header: bytes, index: int) -> Iterator[bytes]:
    """An object after the first without its header line, which must be `header`."""
    held = b""
    for chunk in chunks:
        held += chunk
        if b"\n" in held or len(held) > 8 * 1024 * 1024:
            break
    line, _, rest = held.partition(b"\n")
    if line.rstrip(b"\r") != header:
        raise InvalidRequest(
            f"object {index + 1} of the source (in key order) has a different CSV header "
            "from the first",
            code="malformed_csv",
            param="source",
        )
    if rest:
        yield rest
    yield from chunks


def joined_input(source: ObjectSource, plan: ImportPlan) -> Iterator[bytes]:
    """The objects joined as the import reads them (see the module's docstring)."""
    if plan.format == "parquet" and len(plan.objects) > 1:
        from vault.services.dataset_parquet import joined_parquet

        bucket = plan.request.bucket
        yield from joined_parquet(source.read(bucket, item.key) for item in plan.objects)
        return
    header: bytes | None = None
    last = b"\n"
    for index, item in enumerate(plan.objects):
        chunks = source.read(plan.request.bucket, item.key)
        if plan.format == "csv" and index > 0:
            assert header is not None
            chunks = _header_dropped(chunks, header, index)
        first = True
        for chunk in chunks:
            if not chunk:
                continue
            if header is None and plan.format == "csv":
                header = chunk.partition(b"\n")[0].rstrip(b"\r")  # no quoted newlines in it
            if first and last != b"\n" and plan.format != "parquet":
                yield b"\n"  # the object before did not end its last line
            first = False
            yield chunk
            last = chunk[-1:]


def audit_source(bucket: str, prefix: str) -> dict[str, Any]:
    """What the audit holds of a source: the bucket and a digest of the prefix."""
    return {"bucket": bucket, "prefix_sha256": hashlib.sha256(prefix.encode()).hexdigest()[:32]}


class ImportVault(Protocol):
    """The parts of the vault an import needs."""

    @property
    def access_policy(self) -> AccessPolicy: ...

    @property
    def job_runner(self) -> JobRunner: ...

    @property
    def import_source(self) -> ObjectSource: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def api_keys(self) -> ApiKeyStore: ...

    def dataset_parts(self) -> DatasetParts: ...


def import_dataset(
    vault: ImportVault,
    principal: Principal,
    body: Any,
    *,
    idempotency_key: str | None,
    record: ImportRecorder,
    ready: Callable[[], None] | None = None,
) -> UploadJob:
    """Authorize, check the request and its source, then run the import as a job; returns
    the job once it has begun. `ready()` checks the engine that will anonymize (a cluster
    that is down is its 503). Every refusal is audited once (`dataset.import`) and raised
    before any job exists; the job's end is audited as `dataset.import` too."""
    try:
        if not vault.access_policy.allows(principal.roles, Action.DATASET_WRITE):
            needed = " or ".join(vault.access_policy.roles_allowing(Action.DATASET_WRITE))
            raise PermissionDenied(
                f"importing a dataset needs dataset.write, which a key with the role "
                f"{needed or 'no role'} has"
            )
        request = parse_import(body)
        parts = vault.dataset_parts()
        plan = plan_import(vault.import_source, request, max_bytes=parts.max_upload_bytes)
        if ready is not None:
            ready()
    except Exception as exc:
        outcome = "denied" if isinstance(exc, PermissionDenied) else "error"
        details = failure_details(exc)
        if isinstance(body, dict) and isinstance(body.get("source"), str):
            with contextlib.suppress(InvalidRequest):  # a source that is no URL is not named
                details |= audit_source(*parse_source(body["source"]))
        record("dataset.import", outcome, None, details)
        raise
    job = vault.job_runner.new_job(
        tenant=principal.tenant,
        kind="dataset.import",
        created_by=principal.key_id,
        bytes_total=plan.size,
        audit=_job_audit(record),
        resume=_resume_of(body, plan, idempotency_key),
    )
    _run(vault, principal, job, plan, idempotency_key=idempotency_key, record=record)
    while not (job.started.wait(0.01) or job.done.is_set()):
        pass
    if not job.started.is_set():
        assert job.error is not None
        raise job.error  # failed before its first byte: the request's own error
    return job


def _job_audit(
    record: ImportRecorder,
) -> Callable[[str], Callable[[str, str, dict[str, Any]], None]]:
    return lambda job_id: lambda action, outcome, details: record(action, outcome, job_id, details)


def _resume_of(
    body: dict[str, Any], plan: ImportPlan, idempotency_key: str | None
) -> dict[str, Any]:
    """What starts the import again: its request as sent and the listing it read."""
    return {
        "body": {k: v for k, v in body.items() if k in _FIELDS},
        "idempotency_key": idempotency_key,
        "listing_sha256": plan.listing_sha256,
    }


class _NotingCatalog:
    """The catalog, telling the job which version it reserved, so that a restart can remove
    what an interrupted attempt began. Everything else goes to the catalog as it is."""

    def __init__(self, catalog: DatasetCatalog, noted: Callable[[VersionInfo], None]) -> None:
        self._catalog = catalog
        self._noted = noted

    def reserve_version(self, pending: VersionInfo) -> VersionInfo:
        reserved = self._catalog.reserve_version(pending)
        self._noted(reserved)
        return reserved

    def __getattr__(self, name: str) -> Any:
        return getattr(self._catalog, name)


def _run(
    vault: ImportVault,
    principal: Principal,
    job: UploadJob,
    plan: ImportPlan,
    *,
    idempotency_key: str | None,
    record: ImportRecorder,
) -> None:
    """Run the import as `job` in a thread of its own (its end audited as `dataset.import`)."""
    request = plan.request
    source_details = {
        **audit_source(request.bucket, request.prefix),
        "objects": len(plan.objects),
        "format": plan.format,
    }
    resume = job.snapshot().resume

    def noted(version: VersionInfo) -> None:
        if resume is not None:
            pending = {"dataset_id": version.dataset_id, "number": version.number}
            job.note_resume({**resume, "pending": {**pending, "object_key": version.object_key}})

    parts = vault.dataset_parts()
    parts = replace(parts, catalog=cast(DatasetCatalog, _NotingCatalog(parts.catalog, noted)))

    def work(job: UploadJob) -> tuple[str, int, int]:
        ingest = IngestRequest(
            filename=f"import.{plan.format}",
            content_type=None,
            chunks=job.file(job.count(joined_input(vault.import_source, plan))),
            idempotency_key=idempotency_key,
            column_policy=request.column_policy,
            delimiter=request.delimiter,
            progress=job.rows,
        )
        try:
            dataset, version, created = create_dataset(
                parts, principal, name=request.name, upload=ingest
            )
        except Exception as exc:
            if not job.released:  # a stop it resumes from is not the import's end
                record("dataset.import", "error", None, {**source_details, **failure_details(exc)})
            raise
        stored = version_json(version)
        record(
            "dataset.import",
            "ok",
            f"{dataset.id}/v{version.number}",
            {**source_details, "size": stored["size"], "replayed": not created},
        )
        rows = int((version.report or {}).get("rows", job.rows_done))
        return dataset.id, version.number, rows

    vault.job_runner.run(job, work)


def _system_recorder(audit_log: AuditLog, claimed: JobInfo) -> ImportRecorder:
    """A resumed import's audit: its tenant's chain, under the key that sent it."""

    def record(action: str, outcome: str, object_id: str | None, details: dict[str, Any]) -> None:
        audit_log.append(
            AuditEvent(
                tenant=claimed.tenant,
                actor=claimed.created_by,
                action=action,
                outcome=outcome,
                object=object_id,
                details=details,
            )
        )

    return record


def _discard_attempt(
    parts: DatasetParts, tenant: str, pending: dict[str, Any]
) -> VersionInfo | None:
    """Remove what an interrupted attempt began (its pending version, object and empty
    dataset); the version itself if the attempt had committed it after all."""
    committed = parts.catalog.get_version(tenant, pending["dataset_id"], pending["number"])
    if committed is not None:
        return committed
    parts.store.delete_key(pending["object_key"])
    parts.catalog.discard_version(pending["dataset_id"], pending["number"])
    parts.catalog.delete_dataset_if_empty(tenant, pending["dataset_id"])
    return None


def _sender(vault: ImportVault, claimed: JobInfo) -> Principal:
    """Who sent the import, if that key may still write datasets (PermissionDenied if it was
    revoked, expired or lost the right meanwhile); the CLI's operator is not a key."""
    roles = frozenset({Role.UPLOADER})
    if claimed.created_by != "cli":
        found = vault.api_keys.get(claimed.created_by)
        info = found[0] if found is not None else None
        now = datetime.now(UTC)
        if (
            info is None
            or info.tenant != claimed.tenant
            or info.revoked_at is not None
            or (info.expires_at is not None and info.expires_at <= now)
        ):
            raise PermissionDenied("the key that sent the import is no longer valid")
        roles = info.roles
    if not vault.access_policy.allows(roles, Action.DATASET_WRITE):
        raise PermissionDenied("the key that sent the import may no longer write datasets")
    return Principal(tenant=claimed.tenant, roles=roles, key_id=claimed.created_by)


def resume_imports(vault: ImportVault) -> int:
    """In each serving process at its start: claim the import jobs a stopped server released
    (one process takes each), remove what their last attempt began and run them again from
    their source. Returns how many this process took."""
    runner = vault.job_runner
    taken = 0
    for released in runner.store.released():
        if released.kind != "dataset.import" or released.resume is None:
            continue
        record = _system_recorder(vault.audit, released)
        job = runner.claim(released.id, _job_audit(record))
        if job is None:
            continue  # another process was first
        taken += 1
        _restart(vault, job, released.resume, record)
    return taken


def _restart(
    vault: ImportVault, job: UploadJob, resume: dict[str, Any], record: ImportRecorder
) -> None:
    claimed = job.snapshot()
    try:
        principal = _sender(vault, claimed)
        parts = vault.dataset_parts()
        pending = resume.get("pending")
        if pending is not None:
            committed = _discard_attempt(parts, claimed.tenant, pending)
            if committed is not None:
                rows = int((committed.report or {}).get("rows", 0))
                job.succeed(dataset_id=committed.dataset_id, version=committed.number, rows=rows)
                return
            job.note_resume({k: v for k, v in resume.items() if k != "pending"})
        request = parse_import(resume["body"])
        plan = plan_import(vault.import_source, request, max_bytes=parts.max_upload_bytes)
        if plan.listing_sha256 != resume["listing_sha256"]:
            raise InvalidRequest(
                "the objects under the source changed while the job was interrupted; send the "
                "import again",
                code="source_changed",
                param="source",
            )
    except Exception as exc:
        job.fail(exc)
        return
    _run(vault, principal, job, plan, idempotency_key=resume.get("idempotency_key"), record=record)
