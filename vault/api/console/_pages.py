"""What every console page shares: its templates, the navigation and one render with headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from vault.api.console._auth import ConsoleUser
from vault.api.errors import validation_message
from vault.domain.audit import AuditRecord, format_time
from vault.domain.policy import Action

__all__ = ["NAV", "pydantic_message", "record_row", "render", "templates"]

_HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(_HERE / "templates"))

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


def render(
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


def record_row(record: AuditRecord) -> dict[str, Any]:
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


def pydantic_message(exc: ValidationError) -> str:
    return validation_message(RequestValidationError(exc.errors(include_input=False)))[0]
