"""The fake Groq server: Groq's wire format (groq-api.md) over Starlette, recording what it got."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vault.domain.sse import encode_event
from vault.fakegroq._batches import BatchHandlers
from vault.fakegroq._behaviour import FakeGroqBehaviour, Fault
from vault.fakegroq._chat import (
    MODELS,
    SPEECH_MODELS,
    ChatRequestError,
    Reply,
    plan_reply,
    split_text,
    usage,
    validate,
)
from vault.fakegroq._embeddings import EmbeddingHandlers
from vault.fakegroq._responses import ResponsesHandlers

__all__ = ["ReceivedRequest", "create_fake_groq_app"]

_BASE32 = "0123456789abcdefghjkmnpqrstvwxyz"
_STREAM_ERROR = {
    "message": "The model stopped generating because of an internal error.",
    "type": "internal_server_error",
    "code": "generation_failed",
}
_GARBAGE = b"<html><body><h1>502 Bad Gateway</h1>upstream hiccup</body></html>"


@dataclass(frozen=True, slots=True)
class ReceivedRequest:
    """One request as it reached the fake, body bytes exactly as sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)

    def json(self) -> Any:
        return json.loads(self.body)


class _StreamCut(Exception):
    """Raised inside a stream to make the server drop the connection mid-response."""


class _QuietCuts(logging.Filter):
    """Keep the server's log free of tracebacks for cuts a test asked for."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _StreamCut))


def _request_id() -> str:
    return "req_" + "".join(secrets.choice(_BASE32) for _ in range(26))


def _duration(seconds: float) -> str:
    """Go's duration format, as in Groq's x-ratelimit-reset-* headers: 2m59.56s, 7.66s, 172ms."""
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    minutes, rest = divmod(seconds, 60)
    text = f"{rest:.2f}".rstrip("0").rstrip(".") + "s"
    return f"{int(minutes)}m{text}" if minutes else text


class _GroqHeaders:
    """ASGI middleware: a request id and the six rate-limit headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.served = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        self.served += 1
        extra = {
            "x-request-id": request_id,
            "x-groq-region": "fake-1",
            "x-ratelimit-limit-requests": "14400",
            "x-ratelimit-limit-tokens": "6000",
            "x-ratelimit-remaining-requests": str(max(0, 14400 - self.served)),
            "x-ratelimit-remaining-tokens": "5900",
            "x-ratelimit-reset-requests": _duration(179.56),
            "x-ratelimit-reset-tokens": _duration(0.172 + (self.served % 7)),
        }

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [
                    (k.encode(), v.encode()) for k, v in extra.items() if k.encode() not in present
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(
    status: int,
    message: str,
    *,
    type_: str = "invalid_request_error",
    code: str | None = None,
    param: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    error: dict[str, Any] = {"message": message, "type": type_}
    if code is not None:
        error["code"] = code
    if param is not None:
        error["param"] = param
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _fault_response(fault: Fault, model: str) -> Response:
    if fault.garbage:
        return Response(_GARBAGE, status_code=200, media_type="text/html")
    if fault.status == 429:
        wait = fault.retry_after or 0
        return _error(
            429,
            f"Rate limit reached for model `{model}` in organization `org_fake` service tier "
            f"`on_demand` on requests per minute (RPM): Limit 30, Used 30, Requested 1. "
            f"Please try again in {wait}s.",
            type_="requests",
            code="rate_limit_exceeded",
            headers={"retry-after": str(round(wait))},
        )
    message = "Internal Server Error" if fault.status < 503 else "Service Unavailable"
    return _error(fault.status, message, type_="internal_server_error")


class _Handlers:
    def __init__(self, api_key: str | None, behaviour: FakeGroqBehaviour) -> None:
        self.api_key = api_key
        self.behaviour = behaviour
        self.received: list[ReceivedRequest] = []
        self.streams: dict[str, str] = {}

    async def admit(self, request: Request) -> Response | None:
        """Record the request, wait the scripted latency, check the key, play a fault."""
        body = await request.body()
        self.received.append(
            ReceivedRequest(request.method, request.url.path, dict(request.headers), body)
        )
        # The fault is claimed on arrival: a request still sleeping out its latency must not
        # take a fault scripted after it came in (a later test's, say).
        expected = f"Bearer {self.api_key}"
        authorized = self.api_key is None or request.headers.get("authorization") == expected
        fault = self.behaviour.take_fault() if authorized else None
        if self.behaviour.latency:
            await asyncio.sleep(self.behaviour.latency)
        if not authorized:
            return _error(401, "Invalid API Key", code="invalid_api_key")
        if fault is not None:
            return _fault_response(fault, "llama-3.3-70b-versatile")
        return None

    async def chat(self, request: Request) -> Response:
        refused = await self.admit(request)
        if refused is not None:
            return refused
        try:
            body = json.loads(await request.body())
        except ValueError:
            return _error(
                400,
                "We could not parse the JSON body of your request. The OpenAI API expects a "
                "JSON payload, but what was sent was not valid JSON.",
            )
        try:
            validate(body)
        except ChatRequestError as exc:
            code = exc.code
            return _error(exc.status, exc.message, code=code, param=exc.param)
        reply = self.reply_for(body)
        request_id: str = request.state.request_id
        if body.get("stream"):
            return StreamingResponse(
                self._stream(body, reply, request_id),
                media_type="text/event-stream",
                headers={"cache-control": "no-cache"},
            )
        return JSONResponse(_completion(body, reply, request_id))

    def reply_for(self, body: dict[str, Any]) -> Reply:
        """What the model answers to a valid chat body (the scripted answer, if one is set)."""
        reply = plan_reply(body)
        scripted = self.behaviour.answer
        if scripted is not None and reply.tool_call is None:
            reply = Reply(scripted, None, "stop", len(split_text(scripted, None)))
        return reply

    def completion(self, body: dict[str, Any], request_id: str) -> dict[str, Any]:
        """The whole answer `POST /chat/completions` would give a valid `body`."""
        return _completion(body, self.reply_for(body), request_id)

    async def _stream(
        self, body: dict[str, Any], reply: Reply, request_id: str
    ) -> AsyncIterator[bytes]:
        """The SSE body; `streams[request_id]` tells how it ended: done, error, cut, cancelled."""
        behaviour = self.behaviour
        head = _chunk_head(body)
        first_delta = {"role": "assistant", "content": "" if reply.tool_call is None else None}
        self.streams[request_id] = outcome = "open"
        try:
            yield _data(
                head | _choice(first_delta) | {"x_groq": {"id": request_id, "seed": _seed(body)}}
            )
            for sent, delta in enumerate(_deltas(reply, behaviour)):
                if sent == behaviour.cut_stream_after:
                    outcome = "cut"
                    raise _StreamCut
                if sent == behaviour.stream_error_after:
                    outcome = "error"
                    yield encode_event(json.dumps({"error": _STREAM_ERROR}), event="error")
                    return
                if behaviour.chunk_delay:
                    await asyncio.sleep(behaviour.chunk_delay)
                yield _data(head | _choice(delta))
            numbers = usage(body, reply.completion_tokens)
            final = _choice({}, finish_reason=reply.finish_reason)
            yield _data(
                head | final | {"x_groq": {"id": request_id, "usage": numbers}, "usage": numbers}
            )
            if (body.get("stream_options") or {}).get("include_usage"):
                yield _data(head | {"choices": [], "usage": numbers, "service_tier": "on_demand"})
            yield b"data: [DONE]\n\n"
            outcome = "done"
        finally:
            # Still "open" here means the client went away and the server cancelled us.
            self.streams[request_id] = "cancelled" if outcome == "open" else outcome

    async def models(self, request: Request) -> Response:
        refused = await self.admit(request)
        if refused is not None:
            return refused
        return JSONResponse({"object": "list", "data": list(MODELS.values())})

    async def model(self, request: Request) -> Response:
        refused = await self.admit(request)
        if refused is not None:
            return refused
        model_id = request.path_params["model"]
        if model_id not in MODELS:
            return _model_not_found(model_id)
        return JSONResponse(MODELS[model_id])

    async def transcribe(self, request: Request) -> Response:
        refused = await self.admit(request)
        if refused is not None:
            return refused
        form = await request.form()
        upload, model = form.get("file"), form.get("model")
        if not isinstance(model, str):
            return _error(400, "'model' : value must be a string", param="model")
        if model not in SPEECH_MODELS:
            return _model_not_found(model)
        if not isinstance(upload, UploadFile):
            return _error(400, "either a file or a url must be provided", param="file")
        audio = await upload.read()
        try:
            text = audio.decode("utf-8").strip()
        except UnicodeDecodeError:
            text = f"[{len(audio)} bytes of audio]"
        response_format = form.get("response_format", "json")
        if response_format == "text":
            return PlainTextResponse(text)
        answer: dict[str, Any] = {"text": text, "x_groq": {"id": request.state.request_id}}
        if response_format == "verbose_json":
            answer = {
                "task": "translate" if request.url.path.endswith("translations") else "transcribe",
                "language": "English",
                "duration": round(len(audio) / 32000, 2),
                **answer,
                "segments": None,
            }
        elif response_format != "json":
            return _error(400, "response_format must be json, text or verbose_json")
        return JSONResponse(answer)


def _model_not_found(model_id: str) -> JSONResponse:
    return _error(
        404,
        f"The model `{model_id}` does not exist or you do not have access to it.",
        code="model_not_found",
    )


def _seed(body: dict[str, Any]) -> int:
    seed = body.get("seed")
    return seed if isinstance(seed, int) else 1234567890


def _chunk_head(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4()}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body["model"],
        "system_fingerprint": "fp_fa4e0f3b2c",
    }


def _choice(delta: dict[str, Any], *, finish_reason: str | None = None) -> dict[str, Any]:
    return {
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}]
    }


def _data(chunk: dict[str, Any]) -> bytes:
    return encode_event(json.dumps(chunk, separators=(",", ":")))


def _deltas(reply: Reply, behaviour: FakeGroqBehaviour) -> list[dict[str, Any]]:
    if reply.tool_call is None:
        return [
            {"content": piece} for piece in split_text(reply.content or "", behaviour.chunk_size)
        ]
    call = reply.tool_call
    if behaviour.tool_call_mode == "single":
        return [{"tool_calls": [{**call, "index": 0}]}]
    arguments = call["function"]["arguments"]
    opening = {**call, "function": {"name": call["function"]["name"], "arguments": ""}, "index": 0}
    pieces = split_text(arguments, behaviour.chunk_size or max(1, len(arguments) // 3))
    return [{"tool_calls": [opening]}] + [
        {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]} for piece in pieces
    ]


def _completion(body: dict[str, Any], reply: Reply, request_id: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.content}
    if reply.tool_call is not None:
        message["tool_calls"] = [reply.tool_call]
    return {
        "id": f"chatcmpl-{uuid.uuid4()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body["model"],
        "choices": [
            {"index": 0, "message": message, "logprobs": None, "finish_reason": reply.finish_reason}
        ],
        "usage": usage(body, reply.completion_tokens),
        "usage_breakdown": None,
        "system_fingerprint": "fp_fa4e0f3b2c",
        "x_groq": {"id": request_id, "seed": _seed(body)},
        "service_tier": "on_demand",
    }


async def _not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    if status == 405:
        return _error(405, f"Method {request.method} is not allowed for this URL")
    return _error(
        404,
        f"Unknown request URL: {request.method} {request.url.path}. Please check the URL for "
        "typos, or see the docs at https://console.groq.com/docs/",
        code="unknown_url",
    )


def create_fake_groq_app(
    *, api_key: str | None = "test-groq-key", behaviour: FakeGroqBehaviour | None = None
) -> Starlette:
    """A fake Groq. `api_key=None` accepts any key.

    Tests read `app.state.received` (every request, in order, body bytes as sent) and
    `app.state.streams` (request id → how its stream ended), and script faults through
    `app.state.behaviour`.
    """
    handlers = _Handlers(api_key, behaviour or FakeGroqBehaviour())
    server_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietCuts) for f in server_log.filters):
        server_log.addFilter(_QuietCuts())
    api = "/openai/v1"
    app = Starlette(
        routes=[
            Route(f"{api}/chat/completions", handlers.chat, methods=["POST"]),
            Route(f"{api}/models", handlers.models, methods=["GET"]),
            Route(f"{api}/models/{{model:path}}", handlers.model, methods=["GET"]),
            Route(f"{api}/audio/transcriptions", handlers.transcribe, methods=["POST"]),
            Route(f"{api}/audio/translations", handlers.transcribe, methods=["POST"]),
            *BatchHandlers(handlers.admit, handlers.completion, handlers.behaviour).routes(api),
            *EmbeddingHandlers(handlers.admit).routes(api),
            *ResponsesHandlers(handlers.admit).routes(api),
        ],
        exception_handlers={404: _not_found, 405: _not_found},
    )
    app.state.received = handlers.received
    app.state.streams = handlers.streams
    app.state.behaviour = handlers.behaviour
    app.add_middleware(_GroqHeaders)
    return app
