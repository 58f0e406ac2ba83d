"""The fake's embeddings: OpenAI's wire format (groq-api.md §1), deterministic vectors.

A text's vector is drawn from the SHA-256 of its exact bytes, so a test can tell which text the
fake embedded: equal texts give equal vectors, any change another vector.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from vault.fakegroq._chat import EMBEDDING_MODELS
from vault.fakegroq._wire import error, read_request

__all__ = ["DIMENSIONS", "EmbeddingHandlers", "vector_of"]

DIMENSIONS = 16
_FIELDS = frozenset({"model", "input", "encoding_format", "dimensions", "user"})
_MAX_INPUTS = 2048


def vector_of(text: str, dimensions: int = DIMENSIONS) -> list[float]:
    """The fake's embedding of `text`: `dimensions` floats in [-1, 1)."""
    seed = hashlib.sha256(text.encode()).digest()
    raw = (seed * (dimensions * 2 // len(seed) + 1))[: dimensions * 2]
    return [(int.from_bytes(raw[i : i + 2], "big") / 32768.0) - 1.0 for i in range(0, len(raw), 2)]


class EmbeddingHandlers:
    """POST /openai/v1/embeddings, validated as Groq validates it."""

    def __init__(self, admit: Callable[[Request], Awaitable[Response | None]]) -> None:
        self._admit = admit

    def routes(self, api: str) -> list[Route]:
        return [Route(f"{api}/embeddings", self.embeddings, methods=["POST"])]

    async def embeddings(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        read = await read_request(request, _FIELDS, EMBEDDING_MODELS.__contains__)
        if isinstance(read, JSONResponse):
            return read
        body, model = read
        texts = body.get("input")
        if isinstance(texts, str):
            texts = [texts]
        if (
            not isinstance(texts, list)
            or not 0 < len(texts) <= _MAX_INPUTS
            or not all(isinstance(t, str) and t for t in texts)
        ):
            return error(
                400, "'input' : value must be a string or an array of strings", param="input"
            )
        encoding = body.get("encoding_format", "float")
        if encoding not in ("float", "base64"):
            return error(
                400, "'encoding_format' : value must be float or base64", param="encoding_format"
            )
        dimensions = body.get("dimensions", DIMENSIONS)
        if not isinstance(dimensions, int) or not 0 < dimensions <= 768:
            return error(400, "'dimensions' : value must be 1 to 768", param="dimensions")
        data = []
        for index, text in enumerate(texts):
            vector = vector_of(text, dimensions)
            embedding: Any = vector
            if encoding == "base64":
                embedding = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
            data.append({"object": "embedding", "index": index, "embedding": embedding})
        tokens = sum(len(text.split()) for text in texts)
        return JSONResponse(
            {
                "object": "list",
                "data": data,
                "model": model,
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            }
        )
