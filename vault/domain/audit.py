"""Audit events and the hash chain that links them: canonical bytes, record hashes, signed messages.

A record's hash is SHA-256 over a domain tag, the previous record's hash and the canonical JSON of
its body (every field but `hash`). Canonical JSON is sorted-key, compact, UTF-8 (not ASCII-escaped);
datetimes are RFC 3339 UTC with microseconds (`2026-01-02T03:04:05.000006Z`). Each tenant has its
own chain starting at seq 1 with `GENESIS_HASH` as the previous hash.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Final

__all__ = [
    "GENESIS_HASH",
    "OUTCOMES",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditRecord",
    "canonical_json",
    "checkpoint_message",
    "format_time",
    "parse_time",
    "record_hash",
    "validate_details",
]

GENESIS_HASH: Final = "0" * 64
OUTCOMES: Final = frozenset({"ok", "denied", "error", "blocked"})

_RECORD_TAG: Final = b"vault-audit/1 record\n"
_CHECKPOINT_TAG: Final = b"vault-audit/1 checkpoint\n"
_ACTION = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")
_HASH = re.compile(r"[0-9a-f]{64}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")
# Detail strings are ids, names and enum values: no spaces, no "@", so sentences and e-mail
# addresses cannot slip in. This narrows what PII could be stored; it cannot rule it out.
_DETAIL_STRING = re.compile(r"[A-Za-z0-9_.:/-]{0,128}")
# NUL is refused by PostgreSQL text columns; lone surrogates cannot be encoded as UTF-8.
_UNSTORABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_DETAIL_KEY = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
# Key words that name a payload rather than a count: the log must never hold PII or token values.
_FORBIDDEN_KEY_WORDS: Final = frozenset(
    {"value", "values", "text", "texts", "token", "secret", "password", "plaintext", "content"}
)
_MAX_DETAIL_KEYS: Final = 64
# Column widths of the audit_records table: an event that would not fit is refused up front.
_LIMITS: Final = {
    "tenant": 128,
    "actor": 64,
    "action": 64,
    "object": 256,
    "purpose": 512,
    "source": 64,
    "request_id": 64,
}

DetailScalar = str | int | float | bool
DetailValue = DetailScalar | Mapping[str, DetailScalar]


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with microseconds; naive datetimes are refused."""
    if moment.utcoffset() is None:
        raise ValueError("audit times must be timezone-aware")
    at = moment.astimezone(UTC)
    if at.year < 1000:  # strftime writes such a year unpadded
        return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    # The same text as that strftime, which costs several times more.
    return "%d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (  # noqa: UP031 faster than the f-string
        at.year,
        at.month,
        at.day,
        at.hour,
        at.minute,
        at.second,
        at.microsecond,
    )


def parse_time(text: str) -> datetime:
    """The inverse of `format_time`; only its exact layout is accepted."""
    if not isinstance(text, str) or not _TIME.fullmatch(text):
        raise ValueError("time is not RFC 3339 UTC with microseconds")
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


# `json.dumps(obj, sort_keys=True, ...)` with its encoder built once, not on every record.
_canonical = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
).encode


def canonical_json(obj: Any) -> bytes:
    """Sorted-key compact JSON in UTF-8; NaN and infinities are refused."""
    return _canonical(obj).encode("utf-8")


def record_hash(prev_hash: str, body: Mapping[str, Any]) -> str:
    """SHA-256 hex of the record tag, `prev_hash` and the canonical `body` (without `hash`)."""
    digest = hashlib.sha256(_RECORD_TAG)
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_json(body))
    return digest.hexdigest()


def checkpoint_message(tenant: str, seq: int, head_hash: str) -> bytes:
    """The bytes a checkpoint signature covers: the tenant's chain head at `seq`."""
    return _CHECKPOINT_TAG + canonical_json({"tenant": tenant, "seq": seq, "head_hash": head_hash})


def _check_text(name: str, value: object, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or not value:
        raise ValueError(f"audit field {name!r} must be a non-empty string")
    if len(value) > _LIMITS[name]:
        raise ValueError(f"audit field {name!r} is longer than {_LIMITS[name]} characters")
    bad = _UNSTORABLE.search(value)
    if bad is not None:
        what = "is not valid Unicode" if bad.group() >= "\ud800" else "holds control characters"
        raise ValueError(f"audit field {name!r} {what}")


@functools.lru_cache(maxsize=1024)  # a handful of keys recur on every request
def _detail_key(key: str) -> str:
    """A top-level key, or one over a string: a short identifier naming no payload."""
    if not _DETAIL_KEY.fullmatch(key):
        raise ValueError("audit detail keys must be short identifiers")
    words = set(re.split(r"[_.:-]", key.lower()))
    if words & _FORBIDDEN_KEY_WORDS:
        raise ValueError(f"audit detail key {key!r} names a payload; only ids and counts belong")
    return key


@functools.lru_cache(maxsize=1024)
def _count_key(key: str) -> str:
    """A key over a count (a number or a boolean) inside a detail mapping: any short
    identifier — `entities: {"SECRET": 2}` counts secrets, it holds none."""
    if not _DETAIL_KEY.fullmatch(key):
        raise ValueError("audit detail keys must be short identifiers")
    return key


def _check_key(key: object) -> str:
    if not isinstance(key, str):
        raise ValueError("audit detail keys must be short identifiers")
    return _detail_key(key)


def _check_nested_key(key: object, value: object) -> str:
    """A key inside a detail mapping: under a count any short identifier is fine; a key over a
    string must not name a payload."""
    if not isinstance(key, str):
        raise ValueError("audit detail keys must be short identifiers")
    return _count_key(key) if isinstance(value, bool | int | float) else _detail_key(key)


def _check_scalar(key: str, value: object) -> DetailScalar:
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"audit detail {key!r} is not a finite number")
        return value
    if isinstance(value, str) and _DETAIL_STRING.fullmatch(value):
        return value
    raise ValueError(f"audit detail {key!r} must be an id, a number or a boolean")


@functools.lru_cache(maxsize=256)  # a few dozen actions exist
def _check_action(action: str) -> None:
    _check_text("action", action, optional=False)
    if not _ACTION.fullmatch(action):
        raise ValueError("audit action must look like 'dataset.create'")


_OPTIONAL_FIELDS: Final = ("object", "purpose", "source", "request_id")


def validate_details(details: Mapping[str, object]) -> dict[str, DetailValue]:
    """A plain copy of `details` if it holds only ids, numbers, booleans and one level of those.

    Raises ValueError otherwise. Keys that name a payload ("value", "text", "token", ...) are
    refused because the log must never hold PII or token values; counts such as
    `prompt_tokens` are fine since the word is plural and the value a number.
    """
    if not isinstance(details, (dict, Mapping)):  # the plain dict is tried first, cheaply
        raise ValueError("audit details must be a mapping")
    if len(details) > _MAX_DETAIL_KEYS:
        raise ValueError("audit details have too many keys")
    clean: dict[str, DetailValue] = {}
    for key, value in details.items():
        name = _check_key(key)
        # The usual kinds first (`isinstance` of a built-in type costs little, of an ABC much
        # more), each checked as `_check_scalar` would.
        if isinstance(value, int) or (isinstance(value, str) and _DETAIL_STRING.fullmatch(value)):
            clean[name] = value
        elif isinstance(value, dict) or (
            not isinstance(value, (float, str)) and isinstance(value, Mapping)
        ):
            if len(value) > _MAX_DETAIL_KEYS:
                raise ValueError(f"audit detail {name!r} has too many keys")
            inner: dict[str, DetailScalar] = {}
            for k, v in value.items():
                if isinstance(v, int) and isinstance(k, str):
                    inner[_count_key(k)] = v
                else:
                    inner[_check_nested_key(k, v)] = _check_scalar(f"{name}.{k}", v)
            clean[name] = inner
        else:
            clean[name] = _check_scalar(name, value)
    return clean


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One security-relevant thing that happened. Holds ids and counts, never PII or tokens.

    `actor` is an API key id, "system" or "anonymous"; `source` the client address. Empty
    optional strings are stored as None. Raises ValueError for a field that does not fit.
    """

    tenant: str
    actor: str
    action: str
    outcome: str = "ok"
    object: str | None = None
    purpose: str | None = None
    source: str | None = None
    request_id: str | None = None
    details: Mapping[str, DetailValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check_text("tenant", self.tenant, optional=False)
        _check_text("actor", self.actor, optional=False)
        if type(self.action) is str:
            _check_action(self.action)
        else:
            _check_text("action", self.action, optional=False)
        if self.outcome not in OUTCOMES:
            raise ValueError(f"audit outcome must be one of {sorted(OUTCOMES)}")
        for name in _OPTIONAL_FIELDS:
            value = getattr(self, name)
            if value == "":
                object.__setattr__(self, name, None)
            elif value is not None:
                _check_text(name, value, optional=True)
        object.__setattr__(self, "details", MappingProxyType(validate_details(self.details)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "tenant": self.tenant,
            "actor": self.actor,
            "action": self.action,
            "object": self.object,
            "purpose": self.purpose,
            "outcome": self.outcome,
            "source": self.source,
            "request_id": self.request_id,
            # Validated details nest only plain dicts (see `validate_details`).
            "details": {k: dict(v) if type(v) is dict else v for k, v in self.details.items()},
        }


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """An event placed in its tenant's chain: position, time and the two hashes."""

    event: AuditEvent
    seq: int
    at: datetime
    prev_hash: str
    hash: str

    @classmethod
    def chain(cls, event: AuditEvent, *, seq: int, at: datetime, prev_hash: str) -> AuditRecord:
        """The record that follows `prev_hash`, its hash computed."""
        if seq < 1:
            raise ValueError("audit seq starts at 1")
        if not _HASH.fullmatch(prev_hash):
            raise ValueError("prev_hash must be 64 lowercase hex digits")
        body = _body(event, seq, at)
        return cls(
            event=event, seq=seq, at=at, prev_hash=prev_hash, hash=record_hash(prev_hash, body)
        )

    def body(self) -> dict[str, Any]:
        """What the hash covers besides `prev_hash`."""
        return _body(self.event, self.seq, self.at)

    def as_dict(self) -> dict[str, Any]:
        """The record as exported: body, `prev_hash` and `hash`."""
        return {**self.body(), "prev_hash": self.prev_hash, "hash": self.hash}

    def is_intact(self) -> bool:
        return record_hash(self.prev_hash, self.body()) == self.hash


def _body(event: AuditEvent, seq: int, at: datetime) -> dict[str, Any]:
    return {**event.as_dict(), "seq": seq, "at": format_time(at)}


@dataclass(frozen=True, slots=True)
class AuditCheckpoint:
    """A signature, by the audit key, over `checkpoint_message(tenant, seq, head_hash)`.
    `key_id` names the signing key (None: the deployment's first, from before rotation)."""

    tenant: str
    seq: int
    head_hash: str
    signature: bytes
    key_id: str | None = None
