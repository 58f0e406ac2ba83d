"""Server-sent events: an incremental decoder that takes bytes in any chunking, and an encoder."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

__all__ = ["SseDecoder", "SseEvent", "encode_event"]


@dataclass(frozen=True, slots=True)
class SseEvent:
    """One dispatched event: its name (None when unnamed) and its data lines joined by newlines."""

    data: str
    event: str | None = None


def encode_event(data: str, *, event: str | None = None) -> bytes:
    """One event as wire bytes; a multi-line `data` becomes several `data:` lines."""
    lines = [f"event: {event}"] if event is not None else []
    lines.extend(f"data: {line}" for line in data.split("\n"))
    return ("\n".join(lines) + "\n\n").encode("utf-8")


class SseDecoder:
    """Feed it bytes as they arrive; it returns the events completed so far.

    Follows the WHATWG parsing rules: lines end in CRLF, LF or CR; a blank line dispatches; lines
    starting with ':' are comments; `id` and `retry` are accepted and ignored; an event with no
    `data` line is not dispatched. Invalid UTF-8 is replaced, never raised.
    """

    def __init__(self) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self._event: str | None = None
        self._data: list[str] = []
        self._has_data = False

    def feed(self, chunk: bytes) -> list[SseEvent]:
        return self._consume(self._utf8.decode(chunk))

    def close(self) -> list[SseEvent]:
        """Flush at end of stream; an event missing its blank line is dropped, as browsers do."""
        events = self._consume(self._utf8.decode(b"", final=True))
        if self._pending.endswith("\r"):
            # A lone CR held back in case an LF followed: at the end it is a line ending.
            events.extend(self._consume("\n"))
        return events

    def _consume(self, text: str) -> list[SseEvent]:
        buffer = self._pending + text
        events: list[SseEvent] = []
        start = 0
        length = len(buffer)
        while start < length:
            cut = _line_end(buffer, start)
            if cut is None:
                break
            end, after = cut
            event = self._line(buffer[start:end])
            if event is not None:
                events.append(event)
            start = after
        self._pending = buffer[start:]
        return events

    def _line(self, line: str) -> SseEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._data.append(value)
            self._has_data = True
        elif name == "event":
            self._event = value
        return None

    def _dispatch(self) -> SseEvent | None:
        event = SseEvent(data="\n".join(self._data), event=self._event or None)
        has_data = self._has_data
        self._event, self._data, self._has_data = None, [], False
        return event if has_data else None


def _line_end(buffer: str, start: int) -> tuple[int, int] | None:
    """(end of the line, start of the next) from `start`, or None if the line is incomplete."""
    lf = buffer.find("\n", start)
    cr = buffer.find("\r", start)
    if cr == -1 or (lf != -1 and lf < cr):
        return None if lf == -1 else (lf, lf + 1)
    if cr + 1 == len(buffer):
        return None  # a CR at the very end may be the first half of a CRLF
    return (cr, cr + 2) if buffer[cr + 1] == "\n" else (cr, cr + 1)
