"""The access log: one line per request with its method, route template and status.

Never the raw path or query string, which carry what a caller typed (a name in a URL, a
`?purpose=`); the route template (`/v1/datasets/{dataset_id}/versions`) says which door was used.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["LOGGER", "AccessLog"]

LOGGER = "vault.access"
log = logging.getLogger(LOGGER)


class AccessLog:
    """ASGI middleware writing the access log to the `vault.access` logger, at INFO."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server answers if the app fails before it starts a response

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            # The router records the matched route in the scope; an unmatched path stays unnamed.
            route = getattr(scope.get("route"), "path", "unmatched")
            client = scope.get("client")
            log.info(
                '%s - "%s %s" %d %.1fms',
                client[0] if client else "-",
                scope["method"],
                route,
                status,
                (time.perf_counter() - started) * 1000,
            )
