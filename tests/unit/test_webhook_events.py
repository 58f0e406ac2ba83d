"""Webhook events in memory: what an audit record announces, the retry schedule, refused
addresses, and the audit backlog announcing an outage."""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vault.domain.audit import GENESIS_HASH, AuditEvent, AuditRecord
from vault.domain.webhooks import address_refusal, event_for, next_attempt
from vault.errors import ServiceUnavailable
from vault.services.audit_backlog import AuditBacklog


def _record(action: str, outcome: str = "ok", **details: Any) -> AuditRecord:
    event = AuditEvent(
        tenant="acme",
        actor="key_1",
        action=action,
        outcome=outcome,
        object="ds_" + "a" * 32 + "/v2",
        request_id="req_1",
        details=details,
    )
    return AuditRecord.chain(event, seq=7, at=datetime.now(UTC), prev_hash=GENESIS_HASH)


def test_an_audit_record_announces_its_event_with_ids_and_counts_only() -> None:
    found = event_for(_record("dataset.version", rows=12, entities={"PERSON": 3}, policy="default"))
    assert found is not None
    event_type, data = found
    assert event_type == "dataset.version.created"
    assert data == {
        "audit_seq": 7,
        "object": "ds_" + "a" * 32 + "/v2",
        "request_id": "req_1",
        "counts": {"rows": 12, "entities": {"PERSON": 3}},
    }  # the free-form string detail `policy` is left out


@pytest.mark.parametrize(
    ("action", "outcome", "expected"),
    [
        ("dataset.create", "ok", "dataset.version.created"),
        ("job.finish", "error", "dataset.job.failed"),
        ("job.finish", "ok", None),
        ("proxy.blocked", "blocked", "proxy.blocked"),
        ("proxy.request", "ok", None),
        ("dsr.erase", "ok", "dsr.erased"),
        ("apikey.create", "ok", "apikey.created"),
        ("apikey.create", "denied", None),
        ("apikey.revoke", "ok", "apikey.revoked"),
        ("webhook.deliver", "ok", None),
    ],
)
def test_which_records_are_events(action: str, outcome: str, expected: str | None) -> None:
    found = event_for(_record(action, outcome))
    assert (found[0] if found else None) == expected


def test_retries_back_off_with_jitter_and_end_within_the_window() -> None:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    window = timedelta(hours=24)
    rng = random.Random(7)
    now, attempts, delays = created, 0, []
    while True:
        attempts += 1
        due = next_attempt(attempts=attempts, created_at=created, now=now, window=window, rng=rng)
        if due is None:
            break
        delays.append((due - now).total_seconds())
        now = due
    assert 4 <= delays[0] <= 6  # about 5 s first
    assert all(later > earlier for earlier, later in itertools.pairwise(delays[:6]))
    assert max(delays) <= 3 * 3600 * 1.2
    assert now <= created + window
    assert created + window - now < timedelta(hours=3.6)  # retried until near the day's end
    assert 10 < attempts < 40


@pytest.mark.parametrize(
    ("addresses", "allow_private", "refused"),
    [
        (["93.184.216.34"], False, None),
        (["169.254.169.254"], True, "link-local"),
        (["fd00:ec2::254"], True, "link-local"),
        (["fe80::1%eth0"], True, "link-local"),
        (["::ffff:169.254.169.254"], True, "link-local"),
        (["100.100.100.200"], True, "metadata"),
        (["127.0.0.1"], False, "private"),
        (["127.0.0.1"], True, None),
        (["::1"], True, None),
        (["::1"], False, "private"),
        (["10.0.0.5"], False, "private"),
        (["93.184.216.34", "10.0.0.5"], False, "private"),  # every address counts
        (["::"], True, "cannot receive"),
        (["224.0.0.1"], True, "cannot receive"),
        ([], True, "does not resolve"),
    ],
)
def test_refused_addresses(addresses: list[str], allow_private: bool, refused: str | None) -> None:
    why = address_refusal(addresses, allow_private=allow_private)
    assert (why is None) if refused is None else (why is not None and refused in why)


class FlakyLog:
    def __init__(self) -> None:
        self.down = False
        self.stored: list[AuditEvent] = []

    def append(self, event: AuditEvent) -> Any:
        if self.down:
            raise ServiceUnavailable("audit log unavailable", code="audit_unavailable")
        self.stored.append(event)


class Events:
    def __init__(self) -> None:
        self.down = False
        self.emitted: list[tuple[str, str, dict[str, Any]]] = []

    def emit(self, tenant: str, event_type: str, data: Mapping[str, Any]) -> int:
        if self.down:
            raise ServiceUnavailable("metadata database unreachable", code="database_unavailable")
        self.emitted.append((tenant, event_type, dict(data)))
        return 1


def _event(tenant: str) -> AuditEvent:
    return AuditEvent(tenant=tenant, actor="key_1", action="proxy.request")


def test_an_audit_outage_is_announced_when_it_starts_and_when_it_ends() -> None:
    log, events = FlakyLog(), Events()
    backlog = AuditBacklog(log, events=events)  # type: ignore[arg-type]
    log.down = True
    backlog.append(_event("acme"))
    backlog.append(_event("globex"))
    with pytest.raises(ServiceUnavailable):
        backlog.admit()
    assert events.emitted == [("acme", "audit.unavailable", {"state": "started", "held": 1})]
    log.down = False
    backlog.admit()
    recovered = [e for e in events.emitted if e[2]["state"] == "recovered"]
    assert [tenant for tenant, _, _ in recovered] == ["acme", "globex"]
    assert all(isinstance(data["seconds"], int) for _, _, data in recovered)


def test_an_outage_event_that_cannot_be_queued_at_the_start_is_still_told_at_the_end() -> None:
    log, events = FlakyLog(), Events()
    backlog = AuditBacklog(log, events=events)  # type: ignore[arg-type]
    log.down = events.down = True  # the database itself is away
    backlog.append(_event("acme"))
    assert events.emitted == []
    log.down = events.down = False
    backlog.append(_event("acme"))
    assert [(t, e, d["state"]) for t, e, d in events.emitted] == [
        ("acme", "audit.unavailable", "recovered")
    ]
    assert len(log.stored) == 2


class Resolver:
    """A sender that only resolves names, from a table."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        raise AssertionError("nothing is sent while a URL is checked")

    def resolve(self, host: str, port: int) -> list[str]:
        if host.replace(".", "").isdigit():  # an address resolves to itself
            return [host]
        return self.table.get(host, [])


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("https://hooks.example.com/in?token=abc", None),
        ("http://localhost:8000/v1/webhooks", "itself"),  # the vault's own port, by address
        ("http://vault.internal:8000/", "itself"),  # by the name it was reached under
        ("http://localhost:9000/hook", None),  # loopback, another port: allowed by the flag
        ("http://metadata.internal/", "link-local"),  # a name that resolves to metadata
        ("gopher://hooks.example.com/", "http"),
        ("https://hooks.example.com/#frag", "fragment"),
        ("https://nowhere.example/", "does not resolve"),
    ],
)
def test_check_url(url: str, refused: str | None) -> None:
    from vault.errors import InvalidRequest
    from vault.services.webhooks import check_url

    sender = Resolver(
        {
            "hooks.example.com": ["93.184.216.34"],
            "localhost": ["127.0.0.1", "::1"],
            "vault.internal": ["10.0.0.7"],
            "metadata.internal": ["169.254.169.254"],
        }
    )
    own = [("vault.internal", 8000), ("127.0.0.1", 8000)]
    if refused is None:
        assert check_url(url, sender, allow_private=True, own_addresses=own) == url
        return
    with pytest.raises(InvalidRequest) as caught:
        check_url(url, sender, allow_private=True, own_addresses=own)
    assert caught.value.param == "url" and refused in caught.value.message
    assert url not in caught.value.message
