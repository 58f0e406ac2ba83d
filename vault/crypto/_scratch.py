"""A sealed scratch file: bytes spooled to a temporary file under a one-off key held in memory.

For formats read from their end (Parquet's footer) an upload must sit somewhere whole before it
can be read; here it sits on disk, but never in the clear. Each chunk is AES-256-GCM under a
fresh random key that exists only in this process, its nonce and associated data binding the
chunk's index (and whether it is the last), so chunks cannot be moved, dropped or cut unseen.
The file has no name (unlinked at once) and is gone when closed or when the process dies; the
key then is too, so whatever is left on the disk is noise. Reading is random access by chunk:
`reader()` is a seekable binary file that opens only the chunk it reads, one at a time.
"""

from __future__ import annotations

import io
import os
import struct
import tempfile
from types import TracebackType
from typing import IO

from vault.crypto._primitives import (
    KEY_BYTES,
    TAG_BYTES,
    RandomBytes,
    aead_open,
    aead_seal,
    frame_nonce,
    random_nonce_prefix,
)
from vault.errors import IntegrityError

__all__ = ["SCRATCH_CHUNK_SIZE", "SealedScratch"]

SCRATCH_CHUNK_SIZE = 64 * 1024
_AAD = b"vault scratch v1"


class SealedScratch:
    """Write bytes with `write`, then `finish()`, then read them back with `reader()`; `close`
    (or leaving the `with` block) deletes the file. Memory stays within about two chunks."""

    def __init__(
        self,
        *,
        chunk_size: int = SCRATCH_CHUNK_SIZE,
        directory: str | None = None,
        random_bytes: RandomBytes = os.urandom,
    ) -> None:
        if chunk_size <= 0:
            raise ValueError("chunk_size must be positive")
        key = random_bytes(KEY_BYTES)
        if len(key) != KEY_BYTES:
            raise ValueError("random_bytes returned the wrong number of bytes")
        self._key = key
        self._prefix = random_nonce_prefix(random_bytes)
        self._chunk = chunk_size
        # Owned by this object and closed by close(), which the with block calls.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="vault-scratch-", dir=directory)  # noqa: SIM115
        self._pending = bytearray()
        self._chunks = 0
        self.size = 0
        self._finished = False

    def __enter__(self) -> SealedScratch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _aad(self, index: int, last: bool) -> bytes:
        return _AAD + struct.pack(">IB", index, int(last))

    def _seal(self, plain: bytes | memoryview, *, last: bool) -> None:
        nonce = frame_nonce(self._prefix, self._chunks)
        self._file.write(aead_seal(self._key, nonce, plain, self._aad(self._chunks, last)))
        self._chunks += 1

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._finished:
            raise ValueError("the scratch file is finished")
        self._pending += data
        self.size += len(data)
        full = len(self._pending) - len(self._pending) % self._chunk
        if len(self._pending) - full == 0 and full:
            full -= self._chunk  # the last chunk is sealed as such by finish()
        if full > 0:
            view = memoryview(self._pending)
            for start in range(0, full, self._chunk):
                self._seal(view[start : start + self._chunk], last=False)
            view.release()
            del self._pending[:full]

    def finish(self) -> None:
        """Seal what is left as the last chunk; nothing more may be written."""
        if self._finished:
            return
        self._seal(bytes(self._pending), last=True)
        self._pending = bytearray()
        self._file.flush()
        self._finished = True

    def read_chunk(self, index: int) -> bytes:
        """Chunk `index`, opened; IntegrityError if the file was changed in any way."""
        if not self._finished or not 0 <= index < self._chunks:
            raise IndexError(index)
        last = index == self._chunks - 1
        length = (self.size - index * self._chunk if last else self._chunk) + TAG_BYTES
        self._file.seek(index * (self._chunk + TAG_BYTES))
        sealed = self._file.read(length)
        if len(sealed) != length:
            raise IntegrityError()
        return aead_open(
            self._key, frame_nonce(self._prefix, index), sealed, self._aad(index, last)
        )

    @property
    def chunk_size(self) -> int:
        return self._chunk

    def reader(self) -> _ScratchReader:
        """A seekable binary file over the bytes written (finishing the scratch first)."""
        self.finish()
        return _ScratchReader(self)

    def close(self) -> None:
        self._file.close()
        self._key = b""
        self._pending = bytearray()


class _ScratchReader(io.RawIOBase):
    """Reads a SealedScratch at any position, opening one chunk at a time (the last kept)."""

    def __init__(self, scratch: SealedScratch) -> None:
        super().__init__()
        self._scratch = scratch
        self._position = 0
        self._held: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._scratch.size}
        if whence not in base:
            raise ValueError("whence must be SEEK_SET, SEEK_CUR or SEEK_END")
        position = base[whence] + offset
        if position < 0:
            raise ValueError("negative seek position")
        self._position = position
        return position

    def _chunk(self, index: int) -> bytes:
        if self._held is None or self._held[0] != index:
            self._held = (index, self._scratch.read_chunk(index))
        return self._held[1]

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        out = memoryview(buffer).cast("B")
        size = self._scratch.size
        chunk = self._scratch.chunk_size
        done = 0
        while done < len(out) and self._position < size:
            index, start = divmod(self._position, chunk)
            data = self._chunk(index)
            take = min(len(out) - done, len(data) - start)
            out[done : done + take] = data[start : start + take]
            done += take
            self._position += take
        return done
