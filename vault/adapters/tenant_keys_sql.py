"""Each tenant's keyring root, wrapped by KMS and kept in the metadata database."""

from __future__ import annotations

import threading
import time

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError as SqlIntegrityError
from sqlmodel import Session

from vault.adapters.tables import TenantKeyRow
from vault.crypto import TenantKeyring
from vault.errors import Gone
from vault.ports import KeyService

__all__ = ["SqlTenantKeys"]

# A shredded tenant keeps a tombstone row, so its data reads as erased (410), never as a new
# tenant whose keys simply fail to open old data.
_SHREDDED = "shredded"


class SqlTenantKeys:
    """Implements the TenantKeys port: one cached keyring per tenant, created on first use."""

    def __init__(self, engine: Engine, keys: KeyService, *, refresh_seconds: float = 30.0) -> None:
        self._engine = engine
        self._keys = keys
        self._refresh_seconds = refresh_seconds
        # tenant -> (keyring, when its row was read). Rows are re-read after `refresh_seconds`,
        # so a shred or rewrap done by another process (the CLI) takes effect here too.
        self._cache: dict[str, tuple[TenantKeyring, float]] = {}
        self._lock = threading.Lock()

    def keyring(self, tenant: str) -> TenantKeyring:
        cached = self._cache.get(tenant)
        now = time.monotonic()
        if cached is not None and now - cached[1] < self._refresh_seconds:
            return cached[0]
        with self._lock:
            cached = self._cache.get(tenant)
            if cached is not None and now - cached[1] < self._refresh_seconds:
                return cached[0]
            try:
                keyring = self._load_or_create(tenant)
            except Gone:
                self._cache.pop(tenant, None)
                if cached is not None:
                    cached[0].forget()
                raise
            if cached is not None and cached[0].wrapped_root == keyring.wrapped_root:
                keyring = cached[0]  # unchanged: keep the unwrapped keys already in memory
            self._cache[tenant] = (keyring, now)
            return keyring

    def _load_or_create(self, tenant: str) -> TenantKeyring:
        with Session(self._engine) as session:
            row = session.get(TenantKeyRow, tenant)
        if row is None:
            created = TenantKeyring.create(keys=self._keys, tenant=tenant)
            try:
                with Session(self._engine) as session:
                    session.add(
                        TenantKeyRow(
                            tenant=tenant,
                            kms_key_id=created.root_key_id or self._keys.primary_key_id,
                            wrapped_key=created.wrapped_root,
                        )
                    )
                    session.commit()
                return created
            except SqlIntegrityError:
                # Another process created it first: use theirs, so both seal under one root.
                with Session(self._engine) as session:
                    row = session.get(TenantKeyRow, tenant)
                assert row is not None
        if row.kms_key_id == _SHREDDED:
            raise Gone("this tenant's data was erased")
        return TenantKeyring(keys=self._keys, tenant=tenant, wrapped_root=row.wrapped_key)

    def shred(self, tenant: str) -> None:
        """Destroy the tenant's wrapped root: everything sealed under it is unreadable for good."""
        with self._engine.begin() as connection:
            connection.execute(
                update(TenantKeyRow)
                .where(TenantKeyRow.tenant == tenant)  # type: ignore[arg-type]
                .values(kms_key_id=_SHREDDED, wrapped_key=b"")
            )
        with self._lock:
            stale = self._cache.pop(tenant, None)
        if stale is not None:
            stale[0].forget()

    def rewrap_all(self, *, to_key_id: str) -> int:
        """Rewrap every tenant root under `to_key_id`; resumable (already-moved rows are skipped)."""
        from vault.crypto import rewrap_key

        moved = 0
        with Session(self._engine) as session:
            rows = [
                row
                for row in session.scalars(select(TenantKeyRow))
                if row.kms_key_id not in (_SHREDDED, to_key_id)
            ]
        for row in rows:
            wrapped = rewrap_key(
                row.wrapped_key,
                keys=self._keys,
                context=TenantKeyring.root_context(row.tenant),
                to_key_id=to_key_id,
            )
            with self._engine.begin() as connection:
                connection.execute(
                    update(TenantKeyRow)
                    .where(TenantKeyRow.tenant == row.tenant)  # type: ignore[arg-type]
                    .values(kms_key_id=to_key_id, wrapped_key=wrapped)
                )
            with self._lock:
                stale = self._cache.pop(row.tenant, None)
            if stale is not None:
                stale[0].forget()
            moved += 1
        return moved
