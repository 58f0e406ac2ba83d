"""The audit log on SQLite and PostgreSQL: chains, checkpoints, concurrent writers, signing key."""

from __future__ import annotations

import itertools
import json
import os
import threading
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, insert, text

from vault.adapters import audit_sql
from vault.adapters.audit_signing import KEY_NAME, AuditSigner, load_or_create
from vault.adapters.audit_sql import SqlAuditLog
from vault.adapters.database import create_db_engine
from vault.adapters.tables import AuditRecordRow
from vault.domain.audit import GENESIS_HASH, AuditEvent, checkpoint_message
from vault.domain.audit_export import verify_export
from vault.errors import IntegrityError, ServiceUnavailable
from vault.ports import DataKey
from vault.services.export_audit import export_audit

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class FakeKeyService:
    """The KeyService port in memory: data keys wrapped by AES-GCM, the context as AAD."""

    def __init__(self, key_id: str = "fake-kms-key") -> None:
        self._master = AESGCM.generate_key(bit_length=256)
        self._key_id = key_id

    @property
    def primary_key_id(self) -> str:
        return self._key_id

    @staticmethod
    def _aad(context: Mapping[str, str]) -> bytes:
        return json.dumps(dict(context), sort_keys=True).encode()

    def generate_data_key(self, context: Mapping[str, str]) -> DataKey:
        plaintext, nonce = os.urandom(32), os.urandom(12)
        wrapped = nonce + AESGCM(self._master).encrypt(nonce, plaintext, self._aad(context))
        return DataKey(key_id=self._key_id, plaintext=plaintext, wrapped=wrapped)

    def decrypt_data_key(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        try:
            return AESGCM(self._master).decrypt(wrapped[:12], wrapped[12:], self._aad(context))
        except InvalidTag:
            raise IntegrityError() from None

    def rewrap(self, wrapped: bytes, context: Mapping[str, str], *, to_key_id: str) -> bytes:
        plaintext, nonce = self.decrypt_data_key(wrapped, context), os.urandom(12)
        return nonce + AESGCM(self._master).encrypt(nonce, plaintext, self._aad(context))


class StepClock:
    """Each call is one second later, unless told to jump."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def _event(tenant: str = "acme", **fields: object) -> AuditEvent:
    base: dict[str, object] = {"tenant": tenant, "actor": "key_1", "action": "dataset.read"}
    return AuditEvent(**{**base, **fields})  # type: ignore[arg-type]


@pytest.fixture
def keys() -> FakeKeyService:
    return FakeKeyService()


@pytest.fixture
def signer(db_engine: Engine, keys: FakeKeyService) -> AuditSigner:
    return load_or_create(db_engine, keys)


# ------------------------------------------------------------------ the signing key


def test_the_signing_key_is_made_once_sealed_and_reloaded(
    db_engine: Engine, keys: FakeKeyService, signer: AuditSigner
) -> None:
    again = load_or_create(db_engine, keys)
    assert again.public_key_bytes == signer.public_key_bytes
    assert again.key_id == signer.key_id
    message = b"checkpoint"
    Ed25519PublicKey.from_public_bytes(signer.public_key_bytes).verify(again.sign(message), message)
    with db_engine.connect() as connection:
        sealed, public = connection.execute(
            text("SELECT sealed_key, public_key FROM system_keys WHERE name = :n"),
            {"n": KEY_NAME},
        ).one()
    assert bytes(public) == signer.public_key_bytes
    private = signer._private.private_bytes_raw()
    assert private not in bytes(sealed)
    assert "private" not in repr(signer).lower()
    assert signer.key_id in repr(signer)


def test_the_signing_key_does_not_open_under_another_kms_key(
    db_engine: Engine, signer: AuditSigner
) -> None:
    with pytest.raises(IntegrityError):
        load_or_create(db_engine, FakeKeyService())


@pytest.mark.parametrize("column", ["sealed_key", "public_key"])
def test_a_tampered_signing_key_row_fails_closed(
    db_engine: Engine, keys: FakeKeyService, signer: AuditSigner, column: str
) -> None:
    with db_engine.begin() as connection:
        # The column name comes from the parametrize list above, never from input.
        value = connection.execute(
            text(f"SELECT {column} FROM system_keys WHERE name = :n"),  # noqa: S608
            {"n": KEY_NAME},
        ).scalar_one()
        flipped = bytes(value[:-1]) + bytes([value[-1] ^ 1])
        connection.execute(
            text(f"UPDATE system_keys SET {column} = :v WHERE name = :n"),  # noqa: S608
            {"v": flipped, "n": KEY_NAME},
        )
    with pytest.raises(IntegrityError):
        load_or_create(db_engine, keys)


# ------------------------------------------------------------------ append, read, checkpoints


def test_appends_chain_read_back_and_checkpoint_every_n(
    db_engine: Engine, signer: AuditSigner
) -> None:
    log = SqlAuditLog(db_engine, signer=signer, checkpoint_every=5, clock=StepClock())
    assert log.head("acme") is None
    appended = [
        log.append(
            _event(
                object=f"ds_{i}",
                purpose="ticket 7 — review",
                details={"entities": {"PERSON": i}, "prompt_tokens": 3, "ratio": 0.25},
            )
        )
        for i in range(23)
    ]
    assert [r.seq for r in appended] == list(range(1, 24))
    assert appended[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(appended))
    stored = list(log.records("acme"))
    assert stored == appended  # every field survives the database, so every hash does
    assert all(r.is_intact() for r in stored)
    assert log.head("acme") == appended[-1]
    checkpoints = list(log.checkpoints("acme", from_seq=1, to_seq=100))
    assert [c.seq for c in checkpoints] == [5, 10, 15, 20]
    public = Ed25519PublicKey.from_public_bytes(signer.public_key_bytes)
    for checkpoint in checkpoints:
        assert checkpoint.head_hash == appended[checkpoint.seq - 1].hash
        public.verify(
            checkpoint.signature, checkpoint_message("acme", checkpoint.seq, checkpoint.head_hash)
        )
    at_head = log.checkpoint("acme")
    assert at_head is not None
    assert (at_head.seq, at_head.head_hash) == (23, appended[-1].hash)
    assert log.checkpoint("acme") == at_head  # idempotent at the same head
    assert log.checkpoint("nobody") is None


def test_an_appended_row_is_stored_as_a_core_insert_stores_it(
    db_engine: Engine, signer: AuditSigner
) -> None:
    """The log's driver-level insert keeps each column's own conversion (time, JSON)."""
    log = SqlAuditLog(db_engine, signer=signer)
    record = log.append(
        _event(object="ds_1", source="10.0.0.1", details={"entities": {"PERSON": 2}, "ok": True})
    )
    values = {
        **record.event.as_dict(),
        "tenant": "copy",
        "seq": record.seq,
        "at": record.at,
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    }
    query = text(
        "SELECT seq, at, actor, action, object, purpose, outcome, source, request_id, details,"
        " prev_hash, hash FROM audit_records WHERE tenant = :tenant"
    )
    with db_engine.begin() as connection:
        connection.execute(insert(AuditRecordRow.__table__), values)  # type: ignore[attr-defined]
        stored = {
            tenant: connection.execute(query, {"tenant": tenant}).one()
            for tenant in ("acme", "copy")
        }
    assert stored["acme"] == stored["copy"]


def test_records_filter_by_time_and_page_through_long_chains(
    db_engine: Engine, signer: AuditSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_sql, "_PAGE", 4)
    log = SqlAuditLog(db_engine, signer=signer, clock=StepClock())
    appended = [log.append(_event()) for _ in range(15)]
    assert [r.seq for r in log.records("acme")] == list(range(1, 16))
    window = list(log.records("acme", since=appended[3].at, until=appended[11].at))
    assert [r.seq for r in window] == list(range(4, 12))
    assert [r.seq for r in log.records("acme", upto_seq=6)] == list(range(1, 7))


def test_times_never_go_backwards_along_a_chain(db_engine: Engine, signer: AuditSigner) -> None:
    clock = StepClock()
    log = SqlAuditLog(db_engine, signer=signer, clock=clock)
    first = log.append(_event())
    clock.now -= timedelta(hours=1)  # a host with a slow clock joins
    second = log.append(_event())
    assert second.at == first.at
    assert all(r.is_intact() for r in log.records("acme"))


def test_tenants_have_separate_chains_and_exports(db_engine: Engine, signer: AuditSigner) -> None:
    log = SqlAuditLog(db_engine, signer=signer, checkpoint_every=3, clock=StepClock())
    for i in range(6):
        log.append(_event("acme", object=f"a_{i}"))
        log.append(_event("globex", object=f"g_{i}"))
    acme = list(log.records("acme"))
    assert {r.event.tenant for r in acme} == {"acme"}
    assert [r.seq for r in acme] == list(range(1, 7))
    assert [c.seq for c in log.checkpoints("globex", from_seq=1, to_seq=99)] == [3, 6]
    lines = list(export_audit(log, signer, tenant="acme", actor="key_2"))
    assert "globex" not in "".join(lines)
    assert "g_" not in "".join(lines)
    result = verify_export(lines, public_key=signer.public_key_bytes)
    assert result.ok, result.message()
    assert result.records == 7  # six events and the export itself
    assert log.head("globex") is not None
    assert log.head("globex").seq == 6  # type: ignore[union-attr]


def test_exports_from_the_database_verify_in_both_formats_and_partially(
    db_engine: Engine, signer: AuditSigner
) -> None:
    log = SqlAuditLog(db_engine, signer=signer, checkpoint_every=4, clock=StepClock())
    appended = [log.append(_event(purpose="=cmd|' /C calc'!A0")) for _ in range(17)]
    for fmt in ("jsonl", "csv"):
        lines = list(export_audit(log, signer, tenant="acme", fmt=fmt))
        result = verify_export(lines, public_key=signer.public_key_bytes, fmt=fmt)
        assert result.ok, result.message()
    partial = list(
        export_audit(log, signer, tenant="acme", since=appended[5].at, until=appended[13].at)
    )
    result = verify_export(partial, public_key=signer.public_key_bytes)
    assert result.ok, result.message()
    assert result.records == 8


def test_a_row_edited_in_the_database_is_named_by_the_verifier(
    db_engine: Engine, signer: AuditSigner
) -> None:
    log = SqlAuditLog(db_engine, signer=signer, checkpoint_every=5, clock=StepClock())
    for _ in range(12):
        log.append(_event(outcome="denied"))
    with db_engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_records SET outcome = 'ok' WHERE tenant = 'acme' AND seq = 7")
        )
    result = verify_export(list(export_audit(log, signer, tenant="acme")))
    assert not result.ok
    assert result.bad_seq == 7
    assert "hash" in result.reason


def test_a_row_that_no_longer_validates_is_an_integrity_error(
    db_engine: Engine, signer: AuditSigner
) -> None:
    log = SqlAuditLog(db_engine, signer=signer)
    log.append(_event())
    with db_engine.begin() as connection:
        connection.execute(text("UPDATE audit_records SET outcome = 'maybe' WHERE seq = 1"))
    with pytest.raises(IntegrityError, match="seq 1"):
        list(log.records("acme"))


def test_an_unreachable_database_is_service_unavailable(signer: AuditSigner) -> None:
    engine = create_db_engine("postgresql://postgres@127.0.0.1:1/none")
    log = SqlAuditLog(engine, signer=signer)
    with pytest.raises(ServiceUnavailable):
        log.append(_event())
    with pytest.raises(ServiceUnavailable):
        log.head("acme")
    engine.dispose()


# ------------------------------------------------------------------ concurrent writers


WRITERS = 8
EACH = 50


def test_a_log_whose_remembered_head_is_stale_links_after_the_real_head(
    db_engine: Engine, signer: AuditSigner
) -> None:
    """Each log remembers the head it wrote; another writer moving the chain on must not fork it."""
    first = SqlAuditLog(db_engine, signer=signer)
    other = SqlAuditLog(db_engine, signer=signer)
    first.append(_event(details={"n": 1}))
    other.append(_event(details={"n": 2}))
    other.append(_event(details={"n": 3}))

    record = first.append(_event(details={"n": 4}))

    records = list(first.records("acme"))
    assert [r.seq for r in records] == [1, 2, 3, 4]
    assert record.seq == 4 and record.prev_hash == records[2].hash
    assert all(r.prev_hash == p.hash for p, r in itertools.pairwise(records))


def test_concurrent_writers_leave_one_valid_contiguous_chain(
    db_url: str, db_engine: Engine, signer: AuditSigner
) -> None:
    """Eight writers, each with its own engine (so its own connections and no shared lock)."""
    barrier = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def write(writer: int) -> None:
        engine = create_db_engine(db_url)
        try:
            log = SqlAuditLog(engine, signer=signer, checkpoint_every=10)
            barrier.wait()
            for n in range(EACH):
                tenant = "acme" if n % 5 else "globex"
                log.append(_event(tenant, actor=f"w{writer}", details={"n": n}))
        except BaseException as exc:
            failures.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []

    log = SqlAuditLog(db_engine, signer=signer, checkpoint_every=10)
    total = {"acme": WRITERS * EACH * 4 // 5, "globex": WRITERS * EACH // 5}
    for tenant, count in total.items():
        records = list(log.records(tenant))
        assert [r.seq for r in records] == list(range(1, count + 1))
        for writer in range(WRITERS):  # each writer's own appends keep their order
            mine = [r.event.details["n"] for r in records if r.event.actor == f"w{writer}"]
            assert mine == sorted(mine)
        checkpoints = list(log.checkpoints(tenant, from_seq=1, to_seq=count))
        assert [c.seq for c in checkpoints] == list(range(10, count + 1, 10))
        lines = list(export_audit(log, signer, tenant=tenant))
        result = verify_export(lines, public_key=signer.public_key_bytes)
        assert result.ok, result.message()
        assert result.records == count + 1
