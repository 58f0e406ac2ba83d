"""The audit signing key: Ed25519, its private half sealed under a KMS data key in `system_keys`."""

from __future__ import annotations

import os
import struct
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError as SqlIntegrityError
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from vault.adapters.tables import SystemKeyRow
from vault.domain.audit_export import key_id_for
from vault.errors import IntegrityError, ServiceUnavailable
from vault.ports import KeyService

__all__ = ["KEY_NAME", "AuditSigner", "load_or_create"]

KEY_NAME: Final = "audit-signing"
_CONTEXT: Final = {"tenant": "_system", "purpose": "audit-signing"}
_MAGIC: Final = b"VAS1"
_NONCE_BYTES: Final = 12


class AuditSigner:
    """Signs with the deployment's audit key. `repr` never shows key material."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self._public = private_key.public_key().public_bytes_raw()

    @property
    def public_key_bytes(self) -> bytes:
        return self._public

    @property
    def key_id(self) -> str:
        return key_id_for(self._public)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def __repr__(self) -> str:
        return f"AuditSigner(key_id={self.key_id!r})"


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


def _open(row: SystemKeyRow, keys: KeyService) -> AuditSigner:
    blob = row.sealed_key
    if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + 2:
        raise IntegrityError("the audit signing key failed its integrity check")
    (wrapped_len,) = struct.unpack(">H", blob[4:6])
    wrapped = blob[6 : 6 + wrapped_len]
    nonce = blob[6 + wrapped_len : 6 + wrapped_len + _NONCE_BYTES]
    ciphertext = blob[6 + wrapped_len + _NONCE_BYTES :]
    if len(wrapped) != wrapped_len or len(nonce) != _NONCE_BYTES:
        raise IntegrityError("the audit signing key failed its integrity check")
    data_key = keys.decrypt_data_key(wrapped, _CONTEXT)
    try:
        seed = AESGCM(data_key).decrypt(nonce, ciphertext, _aad(row.public_key))
        private = Ed25519PrivateKey.from_private_bytes(seed)
    except (InvalidTag, ValueError):
        raise IntegrityError("the audit signing key failed its integrity check") from None
    if private.public_key().public_bytes_raw() != row.public_key:
        raise IntegrityError("the audit signing key failed its integrity check")
    return AuditSigner(private)


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
                return _open(row, keys)
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
                return _open(stored, keys)
        return AuditSigner(private)
    except SQLAlchemyError as exc:
        raise ServiceUnavailable(
            "metadata database unreachable", code="database_unavailable"
        ) from exc
