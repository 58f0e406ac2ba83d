"""Request parsing and validation: an inference body as InferOptions, its template as pieces."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from vault.domain.ids import is_dataset_id
from vault.errors import InvalidRequest

MODES = ("online", "batch")
MAX_CONCURRENCY = 32
MAX_ROWS = 1_000_000
_OPTIONS = frozenset(
    {
        "model",
        "template",
        "output_column",
        "mode",
        "concurrency",
        "max_rows",
        "name",
        "output_dataset_id",
        "max_tokens",
        "temperature",
    }
)
_MODEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")
_MAX_TEMPLATE = 16 * 1024
_MAX_COLUMN = 128
MAX_NAME = 256


@dataclass(frozen=True, slots=True)
class InferOptions:
    """One inference request over a dataset version, validated."""

    model: str
    template: str
    output_column: str = "answer"
    mode: str = "online"
    concurrency: int = 4
    max_rows: int | None = None
    name: str | None = None
    output_dataset_id: str | None = None
    max_tokens: int | None = None
    temperature: float | None = None


def _integer(body: dict[str, Any], key: str, low: int, high: int) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidRequest(f"{key} must be an integer from {low} to {high}", param=key)
    return value


def parse_options(body: Any) -> InferOptions:
    """The request body as options; InvalidRequest naming the field at fault."""
    if not isinstance(body, dict):
        raise InvalidRequest("request body must be a JSON object")
    unknown = sorted(set(body) - _OPTIONS)
    if unknown:
        shown = unknown[0][:64] if unknown[0].isidentifier() else "(a field)"
        raise InvalidRequest(
            f"unknown field {shown}: an inference takes " + ", ".join(sorted(_OPTIONS)),
            param=shown if unknown[0].isidentifier() else None,
        )
    model = body.get("model")
    if not isinstance(model, str) or not _MODEL.fullmatch(model):
        raise InvalidRequest("model must be a model id such as llama-3.1-8b-instant", param="model")
    template = body.get("template")
    if not isinstance(template, str) or not template.strip():
        raise InvalidRequest("template must be a non-empty string", param="template")
    if len(template) > _MAX_TEMPLATE:
        raise InvalidRequest(
            f"template is longer than {_MAX_TEMPLATE} characters", param="template"
        )
    output = body.get("output_column", "answer")
    if not isinstance(output, str) or not output.strip() or len(output) > _MAX_COLUMN:
        raise InvalidRequest(
            f"output_column must be a column name of 1 to {_MAX_COLUMN} characters",
            param="output_column",
        )
    mode = body.get("mode", "online")
    if mode not in MODES:
        raise InvalidRequest("mode must be 'online' or 'batch'", param="mode")
    concurrency = _integer(body, "concurrency", 1, MAX_CONCURRENCY)
    max_rows = _integer(body, "max_rows", 1, MAX_ROWS)
    max_tokens = _integer(body, "max_tokens", 1, 131_072)
    temperature = body.get("temperature")
    if temperature is not None and (
        isinstance(temperature, bool)
        or not isinstance(temperature, int | float)
        or not 0 <= temperature <= 2
    ):
        raise InvalidRequest("temperature must be a number from 0 to 2", param="temperature")
    name = body.get("name")
    if name is not None and (not isinstance(name, str) or not 0 < len(name.strip()) <= MAX_NAME):
        raise InvalidRequest(f"name must be 1 to {MAX_NAME} characters", param="name")
    target = body.get("output_dataset_id")
    if target is not None and not is_dataset_id(target):
        raise InvalidRequest("output_dataset_id must be a dataset id", param="output_dataset_id")
    if target is not None and name is not None:
        raise InvalidRequest(
            "give name (a new dataset) or output_dataset_id (its next version), not both",
            param="name",
        )
    return InferOptions(
        model=model,
        template=template,
        output_column=output,
        mode=mode,
        concurrency=concurrency or 4,
        max_rows=max_rows,
        name=name.strip() if isinstance(name, str) else None,
        output_dataset_id=target,
        max_tokens=max_tokens,
        temperature=float(temperature) if temperature is not None else None,
    )


def parse_template(template: str) -> list[tuple[str, str | None]]:
    """`"Classify: {notes}"` as [(literal text, field name or None)]; `{{` and `}}` are
    braces. InvalidRequest for a template Python's format grammar refuses, an empty `{}`, or a
    format spec or conversion (a field is a column name, nothing more)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise InvalidRequest(f"template is not valid: {exc}", param="template") from None
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (not name.strip() or spec or conversion):
            raise InvalidRequest(
                "template fields must name a column, as {notes}: no empty {}, format specs "
                "or conversions",
                param="template",
            )
        pieces.append((literal, name))
    if not any(name for _, name in pieces):
        raise InvalidRequest("template names no column, as {notes}", param="template")
    return pieces
