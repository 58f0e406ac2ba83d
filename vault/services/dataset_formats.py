"""Stream a dataset through anonymization or re-identification, format by format.

Every transform takes and yields bytes in bounded pieces, so a file larger than memory flows
through. Errors name the line (or row) and what was wrong, never the content.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from vault.errors import InvalidRequest, UnsupportedMediaType

__all__ = [
    "FORMATS",
    "Report",
    "anonymize_stream",
    "decode_lines",
    "detect_format",
    "reidentify_stream",
]

FORMATS = ("csv", "jsonl", "text")
_BLOCK = 64 * 1024
_SAMPLE_ROWS = 200
_PLAIN_CELL = re.compile(r"-?[\d.,]{0,12}|true|false|yes|no|null|none|n/?a|", re.IGNORECASE)
_IDENTIFIER_SHARE = 0.8

# (text) -> (anonymized text, entity counts)
Anonymize = Callable[[str], tuple[str, dict[str, int]]]
# (text, entity type) -> token for the whole value, when a column is an identifier column
TokenizeWhole = Callable[[str, str], str]
Reidentify = Callable[[str], str]


@dataclass
class Report:
    """What was found where: counts only."""

    rows: int = 0
    columns: list[str] | None = None
    column_kinds: dict[str, str] = field(default_factory=dict)
    entities: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "columns": self.columns,
            "column_kinds": self.column_kinds,
            "entities": {where: dict(c) for where, c in self.entities.items()},
        }


def detect_format(filename: str | None, content_type: str | None) -> str:
    """csv, jsonl or text, from the file name first and the declared content type second."""
    name = (filename or "").lower()
    kind = (content_type or "").split(";")[0].strip().lower()
    if name.endswith(".csv") or kind in ("text/csv", "application/csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson")) or kind in (
        "application/jsonl",
        "application/x-ndjson",
    ):
        return "jsonl"
    if name.endswith((".txt", ".text", ".log", ".md")) or kind.startswith("text/plain"):
        return "text"
    raise UnsupportedMediaType(
        "unsupported file type: upload .csv, .jsonl or .txt (text/csv, application/jsonl, text/plain)",
        param="file",
    )


def decode_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 lines, each with its own line ending; invalid UTF-8 is a 400 naming the line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    line_number = 1
    for chunk in chunks:
        try:
            pending += decoder.decode(chunk)
        except UnicodeDecodeError:
            raise InvalidRequest(
                f"file is not valid UTF-8 (around line {line_number + pending.count(chr(10))})",
                code="invalid_encoding",
                param="file",
            ) from None
        if "\x00" in pending:
            raise InvalidRequest(
                "file holds NUL bytes: binary files are not accepted", param="file"
            )
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
            line_number += 1
    try:
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InvalidRequest(
            f"file is not valid UTF-8 (truncated character at line {line_number})",
            code="invalid_encoding",
            param="file",
        ) from None
    if pending:
        yield pending


def _blocks(lines: Iterable[str]) -> Iterator[str]:
    """Lines gathered into blocks of about 64 KiB, cut only at line ends."""
    block: list[str] = []
    size = 0
    for line in lines:
        block.append(line)
        size += len(line)
        if size >= _BLOCK:
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


def _nonempty(chunks: Iterable[bytes]) -> Iterator[bytes]:
    seen = 0
    for chunk in chunks:
        seen += len(chunk)
        yield chunk
    if seen == 0:
        raise InvalidRequest("file is empty", code="empty_file", param="file")


def anonymize_stream(
    fmt: str,
    chunks: Iterable[bytes],
    *,
    anonymize: Anonymize,
    tokenize_whole: TokenizeWhole,
    report: Report,
    column_overrides: dict[str, str] | None = None,
) -> Iterator[bytes]:
    """The anonymized file, as UTF-8 bytes in blocks; fills `report` as it goes."""
    lines = decode_lines(_nonempty(chunks))
    if fmt == "text":
        return _anonymize_text(lines, anonymize, report)
    if fmt == "jsonl":
        return _anonymize_jsonl(lines, anonymize, report)
    return _anonymize_csv(lines, anonymize, tokenize_whole, report, column_overrides or {})


def _anonymize_text(lines: Iterable[str], anonymize: Anonymize, report: Report) -> Iterator[bytes]:
    for block in _blocks(lines):
        text, counts = anonymize(block)
        report.entities["text"].update(counts)
        report.rows += block.count("\n")
        yield text.encode()


def _walk(value: Any, anonymize: Anonymize, counts: Counter[str]) -> Any:
    if isinstance(value, str):
        text, found = anonymize(value)
        counts.update(found)
        return text
    if isinstance(value, list):
        return [_walk(v, anonymize, counts) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, anonymize, counts) for k, v in value.items()}
    return value


def _jsonl_records(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidRequest(
                f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})",
                code="malformed_jsonl",
                param="file",
            ) from None


def _anonymize_jsonl(lines: Iterable[str], anonymize: Anonymize, report: Report) -> Iterator[bytes]:
    out: list[str] = []
    size = 0
    for number, record in _jsonl_records(lines):
        if not isinstance(record, dict):
            raise InvalidRequest(
                f"line {number} must be a JSON object", code="malformed_jsonl", param="file"
            )
        clean = {
            key: _walk(value, anonymize, report.entities[key]) for key, value in record.items()
        }
        report.rows += 1
        line = json.dumps(clean, ensure_ascii=False) + "\n"
        out.append(line)
        size += len(line)
        if size >= _BLOCK:
            yield "".join(out).encode()
            out, size = [], 0
    if out:
        yield "".join(out).encode()


def _csv_rows(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, strict=True)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise InvalidRequest(
            f"malformed CSV at line {reader.line_num}: {exc}", code="malformed_csv", param="file"
        ) from None


def _classify(column: list[str], anonymize_spans: Callable[[str], dict[str, int]]) -> str:
    """`plain`, `entity:<TYPE>` (an identifier column, tokenized whole) or `text`."""
    values = [v for v in column if v.strip()]
    if all(_PLAIN_CELL.fullmatch(v.strip()) for v in values):
        return "plain"
    types: Counter[str] = Counter()
    for value in values:
        found = anonymize_spans(value)
        if len(found) == 1 and sum(found.values()) == 1:
            types.update(found)
    if types and values:
        entity, hits = types.most_common(1)[0]
        if hits / len(values) >= _IDENTIFIER_SHARE:
            return f"entity:{entity}"
    return "text"


def _anonymize_csv(
    lines: Iterable[str],
    anonymize: Anonymize,
    tokenize_whole: TokenizeWhole,
    report: Report,
    overrides: dict[str, str],
) -> Iterator[bytes]:
    rows = _csv_rows(lines)
    try:
        _, header = next(rows)
    except StopIteration:
        raise InvalidRequest(
            "CSV file has no header row", code="malformed_csv", param="file"
        ) from None
    unknown = set(overrides) - set(header)
    if unknown:
        raise InvalidRequest(
            f"column policy names unknown column(s): {', '.join(sorted(unknown))}",
            param="column_policy",
        )
    report.columns = header
    sample: list[tuple[int, list[str]]] = []
    for item in rows:
        sample.append(item)
        if len(sample) >= _SAMPLE_ROWS:
            break

    def spans_only(value: str) -> dict[str, int]:
        return anonymize(value)[1]

    kinds = []
    for index, name in enumerate(header):
        column = [row[index] for _, row in sample if index < len(row)]
        kind = overrides.get(name) or _classify(column, spans_only)
        kinds.append(kind)
        report.column_kinds[name] = kind

    def convert(line_number: int, row: list[str]) -> list[str]:
        if len(row) != len(header):
            raise InvalidRequest(
                f"CSV row at line {line_number} has {len(row)} fields, the header has {len(header)}",
                code="malformed_csv",
                param="file",
            )
        out = []
        for name, kind, value in zip(header, kinds, row, strict=True):
            if (
                not value
                or kind == "keep"
                or (kind == "plain" and _PLAIN_CELL.fullmatch(value.strip()))
            ):
                out.append(value)
            elif kind.startswith("entity:"):
                out.append(tokenize_whole(value, kind.removeprefix("entity:")))
                report.entities[name][kind.removeprefix("entity:")] += 1
            else:
                text, counts = anonymize(value)
                report.entities[name].update(counts)
                out.append(text)
        report.rows += 1
        return out

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)

    def drain() -> bytes:
        data = buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
        return data

    for line_number, row in sample:
        writer.writerow(convert(line_number, row))
    yield drain()
    for line_number, row in rows:
        writer.writerow(convert(line_number, row))
        if buffer.tell() >= _BLOCK:
            yield drain()
    if buffer.tell():
        yield drain()


def reidentify_stream(
    fmt: str, chunks: Iterable[bytes], *, reidentify: Reidentify
) -> Iterator[bytes]:
    """The re-identified file: text byte for byte, CSV and JSONL value for value."""
    lines = decode_lines(chunks)
    if fmt == "text":
        for block in _blocks(lines):
            yield reidentify(block).encode()
        return
    if fmt == "jsonl":
        out = []
        for _, record in _jsonl_records(lines):
            out.append(
                json.dumps(
                    _walk(record, lambda s: (reidentify(s), {}), Counter()), ensure_ascii=False
                )
                + "\n"
            )
            if len(out) >= 256:
                yield "".join(out).encode()
                out = []
        if out:
            yield "".join(out).encode()
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for _, row in _csv_rows(lines):
        writer.writerow([reidentify(cell) if cell else cell for cell in row])
        if buffer.tell() >= _BLOCK:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()
