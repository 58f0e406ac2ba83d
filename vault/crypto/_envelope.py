"""Whole-object sealing, and rewrapping a sealed object's data key under another KMS key."""

from __future__ import annotations

import hmac
import os
from dataclasses import replace

from vault.crypto._context import EncryptionContext
from vault.crypto._header import ChunkReader, Header
from vault.crypto._primitives import RandomBytes
from vault.crypto._stream import DEFAULT_FRAME_SIZE, header_mac, open_stream, seal_stream, subkeys
from vault.errors import IntegrityError
from vault.ports import KeyService

__all__ = ["open_sealed", "rewrap", "rewrap_key", "seal"]


def seal(
    plaintext: bytes,
    *,
    keys: KeyService,
    context: EncryptionContext,
    random_bytes: RandomBytes = os.urandom,
) -> bytes:
    """Seal one object under a fresh data key; the same format `seal_stream` writes."""
    return b"".join(
        seal_stream(
            [plaintext],
            keys=keys,
            context=context,
            frame_size=DEFAULT_FRAME_SIZE,
            random_bytes=random_bytes,
        )
    )


def open_sealed(blob: bytes, *, keys: KeyService, context: EncryptionContext) -> bytes:
    """The plaintext of `blob`, or IntegrityError (tampered, truncated, other context or key),
    Gone (its KMS key was destroyed) or KeyServiceUnavailable (KMS did not answer)."""
    return b"".join(open_stream([blob], keys=keys, context=context))


def rewrap_key(
    wrapped: bytes, *, keys: KeyService, context: EncryptionContext, to_key_id: str
) -> bytes:
    """A bare wrapped data key re-encrypted under `to_key_id`, the context unchanged."""
    return keys.rewrap(wrapped, context.as_kms(), to_key_id=to_key_id)


def rewrap(blob: bytes, *, keys: KeyService, context: EncryptionContext, to_key_id: str) -> bytes:
    """`blob` (a whole sealed object, or just its leading header) with its data key rewrapped.

    The frames are copied untouched: the data is never decrypted. The data key is unwrapped once
    from the new wrapping to check it is the key the old header was sealed with, so a rewrap that
    would lose data fails (IntegrityError) before the caller replaces anything. Pass the KMS key
    id in its canonical form (the ARN for AWS): the header records it for later inventories.
    """
    reader = ChunkReader([blob])
    old = Header.parse(reader)
    new_wrapped = keys.rewrap(old.wrapped, context.as_kms(), to_key_id=to_key_id)
    header_key, _ = subkeys(keys.decrypt_data_key(new_wrapped, context.as_kms()))
    if not hmac.compare_digest(header_mac(header_key, old, context), old.mac):
        raise IntegrityError()
    try:
        new = replace(old, key_id=to_key_id, wrapped=new_wrapped)
        new = replace(new, mac=header_mac(header_key, new, context))
        encoded = new.encode()
    except ValueError:
        raise IntegrityError() from None
    return encoded + blob[len(old.encode()) :]
