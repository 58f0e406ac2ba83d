"""`/openai/v1/...`: a Groq-compatible endpoint that tokenizes what goes out and restores what
comes back, for callers allowed to see it. Errors keep Groq's shape so the SDKs raise as usual."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from starlette.background import BackgroundTask
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Scope

from vault.api.deps import audit, audit_event, cached_principal, get_vault, principal_for, require
from vault.api.multipart import read_form
from vault.api.threads import WorkerThreads
from vault.domain.audit import AuditEvent
from vault.domain.policy import Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import (
    InvalidRequest,
    PayloadTooLarge,
    PermissionDenied,
    VaultError,
)
from vault.services.failures import failure_details
from vault.services.proxy_chat import Completed, ProxyChat
from vault.wiring import Vault

router = APIRouter(prefix="/openai/v1", tags=["proxy"])

Caller = Annotated[Principal, Depends(require(Action.INFER))]
_MAX_AUDIO_BYTES = 25 * 1024 * 1024


def _door(request: Request) -> ProxyChat:
    return get_vault(request).proxy_chat


def _threads(request: Request) -> WorkerThreads:
    return request.app.state.threads  # type: ignore[no-any-return]


@dataclass
class _RequestRecorder:
    """The door's recorder for one HTTP request: audit events with its source and id."""

    request: Request
    principal: Principal

    def event(self, action: str, **fields: Any) -> AuditEvent:
        return audit_event(self.request, self.principal, action, **fields)

    def count(self, name: str, label: str, amount: int) -> None:
        self.request.app.state.metrics.count(name, label, amount)


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


# `json.loads(raw, parse_constant=_no_constants)` with its decoder built once.
_DECODER = json.JSONDecoder(parse_constant=_no_constants)


async def _json_body(request: Request) -> dict[str, Any]:
    limit = get_vault(request).settings.max_prompt_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(
            f"request body is larger than the {limit}-byte limit (raise VAULT_MAX_PROMPT_BYTES)"
        )
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > limit:
            raise PayloadTooLarge(
                f"request body is larger than the {limit}-byte limit (raise VAULT_MAX_PROMPT_BYTES)"
            )
    try:
        body = _DECODER.decode(raw.decode(json.detect_encoding(raw), "surrogatepass"))
    except ValueError as exc:
        raise InvalidRequest(f"request body is not valid JSON: {exc}") from None
    except RecursionError:
        raise InvalidRequest("request body is nested too deeply") from None
    if not isinstance(body, dict):
        raise InvalidRequest("request body must be a JSON object")
    if _deeper_than(body, _MAX_DEPTH):
        raise InvalidRequest(f"request body is nested more than {_MAX_DEPTH} levels deep")
    if "stream" in body and not isinstance(body["stream"], bool):
        raise InvalidRequest("'stream' must be a boolean", param="stream")
    return body


# Deeper than any real request (a JSON schema of a schema of a schema...), shallow enough that
# every step after the parse may recurse.
_MAX_DEPTH = 64


def _deeper_than(body: Any, limit: int) -> bool:
    """Whether parsed JSON nests more than `limit` objects and arrays deep (no recursion)."""
    level: list[Any] = [body]
    for _ in range(limit):
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
        if not level:
            return False
    return True


def _authorize(request: Request, principal: Principal | None = None) -> Principal:
    """The caller (authenticated here unless given), if it may use inference; audits refusals."""
    principal = principal or principal_for(request)
    if not get_vault(request).access_policy.allows(principal.roles, Action.INFER):
        audit(request, principal, "proxy.request", outcome="denied")
        raise PermissionDenied("this API key may not use inference")
    return principal


async def _caller(request: Request) -> Principal:
    """`_authorize` on the event loop when the key is fresh in memory and the answer is yes (a
    worker-thread hop costs more than the check); in a worker thread otherwise, where the key
    store may be queried and a refusal is audited."""
    principal = cached_principal(request)
    if principal is not None and get_vault(request).access_policy.allows(
        principal.roles, Action.INFER
    ):
        return principal
    return await anyio.to_thread.run_sync(_authorize, request, principal)


# The purpose header, read by hand on the busiest route (FastAPI's parameter machinery costs
# more there than the read) and documented here instead.
_PURPOSE_HEADER = {
    "parameters": [
        {
            "name": "x-vault-purpose",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": "Why the caller re-identifies the answer; recorded in the audit log.",
        }
    ]
}


@router.post("/chat/completions", openapi_extra=_PURPOSE_HEADER)
async def chat_completions(request: Request) -> Any:
    """Groq's chat completions, with PII tokenized on the way out and restored on the way in."""
    purpose = request.headers.get("x-vault-purpose")
    principal = await _caller(request)
    door = _door(request)
    recorder = _RequestRecorder(request, principal)
    try:
        body = await _json_body(request)
        if not body.get("stream"):
            # Tokenize, call Groq and restore in one worker-thread hop: each hop costs time.
            # The body was parsed for this call alone: the door may rewrite it in place.
            completed = await _threads(request).run(
                lambda: door.complete(
                    door.prepare(principal, body, purpose=purpose, recorder=recorder, owned=True)
                )
            )
            return _whole_answer(request, completed)
        prepared = await anyio.to_thread.run_sync(
            lambda: door.prepare(principal, body, purpose=purpose, recorder=recorder, owned=True)
        )
        stream, headers = await door.open_stream(prepared)
    except Exception as exc:
        await anyio.to_thread.run_sync(door.failed, recorder, exc)
        raise
    return StreamingResponse(
        door.relay(prepared, stream), media_type="text/event-stream", headers=headers
    )


def direct_routes() -> list[BaseRoute]:
    """The chat door as a plain Starlette route, to be tried before the app's other routes: its
    endpoint takes only the request, so FastAPI's per-request work around it (dependencies
    solved, telemetry, endpoint context) does nothing for it but costs about 0.1 M
    instructions. The documented route above stays for the OpenAPI schema, and is the one
    the metrics and the access log name."""
    documented = next(
        route
        for route in router.routes
        if isinstance(route, APIRoute) and route.endpoint is chat_completions
    )

    async def endpoint(request: Request) -> Any:
        request.scope["route"] = documented
        return await chat_completions(request)

    return [_OnlyWhenWhole(documented.path, endpoint, methods=["POST"])]


class _OnlyWhenWhole(Route):
    """A route that matches only path and method together: any other method falls through to
    the documented route, which answers it (405) as before."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        return (match, child) if match is Match.FULL else (Match.NONE, {})


def _whole_answer(request: Request, completed: Completed) -> JSONResponse:
    """A whole (not streamed) answer; its `finish` (the audit record) runs once it has gone,
    and the request's ASGI call ends only after it (a server shutting down waits for it)."""
    return JSONResponse(
        completed.body,
        status_code=completed.status,
        headers=completed.headers,
        background=BackgroundTask(_threads(request).run, completed.finish),
    )


@router.get("/models")
def list_models(request: Request, principal: Caller) -> JSONResponse:
    answer = _door(request).upstream().list_models()
    return JSONResponse(answer.json, status_code=answer.status, headers=dict(answer.headers))


@router.get("/models/{model_id:path}")
def get_model(model_id: str, request: Request, principal: Caller) -> JSONResponse:
    answer = _door(request).upstream().get_model(model_id)
    return JSONResponse(answer.json, status_code=answer.status, headers=dict(answer.headers))


@router.post("/audio/transcriptions")
async def transcribe(
    request: Request, x_vault_purpose: Annotated[str | None, Header()] = None
) -> Response:
    """Whisper through Groq; the transcript comes back tokenized, or re-identified if allowed."""
    return await _speech(request, x_vault_purpose, translate=False)


@router.post("/audio/translations")
async def translate(
    request: Request, x_vault_purpose: Annotated[str | None, Header()] = None
) -> Response:
    """Whisper's translation to English, by the same rules as a transcription."""
    return await _speech(request, x_vault_purpose, translate=True)


async def _speech(request: Request, x_vault_purpose: str | None, *, translate: bool) -> Response:
    """Speech to text through the upstream. Only the audio and closed fields go as they are:
    the file is renamed, the prompt and any other free field is tokenized (or refused, by
    policy), and the text — JSON or plain — is tokenized before anyone sees it. Every request
    is audited once, with its outcome."""
    principal = await _caller(request)
    vault = get_vault(request)
    details: dict[str, Any] = {}
    outcome = "error"
    try:
        raw = bytearray()
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > _MAX_AUDIO_BYTES:
                raise PayloadTooLarge(f"audio upload is larger than {_MAX_AUDIO_BYTES} bytes")
        fields, files = read_form(bytes(raw), request.headers.get("content-type"))
        audio = files.get("file")
        if audio is None:
            raise InvalidRequest("the form has no 'file' part", param="file")
        purpose = (
            check_purpose(x_vault_purpose, vault.access_policy.purposes)
            if x_vault_purpose
            else None
        )
        sent = await anyio.to_thread.run_sync(
            _transcription_fields, vault, principal.tenant, fields
        )
        upstream = _door(request).upstream()
        call = upstream.translate if translate else upstream.transcribe
        answer = await anyio.to_thread.run_sync(
            lambda: call(audio.data, filename=_neutral_filename(audio.filename), fields=sent)
        )
        restore, reveal = _door(request).reveal(principal)
        result = answer.json
        transcript = result.get("text") if isinstance(result, dict) else result
        if isinstance(transcript, str):
            anonymized = await anyio.to_thread.run_sync(
                vault.anonymizer.anonymize, principal.tenant, transcript
            )
            text = anonymized.text
            if restore:
                restored = await anyio.to_thread.run_sync(
                    lambda: vault.reidentifier.reidentify(principal.tenant, text, reveal=reveal)
                )
                text = restored.text
            details = {"entities": anonymized.counts(), "reidentified": restore}
            if isinstance(result, dict):
                result["text"] = text
                for key in ("segments", "words"):
                    result.pop(key, None)  # their text would carry the transcript unredacted
            else:
                result = text
        outcome = "ok" if answer.status < 400 else "error"
        details["status"] = answer.status
        headers = dict(answer.headers)
        if isinstance(result, str):
            return PlainTextResponse(result, status_code=answer.status, headers=headers)
        return JSONResponse(result, status_code=answer.status, headers=headers)
    except VaultError as exc:
        details = failure_details(exc)
        purpose = None
        raise
    finally:
        event = audit_event(
            request,
            principal,
            "proxy.translation" if translate else "proxy.transcription",
            outcome=outcome,
            purpose=purpose if outcome == "ok" else None,
            details=details,
        )
        await anyio.to_thread.run_sync(vault.audit.append, event)


# Transcription form fields with a closed grammar: they go as they are once they fit.
_TRANSCRIPTION_CLOSED: dict[str, re.Pattern[str]] = {
    "model": re.compile(r"[A-Za-z0-9._:/-]{1,256}"),
    "language": re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?"),
    "response_format": re.compile(r"json|text|verbose_json"),
    "temperature": re.compile(r"(?:0(?:\.\d{1,6})?|1(?:\.0{1,6})?)"),
    "timestamp_granularities[]": re.compile(r"word|segment"),
}
_AUDIO_SUFFIX = re.compile(r"\.([A-Za-z0-9]{1,5})$")


def _transcription_fields(
    vault: Vault, tenant: str, fields: dict[str, list[str]]
) -> dict[str, str | list[str]]:
    """The form fields to send: closed ones checked, the prompt and any other free field
    tokenized (an unknown field is refused instead when the policy says so)."""
    sent: dict[str, str | list[str]] = {}
    free: list[tuple[str, int]] = []
    texts: list[str] = []
    unknown = vault.anonymizer.policy.requests.unknown_fields
    for name, values in fields.items():
        grammar = _TRANSCRIPTION_CLOSED.get(name)
        if grammar is not None:
            if not all(grammar.fullmatch(v) for v in values):
                raise InvalidRequest(f"'{name}' is not a valid value for this field", param=name)
        elif name != "prompt" and unknown == "reject":
            raise InvalidRequest(
                "the form has a field that is not part of a transcription request "
                "(this vault's policy refuses unknown fields)",
                param="form",
            )
        else:
            free += [(name, i) for i in range(len(values))]
            texts += values
        sent[name] = list(values)
    for (name, i), anonymized in zip(
        free, vault.anonymizer.anonymize_many(tenant, texts), strict=True
    ):
        sent[name][i] = anonymized.text  # type: ignore[index]
    return {k: v if len(v) > 1 else v[0] for k, v in sent.items()}


def _neutral_filename(filename: str | None) -> str:
    """A file name that says only what kind of audio it is: the caller's may name a person."""
    suffix = _AUDIO_SUFFIX.search(filename or "")
    return f"audio.{suffix.group(1).lower()}" if suffix else "audio"
