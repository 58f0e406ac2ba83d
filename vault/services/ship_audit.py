"""Ship each tenant's new audit records and checkpoints to the Object Lock bucket.

Each shipment is a *segment*: a signed audit export (the format `vault audit verify` reads) of
one contiguous run of a tenant's records with the checkpoints among them, at
`<tenant>/segments/<first seq>-<last seq>.jsonl`, locked until its retention ends. A checkpoint
signed after its records were shipped (an export signs one at the head) follows on its own at
`<tenant>/checkpoints/<seq>.json`.

Resumable and idempotent: a cursor per tenant says how far its trail has gone. A run cut short
between writing a segment and moving the cursor finds that segment at the next run (its first
seq is the cursor's next) and moves the cursor past it instead of writing it again; nothing is
shipped twice, nothing skipped. One shipper runs at a time across processes.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any, Final

from vault.domain.audit import AuditCheckpoint, AuditEvent, AuditRecord, canonical_json
from vault.domain.audit_export import (
    ExportTrailerInput,
    checkpoint_line,
    export_header,
    export_trailer_fields,
    record_line,
    trailer_message,
)
from vault.errors import VaultError
from vault.ports import AuditBucket, AuditLog, AuditSigner, ShipCursors
from vault.services.export_audit import retired_keys, signed_by

__all__ = ["ShipParts", "ShipReport", "ShipSchedule", "ship_audit"]

log = logging.getLogger("vault.audit")

SYSTEM_TENANT: Final = "_system"
_SEGMENT_KEY = re.compile(r".*/segments/(\d{12})-(\d{12})\.jsonl")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ShipParts:
    log: AuditLog
    signer: AuditSigner
    bucket: AuditBucket
    cursors: ShipCursors
    lock_days: int
    segment_records: int = 10_000
    clock: Callable[[], datetime] = _now


@dataclass(slots=True)
class ShipReport:
    tenants: int = 0
    segments: int = 0
    records: int = 0
    checkpoints: int = 0
    resumed: int = 0
    skipped: bool = False  # another shipper held the lock
    per_tenant: dict[str, int] = field(default_factory=dict)


def _segment(
    tenant: str,
    records: list[AuditRecord],
    checkpoints: Iterable[AuditCheckpoint],
    signer: AuditSigner,
    at: datetime,
) -> tuple[bytes, int]:
    """The segment's bytes (an export of `records`) and how many checkpoints it holds."""
    header = export_header(
        tenant=tenant,
        since=None,
        until=None,
        first=records[0],
        public_key=signer.public_key_bytes,
        exported_at=at,
        retired_keys=retired_keys(signer),
    )
    lines = [header]
    by_seq = {cp.seq: cp for cp in checkpoints}
    signed = 0
    for record in records:
        lines.append(record_line(record))
        checkpoint = by_seq.get(record.seq)
        if checkpoint is not None:
            lines.append(
                checkpoint_line(
                    checkpoint.seq,
                    checkpoint.head_hash,
                    checkpoint.signature,
                    key_id=signed_by(checkpoint, signer),
                )
            )
            signed += 1
    last = records[-1]
    seen = ExportTrailerInput(
        last=last, count=len(records), checkpoints=signed,
        chain_head_seq=last.seq, chain_head_hash=last.hash,
    )  # fmt: skip
    trailer = export_trailer_fields(header, seen)
    signature = base64.b64encode(signer.sign(trailer_message(trailer))).decode("ascii")
    lines.append({**trailer, "signature": signature})
    return b"".join(canonical_json(line) + b"\n" for line in lines), signed


def _ship_tenant(parts: ShipParts, tenant: str, report: ShipReport) -> int:
    """Ship `tenant`'s records past its cursor; how many records went."""
    record_seq, checkpoint_seq = parts.cursors.get(tenant)
    shipped = 0
    while True:
        start = record_seq + 1
        earlier = [
            match
            for key in parts.bucket.keys(f"{tenant}/segments/{start:012d}-")
            if (match := _SEGMENT_KEY.fullmatch(key)) is not None
        ]
        if earlier:  # written by a run that stopped before moving the cursor
            record_seq = max(int(m.group(2)) for m in earlier)
            parts.cursors.advance(tenant, record_seq=record_seq, checkpoint_seq=checkpoint_seq)
            report.resumed += 1
            continue
        records = list(
            islice(parts.log.records(tenant, after_seq=record_seq), parts.segment_records)
        )
        if not records:
            break
        first, last = records[0].seq, records[-1].seq
        checkpoints = list(parts.log.checkpoints(tenant, from_seq=first, to_seq=last))
        now = parts.clock()
        body, signed = _segment(tenant, records, checkpoints, parts.signer, now)
        parts.bucket.put_locked(
            f"{tenant}/segments/{first:012d}-{last:012d}.jsonl",
            body,
            retain_until=now + timedelta(days=parts.lock_days),
        )
        record_seq = last
        if checkpoints:
            checkpoint_seq = max(checkpoint_seq, checkpoints[-1].seq)
        parts.cursors.advance(tenant, record_seq=record_seq, checkpoint_seq=checkpoint_seq)
        report.segments += 1
        report.checkpoints += signed
        shipped += len(records)
    # Checkpoints signed after their records had gone (an export's, at the then head).
    if checkpoint_seq < record_seq:
        done = set(parts.bucket.keys(f"{tenant}/checkpoints/"))
        for checkpoint in parts.log.checkpoints(
            tenant, from_seq=checkpoint_seq + 1, to_seq=record_seq
        ):
            key = f"{tenant}/checkpoints/{checkpoint.seq:012d}.json"
            if key not in done:
                body = canonical_json(
                    {
                        **checkpoint_line(
                            checkpoint.seq, checkpoint.head_hash, checkpoint.signature
                        ),
                        "tenant": tenant,
                        "key_id": checkpoint.key_id or parts.signer.key_id,
                    }
                )
                now = parts.clock()
                parts.bucket.put_locked(
                    key, body + b"\n", retain_until=now + timedelta(days=parts.lock_days)
                )
                report.checkpoints += 1
            checkpoint_seq = checkpoint.seq
            parts.cursors.advance(tenant, record_seq=record_seq, checkpoint_seq=checkpoint_seq)
    return shipped


def ship_audit(parts: ShipParts, *, tenants: Iterable[str] | None = None) -> ShipReport:
    """Ship every tenant's (or the given tenants') new records and checkpoints.

    Audited in the `_system` chain as `audit.ship` with counts, when any tenant's records went
    (the record of a run is shipped by the next run, which alone writes none). Raises
    StoreUnavailable if the bucket refuses a write, ServiceUnavailable if the database is away;
    what was shipped by then stays shipped, and the next run goes on from there.
    """
    report = ShipReport()
    with parts.cursors.exclusive() as mine:
        if not mine:
            report.skipped = True
            return report
        for tenant in sorted(tenants) if tenants is not None else parts.cursors.tenants():
            report.tenants += 1
            shipped = _ship_tenant(parts, tenant, report)
            if shipped:
                report.per_tenant[tenant] = shipped
            report.records += shipped
    if any(tenant != SYSTEM_TENANT for tenant in report.per_tenant):
        details: dict[str, Any] = {
            "tenants": len(report.per_tenant),
            "segments": report.segments,
            "records": report.records,
            "checkpoints": report.checkpoints,
        }
        parts.log.append(
            AuditEvent(tenant=SYSTEM_TENANT, actor="system", action="audit.ship", details=details)
        )
    return report


class ShipSchedule:
    """Runs `ship_audit` every `every` seconds in a background thread until `close`."""

    def __init__(self, parts: ShipParts, *, every: float) -> None:
        self._parts = parts
        self._every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="audit-ship", daemon=True)
            self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                report = ship_audit(self._parts)
            except VaultError as exc:  # the next round goes on from the cursors
                log.warning("audit shipping failed (%s)", exc.code)
                continue
            if report.records:
                log.info(
                    "audit shipped: %d records in %d segments", report.records, report.segments
                )
