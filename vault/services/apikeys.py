"""API keys: create (shown once), authenticate, list, revoke. Only a hash of the secret is kept."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from vault.domain.principal import Principal, Role
from vault.errors import AuthenticationFailed, InvalidRequest, NotFound
from vault.ports import ApiKeyInfo, ApiKeyStore

__all__ = ["authenticate", "create_api_key", "list_api_keys", "revoke_api_key"]

# `vk_<12-char id>_<43-char secret>`: the id finds the row, the 256-bit secret proves possession.
_KEY_RE = re.compile(r"vk_(?P<id>[a-z0-9]{12})_(?P<secret>[A-Za-z0-9_-]{43})")
_TENANT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


def _hash(secret: str) -> str:
    # The secret is 256 random bits, so a plain digest is as strong as a slow KDF here.
    return hashlib.sha256(secret.encode()).hexdigest()


def validate_tenant(tenant: str) -> str:
    if not _TENANT_RE.fullmatch(tenant):
        raise InvalidRequest(
            "tenant must be 1-128 characters of letters, digits, '.', '_' or '-'", param="tenant"
        )
    return tenant


def create_api_key(
    store: ApiKeyStore,
    *,
    tenant: str,
    roles: Iterable[str],
    label: str | None = None,
    expires_at: datetime | None = None,
    clock: Clock = _now,
) -> tuple[ApiKeyInfo, str]:
    """A new key for `tenant` with `roles`; returns its info and the full key, shown only once."""
    validate_tenant(tenant)
    try:
        granted = frozenset(Role(r) for r in roles)
    except ValueError as exc:
        raise InvalidRequest(
            f"unknown role; roles are {', '.join(r.value for r in Role)}", param="role"
        ) from exc
    if not granted:
        raise InvalidRequest("an API key needs at least one role", param="role")
    key_id = "".join(secrets.choice(_ID_ALPHABET) for _ in range(12))
    secret = secrets.token_urlsafe(32)
    info = ApiKeyInfo(
        id=key_id,
        tenant=tenant,
        roles=granted,
        label=label,
        created_at=clock(),
        expires_at=expires_at,
    )
    store.add(info, secret_hash=_hash(secret))
    return info, f"vk_{key_id}_{secret}"


def authenticate(store: ApiKeyStore, presented: str | None, *, clock: Clock = _now) -> Principal:
    """The principal behind a presented key. Raises AuthenticationFailed, with one message for
    every failure so a caller learns nothing about which keys exist."""
    principal = _verified(presented, store.get, clock)
    if principal is None:
        raise AuthenticationFailed("Invalid API Key")
    return principal


def authenticate_cached(
    store: ApiKeyStore, presented: str | None, *, clock: Clock = _now
) -> Principal | None:
    """`authenticate` from what the store already holds in memory, so it can run on the event
    loop. None if that is not enough to admit the caller: use `authenticate` then."""
    return _verified(presented, store.cached, clock)


def _verified(
    presented: str | None,
    lookup: Callable[[str], tuple[ApiKeyInfo, str] | None],
    clock: Clock,
) -> Principal | None:
    match = _KEY_RE.fullmatch(presented or "")
    if match is None:
        return None
    found = lookup(match["id"])
    if found is None:
        return None
    info, secret_hash = found
    if not hmac.compare_digest(secret_hash, _hash(match["secret"])):
        return None
    now = clock()
    if info.revoked_at is not None or (info.expires_at is not None and info.expires_at <= now):
        return None
    return Principal(tenant=info.tenant, roles=info.roles, key_id=info.id)


def list_api_keys(store: ApiKeyStore, *, tenant: str | None = None) -> list[ApiKeyInfo]:
    return store.list(tenant)


def revoke_api_key(
    store: ApiKeyStore, key_id: str, *, tenant: str | None = None, clock: Clock = _now
) -> ApiKeyInfo:
    """Revoke a key; with `tenant`, only a key of that tenant (others are NotFound)."""
    found = store.get(key_id)
    if found is None or (tenant is not None and found[0].tenant != tenant):
        raise NotFound(f"API key {key_id} not found")
    store.revoke(key_id, at=clock())
    refreshed = store.get(key_id)
    assert refreshed is not None
    return refreshed[0]
