"""Verify an audit export file (JSONL or CSV) against its own hashes and an Ed25519 key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from vault.domain.audit_export import VerifyResult, csv_column_row, verify_export
from vault.errors import InvalidRequest

__all__ = ["VerifyResult", "verify_file"]

# Stands in for a line that is not UTF-8: it parses as neither JSON nor an export row.
_UNDECODABLE = "\x00"
_FIRST_LINE_LIMIT = 1024 * 1024
_EXPORT_TYPES = frozenset({"header", "record", "checkpoint", "trailer"})
_NOT_AN_EXPORT = (
    "not an audit export: line 1 is not a record (an export from `vault audit export` or "
    "GET /v1/audit/export begins with its header object, or in CSV with its column row)"
)


def _looks_like_jsonl_export(first: bytes) -> bool:
    """Whether line 1 is an export object at all; a changed one is then TAMPERED, not foreign."""
    try:
        obj = json.loads(first)
    except ValueError:  # not JSON, or not UTF-8
        return False
    return isinstance(obj, dict) and obj.get("type") in _EXPORT_TYPES


def _lines(handle: BinaryIO) -> Iterator[str]:
    for raw in handle:
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield _UNDECODABLE


def verify_file(path: str | Path, *, public_key: bytes | None = None) -> VerifyResult:
    """Check every record, link, checkpoint and the trailer signature of an export file.

    The format is recognised from the first line (a JSON object, or the CSV column row).
    `public_key` (32 raw Ed25519 bytes) pins the exporter's key; without it the key named in
    the file is used, which proves the file is intact but not who made it. Streams the file.
    Raises InvalidRequest if the file cannot be read or is not an export at all (code
    `not_an_export`); `VerifyResult.message()` says the rest.
    """
    try:
        with open(path, "rb") as handle:
            first = handle.readline(_FIRST_LINE_LIMIT)  # a header is short; a blob is not
            handle.seek(0)
            if first.decode("utf-8", "replace").rstrip("\r\n") == csv_column_row():
                fmt = "csv"
            elif _looks_like_jsonl_export(first):
                fmt = "jsonl"
            else:
                message = "not an audit export: the file is empty" if not first else _NOT_AN_EXPORT
                raise InvalidRequest(message, code="not_an_export", param="file")
            return verify_export(_lines(handle), public_key=public_key, fmt=fmt)
    except OSError as exc:
        raise InvalidRequest(
            f"cannot read the export file ({exc.strerror})", param="file"
        ) from None
