"""The raw primitives (AES-256-GCM, HKDF, HMAC, nonces), fenced off behind the recipes."""

from __future__ import annotations

import hmac
import os
import struct
from collections.abc import Callable, Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vault.errors import IntegrityError

__all__ = [
    "KEY_BYTES",
    "MAX_FRAMES",
    "NONCE_BYTES",
    "NONCE_PREFIX_BYTES",
    "TAG_BYTES",
    "RandomBytes",
    "aead_open",
    "aead_open_many",
    "aead_seal",
    "aead_seal_many",
    "derive_key",
    "frame_nonce",
    "mac",
    "random_nonce_prefix",
]

RandomBytes = Callable[[int], bytes]

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
NONCE_PREFIX_BYTES = 8
# The frame counter fills the last 4 nonce bytes; 2^32 frames of 64 KiB is 256 TiB per object.
MAX_FRAMES = 2**32


def derive_key(key: bytes, *, info: bytes, salt: bytes | None = None) -> bytes:
    """A 256-bit subkey of `key` for one job named by `info` (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(key)


def mac(key: bytes, data: bytes) -> bytes:
    return hmac.digest(key, data, "sha256")


def random_nonce_prefix(random_bytes: RandomBytes = os.urandom) -> bytes:
    """The random part of a stream's frame nonces; checked for length, never trusted blindly."""
    prefix = random_bytes(NONCE_PREFIX_BYTES)
    if len(prefix) != NONCE_PREFIX_BYTES:
        raise ValueError("random_bytes returned the wrong number of bytes")
    return prefix


def frame_nonce(prefix: bytes, seq: int) -> bytes:
    """Prefix ‖ 32-bit frame number: unique per frame for a given prefix, never wraps."""
    if not 0 <= seq < MAX_FRAMES:
        raise ValueError("too many frames for one sealed object")
    return prefix + struct.pack(">I", seq)


def aead_seal(key: bytes, nonce: bytes, plaintext: bytes | memoryview, aad: bytes) -> bytes:
    return AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_seal_many(key: bytes, items: Iterable[tuple[bytes, bytes, bytes]]) -> list[bytes]:
    """`aead_seal` of each (nonce, plaintext, aad) under one key, its schedule built once."""
    cipher = AESGCM(key)
    return [cipher.encrypt(nonce, plaintext, aad) for nonce, plaintext, aad in items]


def aead_open_many(key: bytes, items: Iterable[tuple[bytes, bytes, bytes]]) -> list[bytes]:
    """`aead_open` of each (nonce, ciphertext, aad) under one key; one failure fails all."""
    cipher = AESGCM(key)
    try:
        return [cipher.decrypt(nonce, ciphertext, aad) for nonce, ciphertext, aad in items]
    except (InvalidTag, ValueError, OverflowError):
        raise IntegrityError() from None


def aead_open(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Decrypt and verify; any failure is the one opaque IntegrityError."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError, OverflowError):
        raise IntegrityError() from None
