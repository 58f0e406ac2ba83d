"""API keys: create (shown once), authenticate, list, change roles, revoke. Only a hash of the
secret is kept. A key may put on another key only roles it holds itself and the access policy's
`grants` let it confer; the CLI operator (issuer None) is the one exception."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from vault.domain.policy import AccessPolicy
from vault.domain.principal import Principal, Role
from vault.errors import AuthenticationFailed, InvalidRequest, NotFound, PermissionDenied
from vault.ports import ApiKeyInfo, ApiKeyStore

__all__ = [
    "Recorder",
    "authenticate",
    "change_api_key_roles",
    "create_api_key",
    "grant_api_key",
    "list_api_keys",
    "revoke_api_key",
]

# `vk_<12-char id>_<43-char secret>`: the id finds the row, the 256-bit secret proves possession.
_KEY_RE = re.compile(r"vk_(?P<id>[a-z0-9]{12})_(?P<secret>[A-Za-z0-9_-]{43})")
_KEY_ID_RE = re.compile(r"[a-z0-9]{12}")
_TENANT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

Clock = Callable[[], datetime]


class Recorder(Protocol):
    """Appends one audit record for the caller's request (the API's or the CLI's context)."""

    def __call__(
        self,
        action: str,
        *,
        outcome: str = "ok",
        object_id: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None: ...


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
    granted = _roles(roles)
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


def _roles(roles: Iterable[str]) -> frozenset[Role]:
    try:
        granted = frozenset(Role(r) for r in roles)
    except ValueError as exc:
        raise InvalidRequest(
            f"unknown role; roles are {', '.join(r.value for r in Role)}", param="roles"
        ) from exc
    if not granted:
        raise InvalidRequest("an API key needs at least one role", param="roles")
    return granted


def _joined(roles: Iterable[Role]) -> str:
    return "/".join(sorted(roles))


def _authorize_grant(
    policy: AccessPolicy,
    issuer: Principal | None,
    added: frozenset[Role],
    record: Recorder,
    *,
    action: str,
    object_id: str | None,
) -> None:
    """Raise PermissionDenied (audited) unless `issuer` may confer every role in `added`."""
    if issuer is None:  # the CLI operator, on the vault's own machine
        return
    beyond = added - policy.grantable(issuer.roles)
    if beyond:
        record(
            action,
            outcome="denied",
            object_id=object_id,
            details={"roles": _joined(added), "beyond": _joined(beyond)},
        )
        raise PermissionDenied(
            f"this API key may not grant the role(s) {', '.join(sorted(beyond))}: a key confers "
            "only roles it holds itself and the access policy's grants allow",
            code="role_not_grantable",
        )


def grant_api_key(
    store: ApiKeyStore,
    policy: AccessPolicy,
    issuer: Principal | None,
    record: Recorder,
    *,
    tenant: str,
    roles: Iterable[str],
    label: str | None = None,
    expires_at: datetime | None = None,
) -> tuple[ApiKeyInfo, str]:
    """`create_api_key` on behalf of `issuer` (None: the CLI operator): authorized against the
    policy's grants, then audited as `apikey.create`. Raises PermissionDenied for a role the
    issuer may not confer, InvalidRequest for an unknown one; nothing is stored then."""
    wanted = _roles(roles)
    _authorize_grant(policy, issuer, wanted, record, action="apikey.create", object_id=None)
    info, secret = create_api_key(
        store, tenant=tenant, roles=wanted, label=label, expires_at=expires_at
    )
    record("apikey.create", object_id=info.id, details={"roles": _joined(info.roles)})
    return info, secret


def change_api_key_roles(
    store: ApiKeyStore,
    policy: AccessPolicy,
    issuer: Principal | None,
    record: Recorder,
    key_id: str,
    *,
    roles: Iterable[str],
    tenant: str | None = None,
) -> ApiKeyInfo:
    """Give key `key_id` exactly `roles`. Every role added must be one `issuer` may confer
    (removing is always allowed); audited as `apikey.roles` with the roles before and after.
    With `tenant`, only a key of that tenant (others are NotFound)."""
    wanted = _roles(roles)
    before = _owned(store, key_id, tenant).roles
    _authorize_grant(
        policy, issuer, wanted - before, record, action="apikey.roles", object_id=key_id
    )
    store.set_roles(key_id, wanted)
    record(
        "apikey.roles",
        object_id=key_id,
        details={"roles_before": _joined(before), "roles_after": _joined(wanted)},
    )
    return _owned(store, key_id, tenant)


def _owned(store: ApiKeyStore, key_id: str, tenant: str | None) -> ApiKeyInfo:
    found = store.get(key_id) if _KEY_ID_RE.fullmatch(key_id) else None
    if found is None or (tenant is not None and found[0].tenant != tenant):
        raise NotFound("API key not found", param="key_id")
    return found[0]


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
    _owned(store, key_id, tenant)
    store.revoke(key_id, at=clock())
    refreshed = store.get(key_id)
    assert refreshed is not None
    return refreshed[0]
