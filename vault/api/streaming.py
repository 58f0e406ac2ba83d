"""Request bodies handed to blocking work in a worker thread, chunk by chunk as they arrive."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import anyio
import anyio.from_thread
import anyio.to_thread
from fastapi import Request

__all__ = ["with_body"]

T = TypeVar("T")


async def with_body(request: Request, work: Callable[[Iterator[bytes]], T]) -> T:
    """Run blocking `work` in a worker thread, feeding it the request body as it arrives (never
    buffered whole, never spooled to disk)."""
    body = request.stream().__aiter__()

    async def next_chunk() -> bytes | None:
        try:
            return await body.__anext__()
        except StopAsyncIteration:
            return None

    def chunks() -> Iterator[bytes]:
        while (chunk := anyio.from_thread.run(next_chunk)) is not None:
            if chunk:
                yield chunk

    return await anyio.to_thread.run_sync(lambda: work(chunks()))
