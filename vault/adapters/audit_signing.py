"""The audit signing key: Ed25519, its private half sealed under a KMS data key in `system_keys`.

The current key is the row `audit-signing`. Rotating it keeps the old one as
`audit-signing:<key id>` (its public half is what matters then: old checkpoints name it and
verify under it), stamps every checkpoint that named no key with the old key's id, and stores a
fresh key as current, all in one transaction. Rewrapping (`keys rewrap`) moves every sealed
signing key, current and retired, under another KMS key without unsealing it. A running server
holds a `ReloadingSigner`, which looks for a rotated key at most once a poll interval (one small
read of the current key's public half) and takes it up from then on.
"""

from __future__ import annotations

import logging
import os
import struct
import threading
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError as SqlIntegrityError
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from vault.adapters.tables import AuditCheckpointRow, SystemKeyRow
from vault.domain.audit_export import key_id_for
from vault.errors import Conflict, IntegrityError, ServiceUnavailable, VaultError
from vault.ports import AuditSigner as Signer
from vault.ports import KeyService

__all__ = [
    "KEY_NAME",
    "AuditSigner",
    "ReloadingSigner",
    "SqlSigningKeys",
    "load_or_create",
    "pinned",
]

log = logging.getLogger("vault.audit")

KEY_NAME: Final = "audit-signing"
_CONTEXT: Final = {"tenant": "_system", "purpose": "audit-signing"}
_MAGIC: Final = b"VAS1"
_NONCE_BYTES: Final = 12
_RETIRED_PREFIX: Final = KEY_NAME + ":"
_CHECKPOINTS = AuditCheckpointRow.__table__  # type: ignore[attr-defined]
_SYSTEM_KEYS = SystemKeyRow.__table__  # type: ignore[attr-defined]


class AuditSigner:
    """Signs with the deployment's audit key. `repr` never shows key material."""

    def __init__(self, private_key: Ed25519PrivateKey, *, engine: Engine | None = None) -> None:
        self._private = private_key
        self._public = private_key.public_key().public_bytes_raw()
        self._engine = engine

    @property
    def retired_keys(self) -> Mapping[str, bytes]:
        """Public keys of the deployment's other signing keys, by key id, read afresh: a
        process that loaded its key before a rotation still lists the key that replaced it
        (other processes' checkpoints may name it). Raises ServiceUnavailable if the database
        is down."""
        if self._engine is None:
            return MappingProxyType({})
        try:
            with Session(self._engine) as session:
                rows = session.scalars(
                    select(SystemKeyRow).where(_SYSTEM_KEYS.c.name.startswith(KEY_NAME))
                )
                publics = [bytes(row.public_key) for row in rows]
        except SQLAlchemyError as exc:
            raise _unreachable(exc) from exc
        return MappingProxyType({key_id_for(p): p for p in publics if p != self._public})

    @property
    def public_key_bytes(self) -> bytes:
        return self._public

    @property
    def key_id(self) -> str:
        return key_id_for(self._public)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def current(self) -> AuditSigner:
        return self

    def __repr__(self) -> str:
        return f"AuditSigner(key_id={self.key_id!r})"


class ReloadingSigner:
    """The deployment's current audit key, for a process that runs for long: it looks again at
    most every `poll_seconds` (when it is next used) and, if `vault keys rotate --signing` put a
    new key in place, signs with that one from then on. A look that fails (database or KMS
    away) keeps the key it has, which still verifies, and is tried again at the next interval.

    Use `current()` for a signature and the key id it names together: the key may change
    between two reads of this object."""

    def __init__(
        self,
        engine: Engine,
        keys: KeyService,
        *,
        poll_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._keys = keys
        self._poll = poll_seconds
        self._clock = clock
        self._signer = load_or_create(engine, keys)
        self._checked = clock()
        self._lock = threading.Lock()

    def current(self) -> AuditSigner:
        """The key to sign with now (looked up again if the poll interval has passed)."""
        if self._clock() - self._checked >= self._poll:
            self._look()
        return self._signer

    def _look(self) -> None:
        with self._lock:
            if self._clock() - self._checked < self._poll:
                return  # another thread looked meanwhile
            self._checked = self._clock()
            try:
                with Session(self._engine) as session:
                    public = session.scalar(
                        select(_SYSTEM_KEYS.c.public_key).where(_SYSTEM_KEYS.c.name == KEY_NAME)
                    )
                if public is None or bytes(public) == self._signer.public_key_bytes:
                    return
                signer = load_or_create(self._engine, self._keys)
            except (SQLAlchemyError, VaultError) as exc:
                log.warning("audit signing key not looked up again (%s)", type(exc).__name__)
                return
            log.info("audit signing key %s replaces %s", signer.key_id, self._signer.key_id)
            self._signer = signer

    @property
    def retired_keys(self) -> Mapping[str, bytes]:
        return self.current().retired_keys

    @property
    def public_key_bytes(self) -> bytes:
        return self.current().public_key_bytes

    @property
    def key_id(self) -> str:
        return self.current().key_id

    def sign(self, message: bytes) -> bytes:
        return self.current().sign(message)

    def __repr__(self) -> str:
        return f"ReloadingSigner(key_id={self._signer.key_id!r})"


def pinned(signer: Signer) -> Signer:
    """One key for a signature and the id it names, whatever signer is given."""
    return signer.current()


def _aad(public_key: bytes) -> bytes:
    # Binding the public key means a swapped `public_key` column makes the seal fail to open.
    return b"vault-audit-signing/1\n" + KEY_NAME.encode() + b"\n" + public_key


def _seal(private: Ed25519PrivateKey, keys: KeyService) -> SystemKeyRow:
    public = private.public_key().public_bytes_raw()
    data_key = keys.generate_data_key(_CONTEXT)
    nonce = os.urandom(_NONCE_BYTES)
    ciphertext = AESGCM(data_key.plaintext).encrypt(
        nonce, private.private_bytes_raw(), _aad(public)
    )
    sealed = (
        _MAGIC + struct.pack(">H", len(data_key.wrapped)) + data_key.wrapped + nonce + ciphertext
    )
    return SystemKeyRow(
        name=KEY_NAME, kms_key_id=data_key.key_id, sealed_key=sealed, public_key=public
    )


def _split(blob: bytes) -> tuple[bytes, bytes, bytes]:
    """(wrapped data key, nonce, ciphertext) of a sealed signing key."""
    if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + 2:
        raise IntegrityError("the audit signing key failed its integrity check")
    (wrapped_len,) = struct.unpack(">H", blob[4:6])
    wrapped = blob[6 : 6 + wrapped_len]
    nonce = blob[6 + wrapped_len : 6 + wrapped_len + _NONCE_BYTES]
    ciphertext = blob[6 + wrapped_len + _NONCE_BYTES :]
    if len(wrapped) != wrapped_len or len(nonce) != _NONCE_BYTES:
        raise IntegrityError("the audit signing key failed its integrity check")
    return wrapped, nonce, ciphertext


def _open(row: SystemKeyRow, keys: KeyService, engine: Engine | None = None) -> AuditSigner:
    wrapped, nonce, ciphertext = _split(row.sealed_key)
    data_key = keys.decrypt_data_key(wrapped, _CONTEXT)
    try:
        seed = AESGCM(data_key).decrypt(nonce, ciphertext, _aad(row.public_key))
        private = Ed25519PrivateKey.from_private_bytes(seed)
    except (InvalidTag, ValueError):
        raise IntegrityError("the audit signing key failed its integrity check") from None
    if private.public_key().public_bytes_raw() != row.public_key:
        raise IntegrityError("the audit signing key failed its integrity check")
    return AuditSigner(private, engine=engine)


def load_or_create(engine: Engine, keys: KeyService) -> AuditSigner:
    """The stored audit key, unsealed through KMS; made and stored on first use.

    Two processes starting together agree on one key: the loser of the insert race loads the
    winner's. Raises KeyServiceUnavailable if KMS is down, IntegrityError if the stored key was
    tampered with or KMS refuses its context, ServiceUnavailable if the database is down.
    """
    try:
        with Session(engine) as session:
            row = session.get(SystemKeyRow, KEY_NAME)
            if row is not None:
                return _open(row, keys, engine)
        private = Ed25519PrivateKey.generate()
        row = _seal(private, keys)
        try:
            with Session(engine) as session:
                session.add(row)
                session.commit()
        except SqlIntegrityError:
            with Session(engine) as session:
                stored = session.get(SystemKeyRow, KEY_NAME)
                if stored is None:
                    raise
                return _open(stored, keys, engine)
        return AuditSigner(private, engine=engine)
    except SQLAlchemyError as exc:
        raise ServiceUnavailable(
            "metadata database unreachable", code="database_unavailable"
        ) from exc


def _unreachable(exc: SQLAlchemyError) -> ServiceUnavailable:
    error = ServiceUnavailable("metadata database unreachable", code="database_unavailable")
    error.__cause__ = exc
    return error


class SqlSigningKeys:
    """`SigningKeys`: rotate the audit signing key, rewrap the sealed ones."""

    def __init__(self, engine: Engine, keys: KeyService) -> None:
        self._engine = engine
        self._keys = keys

    def rotate(self) -> tuple[str, str]:
        """Retire the current key and make a fresh one current; (old key id, new key id).

        Raises Conflict if another rotation got there first, and what `load_or_create` raises.
        """
        current = load_or_create(self._engine, self._keys)  # also checks the stored key opens
        fresh = _seal(Ed25519PrivateKey.generate(), self._keys)
        fresh_id = key_id_for(bytes(fresh.public_key))
        try:
            with Session(self._engine) as session:
                row = session.get(SystemKeyRow, KEY_NAME, with_for_update=True)
                if row is None or bytes(row.public_key) != current.public_key_bytes:
                    raise Conflict("the audit signing key changed meanwhile; run it again")
                session.add(
                    SystemKeyRow(
                        name=_RETIRED_PREFIX + current.key_id,
                        kms_key_id=row.kms_key_id,
                        sealed_key=row.sealed_key,
                        public_key=row.public_key,
                        created_at=row.created_at,
                    )
                )
                # Checkpoints from before key ids were kept were signed by this key.
                session.execute(
                    update(_CHECKPOINTS)
                    .where(_CHECKPOINTS.c.key_id.is_(None))
                    .values(key_id=current.key_id)
                )
                session.delete(row)
                session.flush()
                session.add(fresh)
                session.commit()
        except SQLAlchemyError as exc:
            raise _unreachable(exc) from exc
        return current.key_id, fresh_id

    def rewrap_all(self, *, to_key_id: str) -> int:
        """Move every sealed signing key under KMS key `to_key_id`; how many moved. Each is
        checked to open before it replaces the old one; those already there are skipped."""
        moved = 0
        try:
            with Session(self._engine) as session:
                rows = list(
                    session.scalars(
                        select(SystemKeyRow).where(
                            _SYSTEM_KEYS.c.name.startswith(KEY_NAME),
                            _SYSTEM_KEYS.c.kms_key_id != to_key_id,
                        )
                    )
                )
                for row in rows:
                    wrapped, nonce, ciphertext = _split(row.sealed_key)
                    rewrapped = self._keys.rewrap(wrapped, _CONTEXT, to_key_id=to_key_id)
                    sealed = _MAGIC + struct.pack(">H", len(rewrapped)) + rewrapped + nonce
                    sealed += ciphertext
                    candidate = SystemKeyRow(
                        name=row.name,
                        kms_key_id=to_key_id,
                        sealed_key=sealed,
                        public_key=row.public_key,
                    )
                    _open(candidate, self._keys)  # the new wrapping must open before it counts
                    row.sealed_key, row.kms_key_id = sealed, to_key_id
                    session.add(row)
                    session.commit()
                    moved += 1
        except SQLAlchemyError as exc:
            raise _unreachable(exc) from exc
        return moved
