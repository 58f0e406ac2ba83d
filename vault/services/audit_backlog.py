"""Audit records stored just after the answer has gone back, and kept until they are stored.

A completed proxy request is recorded once its answer is on its way: the caller does not wait
for the database (about a third of the proxy's own work on a request). The guarantee moves to
the door instead: before a request may leave for the LLM, `admit()` stores whatever is still
pending and refuses the request while it cannot, so an audit log that has stopped taking
records stops the traffic too, and only requests already answered can be waiting for theirs.
Records go in the order they were handed over. What a crash of the process loses is the
handful of records in flight at that moment (a few milliseconds' worth), never a link of the
chain: the chain is only ever extended by stored records.

With several workers, an `OutageFlag` shared by all of them (Redis) closes every door at once:
the worker whose records cannot be stored raises it, every worker refuses while it stands, and
the worker lowers it once its records are stored (or it falls by its TTL if that worker died).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque

from vault.domain.audit import AuditEvent
from vault.errors import ServiceUnavailable, VaultError
from vault.ports import AuditLog, Events, OutageFlag

__all__ = ["AuditBacklog"]

log = logging.getLogger("vault.audit")


class AuditBacklog:
    """Stores events in `log` in order; keeps those the log cannot take yet. Thread-safe."""

    def __init__(
        self, log: AuditLog, *, flag: OutageFlag | None = None, events: Events | None = None
    ) -> None:
        self._log = log
        self._flag = flag
        # `audit.unavailable` for the tenants whose records wait: when an outage starts (if the
        # event can be queued then) and when it ends, with how many records waited how long.
        self._events = events
        self._outage: tuple[float, set[str]] | None = None
        self._raised = False  # by this process: only it knows when its records are stored
        self._pending: deque[AuditEvent] = deque()
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def append(self, event: AuditEvent) -> None:
        """Store `event` after any still pending; if the log fails, keep it for later. Never
        raises for the log's failures: the caller has already answered."""
        with self._lock:
            self._pending.append(event)
            try:
                self._store_pending()
            except VaultError as exc:
                # The code and a count only: the error's text may quote the database's.
                log.warning("audit records waiting to be stored: %d (%s)", self.pending, exc.code)
                self._raise_flag()
                self._outage_began()
            else:
                self._lower_flag()
                self._outage_ended()

    def admit(self) -> None:
        """Return once nothing is pending; ServiceUnavailable while pending records cannot be
        stored, or while another worker's cannot be (the shared flag; ServiceUnavailable too
        if the flag cannot be read). Costs nothing when the backlog is empty and no flag is
        shared, the usual case of one process."""
        if not self._pending:
            if self._flag is not None and self._flag.is_raised():
                raise _closed()
            return
        with self._lock:
            try:
                self._store_pending()
            except VaultError:
                self._raise_flag()
                self._outage_began()
                raise _closed() from None
            self._lower_flag()
            self._outage_ended()

    def flush(self) -> int:
        """Try once to store what is pending (at shutdown); how many records are still left."""
        with self._lock:
            try:
                self._store_pending()
            except VaultError:
                log.error("audit records that could not be stored: %d", self.pending)
            return self.pending

    def _raise_flag(self) -> None:
        if self._flag is None:
            return
        try:
            self._flag.raise_flag()
            self._raised = True
        except VaultError as exc:  # this worker still refuses; the others may not know
            log.error("audit outage flag could not be raised (%s)", exc.code)

    def _lower_flag(self) -> None:
        if self._flag is None or not self._raised:
            return
        try:
            self._flag.lower()
            self._raised = False
        except VaultError as exc:  # tried again after the next stored record
            log.warning("audit outage flag could not be lowered (%s)", exc.code)

    def _outage_began(self) -> None:
        tenants = {event.tenant for event in self._pending}
        if self._outage is not None:
            self._outage[1].update(tenants)
            return
        self._outage = (time.monotonic(), tenants)
        self._announce(tenants, {"state": "started", "held": len(self._pending)})

    def _outage_ended(self) -> None:
        if self._outage is None:
            return
        started, tenants = self._outage
        self._outage = None
        seconds = max(0, round(time.monotonic() - started))
        self._announce(tenants, {"state": "recovered", "seconds": seconds})

    def _announce(self, tenants: set[str], data: dict[str, int | str]) -> None:
        if self._events is None:
            return
        for tenant in sorted(tenants):
            try:
                self._events.emit(tenant, "audit.unavailable", data)
            except VaultError as exc:  # the database is likely what is down; said at recovery
                log.warning("audit.unavailable event not queued (%s)", exc.code)

    def _store_pending(self) -> None:
        while self._pending:
            self._log.append(self._pending[0])
            self._pending.popleft()


def _closed() -> ServiceUnavailable:
    return ServiceUnavailable(
        "the audit log is not taking records; no request is sent until it does",
        code="audit_unavailable",
    )
