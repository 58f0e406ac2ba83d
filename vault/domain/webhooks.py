"""Webhook events: their types, what an audit record tells a subscriber, the retry schedule, and
which addresses a webhook may point at. Pure: no I/O.

An event is derived from the audit record of the action it announces, so every door (HTTP, CLI,
jobs) emits it the same way and it is queued in the very transaction that stores the record.
Its data holds ids and counts only, never a value: the record's object id, seq, request id and
the integer details (counts), plus the few enum-like strings listed in `_CODE_DETAILS`.
"""

from __future__ import annotations

import ipaddress
import random
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Final

from vault.domain.audit import AuditCheckpoint, AuditRecord, format_time

__all__ = [
    "EVENT_TYPES",
    "MAX_ATTEMPTS",
    "address_refusal",
    "checkpoint_event",
    "event_data",
    "event_for",
    "format_event",
    "next_attempt",
]

EVENT_TYPES: Final = (
    "dataset.version.created",
    "dataset.job.failed",
    "proxy.blocked",
    "dsr.erased",
    "apikey.created",
    "apikey.revoked",
    "audit.checkpoint",
    "audit.unavailable",
)

# (audit action, outcome) → event type. Checkpoints and outages are not records: see below.
_FROM_AUDIT: Final[Mapping[tuple[str, str], str]] = {
    ("dataset.create", "ok"): "dataset.version.created",
    ("dataset.version", "ok"): "dataset.version.created",
    ("job.finish", "error"): "dataset.job.failed",
    ("proxy.blocked", "blocked"): "proxy.blocked",
    ("dsr.erase", "ok"): "dsr.erased",
    ("apikey.create", "ok"): "apikey.created",
    ("apikey.revoke", "ok"): "apikey.revoked",
}
# Detail strings that are codes or ids the vault chose, safe to pass on.
_CODE_DETAILS: Final = frozenset({"code", "error_code", "reason", "format", "roles", "job_id"})

# Retries: about 5 s, 15 s, 45 s, ... doubling-ish up to 3 h apart, each with ±20% jitter,
# for a day after the event; then the delivery is dead-lettered.
_FIRST_DELAY: Final = 5.0
_GROWTH: Final = 3.0
_MAX_DELAY: Final = 3 * 3600.0
MAX_ATTEMPTS: Final = 40  # a backstop; the time window ends a delivery first


def event_for(record: AuditRecord) -> tuple[str, dict[str, Any]] | None:
    """The event `record` announces and its data, or None if it announces none."""
    event_type = _FROM_AUDIT.get((record.event.action, record.event.outcome))
    if event_type is None:
        return None
    return event_type, event_data(record)


def event_data(record: AuditRecord) -> dict[str, Any]:
    """Ids and counts from `record`: never a detail string outside `_CODE_DETAILS`."""
    event = record.event
    data: dict[str, Any] = {"audit_seq": record.seq}
    if event.object is not None:
        data["object"] = event.object
    if event.request_id is not None:
        data["request_id"] = event.request_id
    counts: dict[str, Any] = {}
    for key, value in event.details.items():
        if isinstance(value, bool) or not isinstance(value, int | str | Mapping):
            continue
        if isinstance(value, int):
            counts[key] = value
        elif isinstance(value, str) and key in _CODE_DETAILS:
            data[key] = value
        elif isinstance(value, Mapping):
            nested = {
                k: v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)
            }
            if nested:
                counts[key] = nested
    if counts:
        data["counts"] = counts
    return data


def checkpoint_event(checkpoint: AuditCheckpoint, *, key_id: str) -> dict[str, Any]:
    """The data of `audit.checkpoint`: the chain position signed and the key that signed it."""
    return {"seq": checkpoint.seq, "head_hash": checkpoint.head_hash, "key_id": key_id}


def next_attempt(
    *, attempts: int, created_at: datetime, now: datetime, window: timedelta,
    rng: random.Random | None = None,
) -> datetime | None:  # fmt: skip
    """When to try again after `attempts` failed tries, or None: dead-letter it (the next try
    would fall outside `window` after the event, or the backstop count is reached)."""
    if attempts >= MAX_ATTEMPTS:
        return None
    delay = min(_FIRST_DELAY * _GROWTH ** max(attempts - 1, 0), _MAX_DELAY)
    jitter = (rng or random).uniform(0.8, 1.2)  # spreading retries, not a secret
    due = now + timedelta(seconds=delay * jitter)
    return None if due > created_at + window else due


_REFUSED_V4: Final = (
    ipaddress.ip_network("169.254.0.0/16"),  # link-local, cloud metadata (169.254.169.254)
    ipaddress.ip_network("100.64.0.0/10"),  # carrier-grade NAT, some metadata services
)
_REFUSED_V6: Final = (
    ipaddress.ip_network("fd00::/8"),  # unique local, e.g. fd00:ec2::254 (EC2 metadata)
    ipaddress.ip_network("fc00::/7"),
    ipaddress.ip_network("fe80::/10"),
)


def address_refusal(addresses: Iterable[str], *, allow_private: bool) -> str | None:
    """Why a webhook may not be sent to a host resolving to `addresses`, or None if it may.

    Link-local and metadata ranges are refused always; private, loopback and other non-global
    addresses unless `allow_private` (a deployment whose receivers live inside its network).
    """
    found = False
    for text in addresses:
        found = True
        ip = ipaddress.ip_address(text.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        networks = _REFUSED_V4 if isinstance(ip, ipaddress.IPv4Address) else _REFUSED_V6
        if ip.is_link_local or any(ip in network for network in networks):
            return "points at a link-local or metadata address"
        if ip.is_multicast or ip.is_unspecified or (ip.is_reserved and not ip.is_loopback):
            return "points at an address that cannot receive webhooks"
        if not ip.is_global and not allow_private:
            return "points at a private or loopback address (allowed only by VAULT_WEBHOOK_ALLOW_PRIVATE)"
    return None if found else "has a host that does not resolve"


def format_event(event_type: str, data: Mapping[str, Any], *, at: datetime) -> dict[str, Any]:
    """The Standard Webhooks payload: `type`, `timestamp` and `data`."""
    return {"type": event_type, "timestamp": format_time(at), "data": dict(data)}
