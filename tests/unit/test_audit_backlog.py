"""The audit backlog stores records in order, keeps what the log cannot take, and shuts the door."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vault.domain.audit import AuditEvent
from vault.errors import ServiceUnavailable
from vault.services.audit_backlog import AuditBacklog


class FlakyLog:
    """Takes events while up; raises the SQL log's own error while down."""

    def __init__(self) -> None:
        self.stored: list[AuditEvent] = []
        self.down = False

    def append(self, event: AuditEvent) -> Any:
        if self.down:
            raise ServiceUnavailable("audit log unavailable", code="audit_unavailable")
        self.stored.append(event)


def _event(n: int) -> AuditEvent:
    return AuditEvent(tenant="acme", actor="key_1", action="proxy.request", details={"n": n})


def test_a_record_is_stored_at_once_while_the_log_is_up() -> None:
    log = FlakyLog()
    backlog = AuditBacklog(log)  # type: ignore[arg-type]
    backlog.append(_event(1))
    assert log.stored == [_event(1)]
    assert backlog.pending == 0
    backlog.admit()  # nothing pending: the door is open


def test_records_the_log_cannot_take_are_kept_and_the_door_shuts() -> None:
    log = FlakyLog()
    backlog = AuditBacklog(log)  # type: ignore[arg-type]
    log.down = True
    backlog.append(_event(1))  # the caller has its answer: no error reaches it
    backlog.append(_event(2))
    assert (log.stored, backlog.pending) == ([], 2)
    with pytest.raises(ServiceUnavailable) as refused:
        backlog.admit()
    assert refused.value.code == "audit_unavailable"
    assert refused.value.status == 503
    log.down = False
    backlog.admit()  # stores what waited, in order, then lets the request through
    assert log.stored == [_event(1), _event(2)]
    assert backlog.pending == 0


def test_flush_reports_what_could_not_be_stored() -> None:
    log = FlakyLog()
    backlog = AuditBacklog(log)  # type: ignore[arg-type]
    log.down = True
    backlog.append(_event(1))
    assert backlog.flush() == 1
    log.down = False
    assert backlog.flush() == 0
    assert log.stored == [_event(1)]


_STEPS = st.lists(st.sampled_from(["append", "admit", "down", "up"]), max_size=40)


@given(steps=_STEPS)
def test_every_record_handed_over_is_stored_once_and_in_order(steps: list[str]) -> None:
    log = FlakyLog()
    backlog = AuditBacklog(log)  # type: ignore[arg-type]
    handed: list[AuditEvent] = []
    for step in steps:
        if step == "append":
            handed.append(_event(len(handed)))
            backlog.append(handed[-1])
        elif step == "admit":
            try:
                backlog.admit()
            except ServiceUnavailable:
                assert log.down and backlog.pending > 0
        else:
            log.down = step == "down"
        # Whatever happened, the stored records are a prefix of those handed over.
        assert log.stored == handed[: len(log.stored)]
        assert len(log.stored) + backlog.pending == len(handed)
    log.down = False
    assert backlog.flush() == 0
    assert log.stored == handed
