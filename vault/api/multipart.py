"""Streaming multipart/form-data: text fields first, then one file whose bytes are never spooled.

Starlette's own parser spools uploads to a temporary file, which would write the original,
un-anonymized upload to disk. This one hands the file's bytes on as they arrive instead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header

from vault.errors import InvalidRequest, UnsupportedMediaType

__all__ = ["Upload", "read_upload"]

_MAX_FIELD_BYTES = 64 * 1024
_MAX_FIELDS = 16


@dataclass
class Upload:
    """The form's text fields and, if sent, the file as a lazy stream of bytes."""

    fields: dict[str, str] = field(default_factory=dict)
    filename: str | None = None
    content_type: str | None = None
    chunks: Iterator[bytes] = field(default_factory=lambda: iter(()))


def _events(body: Iterable[bytes], boundary: bytes) -> Iterator[tuple[str, object]]:
    queue: deque[tuple[str, object]] = deque()
    header: dict[str, bytes] = {}
    name_parts: list[bytes] = []
    value_parts: list[bytes] = []

    def on_header_field(data: bytes, start: int, end: int) -> None:
        name_parts.append(data[start:end])

    def on_header_value(data: bytes, start: int, end: int) -> None:
        value_parts.append(data[start:end])

    def on_header_end() -> None:
        header[b"".join(name_parts).lower().decode("latin-1")] = b"".join(value_parts)
        name_parts.clear()
        value_parts.clear()

    def on_headers_finished() -> None:
        queue.append(("part", dict(header)))
        header.clear()

    def on_part_data(data: bytes, start: int, end: int) -> None:
        queue.append(("data", bytes(data[start:end])))

    def on_part_end() -> None:
        queue.append(("end", None))

    parser = MultipartParser(
        boundary,
        {
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    for chunk in body:
        try:
            parser.write(chunk)
        except Exception as exc:  # the parser's errors carry no request content
            raise InvalidRequest(f"malformed multipart body: {type(exc).__name__}") from None
        while queue:
            yield queue.popleft()
    try:
        parser.finalize()
    except Exception as exc:  # the parser's errors carry no request content
        raise InvalidRequest(f"malformed multipart body: {type(exc).__name__}") from None
    while queue:
        yield queue.popleft()


def read_upload(
    body: Iterable[bytes], content_type: str | None, *, file_field: str = "file"
) -> Upload:
    """Parse fields up to the file part; the file's bytes then stream from `Upload.chunks`.

    Text fields must come before the file (curl -F and the common clients send them in the
    order given); anything after the file is ignored.
    """
    events = _events(body, _boundary(content_type, "a multipart/form-data body with a 'file' part"))
    upload = Upload()
    for part in _parts(events):
        if part.name == file_field:
            upload.filename = part.filename or None
            upload.content_type = part.content_type
            upload.chunks = _part_data(events)
            return upload
        if len(upload.fields) >= _MAX_FIELDS:
            raise InvalidRequest(f"the form has more than {_MAX_FIELDS} fields before the file")
        upload.fields[part.name] = _field_value(events, part.name)
    raise InvalidRequest(f"the form has no '{file_field}' part", param=file_field)


@dataclass(frozen=True)
class _Part:
    name: str
    filename: str | None
    content_type: str | None


def _boundary(content_type: str | None, expected: str) -> bytes:
    kind, options = parse_options_header(content_type or "")
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise UnsupportedMediaType(f"expected {expected}")
    return options[b"boundary"]


def _parts(events: Iterator[tuple[str, object]]) -> Iterator[_Part]:
    """Each part's headers as it begins; its data is read from `events` by the caller."""
    for kind, payload in events:
        if kind != "part":
            continue
        assert isinstance(payload, dict)
        _, disposition = parse_options_header(payload.get("content-disposition", b""))
        filename = disposition.get(b"filename")
        declared = payload.get("content-type")
        yield _Part(
            name=disposition.get(b"name", b"").decode("utf-8", "replace"),
            filename=filename.decode("utf-8", "replace") if filename is not None else None,
            content_type=declared.decode("latin-1") if declared else None,
        )


def _part_data(events: Iterator[tuple[str, object]]) -> Iterator[bytes]:
    for kind, payload in events:
        if kind == "data":
            assert isinstance(payload, bytes)
            yield payload
        elif kind == "end":
            return
    raise InvalidRequest("the upload ended before the file part was complete", param="file")


def _field_value(events: Iterator[tuple[str, object]], name: str) -> str:
    parts: list[bytes] = []
    size = 0
    for kind, payload in events:
        if kind == "end":
            break
        if kind == "data":
            assert isinstance(payload, bytes)
            size += len(payload)
            if size > _MAX_FIELD_BYTES:
                raise InvalidRequest(f"form field {name!r} is too long", param=name)
            parts.append(payload)
    try:
        return b"".join(parts).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRequest(f"form field {name!r} is not valid UTF-8", param=name) from None


@dataclass
class FormFile:
    filename: str
    content_type: str | None
    data: bytes


def read_form(
    body: bytes, content_type: str | None
) -> tuple[dict[str, list[str]], dict[str, FormFile]]:
    """A small multipart form parsed whole in memory, in any field order (audio uploads)."""
    fields: dict[str, list[str]] = {}
    files: dict[str, FormFile] = {}
    events = _events([body], _boundary(content_type, "a multipart/form-data body"))
    for part in _parts(events):
        if part.filename is not None:
            files[part.name] = FormFile(
                filename=part.filename,
                content_type=part.content_type,
                data=b"".join(_part_data(events)),
            )
        else:
            fields.setdefault(part.name, []).append(_field_value(events, part.name))
    return fields, files
