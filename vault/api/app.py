"""`create_app(settings)`: the FastAPI app, its middleware, error handling and routes."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI, Request, Response

from vault import __version__
from vault.api.errors import install_error_handlers
from vault.api.metrics import Metrics
from vault.api.routes import apikeys, health, text
from vault.settings import Settings
from vault.wiring import Vault, build_vault

__all__ = ["create_app"]

log = logging.getLogger("vault.api")

_OPTIONAL_ROUTERS = ("datasets", "proxy", "audit")


def create_app(settings: Settings | None = None, *, vault: Vault | None = None) -> FastAPI:
    """The vault's HTTP app. With `vault`, serves that one (tests); else builds from settings."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = vault is None
        app.state.vault = vault or build_vault(settings or Settings())
        await anyio.to_thread.run_sync(app.state.vault.warm_up)
        await anyio.to_thread.run_sync(_record_policies, app.state.vault)
        await anyio.to_thread.run_sync(_sweep_unfinished_uploads, app.state.vault)
        try:
            yield
        finally:
            if owned:
                app.state.vault.close()

    app = FastAPI(
        title="Vault",
        version=__version__,
        summary="A privacy data vault between people's data and an LLM.",
        lifespan=lifespan,
    )
    app.state.metrics = Metrics()
    if vault is not None:
        app.state.vault = vault
        vault.warm_up()
    install_error_handlers(app)
    app.middleware("http")(_request_context)
    for router in (health.router, text.router, apikeys.router):
        app.include_router(router)
    for name in _OPTIONAL_ROUTERS:
        module = __import__(f"vault.api.routes.{name}", fromlist=["router"])
        app.include_router(module.router)
    return app


def _sweep_unfinished_uploads(vault: Vault) -> None:
    """An upload cut off by a crash left a pending row and maybe an object: remove them."""
    from vault.services.ingest_dataset import sweep_pending

    removed = sweep_pending(vault.dataset_parts())
    if removed:
        log.warning("removed %d unfinished uploads", removed)


def _record_policies(vault: Vault) -> None:
    """Audit the policies in force at start-up; a changed digest marks a policy change."""
    from vault.domain.audit import AuditEvent

    digest = vault.policy_digest()
    last = None
    for record in vault.audit.records("_system"):  # streamed: the chain is never held whole
        if record.event.action in ("policy.load", "policy.change"):
            last = record
    changed = last is None or last.event.details.get("digest") != digest
    vault.audit.append(
        AuditEvent(
            tenant="_system",
            actor="system",
            action="policy.change" if changed and last is not None else "policy.load",
            details={"digest": digest, "policy": vault.anonymization_policy.name},
        )
    )


async def _request_context(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Give each request an id, and count it by route template (never by its content)."""
    request.state.request_id = f"req_{uuid.uuid4().hex[:26]}"
    started = time.perf_counter()
    response = await call_next(request)
    route = request.scope.get("route")
    template = getattr(route, "path", "unmatched")
    request.app.state.metrics.observe_request(
        request.method, template, response.status_code, time.perf_counter() - started
    )
    response.headers.setdefault("x-request-id", request.state.request_id)
    return response
