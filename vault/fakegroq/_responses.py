"""The fake's Responses API (OpenAI's wire format; groq-api.md names the endpoint only): the same
echo as chat, as a response object or the Responses event stream."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from vault.domain.sse import encode_event
from vault.fakegroq._chat import EMBEDDING_MODELS, MODELS, SPEECH_MODELS, split_text
from vault.fakegroq._wire import error, read_request

__all__ = ["ResponsesHandlers"]

_FIELDS = frozenset(
    {
        "model",
        "input",
        "instructions",
        "tools",
        "tool_choice",
        "stream",
        "temperature",
        "top_p",
        "max_output_tokens",
        "parallel_tool_calls",
        "text",
        "store",
        "metadata",
        "previous_response_id",
        "reasoning",
        "user",
    }
)


def _serves(model: str) -> bool:
    """The Responses API answers with the chat models: not speech, not embeddings."""
    return model in MODELS and model not in SPEECH_MODELS | EMBEDDING_MODELS


def _text(content: Any) -> str | None:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict)]
        if all(isinstance(p, str) for p in parts):
            return "".join(parts)  # type: ignore[arg-type]
    return None


def _last_said(body: dict[str, Any]) -> tuple[str, str] | None:
    """What the last input item says, and whether it is a user's text or a tool's output."""
    given = body.get("input")
    if isinstance(given, str):
        return "user", given
    if not isinstance(given, list) or not given or not isinstance(given[-1], dict):
        return None
    last = given[-1]
    if last.get("type") == "function_call_output" and isinstance(last.get("output"), str):
        return "tool", last["output"]
    text = _text(last.get("content"))
    return ("user", text) if text is not None else None


class ResponsesHandlers:
    """POST /openai/v1/responses: "You said: <last input>" ("Tool said: ..." after a tool)."""

    def __init__(self, admit: Callable[[Request], Awaitable[Response | None]]) -> None:
        self._admit = admit

    def routes(self, api: str) -> list[Route]:
        return [Route(f"{api}/responses", self.create, methods=["POST"])]

    async def create(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        read = await read_request(request, _FIELDS, _serves)
        if isinstance(read, JSONResponse):
            return read
        body, model = read
        said = _last_said(body)
        if said is None:
            return error(400, "'input' : value must be a string or input items", param="input")
        role, text = said
        reply = f"Tool said: {text}" if role == "tool" else f"You said: {text}"
        response = _response(model, reply, status="completed")
        if body.get("stream"):
            return StreamingResponse(_events(response, reply), media_type="text/event-stream")
        return JSONResponse(response)


def _response(model: str, text: str, *, status: str) -> dict[str, Any]:
    words = len(split_text(text, None))
    return {
        "id": f"resp_{uuid.uuid4().hex}",
        "object": "response",
        "created_at": int(time.time()),
        "status": status,
        "model": model,
        "output": [
            {
                "type": "message",
                "id": f"msg_{uuid.uuid4().hex}",
                "status": "completed",
                "role": "assistant",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            }
        ],
        "error": None,
        "incomplete_details": None,
        "usage": {
            "input_tokens": words,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": words,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 2 * words,
        },
    }


async def _events(response: dict[str, Any], text: str) -> AsyncIterator[bytes]:
    sequence = iter(range(1_000_000))
    item = response["output"][0]
    at = {"item_id": item["id"], "output_index": 0, "content_index": 0}

    def event(kind: str, **fields: Any) -> bytes:
        data = {"type": kind, "sequence_number": next(sequence), **fields}
        return encode_event(json.dumps(data, separators=(",", ":")), event=kind)

    started = {**response, "status": "in_progress", "output": []}
    yield event("response.created", response=started)
    yield event("response.in_progress", response=started)
    yield event(
        "response.output_item.added",
        output_index=0,
        item={**item, "status": "in_progress", "content": []},
    )
    empty = {"type": "output_text", "text": "", "annotations": []}
    yield event("response.content_part.added", **at, part=empty)
    for piece in split_text(text, None):
        yield event("response.output_text.delta", **at, delta=piece, logprobs=[])
    yield event("response.output_text.done", **at, text=text)
    yield event("response.content_part.done", **at, part=item["content"][0])
    yield event("response.output_item.done", output_index=0, item=item)
    yield event("response.completed", response=response)
