"""The console's audit pages: the filtered trail, one record, export and verification."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from vault.adapters.audit_search_sql import AuditFilter
from vault.api.console._auth import ConsoleUser, check_csrf, current_user, demand
from vault.api.console._charts import activity_chart
from vault.api.console._pages import record_row, render
from vault.api.deps import audit, get_vault
from vault.api.routes import audit as audit_routes
from vault.domain.audit import OUTCOMES, format_time
from vault.domain.audit_export import verify_export
from vault.domain.policy import Action
from vault.errors import InvalidRequest, VaultError
from vault.services.export_audit import export_audit, parse_moment
from vault.services.verify_audit import verify_file

router = APIRouter()

_PAGE = 50
_LOCAL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
_SEQ = re.compile(r"[1-9][0-9]{0,17}")
_VERIFY_UPLOAD_LIMIT = 512 * 1024**2
_FILTER_FIELDS = ("since", "until", "actor", "action", "outcome", "object")


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
        rows = [record_row(r) for r in records[:_PAGE]]
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
    return render(
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
        return render(
            request, "error.html", user, status=404, error=VaultError("audit record not found")
        )
    event = record.event
    return render(
        request,
        "audit_record.html",
        user,
        page="audit",
        record=record_row(record),
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
