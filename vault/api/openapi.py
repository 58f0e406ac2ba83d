"""The OpenAPI document and the pages that show it (`/docs`, `/redoc`), served offline.

FastAPI derives paths and parameters from the routes; what it cannot see is written here, in one
table (`OPERATIONS`): every error status each operation can answer, the bodies the routes read by
hand (chat, multipart uploads, transcription), other success answers, and who may call it. A
test fails on a route missing from the table, so a new route cannot go undocumented. Swagger UI and ReDoc come from the `fastapi-offline` package, never a CDN.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["GROQ_STATUSES", "OPERATIONS", "install_openapi"]

ASSETS = "/docs/static"
_ASSET_DIR = Path(fastapi_offline.__file__).parent / "static"

# What Groq documents that it answers (groq-api.md §5); the proxy passes these back as they came.
GROQ_STATUSES = (400, 401, 403, 404, 413, 422, 424, 429, 498, 500, 502, 503)
# Every authenticated operation: no or a bad key, a role that may not, the key's request rate,
# and a database (keys, audit) that does not answer.
_AUTHENTICATED = (401, 403, 429, 503)

_REASONS = {
    400: "The request is malformed; `message` and `param` name the field and what is wrong.",
    401: "No API key, or one that is unknown, revoked or expired.",
    403: "The key's roles do not allow this; the message names the roles that would.",
    404: "No such object in the caller's tenant (another tenant's objects do not exist here).",
    409: "A conflict: an Idempotency-Key reused for another request, a token collision, or a "
    "dataset name that several of the tenant's datasets have (`ambiguous_dataset_name`).",
    410: "The data was erased (its keys were destroyed).",
    413: "The body is larger than the limit the message names.",
    415: "The body is not of a media type this operation reads.",
    422: "Personal data would have left in a request bound for the LLM (`pii_blocked`).",
    424: "Passed back from Groq: a dependency of the request failed.",
    429: "A rate limit of this key (or, on the proxy, Groq's); `Retry-After` says when to retry.",
    498: "Passed back from Groq: flex tier capacity exceeded.",
    500: "Stored data failed its integrity check (`integrity_error`), or Groq failed.",
    502: "Passed back from Groq: a bad gateway on its side.",
    503: "A backend (database, audit log, object store, KMS, detector, upstream) is unavailable.",
}

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["message", "type"],
            "properties": {
                "message": {"type": "string", "description": "What went wrong; never a value."},
                "type": {"type": "string", "examples": ["invalid_request_error"]},
                "code": {
                    "type": "string",
                    "description": "Always set by the vault; an error Groq sent may lack it.",
                    "examples": ["invalid_api_key", "permission_denied", "not_found"],
                },
                "param": {"type": "string", "description": "The field at fault, if one is."},
            },
        }
    },
}

_READINESS = {
    "type": "object",
    "required": ["status", "checks"],
    "properties": {
        "status": {"type": "string", "enum": ["ready", "unavailable"]},
        "checks": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}


def _text(*media_types: str) -> dict[str, Any]:
    return {media: {"schema": {"type": "string"}} for media in media_types}


def _json(schema: dict[str, Any], example: dict[str, Any] | None = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"required": True, "content": {"application/json": media}}


def _form(schema: dict[str, Any], example: dict[str, Any], *, file_types: str) -> dict[str, Any]:
    form = {"schema": schema, "example": example, "encoding": {"file": {"contentType": file_types}}}
    return {"required": True, "content": {"multipart/form-data": form}}


_DATASET_TYPES = "text/csv, application/jsonl, text/plain"
_DELIMITERS = ["comma", "semicolon", "tab", "pipe", ",", ";", "\t", "|"]
_UPLOAD_FIELDS: dict[str, Any] = {
    "column_policy": {
        "type": "string",
        "description": 'JSON: column → `keep`, `plain`, `text` or an entity type, e.g. `{"notes": "text"}`.',
    },
    "delimiter": {"type": "string", "enum": _DELIMITERS, "description": "CSV only; else sniffed."},
    "file": {"type": "string", "format": "binary", "description": "CSV, JSONL or text."},
}
_NEW_DATASET = _form(
    {
        "type": "object",
        "required": ["name", "file"],
        # Fields before the file: the upload is read as it streams.
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 256},
            **_UPLOAD_FIELDS,
        },
    },
    {"name": "customers", "file": "name,email\nAda Lovelace,ada@example.com\n"},
    file_types=_DATASET_TYPES,
)
_JOB_STATES = ["queued", "running", "succeeded", "failed", "cancelled"]
_JOB_ANSWER: dict[str, Any] = {
    "application/json": {
        "schema": {
            "title": "Job",
            "type": "object",
            "required": ["id", "object", "state", "rows_done", "bytes_done"],
            "properties": {
                "id": {"type": "string", "pattern": "^job_[0-9a-f]{32}$"},
                "object": {"type": "string", "enum": ["job"]},
                "state": {"type": "string", "enum": _JOB_STATES},
                "attempts": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "How many times a server has started the job: above 1 "
                    "when a restart resumed it.",
                },
                "rows_done": {"type": "integer"},
                "rows_total": {
                    "type": ["integer", "null"],
                    "description": "Rows the job will have done, where known: an inference "
                    "job's from the start, an upload's once it has read its file (null until).",
                },
                "bytes_done": {"type": "integer"},
                "bytes_total": {"type": ["integer", "null"]},
                "rate_bytes_per_second": {"type": ["number", "null"]},
                "eta_seconds": {"type": ["number", "null"]},
                "error": {"type": ["object", "null"]},
                "dataset_id": {"type": ["string", "null"]},
                "version": {"type": ["integer", "null"]},
            },
        }
    }
}
_NEW_VERSION = _form(
    {"type": "object", "required": ["file"], "properties": _UPLOAD_FIELDS},
    {"file": "name,email\nAda Lovelace,ada@example.com\n"},
    file_types=_DATASET_TYPES,
)

_TRANSCRIPTION = _form(
    {
        "type": "object",
        "required": ["file", "model"],
        "properties": {
            "file": {"type": "string", "format": "binary", "description": "The audio."},
            "model": {"type": "string", "pattern": "^[A-Za-z0-9._:/-]{1,256}$"},
            "prompt": {"type": "string", "description": "Tokenized before it leaves."},
            "language": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z]{2,4})?$"},
            "response_format": {"type": "string", "enum": ["json", "text", "verbose_json"]},
            "temperature": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
    {"file": "RIFF", "model": "whisper-large-v3-turbo", "response_format": "json"},
    file_types="audio/*",
)

_CONTENT = {
    "anyOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "object", "required": ["type"]}},
        {"type": "null"},
    ]
}
_CHAT_MESSAGE = {
    "type": "object",
    "required": ["role"],
    "properties": {
        "role": {
            "type": "string",
            "enum": ["system", "developer", "user", "assistant", "tool", "function"],
        },
        "content": _CONTENT,
        "name": {"type": "string"},
        "tool_call_id": {"type": "string"},
        "reasoning": {"type": "string"},
        "tool_calls": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "type": {"type": "string", "enum": ["function"]},
                    "function": {
                        "type": "object",
                        "properties": {"name": {"type": "string"}, "arguments": {"type": "string"}},
                    },
                },
            },
        },
    },
}


def _number(low: float, high: float, *, integer: bool = False) -> dict[str, Any]:
    return {"type": "integer" if integer else "number", "minimum": low, "maximum": high}


# Groq's chat request (groq-api.md §2): what the SDKs send validates; other fields are walked
# as free data or refused, as the policy says.
CHAT_REQUEST: dict[str, Any] = {
    "title": "ChatCompletionRequest",
    "type": "object",
    "required": ["model", "messages"],
    "properties": {
        "model": {"type": "string", "pattern": "^[A-Za-z0-9._:/-]{1,256}$"},
        "messages": {"type": "array", "minItems": 1, "items": _CHAT_MESSAGE},
        "stream": {"type": "boolean"},
        "stream_options": {
            "type": "object",
            "properties": {"include_usage": {"type": "boolean"}},
        },
        "temperature": _number(0, 2),
        "top_p": _number(0, 1),
        "frequency_penalty": _number(-2, 2),
        "presence_penalty": _number(-2, 2),
        "max_tokens": _number(1, 10_000_000, integer=True),
        "max_completion_tokens": _number(1, 10_000_000, integer=True),
        "n": _number(1, 128, integer=True),
        "top_logprobs": _number(0, 20, integer=True),
        "logprobs": {"type": "boolean"},
        "seed": {"type": "integer"},
        "stop": {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}, "maxItems": 4},
                {"type": "null"},
            ]
        },
        "user": {"type": "string"},
        "tools": {
            "type": "array",
            "maxItems": 128,
            "items": {
                "type": "object",
                "required": ["type"],
                "properties": {
                    "type": {"type": "string"},
                    "function": {
                        "type": "object",
                        "required": ["name"],
                        "properties": {
                            "name": {"type": "string", "pattern": "^[a-zA-Z0-9_-]{1,64}$"},
                            "description": {"type": "string"},
                            "parameters": {"type": "object"},
                            "strict": {"type": "boolean"},
                        },
                    },
                },
            },
        },
        "tool_choice": {
            "anyOf": [
                {"type": "string", "enum": ["none", "auto", "required"]},
                {"type": "object", "required": ["type"]},
            ]
        },
        "parallel_tool_calls": {"type": "boolean"},
        "disable_tool_validation": {"type": "boolean"},
        "response_format": {
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {"type": "string", "enum": ["text", "json_object", "json_schema"]}
            },
        },
        "reasoning_format": {"type": "string", "enum": ["hidden", "raw", "parsed"]},
        "include_reasoning": {"type": "boolean"},
        "reasoning_effort": {
            "type": "string",
            "enum": ["none", "default", "minimal", "low", "medium", "high"],
        },
        "service_tier": {"type": "string", "enum": ["auto", "on_demand", "flex", "performance"]},
        "metadata": {"type": "object"},
    },
}


@dataclass(frozen=True)
class Operation:
    """What the document says of one operation beyond what FastAPI derives."""

    errors: tuple[int, ...]
    public: bool = False
    body: dict[str, Any] | None = None  # a request body the route reads by hand
    answers: dict[int, dict[str, Any]] = field(default_factory=dict)  # status → content


# Transcriptions and translations: the same form, the same answers.
_SPEECH = Operation(
    (400, 409, 410, 413, 415, *_AUTHENTICATED, *GROQ_STATUSES),
    body=_TRANSCRIPTION,
    answers={200: {"application/json": {"schema": {"type": "object"}}, **_text("text/plain")}},
)

OPERATIONS: dict[str, Operation] = {
    "GET /healthz": Operation((), public=True),
    "GET /readyz": Operation(
        (), public=True, answers={503: {"application/json": {"schema": _READINESS}}}
    ),
    # Public unless VAULT_METRICS_TOKEN is set; then 401 without it (see `_complete`).
    "GET /metrics": Operation((), public=True),
    "POST /v1/scan": Operation((400, *_AUTHENTICATED)),
    "POST /v1/anonymize": Operation((400, 409, 410, *_AUTHENTICATED)),
    "POST /v1/reidentify": Operation((400, 410, *_AUTHENTICATED)),
    "POST /v1/apikeys": Operation((400, *_AUTHENTICATED)),
    "GET /v1/apikeys": Operation(_AUTHENTICATED),
    "PATCH /v1/apikeys/{key_id}": Operation((400, 404, *_AUTHENTICATED)),
    "DELETE /v1/apikeys/{key_id}": Operation((404, *_AUTHENTICATED)),
    "POST /v1/webhooks": Operation((400, *_AUTHENTICATED)),
    "GET /v1/webhooks": Operation(_AUTHENTICATED),
    "GET /v1/webhooks/{webhook_id}": Operation((404, *_AUTHENTICATED)),
    "DELETE /v1/webhooks/{webhook_id}": Operation((404, *_AUTHENTICATED)),
    "GET /v1/webhooks/{webhook_id}/deliveries": Operation((400, 404, *_AUTHENTICATED)),
    "POST /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": Operation(
        (404, *_AUTHENTICATED)
    ),
    "POST /v1/datasets": Operation(
        (400, 409, 410, 413, 415, *_AUTHENTICATED),
        body=_NEW_DATASET,
        # 200 a replay; 202 a job, for a large body or `Prefer: respond-async`
        answers={200: {"application/json": {"schema": {"type": "object"}}}, 202: _JOB_ANSWER},
    ),
    "GET /v1/datasets": Operation(_AUTHENTICATED),
    "GET /v1/datasets/{dataset_id}": Operation((404, 409, *_AUTHENTICATED)),
    "POST /v1/datasets/{dataset_id}/versions": Operation(
        (400, 404, 409, 410, 413, 415, *_AUTHENTICATED),
        body=_NEW_VERSION,
        answers={200: {"application/json": {"schema": {"type": "object"}}}, 202: _JOB_ANSWER},
    ),
    "GET /v1/datasets/{dataset_id}/versions": Operation((404, 409, *_AUTHENTICATED)),
    "GET /v1/datasets/{dataset_id}/versions/{number}/report": Operation(
        (404, 409, 410, 500, *_AUTHENTICATED)
    ),
    "GET /v1/datasets/{dataset_id}/versions/{number}/content": Operation(
        (400, 404, 409, 410, 500, *_AUTHENTICATED),
        answers={200: _text("text/csv", "application/jsonl", "text/plain")},
    ),
    # Every object under an S3 prefix, as a job; 503 `ray_unavailable` for a cluster down.
    "POST /v1/datasets/import": Operation(
        (400, 409, 410, 413, *_AUTHENTICATED),
        body=_json(
            {
                "type": "object",
                "required": ["source", "name"],
                "properties": {
                    "source": {"type": "string", "description": "`s3://bucket/prefix`"},
                    "name": {"type": "string", "maxLength": 256},
                    "format": {"type": "string", "enum": ["csv", "jsonl", "parquet"]},
                    "column_policy": {"type": "object"},
                    "delimiter": {"type": "string"},
                },
            },
            {"source": "s3://exports/customers/2026/", "name": "customers"},
        ),
        answers={202: _JOB_ANSWER},
    ),
    # Prompts over a stored version, as a job; the answers become a derived dataset's version.
    "POST /v1/datasets/{dataset_id}/versions/{number}/infer": Operation(
        (400, 404, 409, 410, 413, 422, *_AUTHENTICATED, *GROQ_STATUSES),
        body=_json(
            {
                "type": "object",
                "required": ["model", "template"],
                "properties": {
                    "model": {"type": "string"},
                    "template": {
                        "type": "string",
                        "description": "Names columns or JSON fields: `{notes}`.",
                    },
                    "output_column": {"type": "string", "default": "answer"},
                    "mode": {"type": "string", "enum": ["online", "batch"]},
                    "concurrency": {"type": "integer", "minimum": 1, "maximum": 32},
                    "max_rows": {"type": "integer", "minimum": 1},
                    "name": {"type": "string", "maxLength": 256},
                    "output_dataset_id": {"type": "string"},
                    "max_tokens": {"type": "integer", "minimum": 1},
                    "temperature": {"type": "number", "minimum": 0, "maximum": 2},
                },
            },
            {
                "model": "llama-3.1-8b-instant",
                "template": "Classify this ticket: {notes}",
                "output_column": "category",
            },
        ),
        answers={202: _JOB_ANSWER},
    ),
    "GET /v1/jobs": Operation(_AUTHENTICATED),
    "GET /v1/jobs/{job_id}": Operation((404, *_AUTHENTICATED)),
    "POST /v1/jobs/{job_id}/cancel": Operation((404, 409, *_AUTHENTICATED)),
    "DELETE /v1/jobs/{job_id}": Operation((404, 409, *_AUTHENTICATED)),
    "GET /v1/audit/export": Operation(
        (400, 500, *_AUTHENTICATED), answers={200: _text("application/x-ndjson", "text/csv")}
    ),
    "POST /v1/dsr/find": Operation((400, 410, *_AUTHENTICATED)),
    "POST /v1/dsr/erase": Operation((400, 410, *_AUTHENTICATED)),
    "POST /v1/dsr/not-pii": Operation((400, 410, *_AUTHENTICATED)),
    "POST /openai/v1/chat/completions": Operation(
        (400, 409, 410, 413, 422, *_AUTHENTICATED, *GROQ_STATUSES),
        body=_json(
            CHAT_REQUEST,
            {
                "model": "llama-3.3-70b-versatile",
                "messages": [{"role": "user", "content": "Write to Ada at ada@example.com"}],
            },
        ),
        answers={
            200: {
                "application/json": {"schema": {"type": "object"}},
                "text/event-stream": {"schema": {"type": "string"}},
            }
        },
    ),
    "GET /openai/v1/models": Operation((*_AUTHENTICATED, *GROQ_STATUSES)),
    "GET /openai/v1/models/{model_id}": Operation((*_AUTHENTICATED, *GROQ_STATUSES)),
    "POST /openai/v1/audio/transcriptions": _SPEECH,
    "POST /openai/v1/audio/translations": _SPEECH,
    # The Responses API and embeddings, through the chat door's redaction, guard and restore.
    "POST /openai/v1/responses": Operation(
        (400, 409, 410, 413, 422, *_AUTHENTICATED, *GROQ_STATUSES),
        body=_json(
            {
                "type": "object",
                "required": ["model", "input"],
                "description": "input: a string or message / function_call / "
                "function_call_output items; instructions, function tools, tool_choice, "
                "text.format, temperature, top_p, max_output_tokens, stream. Any other "
                "field is refused (400 naming it).",
            },
            {
                "model": "llama-3.3-70b-versatile",
                "instructions": "Answer briefly.",
                "input": "Write to Ada at ada@example.com",
            },
        ),
        answers={
            200: {
                "application/json": {"schema": {"type": "object"}},
                "text/event-stream": {"schema": {"type": "string"}},
            }
        },
    ),
    "POST /openai/v1/embeddings": Operation(
        (400, 409, 410, 413, 422, *_AUTHENTICATED, *GROQ_STATUSES),
        body=_json(
            {
                "type": "object",
                "required": ["model", "input"],
                "properties": {
                    "model": {"type": "string"},
                    "input": {
                        "oneOf": [
                            {"type": "string"},
                            {"type": "array", "items": {"type": "string"}},
                        ]
                    },
                    "encoding_format": {"type": "string", "enum": ["float", "base64"]},
                    "dimensions": {"type": "integer", "minimum": 1},
                },
            },
            {"model": "nomic-embed-text-v1_5", "input": "Ada Lovelace"},
        ),
    ),
    # Groq's batch API: input files tokenized line by line, ids the vault's own.
    "POST /openai/v1/files": Operation(
        (400, 409, 410, 413, 415, 422, *_AUTHENTICATED, *GROQ_STATUSES),
        body=_form(
            {
                "type": "object",
                "required": ["purpose", "file"],
                "properties": {
                    "purpose": {"type": "string", "enum": ["batch"]},
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "JSONL: one chat request per line "
                        '(`custom_id`, `method: "POST"`, `url: "/v1/chat/completions"`, `body`).',
                    },
                },
            },
            {
                "purpose": "batch",
                "file": '{"custom_id": "r-1", "method": "POST", "url": "/v1/chat/completions", '
                '"body": {"model": "llama-3.1-8b-instant", "messages": '
                '[{"role": "user", "content": "Hi"}]}}\n',
            },
            file_types="application/jsonl",
        ),
    ),
    "GET /openai/v1/files/{file_id}": Operation((404, *_AUTHENTICATED, *GROQ_STATUSES)),
    "DELETE /openai/v1/files/{file_id}": Operation((404, *_AUTHENTICATED, *GROQ_STATUSES)),
    "GET /openai/v1/files/{file_id}/content": Operation(
        (404, 410, 500, *_AUTHENTICATED, *GROQ_STATUSES),
        answers={200: _text("application/octet-stream")},
    ),
    "POST /openai/v1/batches": Operation(
        (400, 404, 413, *_AUTHENTICATED, *GROQ_STATUSES),
        body=_json(
            {
                "type": "object",
                "required": ["input_file_id", "endpoint", "completion_window"],
                "properties": {
                    "input_file_id": {"type": "string", "pattern": "^file_[0-9a-f]{32}$"},
                    "endpoint": {"type": "string", "enum": ["/v1/chat/completions"]},
                    "completion_window": {"type": "string", "examples": ["24h"]},
                },
            }
        ),
    ),
    "GET /openai/v1/batches": Operation((*_AUTHENTICATED, *GROQ_STATUSES)),
    "GET /openai/v1/batches/{batch_id}": Operation((404, *_AUTHENTICATED, *GROQ_STATUSES)),
    "POST /openai/v1/batches/{batch_id}/cancel": Operation((404, *_AUTHENTICATED, *GROQ_STATUSES)),
}

_UNLISTED = Operation((400, *_AUTHENTICATED))

_SECURITY_SCHEMES = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A vault API key (`vk_...`, from `vault apikey create`).",
    },
    "apiKey": {
        "type": "apiKey",
        "in": "header",
        "name": "x-api-key",
        "description": "The same API key, in the header the vault also accepts.",
    },
    "metricsToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "VAULT_METRICS_TOKEN, when the vault is started with one.",
    },
}


def install_openapi(app: FastAPI) -> None:
    """Serve the document at `/openapi.json` (built once, on first use) and the pages at
    `/docs` and `/redoc`, their assets at `/docs/static`. The app is made with
    `docs_url=None, redoc_url=None`, so FastAPI's CDN pages are not served."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            vault = getattr(app.state, "vault", None)
            guarded = vault is not None and vault.settings.metrics_token is not None
            document = get_openapi(
                title=app.title, version=app.version, summary=app.summary, routes=app.routes
            )
            app.openapi_schema = _complete(document, metrics_guarded=guarded)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.mount(ASSETS, StaticFiles(directory=_ASSET_DIR), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}/openapi.json",
            title=f"{app.title} — API",
            swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS}/favicon.png",
            # No validator badge: it is an image fetched from another host.
            swagger_ui_parameters={"validatorUrl": None, "persistAuthorization": True},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}/openapi.json",
            title=f"{app.title} — API",
            redoc_js_url=f"{root}{ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS}/favicon.png",
            with_google_fonts=False,
        )


def _complete(document: dict[str, Any], *, metrics_guarded: bool) -> dict[str, Any]:
    """`document` with `OPERATIONS` applied: errors, bodies, answers and security."""
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    # Validation errors are answered as 400 in the vault's error shape, never as FastAPI's 422.
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Error"] = ERROR_SCHEMA
    components["securitySchemes"] = _SECURITY_SCHEMES
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            name = f"{method.upper()} {path}"
            # A route missing from the table (a test fails on it) still gets the common errors.
            spec = OPERATIONS.get(name, _UNLISTED)
            responses: dict[str, Any] = operation["responses"]
            responses.pop("422", None)
            errors = set(spec.errors)
            if spec.public and name == "GET /metrics" and metrics_guarded:
                errors.add(401)
                operation["security"] = [{"metricsToken": []}]
            elif not spec.public:
                operation["security"] = [{"bearer": []}, {"apiKey": []}]
            for status in sorted(errors):
                answer: dict[str, Any] = {"description": _REASONS[status], "content": error}
                if status == 429:
                    answer["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
                responses[str(status)] = answer
            for status, content in spec.answers.items():
                described = responses.get(str(status), {}).get("description")
                responses[str(status)] = {
                    "description": described or _REASONS.get(status, "Successful Response"),
                    "content": content,
                }
            if spec.body is not None:
                operation["requestBody"] = spec.body
    return document
