"""Data-subject requests (GDPR art. 15 and 17): find every token of a value, and erase a value."""

from __future__ import annotations

from dataclasses import dataclass

from vault.errors import InvalidRequest
from vault.ports import TenantKeys, TokenStore
from vault.services.anonymize import ERASED, Anonymizer, value_digest

__all__ = ["FoundToken", "erase_value", "find_value", "mark_not_pii"]


@dataclass(frozen=True, slots=True)
class FoundToken:
    token: str
    entity_type: str


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


def mark_not_pii(anonymizer: Anonymizer, *, tenant: str, value: str) -> None:
    """Record that `value` is not personal data for `tenant` — a phrase detection wrongly took
    for PII ("Reply in a friendly tone" as a PERSON). Only its keyed digest is stored; from
    then on the vault leaves it as it is, in every door."""
    anonymizer.mark_not_pii(tenant, value)
