"""A tenant's keyring: one root data key from KMS, for many small sealed values and HMAC keys."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from vault.crypto._context import EncryptionContext, canonical_context, canonical_contexts
from vault.crypto._primitives import (
    KEY_BYTES,
    NONCE_BYTES,
    TAG_BYTES,
    RandomBytes,
    aead_open_many,
    aead_seal,
    aead_seal_many,
    derive_key,
    mac,
)
from vault.errors import IntegrityError, InvalidRequest, PermissionDenied
from vault.ports import KeyService

__all__ = ["TenantKeyring", "value_randomness"]

_FORMAT = 1
_SALT_BYTES = 12
_RANDOM_BYTES = _SALT_BYTES + NONCE_BYTES
_SEAL_KEY_INFO = b"vault keyring v1 seal-small"
_HMAC_KEY_INFO = b"vault keyring v1 hmac\x00"
_AAD_TAG = b"vault small v1"
_VALUES_PER_SALT = 1024  # values `seal_small_many` seals under one salted key

# Nonce limits. A random 96-bit GCM nonce is only safe for about 2^32 messages under one key
# (collision chance 2^-32), and a tenant's root key lives for years across many processes, so
# no in-process counter could enforce that. Instead every value gets its own AES key,
# HMAC(seal key, 96-bit random salt), and a random 96-bit nonce under it: a repeated
# (key, nonce) pair needs the same 192 random bits twice, which stays below 2^-32 until about
# 2^80 values per root key. No counter, no state, nothing to persist.
# `seal_small_many` seals up to 1,024 values under one fresh salt, each with its own random
# nonce, checked distinct: a (key, nonce) pair repeats only if a salt does, which is rarer than
# above, since there are fewer salts. It saves deriving a key per value, on sealing and again
# on opening, where `open_small_many` derives each salt's key once.


def value_randomness(random_bytes: RandomBytes = os.urandom) -> bytes:
    """The 24 random bytes of one sealed value: 12 salt the value's key, 12 are its nonce."""
    randomness = random_bytes(_RANDOM_BYTES)
    if len(randomness) != _RANDOM_BYTES:
        raise ValueError("random_bytes returned the wrong number of bytes")
    return randomness


class _Keys(NamedTuple):
    root: bytes
    seal_key: bytes
    hmac_keys: dict[str, bytes]
    loaded_at: float


class TenantKeyring:
    """One tenant's root key, unwrapped from KMS on demand and cached for `max_age_seconds`.

    The caller stores `wrapped_root` (and `root_key_id`); deleting every copy of it
    crypto-shreds whatever this keyring sealed. After `max_age_seconds` the root is unwrapped
    again, so a key destroyed in KMS stops working here within that time (Gone).
    """

    def __init__(
        self,
        *,
        keys: KeyService,
        tenant: str,
        wrapped_root: bytes,
        root_key_id: str | None = None,
        max_age_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        random_bytes: RandomBytes = os.urandom,
    ) -> None:
        self._keys = keys
        self._tenant = tenant
        self._context = self.root_context(tenant)
        self._aad_prefix = _AAD_TAG + canonical_context({"tenant": tenant})
        self._wrapped_root = wrapped_root
        self._max_age = max_age_seconds
        self._clock = clock
        self._random_bytes = random_bytes
        self.root_key_id = root_key_id
        # (root, seal key, hmac keys, loaded at), replaced as one object: readers on other
        # threads see either the old keys or the new ones, never a half-built mix.
        self._state: _Keys | None = None

    @classmethod
    def create(
        cls,
        *,
        keys: KeyService,
        tenant: str,
        max_age_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        random_bytes: RandomBytes = os.urandom,
    ) -> TenantKeyring:
        """A new root key from KMS; store `wrapped_root` and `root_key_id` of the result."""
        data_key = keys.generate_data_key(cls.root_context(tenant).as_kms())
        keyring = cls(
            keys=keys,
            tenant=tenant,
            wrapped_root=data_key.wrapped,
            root_key_id=data_key.key_id,
            max_age_seconds=max_age_seconds,
            clock=clock,
            random_bytes=random_bytes,
        )
        keyring._remember(data_key.plaintext)
        return keyring

    @staticmethod
    def root_context(tenant: str) -> EncryptionContext:
        """The context the root key is wrapped under (use it with `rewrap_key` on rotation)."""
        return EncryptionContext(
            tenant=tenant, object_id="tenant-root", version=1, purpose="keyring"
        )

    @property
    def tenant(self) -> str:
        return self._tenant

    @property
    def wrapped_root(self) -> bytes:
        return self._wrapped_root

    def __repr__(self) -> str:  # the root key must never reach a log line
        return f"TenantKeyring(tenant={self._tenant!r})"

    def forget(self) -> None:
        """Drop the cached root key and its subkeys; the next use asks KMS again."""
        self._state = None

    def _remember(self, root: bytes) -> _Keys:
        if len(root) != KEY_BYTES:
            raise IntegrityError()
        state = _Keys(root, derive_key(root, info=_SEAL_KEY_INFO), {}, self._clock())
        self._state = state
        return state

    def _fresh(self) -> _Keys:
        """The keys, unwrapped again once the cached copy is older than the limit."""
        state = self._state
        if state is None or self._clock() - state.loaded_at >= self._max_age:
            wrapped = self._keys.decrypt_data_key(self._wrapped_root, self._context.as_kms())
            state = self._remember(wrapped)
        return state

    def _aad(self, context: Mapping[str, str] | EncryptionContext) -> bytes:
        fields = context.as_kms() if isinstance(context, EncryptionContext) else context
        if fields.get("tenant", self._tenant) != self._tenant:
            raise PermissionDenied("context belongs to another tenant")
        return self._aad_prefix + canonical_context(fields)

    def _aads(self, contexts: Sequence[Mapping[str, str] | EncryptionContext]) -> list[bytes]:
        """`_aad` of each context, the shared parts of the contexts encoded once."""
        fields = [c.as_kms() if isinstance(c, EncryptionContext) else c for c in contexts]
        tenant = self._tenant
        if any(f.get("tenant", tenant) != tenant for f in fields):
            raise PermissionDenied("context belongs to another tenant")
        prefix = self._aad_prefix
        return [prefix + canonical for canonical in canonical_contexts(fields)]

    def seal_small(
        self, plaintext: bytes, *, context: Mapping[str, str] | EncryptionContext
    ) -> bytes:
        """Seal a small value (a token value, a secret) bound to `context` and this tenant.

        Format: version (1) · random salt (12) · random nonce (12) · ciphertext and tag.
        """
        aad = self._aad(context)
        randomness = value_randomness(self._random_bytes)
        salt, nonce = randomness[:_SALT_BYTES], randomness[_SALT_BYTES:]
        key = self._value_key(salt)
        return bytes([_FORMAT]) + randomness + aead_seal(key, nonce, plaintext, aad)

    def open_small(self, blob: bytes, *, context: Mapping[str, str] | EncryptionContext) -> bytes:
        """The value sealed by `seal_small` in the same context, else IntegrityError."""
        return self.open_small_many([blob], contexts=[context])[0]

    def seal_small_many(
        self, plaintexts: Sequence[bytes], *, contexts: Sequence[Mapping[str, str]]
    ) -> list[bytes]:
        """`seal_small` of each value in its context, in the same format (each opens with
        `open_small`), with one key derivation for every 1,024 values."""
        if len(plaintexts) != len(contexts):
            raise ValueError("seal_small_many needs one context per value")
        aads = self._aads(contexts)
        sealed: list[bytes] = []
        for first in range(0, len(plaintexts), _VALUES_PER_SALT):
            last = min(first + _VALUES_PER_SALT, len(plaintexts))
            salt = self._random_bytes(_SALT_BYTES)
            drawn = self._random_bytes(NONCE_BYTES * (last - first))
            if len(salt) != _SALT_BYTES or len(drawn) != NONCE_BYTES * (last - first):
                raise ValueError("random_bytes returned the wrong number of bytes")
            nonces = [drawn[i : i + NONCE_BYTES] for i in range(0, len(drawn), NONCE_BYTES)]
            if len(set(nonces)) != len(nonces):
                raise ValueError("random_bytes repeated a nonce under one key")
            key = self._value_key(salt)
            head = bytes([_FORMAT]) + salt
            sealed += [
                head + nonce + body
                for nonce, body in zip(
                    nonces,
                    aead_seal_many(
                        key, zip(nonces, plaintexts[first:last], aads[first:last], strict=True)
                    ),
                    strict=True,
                )
            ]
        return sealed

    def open_small_many(
        self,
        blobs: Sequence[bytes],
        *,
        contexts: Sequence[Mapping[str, str] | EncryptionContext],
    ) -> list[bytes]:
        """`open_small` of each blob in its context, each salt's key derived once; any blob
        that does not open fails the call with the one IntegrityError."""
        if len(blobs) != len(contexts):
            raise ValueError("open_small_many needs one context per value")
        try:
            aads = self._aads(contexts)
        except (PermissionDenied, InvalidRequest):
            raise IntegrityError() from None
        head = 1 + _SALT_BYTES
        body = 1 + _RANDOM_BYTES
        by_salt: dict[bytes, list[int]] = {}
        for index, blob in enumerate(blobs):
            if len(blob) < body + TAG_BYTES or blob[0] != _FORMAT:
                raise IntegrityError()
            by_salt.setdefault(blob[1:head], []).append(index)
        opened: list[bytes] = [b""] * len(blobs)
        for salt, indexes in by_salt.items():
            items = ((blobs[i][head:body], blobs[i][body:], aads[i]) for i in indexes)
            values = aead_open_many(self._value_key(salt), items)
            for index, value in zip(indexes, values, strict=True):
                opened[index] = value
        return opened

    def _value_key(self, salt: bytes) -> bytes:
        return mac(self._fresh().seal_key, salt)

    def hmac_key(self, purpose: str) -> bytes:
        """A 256-bit key for keyed hashes (deterministic tokens), one per purpose, stable."""
        if not isinstance(purpose, str) or not purpose:
            raise InvalidRequest("hmac key purpose must be a non-empty string")
        state = self._fresh()
        key = state.hmac_keys.get(purpose)
        if key is None:
            key = derive_key(state.root, info=_HMAC_KEY_INFO + purpose.encode("utf-8"))
            state.hmac_keys[purpose] = key
        return key
