"""The console's read-only view of the policies in force."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from vault.adapters.audit_search_sql import AuditFilter
from vault.api.console._auth import current_user
from vault.api.console._pages import record_row, render
from vault.api.deps import SYSTEM_TENANT, get_vault

router = APIRouter()


@router.get("/policies")
def policies_page(request: Request) -> Response:
    """The policies in force, read-only, with the digest the start-up audit record holds."""
    user = current_user(request)
    vault = get_vault(request)
    loads = vault.audit_search.page(SYSTEM_TENANT, AuditFilter(action="policy.*"), limit=5)
    return render(
        request,
        "policies.html",
        user,
        page="policies",
        digest=vault.policy_digest(),
        recorded=[{**record_row(r), "digest": r.event.details.get("digest")} for r in loads],
        anonymization=vault.anonymization_policy.model_dump(mode="json"),
        access=vault.access_policy.model_dump(mode="json"),
    )
