"""Import a dataset from `s3://bucket/prefix`: every object under the prefix, in key order, as a job.

The objects are read with the vault's own S3 client settings and joined into one input, which
goes through the one ingest use case (`ingest_dataset`), so an import stores exactly the bytes
an upload of the joined file would. Joined means: objects follow one another as lines (a
newline is put between two when the first does not end with one), and a CSV object after the
first drops its header line, which must be the first object's. A Parquet import reads one
object. Everything is checked before the job exists (the URL, the bucket, a prefix with
objects, one format, the size); what fails after that fails the job and leaves no version.

The audit record names the bucket and a digest of the prefix, never a key or any content.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from vault.domain.entities import ENTITY_TYPES
from vault.domain.policy import AccessPolicy, Action
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, PayloadTooLarge, PermissionDenied, UnsupportedMediaType
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
        raise InvalidRequest(
            f"a Parquet import reads one object; the prefix holds {len(objects)}",
            param="source",
        )
    if request.delimiter is not None and fmt != "csv":
        raise InvalidRequest("delimiter applies to CSV files only", param="delimiter")
    plan = ImportPlan(request=request, format=fmt, objects=objects)
    if plan.size > max_bytes:
        raise PayloadTooLarge(
            f"source is larger than the {max_bytes}-byte limit (raise VAULT_MAX_UPLOAD_BYTES)",
            param="source",
        )
    return plan


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
    source_details = {
        **audit_source(request.bucket, request.prefix),
        "objects": len(plan.objects),
        "format": plan.format,
    }
    runner = vault.job_runner
    job = runner.new_job(
        tenant=principal.tenant,
        kind="dataset.import",
        created_by=principal.key_id,
        bytes_total=plan.size,
        audit=lambda job_id: (
            lambda action, outcome, details: record(action, outcome, job_id, details)
        ),
    )

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

    runner.run(job, work)
    while not (job.started.wait(0.01) or job.done.is_set()):
        pass
    if not job.started.is_set():
        assert job.error is not None
        raise job.error  # failed before its first byte: the request's own error
    return job
