"""The console's sign-in and sign-out, by API key or by single sign-on (OIDC), and its home."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from vault.adapters.oidc import PkceStart, pkce_start
from vault.api.console import _auth
from vault.api.console._auth import PRE_COOKIE, SESSION_COOKIE, check_csrf, current_user, set_cookie
from vault.api.console._pages import NAV, render
from vault.api.deps import SYSTEM_TENANT, audit, get_vault
from vault.domain.principal import Principal, Role
from vault.errors import AuthenticationFailed, InvalidRequest, NotFound
from vault.services.apikeys import authenticate, validate_tenant

router = APIRouter()


def sign_in_page(request: Request, *, message: str | None = None, status: int = 200) -> Response:
    token = _auth.new_token()
    response = render(
        request,
        "sign_in.html",
        None,
        status=status,
        message=message,
        pre_token=token,
        sso=get_vault(request).oidc is not None,
    )
    set_cookie(response, request, PRE_COOKIE, token, max_age=3600)
    return response


@router.get("")
@router.get("/")
def home(request: Request) -> Response:
    try:
        user = current_user(request)
    except _auth.NotSignedIn:
        return RedirectResponse("/console/sign-in", status_code=303)
    for slug, _title, actions in NAV:
        if any(user.may(request, action) for action in actions):
            return RedirectResponse(f"/console/{slug}", status_code=303)
    return RedirectResponse("/console/policies", status_code=303)


def _open_session(request: Request, principal: Principal, *, via: str) -> RedirectResponse:
    """A signed-in principal's session: opened, audited as console.sign_in, its cookie set on
    the redirect to the console (each way of signing in clears its own pre-session cookie)."""
    ttl = _auth.session_ttl(request)
    session_id, _session = get_vault(request).console_sessions.create(principal, via=via, ttl=ttl)
    audit(request, principal, "console.sign_in", details={"via": via})
    response = RedirectResponse("/console", status_code=303)
    set_cookie(response, request, SESSION_COOKIE, session_id, max_age=int(ttl.total_seconds()))
    return response


@router.get("/sign-in")
def sign_in_form(request: Request) -> Response:
    return sign_in_page(request)


@router.post("/sign-in")
def sign_in(
    request: Request,
    api_key: Annotated[str, Form(max_length=256)] = "",
    pre_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Check the key once and open a session; the key goes no further than this request."""
    check_csrf(request.cookies.get(PRE_COOKIE, ""), pre_token or None)
    vault = get_vault(request)
    try:
        principal = authenticate(vault.api_keys, api_key.strip())
    except AuthenticationFailed:
        audit(request, None, "auth.failure", outcome="denied", tenant=SYSTEM_TENANT)
        return sign_in_page(request, message="Invalid API Key", status=401)
    response = _open_session(request, principal, via="api_key")
    response.delete_cookie(PRE_COOKIE, path=_auth.COOKIE_PATH, httponly=True, samesite="strict")
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf: Annotated[str, Form(max_length=128)] = "") -> Response:
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    get_vault(request).console_sessions.end(request.cookies.get(SESSION_COOKIE, ""))
    audit(request, user.principal, "console.sign_out")
    response = sign_in_page(request, message="You are signed out.")
    response.delete_cookie(SESSION_COOKIE, path=_auth.COOKIE_PATH, httponly=True, samesite="strict")
    return response


_OIDC_COOKIE = "vault_console_oidc"
_OIDC_PATH = "/console/oidc"
_OAUTH_ERROR = re.compile(r"[a-z_]{1,64}")


def _redirect_uri(request: Request) -> str:
    configured = get_vault(request).settings.oidc_redirect_url
    return configured or str(request.url_for("oidc_callback"))


def _pack(start: PkceStart) -> str:
    raw = json.dumps([start.state, start.nonce, start.verifier]).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _unpack(cookie: str | None) -> PkceStart | None:
    if not cookie or len(cookie) > 1024:
        return None
    try:
        state, nonce, verifier = json.loads(base64.urlsafe_b64decode(cookie.encode("ascii")))
    except (ValueError, TypeError):
        return None
    if not all(isinstance(part, str) and part for part in (state, nonce, verifier)):
        return None
    return PkceStart(state=state, nonce=nonce, verifier=verifier)


def _oidc_principal(request: Request, claims: dict[str, Any]) -> Principal:
    """The tenant and roles the provider's claims map to; AuthenticationFailed naming the claim
    (never its value) when they do not name a tenant and at least one vault role."""
    settings = get_vault(request).settings
    tenant_claim, roles_claim = settings.oidc_tenant_claim, settings.oidc_roles_claim
    tenant = claims.get(tenant_claim)
    try:
        validate_tenant(tenant if isinstance(tenant, str) else "")
    except InvalidRequest:
        raise AuthenticationFailed(
            f"single sign-on failed: the ID token's {tenant_claim} claim names no tenant",
            code="oidc_failed",
        ) from None
    raw = claims.get(roles_claim)
    names = raw.split() if isinstance(raw, str) else raw if isinstance(raw, list) else []
    roles = frozenset(
        Role(n) for n in names if isinstance(n, str) and n in Role.__members__.values()
    )
    if not roles or len(roles) != len(set(names)):
        raise AuthenticationFailed(
            f"single sign-on failed: the ID token's {roles_claim} claim must list vault roles "
            f"({', '.join(r.value for r in Role)})",
            code="oidc_failed",
        )
    subject = f"{claims.get('iss')}|{claims.get('sub')}"
    key_id = "oidc_" + hashlib.sha256(subject.encode()).hexdigest()[:16]
    return Principal(tenant=str(tenant), roles=roles, key_id=key_id)


@router.get("/oidc/start")
def oidc_start(request: Request) -> Response:
    """Send the browser to the provider with a fresh state, nonce and PKCE challenge."""
    client = get_vault(request).oidc
    if client is None:
        raise NotFound("single sign-on is not configured on this vault")
    start = pkce_start()
    response = RedirectResponse(
        client.authorization_url(start, redirect_uri=_redirect_uri(request)), status_code=303
    )
    # Lax, not Strict: the provider sends the browser back with a cross-site navigation.
    response.set_cookie(
        _OIDC_COOKIE,
        _pack(start),
        max_age=600,
        path=_OIDC_PATH,
        httponly=True,
        samesite="lax",
        secure=_auth.secure_request(request),
    )
    return response


@router.get("/oidc/callback", name="oidc_callback")
def oidc_callback(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
    """The provider's answer: the code exchanged with the verifier, the ID token verified, the
    claims mapped to a tenant and roles, a session opened. Any failure is the sign-in page."""
    vault = get_vault(request)
    client = vault.oidc
    if client is None:
        raise NotFound("single sign-on is not configured on this vault")
    start = _unpack(request.cookies.get(_OIDC_COOKIE))
    try:
        if error:
            said = error if _OAUTH_ERROR.fullmatch(error) else "an error"
            raise AuthenticationFailed(
                f"single sign-on failed: the provider answered {said}", code="oidc_failed"
            )
        if start is None or not hmac.compare_digest(state.encode(), start.state.encode()):
            raise AuthenticationFailed(
                "single sign-on failed: this sign-in was not started here or took too long; "
                "start again",
                code="oidc_failed",
            )
        if not code or len(code) > 2048:
            raise AuthenticationFailed(
                "single sign-on failed: the provider sent no code", code="oidc_failed"
            )
        claims = client.sign_in(start, code=code, redirect_uri=_redirect_uri(request))
        principal = _oidc_principal(request, claims)
    except AuthenticationFailed as exc:
        audit(
            request,
            None,
            "auth.failure",
            outcome="denied",
            tenant=SYSTEM_TENANT,
            details={"via": "oidc", "error": exc.code},
        )
        response = sign_in_page(request, message=exc.message, status=401)
        response.delete_cookie(_OIDC_COOKIE, path=_OIDC_PATH, httponly=True, samesite="lax")
        return response
    response = _open_session(request, principal, via="oidc")
    response.delete_cookie(_OIDC_COOKIE, path=_OIDC_PATH, httponly=True, samesite="lax")
    return response
