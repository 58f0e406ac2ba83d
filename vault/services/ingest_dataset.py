"""Ingest a dataset version: anonymize as it streams, seal, store, then commit the metadata."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from vault.crypto import EncryptionContext, read_header, seal_stream
from vault.domain.ids import is_dataset_id
from vault.domain.principal import Principal
from vault.errors import Conflict, InvalidRequest, NotFound, PayloadTooLarge
from vault.ports import DatasetCatalog, DatasetInfo, KeyService, ObjectStore, VersionInfo
from vault.services.anonymize import Anonymizer
from vault.services.dataset_engine import DatasetEngine, engine_work
from vault.services.dataset_formats import Pending, Report, anonymize_stream, detect_format
from vault.services.dataset_pool import Cells, DatasetPool, Done, anonymize_cells

__all__ = [
    "DatasetParts",
    "IngestRequest",
    "add_version",
    "create_dataset",
    "dataset_context",
    "ingest_version",
    "parse_column_policy",
    "public_report",
    "require_dataset",
    "sweep_pending",
    "version_json",
]


@dataclass(frozen=True, slots=True)
class DatasetParts:
    """The ports a dataset use case needs."""

    catalog: DatasetCatalog
    store: ObjectStore
    keys: KeyService
    anonymizer: Anonymizer
    detector_version: str
    max_upload_bytes: int
    # Worker processes for large uploads (None: all in the upload's own process), and how
    # many characters of cells an upload does itself while the workers are not yet up, so a
    # small file never waits for them to start.
    pool: DatasetPool | None = None
    pool_after_chars: int = 256 * 1024
    # A cluster that does the cells instead of the pool (VAULT_DATASET_ENGINE=ray).
    engine: DatasetEngine | None = None


@dataclass(frozen=True, slots=True)
class IngestRequest:
    """One upload: the file as it streams and the options sent with it.

    A replay with the same `idempotency_key` must send the same request (name or dataset,
    format, options and file bytes): it gets the first answer; anything else is a Conflict.
    """

    filename: str | None
    content_type: str | None
    chunks: Iterable[bytes]
    idempotency_key: str | None = None
    column_policy: dict[str, str] | None = None
    delimiter: str | None = None  # CSV only; sniffed when None
    # Called with the rows done so far before each block is anonymized (a job's progress);
    # an exception it raises (a cancelled job) stops the upload, which then leaves nothing.
    progress: Callable[[int], None] | None = None


def dataset_context(tenant: str, dataset_id: str, number: int) -> EncryptionContext:
    return EncryptionContext(tenant=tenant, object_id=dataset_id, version=number, purpose="dataset")


def parse_column_policy(raw: str | None, *, entity_types: Collection[str]) -> dict[str, str] | None:
    """`{"column": "keep" | "text" | "plain" | "<ENTITY_TYPE>"}` from a form field; the type
    must be one the vault's tokens can carry, or its values could never be re-identified."""
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidRequest(
            f"column_policy is not JSON: {exc.msg}", param="column_policy"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise InvalidRequest(
            "column_policy must map column names to strings", param="column_policy"
        )
    kinds = {}
    for column, kind in data.items():
        if kind in ("keep", "text", "plain"):
            kinds[column] = kind
        elif kind in entity_types:
            kinds[column] = f"entity:{kind}"
        else:
            raise InvalidRequest(
                f"column_policy for {column!r} must be keep, text, plain or one of: "
                + ", ".join(sorted(entity_types)),
                param="column_policy",
            )
    return kinds


def _limited(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    seen = 0
    for chunk in chunks:
        seen += len(chunk)
        if seen > limit:
            raise PayloadTooLarge(
                f"file is larger than the {limit}-byte limit (raise VAULT_MAX_UPLOAD_BYTES)",
                param="file",
            )
        yield chunk


# Where a version's request digest is kept, beside the counts in its report (never shown).
_REQUEST_DIGEST = "request_digest"


def _request_digest(
    principal: Principal, upload: IngestRequest, *, fmt: str, target: dict[str, str]
) -> Any:
    """A running SHA-256 of everything that shapes a stored version; the file is fed to it as
    it streams. Salted with the tenant and the Idempotency-Key, so equal files of different
    requests give different digests."""
    fields = {
        "tenant": principal.tenant,
        "idempotency_key": upload.idempotency_key,
        "format": fmt,
        "column_policy": upload.column_policy,
        "delimiter": upload.delimiter,
        **target,
    }
    digest = hashlib.sha256(b"vault-upload-request/1\n")
    digest.update(json.dumps(fields, sort_keys=True).encode())
    digest.update(b"\n")
    return digest


def _hashed(chunks: Iterable[bytes], digest: Any) -> Iterator[bytes]:
    for chunk in chunks:
        digest.update(chunk)
        yield chunk


def _replay(
    parts: DatasetParts,
    principal: Principal,
    upload: IngestRequest,
    *,
    fmt: str,
    target: dict[str, str],
) -> VersionInfo | None:
    """The version a committed upload with this Idempotency-Key stored, if this request is the
    same one again; Conflict (409 idempotency_conflict) if the key was used for another request.
    Reads (and drops) the replayed file to compare it; nothing is stored either way."""
    if not upload.idempotency_key:
        return None
    earlier = parts.catalog.find_by_idempotency_key(principal.tenant, upload.idempotency_key)
    if earlier is None or earlier.state != "committed":
        return None  # none yet, or one in progress: reserving the key again says so
    digest = _request_digest(principal, upload, fmt=fmt, target=target)
    for _ in _hashed(_limited(upload.chunks, parts.max_upload_bytes), digest):
        pass
    stored = (earlier.report or {}).get(_REQUEST_DIGEST)
    # Versions stored before digests were kept replay as they always did.
    if stored is not None and stored != digest.hexdigest():
        raise Conflict(
            "Idempotency-Key was already used for a different upload (name, dataset, options "
            "or file); use a new key for a new upload",
            code="idempotency_conflict",
        )
    return earlier


class _Digest:
    """Passes chunks through while hashing and counting them."""

    def __init__(self) -> None:
        self.sha256 = hashlib.sha256()
        self.size = 0

    def through(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.sha256.update(chunk)
            self.size += len(chunk)
            yield chunk


class _UploadWork:
    """Where an upload's cells are anonymized: on the pool's workers once they are up, else
    in this process until `pool_after_chars` of them are done (then the workers start).
    Batches are the same either way, and so is every output byte."""

    def __init__(
        self,
        parts: DatasetParts,
        tenant: str,
        *,
        report: Report,
        progress: Callable[[int], None] | None,
    ) -> None:
        self._parts = parts
        self._tenant = tenant
        self._report = report
        self._progress = progress
        self._chars = 0

    @property
    def _pool(self) -> DatasetPool | None:
        pool = self._parts.pool
        if pool is None or not (pool.started or self._chars >= self._parts.pool_after_chars):
            return None
        return pool

    @property
    def depth(self) -> int:
        pool = self._pool
        return 0 if pool is None else pool.depth

    def submit(self, cells: Cells) -> Pending:
        if self._progress is not None:
            self._progress(self._report.rows)
        pool = self._pool
        if pool is not None:
            return pool.submit(self._tenant, cells)
        self._chars += sum(len(text) for text, _ in cells)  # counted until the pool takes over
        return _Done(anonymize_cells(self._parts.anonymizer, self._tenant, cells))


class _Done:
    def __init__(self, done: Done) -> None:
        self._done = done

    def result(self) -> Done:
        return self._done


def ingest_version(
    parts: DatasetParts,
    principal: Principal,
    *,
    dataset: DatasetInfo,
    upload: IngestRequest,
    target: dict[str, str] | None = None,
) -> tuple[VersionInfo, bool]:
    """Store the next version of `dataset`; returns it and whether it was created just now.

    Nothing becomes visible unless the sealed object and its metadata are both durable: on any
    error the pending row is discarded and a partly written object is removed (or, after a
    crash, swept later by `sweep_pending`). A repeated Idempotency-Key returns the first result
    if the request is the same (`target` names what it was for: the new dataset's name, or the
    dataset), and is a Conflict if it is not.
    """
    fmt = detect_format(upload.filename, upload.content_type)
    if upload.delimiter is not None and fmt != "csv":
        raise InvalidRequest("delimiter applies to CSV files only", param="delimiter")
    target = target or {"dataset": dataset.id}
    earlier = _replay(parts, principal, upload, fmt=fmt, target=target)
    if earlier is not None:
        return earlier, False
    request_digest = _request_digest(principal, upload, fmt=fmt, target=target)
    pending = parts.catalog.reserve_version(
        VersionInfo(
            dataset_id=dataset.id,
            tenant=principal.tenant,
            number=0,
            state="pending",
            # Unique per upload and known before any byte is written, so a sweeper can find
            # and remove what a crashed upload left behind.
            object_key=f"{principal.tenant}/{dataset.id}/{uuid.uuid4().hex}",
            format=fmt,
            policy=parts.anonymizer.policy.name,
            detector_version=parts.detector_version,
            uploaded_by=principal.key_id,
            created_at=datetime.now(UTC),
            parent_version=dataset.latest_version or None,
            idempotency_key=upload.idempotency_key,
        )
    )
    object_key = pending.object_key
    report = Report()
    digest = _Digest()
    stored = None
    try:
        tenant = principal.tenant
        plain = anonymize_stream(
            fmt,
            _hashed(_limited(upload.chunks, parts.max_upload_bytes), request_digest),
            work=_UploadWork(parts, tenant, report=report, progress=upload.progress)
            if parts.engine is None
            else engine_work(parts.engine, tenant, report=report, progress=upload.progress),
            report=report,
            column_overrides=upload.column_policy,
            delimiter=upload.delimiter,
        )
        sealed = seal_stream(
            plain, keys=parts.keys, context=dataset_context(tenant, dataset.id, pending.number)
        )
        header = next(sealed)  # kept in the database, apart from the object, for shredding
        stored = parts.store.put(object_key, digest.through(sealed))
        kept = report.as_dict()
        if upload.idempotency_key:
            kept[_REQUEST_DIGEST] = request_digest.hexdigest()
        version = replace(
            pending,
            object_key=object_key,
            object_version_id=stored.version_id,
            size=stored.size,
            sha256=digest.sha256.hexdigest(),
            columns=report.columns,
            report=kept,
            kms_key_id=read_header(header).key_id,  # the key actually used, even mid-rotation
            header=header,
        )
        return parts.catalog.commit_version(version), True
    except BaseException:
        try:
            if stored is not None:
                parts.store.delete_version(object_key, stored.version_id)
        finally:  # a store that fails to delete still leaves no pending row behind
            parts.catalog.discard_version(dataset.id, pending.number)
        raise


def create_dataset(
    parts: DatasetParts, principal: Principal, *, name: str, upload: IngestRequest
) -> tuple[DatasetInfo, VersionInfo, bool]:
    """A new dataset with `upload` as version 1; a replayed Idempotency-Key returns the first.

    A dataset whose first upload fails is removed again, so a failed create leaves nothing.
    """
    name = name.strip()
    if not name:
        raise InvalidRequest("a dataset needs a 'name' field, sent before the file", param="name")
    if len(name) > 256:
        raise InvalidRequest("name is longer than 256 characters", param="name")
    fmt = detect_format(upload.filename, upload.content_type)  # refuse before creating anything
    if upload.delimiter is not None and fmt != "csv":
        raise InvalidRequest("delimiter applies to CSV files only", param="delimiter")
    target = {"name": name}
    earlier = _replay(parts, principal, upload, fmt=fmt, target=target)
    if earlier is not None:
        return require_dataset(parts.catalog, principal.tenant, earlier.dataset_id), earlier, False
    dataset = parts.catalog.create_dataset(
        tenant=principal.tenant, name=name, created_by=principal.key_id
    )
    try:
        version, created = ingest_version(
            parts, principal, dataset=dataset, upload=upload, target=target
        )
    except BaseException:
        parts.catalog.delete_dataset_if_empty(principal.tenant, dataset.id)
        raise
    return require_dataset(parts.catalog, principal.tenant, dataset.id), version, created


def add_version(
    parts: DatasetParts, principal: Principal, *, dataset_id: str, upload: IngestRequest
) -> tuple[DatasetInfo, VersionInfo, bool]:
    """The next version of an existing dataset (NotFound for another tenant's)."""
    dataset = require_dataset(parts.catalog, principal.tenant, dataset_id)
    version, created = ingest_version(parts, principal, dataset=dataset, upload=upload)
    return require_dataset(parts.catalog, principal.tenant, dataset_id), version, created


def sweep_pending(parts: DatasetParts, *, older_than: timedelta = timedelta(hours=1)) -> int:
    """Remove what uploads that never finished (a crash, a killed process) left behind: their
    objects and pending rows. Safe to run at any time; returns how many it removed."""
    stale = parts.catalog.stale_pending(older_than=datetime.now(UTC) - older_than)
    for version in stale:
        parts.store.delete_key(version.object_key)
        parts.catalog.discard_version(version.dataset_id, version.number)
        parts.catalog.delete_dataset_if_empty(version.tenant, version.dataset_id)
    return len(stale)


def require_dataset(catalog: DatasetCatalog, tenant: str, dataset_id: str) -> DatasetInfo:
    """The tenant's dataset; NotFound for an unknown id, another tenant's, or a string that
    could not be an id (refused before the catalog is asked, and never echoed)."""
    if not is_dataset_id(dataset_id):
        raise NotFound("dataset not found")
    found = catalog.get_dataset(tenant, dataset_id)
    if found is None:
        raise NotFound(f"dataset {dataset_id} not found")
    return found


def public_report(version: VersionInfo) -> dict[str, Any] | None:
    """What a version's report may show: counts, columns, kinds; not the request digest."""
    if version.report is None:
        return None
    return {k: v for k, v in version.report.items() if k != _REQUEST_DIGEST}


def version_json(version: VersionInfo) -> dict[str, Any]:
    return {
        "dataset_id": version.dataset_id,
        "version": version.number,
        "format": version.format,
        "size": version.size,
        "sha256": version.sha256,
        "object_version_id": version.object_version_id,
        "columns": version.columns,
        "policy": version.policy,
        "detector_version": version.detector_version,
        "parent_version": version.parent_version,
        "uploaded_by": version.uploaded_by,
        "created_at": version.created_at.isoformat(),
        "erased": version.header is None,
    }
