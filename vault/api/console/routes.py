"""The console's one router over its page modules, and `install`, which mounts it with error pages.

Each page authenticates from the session, asks the access policy (as the API's `require`
does) and then calls the same use case, very often the same route function, as the HTTP API,
so authorization, validation and audit are the API's own. A refusal is a page that says what
was wrong in the API's words; nothing shows an original value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from vault.api.console import (
    _auth,
    pages_audit,
    pages_auth,
    pages_datasets,
    pages_dsr,
    pages_keys,
    pages_policies,
)
from vault.api.console._auth import ConsoleUser, current_user
from vault.api.console._pages import render, templates
from vault.api.console.pages_auth import sign_in_page
from vault.api.errors import validation_message
from vault.errors import InvalidRequest, VaultError

__all__ = ["install", "router", "templates"]

_HERE = Path(__file__).parent
router = APIRouter()
# In the order the pages were always matched; every page is under /console and none is in the
# OpenAPI schema.
for _group in (pages_auth, pages_audit, pages_datasets, pages_dsr, pages_keys, pages_policies):
    router.include_router(_group.router, prefix="/console", include_in_schema=False)


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
        return sign_in_page(request, message=exc.reason, status=401)

    def needs_role(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, _auth.NeedsRole)
        user = current_user(request)
        return render(request, "denied.html", user, status=403, message=exc.message)

    def error_page(request: Request, error: VaultError) -> Response:
        try:
            user: ConsoleUser | None = current_user(request)
        except _auth.NotSignedIn:
            user = None
        return render(request, "error.html", user, status=error.status, error=error)

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
