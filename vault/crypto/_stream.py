"""Framed envelope encryption: one data key per object, AES-256-GCM frames, bounded memory."""

from __future__ import annotations

import hmac
import os
import struct
from collections.abc import Iterable, Iterator
from dataclasses import replace

from vault.crypto._context import EncryptionContext
from vault.crypto._header import MAX_FRAME_SIZE, ChunkReader, Header
from vault.crypto._primitives import (
    TAG_BYTES,
    RandomBytes,
    aead_open,
    aead_seal,
    derive_key,
    frame_nonce,
    mac,
    random_nonce_prefix,
)
from vault.errors import IntegrityError
from vault.ports import KeyService

__all__ = ["DEFAULT_FRAME_SIZE", "header_mac", "open_stream", "seal_stream", "subkeys"]

DEFAULT_FRAME_SIZE = 64 * 1024

_MORE = 0
_FINAL = 1
_HEADER_KEY_INFO = b"vault envelope v1 header"
_FRAME_KEY_INFO = b"vault envelope v1 frames"

# A frame on the wire: kind (more | final) · ciphertext length · AES-GCM ciphertext and tag.
# Every frame but the last carries exactly frame_size bytes; the last carries 0..frame_size.


def subkeys(data_key: bytes) -> tuple[bytes, bytes]:
    """(header MAC key, frame key): one data key, two jobs, never the same key for both."""
    return derive_key(data_key, info=_HEADER_KEY_INFO), derive_key(data_key, info=_FRAME_KEY_INFO)


def header_mac(header_key: bytes, header: Header, context: EncryptionContext) -> bytes:
    """HMAC-SHA256 over the header and the context; it also commits to the data key."""
    return mac(header_key, header.body() + context.canonical_bytes())


def _frame_aad(prefix: bytes, seq: int, kind: int, context_bytes: bytes) -> bytes:
    # Sequence number and final flag are authenticated: reordered, dropped or cut frames fail.
    return b"vault frame v1" + prefix + struct.pack(">IB", seq, kind) + context_bytes


def seal_stream(
    chunks: Iterable[bytes],
    *,
    keys: KeyService,
    context: EncryptionContext,
    frame_size: int = DEFAULT_FRAME_SIZE,
    random_bytes: RandomBytes = os.urandom,
) -> Iterator[bytes]:
    """Seal `chunks` under a fresh data key; yields the header, then one chunk per frame.

    The KMS call happens here, before anything is yielded, so KeyServiceUnavailable is raised
    before a single byte could be written. Memory stays within a couple of frames.
    """
    if not 0 < frame_size <= MAX_FRAME_SIZE:
        raise ValueError(f"frame_size must be between 1 and {MAX_FRAME_SIZE}")
    data_key = keys.generate_data_key(context.as_kms())
    header_key, frame_key = subkeys(data_key.plaintext)
    prefix = random_nonce_prefix(random_bytes)
    header = Header(data_key.key_id, data_key.wrapped, prefix, frame_size)
    header = replace(header, mac=header_mac(header_key, header, context))
    return _frames(chunks, header, frame_key, context.canonical_bytes())


def _frames(
    chunks: Iterable[bytes], header: Header, frame_key: bytes, context_bytes: bytes
) -> Iterator[bytes]:
    yield header.encode()
    frame_size = header.frame_size
    seq = 0

    def frame(plaintext: bytes | memoryview, kind: int) -> bytes:
        nonce = frame_nonce(header.nonce_prefix, seq)
        aad = _frame_aad(header.nonce_prefix, seq, kind, context_bytes)
        sealed = aead_seal(frame_key, nonce, plaintext, aad)
        return struct.pack(">BI", kind, len(sealed)) + sealed

    # A full frame is held back until more input shows it is not the last one. Whole frames
    # are taken straight from the caller's chunks; only ragged edges are copied into `pending`.
    held: bytes | memoryview | None = None
    pending = bytearray()
    for chunk in chunks:
        # A held slice must not change under us: copy chunks from a reused mutable buffer.
        view = memoryview(chunk if isinstance(chunk, bytes) else bytes(chunk))
        while view:
            if held is not None:
                yield frame(held, _MORE)
                held = None
                seq += 1
            if not pending and len(view) >= frame_size:
                held, view = view[:frame_size], view[frame_size:]
                continue
            take = frame_size - len(pending)
            pending += view[:take]
            view = view[take:]
            if len(pending) == frame_size:
                held = bytes(pending)
                pending.clear()
    yield frame(held if held is not None else bytes(pending), _FINAL)


def open_stream(
    chunks: Iterable[bytes], *, keys: KeyService, context: EncryptionContext
) -> Iterator[bytes]:
    """Open what `seal_stream` produced; yields verified plaintext frame by frame.

    The header is read and its data key unwrapped here, before returning, so a wrong context,
    a destroyed key (Gone) or an unreachable KMS (KeyServiceUnavailable) raise at once. Every
    frame is verified before it is yielded; a stream that is reordered, has a frame dropped, ends
    without its final frame or has bytes after it raises IntegrityError from the iterator.
    """
    reader = ChunkReader(chunks)
    header = Header.parse(reader)
    data_key = keys.decrypt_data_key(header.wrapped, context.as_kms())
    header_key, frame_key = subkeys(data_key)
    if not hmac.compare_digest(header_mac(header_key, header, context), header.mac):
        raise IntegrityError()
    return _open_frames(reader, header, frame_key, context.canonical_bytes())


def _open_frames(
    reader: ChunkReader, header: Header, frame_key: bytes, context_bytes: bytes
) -> Iterator[bytes]:
    full_length = header.frame_size + TAG_BYTES
    seq = 0
    while True:
        kind, length = struct.unpack(">BI", reader.read_exact(5))
        if kind == _MORE:
            if length != full_length:
                raise IntegrityError()
        elif kind != _FINAL or not TAG_BYTES <= length <= full_length:
            raise IntegrityError()
        nonce = frame_nonce(header.nonce_prefix, seq)
        aad = _frame_aad(header.nonce_prefix, seq, kind, context_bytes)
        plaintext = aead_open(frame_key, nonce, reader.read_exact(length), aad)
        if kind == _FINAL:
            if not reader.at_end():
                raise IntegrityError()
            if plaintext:
                yield plaintext
            return
        yield plaintext
        seq += 1
