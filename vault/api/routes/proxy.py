"""`/openai/v1/...`: a Groq-compatible endpoint that tokenizes what goes out and restores what
comes back, for callers allowed to see it. Errors keep Groq's shape so the SDKs raise as usual."""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from vault.api.deps import audit, audit_event, cached_principal, get_vault, principal_for, require
from vault.api.multipart import read_form
from vault.domain.audit import AuditEvent, validate_details
from vault.domain.policy import Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import (
    InvalidRequest,
    OutboundBlocked,
    PayloadTooLarge,
    PermissionDenied,
    PersonalDataInField,
    RateLimited,
    UpstreamError,
    UpstreamUnavailable,
    VaultError,
)
from vault.ports import LlmClient
from vault.services.chat import PrimedReidentifier, ResponseRestorer, StreamRestorer
from vault.wiring import Vault

router = APIRouter(prefix="/openai/v1", tags=["proxy"])

Caller = Annotated[Principal, Depends(require(Action.INFER))]
_MAX_AUDIO_BYTES = 25 * 1024 * 1024


def _llm(request: Request) -> LlmClient:
    llm = get_vault(request).llm
    if llm is None:
        raise UpstreamUnavailable("no LLM upstream is configured: set GROQ_API_KEY")
    return llm


def _reveal(request: Request, principal: Principal) -> tuple[bool, frozenset[str] | None]:
    """Whether answers are re-identified for this caller, and which types."""
    policy = get_vault(request).access_policy
    if not policy.allows(principal.roles, Action.REIDENTIFY):
        # Nothing revealed, but look-alikes the caller sent (its own tokens) still come back.
        return False, frozenset()
    return True, policy.revealable(principal.roles)


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


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
        body = json.loads(raw, parse_constant=_no_constants)
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


@dataclass
class _Prepared:
    """A chat request ready to go upstream, and what is needed to answer and audit it."""

    principal: Principal
    payload: bytes  # the tokenized body exactly as the outbound guard checked it
    restorer_source: PrimedReidentifier
    restore: bool
    reveal: frozenset[str] | None
    purpose: str | None
    details: dict[str, Any]
    started: float
    detect_seconds: float


def _server_timing(*, detect: float, upstream: float, total: float) -> dict[str, str]:
    """A `Server-Timing` header (W3C): where the vault's part of a request's time went, in ms —
    detection, the upstream call, and the vault's own work in the handler (the rest)."""
    own = max(0.0, total - detect - upstream)
    return {
        "server-timing": (
            f"detect;dur={detect * 1e3:.3f}, upstream;dur={upstream * 1e3:.3f}, "
            f"vault;dur={own * 1e3:.3f}"
        )
    }


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


def _prepare(
    request: Request, principal: Principal, body: dict[str, Any], purpose_header: str | None
) -> _Prepared:
    """Check limits and tokenize: everything blocking before the upstream call, in one hop."""
    started = time.perf_counter()
    vault = get_vault(request)
    vault.audit_backlog.admit()  # nothing leaves while earlier requests' records cannot be stored
    wait = vault.rate_limiter.check_tokens(principal.key_id)
    if wait > 0:
        raise RateLimited("token rate limit reached for this API key", retry_after=wait)
    try:
        redacted = vault.chat_redactor.redact(principal.tenant, body)
    except OutboundBlocked:
        audit(request, principal, "proxy.blocked", outcome="blocked")
        raise
    metrics = request.app.state.metrics
    metrics.count("detection_cache", "miss", redacted.detected)
    metrics.count("detection_cache", "hit", redacted.cached)
    restore, reveal = _reveal(request, principal)
    details = {
        "model": body["model"][:128],  # a model id: its grammar was checked by the redactor
        "entities": dict(redacted.counts),
        "tokens": redacted.tokens,
        "reidentified": restore,
    }
    validate_details(details)  # what could fail after the upstream call is checked before it
    return _Prepared(
        principal=principal,
        payload=redacted.payload,
        restorer_source=PrimedReidentifier(
            token_store=vault.tokens,
            tenant_keys=vault.tenant_keys,
            grammar=vault.reidentifier.grammar,
            known=redacted.values,
        ),
        restore=restore,
        reveal=reveal,
        purpose=check_purpose(purpose_header, vault.access_policy.purposes)
        if purpose_header
        else ("inference" if restore else None),
        details=details,
        started=started,
        detect_seconds=redacted.detect_seconds,
    )


def _complete(request: Request, prepared: _Prepared) -> JSONResponse:
    """Call the upstream and restore the answer: the non-streamed path, one hop. The record of
    the request is stored once the answer has gone back (see AuditBacklog)."""
    vault = get_vault(request)
    tenant = prepared.principal.tenant
    asked = time.perf_counter()
    answer = _llm(request).chat(prepared.payload)
    upstream = time.perf_counter() - asked
    completion = answer.json
    details = prepared.details
    answers: list[Any] = []
    if isinstance(completion, dict):
        restorer = ResponseRestorer(prepared.restorer_source, tenant, prepared.reveal)
        completion = restorer.restore(completion)
        answers = restorer.answers
        details["restored"] = dict(restorer.counts)
        usage = completion.get("usage")
        if isinstance(usage, dict):
            details["usage"] = {k: v for k, v in usage.items() if isinstance(v, int)}
            vault.rate_limiter.spend_tokens(
                prepared.principal.key_id, int(usage.get("total_tokens") or 0)
            )
    total = time.perf_counter() - prepared.started
    details["vault_ms"] = round(total * 1000, 2)
    event = audit_event(
        request, prepared.principal, "proxy.request", purpose=prepared.purpose, details=details
    )
    timing = (
        _server_timing(detect=prepared.detect_seconds, upstream=upstream, total=total)
        if prepared.restore
        else {}
    )
    return JSONResponse(
        completion,
        status_code=answer.status,
        headers={**answer.headers, **timing},
        background=BackgroundTask(_after_answer, vault, tenant, event, answers),
    )


def _after_answer(vault: Vault, tenant: str, event: AuditEvent, answers: list[Any]) -> None:
    """Once the answer has gone: store its record, then detect the answer so that the next
    turn, which sends it back, finds it in the cache (see `ChatRedactor.remember_answers`)."""
    vault.audit_backlog.append(event)
    if answers:
        vault.chat_redactor.remember_answers(tenant, answers)


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
    x_vault_purpose = request.headers.get("x-vault-purpose")
    principal = await _caller(request)
    try:
        body = await _json_body(request)
        if not body.get("stream"):
            # Tokenize, call Groq and restore in one worker-thread hop: each hop costs time.
            return await anyio.to_thread.run_sync(
                lambda: _complete(request, _prepare(request, principal, body, x_vault_purpose))
            )
        prepared = await anyio.to_thread.run_sync(
            _prepare, request, principal, body, x_vault_purpose
        )
        asked = time.perf_counter()
        stream = await _llm(request).stream_chat(prepared.payload)
        opened = time.perf_counter()
    except OutboundBlocked:
        raise  # audited where it was decided
    except VaultError as exc:
        # Fail closed, and say why in the audit trail: the error's code and the field's path,
        # never its text.
        details = {"error": exc.code, "status": getattr(exc, "upstream_status", exc.status)}
        if exc.param:
            details["param"] = _audit_path(exc.param)
        if isinstance(exc, PersonalDataInField):
            details["entities"] = dict.fromkeys(exc.entity_types, 1)
        await anyio.to_thread.run_sync(
            lambda: audit(request, principal, "proxy.request", outcome="error", details=details)
        )
        raise
    except Exception:
        failure = {"error": "internal_error", "status": 500}
        await anyio.to_thread.run_sync(
            lambda: audit(request, principal, "proxy.request", outcome="error", details=failure)
        )
        raise
    restorer = StreamRestorer(prepared.restorer_source, prepared.principal.tenant, prepared.reveal)
    # Up to the stream's start: what a caller waits for before its first chunk.
    timing = (
        _server_timing(
            detect=prepared.detect_seconds, upstream=opened - asked, total=opened - prepared.started
        )
        if prepared.restore
        else {}
    )
    return StreamingResponse(
        _relay(request, prepared.principal, stream, restorer, prepared.details, prepared.purpose),
        media_type="text/event-stream",
        headers={**stream.headers, **timing, "cache-control": "no-cache"},
    )


def _sse(data: Any, event: str | None = None) -> bytes:
    prefix = f"event: {event}\n" if event else ""
    return (
        f"{prefix}data: {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n\n".encode()
    )


async def _relay(
    request: Request,
    principal: Principal,
    stream: Any,
    restorer: StreamRestorer,
    details: dict[str, Any],
    purpose: str | None,
) -> AsyncIterator[bytes]:
    """Pass chunks through (restored when allowed); the upstream closes when the client leaves."""
    outcome = "ok"
    last: dict[str, Any] | None = None
    try:
        async for chunk in stream:
            last = chunk
            usage = chunk.get("usage")
            if isinstance(usage, dict) and isinstance(usage.get("total_tokens"), int):
                get_vault(request).rate_limiter.spend_tokens(
                    principal.key_id, usage["total_tokens"]
                )
            if restorer.needs_token_store(chunk):
                chunk = await anyio.to_thread.run_sync(restorer.restore, chunk)
            else:
                chunk = restorer.restore(chunk)  # no I/O: a worker-thread hop would cost more
            yield _sse(chunk)
        if last is not None:
            # A stream that ended without a finish chunk may still hold back a token's start.
            for tail in _leftover_chunks(restorer, last):
                yield _sse(tail)
        yield b"data: [DONE]\n\n"
    except VaultError as exc:
        outcome = "error"
        body = exc.to_body() if not isinstance(exc, UpstreamError) or exc.body is None else exc.body
        yield _sse(body, event="error")
    except Exception:
        # A stream always ends with [DONE] or an error event, never by hanging.
        outcome, details["ended"] = "error", "internal_error"
        yield _sse(VaultError("the vault could not finish this stream").to_body(), event="error")
    except BaseException:  # the client left: cancelled or closed mid-stream
        outcome, details["ended"] = "error", "client_left"
        raise
    finally:
        await stream.aclose()
        details["restored"] = dict(restorer.counts)
        event = audit_event(
            request,
            principal,
            "proxy.request",
            outcome=outcome,
            purpose=purpose,
            details={**details, "stream": True},
        )
        answers = restorer.answers if outcome == "ok" else []
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(
                _after_answer, get_vault(request), principal.tenant, event, answers
            )


_PATH_CHARACTERS = re.compile(r"[^A-Za-z0-9_.:/-]")


def _audit_path(param: str) -> str:
    """A field's JSON path as the audit log may hold it (an id-like string)."""
    return _PATH_CHARACTERS.sub("", param)[:128]


def _leftover_chunks(restorer: StreamRestorer, last: dict[str, Any]) -> list[dict[str, Any]]:
    chunks = []
    for (index, kind, *tool), tail in restorer.leftovers():
        if kind == "tool":
            delta: dict[str, Any] = {
                "tool_calls": [{"index": tool[0], "function": {"arguments": tail}}]
            }
        else:
            delta = {kind: tail}
        choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": None}
        chunks.append({**{k: v for k, v in last.items() if k in _CHUNK_KEYS}, "choices": [choice]})
    return chunks


_CHUNK_KEYS = ("id", "object", "created", "model", "system_fingerprint")


@router.get("/models")
def list_models(request: Request, principal: Caller) -> JSONResponse:
    answer = _llm(request).list_models()
    return JSONResponse(answer.json, status_code=answer.status, headers=dict(answer.headers))


@router.get("/models/{model_id:path}")
def get_model(model_id: str, request: Request, principal: Caller) -> JSONResponse:
    answer = _llm(request).get_model(model_id)
    return JSONResponse(answer.json, status_code=answer.status, headers=dict(answer.headers))


@router.post("/audio/transcriptions")
async def transcribe(
    request: Request, x_vault_purpose: Annotated[str | None, Header()] = None
) -> Response:
    """Whisper through Groq; the transcript comes back tokenized, or re-identified if allowed.

    Only the audio and closed fields go as they are: the file is renamed, the prompt and any
    other free field is tokenized (or refused, by policy), and the transcript — JSON or text —
    is tokenized before anyone sees it. Every request is audited once, with its outcome."""
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
        answer = await anyio.to_thread.run_sync(
            lambda: _llm(request).transcribe(
                audio.data, filename=_neutral_filename(audio.filename), fields=sent
            )
        )
        restore, reveal = _reveal(request, principal)
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
        details = {"error": exc.code, "status": exc.status}
        if exc.param:
            details["param"] = _audit_path(exc.param)
        purpose = None
        raise
    finally:
        event = audit_event(
            request,
            principal,
            "proxy.transcription",
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
