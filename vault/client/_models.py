"""What the vault answers, as frozen typed objects; each keeps the JSON it was read from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = [
    "FINAL_JOB_STATES",
    "Anonymized",
    "AnonymizedEntity",
    "ApiKey",
    "CreatedKey",
    "Dataset",
    "Erased",
    "FoundToken",
    "Job",
    "Progress",
    "Reidentified",
    "Span",
    "Upload",
    "Version",
]

FINAL_JOB_STATES = frozenset({"succeeded", "failed", "cancelled"})


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of PII found in a text: `text[start:end]` is of `entity_type`."""

    entity_type: str
    start: int
    end: int
    score: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        return cls(data["entity_type"], data["start"], data["end"], float(data["score"]))


@dataclass(frozen=True, slots=True)
class AnonymizedEntity:
    """One replacement in an anonymized text; `token` when the operator was reversible."""

    entity_type: str
    start: int
    end: int
    operator: str
    score: float
    token: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AnonymizedEntity:
        return cls(
            data["entity_type"],
            data["start"],
            data["end"],
            data["operator"],
            float(data["score"]),
            data.get("token"),
        )


@dataclass(frozen=True, slots=True)
class Anonymized:
    text: str
    entities: tuple[AnonymizedEntity, ...]

    def counts(self) -> dict[str, int]:
        """How many of each entity type were replaced."""
        return dict(Counter(e.entity_type for e in self.entities))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Anonymized:
        return cls(data["text"], tuple(AnonymizedEntity.from_json(e) for e in data["entities"]))


@dataclass(frozen=True, slots=True)
class Reidentified:
    """The text with the tokens this key may reveal restored; `unresolved` lists the others."""

    text: str
    counts: dict[str, int]
    unresolved: tuple[str, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reidentified:
        return cls(data["text"], dict(data.get("counts") or {}), tuple(data.get("unresolved", ())))


@dataclass(frozen=True, slots=True)
class Dataset:
    id: str
    name: str
    created_at: datetime
    created_by: str
    latest_version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Dataset:
        created = _time(data["created_at"])
        assert created is not None
        return cls(data["id"], data["name"], created, data["created_by"], data["latest_version"])


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version: its format, sealed size and digest, and how it was anonymized."""

    dataset_id: str
    number: int
    format: str
    size: int
    sha256: str | None
    created_at: datetime
    erased: bool
    columns: Any = None
    policy: str | None = None
    detector_version: Any = None
    parent_version: int | None = None
    uploaded_by: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Version:
        created = _time(data["created_at"])
        assert created is not None
        return cls(
            dataset_id=data["dataset_id"],
            number=data["version"],
            format=data["format"],
            size=data["size"],
            sha256=data.get("sha256"),
            created_at=created,
            erased=bool(data.get("erased")),
            columns=data.get("columns"),
            policy=data.get("policy"),
            detector_version=data.get("detector_version"),
            parent_version=data.get("parent_version"),
            uploaded_by=data.get("uploaded_by"),
            raw=data,
        )


@dataclass(frozen=True, slots=True)
class Job:
    """An upload job as the vault last reported it; `raw` is the job's JSON as answered."""

    id: str
    kind: str
    state: str
    rows_done: int
    bytes_done: int
    bytes_total: int | None
    dataset_id: str | None
    version: int | None
    error_code: str | None
    error_message: str | None
    cancel_requested: bool = False
    attempts: int = 1  # above 1 when a server restart resumed the job
    rows_total: int | None = (
        None  # where known: an inference's from the start, an upload's at its end
    )
    rate_bytes_per_second: float | None = None
    eta_seconds: float | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def finished(self) -> bool:
        """Whether the job has ended (succeeded, failed or cancelled)."""
        return self.state in FINAL_JOB_STATES

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Job:
        error = data.get("error") or {}
        return cls(
            id=data["id"],
            kind=data["kind"],
            state=data["state"],
            rows_done=data.get("rows_done", 0),
            bytes_done=data.get("bytes_done", 0),
            bytes_total=data.get("bytes_total"),
            dataset_id=data.get("dataset_id"),
            version=data.get("version"),
            error_code=error.get("code"),
            error_message=error.get("message"),
            cancel_requested=bool(data.get("cancel_requested")),
            attempts=data.get("attempts", 1),
            rows_total=data.get("rows_total"),
            rate_bytes_per_second=data.get("rate_bytes_per_second"),
            eta_seconds=data.get("eta_seconds"),
            raw=data,
        )


@dataclass(frozen=True, slots=True)
class Upload:
    """A stored upload: the dataset, the version it made, and the job that made it (if any).
    `created` is False when an Idempotency-Key replay answered with the earlier version."""

    dataset: Dataset
    version: Version
    created: bool = True
    job: Job | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Where an upload stands, given to a progress callback: `stage` is "sending" while the
    file goes out (bytes sent), then the job's state while the vault finishes it."""

    stage: str
    bytes_done: int
    bytes_total: int | None
    rows_done: int = 0
    job: Job | None = None


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: str
    tenant: str
    roles: tuple[str, ...]
    label: str | None
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ApiKey:
        created = _time(data["created_at"])
        assert created is not None
        return cls(
            data["id"],
            data["tenant"],
            tuple(data["roles"]),
            data.get("label"),
            created,
            _time(data.get("expires_at")),
            _time(data.get("revoked_at")),
        )


@dataclass(frozen=True, slots=True)
class CreatedKey:
    """A new key and its secret, which the vault shows this once; the secret is not in repr."""

    key: ApiKey
    secret: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class FoundToken:
    token: str
    entity_type: str


@dataclass(frozen=True, slots=True)
class Erased:
    """How many token entries an erase destroyed, and which tokens they were."""

    erased: int
    tokens: tuple[str, ...]
