"""Rotating the audit signing key: checkpoints signed before still verify under their key id,
exports list the retired keys under the current key's signature, and `keys rewrap` moves the
sealed signing keys (current and retired) under a new KMS key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vault.adapters.audit_signing import KEY_NAME, load_or_create
from vault.cli import app as cli_app
from vault.domain.audit import AuditEvent, canonical_json
from vault.domain.audit_export import verify_export
from vault.errors import Gone
from vault.services.export_audit import export_audit
from vault.services.rotate_keys import rewrap_all, rotate_signing_key
from vault.settings import Settings
from vault.wiring import Vault, build_vault


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "vault", database_url=db_url, audit_checkpoint_every=2, _env_file=None
    )


def _open(settings: Settings) -> Vault:
    return build_vault(settings)


@pytest.fixture
def vaults(settings: Settings) -> Iterator[list[Vault]]:
    opened: list[Vault] = []
    yield opened
    for vault in opened:
        vault.close()


def _append(vault: Vault, count: int) -> None:
    for n in range(count):
        vault.audit.append(
            AuditEvent(tenant="acme", actor="key_1", action="dataset.read", details={"rows": n})
        )


def _export(vault: Vault) -> list[str]:
    return list(export_audit(vault.audit, vault.audit_signer, tenant="acme"))


def test_old_checkpoints_verify_under_their_key_after_rotation(
    settings: Settings, vaults: list[Vault]
) -> None:
    before = _open(settings)
    vaults.append(before)
    _append(before, 4)  # checkpoints at 2 and 4 under the first key
    old_key = before.audit_signer.public_key_bytes
    old_export = _export(before)

    old_id, new_id = rotate_signing_key(before.signing_keys)
    assert old_id == before.audit_signer.key_id and new_id != old_id

    after = _open(settings)  # a restart loads the new key
    vaults.append(after)
    assert after.audit_signer.key_id == new_id
    assert dict(after.audit_signer.retired_keys) == {old_id: old_key}
    _append(after, 4)
    lines = _export(after)
    objects = [json.loads(line) for line in lines]
    header = objects[0]
    assert header["key_id"] == new_id
    assert set(header["retired_keys"]) == {old_id}
    checkpoints = [o for o in objects if o["type"] == "checkpoint"]
    named = {o["seq"]: o.get("key_id") for o in checkpoints}
    assert named[2] == old_id and named[4] == old_id  # signed before: the old key named
    assert named[6] is None and named[8] is None  # signed by the header's own key
    # Pinned to the current key: every checkpoint verifies, the old ones under the old key.
    result = verify_export(lines, public_key=after.audit_signer.public_key_bytes)
    assert result.ok, result.message()
    assert result.records == len([o for o in objects if o["type"] == "record"])
    # An export made before the rotation still verifies pinned to the old key.
    assert verify_export(old_export, public_key=old_key).ok
    # The export is also a CSV export that verifies.
    csv_lines = list(export_audit(after.audit, after.audit_signer, tenant="acme", fmt="csv"))
    assert verify_export(csv_lines, public_key=after.audit_signer.public_key_bytes, fmt="csv").ok


def test_a_checkpoint_cannot_borrow_another_key_or_an_unlisted_one(
    settings: Settings, vaults: list[Vault]
) -> None:
    vault = _open(settings)
    vaults.append(vault)
    _append(vault, 2)
    old_id, _ = rotate_signing_key(vault.signing_keys)
    after = _open(settings)
    vaults.append(after)
    _append(after, 2)
    lines = _export(after)
    objects = [json.loads(line) for line in lines]
    index = next(
        i for i, o in enumerate(objects) if o.get("key_id") == old_id and o["type"] == "checkpoint"
    )

    relabelled = list(lines)
    objects[index]["key_id"] = after.audit_signer.key_id  # claim the current key signed it
    relabelled[index] = canonical_json(objects[index]).decode() + "\n"
    bad = verify_export(relabelled, public_key=after.audit_signer.public_key_bytes)
    assert not bad.ok and bad.first_bad == index + 1 and "signature" in bad.reason

    objects[index]["key_id"] = "ed25519:" + "0" * 16
    relabelled[index] = canonical_json(objects[index]).decode() + "\n"
    bad = verify_export(relabelled, public_key=after.audit_signer.public_key_bytes)
    assert not bad.ok and "does not list" in bad.reason

    # Dropping the retired key from the header breaks the trailer's signature over it.
    header = dict(objects[0])
    header.pop("retired_keys")
    stripped = [canonical_json(header).decode() + "\n", *lines[1:]]
    assert not verify_export(stripped, public_key=after.audit_signer.public_key_bytes).ok


def test_rewrap_moves_the_signing_keys_and_the_old_kms_key_can_go(
    settings: Settings, vaults: list[Vault]
) -> None:
    vault = _open(settings)
    vaults.append(vault)
    _append(vault, 2)
    rotate_signing_key(vault.signing_keys)  # now a current and a retired signing key
    first_kms = vault.keys.primary_key_id
    second_kms = vault.keys.rotate()  # type: ignore[attr-defined]
    report = rewrap_all(
        keys=vault.keys,
        tenant_keys=vault.tenant_keys,
        catalog=vault.datasets,
        to_key_id=second_kms,
        signing_keys=vault.signing_keys,
    )
    assert report.signing_keys == 2
    again = rewrap_all(
        keys=vault.keys,
        tenant_keys=vault.tenant_keys,
        catalog=vault.datasets,
        to_key_id=second_kms,
        signing_keys=vault.signing_keys,
    )
    assert again.signing_keys == 0  # resumable: nothing left to move
    vault.keys.destroy(first_kms)  # type: ignore[attr-defined]
    signer = load_or_create(vault.engine, vault.keys)  # opens under the new KMS key alone
    assert signer.key_id == _open_key_id(vault)


def _open_key_id(vault: Vault) -> str:
    from sqlmodel import Session

    from vault.adapters.tables import SystemKeyRow
    from vault.domain.audit_export import key_id_for

    with Session(vault.engine) as session:
        row = session.get(SystemKeyRow, KEY_NAME)
        assert row is not None
        return key_id_for(bytes(row.public_key))


def test_without_rewrap_destroying_the_kms_key_loses_the_signing_key(
    settings: Settings, vaults: list[Vault]
) -> None:
    vault = _open(settings)
    vaults.append(vault)
    _append(vault, 1)
    first_kms = vault.keys.primary_key_id
    vault.keys.rotate()  # type: ignore[attr-defined]
    vault.keys.destroy(first_kms)  # type: ignore[attr-defined]
    with pytest.raises(Gone):
        load_or_create(vault.engine, vault.keys)


def test_the_cli_rotates_the_signing_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAULT_DATA_DIR", str(tmp_path / "cli-vault"))
    runner = CliRunner()
    first = runner.invoke(cli_app, ["audit", "public-key"])
    assert first.exit_code == 0, first.output
    refused = runner.invoke(cli_app, ["keys", "rotate"])
    assert refused.exit_code != 0 and "--signing" in refused.output
    rotated = runner.invoke(cli_app, ["keys", "rotate", "--signing"])
    assert rotated.exit_code == 0, rotated.output
    old_id = first.output.split()[2]
    assert f"{old_id} retired" in rotated.output
    second = runner.invoke(cli_app, ["audit", "public-key"])
    assert second.output.split()[2] != old_id
    rewrapped = runner.invoke(cli_app, ["keys", "rewrap"])
    assert rewrapped.exit_code == 0, rewrapped.output
    assert "audit signing keys" in rewrapped.output


def test_a_server_still_on_the_old_key_exports_what_the_new_key_signed(
    settings: Settings, vaults: list[Vault]
) -> None:
    stale = _open(settings)  # loaded its key before the rotation, still running
    vaults.append(stale)
    _append(stale, 2)
    rotate_signing_key(stale.signing_keys)
    fresh = _open(settings)  # another worker, restarted since
    vaults.append(fresh)
    _append(fresh, 2)  # its checkpoint at seq 4 names the new key
    lines = _export(stale)
    header = json.loads(lines[0])
    assert header["key_id"] == stale.audit_signer.key_id
    assert set(header["retired_keys"]) == {fresh.audit_signer.key_id}
    result = verify_export(lines, public_key=stale.audit_signer.public_key_bytes)
    assert result.ok, result.message()
