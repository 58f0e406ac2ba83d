"""The self-describing header in front of every sealed object, and a bounded chunk reader."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vault.crypto._primitives import NONCE_PREFIX_BYTES
from vault.errors import IntegrityError

__all__ = [
    "FORMAT_VERSION",
    "MAC_BYTES",
    "MAGIC",
    "MAX_FRAME_SIZE",
    "ChunkReader",
    "Header",
    "SealedHeader",
    "read_header",
]

MAGIC = b"VLTE"
FORMAT_VERSION = 1
MAC_BYTES = 32
MAX_FRAME_SIZE = 4 * 1024 * 1024
_MAX_KEY_ID_BYTES = 255
# AWS KMS ciphertext blobs of a 256-bit key are under 200 bytes; 4 KiB leaves room, bounds memory.
_MAX_WRAPPED_BYTES = 4096

# magic · version · key id · wrapped data key · nonce prefix · frame size · header MAC
#   4   ·    1    · 1 + n  ·       2 + m       ·      8       ·     4      ·     32


@dataclass(frozen=True, slots=True)
class SealedHeader:
    """What a header says, unauthenticated: for inventories (which key?), never for trust."""

    key_id: str
    size: int
    frame_size: int


@dataclass(frozen=True, slots=True)
class Header:
    key_id: str
    wrapped: bytes
    nonce_prefix: bytes
    frame_size: int
    mac: bytes = b""

    def body(self) -> bytes:
        """Every header byte except the MAC; the MAC covers these plus the context."""
        key_id = self.key_id.encode("utf-8")
        if not 0 < len(key_id) <= _MAX_KEY_ID_BYTES:
            raise ValueError("KMS key id must be 1-255 bytes")
        if not 0 < len(self.wrapped) <= _MAX_WRAPPED_BYTES:
            raise ValueError("wrapped data key has an unsupported size")
        return b"".join(
            [
                MAGIC,
                bytes([FORMAT_VERSION, len(key_id)]),
                key_id,
                struct.pack(">H", len(self.wrapped)),
                self.wrapped,
                self.nonce_prefix,
                struct.pack(">I", self.frame_size),
            ]
        )

    def encode(self) -> bytes:
        return self.body() + self.mac

    @classmethod
    def parse(cls, reader: ChunkReader) -> Header:
        """Read one header; IntegrityError for anything malformed or cut short."""
        if reader.read_exact(len(MAGIC)) != MAGIC or reader.read_exact(1)[0] != FORMAT_VERSION:
            raise IntegrityError()
        key_id_len = reader.read_exact(1)[0]
        if key_id_len == 0:
            raise IntegrityError()
        try:
            key_id = reader.read_exact(key_id_len).decode("utf-8")
        except UnicodeDecodeError:
            raise IntegrityError() from None
        (wrapped_len,) = struct.unpack(">H", reader.read_exact(2))
        if not 0 < wrapped_len <= _MAX_WRAPPED_BYTES:
            raise IntegrityError()
        wrapped = reader.read_exact(wrapped_len)
        nonce_prefix = reader.read_exact(NONCE_PREFIX_BYTES)
        (frame_size,) = struct.unpack(">I", reader.read_exact(4))
        if not 0 < frame_size <= MAX_FRAME_SIZE:
            raise IntegrityError()
        mac = reader.read_exact(MAC_BYTES)
        return cls(key_id, wrapped, nonce_prefix, frame_size, mac)


class ChunkReader:
    """Reads exact byte counts out of an iterable of chunks, holding at most what it must."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._buffer = bytearray()
        self._pos = 0

    def _fill(self, n: int) -> bool:
        while len(self._buffer) - self._pos < n:
            chunk = next(self._chunks, None)
            if chunk is None:
                return False
            if self._pos:
                # Compact before growing, so a long stream never keeps what was already read.
                del self._buffer[: self._pos]
                self._pos = 0
            self._buffer += chunk
        return True

    def read_exact(self, n: int) -> bytes:
        """Exactly `n` bytes; IntegrityError if the stream ends first (a truncation)."""
        if not self._fill(n):
            raise IntegrityError()
        with memoryview(self._buffer) as view:
            out = bytes(view[self._pos : self._pos + n])
        self._pos += n
        return out

    def at_end(self) -> bool:
        """True when no byte is left, pulling chunks (skipping empty ones) to find out."""
        return not self._fill(1)

    def rest(self) -> Iterator[bytes]:
        """What was not read yet, as chunks, without buffering it."""
        if self._pos < len(self._buffer):
            with memoryview(self._buffer) as view:
                tail = bytes(view[self._pos :])
            yield tail
        self._buffer.clear()
        self._pos = 0
        yield from self._chunks


def read_header(data: bytes) -> SealedHeader:
    """Parse the header at the start of `data` (a whole blob or just its head).

    The result is not authenticated: use it to find which KMS key to rewrap from, not to trust.
    Raises IntegrityError when `data` does not start with a complete header.
    """
    reader = ChunkReader([data])
    header = Header.parse(reader)
    return SealedHeader(header.key_id, len(header.encode()), header.frame_size)
