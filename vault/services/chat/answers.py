"""The answer guard: PII the model wrote itself is tokenized before any caller sees it.

Restoring an answer puts back the caller's own values. What else the model writes — a name from
its training data, a value from a tool result or an injected document — is not the caller's to
see just because the model said it: it is detected and tokenized for every caller, whatever its
role (policy `answers: scan`; `restore` turns the guard off). Left alone are the values the vault
restored, the values the caller sent in this request and any part of them ("Mr Smith" after
"John Smith"), and the vault's own tokens.

A whole answer is read at once. A streamed one is read in windows: text is held back only until
a batch of it has arrived, and then released up to a word boundary a few dozen characters before
its end, so a value cut across chunks is read whole; what is held never grows with the answer.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable

from vault.domain.entities import LITERAL_TOKEN_TYPE
from vault.domain.spans import Span
from vault.services.anonymize import Anonymizer

__all__ = ["AnswerGuard", "GuardedStream"]

# A streamed answer is read once this much of it waits, and released up to a word boundary at
# least `_HOLD` characters before the end of what arrived: longer than any value cut in two.
_BATCH = 96
_HOLD = 32
_CONTEXT = 48  # characters already released that are read again before a window, for context
_BOUNDARY = re.compile(r"\s")


class AnswerGuard:
    """Reads one request's answers for PII that is not the caller's own."""

    def __init__(
        self,
        anonymizer: Anonymizer,
        tenant: str,
        own_values: Iterable[str],
        *,
        known: Callable[[str], list[Span] | None] = lambda text: None,
    ) -> None:
        """`known`: the spans of a whole answer if they are known already (the tenant's
        detection cache: the same answer, given before), else None."""
        self._anonymizer = anonymizer
        self._known = known
        self._tenant = tenant
        self._own = [value.casefold() for value in own_values if value]
        self.counts: Counter[str] = Counter()
        self.seconds = 0.0  # time spent detecting, for the request's Server-Timing

    def whole(self, text: str, restored: list[Span]) -> tuple[str, list[Span]]:
        """`text` with what the model wrote that is PII, and not the caller's own, tokenized;
        and every span detection found in `text` (what the next turn's cache can use)."""
        found = self._known(text)
        if found is None:
            found = self.detect(text)
        return self.tokenized(text, self.foreign(text, found, restored)), found

    def stream(self) -> GuardedStream:
        return GuardedStream(self)

    def detect(self, text: str) -> list[Span]:
        started = time.perf_counter()
        try:
            return self._anonymizer.find_spans(text)
        finally:
            self.seconds += time.perf_counter() - started

    def foreign(self, text: str, found: list[Span], restored: list[Span]) -> list[Span]:
        """The spans of `found` that are neither tokens, restored values nor the caller's own."""
        return [
            span
            for span in found
            if span.entity_type != LITERAL_TOKEN_TYPE
            and not any(span.overlaps(r) for r in restored)
            and not self._is_own(text[span.start : span.end])
        ]

    def _is_own(self, value: str) -> bool:
        folded = value.casefold()
        return any(folded in own or own in folded for own in self._own)

    def tokenized(self, text: str, spans: list[Span]) -> str:
        if not spans:
            return text
        anonymized = self._anonymizer.anonymize(self._tenant, text, spans=spans)
        self.counts.update(anonymized.counts())
        return anonymized.text


class GuardedStream:
    """One streamed text (a choice's content) read in bounded windows.

    Fed the restored text in order, with where restored values stand in it (offsets in the
    whole restored text); returns what may go to the caller now. Not thread-safe."""

    def __init__(self, guard: AnswerGuard) -> None:
        self._guard = guard
        self._pending = ""
        self._released = 0  # restored characters released so far
        self._tail = ""  # the last released restored characters, read again for context
        self.changed = False  # whether anything was tokenized
        self.out: list[str] = []  # what went to the caller, in order
        self.detected: dict[tuple[int, int], Span] = {}  # spans found, in whole-text offsets

    def will_read(self, piece: str) -> bool:
        """Whether feeding `piece` reads a window (detection: worth a worker thread)."""
        return len(self._pending) + len(piece) >= _BATCH

    def feed(self, piece: str, restored: list[Span]) -> str:
        self._pending += piece
        if len(self._pending) < _BATCH:
            return ""
        cut = self._cut()
        return self._release(cut, restored) if cut else ""

    def flush(self, restored: list[Span]) -> str:
        return self._release(len(self._pending), restored) if self._pending else ""

    def _cut(self) -> int:
        """Where to end this release: a word boundary at least `_HOLD` from the end."""
        limit = len(self._pending) - _HOLD
        boundaries = [m.start() for m in _BOUNDARY.finditer(self._pending, 0, max(limit, 0))]
        return boundaries[-1] + 1 if boundaries else max(limit, 0)

    def _release(self, cut: int, restored: list[Span]) -> str:
        window = self._tail + self._pending
        start = self._released - len(self._tail)  # the window's offset in the whole text
        local = [
            Span(max(r.start - start, 0), r.end - start, r.entity_type, r.score)
            for r in restored
            if r.end > start and r.end - start > max(r.start - start, 0)
        ]
        guard = self._guard
        everything = guard.detect(window)
        found = guard.foreign(window, everything, local)
        edge = len(self._tail) + cut
        # A value that runs past the cut waits for the next window, whole.
        for span in found:
            if span.start < edge < span.end and span.start >= len(self._tail):
                edge = span.start
        cut = edge - len(self._tail)
        if cut <= 0:
            if len(self._pending) < _BATCH * 4:
                return ""  # the value has not ended yet: wait for it
            cut = len(self._pending)  # a value longer than any window: released as read
        tail = len(self._tail)
        piece = self._pending[:cut]
        inside = [
            Span(s.start - tail, min(s.end - tail, cut), s.entity_type, s.score)
            for s in found
            if s.start >= tail and s.start - tail < cut
        ]
        for span in everything:
            if span.start >= 0 and span.end <= tail + cut and span.end > tail:
                at = (span.start + start, span.end + start)
                self.detected[at] = Span(*at, span.entity_type, span.score)
        released = guard.tokenized(piece, inside)
        self.changed = self.changed or released != piece
        self.out.append(released)
        self._pending = self._pending[cut:]
        self._released += cut
        self._tail = (self._tail + piece)[-_CONTEXT:]
        return released
