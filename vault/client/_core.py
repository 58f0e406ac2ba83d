"""What the sync and async clients share: every request as a `Call` (method, path, params,
body and how its JSON answer is parsed), error mapping, the multipart body of an upload and
its progress, job polling decisions, line splitting and download targets. The clients only do
the I/O; none happens here beyond opening the caller's file or target."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, AnyStr, Generic, TypeVar
from urllib.parse import quote, urlsplit

import httpx

from vault.client import _models as m
from vault.client._errors import (
    APIConnectionError,
    APITimeoutError,
    DownloadInterruptedError,
    JobCancelledError,
    JobFailedError,
    error_from_answer,
)

__all__ = [
    "CHUNK",
    "Call",
    "FileSource",
    "Multipart",
    "Outgoing",
    "ProgressCallback",
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
ProgressCallback = Callable[[m.Progress], None]
T = TypeVar("T")


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
    lines = Lines()
    for piece in pieces:
        yield from lines.feed(piece)
    yield from lines.rest()


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


def job_error(job: m.Job) -> JobFailedError:
    """The exception for a job that ended without a version."""
    if job.state == "cancelled":
        return JobCancelledError(f"{job.id} was cancelled; nothing was stored", job=job)
    what = f"{job.error_code}: {job.error_message}" if job.error_code else "no reason given"
    return JobFailedError(f"{job.id} failed: {what}", job=job)


def pick_version(versions: list[m.Version], number: int) -> m.Version:
    for version in versions:
        if version.number == number:
            return version
    raise LookupError(f"version {number} is not listed")  # the vault listed what it stored


def stored_upload(answer: dict[str, Any]) -> m.Upload:
    """An upload answered at once (201, or 200 for a replay)."""
    return m.Upload(m.Dataset.from_json(answer), m.Version.from_json(answer["version"]))


def list_data(answer: Any) -> list[dict[str, Any]]:
    data = answer.get("data") if isinstance(answer, dict) else None
    return data if isinstance(data, list) else []


def raise_for_error(answer: httpx.Response) -> None:
    """The error tree's exception for an error answer (whose body has been read)."""
    if answer.is_error:
        raise error_from_answer(answer.status_code, answer.content, answer.headers)


@dataclass(frozen=True, slots=True)
class Call(Generic[T]):
    """One request of a door and how its JSON answer becomes the door's result."""

    method: str
    path: str
    parse: Callable[[Any], T]
    params: dict[str, Any] | None = None
    body: Any = None

    @property
    def options(self) -> dict[str, Any]:
        """The keyword arguments of httpx's `request` / `stream` for this call."""
        options: dict[str, Any] = {}
        if self.params is not None:
            options["params"] = self.params
        if self.body is not None:
            options["json"] = self.body
        return options


def _listed(parse: Callable[[dict[str, Any]], T]) -> Callable[[Any], list[T]]:
    return lambda answer: [parse(item) for item in list_data(answer)]


def _raw(answer: Any) -> Any:
    return answer


def detect(text: str) -> Call[list[m.Span]]:
    return Call(
        "POST",
        "/v1/scan",
        lambda answer: [m.Span.from_json(e) for e in answer["entities"]],
        body={"text": text},
    )


def anonymize(text: str) -> Call[m.Anonymized]:
    return Call("POST", "/v1/anonymize", m.Anonymized.from_json, body={"text": text})


def reidentify(text: str, purpose: str) -> Call[m.Reidentified]:
    body = {"text": text, "purpose": purpose}
    return Call("POST", "/v1/reidentify", m.Reidentified.from_json, body=body)


def list_jobs(limit: int) -> Call[list[m.Job]]:
    return Call("GET", "/v1/jobs", _listed(m.Job.from_json), params={"limit": limit})


def get_job(job_id: str) -> Call[m.Job]:
    return Call("GET", job_path(job_id), m.Job.from_json)


def cancel_job(job_id: str) -> Call[m.Job]:
    return Call("POST", job_path(job_id, "cancel"), m.Job.from_json)


def polled(job: m.Job, progress: ProgressCallback | None) -> bool:
    """Tell `progress` where a polled job stands; whether it has ended."""
    if progress is not None:
        progress(m.Progress("job", job.bytes_done, job.bytes_total, job.rows_done, job=job))
    return job.finished


def job_id(job: m.Job | str) -> str:
    return job if isinstance(job, str) else job.id


def stored_by(job: m.Job) -> tuple[str, int]:
    """The dataset id and version number an ended upload job stored; its JobFailedError
    (JobCancelledError) if it stored nothing."""
    if job.state != "succeeded" or job.dataset_id is None or job.version is None:
        raise job_error(job)
    return job.dataset_id, job.version


def import_dataset(
    source: str,
    *,
    name: str,
    fmt: str | None,
    column_policy: Mapping[str, str] | None,
    delimiter: str | None,
) -> Call[m.Job]:
    """`POST /v1/datasets/import`: the objects under `s3://bucket/prefix` as a new dataset."""
    body: dict[str, Any] = {"source": source, "name": name}
    if fmt is not None:
        body["format"] = fmt
    if column_policy is not None:
        body["column_policy"] = dict(column_policy)
    if delimiter is not None:
        body["delimiter"] = delimiter
    return Call("POST", "/v1/datasets/import", m.Job.from_json, body=body)


def list_datasets() -> Call[list[m.Dataset]]:
    return Call("GET", "/v1/datasets", _listed(m.Dataset.from_json))


def get_dataset(ref: str) -> Call[m.Dataset]:
    return Call("GET", dataset_path(ref), m.Dataset.from_json)


def list_versions(ref: str) -> Call[list[m.Version]]:
    return Call("GET", dataset_path(ref, "versions"), _listed(m.Version.from_json))


def report(ref: str, version: int) -> Call[dict[str, Any]]:
    path = dataset_path(ref, "versions", str(version), "report")
    return Call("GET", path, lambda answer: dict(answer.get("report") or {}))


def content(ref: str, version: int, *, reidentified: bool, purpose: str | None) -> Call[Any]:
    """The streamed content of a version (its answer is read as bytes, not parsed)."""
    params = {"view": "reidentified" if reidentified else "anonymized"}
    if purpose is not None:
        params["purpose"] = purpose
    return Call("GET", dataset_path(ref, "versions", str(version), "content"), _raw, params)


def audit_export(fmt: str, since: datetime | str | None, until: datetime | str | None) -> Call[Any]:
    """The streamed audit export (read as lines, not parsed)."""
    params = {"format": fmt}
    for key, value in (("since", moment(since)), ("until", moment(until))):
        if value is not None:
            params[key] = value
    return Call("GET", "/v1/audit/export", _raw, params)


def find_tokens(value: str) -> Call[list[m.FoundToken]]:
    return Call(
        "POST",
        "/v1/dsr/find",
        lambda answer: [m.FoundToken(t["token"], t["entity_type"]) for t in answer["tokens"]],
        body={"value": value},
    )


def erase(value: str) -> Call[m.Erased]:
    return Call(
        "POST",
        "/v1/dsr/erase",
        lambda answer: m.Erased(answer["erased"], tuple(answer["tokens"])),
        body={"value": value},
    )


def not_pii(value: str) -> Call[None]:
    return Call("POST", "/v1/dsr/not-pii", lambda _: None, body={"value": value})


def create_key(
    roles: list[str], *, label: str | None, expires_in_days: int | None
) -> Call[m.CreatedKey]:
    body: dict[str, Any] = {"roles": list(roles)}
    if label is not None:
        body["label"] = label
    if expires_in_days is not None:
        body["expires_in_days"] = expires_in_days
    return Call(
        "POST",
        "/v1/apikeys",
        lambda answer: m.CreatedKey(m.ApiKey.from_json(answer), answer["key"]),
        body=body,
    )


def list_keys() -> Call[list[m.ApiKey]]:
    return Call("GET", "/v1/apikeys", _listed(m.ApiKey.from_json))


def set_roles(key_id: str, roles: list[str]) -> Call[m.ApiKey]:
    return Call("PATCH", key_path(key_id), m.ApiKey.from_json, body={"roles": list(roles)})


def revoke_key(key_id: str) -> Call[m.ApiKey]:
    return Call("DELETE", key_path(key_id), m.ApiKey.from_json)


class Outgoing:
    """An upload on its way: the caller's file opened, the form around it, the path and
    headers, and the bytes sent told to `progress`. Use it as a context manager (it closes
    a file it opened)."""

    def __init__(
        self,
        file: FileSource,
        *,
        name: str | None,
        dataset: str | None,
        filename: str | None,
        content_type: str | None,
        column_policy: Mapping[str, str] | None,
        delimiter: str | None,
        idempotency_key: str | None,
        progress: ProgressCallback | None,
    ) -> None:
        if (name is None) == (dataset is None):
            raise ValueError("give exactly one of name (a new dataset) or dataset (a version)")
        self.path = "/v1/datasets" if dataset is None else dataset_path(dataset, "versions")
        self.source = open_source(file, filename)
        try:
            body = Multipart(
                upload_fields(name=name, column_policy=column_policy, delimiter=delimiter),
                filename=self.source.filename,
                content_type=content_type,
            )
        except BaseException:
            self.source.close()
            raise
        self.head, self.tail = body.head, body.tail
        self.headers = {"Prefer": "respond-async", **body.headers(self.source.size)}
        if idempotency_key is not None:
            self.headers["Idempotency-Key"] = idempotency_key
        self._progress = progress
        self._sent = 0

    def sent(self, chunk: bytes) -> bytes:
        """`chunk`, counted as sent (and told to `progress`)."""
        self._sent += len(chunk)
        if self._progress is not None:
            self._progress(m.Progress("sending", self._sent, self.source.size))
        return chunk

    def __enter__(self) -> Outgoing:
        return self

    def __exit__(self, *_: object) -> None:
        self.source.close()


def submitted(answer: httpx.Response) -> m.Job | m.Upload:
    """The job the vault accepted an upload as (202), or the upload it stored at once."""
    raise_for_error(answer)
    data = answer.json()
    if answer.status_code == 202:
        return m.Job.from_json(data)
    stored = stored_upload(data)
    return m.Upload(stored.dataset, stored.version, created=answer.status_code == 201)


@contextlib.contextmanager
def cut_off(what: str, *, advice: str = "") -> Iterator[None]:
    """A body that breaks off while it is read, as DownloadInterruptedError."""
    try:
        yield
    except httpx.TransportError as exc:
        raise DownloadInterruptedError(
            f"{what} was cut before its end ({type(exc).__name__}){advice}"
        ) from exc


class Lines:
    """Text pieces cut into lines, each with its `\n`, the last one as it ends."""

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, piece: str) -> list[str]:
        *whole, self._pending = (self._pending + piece).split("\n")
        return [line + "\n" for line in whole]

    def rest(self) -> list[str]:
        rest, self._pending = self._pending, ""
        return [rest] if rest else []


def _sink(
    to: str | Path | IO[AnyStr], open_target: Callable[[Path], IO[AnyStr]]
) -> contextlib.AbstractContextManager[Callable[[AnyStr], int]]:
    @contextlib.contextmanager
    def sink() -> Iterator[Callable[[AnyStr], int]]:
        if not isinstance(to, (str, Path)):
            yield lambda data: to.write(data) or 0
            return
        target = Path(to)
        try:
            with open_target(target) as handle:
                yield handle.write
        except BaseException:
            target.unlink(missing_ok=True)
            raise

    return sink()


def bytes_sink(
    to: str | Path | IO[bytes],
) -> contextlib.AbstractContextManager[Callable[[bytes], int]]:
    """A writer into a path (created on entry, removed if the writing fails) or an open
    binary file; each write gives the bytes written."""
    return _sink(to, lambda target: target.open("wb"))


def text_sink(to: str | Path | IO[str]) -> contextlib.AbstractContextManager[Callable[[str], int]]:
    """As bytes_sink, for text written as UTF-8 with its line endings as they are."""
    return _sink(to, lambda target: target.open("w", encoding="utf-8", newline=""))
