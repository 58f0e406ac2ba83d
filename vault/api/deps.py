"""Request-scoped helpers: the vault, the authenticated principal, permission checks, audit."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import Request

from vault.domain.audit import AuditEvent
from vault.domain.policy import Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import AuthenticationFailed, PermissionDenied, RateLimited
from vault.services.apikeys import Recorder, authenticate, authenticate_cached
from vault.wiring import Vault

__all__ = ["audit", "audit_event", "cached_principal", "get_vault", "principal_for", "require"]

SYSTEM_TENANT = "_system"
# What the vault issues: a dataset id (with a version), a job id or an API key id.
_ISSUED_ID = re.compile(
    r"ds_[0-9a-f]{32}(/v[1-9][0-9]{0,9})?|(job|file|batch|wh|msg)_[0-9a-f]{32}|[a-z0-9]{12}"
)


def get_vault(request: Request) -> Vault:
    return request.app.state.vault  # type: ignore[no-any-return]


def _presented_key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials:
        return credentials.strip()
    return request.headers.get("x-api-key")


def principal_for(request: Request) -> Principal:
    """The caller behind the request's key; a failure is audited, then raised as 401."""
    vault = get_vault(request)
    try:
        principal = authenticate(vault.api_keys, _presented_key(request))
    except AuthenticationFailed:
        audit(request, None, "auth.failure", outcome="denied", tenant=SYSTEM_TENANT)
        raise
    _admit(vault, principal)
    return principal


def cached_principal(request: Request) -> Principal | None:
    """`principal_for` without I/O, for the event loop: the caller if its key was looked up a
    moment ago, else None (then call `principal_for` in a worker thread, which also audits a
    failure). Raises RateLimited like `principal_for`."""
    vault = get_vault(request)
    principal = authenticate_cached(vault.api_keys, _presented_key(request))
    if principal is not None:
        _admit(vault, principal)
    return principal


def _admit(vault: Vault, principal: Principal) -> None:
    wait = vault.rate_limiter.check_request(principal.key_id)
    if wait > 0:
        raise RateLimited(
            "request rate limit reached for this API key",
            retry_after=wait,
            code="rate_limit_exceeded",
        )


def require(action: Action) -> Callable[[Request], Principal]:
    """A dependency that authenticates and checks `action` against the access policy."""

    def dependency(request: Request) -> Principal:
        principal = principal_for(request)
        policy = get_vault(request).access_policy
        if not policy.allows(principal.roles, action):
            audit(request, principal, f"{action.value}", outcome="denied")
            needed = (
                " or ".join(policy.roles_allowing(action)) or "no role (the policy grants it none)"
            )
            raise PermissionDenied(
                f"this API key may not {action.value}; a key with the role {needed} may"
            )
        request.state.principal = principal
        return principal

    return dependency


def audit(request: Request, principal: Principal | None, action: str, **fields: Any) -> None:
    """Append one audit record for this request now; `fields` as for `audit_event`."""
    get_vault(request).audit.append(audit_event(request, principal, action, **fields))


def recorder(request: Request, principal: Principal) -> Recorder:
    """What a use case calls to audit this request: one record per call, as `audit`."""

    def record(action: str, **fields: Any) -> None:
        audit(request, principal, action, **fields)

    return record


def audit_event(
    request: Request,
    principal: Principal | None,
    action: str,
    *,
    outcome: str = "ok",
    object_id: str | None = None,
    purpose: str | None = None,
    details: Mapping[str, Any] | None = None,
    tenant: str | None = None,
) -> AuditEvent:
    """The audit event for this request, counted in the metrics; the caller stores it.
    Details carry counts and ids, never values. `purpose` must be one of the access policy's
    purposes (else InvalidRequest: routes check it before any work, this is the last guard);
    an `object_id` that is not a vault-issued id is left out, so a caller's text never is one."""
    if purpose is not None:
        check_purpose(purpose, get_vault(request).access_policy.purposes)
    if object_id is not None and not _ISSUED_ID.fullmatch(object_id):
        object_id = None
    event = AuditEvent(
        tenant=tenant or (principal.tenant if principal else SYSTEM_TENANT),
        actor=principal.key_id if principal else "anonymous",
        action=action,
        outcome=outcome,
        object=object_id,
        purpose=purpose,
        source=request.client.host if request.client else None,
        request_id=getattr(request.state, "request_id", None),
        details=dict(details or {}),
    )
    request.app.state.metrics.count("audit_events", f"{action}:{outcome}")
    return event
