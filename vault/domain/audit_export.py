"""The audit export format (JSONL and CSV) and its verifier, which trusts only the file and a key.

JSONL layout, one JSON object per line:

    {"type": "header", "format": "vault-audit/1", "tenant", "since", "until", "first_seq",
     "first_prev_hash", "public_key" (base64 Ed25519), "key_id", "exported_at"}
    {"type": "record", <record body>, "prev_hash", "hash"}          one per record, seq ascending
    {"type": "checkpoint", "seq", "head_hash", "signature"[, "key_id"]}  after the record it signs
    {"type": "trailer", <the header's fields>, "head_seq", "head_hash", "count", "checkpoints",
     "chain_head_seq", "chain_head_hash", "signature"}

Partial exports (`since`/`until`) stay verifiable: the records form one contiguous seq range,
the header states the first record's seq and its `prev_hash`, and the trailer signature, made at
export time, covers (tenant, since, until, first_seq, first_prev_hash, head_seq, head_hash, count,
checkpoints, chain head, key id, export time, retired keys). The link before `first_seq` is
vouched for by that signature; every link inside the range is checked by recomputing hashes.
Checkpoint lines carry the signatures stored every N appends, over (tenant, seq, head_hash); they
show that the records up to them were not rewritten after they were signed.

After a signing-key rotation, a checkpoint signed by another key than the exporter's names it
(`key_id`), and the header lists the deployment's other keys as `retired_keys` ({key id: base64
public key}: the keys rotated out, or a newer one a process still on its old key sees); the
trailer repeats that list under the exporter's signature, so pinning that key vouches for them.
A checkpoint without `key_id`, as in every export made before rotation, is checked under the
header's key.

CSV layout: a first row naming the columns `CSV_COLUMNS`; then one row per JSONL line. Record
rows fill the record columns (`details` as canonical JSON, None as an empty cell); header,
checkpoint and trailer rows put their JSON object, without `type`, in the `meta` column. A cell
starting with one of = + - @ ' (formula characters in spreadsheets) gets one leading `'`, which the
parser removes. CSV rows are parsed into the JSONL objects and checked by the same verifier.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from vault.domain.audit import (
    AuditRecord,
    canonical_json,
    checkpoint_message,
    format_time,
    parse_time,
    record_hash,
)

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "ExportTrailerInput",
    "VerifyResult",
    "checkpoint_line",
    "csv_column_row",
    "csv_row",
    "export_header",
    "export_trailer_fields",
    "key_id_for",
    "parse_csv_export",
    "parse_jsonl_export",
    "record_line",
    "trailer_message",
    "verify_export",
    "verify_items",
]

FORMAT: Final = "vault-audit/1"
_TRAILER_TAG: Final = b"vault-audit/1 export\n"
_RECORD_KEYS: Final = frozenset(
    {
        "type", "tenant", "seq", "at", "actor", "action", "object", "purpose", "outcome",
        "source", "request_id", "details", "prev_hash", "hash",
    }
)  # fmt: skip
_HEADER_KEYS: Final = frozenset(
    {
        "type", "format", "tenant", "since", "until", "first_seq", "first_prev_hash",
        "public_key", "key_id", "exported_at",
    }
)  # fmt: skip
# Header fields the trailer repeats under its signature.
_BOUND_KEYS: Final = (
    "tenant",
    "since",
    "until",
    "first_seq",
    "first_prev_hash",
    "key_id",
    "exported_at",
)
_TRAILER_KEYS: Final = frozenset(
    {
        "type", *_BOUND_KEYS, "head_seq", "head_hash", "count", "checkpoints",
        "chain_head_seq", "chain_head_hash", "signature",
    }
)  # fmt: skip
_CHECKPOINT_KEYS: Final = frozenset({"type", "seq", "head_hash", "signature"})
_RETIRED: Final = "retired_keys"  # optional in a header (and then in its trailer)
CSV_COLUMNS: Final = (
    "type", "seq", "at", "tenant", "actor", "action", "object", "purpose", "outcome",
    "source", "request_id", "details", "prev_hash", "hash", "meta",
)  # fmt: skip
_HASH = re.compile(r"[0-9a-f]{64}")
_DIGITS = re.compile(r"0|[1-9][0-9]{0,18}")
_FORMULA_START: Final = ("=", "+", "-", "@", "'")


def key_id_for(public_key: bytes) -> str:
    """A short fingerprint of an Ed25519 public key, shown to humans and pinned in exports."""
    return "ed25519:" + hashlib.sha256(public_key).hexdigest()[:16]


def export_header(
    *,
    tenant: str,
    since: datetime | None,
    until: datetime | None,
    first: AuditRecord | None,
    public_key: bytes,
    exported_at: datetime,
    retired_keys: Mapping[str, bytes] | None = None,
) -> dict[str, Any]:
    """The first line of an export; `first` is the first exported record (None when empty).
    `retired_keys` (key id → public key) are the earlier signing keys, listed when there are any."""
    header: dict[str, Any] = {
        "type": "header",
        "format": FORMAT,
        "tenant": tenant,
        "since": None if since is None else format_time(since),
        "until": None if until is None else format_time(until),
        "first_seq": None if first is None else first.seq,
        "first_prev_hash": None if first is None else first.prev_hash,
        "public_key": base64.b64encode(public_key).decode("ascii"),
        "key_id": key_id_for(public_key),
        "exported_at": format_time(exported_at),
    }
    if retired_keys:
        header[_RETIRED] = {
            key_id: base64.b64encode(public).decode("ascii")
            for key_id, public in sorted(retired_keys.items())
        }
    return header


def record_line(record: AuditRecord) -> dict[str, Any]:
    return {"type": "record", **record.as_dict()}


def checkpoint_line(
    seq: int, head_hash: str, signature: bytes, *, key_id: str | None = None
) -> dict[str, Any]:
    """A checkpoint line; `key_id` only for one signed by a retired key."""
    line: dict[str, Any] = {
        "type": "checkpoint",
        "seq": seq,
        "head_hash": head_hash,
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    if key_id is not None:
        line["key_id"] = key_id
    return line


@dataclass(frozen=True, slots=True)
class ExportTrailerInput:
    """What the exporter saw while streaming: the last record, counts and the chain head."""

    last: AuditRecord | None
    count: int
    checkpoints: int
    chain_head_seq: int | None
    chain_head_hash: str | None


def export_trailer_fields(header: Mapping[str, Any], seen: ExportTrailerInput) -> dict[str, Any]:
    """The trailer without its signature; sign `trailer_message(fields)` and add `signature`."""
    return {
        "type": "trailer",
        **{key: header[key] for key in _BOUND_KEYS},
        **({_RETIRED: header[_RETIRED]} if _RETIRED in header else {}),
        "head_seq": None if seen.last is None else seen.last.seq,
        "head_hash": None if seen.last is None else seen.last.hash,
        "count": seen.count,
        "checkpoints": seen.checkpoints,
        "chain_head_seq": seen.chain_head_seq,
        "chain_head_hash": seen.chain_head_hash,
    }


def trailer_message(trailer: Mapping[str, Any]) -> bytes:
    """The bytes the trailer signature covers: every trailer field but `type` and `signature`."""
    signed = {k: v for k, v in trailer.items() if k not in ("type", "signature")}
    return _TRAILER_TAG + canonical_json(signed)


# ---------------------------------------------------------------- CSV


def _escape_cell(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unescape_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue().removesuffix("\n")


def csv_column_row() -> str:
    return _csv_line(list(CSV_COLUMNS))


def csv_row(line: Mapping[str, Any]) -> str:
    """One export object as one CSV row (no line terminator)."""
    if line["type"] == "record":
        cells = []
        for column in CSV_COLUMNS:
            value = line.get(column)
            if column == "details":
                cells.append(canonical_json(value).decode("utf-8"))
            elif value is None:
                cells.append("")
            else:
                cells.append(_escape_cell(str(value)))
        return _csv_line(cells)
    meta = {k: v for k, v in line.items() if k != "type"}
    cells = [line["type"]] + [""] * (len(CSV_COLUMNS) - 2) + [canonical_json(meta).decode("utf-8")]
    return _csv_line(cells)


class _Unparsable:
    """A line that is not one export object; `why` says what is wrong, without its content."""

    __slots__ = ("why",)

    def __init__(self, why: str) -> None:
        self.why = why


def _csv_object(row: list[str]) -> dict[str, Any] | _Unparsable:
    if len(row) != len(CSV_COLUMNS):
        return _Unparsable(f"has {len(row)} cells, expected {len(CSV_COLUMNS)}")
    cells = dict(zip(CSV_COLUMNS, row, strict=True))
    kind = cells["type"]
    if kind != "record":
        if any(cells[c] for c in CSV_COLUMNS[1:-1]):
            return _Unparsable(f"a {kind!r} row fills record columns")
        try:
            meta = json.loads(cells["meta"])
        except ValueError:
            return _Unparsable("its meta cell is not JSON")
        if not isinstance(meta, dict) or "type" in meta:
            return _Unparsable("its meta cell is not an export object")
        return {"type": kind, **meta}
    if cells["meta"]:
        return _Unparsable("a record row fills the meta column")
    obj: dict[str, Any] = {"type": "record"}
    for column in CSV_COLUMNS[1:-1]:
        cell = cells[column]
        if column == "seq":
            if not _DIGITS.fullmatch(cell):
                return _Unparsable("its seq is not a number")
            obj[column] = int(cell)
        elif column == "details":
            try:
                obj[column] = json.loads(cell)
            except ValueError:
                return _Unparsable("its details cell is not JSON")
        else:
            obj[column] = _unescape_cell(cell) if cell else None
    return obj


def _strip_eol(line: str) -> str:
    return line.removesuffix("\n").removesuffix("\r")


def _csv_parse_line(text: str) -> dict[str, Any] | _Unparsable:
    try:
        rows = list(csv.reader([text], strict=True))
    except csv.Error:
        return _Unparsable("is not valid CSV")
    if len(rows) != 1:
        return _Unparsable("is not one CSV row")
    obj = _csv_object(rows[0])
    if isinstance(obj, _Unparsable):
        return obj
    try:
        canonical = csv_row(obj)
    except (TypeError, ValueError, KeyError):
        return _Unparsable("cannot be serialized canonically")
    # Only the exporter's exact rendering is accepted, so no byte of a row can change unseen.
    return obj if canonical == text else _Unparsable("is not in the exporter's canonical form")


def parse_csv_export(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    """(line number, export object or an unparsable marker) for each row after the column row.

    Export rows never span lines: audit fields hold no control characters.
    """
    numbered = enumerate(lines, start=1)
    first = next(numbered, None)
    if first is None or _strip_eol(first[1]) != csv_column_row():
        yield 1, _Unparsable("does not name the export columns")
        return
    for number, line in numbered:
        yield number, _csv_parse_line(_strip_eol(line))


def parse_jsonl_export(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    """(line number, export object or an unparsable marker) for each line.

    Each line must be the canonical JSON of its object, so no byte of it can change unseen
    (duplicate keys, spacing and escapes included).
    """
    for number, line in enumerate(lines, start=1):
        text = _strip_eol(line)
        try:
            obj = json.loads(text)
            canonical = canonical_json(obj).decode("utf-8")
        except (ValueError, RecursionError):
            yield number, _Unparsable("is not JSON")
            continue
        if canonical != text:
            yield number, _Unparsable("is not in the exporter's canonical form")
        else:
            yield number, obj


# ---------------------------------------------------------------- verification


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """The verdict on an export: `first_bad` is the 1-based line (CSV: row) of the first problem.

    `records` counts the records checked good before it; `bad_seq` is the seq that line claimed,
    when it claimed one. `key_pinned` says whether the signing key was given by the verifier
    rather than read from the file.
    """

    ok: bool
    records: int
    first_bad: int | None
    reason: str
    bad_seq: int | None = None
    tenant: str | None = None
    head_seq: int | None = None
    head_hash: str | None = None
    key_id: str | None = None
    key_pinned: bool = False

    def message(self) -> str:
        """One human sentence: what was verified, or which line is bad and why."""
        if self.ok:
            pin = (
                "the pinned public key"
                if self.key_pinned
                else f"the key in the file ({self.key_id}); pin it to rule out a re-signed forgery"
            )
            head = "empty range" if self.head_seq is None else f"head seq {self.head_seq}"
            return (
                f"OK: {self.records} record{'' if self.records == 1 else 's'} of tenant "
                f"{self.tenant!r}, {head}, "
                f"every link intact, signatures valid under {pin}"
            )
        where = f"line {self.first_bad}"
        if self.bad_seq is not None:
            where += f" (seq {self.bad_seq})"
        return f"TAMPERED: {where}: {self.reason}; {self.records} records verified before it"


class _Bad(Exception):
    def __init__(self, reason: str, seq: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.seq = seq


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _opt_time(value: object, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_time(value)  # type: ignore[arg-type]
    except ValueError:
        raise _Bad(f"{name} is not an RFC 3339 UTC time") from None


def _base64(value: object, name: str) -> bytes:
    """Strict base64: only the exporter's own encoding, so no character can change unseen."""
    try:
        raw = base64.b64decode(value, validate=True)  # type: ignore[arg-type]
    except (binascii.Error, ValueError, TypeError):
        raise _Bad(f"{name} is not base64") from None
    if not isinstance(value, str) or base64.b64encode(raw).decode("ascii") != value:
        raise _Bad(f"{name} is not canonical base64")
    return raw


def _signature(value: object) -> bytes:
    return _base64(value, "the signature")


class _Verifier:
    """Consumes export objects in order; raises _Bad at the first one that does not hold."""

    def __init__(self, pinned: bytes | None) -> None:
        self.pinned = pinned
        self.key: Ed25519PublicKey | None = None
        self.retired: dict[str, Ed25519PublicKey] = {}
        self.header: dict[str, Any] | None = None
        self.trailer_seen = False
        self.expected_seq: int | None = None
        self.prev_hash: str | None = None
        self.last_at: datetime | None = None
        self.last: tuple[int, str] | None = None
        self.last_checkpoint = 0
        self.count = 0
        self.checkpoints = 0
        self.since: datetime | None = None
        self.until: datetime | None = None

    def take(self, obj: Any) -> None:
        if isinstance(obj, _Unparsable):
            raise _Bad(f"the line {obj.why}")
        if not isinstance(obj, dict):
            raise _Bad("the line is not an export object")
        if self.trailer_seen:
            raise _Bad("a line follows the trailer")
        kind = obj.get("type")
        if self.header is None:
            if kind != "header":
                raise _Bad("the export does not start with a header")
            self._header(obj)
        elif kind == "record":
            self._record(obj)
        elif kind == "checkpoint":
            self._checkpoint(obj)
        elif kind == "trailer":
            self._trailer(obj)
        else:
            raise _Bad("the line is not a header, record, checkpoint or trailer")

    def _header(self, obj: dict[str, Any]) -> None:
        if set(obj) - {_RETIRED} != _HEADER_KEYS or obj["format"] != FORMAT:
            raise _Bad(f"the header is not a {FORMAT} header")
        if not isinstance(obj["tenant"], str) or not obj["tenant"]:
            raise _Bad("the header names no tenant")
        self.since = _opt_time(obj["since"], "since")
        self.until = _opt_time(obj["until"], "until")
        _opt_time(obj["exported_at"], "exported_at")
        first_seq, first_prev = obj["first_seq"], obj["first_prev_hash"]
        if first_seq is None and first_prev is None:
            pass
        elif not (_is_int(first_seq) and first_seq >= 1):
            raise _Bad("first_seq is not a positive integer")
        elif not (isinstance(first_prev, str) and _HASH.fullmatch(first_prev)):
            raise _Bad("first_prev_hash is not a SHA-256 hex digest")
        public = _base64(obj["public_key"], "the header's public key")
        try:
            key = Ed25519PublicKey.from_public_bytes(public)
        except ValueError:
            raise _Bad("the header's public key is not an Ed25519 key") from None
        if obj["key_id"] != key_id_for(public):
            raise _Bad("the header's key_id does not match its public key")
        if self.pinned is not None and public != self.pinned:
            raise _Bad("the export is signed by another key than the one given")
        self.retired = _retired_keys(obj.get(_RETIRED, {}))
        self.key = key
        self.header = obj
        self.expected_seq, self.prev_hash = first_seq, first_prev

    def _record(self, obj: dict[str, Any]) -> None:
        seq = obj.get("seq")
        claimed = seq if _is_int(seq) else None
        if set(obj) != _RECORD_KEYS:
            raise _Bad("the record's fields are not the audit record fields", claimed)
        prev_hash = self.prev_hash
        if self.expected_seq is None or prev_hash is None:
            raise _Bad("the header announces an empty export", claimed)
        if claimed != self.expected_seq:
            raise _Bad(f"seq breaks the sequence: expected {self.expected_seq}", claimed)
        assert self.header is not None
        if obj["tenant"] != self.header["tenant"]:
            raise _Bad("the record belongs to another tenant", claimed)
        if obj["prev_hash"] != self.prev_hash:
            raise _Bad("prev_hash does not link to the previous record", claimed)
        body = {k: v for k, v in obj.items() if k not in ("type", "prev_hash", "hash")}
        try:
            digest = record_hash(prev_hash, body)
        except (TypeError, ValueError):
            raise _Bad("the record cannot be serialized canonically", claimed) from None
        if obj["hash"] != digest:
            raise _Bad("the record's hash does not match its content", claimed)
        at = _opt_time(obj["at"], "at")
        if at is None:
            raise _Bad("the record has no time", claimed)
        if self.last_at is not None and at < self.last_at:
            raise _Bad("the record's time goes backwards", claimed)
        if (self.since is not None and at < self.since) or (
            self.until is not None and at >= self.until
        ):
            raise _Bad("the record's time is outside the exported range", claimed)
        self.last_at = at
        self.last = (claimed, digest)
        self.prev_hash = digest
        self.expected_seq = claimed + 1
        self.count += 1

    def _checkpoint(self, obj: dict[str, Any]) -> None:
        seq = obj.get("seq")
        claimed = seq if _is_int(seq) else None
        if set(obj) - {"key_id"} != _CHECKPOINT_KEYS:
            raise _Bad("the checkpoint's fields are not checkpoint fields", claimed)
        if self.last is None or claimed != self.last[0] or claimed <= self.last_checkpoint:
            raise _Bad("the checkpoint does not follow the record it signs", claimed)
        if obj["head_hash"] != self.last[1]:
            raise _Bad("the checkpoint signs another chain head than this record", claimed)
        assert self.key is not None
        assert self.header is not None
        key = self.key
        if "key_id" in obj and obj["key_id"] != self.header["key_id"]:
            retired = self.retired.get(obj["key_id"]) if isinstance(obj["key_id"], str) else None
            if retired is None:
                raise _Bad("the checkpoint names a key the header does not list", claimed)
            key = retired
        message = checkpoint_message(self.header["tenant"], claimed, self.last[1])
        try:
            key.verify(_signature(obj["signature"]), message)
        except InvalidSignature:
            raise _Bad("the checkpoint signature is invalid", claimed) from None
        self.last_checkpoint = claimed
        self.checkpoints += 1

    def _trailer(self, obj: dict[str, Any]) -> None:
        claimed = obj.get("head_seq") if _is_int(obj.get("head_seq")) else None
        assert self.header is not None
        expected = _TRAILER_KEYS | ({_RETIRED} if _RETIRED in self.header else set())
        if set(obj) != expected:
            raise _Bad("the trailer's fields are not trailer fields", claimed)
        assert self.key is not None
        for key in (*_BOUND_KEYS, *([_RETIRED] if _RETIRED in self.header else [])):
            if obj[key] != self.header[key]:
                raise _Bad(f"the trailer's {key} differs from the header's", claimed)
        if obj["count"] != self.count or not _is_int(obj["count"]):
            raise _Bad(f"the trailer's record count differs from the file's {self.count}", claimed)
        if obj["checkpoints"] != self.checkpoints or not _is_int(obj["checkpoints"]):
            raise _Bad("the trailer's checkpoint count differs from the file's", claimed)
        head = (None, None) if self.last is None else self.last
        if (obj["head_seq"], obj["head_hash"]) != head:
            raise _Bad("the trailer's head is not the last record", claimed)
        try:
            self.key.verify(_signature(obj["signature"]), trailer_message(obj))
        except (InvalidSignature, TypeError, ValueError):
            raise _Bad("the trailer signature is invalid", claimed) from None
        self.trailer_seen = True


def _retired_keys(listed: object) -> dict[str, Ed25519PublicKey]:
    """The header's retired keys by id, each checked to be the key its id names."""
    if not isinstance(listed, dict):
        raise _Bad("the header's retired_keys is not a map of key ids to keys")
    keys = {}
    for key_id, encoded in listed.items():
        public = _base64(encoded, "a retired public key")
        if key_id != key_id_for(public):
            raise _Bad("a retired key's id does not match its public key")
        try:
            keys[key_id] = Ed25519PublicKey.from_public_bytes(public)
        except ValueError:
            raise _Bad("a retired key is not an Ed25519 key") from None
    return keys


def verify_items(
    items: Iterable[tuple[int, Any]], *, public_key: bytes | None = None
) -> VerifyResult:
    """Check parsed export objects: every hash, link, seq step, signature and the trailer's head.

    `public_key` pins the signing key; without it the key in the header is used, which proves
    integrity since export but not who exported. Never raises for bad content.
    """
    verifier = _Verifier(public_key)
    last_line = 0
    for number, obj in items:
        last_line = number
        try:
            verifier.take(obj)
        except _Bad as bad:
            return _result(verifier, ok=False, first_bad=number, reason=bad.reason, seq=bad.seq)
    if not verifier.trailer_seen:
        reason = (
            "truncated: the header is missing"
            if verifier.header is None
            else ("truncated: the trailer is missing")
        )
        return _result(verifier, ok=False, first_bad=last_line + 1, reason=reason, seq=None)
    return _result(verifier, ok=True, first_bad=None, reason="", seq=None)


def verify_export(
    lines: Iterable[str], *, public_key: bytes | None = None, fmt: str = "jsonl"
) -> VerifyResult:
    """Verify an export given as lines of text (`fmt` "jsonl" or "csv"); see `verify_items`."""
    if fmt == "jsonl":
        return verify_items(parse_jsonl_export(lines), public_key=public_key)
    if fmt == "csv":
        return verify_items(parse_csv_export(lines), public_key=public_key)
    raise ValueError("export format must be 'jsonl' or 'csv'")


def _result(
    verifier: _Verifier, *, ok: bool, first_bad: int | None, reason: str, seq: int | None
) -> VerifyResult:
    header = verifier.header or {}
    last = verifier.last
    return VerifyResult(
        ok=ok,
        records=verifier.count,
        first_bad=first_bad,
        reason=reason,
        bad_seq=seq,
        tenant=header.get("tenant"),
        head_seq=None if last is None else last[0],
        head_hash=None if last is None else last[1],
        key_id=header.get("key_id"),
        key_pinned=verifier.pinned is not None,
    )
