"""Liveness, readiness and metrics."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from vault.api.deps import get_vault
from vault.errors import AuthenticationFailed

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    """Ready when the database, the object store and the KMS all answer."""
    checks = get_vault(request).check_ready()
    ready = all(state == "ok" for state in checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "unavailable", "checks": checks},
        status_code=200 if ready else 503,
    )


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request) -> str:
    """Prometheus text: counts by route template, status and event, never by tenant or text.
    With VAULT_METRICS_TOKEN set, only for `Authorization: Bearer <token>` (else 401), and then
    with the events that follow single requests (detection-cache hits and misses) too."""
    token = get_vault(request).settings.metrics_token
    if token is not None:
        scheme, _, presented = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            presented.strip().encode(), token.get_secret_value().encode()
        ):
            raise AuthenticationFailed(
                "/metrics needs Authorization: Bearer <VAULT_METRICS_TOKEN>",
                code="invalid_metrics_token",
            )
    return request.app.state.metrics.render(private=token is not None)  # type: ignore[no-any-return]
