"""`create_app(settings)`: the FastAPI app, its middleware, error handling and routes."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vault import __version__
from vault.api.console import install as install_console
from vault.api.errors import install_error_handlers
from vault.api.metrics import Metrics
from vault.api.openapi import install_openapi
from vault.api.routes import (
    apikeys,
    audit,
    batches,
    dataset_import,
    datasets,
    health,
    infer,
    jobs,
    proxy,
    responses,
    text,
)
from vault.api.routes.webhooks import router as webhooks_router
from vault.api.threads import WorkerThreads
from vault.settings import Settings
from vault.wiring import Vault, build_vault

__all__ = ["create_app", "run_startup_tasks"]

log = logging.getLogger("vault.api")


def create_app(
    settings: Settings | None = None, *, vault: Vault | None = None, startup_tasks: bool = True
) -> FastAPI:
    """The vault's HTTP app. With `vault`, serves that one (tests); else builds from settings.
    Without `startup_tasks`, the once-per-start work (`run_startup_tasks`) is left to whoever
    started this process: the parent of several workers runs it once, before they fork."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = vault is None
        app.state.vault = vault or build_vault(settings or Settings())
        await anyio.to_thread.run_sync(app.state.vault.warm_up)
        if startup_tasks:
            await anyio.to_thread.run_sync(run_startup_tasks, app.state.vault)
        # Every serving process claims its share of the imports a stopped server released.
        await anyio.to_thread.run_sync(_resume_imports, app.state.vault)
        # Webhook deliveries and audit shipping run in each worker process, beside requests.
        await anyio.to_thread.run_sync(app.state.vault.start_background)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(app.state.vault.stop_background)
            if owned:
                app.state.vault.close()

    app = FastAPI(
        title="Vault",
        version=__version__,
        summary="A privacy data vault between people's data and an LLM.",
        lifespan=lifespan,
        docs_url=None,  # served by install_openapi, from packaged assets rather than a CDN
        redoc_url=None,
    )
    app.state.metrics = Metrics()
    app.state.threads = WorkerThreads()
    if vault is not None:
        app.state.vault = vault
        vault.warm_up()
    install_error_handlers(app)
    app.add_middleware(_RequestContext, metrics=app.state.metrics)
    # Routes match in order: the proxy, the busiest door, is tried first.
    app.include_router(proxy.router)
    app.router.routes[:0] = proxy.direct_routes()  # the chat door, matched before the rest
    app.include_router(batches.router)
    app.include_router(responses.router)
    for router in (
        health.router,
        text.router,
        apikeys.router,
        dataset_import.router,
        datasets.router,
        infer.router,
        jobs.router,
        audit.router,
        webhooks_router,
    ):
        app.include_router(router)
    install_openapi(app)
    install_console(app)
    return app


def run_startup_tasks(vault: Vault) -> None:
    """What a start does once, however many workers serve: audit the policies in force, remove
    unfinished uploads, fail jobs whose process died."""
    _record_policies(vault)
    _sweep_unfinished_uploads(vault)
    _fail_interrupted_jobs(vault)


def _sweep_unfinished_uploads(vault: Vault) -> None:
    """An upload cut off by a crash left a pending row and maybe an object: remove them."""
    from vault.services.ingest_dataset import sweep_pending

    removed = sweep_pending(vault.dataset_parts())
    if removed:
        log.warning("removed %d unfinished uploads", removed)


def _fail_interrupted_jobs(vault: Vault) -> None:
    """A job whose server died is failed with reason `interrupted`: it will never finish."""
    from vault.services.upload_job import interrupt_orphans

    failed = interrupt_orphans(vault.jobs, vault.job_runner, vault.audit)
    if failed:
        log.warning("failed %d interrupted upload jobs", failed)


def _resume_imports(vault: Vault) -> None:
    from vault.services.dataset_import import resume_imports

    resumed = resume_imports(vault)
    if resumed:
        log.warning("resumed %d interrupted import jobs", resumed)


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


class _RequestContext:
    """Give each request an id, and count it by route template (never by its content).

    Plain ASGI rather than `@app.middleware("http")`: Starlette's BaseHTTPMiddleware relays
    every request and response through extra tasks and streams, which costs the proxy more than
    all of its own bookkeeping.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = f"req_{uuid.uuid4().hex[:26]}"
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                if "x-request-id" not in headers:
                    headers["x-request-id"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            template = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe_request(
                scope["method"], template, status, time.perf_counter() - started
            )
