"""A running server takes up a rotated audit signing key without a restart: within one poll
interval of `vault keys rotate --signing` its checkpoints are signed by, and name, the new key;
before that, by the old one, which still verifies; and an export over both verifies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from vault.adapters.audit_signing import ReloadingSigner, SqlSigningKeys
from vault.adapters.audit_sql import SqlAuditLog
from vault.adapters.database import create_db_engine, migrate
from vault.adapters.kms_local import LocalKeyService
from vault.domain.audit import AuditEvent
from vault.domain.audit_export import verify_export
from vault.services.export_audit import export_audit
from vault.settings import Settings
from vault.wiring import build_vault


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'meta.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


def _append(log: SqlAuditLog, count: int) -> None:
    for n in range(count):
        log.append(
            AuditEvent(tenant="acme", actor="key_1", action="dataset.read", details={"n": n})
        )


def _named(log: SqlAuditLog) -> dict[int, str | None]:
    return {c.seq: c.key_id for c in log.checkpoints("acme", from_seq=1, to_seq=10**6)}


def test_a_rotated_key_is_taken_up_within_one_poll(engine: Engine, tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path / "kms")
    clock = Clock()
    signer = ReloadingSigner(engine, keys, poll_seconds=30, clock=clock)
    log = SqlAuditLog(engine, signer=signer, checkpoint_every=1)
    _append(log, 1)
    old_id = signer.key_id

    # Rotated by another process (the CLI), as an operator does.
    rotated_old, new_id = SqlSigningKeys(engine, keys).rotate()
    assert rotated_old == old_id
    clock.now += 29  # not yet looked again: the key it loaded still signs
    _append(log, 1)
    assert _named(log)[2] == old_id
    clock.now += 1  # a poll interval after the last look
    _append(log, 1)
    assert signer.key_id == new_id
    named = _named(log)
    assert named[3] == new_id
    assert named[1] == old_id

    # Every checkpoint verifies: the new ones under the current key, the old under the retired.
    lines = list(export_audit(log, signer, tenant="acme"))
    header = json.loads(lines[0])
    assert header["key_id"] == new_id and set(header["retired_keys"]) == {old_id}
    result = verify_export(lines, public_key=signer.public_key_bytes)
    assert result.ok, result.message()


def test_an_export_under_way_when_the_key_rotates_is_signed_by_the_key_it_names(
    engine: Engine, tmp_path: Path
) -> None:
    keys = LocalKeyService(data_dir=tmp_path / "kms")
    clock = Clock()
    signer = ReloadingSigner(engine, keys, poll_seconds=30, clock=clock)
    log = SqlAuditLog(engine, signer=signer, checkpoint_every=1)
    _append(log, 3)
    old_public = signer.public_key_bytes

    lines = export_audit(log, signer, tenant="acme")
    header = next(lines)  # the export has begun: its header names the key of the moment
    SqlSigningKeys(engine, keys).rotate()
    clock.now += 30  # the server takes up the new key while the export streams
    rest = list(lines)
    assert signer.public_key_bytes != old_public

    result = verify_export([header, *rest], public_key=old_public)
    assert result.ok, result.message()


def test_a_look_that_fails_keeps_the_key_it_has(engine: Engine, tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path / "kms")
    clock = Clock()
    signer = ReloadingSigner(engine, keys, poll_seconds=5, clock=clock)
    old_id = signer.key_id
    # The new key is sealed under a KMS key that is then lost: it cannot be opened.
    second_kms = keys.rotate()
    SqlSigningKeys(engine, keys).rotate()
    keys.rotate()
    keys.destroy(second_kms)
    clock.now += 10
    assert signer.key_id == old_id  # kept, and it still signs
    log = SqlAuditLog(engine, signer=signer, checkpoint_every=1)
    _append(log, 1)
    assert _named(log)[1] == old_id


def test_the_server_is_wired_to_look_for_a_rotated_key(tmp_path: Path) -> None:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "vault", signing_key_poll_seconds=0.001, _env_file=None
    )
    vault = build_vault(settings)
    try:
        first = vault.audit_signer.key_id
        _, new_id = vault.signing_keys.rotate()
        vault.audit.append(AuditEvent(tenant="acme", actor="key_1", action="dataset.read"))
        assert first != new_id
        assert vault.audit_signer.key_id == new_id  # the poll has passed: no restart needed
    finally:
        vault.close()
