"""The encryption context: what a ciphertext belongs to, bound into KMS and into AES-GCM."""

from __future__ import annotations

import operator
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from vault.errors import InvalidRequest

__all__ = ["EncryptionContext", "canonical_context"]

# KMS caps a whole encryption context at 8192 characters; one field far below that is plenty.
_MAX_FIELD_BYTES = 1024
_CANONICAL_TAG = b"vault-context-v1"


def canonical_context(context: Mapping[str, str]) -> bytes:
    """One unambiguous byte string per mapping: sorted pairs, each part length-prefixed.

    Raises InvalidRequest for keys or values that are not non-empty strings of bounded size.
    """
    return b"".join(_canonical_parts(context))


def canonical_contexts(contexts: Sequence[Mapping[str, str]]) -> list[bytes]:
    """`canonical_context` of each mapping, byte for byte, built faster for a batch whose
    mappings differ in one value only (a token's sealed values share tenant and purpose and
    differ in the token): the bytes before and after that value are encoded once. Raises as
    `canonical_context` does."""
    if len(contexts) < 2:
        return [canonical_context(context) for context in contexts]
    first, second = contexts[0], contexts[1]
    keys = sorted(first)
    varying = [key for key in keys if second.get(key) != first[key]]
    if len(keys) < 2 or len(varying) != 1:
        return [canonical_context(context) for context in contexts]
    (key,) = varying
    parts = _canonical_parts(first)
    at = 3 + 2 * keys.index(key)  # tag, count, then (key, value) pairs: where the value stands
    head, tail = b"".join(parts[:at]), b"".join(parts[at + 1 :])
    fixed_keys = [k for k in keys if k != key]
    fixed = operator.itemgetter(*fixed_keys)
    expected = fixed(first)
    count = len(first)
    out: list[bytes] = []
    for context in contexts:
        try:
            value = context[key]
            same = len(context) == count and fixed(context) == expected
        except KeyError:
            same = False
        if same and type(value) is str and value:
            encoded = value.encode("utf-8")
            if len(encoded) <= _MAX_FIELD_BYTES:
                out.append(head + len(encoded).to_bytes(2, "big") + encoded + tail)
                continue
        out.append(canonical_context(context))  # another shape, or an entry it refuses
    return out


def _canonical_parts(context: Mapping[str, str]) -> list[bytes]:
    """The tag, the entry count, then each key's and value's length and bytes, keys sorted."""
    parts = [_CANONICAL_TAG, struct.pack(">H", len(context))]
    for key in sorted(context):
        value = context[key]
        for part in (key, value):
            if not isinstance(part, str) or not part:
                raise InvalidRequest("encryption context entries must be non-empty strings")
            encoded = part.encode("utf-8")
            if len(encoded) > _MAX_FIELD_BYTES:
                raise InvalidRequest("encryption context entry too long")
            parts.append(struct.pack(">H", len(encoded)) + encoded)
    return parts


@dataclass(frozen=True, slots=True)
class EncryptionContext:
    """Tenant, object id, version and purpose of one sealed object; immutable and validated."""

    tenant: str
    object_id: str
    version: int
    purpose: str

    def __post_init__(self) -> None:
        for name in ("tenant", "object_id", "purpose"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise InvalidRequest(f"encryption context {name} must be a non-empty string")
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 0:
            raise InvalidRequest("encryption context version must be a non-negative integer")
        canonical_context(self.as_kms())  # validates the lengths once, here

    def as_kms(self) -> dict[str, str]:
        """The KMS EncryptionContext: every value a string, `tenant` always present."""
        return {
            "tenant": self.tenant,
            "object_id": self.object_id,
            "version": str(self.version),
            "purpose": self.purpose,
        }

    def canonical_bytes(self) -> bytes:
        """The associated data bound into AES-GCM; distinct contexts give distinct bytes."""
        return canonical_context(self.as_kms())
