"""The small interfaces services depend on; adapters implement them, tests fake them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from vault.domain.spans import Span

__all__ = [
    "DataKey",
    "Detector",
    "KeyService",
    "ObjectStore",
    "StoredObject",
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

    def check(self) -> None:
        """Raise StoreUnavailable unless the store answers."""
        ...


class Detector(Protocol):
    """Finds PII in text."""

    def detect(self, text: str) -> list[Span]: ...
