"""Who is at the console: the session cookie, its CSRF token, and what a page may demand.

The browser holds a random session id in an HttpOnly, SameSite=Strict cookie (Secure over
https); the API key it signed in with is checked once and never stored in the browser. Every
request re-reads the session and the key behind it, so a revoked key or changed roles take
effect at the next click. Forms carry the session's CSRF token; the sign-in form, before any
session exists, a double-submit token in a cookie of its own.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import Request
from starlette.responses import Response

from vault.api.deps import audit, get_vault
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.errors import VaultError

__all__ = [
    "PRE_COOKIE",
    "SESSION_COOKIE",
    "ConsoleUser",
    "NeedsRole",
    "NotSignedIn",
    "check_csrf",
    "current_user",
    "demand",
    "set_cookie",
]

SESSION_COOKIE = "vault_console"
PRE_COOKIE = "vault_console_signin"
COOKIE_PATH = "/console"


class NotSignedIn(Exception):
    """No live session: the page answers with the sign-in form."""

    def __init__(self, reason: str = "Sign in to continue.") -> None:
        super().__init__(reason)
        self.reason = reason


class NeedsRole(Exception):
    """The signed-in key lacks the role a page needs: said plainly, as a 403 page."""

    def __init__(self, action: Action, roles: list[str]) -> None:
        needed = " or ".join(roles) or "none (the access policy grants it to no role)"
        super().__init__(f"Your key cannot see this (needs role {needed}).")
        self.message = str(self)
        self.action = action


class BadCsrf(VaultError):
    status = 403
    type = "permission_denied"
    default_code = "csrf_failed"


@dataclass(frozen=True, slots=True)
class ConsoleUser:
    principal: Principal
    csrf: str
    via: str
    expires_at: datetime

    def may(self, request: Request, action: Action) -> bool:
        return get_vault(request).access_policy.allows(self.principal.roles, action)


def secure_request(request: Request) -> bool:
    """Whether the cookie must be Secure: the request came over https, or the vault is told it
    stands behind a TLS-terminating proxy."""
    settings = get_vault(request).settings
    return request.url.scheme == "https" or bool(getattr(settings, "console_secure_cookie", False))


def set_cookie(
    response: Response, request: Request, name: str, value: str, *, max_age: int
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=secure_request(request),
    )


def session_ttl(request: Request) -> timedelta:
    return timedelta(minutes=get_vault(request).settings.console_session_minutes)


def current_user(request: Request) -> ConsoleUser:
    """The signed-in user of this request, with the roles its key holds now. Raises NotSignedIn
    for no cookie, an unknown or expired session, or a key revoked or expired since sign-in."""
    session_id = request.cookies.get(SESSION_COOKIE)
    if not session_id:
        raise NotSignedIn()
    vault = get_vault(request)
    session = vault.console_sessions.get(session_id)
    if session is None:
        raise NotSignedIn("Your session has expired. Sign in again.")
    principal = session.principal
    if session.via == "api_key":
        found = vault.api_keys.get(principal.key_id)
        now = datetime.now(UTC)
        info = found[0] if found is not None else None
        if (
            info is None
            or info.revoked_at is not None
            or (info.expires_at is not None and info.expires_at <= now)
        ):
            vault.console_sessions.end(session_id)
            raise NotSignedIn("The key this session signed in with is no longer valid.")
        principal = Principal(tenant=info.tenant, roles=info.roles, key_id=info.id)
    user = ConsoleUser(
        principal=principal, csrf=session.csrf, via=session.via, expires_at=session.expires_at
    )
    request.state.principal = principal
    return user


def demand(request: Request, user: ConsoleUser, action: Action, *alternatives: Action) -> None:
    """Raise NeedsRole (audited as a denial of `action`, as the API's `require` does) unless the
    user's roles allow `action`, or one of `alternatives`, under the access policy in force."""
    policy = get_vault(request).access_policy
    wanted = (action, *alternatives)
    if not any(policy.allows(user.principal.roles, each) for each in wanted):
        audit(request, user.principal, action.value, outcome="denied")
        roles = dict.fromkeys(str(role) for each in wanted for role in policy.roles_allowing(each))
        raise NeedsRole(action, list(roles))


def check_csrf(expected: str, given: object) -> None:
    """Refuse a form whose CSRF token is missing or not the session's (403 csrf_failed)."""
    if not isinstance(given, str) or not hmac.compare_digest(expected.encode(), given.encode()):
        raise BadCsrf("the form's CSRF token is missing or stale; reload the page and try again")


def new_token() -> str:
    return secrets.token_urlsafe(32)
