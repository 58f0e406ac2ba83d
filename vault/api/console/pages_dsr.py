"""The console's data-subject page: find where a value's tokens stand, and erase it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from vault.adapters.audit_search_sql import AuditFilter
from vault.api.console._auth import ConsoleUser, check_csrf, current_user, demand
from vault.api.console._pages import pydantic_message, record_row, render
from vault.api.deps import audit, get_vault
from vault.api.routes import audit as audit_routes
from vault.domain.policy import Action
from vault.errors import InvalidRequest, VaultError
from vault.services.read_dataset import ContentRead, open_content

router = APIRouter()

# A find reads dataset versions to say where a value's tokens stand: the newest so many.
_DSR_SEARCH_VERSIONS = 200


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
    return render(
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
        raise InvalidRequest(pydantic_message(exc), param="value") from None


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
        erase_record=record_row(records[0]) if records else None,
    )
