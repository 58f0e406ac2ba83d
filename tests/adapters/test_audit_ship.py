"""`vault audit ship` on moto over HTTP: each tenant's new records and checkpoints land in the
Object Lock bucket as signed segments with compliance retention, resumably and idempotently."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from typer.testing import CliRunner

from vault.adapters.audit_ship import S3AuditBucket
from vault.cli import app as cli_app
from vault.domain.audit import AuditEvent
from vault.services.ship_audit import ShipParts, ship_audit
from vault.services.verify_audit import verify_file
from vault.settings import Settings
from vault.wiring import Vault, build_vault


@pytest.fixture
def bucket(moto_endpoint: str) -> str:
    name = f"audit-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    s3.create_bucket(Bucket=name, ObjectLockEnabledForBucket=True)
    return name


@pytest.fixture
def vault(tmp_path: Path, moto_endpoint: str, bucket: str) -> Iterator[Vault]:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "vault",
        audit_bucket=bucket,
        audit_bucket_endpoint_url=moto_endpoint,
        audit_checkpoint_every=4,
        audit_lock_days=30,
        _env_file=None,
    )
    built = build_vault(settings)
    yield built
    built.close()


def _append(vault: Vault, tenant: str, count: int) -> None:
    for n in range(count):
        vault.audit.append(
            AuditEvent(tenant=tenant, actor="key_1", action="dataset.read", details={"rows": n})
        )


def _keys(moto_endpoint: str, bucket: str) -> list[str]:
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    return sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def _body(moto_endpoint: str, bucket: str, key: str) -> bytes:
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()  # type: ignore[no-any-return]


def test_each_tenant_ships_as_signed_segments_under_compliance_retention(
    vault: Vault, moto_endpoint: str, bucket: str, tmp_path: Path
) -> None:
    _append(vault, "acme", 10)
    _append(vault, "globex", 3)
    report = ship_audit(vault.audit_ship_parts())
    assert (report.per_tenant["acme"], report.per_tenant["globex"]) == (10, 3)
    keys = _keys(moto_endpoint, bucket)
    assert "audit/acme/segments/000000000001-000000000010.jsonl" in keys
    assert "audit/globex/segments/000000000001-000000000003.jsonl" in keys
    # Each segment is an export that verifies on its own, pinned to the vault's key.
    segment = tmp_path / "acme.jsonl"
    segment.write_bytes(
        _body(moto_endpoint, bucket, "audit/acme/segments/000000000001-000000000010.jsonl")
    )
    result = verify_file(segment, public_key=vault.audit_signer.public_key_bytes)
    assert result.ok, result.message()
    assert b'"type":"checkpoint"' in segment.read_bytes()  # seqs 4 and 8 were signed
    mode, until = S3AuditBucket(bucket=bucket, endpoint_url=moto_endpoint).retention(
        "acme/segments/000000000001-000000000010.jsonl"
    )
    assert mode == "COMPLIANCE"
    assert timedelta(days=29) < until - datetime.now(UTC) <= timedelta(days=30)
    # The run is audited in the _system chain, with counts.
    shipped = [r for r in vault.audit.records("_system") if r.event.action == "audit.ship"]
    assert shipped and shipped[-1].event.details["records"] == 13


def test_a_second_run_ships_only_what_is_new_and_nothing_twice(
    vault: Vault, moto_endpoint: str, bucket: str
) -> None:
    _append(vault, "acme", 5)
    ship_audit(vault.audit_ship_parts(), tenants=["acme"])
    again = ship_audit(vault.audit_ship_parts(), tenants=["acme"])
    assert (again.records, again.segments) == (0, 0)
    _append(vault, "acme", 2)
    more = ship_audit(vault.audit_ship_parts(), tenants=["acme"])
    assert more.records == 2
    segments = [k for k in _keys(moto_endpoint, bucket) if "/acme/segments/" in k]
    assert segments == [
        "audit/acme/segments/000000000001-000000000005.jsonl",
        "audit/acme/segments/000000000006-000000000007.jsonl",
    ]


class _CutShort:
    """Cursors that fail once after a segment is written, as a crash between the two would."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.fail_next = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def advance(self, tenant: str, *, record_seq: int, checkpoint_seq: int) -> None:
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("the process died here")
        self.inner.advance(tenant, record_seq=record_seq, checkpoint_seq=checkpoint_seq)


def test_a_run_cut_short_resumes_without_writing_a_segment_twice(
    vault: Vault, moto_endpoint: str, bucket: str
) -> None:
    _append(vault, "acme", 6)
    parts = vault.audit_ship_parts()
    cut = ShipParts(
        log=parts.log,
        signer=parts.signer,
        bucket=parts.bucket,
        cursors=_CutShort(parts.cursors),  # type: ignore[arg-type]
        lock_days=parts.lock_days,
    )
    with pytest.raises(RuntimeError):
        ship_audit(cut, tenants=["acme"])
    assert parts.cursors.get("acme") == (0, 0)  # the cursor never moved
    _append(vault, "acme", 1)
    resumed = ship_audit(parts, tenants=["acme"])
    assert resumed.resumed == 1 and resumed.records == 1
    segments = [k for k in _keys(moto_endpoint, bucket) if "/acme/segments/" in k]
    assert segments == [
        "audit/acme/segments/000000000001-000000000006.jsonl",
        "audit/acme/segments/000000000007-000000000007.jsonl",
    ]


def test_a_checkpoint_signed_after_its_records_shipped_follows_them(
    vault: Vault, moto_endpoint: str, bucket: str
) -> None:
    _append(vault, "acme", 3)
    ship_audit(vault.audit_ship_parts(), tenants=["acme"])
    vault.audit.checkpoint("acme")  # as an export does, at the head (seq 3), after shipping
    report = ship_audit(vault.audit_ship_parts(), tenants=["acme"])
    assert report.checkpoints == 1
    body = _body(moto_endpoint, bucket, "audit/acme/checkpoints/000000000003.json")
    assert b'"seq":3' in body and vault.audit_signer.key_id.encode() in body
    assert ship_audit(vault.audit_ship_parts(), tenants=["acme"]).checkpoints == 0


def test_a_shipped_segment_cannot_be_deleted(vault: Vault, moto_endpoint: str, bucket: str) -> None:
    _append(vault, "acme", 1)
    ship_audit(vault.audit_ship_parts(), tenants=["acme"])
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    key = "audit/acme/segments/000000000001-000000000001.jsonl"
    version = s3.head_object(Bucket=bucket, Key=key)["VersionId"]
    with pytest.raises(ClientError):
        s3.delete_object(Bucket=bucket, Key=key, VersionId=version)


def test_the_cli_ships(
    tmp_path: Path, moto_endpoint: str, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {
        "VAULT_DATA_DIR": str(tmp_path / "cli-vault"),
        "VAULT_AUDIT_BUCKET": bucket,
        "VAULT_AUDIT_BUCKET_ENDPOINT_URL": moto_endpoint,
    }.items():
        monkeypatch.setenv(name, value)
    runner = CliRunner()
    made = runner.invoke(cli_app, ["apikey", "create", "--tenant", "acme", "--role", "admin"])
    assert made.exit_code == 0, made.output
    shipped = runner.invoke(cli_app, ["audit", "ship"])
    assert shipped.exit_code == 0, shipped.output
    assert "shipped" in shipped.output
    assert any("/acme/segments/" in k for k in _keys(moto_endpoint, bucket))
    monkeypatch.delenv("VAULT_AUDIT_BUCKET")
    refused = runner.invoke(cli_app, ["audit", "ship"])
    assert refused.exit_code != 0 and "VAULT_AUDIT_BUCKET" in refused.output


def test_the_server_ships_on_its_schedule(tmp_path: Path, moto_endpoint: str, bucket: str) -> None:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "scheduled",
        audit_bucket=bucket,
        audit_bucket_endpoint_url=moto_endpoint,
        audit_ship_seconds=0.2,
        _env_file=None,
    )
    vault = build_vault(settings)
    try:
        _append(vault, "acme", 3)
        vault.start_background()  # what the app's lifespan does in each worker
        expected = "audit/acme/segments/000000000001-000000000003.jsonl"
        for _ in range(300):
            if expected in _keys(moto_endpoint, bucket):
                break
            threading.Event().wait(0.1)
        assert expected in _keys(moto_endpoint, bucket)
    finally:
        vault.close()  # stops the schedule before the engine goes
    assert vault.audit_shipper is not None


def test_one_shipper_at_a_time(db_engine: Any) -> None:
    from vault.adapters.audit_ship import SqlShipCursors

    first, second = SqlShipCursors(db_engine), SqlShipCursors(db_engine)
    with first.exclusive() as mine:
        assert mine
        with second.exclusive() as theirs:
            assert not theirs  # another worker (process on PostgreSQL) is shipping
    with second.exclusive() as theirs:
        assert theirs  # released
