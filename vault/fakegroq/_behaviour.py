"""Faults and timing a test scripts into the fake Groq server; safe to change while it serves."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["FakeGroqBehaviour", "Fault"]


@dataclass(frozen=True, slots=True)
class Fault:
    """One scripted failure: an error status (with `retry-after` on 429) or a garbage 200."""

    status: int
    retry_after: float | None = None
    garbage: bool = False


@dataclass
class FakeGroqBehaviour:
    """What the fake does besides answering well. Plain fields may be set at any time.

    latency: seconds before each answer starts. chunk_delay: seconds between stream chunks.
    chunk_size: characters per content chunk (None: one word per chunk); tool-call arguments
    use it too in "split" mode. cut_stream_after: close the connection after this many content
    chunks. stream_error_after: send `event: error` after this many content chunks, then end.
    tool_call_mode: "single" sends a whole tool call in one delta, "split" spreads its arguments.
    answer: a text every chat answers with instead of echoing the prompt (what a model writes
    from its training data or an injected document).
    batch_delay: seconds a batch takes from `validating` to its end (half of it validating).
    batch_outcome: how a batch ends: `completed`, or `expired`, `failed` (validation),
    `cancelled` (as if cancelled upstream).
    """

    latency: float = 0.0
    chunk_delay: float = 0.0
    chunk_size: int | None = None
    cut_stream_after: int | None = None
    stream_error_after: int | None = None
    tool_call_mode: Literal["single", "split"] = "single"
    answer: str | None = None
    batch_delay: float = 0.2
    batch_outcome: Literal["completed", "expired", "failed", "cancelled"] = "completed"
    _faults: list[Fault] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def fail_next(self, count: int = 1, *, status: int = 429, retry_after: float = 0) -> None:
        """The next `count` requests answer `status` in Groq's error shape."""
        fault = Fault(status=status, retry_after=retry_after if status == 429 else None)
        with self._lock:
            self._faults.extend([fault] * count)

    def garbage_next(self, count: int = 1) -> None:
        """The next `count` requests answer 200 with a body that is not what the API promises."""
        with self._lock:
            self._faults.extend([Fault(status=200, garbage=True)] * count)

    def take_fault(self) -> Fault | None:
        """The fault for this request, if one is scripted (used by the server)."""
        with self._lock:
            return self._faults.pop(0) if self._faults else None

    def reset(self) -> None:
        with self._lock:
            self._faults.clear()
        self.latency = self.chunk_delay = 0.0
        self.chunk_size = self.cut_stream_after = self.stream_error_after = None
        self.tool_call_mode = "single"
        self.answer = None
        self.batch_delay = 0.2
        self.batch_outcome = "completed"
