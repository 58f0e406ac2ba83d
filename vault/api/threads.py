"""Worker threads for the proxy's blocking steps, reached with less event-loop work than anyio's.

Each `anyio.to_thread.run_sync` costs the event loop a checkpoint, a cancel scope and a capacity
limiter around the hand-over: about 0.27 M instructions a call, against 0.17 M through a
thread pool's future. A proxied chat makes two such calls (the request's work, then its audit
record once the answer has gone), so the busiest route hands its work over here instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["WorkerThreads"]

_T = TypeVar("_T")
# As many as anyio's default limiter allows: a chat holds its thread while the upstream answers.
_MAX_THREADS = 40


class WorkerThreads:
    """A pool of threads for blocking calls made from the event loop."""

    def __init__(self, max_threads: int = _MAX_THREADS) -> None:
        self._pool = ThreadPoolExecutor(max_threads, thread_name_prefix="vault-worker")

    async def run(self, call: Callable[..., _T], *args: Any) -> _T:
        """`call(*args)` in a worker thread; its result, or what it raised. A cancelled caller
        stops waiting, but a call once handed over always runs to its end (a completed
        request's audit record is never dropped on the way)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[_T] = loop.create_future()

        def finished(work: Future[_T]) -> None:
            loop.call_soon_threadsafe(_settle, done, work)

        self._pool.submit(call, *args).add_done_callback(finished)
        return await done

    def close(self) -> None:
        """Finish what was handed over, then stop the threads."""
        self._pool.shutdown(wait=True)


def _settle(done: asyncio.Future[_T], work: Future[_T]) -> None:
    if done.cancelled():
        return
    error = work.exception()
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(work.result())
