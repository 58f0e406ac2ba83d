"""The small interfaces services depend on; adapters implement them, tests fake them."""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from vault.domain.audit import AuditCheckpoint, AuditEvent, AuditRecord
from vault.domain.jobs import JobInfo
from vault.domain.principal import Role
from vault.domain.ratelimit import Standing
from vault.domain.spans import Span

__all__ = [
    "ApiKeyInfo",
    "ApiKeyStore",
    "AuditBucket",
    "AuditLog",
    "AuditSigner",
    "BatchObject",
    "BatchObjects",
    "DataKey",
    "DatasetCatalog",
    "DatasetInfo",
    "Detector",
    "Events",
    "JobStore",
    "KeyService",
    "Keyring",
    "KnownDigests",
    "KnownValueStore",
    "LlmClient",
    "LlmStream",
    "NotPiiStore",
    "ObjectStore",
    "OutageFlag",
    "RateLimits",
    "ShipCursors",
    "SigningKeys",
    "SpanCacheStore",
    "StoredObject",
    "TenantKeys",
    "TokenRecord",
    "TokenStore",
    "UpstreamResponse",
    "VersionInfo",
    "WebhookDelivery",
    "WebhookSender",
    "WebhookStore",
    "WebhookSubscription",
]


@dataclass(frozen=True, slots=True)
class DataKey:
    """A fresh data key: `plaintext` for this process only, `wrapped` for storage."""

    key_id: str
    plaintext: bytes
    wrapped: bytes

    def __repr__(self) -> str:  # the plaintext must never reach a log line
        return f"DataKey(key_id={self.key_id!r}, wrapped=<{len(self.wrapped)} bytes>)"


class KeyService(Protocol):
    """A KMS: makes data keys and unwraps them, bound to an encryption context."""

    @property
    def primary_key_id(self) -> str: ...

    def generate_data_key(self, context: Mapping[str, str]) -> DataKey:
        """A fresh 256-bit key wrapped under the primary key. Raises KeyServiceUnavailable."""
        ...

    def decrypt_data_key(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        """Unwrap; IntegrityError if `context` differs, Gone if the key was destroyed."""
        ...

    def rewrap(self, wrapped: bytes, context: Mapping[str, str], *, to_key_id: str) -> bytes:
        """Re-encrypt a wrapped key under another KMS key without exposing it to the caller."""
        ...


@dataclass(frozen=True, slots=True)
class StoredObject:
    key: str
    version_id: str
    size: int


class ObjectStore(Protocol):
    """A versioned object store: every put makes a new version, old ones stay readable."""

    def put(self, key: str, chunks: Iterable[bytes]) -> StoredObject: ...

    def get(self, key: str, version_id: str) -> Iterator[bytes]: ...

    def delete_version(self, key: str, version_id: str) -> None: ...

    def delete_key(self, key: str) -> None:
        """Remove every version of `key` (cleaning up after an upload that never finished)."""
        ...

    def check(self) -> None:
        """Raise StoreUnavailable unless the store answers."""
        ...


class Detector(Protocol):
    """Finds PII in text. `version` names what decides the spans (library, model, our
    recognizers and their configuration); every dataset version records it."""

    version: str

    def detect(self, text: str) -> list[Span]: ...


class Keyring(Protocol):
    """One tenant's root key, unwrapped: seals small values and derives keyed-hash secrets."""

    def seal_small(self, plaintext: bytes, *, context: Mapping[str, str]) -> bytes: ...

    def open_small(self, blob: bytes, *, context: Mapping[str, str]) -> bytes: ...

    def seal_small_many(
        self, plaintexts: Sequence[bytes], *, contexts: Sequence[Mapping[str, str]]
    ) -> list[bytes]: ...

    def open_small_many(
        self, blobs: Sequence[bytes], *, contexts: Sequence[Mapping[str, str]]
    ) -> list[bytes]: ...

    def hmac_key(self, purpose: str) -> bytes: ...


class TenantKeys(Protocol):
    """Hands out each tenant's keyring, creating it on first use. Gone once shredded."""

    def keyring(self, tenant: str) -> Keyring: ...

    def shred(self, tenant: str) -> None: ...

    def rewrap_all(self, *, to_key_id: str) -> int:
        """Rewrap every tenant root under `to_key_id`; returns how many moved."""
        ...


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """A token and its value, the value sealed under the tenant's keyring."""

    token: str
    entity_type: str
    value_digest: str
    sealed_value: bytes


class TokenStore(Protocol):
    """token → sealed value, per tenant. Saving is insert-if-absent and idempotent."""

    def save(self, tenant: str, records: Sequence[TokenRecord]) -> None: ...

    def fetch(self, tenant: str, tokens: Collection[str]) -> dict[str, TokenRecord]: ...

    def find_by_digest(self, tenant: str, value_digest: str) -> list[TokenRecord]: ...

    def erase(self, tenant: str, tokens: Collection[str], *, tombstone: str) -> int:
        """Destroy the values of `tokens` for good; their rows stay as tombstones."""
        ...


class NotPiiStore(Protocol):
    """Keyed digests of texts each tenant said are not personal data (never the texts)."""

    def add(self, tenant: str, value_digest: str) -> None: ...

    def digests(self, tenant: str) -> frozenset[str]: ...


@dataclass(frozen=True, slots=True)
class ApiKeyInfo:
    """An API key's public facts. The secret is never kept, only its hash beside this."""

    id: str
    tenant: str
    roles: frozenset[Role]
    label: str | None
    created_at: datetime
    expires_at: datetime | None = None
    revoked_at: datetime | None = None


class ApiKeyStore(Protocol):
    def add(self, info: ApiKeyInfo, *, secret_hash: str) -> None: ...

    def get(self, key_id: str) -> tuple[ApiKeyInfo, str] | None:
        """The key and its secret hash, or None."""
        ...

    def cached(self, key_id: str) -> tuple[ApiKeyInfo, str] | None:
        """`get` answered from memory without I/O, or None if memory cannot answer."""
        ...

    def list(self, tenant: str | None = None) -> list[ApiKeyInfo]: ...

    def revoke(self, key_id: str, *, at: datetime) -> bool: ...

    def set_roles(self, key_id: str, roles: frozenset[Role]) -> bool:
        """Replace the key's roles; False if there is no such key."""
        ...


@dataclass(frozen=True, slots=True)
class UpstreamResponse:
    """A successful LLM answer: its status, parsed body, the headers to pass back, and which
    upstream gave it (`"primary"` or `"fallback"`), for the audit trail."""

    status: int
    json: Any
    headers: Mapping[str, str]
    upstream: str = "primary"


class LlmStream(Protocol):
    """An open streamed completion: chunk dicts until `[DONE]`; closing it cancels the upstream."""

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def upstream(self) -> str:
        """Which upstream is answering: `"primary"` or `"fallback"`."""
        ...

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]: ...

    async def aclose(self) -> None: ...


class LlmClient(Protocol):
    """The LLM upstream. Raises UpstreamError (its status and body) or UpstreamUnavailable."""

    def chat(self, payload: bytes) -> UpstreamResponse:
        """A chat completion; `payload` is the JSON body, sent exactly as given."""
        ...

    async def stream_chat(self, payload: bytes) -> LlmStream:
        """A streamed chat completion; `payload` holds `"stream": true`, sent as given."""
        ...

    def list_models(self) -> UpstreamResponse: ...

    def get_model(self, model_id: str) -> UpstreamResponse: ...

    def transcribe(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse: ...

    def translate(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse: ...

    def upload_file(self, content: bytes, *, filename: str, purpose: str) -> UpstreamResponse:
        """Upload a file (a batch's JSONL input); `json` is the upstream's file object."""
        ...

    def get_file(self, file_id: str) -> UpstreamResponse: ...

    def delete_file(self, file_id: str) -> UpstreamResponse: ...

    def file_content(self, file_id: str) -> bytes:
        """A file's bytes as the upstream holds them."""
        ...

    def upload_file_stream(
        self, chunks: Iterable[bytes], *, filename: str, purpose: str
    ) -> UpstreamResponse:
        """`upload_file` for a file read from `chunks` as it is sent (never held whole)."""
        ...

    def file_content_stream(self, file_id: str) -> Iterator[bytes]:
        """A file's bytes as they arrive; an error status raises before this returns."""
        ...

    def create_batch(self, payload: bytes) -> UpstreamResponse:
        """Create a batch; `payload` is the JSON body, sent as given."""
        ...

    def get_batch(self, batch_id: str) -> UpstreamResponse: ...

    def list_batches(self) -> UpstreamResponse: ...

    def cancel_batch(self, batch_id: str) -> UpstreamResponse: ...

    def embeddings(self, payload: bytes) -> UpstreamResponse:
        """Embeddings of the payload's input; `payload` is the JSON body, sent as given."""
        ...

    def close(self) -> None:
        """Close pooled connections (sync calls); the vault calls it once, at shutdown."""
        ...

    async def aclose(self) -> None:
        """Close the streams' connection pool of the running event loop."""
        ...


class AuditSigner(Protocol):
    """The deployment's audit signing key (Ed25519); the private half never leaves it."""

    @property
    def key_id(self) -> str: ...

    @property
    def public_key_bytes(self) -> bytes: ...

    def sign(self, message: bytes) -> bytes: ...

    def current(self) -> AuditSigner:
        """The key that signs now: a fixed key is itself; one reloaded after a rotation is the
        key of the moment. Sign and name the key through one `current()`, never two reads."""
        ...


class AuditLog(Protocol):
    """Per-tenant hash chains of audit records, append-only, with signed checkpoints."""

    def append(self, event: AuditEvent) -> AuditRecord:
        """Link `event` after its tenant's head; never forks under concurrent writers."""
        ...

    def head(self, tenant: str) -> AuditRecord | None: ...

    def records(
        self,
        tenant: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        upto_seq: int | None = None,
        after_seq: int | None = None,
    ) -> Iterator[AuditRecord]:
        """Stream records with `since <= at < until` and `after_seq < seq <= upto_seq`, seq
        ascending."""
        ...

    def checkpoints(self, tenant: str, *, from_seq: int, to_seq: int) -> Iterator[AuditCheckpoint]:
        """Stored checkpoints with `from_seq <= seq <= to_seq`, seq ascending."""
        ...

    def checkpoint(self, tenant: str) -> AuditCheckpoint | None:
        """Sign and store a checkpoint at the tenant's current head (None for an empty chain)."""
        ...


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    id: str
    tenant: str
    name: str
    created_by: str
    created_at: datetime
    latest_version: int


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One dataset version. `header` is the sealed object's header, kept apart from the object
    so that deleting it crypto-shreds every copy the object store keeps."""

    dataset_id: str
    tenant: str
    number: int
    state: str
    object_key: str
    format: str
    policy: str
    detector_version: str
    uploaded_by: str
    created_at: datetime
    object_version_id: str | None = None
    size: int = 0
    sha256: str | None = None
    columns: list[str] | None = None
    report: dict[str, Any] | None = None
    kms_key_id: str | None = None
    header: bytes | None = None
    parent_version: int | None = None
    idempotency_key: str | None = None


class DatasetCatalog(Protocol):
    """Datasets and their versions; a version is visible once committed."""

    def create_dataset(self, *, tenant: str, name: str, created_by: str) -> DatasetInfo: ...

    def get_dataset(self, tenant: str, dataset_id: str) -> DatasetInfo | None: ...

    def list_datasets(self, tenant: str) -> list[DatasetInfo]: ...

    def delete_dataset_if_empty(self, tenant: str, dataset_id: str) -> None: ...

    def reserve_version(self, pending: VersionInfo) -> VersionInfo:
        """Insert a pending version with the next free number; Conflict on a reused idempotency key."""
        ...

    def commit_version(self, version: VersionInfo) -> VersionInfo: ...

    def discard_version(self, dataset_id: str, number: int) -> None: ...

    def get_version(self, tenant: str, dataset_id: str, number: int) -> VersionInfo | None: ...

    def list_versions(self, tenant: str, dataset_id: str) -> list[VersionInfo]: ...

    def find_by_idempotency_key(self, tenant: str, key: str) -> VersionInfo | None: ...

    def stale_pending(self, *, older_than: datetime) -> list[VersionInfo]: ...

    def headers_not_under(self, key_id: str) -> list[VersionInfo]:
        """Committed versions whose sealed header is wrapped under another KMS key."""
        ...

    def replace_header(self, version: VersionInfo, *, header: bytes, key_id: str) -> None: ...

    def forget_headers(self, tenant: str, dataset_id: str | None = None) -> int:
        """Delete sealed headers (a dataset's, or all of a tenant's): crypto-shredding."""
        ...


class JobStore(Protocol):
    """Upload jobs, shared by every worker and kept across restarts."""

    def create(self, job: JobInfo) -> None: ...

    def get(self, tenant: str, job_id: str) -> JobInfo | None:
        """The tenant's job; None for an unknown id or another tenant's."""
        ...

    def recent(self, tenant: str, *, limit: int = 100) -> list[JobInfo]:
        """The tenant's jobs, newest first."""
        ...

    def progress(self, job_id: str, *, rows_done: int, bytes_done: int) -> bool:
        """Record progress (and that the worker lives); True if a cancel was requested."""
        ...

    def finish(self, job: JobInfo) -> bool:
        """Store a job's final state, unless it is final already or no longer `job.owner`'s;
        whether it was stored."""
        ...

    def release(self, job_id: str, *, owner: str) -> bool:
        """Hand `owner`'s unfinished job back to be started again: queued, nobody's, its
        progress reset. False if it is not `owner`'s any more (another process was first)."""
        ...

    def claim(self, job_id: str, *, owner: str) -> JobInfo | None:
        """Take a released job for `owner`, one more attempt; None if another process did."""
        ...

    def released(self) -> list[JobInfo]:
        """The jobs handed back to be started again, of every tenant."""
        ...

    def note_resume(self, job_id: str, resume: dict[str, Any]) -> None:
        """Keep what starts the job again (its request, the version it reserved)."""
        ...

    def request_cancel(self, tenant: str, job_id: str) -> JobInfo | None:
        """Flag the tenant's unfinished job for cancellation; the job as it now stands."""
        ...

    def unfinished(self) -> list[JobInfo]:
        """Every queued or running job, of every tenant (for the start-up check)."""
        ...


@dataclass(frozen=True, slots=True)
class BatchObject:
    """A file or batch of the batch API as a tenant sees it: the vault's id, the upstream's.
    An input file the vault sealed and stored names its object and keeps its header."""

    id: str
    tenant: str
    kind: str  # "file" | "batch"
    purpose: str  # "batch" (an input file), "batch_output", or "batch" for a batch
    upstream_id: str
    created_by: str
    created_at: datetime
    lines: int = 0
    size: int = 0
    object_key: str | None = None
    object_version_id: str | None = None
    header: bytes | None = None


class BatchObjects(Protocol):
    """The vault's batch-API ids, per tenant, mapped to the upstream's."""

    def add(self, entry: BatchObject) -> BatchObject:
        """Insert; an entry for the same (tenant, kind, upstream id) is returned instead."""
        ...

    def get(self, tenant: str, object_id: str) -> BatchObject | None: ...

    def by_upstream(self, tenant: str, kind: str, upstream_id: str) -> BatchObject | None: ...

    def delete(self, tenant: str, object_id: str) -> None: ...


class RateLimits(Protocol):
    """Per-key requests and LLM tokens per minute. Each check answers 0, or the seconds to wait;
    a limiter that cannot count raises ServiceUnavailable rather than allow (fail closed)."""

    def check_request(self, key_id: str) -> float:
        """Count one request for `key_id` unless its limit is reached."""
        ...

    def check_tokens(self, key_id: str) -> float: ...

    def spend_tokens(self, key_id: str, tokens: int) -> None: ...

    def standing(self, key_id: str) -> Standing:
        """What `key_id` has left of each limit this minute (counts nothing); what the proxy
        answers as its `x-ratelimit-*` headers, in place of the upstream's account-wide ones."""
        ...


class SpanCacheStore(Protocol):
    """Detected spans by a keyed hash of (tenant, text); holds no text. A miss is None."""

    def key(self, tenant: str, text: str) -> bytes: ...

    def get_many(self, keys: Sequence[bytes]) -> list[list[Span] | None]:
        """Each key's spans, in order, in one look-up (a shared store makes one round trip)."""
        ...

    def put_many(self, entries: Mapping[bytes, list[Span]]) -> None:
        """Store every entry in one write."""
        ...


@dataclass(frozen=True)
class KnownDigests:
    """What a tenant's shared memory of known values gained and lost since a moment: digests
    only (`kind:hex`), each added one with its `length:entity type`, the store's clock (ms) to
    ask from next time, and which life of the store answered (it changes when the store starts
    again empty, so that workers tell it again what they know)."""

    now: int
    added: Mapping[str, str]
    gone: Sequence[str]
    epoch: str


class KnownValueStore(Protocol):
    """Keyed digests of the values a tenant is known to hold, shared by every worker; bounded
    per tenant (a size cap and a TTL). Holds no text and no value."""

    def changes(self, tenant: str, *, since: int) -> KnownDigests:
        """What was added or forgotten at or after `since` (the store's clock, ms)."""
        ...

    def record(self, tenant: str, *, added: Mapping[str, str], gone: Collection[str]) -> None:
        """Add digests (each with its `length:entity type`) and forget others."""
        ...


class OutageFlag(Protocol):
    """One flag every worker reads: raised while a dependency (the audit log) refuses work."""

    def raise_flag(self) -> None:
        """Raise it, or keep it raised; it falls by itself if no one raises it again."""
        ...

    def lower(self) -> None: ...

    def is_raised(self) -> bool: ...


class Events(Protocol):
    """Where the vault announces what happened, for webhook subscribers. Ids and counts only."""

    def emit(self, tenant: str, event_type: str, data: Mapping[str, Any]) -> int:
        """Queue `event_type` for each of the tenant's subscriptions to it; how many queued."""
        ...


@dataclass(frozen=True, slots=True)
class WebhookSubscription:
    """A tenant's webhook. Its signing secret is kept sealed, apart from this."""

    id: str
    tenant: str
    url: str
    event_types: tuple[str, ...]
    created_by: str
    created_at: datetime
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class WebhookDelivery:
    """One event for one subscription: its place in the queue and its delivery log."""

    id: str
    subscription_id: str
    tenant: str
    event_type: str
    payload: Mapping[str, Any]
    state: str  # pending | delivered | dead
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    updated_at: datetime
    last_status: int | None = None
    last_error: str | None = None
    delivered_at: datetime | None = None


class WebhookStore(Protocol):
    """Subscriptions and the durable delivery queue, shared by every worker process."""

    def add(self, subscription: WebhookSubscription, *, sealed_secret: bytes) -> None: ...

    def get(self, tenant: str, subscription_id: str) -> WebhookSubscription | None:
        """The tenant's live subscription; None if unknown, deleted or another tenant's."""
        ...

    def subscriptions(self, tenant: str) -> list[WebhookSubscription]: ...

    def delete(self, tenant: str, subscription_id: str, *, at: datetime) -> int:
        """Mark it deleted and dead-letter its pending deliveries; how many were pending."""
        ...

    def sealed_secret(self, subscription_id: str) -> tuple[WebhookSubscription, bytes] | None: ...

    def deliveries(
        self, tenant: str, subscription_id: str, *, limit: int = 100
    ) -> list[WebhookDelivery]:
        """The subscription's deliveries, newest first."""
        ...

    def redeliver(
        self, tenant: str, subscription_id: str, delivery_id: str, *, at: datetime
    ) -> WebhookDelivery | None:
        """Queue the delivery again (same message id, a fresh day of retries)."""
        ...

    def claim(self, *, now: datetime, lease: float, limit: int) -> list[WebhookDelivery]:
        """Due pending deliveries, leased to this caller for `lease` seconds (other workers
        skip them meanwhile; a worker that dies gives them back when the lease ends)."""
        ...

    def next_due(self) -> datetime | None:
        """When the first pending delivery may next be claimed (None: nothing is pending)."""
        ...

    def listen(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` when another process queues deliveries, where the store can tell;
        returns the call that stops listening."""
        ...

    def prune(self, *, before: datetime) -> int:
        """Forget delivered and dead-lettered deliveries last touched before `before`."""
        ...

    def settle(
        self,
        delivery_id: str,
        *,
        state: str,
        at: datetime,
        next_attempt_at: datetime | None = None,
        status: int | None = None,
        error: str | None = None,
    ) -> None:
        """Record one attempt's outcome and release the lease."""
        ...


class WebhookSender(Protocol):
    """POSTs a signed body to a receiver; the answer's status, or WebhookUndeliverable(code)."""

    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int: ...

    def resolve(self, host: str, port: int) -> list[str]:
        """The IP addresses `host` resolves to now (empty if none)."""
        ...


class AuditBucket(Protocol):
    """The write-once bucket audit segments are shipped to (S3 Object Lock)."""

    def put_locked(self, key: str, body: bytes, *, retain_until: datetime) -> None:
        """Store `body` at `key`, locked against deletion and overwrite until `retain_until`."""
        ...

    def keys(self, prefix: str) -> list[str]:
        """The keys under `prefix`, sorted."""
        ...


class ShipCursors(Protocol):
    """How far each tenant's audit trail has been shipped, kept in the metadata database."""

    def tenants(self) -> list[str]:
        """Every tenant with an audit chain."""
        ...

    def get(self, tenant: str) -> tuple[int, int]:
        """(last record seq shipped, last checkpoint seq shipped); (0, 0) at first."""
        ...

    def advance(self, tenant: str, *, record_seq: int, checkpoint_seq: int) -> None: ...

    def exclusive(self) -> AbstractContextManager[bool]:
        """Entered: True if this caller alone may ship now, False if another shipper is."""
        ...


class SigningKeys(Protocol):
    """The audit signing keys kept sealed: the current one and those it replaced."""

    def rotate(self) -> tuple[str, str]:
        """Retire the current key, make a fresh one current; (old key id, new key id)."""
        ...

    def rewrap_all(self, *, to_key_id: str) -> int:
        """Rewrap every sealed signing key under KMS key `to_key_id`; how many moved."""
        ...
