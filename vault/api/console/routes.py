"""The console's pages: sign-in, audit, datasets, jobs, data-subject requests, keys, policies.

Each page authenticates from the session, asks the access policy (as the API's `require`
does) and then calls the same use case, very often the same route function, as the HTTP API,
so authorization, validation and audit are the API's own. A refusal is a page that says what
was wrong in the API's words; nothing shows an original value.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from vault.adapters.audit_search_sql import AuditFilter
from vault.adapters.oidc import PkceStart, pkce_start
from vault.api.console import _auth
from vault.api.console._auth import (
    PRE_COOKIE,
    SESSION_COOKIE,
    ConsoleUser,
    check_csrf,
    current_user,
    demand,
    set_cookie,
)
from vault.api.console._charts import activity_chart, report_chart
from vault.api.deps import SYSTEM_TENANT, audit, get_vault
from vault.api.errors import validation_message
from vault.api.routes import apikeys as apikey_routes
from vault.api.routes import audit as audit_routes
from vault.api.routes import datasets as dataset_routes
from vault.domain.audit import OUTCOMES, AuditRecord, format_time
from vault.domain.audit_export import verify_export
from vault.domain.jobs import job_json
from vault.domain.policy import Action
from vault.domain.principal import Principal, Role
from vault.errors import AuthenticationFailed, InvalidRequest, NotFound, VaultError
from vault.services.apikeys import authenticate, list_api_keys, validate_tenant
from vault.services.export_audit import export_audit, parse_moment
from vault.services.read_dataset import ContentRead, open_content
from vault.services.upload_job import list_jobs
from vault.services.verify_audit import verify_file

__all__ = ["router", "templates"]

_HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(_HERE / "templates"))
router = APIRouter(prefix="/console", include_in_schema=False)

_PAGE = 50
_LOCAL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
_SEQ = re.compile(r"[1-9][0-9]{0,17}")
_VERIFY_UPLOAD_LIMIT = 512 * 1024**2
# A find reads dataset versions to say where a value's tokens stand: the newest so many.
_DSR_SEARCH_VERSIONS = 200
_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# The pages of the navigation, with the actions that open each one: any of them (none: any
# signed-in key). The data-subject page opens to those who may find and to those who may erase.
NAV: tuple[tuple[str, str, tuple[Action, ...]], ...] = (
    ("audit", "Audit", (Action.AUDIT_EXPORT,)),
    ("datasets", "Datasets", (Action.DATASET_READ,)),
    ("jobs", "Jobs", (Action.DATASET_WRITE,)),
    ("dsr", "Data subjects", (Action.DSR_FIND, Action.DSR_ERASE)),
    ("keys", "Keys", (Action.APIKEY_MANAGE,)),
    ("policies", "Policies", ()),
)


def _render(
    request: Request,
    name: str,
    user: ConsoleUser | None,
    *,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    nav = []
    if user is not None:
        nav = [
            {"slug": slug, "title": title}
            for slug, title, actions in NAV
            if not actions or any(user.may(request, action) for action in actions)
        ]
    response = templates.TemplateResponse(
        request,
        name,
        {"user": user, "nav": nav, "page": context.pop("page", ""), **context},
        status_code=status,
    )
    response.headers["cache-control"] = "no-store"
    # Everything the page loads comes from the vault itself, and no other site may frame it.
    response.headers["content-security-policy"] = _CSP
    response.headers["referrer-policy"] = "no-referrer"
    return response


def install(app: Any) -> None:
    """Serve the pages under /console; a console request that fails renders a page, never a
    JSON error or a trace. Other paths keep the app's JSON handlers."""
    from fastapi.staticfiles import StaticFiles

    app.mount("/console/static", StaticFiles(directory=str(_HERE / "static")), name="console")
    app.include_router(router)
    json_handler = app.exception_handlers.get(VaultError)
    validation_handler = app.exception_handlers.get(RequestValidationError)

    # Plain functions: Starlette runs them in a worker thread, and they read the session.
    def not_signed_in(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, _auth.NotSignedIn)
        return _sign_in_page(request, message=exc.reason, status=401)

    def needs_role(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, _auth.NeedsRole)
        user = current_user(request)
        return _render(request, "denied.html", user, status=403, message=exc.message)

    def error_page(request: Request, error: VaultError) -> Response:
        try:
            user: ConsoleUser | None = current_user(request)
        except _auth.NotSignedIn:
            user = None
        return _render(request, "error.html", user, status=error.status, error=error)

    async def vault_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, VaultError)
        assert json_handler is not None
        if not request.url.path.startswith("/console"):
            return await json_handler(request, exc)  # type: ignore[no-any-return]
        return await anyio.to_thread.run_sync(error_page, request, exc)

    async def invalid_form(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        assert validation_handler is not None
        if not request.url.path.startswith("/console"):
            return await validation_handler(request, exc)  # type: ignore[no-any-return]
        message, where = validation_message(exc)
        error = InvalidRequest(message, param=where)
        return await anyio.to_thread.run_sync(error_page, request, error)

    app.add_exception_handler(_auth.NotSignedIn, not_signed_in)
    app.add_exception_handler(_auth.NeedsRole, needs_role)
    app.add_exception_handler(VaultError, vault_error)
    app.add_exception_handler(RequestValidationError, invalid_form)


# ------------------------------------------------------------------ sign-in


def _sign_in_page(request: Request, *, message: str | None = None, status: int = 200) -> Response:
    token = _auth.new_token()
    response = _render(
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
    return _sign_in_page(request)


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
        return _sign_in_page(request, message="Invalid API Key", status=401)
    response = _open_session(request, principal, via="api_key")
    response.delete_cookie(PRE_COOKIE, path=_auth.COOKIE_PATH, httponly=True, samesite="strict")
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf: Annotated[str, Form(max_length=128)] = "") -> Response:
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    get_vault(request).console_sessions.end(request.cookies.get(SESSION_COOKIE, ""))
    audit(request, user.principal, "console.sign_out")
    response = _sign_in_page(request, message="You are signed out.")
    response.delete_cookie(SESSION_COOKIE, path=_auth.COOKIE_PATH, httponly=True, samesite="strict")
    return response


# ------------------------------------------------------------------ single sign-on (OIDC)

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
        response = _sign_in_page(request, message=exc.message, status=401)
        response.delete_cookie(_OIDC_COOKIE, path=_OIDC_PATH, httponly=True, samesite="lax")
        return response
    response = _open_session(request, principal, via="oidc")
    response.delete_cookie(_OIDC_COOKIE, path=_OIDC_PATH, httponly=True, samesite="lax")
    return response


# ------------------------------------------------------------------ audit


def _moment(name: str, raw: str | None) -> datetime | None:
    """An RFC 3339 time, or what a datetime-local input sends (read as UTC)."""
    if raw and _LOCAL_TIME.fullmatch(raw.strip()):
        text = raw.strip()
        text += ":00" if len(text) == 16 else ""
        raw = text + "Z"
    return parse_moment(name, raw)


def _text_filter(name: str, raw: str | None, limit: int) -> str | None:
    value = (raw or "").strip()
    if not value:
        return None
    if len(value) > limit or any(ord(ch) < 32 for ch in value):
        raise InvalidRequest(f"{name} must be at most {limit} printable characters", param=name)
    return value


def _audit_filter(params: dict[str, str]) -> AuditFilter:
    outcome = _text_filter("outcome", params.get("outcome"), 32)
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidRequest(
            f"outcome must be one of {', '.join(sorted(OUTCOMES))}", param="outcome"
        )
    since = _moment("since", params.get("since"))
    until = _moment("until", params.get("until"))
    if since is not None and until is not None and since > until:
        raise InvalidRequest("since must not be later than until", param="since")
    return AuditFilter(
        since=since,
        until=until,
        actor=_text_filter("actor", params.get("actor"), 64),
        action=_text_filter("action", params.get("action"), 64),
        outcome=outcome,
        object=_text_filter("object", params.get("object"), 256),
    )


_FILTER_FIELDS = ("since", "until", "actor", "action", "outcome", "object")


def _record_row(record: AuditRecord) -> dict[str, Any]:
    event = record.event
    return {
        "seq": record.seq,
        "at": format_time(record.at),
        "actor": event.actor,
        "action": event.action,
        "outcome": event.outcome,
        "object": event.object,
        "purpose": event.purpose,
    }


def _audit_page(
    request: Request,
    user: ConsoleUser,
    params: dict[str, str],
    *,
    verify: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    vault = get_vault(request)
    tenant = user.principal.tenant
    error = None
    rows: list[dict[str, Any]] = []
    chart = None
    older = None
    try:
        flt = _audit_filter(params)
        before = params.get("before")
        before_seq = int(before) if before and _SEQ.fullmatch(before) else None
        records = vault.audit_search.page(tenant, flt, before_seq=before_seq, limit=_PAGE + 1)
        rows = [_record_row(r) for r in records[:_PAGE]]
        if len(records) > _PAGE:
            older = {**_kept(params), "before": str(records[_PAGE - 1].seq)}
        chart = activity_chart(vault.audit_search.activity(tenant, flt))
    except InvalidRequest as exc:
        error, status = exc, 400
    # Reading the trail is itself on the trail: how many filters, never their values.
    audit(
        request,
        user.principal,
        "console.audit.view",
        outcome="ok" if error is None else "error",
        details={"rows": len(rows), "filters": len(_kept(params))},
    )
    return _render(
        request,
        "audit.html",
        user,
        page="audit",
        status=status,
        rows=rows,
        filters={name: params.get(name, "") for name in _FILTER_FIELDS},
        outcomes=sorted(OUTCOMES),
        error=error,
        chart=chart,
        older=older,
        verify=verify,
        export_query=_kept(params, ("since", "until")),
    )


def _kept(params: dict[str, str], names: tuple[str, ...] = _FILTER_FIELDS) -> dict[str, str]:
    return {name: params[name] for name in names if params.get(name)}


@router.get("/audit")
def audit_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.AUDIT_EXPORT)
    return _audit_page(request, user, dict(request.query_params))


@router.get("/audit/records/{seq}")
def audit_record(seq: str, request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.AUDIT_EXPORT)
    record = None
    if _SEQ.fullmatch(seq):
        record = get_vault(request).audit_search.record(user.principal.tenant, int(seq))
    audit(
        request,
        user.principal,
        "console.audit.record",
        outcome="ok" if record is not None else "error",
        details={"seq": record.seq} if record is not None else None,
    )
    if record is None:
        return _render(
            request, "error.html", user, status=404, error=VaultError("audit record not found")
        )
    event = record.event
    return _render(
        request,
        "audit_record.html",
        user,
        page="audit",
        record=_record_row(record),
        detail={
            "tenant": event.tenant,
            "source": event.source,
            "request_id": event.request_id,
            "prev_hash": record.prev_hash,
            "hash": record.hash,
        },
        details=json.dumps(dict(event.details), indent=2, sort_keys=True),
    )


@router.get("/audit/export")
def audit_export(request: Request, format: str = "jsonl") -> Response:
    """The filtered time range, exported and signed exactly as GET /v1/audit/export does."""
    user = current_user(request)
    demand(request, user, Action.AUDIT_EXPORT)
    params = dict(request.query_params)
    try:
        since, until = _moment("since", params.get("since")), _moment("until", params.get("until"))
        return audit_routes.export(
            request,
            user.principal,
            format=format,
            since=format_time(since) if since else None,
            until=format_time(until) if until else None,
        )
    except InvalidRequest as exc:
        return _audit_page(request, user, params, verify={"error": exc.message}, status=400)


@router.post("/audit/verify")
def audit_verify(
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    since: Annotated[str, Form(max_length=64)] = "",
    until: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Export the selected range as the API would and run the CLI's verifier over it, with
    the vault's own signing key pinned."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.AUDIT_EXPORT)
    params = {"since": since, "until": until}
    vault = get_vault(request)
    try:
        lines = export_audit(
            vault.audit,
            vault.audit_signer,
            tenant=user.principal.tenant,
            since=_moment("since", since),
            until=_moment("until", until),
            actor=user.principal.key_id,
            source=request.client.host if request.client else None,
            request_id=getattr(request.state, "request_id", None),
        )
        result = verify_export(lines, public_key=vault.audit_signer.public_key_bytes)
    except InvalidRequest as exc:
        return _audit_page(request, user, params, verify={"error": exc.message}, status=400)
    return _audit_page(request, user, params, verify=_verdict(result, "the selected range"))


def _verdict(result: Any, what: str) -> dict[str, Any]:
    return {
        "what": what,
        "ok": result.ok,
        "message": result.message(),
        "first_bad": result.first_bad,
        "bad_seq": result.bad_seq,
        "records": result.records,
        "head_seq": result.head_seq,
    }


@router.post("/audit/verify-file")
def audit_verify_file(
    request: Request,
    file: Annotated[UploadFile | None, File()] = None,
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Verify an export file the user holds, with `vault audit verify`'s own function; the
    vault's signing key is pinned, so a re-signed forgery fails too."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.AUDIT_EXPORT)
    params: dict[str, str] = {}
    if file is None or not file.filename:
        error = InvalidRequest("file: choose an audit export (JSONL or CSV) to verify")
        return _audit_page(request, user, params, verify={"error": error.message}, status=400)
    vault = get_vault(request)
    # An export holds ids and counts, never PII: it may touch a temporary file.
    handle, path = tempfile.mkstemp(prefix="vault-verify-", suffix=".export")
    try:
        with os.fdopen(handle, "wb") as out:
            size = 0
            while chunk := file.file.read(1024 * 1024):
                size += len(chunk)
                if size > _VERIFY_UPLOAD_LIMIT:
                    raise InvalidRequest("file: an export to verify must be at most 512 MiB")
                out.write(chunk)
        result = verify_file(path, public_key=vault.audit_signer.public_key_bytes)
    except InvalidRequest as exc:
        return _audit_page(request, user, params, verify={"error": exc.message}, status=400)
    finally:
        os.unlink(path)
    audit(
        request,
        user.principal,
        "audit.verify",
        outcome="ok" if result.ok else "error",
        details={"records": result.records, "intact": result.ok},
    )
    return _audit_page(request, user, params, verify=_verdict(result, "the uploaded file"))


# ------------------------------------------------------------------ datasets and jobs


@router.get("/datasets")
def datasets_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    return _datasets_page(request, user)


def _datasets_page(
    request: Request, user: ConsoleUser, *, status: int = 200, error: VaultError | None = None
) -> HTMLResponse:
    listing = dataset_routes.list_datasets(request, user.principal)
    return _render(
        request,
        "datasets.html",
        user,
        page="datasets",
        status=status,
        datasets=listing["data"],
        may_upload=user.may(request, Action.DATASET_WRITE),
        error=error,
    )


@router.post("/datasets/upload")
async def upload_dataset(request: Request, csrf: str = "") -> Response:
    """A new dataset from the page's form, through the API's own upload (streamed, anonymized,
    sealed; a large one becomes a job). The CSRF token rides in the query string, so it is
    checked before a byte of the file is read."""
    user = await anyio.to_thread.run_sync(current_user, request)
    check_csrf(user.csrf, csrf)
    await anyio.to_thread.run_sync(demand, request, user, Action.DATASET_WRITE)
    try:
        answer = await dataset_routes.post_dataset(request, user.principal, idempotency_key=None)
    except VaultError as exc:
        if exc.status >= 500:
            raise
        refused = exc
        return await anyio.to_thread.run_sync(
            lambda: _datasets_page(request, user, status=refused.status, error=refused)
        )
    stored = json.loads(bytes(answer.body))
    if answer.status_code == 202:  # a job: its progress is on the jobs page
        return RedirectResponse("/console/jobs", status_code=303)
    version = stored["version"]["version"]
    return RedirectResponse(f"/console/datasets/{stored['id']}/versions/{version}", status_code=303)


@router.get("/datasets/{dataset_id}")
def dataset_page(dataset_id: str, request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    dataset = dataset_routes.get_dataset(dataset_id, request, user.principal)
    versions = dataset_routes.list_versions(dataset_id, request, user.principal)["data"]
    return _render(
        request,
        "dataset.html",
        user,
        page="datasets",
        dataset=dataset,
        versions=sorted(versions, key=lambda v: -int(v["version"])),
    )


@router.get("/datasets/{dataset_id}/versions/{number}")
def version_page(dataset_id: str, number: str, request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    dataset = dataset_routes.get_dataset(dataset_id, request, user.principal)
    version = dataset_routes.version_report(dataset_id, number, request, user.principal)
    policy = get_vault(request).access_policy
    return _render(
        request,
        "version.html",
        user,
        page="datasets",
        dataset=dataset,
        version=version,
        chart=report_chart(version.get("report") or {}),
        may_reveal=user.may(request, Action.DATASET_REIDENTIFY),
        purposes=policy.purposes,
    )


@router.get("/datasets/{dataset_id}/versions/{number}/download")
def download_anonymized(dataset_id: str, number: str, request: Request) -> Response:
    """The anonymized content, read and audited exactly as the API's content route reads it."""
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    response = dataset_routes.read_content(
        dataset_id, number, request, user.principal, view="anonymized"
    )
    response.headers["content-disposition"] = (
        f'attachment; filename="{_filename(dataset_id, number)}"'
    )
    return response


@router.post("/datasets/{dataset_id}/versions/{number}/download")
def download_reidentified(
    dataset_id: str,
    number: str,
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    purpose: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """The re-identified content for a key that may reveal it, with a stated purpose."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.DATASET_REIDENTIFY)
    response = dataset_routes.read_content(
        dataset_id,
        number,
        request,
        user.principal,
        view="reidentified",
        purpose=purpose or None,
        x_vault_purpose=None,
    )
    name = _filename(dataset_id, number, "reidentified")
    response.headers["content-disposition"] = f'attachment; filename="{name}"'
    return response


def _filename(dataset_id: str, number: str, view: str = "anonymized") -> str:
    safe = re.sub(r"[^A-Za-z0-9_]", "", dataset_id)[:40]
    return f"{safe}-v{re.sub(r'[^0-9]', '', number)[:10]}-{view}"


@router.get("/jobs")
def jobs_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_WRITE)
    now = datetime.now(UTC)
    jobs = [
        job_json(job, now)
        for job in list_jobs(get_vault(request).jobs, user.principal.tenant, limit=100)
    ]
    running = any(job["state"] in ("queued", "running") for job in jobs)
    return _render(request, "jobs.html", user, page="jobs", jobs=jobs, running=running)


# ------------------------------------------------------------------ data-subject requests


@router.get("/dsr")
def dsr_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DSR_FIND, Action.DSR_ERASE)
    return _dsr_page(request, user)


def _dsr_page(
    request: Request, user: ConsoleUser, *, status: int = 200, **context: Any
) -> HTMLResponse:
    """The data-subject page, naming the roles that may erase for a key that may only find."""
    erasers = get_vault(request).access_policy.roles_allowing(Action.DSR_ERASE)
    return _render(
        request,
        "dsr.html",
        user,
        page="dsr",
        status=status,
        erasers=[str(role) for role in erasers]
        or ["none (the access policy grants it to no role)"],
        **context,
    )


def _subject(value: str) -> audit_routes.SubjectRequest:
    try:
        return audit_routes.SubjectRequest(value=value)
    except ValidationError as exc:
        raise InvalidRequest(_validation_message(exc), param="value") from None


def _validation_message(exc: ValidationError) -> str:
    return validation_message(RequestValidationError(exc.errors(include_input=False)))[0]


@router.post("/dsr/find")
def dsr_find(
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    value: Annotated[str, Form()] = "",
) -> Response:
    """Which tokens the tenant issued for a value (POST /v1/dsr/find); the value is not shown
    back, only its tokens and types."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.DSR_FIND)
    try:
        found = audit_routes.dsr_find(_subject(value), request, user.principal)
    except InvalidRequest as exc:
        return _dsr_page(request, user, status=400, error=exc)
    where, searched, stored = _where_tokens_are(
        request, user, [t["token"] for t in found["tokens"]]
    )
    return _dsr_page(
        request,
        user,
        found=found["tokens"],
        where=where,
        searched=searched,
        stored=stored,
        asked=True,
    )


def _where_tokens_are(
    request: Request, user: ConsoleUser, tokens: list[str]
) -> tuple[list[dict[str, Any]], int, int]:
    """The dataset versions whose anonymized content holds one of `tokens`, how many versions
    were read and how many are stored. Each version is opened with the same use case as the
    API's content route and audited as a `dataset.read`, so only a key that may read datasets
    learns this; the newest `_DSR_SEARCH_VERSIONS` are read, so a find stays bounded in time.
    The vault stores no proxy conversation, so there is none to search."""
    if not tokens or not user.may(request, Action.DATASET_READ):
        return [], 0, 0
    vault = get_vault(request)
    parts = vault.dataset_parts()
    needles = [t.encode() for t in tokens]
    longest = max(len(n) for n in needles)
    tenant = user.principal.tenant
    versions = [
        (dataset, version)
        for dataset in parts.catalog.list_datasets(tenant)
        for version in parts.catalog.list_versions(tenant, dataset.id)
    ]
    versions.sort(key=lambda pair: pair[1].created_at, reverse=True)
    hits = []
    for dataset, version in versions[:_DSR_SEARCH_VERSIONS]:
        object_id = f"{dataset.id}/v{version.number}"

        def record(
            *, outcome: str, purpose: str | None, details: Any, object_id: str = object_id
        ) -> None:
            audit(
                request,
                user.principal,
                "dataset.read",
                outcome=outcome,
                object_id=object_id,
                purpose=purpose,
                details={**details, "for": "dsr.find"},
            )

        try:
            read = open_content(
                parts,
                vault.access_policy,
                user.principal,
                dataset.id,
                version.number,
                view="anonymized",
                purpose=None,
                reidentifier=vault.reidentifier,
                record=record,
            )
        except VaultError:
            continue  # erased or unreadable: its failure is audited, it holds nothing now
        if _holds(read, needles, longest):
            hits.append({"dataset": dataset.name, "id": dataset.id, "version": version.number})
    return hits, min(len(versions), _DSR_SEARCH_VERSIONS), len(versions)


def _holds(read: ContentRead, needles: list[bytes], longest: int) -> bool:
    """Whether the content holds a needle, read through a sliding window (bounded memory)."""
    tail, how = b"", "ok"
    try:
        for chunk in read.chunks():
            window = tail + chunk
            if any(needle in window for needle in needles):
                return True
            tail = window[-longest:]
        return False
    except VaultError as exc:
        how = exc.code
        return False
    finally:
        read.end(how)


@router.post("/dsr/erase")
def dsr_erase(
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    value: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """Erase a value (POST /v1/dsr/erase) once the form's confirmation box is ticked; shows the
    result and the audit record the erasure wrote."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.DSR_ERASE)
    if confirm != "yes":
        error = InvalidRequest("confirm: tick the box to confirm the erasure", param="confirm")
        return _dsr_page(request, user, status=400, error=error)
    try:
        erased = audit_routes.dsr_erase(_subject(value), request, user.principal)
    except InvalidRequest as exc:
        return _dsr_page(request, user, status=400, error=exc)
    vault = get_vault(request)
    records = vault.audit_search.page(
        user.principal.tenant, AuditFilter(action="dsr.erase", actor=user.principal.key_id), limit=1
    )
    return _dsr_page(
        request,
        user,
        erased=erased,
        erase_record=_record_row(records[0]) if records else None,
    )


# ------------------------------------------------------------------ keys


def _keys_page(
    request: Request, user: ConsoleUser, *, status: int = 200, **context: Any
) -> HTMLResponse:
    vault = get_vault(request)
    keys = [
        apikey_routes.key_json(k)
        for k in list_api_keys(vault.api_keys, tenant=user.principal.tenant)
    ]
    grantable = sorted(vault.access_policy.grantable(user.principal.roles))
    return _render(
        request,
        "keys.html",
        user,
        page="keys",
        status=status,
        keys=keys,
        grantable=grantable,
        all_roles=[r.value for r in Role],
        **context,
    )


@router.get("/keys")
def keys_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.APIKEY_MANAGE)
    return _keys_page(request, user)


def _form_error(exc: ValidationError) -> InvalidRequest:
    return InvalidRequest(_validation_message(exc))


@router.post("/keys")
def create_key(
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    roles: Annotated[list[str] | None, Form()] = None,
    label: Annotated[str, Form()] = "",
    expires_in_days: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """POST /v1/apikeys from a form: the new secret is shown on this answer only."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.APIKEY_MANAGE)
    try:
        body = apikey_routes.CreateKey(
            roles=roles or [],
            label=label or None,
            expires_in_days=int(expires_in_days) if expires_in_days.strip().isdigit() else None,
        )
        if expires_in_days.strip() and not expires_in_days.strip().isdigit():
            raise InvalidRequest(
                "expires_in_days: must be a whole number of days", param="expires_in_days"
            )
        created = apikey_routes.create(body, request, user.principal)
    except ValidationError as exc:
        return _keys_page(request, user, status=400, error=_form_error(exc))
    except VaultError as exc:
        if exc.status >= 500:
            raise
        return _keys_page(request, user, status=exc.status, error=exc)
    return _keys_page(request, user, status=201, created=created)


@router.post("/keys/{key_id}/revoke")
def revoke_key(
    key_id: str, request: Request, csrf: Annotated[str, Form(max_length=128)] = ""
) -> Response:
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.APIKEY_MANAGE)
    try:
        revoked = apikey_routes.revoke(key_id, request, user.principal)
    except VaultError as exc:
        if exc.status >= 500:
            raise
        return _keys_page(request, user, status=exc.status, error=exc)
    return _keys_page(request, user, notice=f"Key {revoked['id']} is revoked.")


@router.post("/keys/{key_id}/roles")
def change_key_roles(
    key_id: str,
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    roles: Annotated[list[str] | None, Form()] = None,
) -> Response:
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.APIKEY_MANAGE)
    try:
        body = apikey_routes.ChangeKey(roles=roles or [])
        changed = apikey_routes.change(key_id, body, request, user.principal)
    except ValidationError as exc:
        return _keys_page(request, user, status=400, error=_form_error(exc))
    except VaultError as exc:
        if exc.status >= 500:
            raise
        return _keys_page(request, user, status=exc.status, error=exc)
    return _keys_page(
        request, user, notice=f"Key {changed['id']} now has {', '.join(changed['roles'])}."
    )


# ------------------------------------------------------------------ policies


@router.get("/policies")
def policies_page(request: Request) -> Response:
    """The policies in force, read-only, with the digest the start-up audit record holds."""
    user = current_user(request)
    vault = get_vault(request)
    loads = vault.audit_search.page(SYSTEM_TENANT, AuditFilter(action="policy.*"), limit=5)
    return _render(
        request,
        "policies.html",
        user,
        page="policies",
        digest=vault.policy_digest(),
        recorded=[{**_record_row(r), "digest": r.event.details.get("digest")} for r in loads],
        anonymization=vault.anonymization_policy.model_dump(mode="json"),
        access=vault.access_policy.model_dump(mode="json"),
    )
