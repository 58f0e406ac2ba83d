"""Template rendering: a version's rows, field lookup, each row's payload; CSV/JSONL written."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from vault.errors import InvalidRequest, VaultError
from vault.services.dataset_formats import decode_lines
from vault.services.dataset_parquet import ParquetLayout, has_field, parquet_rows
from vault.services.infer.options import InferOptions
from vault.services.infer.plan import InferParts, Plan, Rendered, Row
from vault.services.read_dataset import read_version

_BLOCK = 64 * 1024


def _shown(name: str) -> str:
    """A field name as an error may echo it: short, printable."""
    clean = "".join(c if c.isprintable() else "?" for c in name)
    return clean[:64] + ("…" if len(clean) > 64 else "")


# -- rows of a stored version -----------------------------------------------------------------


def stored_rows(
    fmt: str, chunks: Iterable[bytes]
) -> tuple[list[str] | None, Iterator[Row], ParquetLayout | None]:
    """The version's columns (CSV, Parquet; None for JSONL and text), its rows as stored
    (tokens), and a Parquet version's layout."""
    if fmt == "parquet":
        layout, records = parquet_rows(chunks)
        return layout.columns, records, layout
    lines = decode_lines(chunks)
    if fmt == "csv":
        reader = csv.reader(lines, strict=True)
        header = next(reader, None)
        if header is None:
            return [], iter(()), None
        return header, (dict(zip(header, row, strict=False)) for row in reader), None
    if fmt == "jsonl":
        return None, (json.loads(line) for line in lines if line.strip()), None
    return None, ({"text": line.rstrip("\n")} for line in lines if line.strip()), None


def _value(row: Row, name: str) -> Any:
    """The field `name` of a row: a column, a JSON key, or a dotted path into nested objects."""
    if name in row:
        return row[name]
    value: Any = row
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(name)
        value = value[part]
    return value


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, dict | list | tuple | bool | int | float):
        # A Parquet struct or list may hold dates or decimals: written as their text.
        return json.dumps(value, ensure_ascii=False, default=str)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)  # a Parquet date


def chat_payload(options: InferOptions, prompt: str) -> bytes:
    """One row's chat completion request body, as sent online or as a batch line."""
    body: dict[str, Any] = {
        "model": options.model,
        "messages": [{"role": "user", "content": prompt}],
    }
    if options.max_tokens is not None:
        body["max_tokens"] = options.max_tokens
    if options.temperature is not None:
        body["temperature"] = options.temperature
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def rendered(vault: InferParts, plan: Plan) -> Iterator[Rendered]:
    """Each row to send, rendered and read by the outbound guard; the version's columns in
    `plan.columns`. InvalidRequest naming the field and the row for a field a row lacks."""
    parts = vault.dataset_parts()
    principal = plan.principal
    chunks = read_version(parts, principal, plan.version)
    columns, rows, layout = stored_rows(plan.version.format, chunks)
    plan.columns, plan.layout = columns, layout
    fields = [name for _, name in plan.pieces if name is not None]
    output = plan.options.output_column
    if columns is not None:
        missing = [
            name
            for name in fields
            if not (has_field(layout.schema, name) if layout else name in columns)
        ]
        if missing:
            raise InvalidRequest(
                f"template names column {_shown(missing[0])!r}, which the version does not "
                "have; its columns: " + ", ".join(_shown(c) for c in columns),
                code="unknown_column",
                param="template",
            )
        if output in columns:
            raise InvalidRequest(
                f"output_column {_shown(output)!r} is a column of the version already",
                param="output_column",
            )
    redactor = vault.chat_redactor
    limit = plan.options.max_rows
    for number, row in enumerate(rows, start=1):
        if limit is not None and number > limit:
            return
        if not isinstance(row, dict):
            raise InvalidRequest(f"row {number} is not a JSON object", param="dataset")
        if columns is None and output in row:
            raise InvalidRequest(
                f"output_column {_shown(output)!r} is a field of row {number} already",
                param="output_column",
            )
        prompt = []
        for literal, name in plan.pieces:
            prompt.append(literal)
            if name is None:
                continue
            try:
                prompt.append(_as_text(_value(row, name)))
            except KeyError:
                raise InvalidRequest(
                    f"template names field {_shown(name)!r}, which row {number} does not have",
                    code="unknown_column",
                    param="template",
                ) from None
        payload = chat_payload(plan.options, "".join(prompt))
        try:
            redactor.check_outbound(principal.tenant, payload.decode())
        except VaultError as exc:
            exc.message = f"row {number}: {exc.message}"
            exc.args = (exc.message,)
            raise
        yield Rendered(number, row, payload)


def csv_blocks(
    columns: list[str] | None, rows: Iterator[tuple[Row, str]], output: str
) -> Iterator[bytes]:
    """The answered rows as CSV (the version's columns plus the output column), in blocks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = columns or [output]
    writer.writerow(header)
    for row, answer in rows:
        writer.writerow([*(row.get(name, "") for name in header[:-1]), answer])
        if buffer.tell() >= _BLOCK:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


def jsonl_blocks(rows: Iterator[tuple[Row, str]], output: str) -> Iterator[bytes]:
    """The answered rows as JSON lines, each with its output field, in blocks."""
    block: list[str] = []
    size = 0
    for row, answer in rows:
        line = json.dumps({**row, output: answer}, ensure_ascii=False) + "\n"
        block.append(line)
        size += len(line)
        if size >= _BLOCK:
            yield "".join(block).encode()
            block, size = [], 0
    if block:
        yield "".join(block).encode()
