"""The metadata schema: SQLModel tables. Alembic migrations under `migrations/` create them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

__all__ = [
    "ApiKeyRow",
    "AuditCheckpointRow",
    "AuditRecordRow",
    "AuditShipCursorRow",
    "BatchObjectRow",
    "DatasetRow",
    "DatasetVersionRow",
    "JobRow",
    "NotPiiRow",
    "SystemKeyRow",
    "TenantKeyRow",
    "TokenRow",
    "WebhookDeliveryRow",
    "WebhookSubscriptionRow",
]


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; every time the vault stores is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class TenantKeyRow(SQLModel, table=True):
    """A tenant's root data key, wrapped by KMS. Deleting the row crypto-shreds the tenant."""

    __tablename__ = "tenant_keys"
    tenant: str = Field(primary_key=True, max_length=128)
    kms_key_id: str = Field(max_length=2048)
    wrapped_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class SystemKeyRow(SQLModel, table=True):
    """Deployment-wide keys (the audit signing key), sealed under KMS."""

    __tablename__ = "system_keys"
    name: str = Field(primary_key=True, max_length=64)
    kms_key_id: str = Field(max_length=2048)
    sealed_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    public_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class ApiKeyRow(SQLModel, table=True):
    """An API key: only the hash of its secret is kept."""

    __tablename__ = "api_keys"
    id: str = Field(primary_key=True, max_length=32)
    tenant: str = Field(index=True, max_length=128)
    roles: str = Field(max_length=256)
    secret_hash: str = Field(max_length=128)
    label: str | None = Field(default=None, max_length=256)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime | None = None
    revoked_at: datetime | None = None


class TokenRow(SQLModel, table=True):
    """token → value, the value sealed under the tenant key with the token as context."""

    __tablename__ = "tokens"
    tenant: str = Field(primary_key=True, max_length=128)
    token: str = Field(primary_key=True, max_length=96)
    entity_type: str = Field(max_length=64)
    value_digest: str = Field(index=True, max_length=128)
    sealed_value: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class NotPiiRow(SQLModel, table=True):
    """A text a tenant's admin said is not personal data, by its keyed digest (never the text):
    detection may find it, the vault leaves it as it is."""

    __tablename__ = "not_pii"
    tenant: str = Field(primary_key=True, max_length=128)
    value_digest: str = Field(primary_key=True, max_length=128)
    created_at: datetime = Field(default_factory=utcnow)


class DatasetRow(SQLModel, table=True):
    __tablename__ = "datasets"
    id: str = Field(primary_key=True, max_length=64)
    tenant: str = Field(index=True, max_length=128)
    name: str = Field(max_length=256)
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    latest_version: int = 0


class DatasetVersionRow(SQLModel, table=True):
    """One immutable version; visible once `state` is `committed`."""

    __tablename__ = "dataset_versions"
    __table_args__ = (
        UniqueConstraint("dataset_id", "number"),
        UniqueConstraint("tenant", "idempotency_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    dataset_id: str = Field(index=True, foreign_key="datasets.id", max_length=64)
    tenant: str = Field(max_length=128)
    number: int
    state: str = Field(default="pending", max_length=16)
    object_key: str = Field(max_length=1024)
    object_version_id: str | None = Field(default=None, max_length=1024)
    size: int = 0
    sha256: str | None = Field(default=None, max_length=64)
    format: str = Field(max_length=16)
    columns: list[str] | None = Field(default=None, sa_column=Column(JSON))
    report: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    policy: str = Field(max_length=64)
    detector_version: str = Field(max_length=64)
    kms_key_id: str | None = Field(default=None, max_length=2048)
    sealed_header: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    uploaded_by: str = Field(max_length=64)
    parent_version: int | None = None
    idempotency_key: str | None = Field(default=None, max_length=256)
    created_at: datetime = Field(default_factory=utcnow)


class JobRow(SQLModel, table=True):
    """An upload job: its state and progress, counts and ids only (never a value)."""

    __tablename__ = "jobs"
    id: str = Field(primary_key=True, max_length=64)
    tenant: str = Field(index=True, max_length=128)
    kind: str = Field(max_length=32)
    state: str = Field(max_length=16)
    created_by: str = Field(max_length=64)
    owner: str = Field(max_length=256)
    rows_done: int = 0
    rows_total: int | None = Field(default=None, sa_column=Column(BigInteger))
    # Uploads may pass 2 GiB: 64-bit counts.
    bytes_done: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    bytes_total: int | None = Field(default=None, sa_column=Column(BigInteger))
    cancel_requested: bool = False
    error_code: str | None = Field(default=None, max_length=64)
    error_message: str | None = Field(default=None, max_length=1024)
    dataset_id: str | None = Field(default=None, max_length=64)
    version: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    # How many times the job was started, and what starts it again from a durable input.
    attempts: int = 1
    resume: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))


class BatchObjectRow(SQLModel, table=True):
    """A file or batch of the Groq batch API: the vault's id, the upstream's, per tenant. An
    input file the vault sealed and stored also names its object and keeps its header."""

    __tablename__ = "batch_objects"
    __table_args__ = (UniqueConstraint("tenant", "kind", "upstream_id"),)
    id: str = Field(primary_key=True, max_length=64)
    tenant: str = Field(index=True, max_length=128)
    kind: str = Field(max_length=16)
    purpose: str = Field(max_length=32)
    upstream_id: str = Field(max_length=256)
    created_by: str = Field(max_length=64)
    lines: int = 0
    size: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    object_key: str | None = Field(default=None, max_length=1024)
    object_version_id: str | None = Field(default=None, max_length=1024)
    sealed_header: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    created_at: datetime = Field(default_factory=utcnow)


class AuditRecordRow(SQLModel, table=True):
    """One link of a tenant's audit hash chain; `seq` is gapless, `prev_hash` names the parent.

    Each tenant has its own chain, so an auditor's export of one tenant verifies on its own.
    The primary key (tenant, seq) is what keeps concurrent writers from forking a chain.
    """

    __tablename__ = "audit_records"
    tenant: str = Field(primary_key=True, max_length=128)
    seq: int = Field(primary_key=True)
    at: datetime = Field(index=True)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=64)
    object: str | None = Field(default=None, max_length=256)
    purpose: str | None = Field(default=None, max_length=512)
    outcome: str = Field(max_length=32)
    source: str | None = Field(default=None, max_length=64)
    request_id: str | None = Field(default=None, max_length=64)
    details: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class AuditCheckpointRow(SQLModel, table=True):
    """A signature over a tenant's chain head at `seq`."""

    __tablename__ = "audit_checkpoints"
    tenant: str = Field(primary_key=True, max_length=128)
    seq: int = Field(primary_key=True)
    head_hash: str = Field(max_length=64)
    signature: str = Field(max_length=256)
    at: datetime = Field(default_factory=utcnow)
    key_id: str | None = Field(default=None, max_length=64)  # None: the deployment's first key


class WebhookSubscriptionRow(SQLModel, table=True):
    """A tenant's webhook: where to POST which events. The signing secret is sealed under the
    tenant's keyring; a deleted subscription keeps its row (its delivery log stays readable)."""

    __tablename__ = "webhook_subscriptions"
    id: str = Field(primary_key=True, max_length=64)
    tenant: str = Field(index=True, max_length=128)
    url: str = Field(max_length=2048)
    event_types: str = Field(max_length=1024)  # space-separated
    sealed_secret: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = None


class WebhookDeliveryRow(SQLModel, table=True):
    """One event for one subscription: the durable queue and its delivery log. `payload` holds
    ids and counts only; `id` is the Standard Webhooks message id (`webhook-id`)."""

    __tablename__ = "webhook_deliveries"
    id: str = Field(primary_key=True, max_length=64)
    subscription_id: str = Field(index=True, max_length=64)
    tenant: str = Field(max_length=128)
    event_type: str = Field(max_length=64)
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    state: str = Field(max_length=16)  # pending | delivered | dead
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    claimed_until: datetime | None = None
    last_status: int | None = None
    last_error: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    delivered_at: datetime | None = None


class AuditShipCursorRow(SQLModel, table=True):
    """How far each tenant's audit trail has been shipped to the Object Lock bucket."""

    __tablename__ = "audit_ship_cursors"
    tenant: str = Field(primary_key=True, max_length=128)
    record_seq: int = 0
    checkpoint_seq: int = 0
    updated_at: datetime = Field(default_factory=utcnow)
