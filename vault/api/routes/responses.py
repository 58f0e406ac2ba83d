"""`/openai/v1/responses` and `/openai/v1/embeddings`: the Responses API and embeddings through
the same redaction, guard, restore and audit as chat. The routes only translate."""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from vault.api.deps import get_vault
from vault.api.routes.proxy import (
    _PURPOSE_HEADER,
    _caller,
    _json_body,
    _RequestRecorder,
    _whole_answer,
)
from vault.services.embeddings import ProxyEmbeddings
from vault.services.responses import ProxyResponses

router = APIRouter(prefix="/openai/v1", tags=["proxy"])


@router.post("/responses", openapi_extra=_PURPOSE_HEADER)
async def create_response(request: Request) -> Any:
    """OpenAI's Responses API (text or input items, instructions, function tools, stream),
    answered through the chat door: PII tokenized on the way out, restored on the way in."""
    purpose = request.headers.get("x-vault-purpose")
    principal = await _caller(request)
    door = get_vault(request).proxy_chat
    responses = ProxyResponses(door)
    recorder = responses.recorder(_RequestRecorder(request, principal))
    try:
        body = await _json_body(request)
        understood = responses.understand(body)
        if not understood.stream:
            completed = await anyio.to_thread.run_sync(
                lambda: responses.complete(
                    responses.prepare(principal, understood, purpose=purpose, recorder=recorder),
                    understood,
                )
            )
            return _whole_answer(request, completed)
        prepared = await anyio.to_thread.run_sync(
            lambda: responses.prepare(principal, understood, purpose=purpose, recorder=recorder)
        )
        stream, headers = await door.open_stream(prepared)
    except Exception as exc:
        await anyio.to_thread.run_sync(door.failed, recorder, exc)
        raise
    return StreamingResponse(
        responses.relay(prepared, stream, understood),
        media_type="text/event-stream",
        headers=headers,
    )


@router.post("/embeddings")
async def create_embeddings(request: Request) -> JSONResponse:
    """Embeddings of tokenized text: each input tokenized as the chat door would, the exact
    body guarded, any field not understood refused."""
    principal = await _caller(request)
    recorder = _RequestRecorder(request, principal)
    embeddings = ProxyEmbeddings(get_vault(request))
    try:
        body = await _json_body(request)
    except Exception as exc:
        await anyio.to_thread.run_sync(get_vault(request).proxy_chat.failed, recorder, exc)
        raise
    answer = await anyio.to_thread.run_sync(
        lambda: embeddings.create(principal, body, recorder=recorder)
    )
    return JSONResponse(answer.body, status_code=answer.status, headers=answer.headers)
