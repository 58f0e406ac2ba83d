"""One translation from exceptions to JSON errors `{"error": {"message", "type", "code"}}`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vault.errors import InvalidRequest, VaultError

__all__ = ["install_error_handlers", "validation_message"]

log = logging.getLogger("vault.api")
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def error_response(error: VaultError) -> JSONResponse:
    headers = error.headers()
    return JSONResponse(error.to_body(), status_code=error.status, headers=headers)


def validation_message(exc: RequestValidationError) -> tuple[str, str]:
    """A precise message (which field, what was wrong) and the field path, without the input."""
    problems = []
    for error in exc.errors()[:3]:
        if (
            tuple(error.get("loc", ())) == ("body",)
            and error.get("type") == "model_attributes_type"
        ):
            return "the body must be a JSON object sent as Content-Type: application/json", "body"
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query")]
        problems.append((".".join(location) or "body", error.get("msg", "invalid value")))
    return "; ".join(f"{where}: {msg}" for where, msg in problems), problems[0][0]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VaultError)
    async def _vault_error(_request: Request, exc: VaultError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, where = validation_message(exc)
        return error_response(InvalidRequest(message, param=where))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if exc.status_code == 404 and request.url.path.startswith("/openai/"):
            # Groq's own answer to a path it does not serve; the path is not echoed.
            code = "unknown_url"
            message = (
                f"Unknown request URL: {request.method} (a path this vault does not serve). "
                "Please check the URL for typos, or see the docs at https://console.groq.com/docs/"
            )
        body = {"error": {"message": message, "type": "invalid_request_error", "code": code}}
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        return JSONResponse(body, status_code=exc.status_code, headers=headers)

    app.add_middleware(_ContainUnexpected)


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at the request's path: a 405 from one route would name
    only its own (POST /v1/datasets), not its siblings' (GET /v1/datasets)."""
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


class _ContainUnexpected:
    """Answer an unexpected exception with an opaque 500 and log its type only.

    Starlette's own last-resort handler re-raises after answering, and the server then logs the
    whole traceback, whose text can hold request content; this stops the exception here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error(
                "unhandled %s on %s", type(exc).__name__, scope.get("path", "?").split("/")[1:3]
            )
            if started:
                return  # the answer is under way; the connection just ends
            body = {
                "error": {
                    "message": "internal error",
                    "type": "internal_error",
                    "code": "internal_error",
                }
            }
            await JSONResponse(body, status_code=500)(scope, receive, send)
