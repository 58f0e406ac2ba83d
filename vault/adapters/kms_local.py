"""The embedded KMS: 256-bit master keys in 0600 files under the data dir, rotatable, shreddable.

Layout of `<data_dir>/kms/` (mode 0700):

    <key id>.key        32 random bytes, mode 0600; never logged, never leaves this process
    <key id>.destroyed  tombstone of a destroyed key: its data reads as erased, not as corrupt
    primary             the key id new data keys are wrapped under

Wrapped data key: format (1) · key id length (1) · key id · nonce (12) · AES-GCM ciphertext and
tag (48), with the canonical encryption context as associated data.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vault.crypto import RandomBytes, canonical_context
from vault.errors import Conflict, Gone, IntegrityError, KeyServiceUnavailable, NotFound
from vault.ports import DataKey

__all__ = ["LocalKeyService"]

_FORMAT = 1
_KEY_BYTES = 32
_NONCE_BYTES = 12
_AAD_TAG = b"vault local kms v1"
# Key ids become file names, so only this exact shape is ever accepted.
_KEY_ID = re.compile(r"local-[0-9a-f]{16}")
_PRIMARY = "primary"


class LocalKeyService:
    """Implements KeyService with master keys kept in files; the default when no cloud is set.

    Refuses (KeyServiceUnavailable) a key file that is not exactly 32 bytes, is a symlink, is
    owned by another user or is readable or writable by group or others.
    """

    def __init__(self, *, data_dir: Path, random_bytes: RandomBytes = os.urandom) -> None:
        self._dir = Path(data_dir) / "kms"
        self._random_bytes = random_bytes
        self._cache: dict[str, bytes] = {}
        try:
            self._dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if stat.S_IMODE(self._dir.stat().st_mode) & 0o022:
                raise KeyServiceUnavailable("local KMS directory is writable by group or others")
            if not (self._dir / _PRIMARY).exists():
                self._create_first_key()
        except OSError as exc:
            raise KeyServiceUnavailable(f"local KMS directory unusable ({exc.strerror})") from None
        self._master(self.primary_key_id)  # validate now, not at the first upload

    def __repr__(self) -> str:
        return "LocalKeyService()"

    # -- KeyService port --------------------------------------------------------------------

    @property
    def primary_key_id(self) -> str:
        """Read from disk each time, so a rotation by another process (the CLI) shows up."""
        try:
            key_id = (self._dir / _PRIMARY).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            raise KeyServiceUnavailable("local KMS has no readable primary key") from None
        if not _KEY_ID.fullmatch(key_id):
            raise KeyServiceUnavailable("local KMS primary key id is malformed")
        return key_id

    def generate_data_key(self, context: Mapping[str, str]) -> DataKey:
        key_id = self.primary_key_id
        plaintext = self._random(_KEY_BYTES)
        wrapped = self._wrap(key_id, plaintext, context)
        return DataKey(key_id=key_id, plaintext=plaintext, wrapped=wrapped)

    def decrypt_data_key(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        """Unwrap; IntegrityError if anything differs, Gone if its master key was destroyed."""
        key_id, nonce, ciphertext = _parse(wrapped)
        if self._tombstone(key_id).exists():
            raise Gone("the key that sealed this data was destroyed")
        master = self._master(key_id, missing_is_tampering=True)
        try:
            plaintext = AESGCM(master).decrypt(nonce, ciphertext, _aad(key_id, context))
        except InvalidTag:
            raise IntegrityError() from None
        if len(plaintext) != _KEY_BYTES:
            raise IntegrityError()
        return plaintext

    def rewrap(self, wrapped: bytes, context: Mapping[str, str], *, to_key_id: str) -> bytes:
        """Unwrap and wrap again under `to_key_id` (NotFound if no such live key)."""
        live = _KEY_ID.fullmatch(to_key_id) and (self._dir / f"{to_key_id}.key").exists()
        if not live or self._tombstone(to_key_id).exists():
            raise NotFound("no such local KMS key")
        plaintext = self.decrypt_data_key(wrapped, context)
        return self._wrap(to_key_id, plaintext, context)

    # -- administration ---------------------------------------------------------------------

    def check(self) -> None:
        """Raise KeyServiceUnavailable unless the primary key loads."""
        self._master(self.primary_key_id)

    def key_ids(self) -> list[str]:
        """Every live (not destroyed) key id, sorted."""
        try:
            names = [p.stem for p in self._dir.glob("*.key")]
        except OSError as exc:
            raise KeyServiceUnavailable(f"local KMS unreadable ({exc.strerror})") from None
        return sorted(k for k in names if _KEY_ID.fullmatch(k))

    def rotate(self) -> str:
        """Create a new master key and make it primary; older keys still unwrap. Returns its id."""
        key_id = self._new_key()
        try:
            _write_new(self._dir / _PRIMARY, key_id.encode("ascii"), replace=True)
        except OSError as exc:
            raise KeyServiceUnavailable(f"local KMS rotation failed ({exc.strerror})") from None
        return key_id

    def destroy(self, key_id: str) -> None:
        """Shred a master key: every data key wrapped under it now reads as Gone, for good.

        Conflict for the primary key (rotate first); NotFound for an unknown key.
        """
        if not _KEY_ID.fullmatch(key_id) or not (self._dir / f"{key_id}.key").exists():
            raise NotFound("no such local KMS key")
        if key_id == self.primary_key_id:
            raise Conflict("the primary key cannot be destroyed; rotate first")
        path = self._dir / f"{key_id}.key"
        try:
            # Tombstone first: if we stop half-way, the data still reads as erased.
            _write_new(self._tombstone(key_id), b"", replace=True)
            with path.open("r+b") as handle:
                handle.write(b"\0" * _KEY_BYTES)
                handle.flush()
                os.fsync(handle.fileno())
            path.unlink()
            _fsync_dir(self._dir)
        except OSError as exc:
            raise KeyServiceUnavailable(f"local KMS shredding failed ({exc.strerror})") from None
        self._cache.pop(key_id, None)

    # -- internals --------------------------------------------------------------------------

    def _random(self, n: int) -> bytes:
        data = self._random_bytes(n)
        if len(data) != n:
            raise ValueError("random_bytes returned the wrong number of bytes")
        return data

    def _tombstone(self, key_id: str) -> Path:
        return self._dir / f"{key_id}.destroyed"

    def _wrap(self, key_id: str, plaintext: bytes, context: Mapping[str, str]) -> bytes:
        master = self._master(key_id)
        nonce = self._random(_NONCE_BYTES)
        sealed = AESGCM(master).encrypt(nonce, plaintext, _aad(key_id, context))
        encoded_id = key_id.encode("ascii")
        return bytes([_FORMAT, len(encoded_id)]) + encoded_id + nonce + sealed

    def _create_first_key(self) -> None:
        key_id = self._new_key()
        # Another process may start at the same moment: its key is primary then, ours unused.
        with contextlib.suppress(FileExistsError):
            _write_new(self._dir / _PRIMARY, key_id.encode("ascii"), replace=False)

    def _new_key(self) -> str:
        key_id = f"local-{secrets.token_hex(8)}"
        try:
            _write_new(self._dir / f"{key_id}.key", self._random(_KEY_BYTES), replace=False)
        except OSError as exc:
            raise KeyServiceUnavailable(f"local KMS key creation failed ({exc.strerror})") from None
        return key_id

    def _master(self, key_id: str, *, missing_is_tampering: bool = False) -> bytes:
        cached = self._cache.get(key_id)
        if cached is not None:
            return cached
        path = self._dir / f"{key_id}.key"
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            if missing_is_tampering:
                raise IntegrityError() from None
            raise KeyServiceUnavailable("local KMS key file is missing") from None
        except OSError as exc:
            raise KeyServiceUnavailable(f"local KMS key file unreadable ({exc.strerror})") from None
        try:
            info = os.fstat(fd)
            if stat.S_IMODE(info.st_mode) & 0o077:
                raise KeyServiceUnavailable(
                    f"local KMS key file {path.name} is open to group or others; it must be 0600"
                )
            if info.st_uid != os.getuid():
                raise KeyServiceUnavailable(f"local KMS key file {path.name} has another owner")
            if not stat.S_ISREG(info.st_mode) or info.st_size != _KEY_BYTES:
                raise KeyServiceUnavailable(f"local KMS key file {path.name} has the wrong size")
            key = os.read(fd, _KEY_BYTES + 1)
        finally:
            os.close(fd)
        if len(key) != _KEY_BYTES:
            raise KeyServiceUnavailable(f"local KMS key file {path.name} has the wrong size")
        self._cache[key_id] = key
        return key


def _aad(key_id: str, context: Mapping[str, str]) -> bytes:
    encoded_id = key_id.encode("ascii")
    return _AAD_TAG + bytes([_FORMAT, len(encoded_id)]) + encoded_id + canonical_context(context)


def _parse(wrapped: bytes) -> tuple[str, bytes, bytes]:
    """(key id, nonce, ciphertext) of a wrapped key; IntegrityError if it has the wrong shape."""
    if len(wrapped) < 2 or wrapped[0] != _FORMAT:
        raise IntegrityError()
    id_end = 2 + wrapped[1]
    try:
        key_id = wrapped[2:id_end].decode("ascii")
    except UnicodeDecodeError:
        raise IntegrityError() from None
    if not _KEY_ID.fullmatch(key_id):
        raise IntegrityError()
    nonce = wrapped[id_end : id_end + _NONCE_BYTES]
    ciphertext = wrapped[id_end + _NONCE_BYTES :]
    if len(nonce) != _NONCE_BYTES or len(ciphertext) != _KEY_BYTES + 16:
        raise IntegrityError()
    return key_id, nonce, ciphertext


def _write_new(path: Path, data: bytes, *, replace: bool) -> None:
    """Write `data` to `path` with mode 0600, atomically; FileExistsError if not `replace`."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        if replace:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails if the name exists: first writer wins
    finally:
        if temp.exists():
            temp.unlink()
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
