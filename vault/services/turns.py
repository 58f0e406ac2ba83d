"""Detection takes turns: one thread of a process detects at a time, in the order they came.

Detection is CPU-bound and runs under the GIL, and spaCy's model lets the GIL go in each of
its many small numpy steps. Threads detecting side by side therefore hand the GIL to one
another thousands of times a text, each time a context switch and cold caches: under load, a
served vault spent 18 CPU ms a request this way against 10.8 ms with turns (`vault.bench
load`). A turn is first come, first served, so a short prompt waits for at most the turns
queued before it, never for a stream of later ones.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Turns"]


class Turns:
    """A first-come, first-served lock."""

    def __init__(self) -> None:
        self._changed = threading.Condition(threading.Lock())
        self._issued = 0
        self._serving = 0

    @property
    def queued(self) -> int:
        """Threads that hold a turn or wait for one."""
        with self._changed:
            return self._issued - self._serving

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._changed:
            ticket = self._issued
            self._issued += 1
            if ticket != self._serving:
                self._changed.wait_for(lambda: self._serving == ticket)
        try:
            yield
        finally:
            with self._changed:
                self._serving += 1
                self._changed.notify_all()
