"""The console's dataset pages: the list, uploads, versions, downloads and upload jobs."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Annotated

import anyio
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from vault.api.console._auth import ConsoleUser, check_csrf, current_user, demand
from vault.api.console._charts import report_chart
from vault.api.console._pages import render
from vault.api.deps import get_vault
from vault.api.routes import datasets as dataset_routes
from vault.domain.jobs import job_json
from vault.domain.policy import Action
from vault.errors import VaultError
from vault.services.upload_job import list_jobs

router = APIRouter()


@router.get("/datasets")
def datasets_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    return _datasets_page(request, user)


def _datasets_page(
    request: Request, user: ConsoleUser, *, status: int = 200, error: VaultError | None = None
) -> HTMLResponse:
    listing = dataset_routes.list_datasets(request, user.principal)
    return render(
        request,
        "datasets.html",
        user,
        page="datasets",
        status=status,
        datasets=listing["data"],
        may_upload=user.may(request, Action.DATASET_WRITE),
        error=error,
    )


@router.post("/datasets/upload")
async def upload_dataset(request: Request, csrf: str = "") -> Response:
    """A new dataset from the page's form, through the API's own upload (streamed, anonymized,
    sealed; a large one becomes a job). The CSRF token rides in the query string, so it is
    checked before a byte of the file is read."""
    user = await anyio.to_thread.run_sync(current_user, request)
    check_csrf(user.csrf, csrf)
    await anyio.to_thread.run_sync(demand, request, user, Action.DATASET_WRITE)
    try:
        answer = await dataset_routes.post_dataset(request, user.principal, idempotency_key=None)
    except VaultError as exc:
        if exc.status >= 500:
            raise
        refused = exc
        return await anyio.to_thread.run_sync(
            lambda: _datasets_page(request, user, status=refused.status, error=refused)
        )
    stored = json.loads(bytes(answer.body))
    if answer.status_code == 202:  # a job: its progress is on the jobs page
        return RedirectResponse("/console/jobs", status_code=303)
    version = stored["version"]["version"]
    return RedirectResponse(f"/console/datasets/{stored['id']}/versions/{version}", status_code=303)


@router.get("/datasets/{dataset_id}")
def dataset_page(dataset_id: str, request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    dataset = dataset_routes.get_dataset(dataset_id, request, user.principal)
    versions = dataset_routes.list_versions(dataset_id, request, user.principal)["data"]
    return render(
        request,
        "dataset.html",
        user,
        page="datasets",
        dataset=dataset,
        versions=sorted(versions, key=lambda v: -int(v["version"])),
    )


@router.get("/datasets/{dataset_id}/versions/{number}")
def version_page(dataset_id: str, number: str, request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    dataset = dataset_routes.get_dataset(dataset_id, request, user.principal)
    version = dataset_routes.version_report(dataset_id, number, request, user.principal)
    policy = get_vault(request).access_policy
    return render(
        request,
        "version.html",
        user,
        page="datasets",
        dataset=dataset,
        version=version,
        chart=report_chart(version.get("report") or {}),
        may_reveal=user.may(request, Action.DATASET_REIDENTIFY),
        purposes=policy.purposes,
    )


@router.get("/datasets/{dataset_id}/versions/{number}/download")
def download_anonymized(dataset_id: str, number: str, request: Request) -> Response:
    """The anonymized content, read and audited exactly as the API's content route reads it."""
    user = current_user(request)
    demand(request, user, Action.DATASET_READ)
    response = dataset_routes.read_content(
        dataset_id, number, request, user.principal, view="anonymized"
    )
    response.headers["content-disposition"] = (
        f'attachment; filename="{_filename(dataset_id, number)}"'
    )
    return response


@router.post("/datasets/{dataset_id}/versions/{number}/download")
def download_reidentified(
    dataset_id: str,
    number: str,
    request: Request,
    csrf: Annotated[str, Form(max_length=128)] = "",
    purpose: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """The re-identified content for a key that may reveal it, with a stated purpose."""
    user = current_user(request)
    check_csrf(user.csrf, csrf)
    demand(request, user, Action.DATASET_REIDENTIFY)
    response = dataset_routes.read_content(
        dataset_id,
        number,
        request,
        user.principal,
        view="reidentified",
        purpose=purpose or None,
        x_vault_purpose=None,
    )
    name = _filename(dataset_id, number, "reidentified")
    response.headers["content-disposition"] = f'attachment; filename="{name}"'
    return response


def _filename(dataset_id: str, number: str, view: str = "anonymized") -> str:
    safe = re.sub(r"[^A-Za-z0-9_]", "", dataset_id)[:40]
    return f"{safe}-v{re.sub(r'[^0-9]', '', number)[:10]}-{view}"


@router.get("/jobs")
def jobs_page(request: Request) -> Response:
    user = current_user(request)
    demand(request, user, Action.DATASET_WRITE)
    now = datetime.now(UTC)
    jobs = [
        job_json(job, now)
        for job in list_jobs(get_vault(request).jobs, user.principal.tenant, limit=100)
    ]
    running = any(job["state"] in ("queued", "running") for job in jobs)
    return render(request, "jobs.html", user, page="jobs", jobs=jobs, running=running)
