"""Verify an audit export file (JSONL or CSV) against its own hashes and an Ed25519 key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from vault.domain.audit_export import VerifyResult, csv_column_row, verify_export
from vault.errors import InvalidRequest

__all__ = ["VerifyResult", "verify_file"]

# Stands in for a line that is not UTF-8: it parses as neither JSON nor an export row.
_UNDECODABLE = "\x00"


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
    Raises InvalidRequest if the file cannot be read; `VerifyResult.message()` says the rest.
    """
    try:
        with open(path, "rb") as handle:
            first = handle.readline()
            handle.seek(0)
            fmt = (
                "csv"
                if first.decode("utf-8", "replace").rstrip("\r\n") == csv_column_row()
                else "jsonl"
            )
            return verify_export(_lines(handle), public_key=public_key, fmt=fmt)
    except OSError as exc:
        raise InvalidRequest(
            f"cannot read the export file ({exc.strerror})", param="file"
        ) from None
