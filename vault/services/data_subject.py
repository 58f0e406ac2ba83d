"""Data-subject requests (GDPR art. 15 and 17): find every token of a value, erase a value, and
say a text is not personal data. `DataSubjects` is the door's use case: each request is acted on
and audited once, with its outcome, whether it succeeds or fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from vault.errors import InvalidRequest
from vault.ports import TenantKeys, TokenStore
from vault.services.anonymize import ERASED, Anonymizer, value_digest
from vault.services.apikeys import Recorder
from vault.services.failures import failure_details

__all__ = ["DataSubjects", "FoundToken", "GuardMemory", "erase_value", "find_value"]


@dataclass(frozen=True, slots=True)
class FoundToken:
    token: str
    entity_type: str


class GuardMemory(Protocol):
    """The outbound guard's memory of a tenant's values, shared by every worker."""

    def forget_values(self, values: list[str], *, tenant: str) -> None: ...


@dataclass(frozen=True, slots=True)
class DataSubjects:
    """Find, erase and not-PII for one tenant's caller; the caller's role is checked by the door."""

    tokens: TokenStore
    keys: TenantKeys
    anonymizer: Anonymizer
    guard: GuardMemory

    def find(self, record: Recorder, *, tenant: str, value: str) -> list[FoundToken]:
        """Every live token issued for `value`: tokens and types, never values."""
        with _audited(record, "dsr.find"):
            found = find_value(self.tokens, self.keys, tenant=tenant, value=value)
        record("dsr.find", details={"found": len(found)})
        return found

    def erase(self, record: Recorder, *, tenant: str, value: str) -> list[FoundToken]:
        """Erase `value`. Every worker's guard forgets it first, so with the shared memory away
        the request fails (503) and nothing is erased."""
        with _audited(record, "dsr.erase"):
            _check(value)
            self.guard.forget_values([value], tenant=tenant)
            erased = erase_value(
                self.tokens, self.keys, self.anonymizer, tenant=tenant, value=value
            )
        record("dsr.erase", details={"erased": len(erased)})
        return erased

    def not_pii(self, record: Recorder, *, tenant: str, value: str) -> None:
        """Record that `value` is not personal data for `tenant` — a phrase detection wrongly
        took for PII ("Reply in a friendly tone" as a PERSON). The guard forgets it first, as for
        an erasure; only its keyed digest is stored, and from then on every door leaves it as it is."""
        with _audited(record, "dsr.not_pii"):
            _check(value)
            self.guard.forget_values([value], tenant=tenant)
            self.anonymizer.mark_not_pii(tenant, value)
        record("dsr.not_pii")


@contextmanager
def _audited(record: Recorder, action: str) -> Iterator[None]:
    """Audit a request that fails inside the block (its error's code, never its text), then let
    the error answer the caller."""
    try:
        yield
    except Exception as exc:
        record(action, outcome="error", details=failure_details(exc))
        raise


def _check(value: str) -> None:
    if not value or len(value) > 4096:
        raise InvalidRequest("value must be 1 to 4096 characters", param="value")


def find_value(
    tokens: TokenStore, keys: TenantKeys, *, tenant: str, value: str
) -> list[FoundToken]:
    """Every live token this tenant issued for exactly `value`, whatever its entity type."""
    _check(value)
    digest = value_digest(keys.keyring(tenant), value)
    return sorted(
        (FoundToken(r.token, r.entity_type) for r in tokens.find_by_digest(tenant, digest)),
        key=lambda found: found.token,
    )


def erase_value(
    tokens: TokenStore, keys: TenantKeys, anonymizer: Anonymizer, *, tenant: str, value: str
) -> list[FoundToken]:
    """Destroy every token entry of `value`: its sealed value is deleted, not flagged, and the
    token is never issued again (the value is redacted from then on). Returns what was erased."""
    found = find_value(tokens, keys, tenant=tenant, value=value)
    if found:
        erased = [f.token for f in found]
        tokens.erase(tenant, erased, tombstone=ERASED)
        anonymizer.forget(tenant, erased)
    return found
