"""Export a tenant's audit trail as signed JSONL or CSV lines, streamed.

The export is itself audited: the "audit.export" record is appended, and a checkpoint signed at
it, BEFORE any line is produced. The export then covers the chain up to and including that record
(when the time window reaches it), and the trailer names it as the chain head, so an export
always shows who exported it, and records appended while it streams are left to the next one.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

from vault.domain.audit import (
    AuditCheckpoint,
    AuditEvent,
    AuditRecord,
    canonical_json,
    format_time,
)
from vault.domain.audit_export import (
    ExportTrailerInput,
    checkpoint_line,
    csv_column_row,
    csv_row,
    export_header,
    export_trailer_fields,
    record_line,
    trailer_message,
)
from vault.errors import InvalidRequest
from vault.ports import AuditLog, AuditSigner

__all__ = ["FORMATS", "export_audit", "media_type", "parse_moment", "retired_keys", "signed_by"]

FORMATS: Final = ("jsonl", "csv")
_MEDIA_TYPES: Final = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}
# RFC 3339 date-time: a full date, a time, optional fractions and a zone (Z or an offset).
_RFC3339: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})"
)


def parse_moment(name: str, raw: str | None) -> datetime | None:
    """The RFC 3339 time in a `since` or `until` argument (None if absent); InvalidRequest
    naming the argument for anything else, numbers (Unix times) included."""
    if raw is None or raw == "":
        return None
    if _RFC3339.fullmatch(raw):
        try:
            # Python 3.11 reads "Z" but not a lower-case "z" or more than 6 fraction digits.
            text = raw.upper()
            text = re.sub(r"(\.\d{6})\d+", r"\1", text)
            return datetime.fromisoformat(text)
        except ValueError:
            pass  # a month 13, a day 32: answered below like any other bad time
    raise InvalidRequest(
        f"{name} must be an RFC 3339 time with a zone, such as 2026-01-02T03:04:05Z",
        param=name,
    )


def media_type(fmt: str) -> str:
    """The HTTP content type of an export in `fmt`."""
    return _MEDIA_TYPES[fmt]


def export_audit(
    log: AuditLog,
    signer: AuditSigner,
    *,
    tenant: str,
    since: datetime | None = None,
    until: datetime | None = None,
    fmt: str = "jsonl",
    actor: str = "system",
    source: str | None = None,
    request_id: str | None = None,
) -> Iterator[str]:
    """Lines (each ending in a newline) of `tenant`'s records with `since <= at < until`
    (`since == until` is an empty range: an export of no records that still verifies).

    Checks the arguments and writes the "audit.export" record eagerly, so a bad request
    (InvalidRequest) or an unreachable log (ServiceUnavailable) fails before the first line.
    """
    if fmt not in FORMATS:
        raise InvalidRequest("format must be 'jsonl' or 'csv'", param="format")
    for name, moment in (("since", since), ("until", until)):
        if moment is not None and moment.utcoffset() is None:
            raise InvalidRequest(f"{name} must carry a time zone", param=name)
    if since is not None and until is not None and since > until:
        raise InvalidRequest("since must not be later than until", param="since")
    details: dict[str, Any] = {"format": fmt}
    if since is not None:
        details["since"] = format_time(since)
    if until is not None:
        details["until"] = format_time(until)
    exported = log.append(
        AuditEvent(
            tenant=tenant,
            actor=actor,
            action="audit.export",
            source=source,
            request_id=request_id,
            details=details,
        )
    )
    log.checkpoint(tenant)
    objects = _objects(log, signer, exported, since=since, until=until)
    return _render(objects, fmt)


def _render(objects: Iterator[dict[str, Any]], fmt: str) -> Iterator[str]:
    if fmt == "jsonl":
        for obj in objects:
            yield canonical_json(obj).decode("utf-8") + "\n"
        return
    yield csv_column_row() + "\n"
    for obj in objects:
        yield csv_row(obj) + "\n"


def _objects(
    log: AuditLog,
    signer: AuditSigner,
    exported: AuditRecord,
    *,
    since: datetime | None,
    until: datetime | None,
) -> Iterator[dict[str, Any]]:
    signer = signer.current()  # the header's key signs the trailer, though it be rotated meanwhile
    tenant = exported.event.tenant
    records = log.records(tenant, since=since, until=until, upto_seq=exported.seq)
    first = next(records, None)
    header = export_header(
        tenant=tenant,
        since=since,
        until=until,
        first=first,
        public_key=signer.public_key_bytes,
        exported_at=exported.at,
        retired_keys=retired_keys(signer),
    )
    yield header
    last, count, signed = None, 0, 0
    if first is not None:
        checkpoints = log.checkpoints(tenant, from_seq=first.seq, to_seq=exported.seq)
        pending = next(checkpoints, None)
        for record in _chained(first, records):
            yield record_line(record)
            last, count = record, count + 1
            while pending is not None and pending.seq < record.seq:
                pending = next(checkpoints, None)
            if pending is not None and pending.seq == record.seq:
                yield checkpoint_line(
                    pending.seq,
                    pending.head_hash,
                    pending.signature,
                    key_id=signed_by(pending, signer),
                )
                signed += 1
                pending = next(checkpoints, None)
    seen = ExportTrailerInput(
        last=last,
        count=count,
        checkpoints=signed,
        chain_head_seq=exported.seq,
        chain_head_hash=exported.hash,
    )
    trailer = export_trailer_fields(header, seen)
    signature = signer.sign(trailer_message(trailer))
    yield {**trailer, "signature": base64.b64encode(signature).decode("ascii")}


def retired_keys(signer: AuditSigner) -> dict[str, bytes]:
    """The signer's earlier keys by id (none for a signer that was never rotated)."""
    # A signer that knows no rotation (a test double, say) has no `retired_keys` at all.
    return dict(getattr(signer, "retired_keys", None) or {})


def signed_by(checkpoint: AuditCheckpoint, signer: AuditSigner) -> str | None:
    """The key id to name on a checkpoint's line: only one other than the signer's own."""
    if checkpoint.key_id is None or checkpoint.key_id == signer.key_id:
        return None
    return checkpoint.key_id


def _chained(first: AuditRecord, rest: Iterator[AuditRecord]) -> Iterator[AuditRecord]:
    yield first
    yield from rest
