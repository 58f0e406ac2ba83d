"""What the sync and async clients share: the base URL and key, paths, the multipart body
of an upload, and the parsing of answers. No I/O here beyond opening the caller's file."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

import httpx

from vault.client._errors import (
    APIConnectionError,
    APITimeoutError,
    JobCancelledError,
    JobFailedError,
)
from vault.client._models import Dataset, Job, Upload, Version

__all__ = [
    "CHUNK",
    "FileSource",
    "Multipart",
    "auth_headers",
    "check_base_url",
    "dataset_path",
    "job_error",
    "moment",
    "open_source",
    "pick_version",
]

CHUNK = 256 * 1024
FileSource = str | os.PathLike[str] | IO[bytes]
_DATASET_ID_LENGTH = len("ds_") + 32


@contextlib.contextmanager
def transport_errors(base_url: str) -> Iterator[None]:
    """httpx's failures to get an answer, as the client's APIConnectionError (or timeout)."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise APITimeoutError(f"the vault at {base_url} did not answer in time") from exc
    except httpx.TransportError as exc:
        raise APIConnectionError(
            f"cannot reach the vault at {base_url} ({type(exc).__name__})"
        ) from exc


def check_base_url(url: str) -> str:
    """`url` without a trailing slash; ValueError (naming `base_url`, not the URL, which may
    hold a secret) for one that is not http(s)://host[:port][/path]."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("base_url must be an http:// or https:// URL with a host")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("base_url must not carry credentials, a query or a fragment")
    return url.strip().rstrip("/")


def auth_headers(api_key: str) -> dict[str, str]:
    """The bearer header; ValueError for a key that is empty or could not be a header."""
    key = api_key.strip()
    if not key or any(c.isspace() or not c.isprintable() for c in key):
        raise ValueError("api_key must be a non-empty API key without spaces")
    return {"Authorization": f"Bearer {key}"}


def looks_like_dataset_id(ref: str) -> bool:
    return len(ref) == _DATASET_ID_LENGTH and ref.startswith("ds_")


def dataset_path(ref: str, *rest: str) -> str:
    """`/v1/datasets/{ref}/...`, the reference (an id, or a name the vault resolves within the
    key's tenant) escaped as one path segment."""
    return "/".join(["/v1/datasets", quote(ref, safe=""), *rest])


def job_path(job_id: str, *rest: str) -> str:
    return "/".join(["/v1/jobs", quote(job_id, safe=""), *rest])


def key_path(key_id: str) -> str:
    return f"/v1/apikeys/{quote(key_id, safe='')}"


def split_lines(pieces: Iterable[str]) -> Iterator[str]:
    """Text pieces as lines, each with its `\n` (as a file is read), the last one as it ends."""
    pending = ""
    for piece in pieces:
        pending += piece
        *whole, pending = pending.split("\n")
        for line in whole:
            yield line + "\n"
    if pending:
        yield pending


def moment(value: datetime | str | None) -> str | None:
    """An RFC 3339 time for a query; a datetime must carry its zone (ValueError otherwise)."""
    if value is None or isinstance(value, str):
        return value
    if value.utcoffset() is None:
        raise ValueError("since and until need a time zone")
    return value.isoformat()


@dataclass
class Source:
    """The caller's file, opened for streaming: its name for the vault, its size if known."""

    handle: IO[bytes]
    filename: str
    size: int | None
    owned: bool

    def close(self) -> None:
        if self.owned:
            self.handle.close()

    def chunks(self) -> Iterator[bytes]:
        while chunk := self.handle.read(CHUNK):
            yield chunk


def open_source(file: FileSource, filename: str | None) -> Source:
    """Open a path (closed again by `Source.close`) or take an open binary file as it is."""
    if isinstance(file, (str, os.PathLike)):
        path = Path(file)
        handle: IO[bytes] = path.open("rb")
        return Source(handle, filename or path.name, os.fstat(handle.fileno()).st_size, True)
    size: int | None = None
    try:
        size = os.fstat(file.fileno()).st_size - file.tell()
        if size < 0:
            size = None
    except (OSError, AttributeError, ValueError):
        size = None
    name = filename or Path(str(getattr(file, "name", "") or "upload")).name
    return Source(file, name, size, False)


def _quoted(value: str) -> str:
    """A form-data parameter value: quotes and backslashes escaped, line breaks refused."""
    if "\r" in value or "\n" in value:
        raise ValueError("a file name must not contain line breaks")
    return value.replace("\\", "\\\\").replace('"', '\\"')


class Multipart:
    """A multipart/form-data body: the text fields first (the vault reads `name` before the
    file), then the file, streamed; its length is known when the file's size is."""

    def __init__(
        self, fields: Mapping[str, str], *, filename: str, content_type: str | None
    ) -> None:
        self.boundary = f"vault-{secrets.token_hex(16)}"
        head = b""
        for key, value in fields.items():
            head += (
                (
                    f'--{self.boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
                ).encode()
                + value.encode("utf-8")
                + b"\r\n"
            )
        disposition = f'form-data; name="file"; filename="{_quoted(filename)}"'
        kind = f"Content-Type: {content_type}\r\n" if content_type else ""
        head += f"--{self.boundary}\r\nContent-Disposition: {disposition}\r\n{kind}\r\n".encode()
        self.head = head
        self.tail = f"\r\n--{self.boundary}--\r\n".encode()

    def headers(self, size: int | None) -> dict[str, str]:
        headers = {"Content-Type": f"multipart/form-data; boundary={self.boundary}"}
        if size is not None:
            headers["Content-Length"] = str(len(self.head) + size + len(self.tail))
        return headers


def upload_fields(
    *,
    name: str | None,
    column_policy: Mapping[str, str] | None,
    delimiter: str | None,
) -> dict[str, str]:
    import json

    fields: dict[str, str] = {}
    if name is not None:
        fields["name"] = name
    if column_policy is not None:
        fields["column_policy"] = json.dumps(dict(column_policy))
    if delimiter is not None:
        fields["delimiter"] = delimiter
    return fields


def job_error(job: Job) -> JobFailedError:
    """The exception for a job that ended without a version."""
    if job.state == "cancelled":
        return JobCancelledError(f"{job.id} was cancelled; nothing was stored", job=job)
    what = f"{job.error_code}: {job.error_message}" if job.error_code else "no reason given"
    return JobFailedError(f"{job.id} failed: {what}", job=job)


def pick_version(versions: list[dict[str, Any]], number: int) -> Version:
    for data in versions:
        if data.get("version") == number:
            return Version.from_json(data)
    raise LookupError(f"version {number} is not listed")  # the vault listed what it stored


def stored_upload(answer: dict[str, Any]) -> Upload:
    """An upload answered at once (201, or 200 for a replay)."""
    return Upload(Dataset.from_json(answer), Version.from_json(answer["version"]))


def list_data(answer: Any) -> list[dict[str, Any]]:
    data = answer.get("data") if isinstance(answer, dict) else None
    return data if isinstance(data, list) else []
