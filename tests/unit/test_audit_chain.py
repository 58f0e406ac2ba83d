"""The audit chain and its export: every tampering of an exported file is caught and located."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vault.domain.audit import (
    GENESIS_HASH,
    AuditCheckpoint,
    AuditEvent,
    AuditRecord,
    canonical_json,
    checkpoint_message,
    format_time,
    parse_time,
    validate_details,
)
from vault.domain.audit_export import key_id_for, trailer_message, verify_export
from vault.errors import InvalidRequest
from vault.services.export_audit import export_audit
from vault.services.verify_audit import verify_file

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MANY = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Signer:
    def __init__(self, seed: int = 1) -> None:
        self._key = Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32)
        self.public_key_bytes = self._key.public_key().public_bytes_raw()
        self.key_id = key_id_for(self.public_key_bytes)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def current(self) -> Signer:
        return self


class MemoryAuditLog:
    """The AuditLog port in memory: one chain per tenant, a checkpoint every `every` records."""

    def __init__(self, signer: Signer, *, every: int = 5) -> None:
        self._signer = signer
        self._every = every
        self._chains: dict[str, list[AuditRecord]] = {}
        self._checkpoints: dict[str, list[AuditCheckpoint]] = {}
        self._ticks = 0

    def _now(self) -> datetime:
        self._ticks += 1
        return T0 + timedelta(seconds=self._ticks, microseconds=self._ticks * 7)

    def append(self, event: AuditEvent) -> AuditRecord:
        chain = self._chains.setdefault(event.tenant, [])
        prev = chain[-1].hash if chain else GENESIS_HASH
        record = AuditRecord.chain(event, seq=len(chain) + 1, at=self._now(), prev_hash=prev)
        chain.append(record)
        if record.seq % self._every == 0:
            self._sign(event.tenant, record)
        return record

    def _sign(self, tenant: str, record: AuditRecord) -> AuditCheckpoint:
        message = checkpoint_message(tenant, record.seq, record.hash)
        checkpoint = AuditCheckpoint(tenant, record.seq, record.hash, self._signer.sign(message))
        self._checkpoints.setdefault(tenant, []).append(checkpoint)
        return checkpoint

    def head(self, tenant: str) -> AuditRecord | None:
        chain = self._chains.get(tenant, [])
        return chain[-1] if chain else None

    def records(
        self,
        tenant: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        upto_seq: int | None = None,
    ) -> Iterator[AuditRecord]:
        for record in self._chains.get(tenant, []):
            if since is not None and record.at < since:
                continue
            if until is not None and record.at >= until:
                continue
            if upto_seq is not None and record.seq > upto_seq:
                continue
            yield record

    def checkpoints(self, tenant: str, *, from_seq: int, to_seq: int) -> Iterator[AuditCheckpoint]:
        for checkpoint in self._checkpoints.get(tenant, []):
            if from_seq <= checkpoint.seq <= to_seq:
                yield checkpoint

    def checkpoint(self, tenant: str) -> AuditCheckpoint | None:
        head = self.head(tenant)
        if head is None:
            return None
        existing = [c for c in self._checkpoints.get(tenant, []) if c.seq == head.seq]
        return existing[0] if existing else self._sign(tenant, head)


ACTIONS = ["dataset.create", "dataset.read", "reidentify", "proxy.request", "auth.failure"]


def _filled_log(signer: Signer, *, tenant: str = "acme", n: int = 40) -> MemoryAuditLog:
    log = MemoryAuditLog(signer)
    for i in range(n):
        log.append(
            AuditEvent(
                tenant=tenant,
                actor=f"key_{i % 3}",
                action=ACTIONS[i % len(ACTIONS)],
                outcome=["ok", "denied", "error", "blocked"][i % 4],
                object=f"ds_{i}" if i % 2 else None,
                purpose="fraud review — ticket 7 = urgent" if i % 5 == 0 else None,
                source="203.0.113.9",
                request_id=f"req-{i}",
                details={"entities": {"PERSON": i, "EMAIL_ADDRESS": 1}, "prompt_tokens": i * 3},
            )
        )
        log.append(AuditEvent(tenant="other", actor="system", action="keys.rotate"))
    return log


@cache
def full_export() -> tuple[str, ...]:
    signer = Signer()
    return tuple(export_audit(_filled_log(signer), signer, tenant="acme", actor="key_9"))


@cache
def partial_export() -> tuple[str, ...]:
    signer = Signer()
    log = _filled_log(signer)
    since, until = T0 + timedelta(seconds=20), T0 + timedelta(seconds=61)
    return tuple(export_audit(log, signer, tenant="acme", since=since, until=until))


@cache
def csv_export() -> tuple[str, ...]:
    signer = Signer()
    return tuple(export_audit(_filled_log(signer), signer, tenant="acme", fmt="csv"))


def _kind(line: str) -> str:
    return str(json.loads(line)["type"])


def _dump(obj: object) -> str:
    return canonical_json(obj).decode("utf-8") + "\n"


# ------------------------------------------------------------------ untampered


@pytest.mark.parametrize("make", [full_export, partial_export, csv_export])
def test_an_untampered_export_verifies(make) -> None:  # type: ignore[no-untyped-def]
    lines = make()
    fmt = "csv" if make is csv_export else "jsonl"
    result = verify_export(lines, public_key=Signer().public_key_bytes, fmt=fmt)
    assert result.ok, result.message()
    assert result.first_bad is None
    assert result.tenant == "acme"
    assert result.message().startswith("OK")


def test_a_full_export_holds_the_whole_chain_its_checkpoints_and_the_export_record() -> None:
    lines = full_export()
    kinds = [_kind(line) for line in lines]
    assert kinds[0] == "header"
    assert kinds[-1] == "trailer"
    assert kinds.count("record") == 41  # 40 events, then the export itself
    assert kinds.count("checkpoint") == 9  # every 5th record, and the export's own
    last = json.loads(lines[-2 if kinds[-2] == "record" else -3])
    assert last["action"] == "audit.export"
    assert last["actor"] == "key_9"
    assert "other" not in "".join(lines)  # another tenant's chain stays out


def test_a_partial_export_starts_mid_chain_and_still_verifies() -> None:
    lines = partial_export()
    header = json.loads(lines[0])
    records = [json.loads(line) for line in lines if _kind(line) == "record"]
    assert header["first_seq"] == records[0]["seq"] > 1
    assert header["first_prev_hash"] == records[0]["prev_hash"] != GENESIS_HASH
    assert all(header["since"] <= r["at"] < header["until"] for r in records)
    assert verify_export(lines, public_key=Signer().public_key_bytes).ok


def test_an_empty_range_exports_and_verifies() -> None:
    signer = Signer()
    log = _filled_log(signer)
    lines = list(
        export_audit(
            log, signer, tenant="acme", since=T0 - timedelta(days=2), until=T0 - timedelta(days=1)
        )
    )
    assert [_kind(line) for line in lines] == ["header", "trailer"]
    result = verify_export(lines, public_key=signer.public_key_bytes)
    assert result.ok
    assert result.records == 0


def test_the_export_is_audited_before_the_first_line() -> None:
    signer = Signer()
    log = MemoryAuditLog(signer)
    export_audit(log, signer, tenant="acme", fmt="csv", actor="key_1", request_id="r1")
    head = log.head("acme")
    assert head is not None
    assert head.event.action == "audit.export"
    assert dict(head.event.details) == {"format": "csv"}


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"fmt": "xml"}, "format"),
        ({"since": T0 + timedelta(seconds=1), "until": T0}, "since"),  # since == until is empty
        ({"since": datetime(2026, 1, 1)}, "since"),  # naive on purpose
    ],
)
def test_bad_export_arguments_are_refused_before_anything_is_written(kwargs, param) -> None:  # type: ignore[no-untyped-def]
    signer = Signer()
    log = MemoryAuditLog(signer)
    with pytest.raises(InvalidRequest) as caught:
        export_audit(log, signer, tenant="acme", **kwargs)
    assert caught.value.param == param
    assert log.head("acme") is None


# ------------------------------------------------------------------ tamperings, located


LINE_COUNT = len(full_export())
VALUES = st.one_of(
    st.integers(-5, 10**6),
    st.text(max_size=12),
    st.none(),
    st.booleans(),
    st.sampled_from(["ok", "denied", "acme", GENESIS_HASH, "a" * 64]),
    st.dictionaries(st.text(max_size=4), st.integers(0, 9), max_size=2),
)


@MANY
@given(index=st.integers(1, LINE_COUNT - 1), data=st.data())
def test_an_edited_field_is_caught_on_its_line(index: int, data: st.DataObject) -> None:
    lines = list(full_export())
    obj = json.loads(lines[index])
    key = data.draw(st.sampled_from([*sorted(obj), "extra"]), label="key")
    if data.draw(st.booleans(), label="drop") and key in obj:
        del obj[key]
    else:
        value = data.draw(VALUES, label="value")
        assume(obj.get(key, object()) != value)
        obj[key] = value
    lines[index] = _dump(obj)
    result = verify_export(lines)
    assert not result.ok
    assert result.first_bad == index + 1, result.message()


@MANY
@given(data=st.data())
def test_any_changed_character_is_caught_on_its_line(data: st.DataObject) -> None:
    lines = list(full_export())
    index = data.draw(st.integers(0, LINE_COUNT - 1), label="line")
    line = lines[index].rstrip("\n")
    position = data.draw(st.integers(0, len(line) - 1), label="position")
    char = data.draw(st.characters(exclude_characters="\n\r"), label="char")
    assume(char != line[position])
    lines[index] = line[:position] + char + line[position + 1 :] + "\n"
    result = verify_export(lines)
    assert not result.ok
    if index > 0:  # a header edit may only show where the header's claim is used
        assert result.first_bad == index + 1, result.message()


@MANY
@given(index=st.integers(0, LINE_COUNT - 1))
def test_a_deleted_line_is_caught_where_it_is_missed(index: int) -> None:
    lines = list(full_export())
    kind = _kind(lines[index])
    del lines[index]
    result = verify_export(lines)
    assert not result.ok
    # A missing checkpoint shows only in the trailer's signed count; anything else at once.
    expected = len(lines) if kind == "checkpoint" else index + 1
    assert result.first_bad == expected, result.message()


@MANY
@given(position=st.integers(0, LINE_COUNT), source=st.integers(0, LINE_COUNT - 1), data=st.data())
def test_an_inserted_line_is_caught(position: int, source: int, data: st.DataObject) -> None:
    lines = list(full_export())
    forged = json.loads(lines[source])
    if forged["type"] == "record" and data.draw(st.booleans(), label="rehash"):
        # A forger who recomputes the hash: the record fits only where the original stood.
        forged["outcome"] = "ok" if forged["outcome"] != "ok" else "denied"
        body = {k: v for k, v in forged.items() if k not in ("type", "prev_hash", "hash")}
        forged["hash"] = AuditRecord.chain(
            AuditEvent(**{k: body[k] for k in body if k not in ("seq", "at")}),
            seq=body["seq"],
            at=parse_time(body["at"]),
            prev_hash=forged["prev_hash"],
        ).hash
    original = full_export()
    lines.insert(position, _dump(forged))
    result = verify_export(lines)
    assert not result.ok
    # A copy fits in front of its original, or of the optional checkpoint just before it;
    # then the line it pushed down is the first that breaks.
    skips_checkpoint = position == source - 1 and _kind(original[position]) == "checkpoint"
    fits_here = position == source or (skips_checkpoint and forged["type"] == "record")
    assert result.first_bad == (position + 2 if fits_here else position + 1), result.message()


@MANY
@given(i=st.integers(0, LINE_COUNT - 1), j=st.integers(0, LINE_COUNT - 1))
def test_two_swapped_lines_are_caught_at_the_first(i: int, j: int) -> None:
    i, j = min(i, j), max(i, j)
    lines = list(full_export())
    assume(i != j)
    displaced = _kind(lines[i])
    lines[i], lines[j] = lines[j], lines[i]
    result = verify_export(lines)
    assert not result.ok
    if displaced == "checkpoint":
        # Checkpoints are optional per record, so the next record may fit where one stood.
        assert result.first_bad in (i + 1, i + 2), result.message()
    else:
        assert result.first_bad == i + 1, result.message()


@MANY
@given(cut=st.integers(0, len("".join(full_export())) - 2))
def test_a_truncated_export_is_caught(cut: int) -> None:
    """Every cut that loses content (a lost final newline alone loses nothing)."""
    text = "".join(full_export())
    kept = text[:cut]
    lines = kept.splitlines(keepends=True)
    result = verify_export(lines)
    assert not result.ok
    complete = [line for line in lines if line.endswith("\n")]
    partial = len(lines) > len(complete) and lines[-1] + "\n" != full_export()[len(lines) - 1]
    expected = len(lines) if partial else len(lines) + 1
    assert result.first_bad == expected, result.message()


@SOME
@given(
    field=st.sampled_from(["head_seq", "head_hash", "count", "checkpoints", "chain_head_seq"]),
    delta=st.integers(1, 5),
)
def test_a_changed_trailer_is_caught_even_when_self_consistent(field: str, delta: int) -> None:
    lines = list(full_export())
    trailer = json.loads(lines[-1])
    if isinstance(trailer[field], int):
        trailer[field] += delta
    else:
        trailer[field] = "f" * 64
    lines[-1] = _dump(trailer)
    result = verify_export(lines)
    assert not result.ok
    assert result.first_bad == len(lines)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_series_of_tamperings_never_verify(data: st.DataObject) -> None:
    original = list(full_export())
    lines = list(original)
    for _ in range(data.draw(st.integers(1, 4), label="count")):
        op = data.draw(st.sampled_from(["edit", "delete", "insert", "swap", "truncate"]))
        if not lines:
            break
        at = data.draw(st.integers(0, len(lines) - 1))
        if op == "edit":
            line = lines[at]
            pos = data.draw(st.integers(0, len(line) - 1))
            lines[at] = line[:pos] + data.draw(st.characters()) + line[pos + 1 :]
        elif op == "delete":
            del lines[at]
        elif op == "insert":
            lines.insert(at, data.draw(st.sampled_from(original)))
        elif op == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            lines = lines[:at]
    assume("".join(lines) != "".join(original))
    assert not verify_export(lines).ok


# ------------------------------------------------------------------ CSV


CSV_COUNT = len(csv_export())


@SOME
@given(data=st.data())
def test_csv_any_changed_character_is_caught_on_its_row(data: st.DataObject) -> None:
    lines = list(csv_export())
    index = data.draw(st.integers(0, CSV_COUNT - 1), label="line")
    line = lines[index].rstrip("\n")
    position = data.draw(st.integers(0, len(line) - 1), label="position")
    char = data.draw(st.characters(exclude_characters="\n\r"), label="char")
    assume(char != line[position])
    lines[index] = line[:position] + char + line[position + 1 :] + "\n"
    result = verify_export(lines, fmt="csv")
    assert not result.ok
    if index > 1:
        assert result.first_bad == index + 1, result.message()


@SOME
@given(index=st.integers(0, CSV_COUNT - 1), other=st.integers(0, CSV_COUNT - 1))
def test_csv_deleted_or_swapped_rows_are_caught(index: int, other: int) -> None:
    deleted = list(csv_export())
    del deleted[index]
    assert not verify_export(deleted, fmt="csv").ok
    swapped = list(csv_export())
    assume(swapped[index] != swapped[other])
    swapped[index], swapped[other] = swapped[other], swapped[index]
    result = verify_export(swapped, fmt="csv")
    assert not result.ok
    assert result.first_bad is not None
    assert result.first_bad >= min(index, other) + 1


def test_csv_cells_that_look_like_formulas_are_escaped_and_round_trip() -> None:
    signer = Signer()
    log = MemoryAuditLog(signer)
    for purpose in ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "'quoted", "plain"]:
        log.append(AuditEvent(tenant="acme", actor="k", action="reidentify", purpose=purpose))
    lines = list(export_audit(log, signer, tenant="acme", fmt="csv"))
    cells = "".join(lines)
    for formula in ["=HYPERLINK", "+1", "-1", "@SUM"]:
        assert f",{formula}" not in cells
        assert f",'{formula}" in cells
    assert verify_export(lines, public_key=signer.public_key_bytes, fmt="csv").ok


# ------------------------------------------------------------------ keys and signatures


def _resigned(lines: list[str], signer: Signer) -> list[str]:
    """A full forgery: new key in the header, every checkpoint and the trailer re-signed."""
    out = []
    for line in lines:
        obj = json.loads(line)
        if obj["type"] == "header":
            obj["public_key"] = base64.b64encode(signer.public_key_bytes).decode()
        if obj["type"] in ("header", "trailer"):
            obj["key_id"] = signer.key_id
        if obj["type"] == "checkpoint":
            message = checkpoint_message("acme", obj["seq"], obj["head_hash"])
            obj["signature"] = base64.b64encode(signer.sign(message)).decode()
        if obj["type"] == "trailer":
            obj["signature"] = base64.b64encode(signer.sign(trailer_message(obj))).decode()
        out.append(_dump(obj))
    return out


def test_an_export_signed_by_another_key_fails_against_the_pinned_key() -> None:
    forged = _resigned(list(full_export()), Signer(seed=2))
    unpinned = verify_export(forged)
    assert unpinned.ok  # self-consistent, which is why the CLI shows the key id to compare
    assert unpinned.key_id == Signer(seed=2).key_id
    assert "pin" in unpinned.message()
    pinned = verify_export(forged, public_key=Signer().public_key_bytes)
    assert not pinned.ok
    assert pinned.first_bad == 1
    assert "another key" in pinned.reason


def test_a_trailer_signed_by_another_key_fails_even_unpinned() -> None:
    lines = list(full_export())
    trailer = json.loads(lines[-1])
    trailer["signature"] = base64.b64encode(Signer(seed=3).sign(trailer_message(trailer))).decode()
    lines[-1] = _dump(trailer)
    result = verify_export(lines)
    assert not result.ok
    assert result.first_bad == len(lines)
    assert "signature" in result.reason


def test_a_checkpoint_signed_by_another_key_fails() -> None:
    lines = list(full_export())
    index = next(i for i, line in enumerate(lines) if _kind(line) == "checkpoint")
    checkpoint = json.loads(lines[index])
    message = checkpoint_message("acme", checkpoint["seq"], checkpoint["head_hash"])
    checkpoint["signature"] = base64.b64encode(Signer(seed=4).sign(message)).decode()
    lines[index] = _dump(checkpoint)
    result = verify_export(lines)
    assert (result.ok, result.first_bad) == (False, index + 1)


def test_a_rewritten_chain_fails_against_the_old_checkpoints() -> None:
    """Someone with database access but not the key rewrites record 3 and re-links the rest."""
    signer = Signer()
    log = _filled_log(signer)
    chain = log._chains["acme"]
    prev = chain[1].hash
    for position in range(2, len(chain)):
        old = chain[position]
        event = old.event
        if position == 2:
            event = AuditEvent(**{**event.as_dict(), "outcome": "ok", "details": {}})
        chain[position] = AuditRecord.chain(event, seq=old.seq, at=old.at, prev_hash=prev)
        prev = chain[position].hash
    lines = list(export_audit(log, signer, tenant="acme"))
    result = verify_export(lines, public_key=signer.public_key_bytes)
    assert not result.ok
    assert result.bad_seq == 5  # the first checkpoint after the rewrite
    assert "checkpoint" in result.reason


# ------------------------------------------------------------------ the file verifier


def test_verify_file_reads_jsonl_and_csv_and_names_the_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "audit.jsonl"
    good.write_text("".join(full_export()), encoding="utf-8")
    assert verify_file(good, public_key=Signer().public_key_bytes).ok
    as_csv = tmp_path / "audit.csv"
    as_csv.write_text("".join(csv_export()), encoding="utf-8")
    assert verify_file(as_csv).ok
    lines = list(full_export())
    lines[7] = lines[7].replace('"outcome":"', '"outcome":"x', 1)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(lines), encoding="utf-8")
    result = verify_file(bad)
    assert (result.ok, result.first_bad) == (False, 8)
    assert result.message().startswith("TAMPERED: line 8")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes("".join(full_export()[:3]).encode() + b"\xff\xfe\n")
    assert verify_file(binary).first_bad == 4


def test_verify_file_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest):
        verify_file(tmp_path / "absent.jsonl")


# ------------------------------------------------------------------ events and hashing


@pytest.mark.parametrize(
    "details",
    [
        {"value": "x"},
        {"text": "x"},
        {"token": "PERSON_ab12"},
        {"secret_value": 1},
        {"original_text": "x"},
        {"note": "Jane Doe"},  # spaces: sentences do not belong in details
        {"email": "jane@example.com"},
        {"ratio": float("nan")},
        {"nested": {"deeper": {"x": 1}}},
        {"entities": {"secret": "gsk_live"}},  # a key over a string still may not name a payload
        {"list": [1, 2]},
        {"": 1},
    ],
)
def test_details_that_could_carry_pii_or_token_values_are_refused(details: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match="audit detail"):
        AuditEvent(tenant="acme", actor="k", action="dataset.read", details=details)


def test_details_of_ids_and_counts_are_kept() -> None:
    details = {
        "entities": {"PERSON": 2, "SECRET": 1, "US_SSN": 3},
        "restored": {"SECRET": 1},
        "prompt_tokens": 5,
        "model": "llama-3.3-70b",
        "ok": True,
        "ratio": 0.5,
    }
    assert validate_details(details) == details


@pytest.mark.parametrize(
    "fields",
    [
        {"action": "Dataset Create"},
        {"outcome": "fine"},
        {"tenant": ""},
        {"actor": "x" * 65},
        {"purpose": "line\nbreak"},
        {"object": "nul\x00"},
    ],
)
def test_malformed_events_are_refused(fields: dict) -> None:  # type: ignore[type-arg]
    base = {"tenant": "acme", "actor": "k", "action": "dataset.read"}
    with pytest.raises(ValueError, match="audit"):
        AuditEvent(**{**base, **fields})


@given(st.datetimes(timezones=st.just(UTC)))
def test_times_round_trip_with_microseconds(moment: datetime) -> None:
    assume(moment.year >= 1000)
    assert parse_time(format_time(moment)) == moment


PRINTABLE = st.characters(exclude_categories=("Cc", "Cs"))
EVENTS = st.builds(
    AuditEvent,
    tenant=st.sampled_from(["acme", "globex"]),
    actor=st.sampled_from(["system", "anonymous", "key_1"]),
    action=st.sampled_from(ACTIONS),
    outcome=st.sampled_from(["ok", "denied", "error", "blocked"]),
    object=st.one_of(st.none(), st.text(PRINTABLE, min_size=1, max_size=20)),
    purpose=st.one_of(st.none(), st.text(PRINTABLE, max_size=30)),
    details=st.dictionaries(
        st.sampled_from(["n", "model", "entities", "ok"]),
        st.one_of(st.integers(), st.booleans(), st.from_regex(r"[a-z0-9.-]{0,10}", fullmatch=True)),
        max_size=3,
    ),
)


@given(event=EVENTS, other=EVENTS, seq=st.integers(1, 2**31 - 1))
def test_the_record_hash_binds_every_field(event: AuditEvent, other: AuditEvent, seq: int) -> None:
    record = AuditRecord.chain(event, seq=seq, at=T0, prev_hash=GENESIS_HASH)
    assert record.is_intact()
    moved = AuditRecord.chain(event, seq=seq + 1, at=T0, prev_hash=GENESIS_HASH)
    later = AuditRecord.chain(
        event, seq=seq, at=T0 + timedelta(microseconds=1), prev_hash=GENESIS_HASH
    )
    relinked = AuditRecord.chain(event, seq=seq, at=T0, prev_hash="1" * 64)
    assert len({record.hash, moved.hash, later.hash, relinked.hash}) == 4
    swapped = AuditRecord.chain(other, seq=seq, at=T0, prev_hash=GENESIS_HASH)
    # Compared as canonical JSON, not Python values: 0 == False in Python, yet they are
    # different records and must hash differently.
    same = canonical_json(other.as_dict()) == canonical_json(event.as_dict())
    assert (swapped.hash == record.hash) == same
