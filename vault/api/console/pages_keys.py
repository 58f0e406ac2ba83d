"""The console's API key page: list, create, revoke and change the roles of a tenant's keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from vault.api.console._auth import ConsoleUser, check_csrf, current_user, demand
from vault.api.console._pages import pydantic_message, render
from vault.api.deps import get_vault
from vault.api.routes import apikeys as apikey_routes
from vault.domain.policy import Action
from vault.domain.principal import Role
from vault.errors import InvalidRequest, VaultError
from vault.services.apikeys import list_api_keys

router = APIRouter()


def _keys_page(
    request: Request, user: ConsoleUser, *, status: int = 200, **context: Any
) -> HTMLResponse:
    vault = get_vault(request)
    keys = [
        apikey_routes.key_json(k)
        for k in list_api_keys(vault.api_keys, tenant=user.principal.tenant)
    ]
    grantable = sorted(vault.access_policy.grantable(user.principal.roles))
    return render(
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
    return InvalidRequest(pydantic_message(exc))


def _manage_keys(
    request: Request, csrf: str, change: Callable[[ConsoleUser], dict[str, Any]]
) -> Response:
    """A key change from a form: the signed-in user, the form's CSRF token and apikey.manage
    checked first, then `change` run; the keys page shows what `change` returns (its status and
    what it says), or the refusal in the API's words: a bad form is a 400, a VaultError keeps
    its status, and one at 500 or above is raised to the console's error page."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.APIKEY_MANAGE)
    try:
        context = change(user)
    except ValidationError as exc:
        return _keys_page(request, user, status=400, error=_form_error(exc))
    except VaultError as exc:
        if exc.status >= 500:
            raise
        return _keys_page(request, user, status=exc.status, error=exc)
    return _keys_page(request, user, **context)


@router.post("/keys")
def create_key(
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    roles: Annotated[list[str] | None, Form()] = None,
    label: Annotated[str, Form()] = "",
    expires_in_days: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """POST /v1/apikeys from a form: the new secret is shown on this answer only."""

    def create(user: ConsoleUser) -> dict[str, Any]:
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
        return {"status": 201, "created": created}

    return _manage_keys(request, csrf, create)


@router.post("/keys/{key_id}/revoke")
def revoke_key(
    key_id: str, request: Request, csrf: Annotated[str, Form(max_length=128)] = ""
) -> Response:
    def revoke(user: ConsoleUser) -> dict[str, Any]:
        revoked = apikey_routes.revoke(key_id, request, user.principal)
        return {"notice": f"Key {revoked['id']} is revoked."}

    return _manage_keys(request, csrf, revoke)


@router.post("/keys/{key_id}/roles")
def change_key_roles(
    key_id: str,
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    roles: Annotated[list[str] | None, Form()] = None,
) -> Response:
    def change(user: ConsoleUser) -> dict[str, Any]:
        body = apikey_routes.ChangeKey(roles=roles or [])
        changed = apikey_routes.change(key_id, body, request, user.principal)
        return {"notice": f"Key {changed['id']} now has {', '.join(changed['roles'])}."}

    return _manage_keys(request, csrf, change)
