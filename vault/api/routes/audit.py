"""`/v1/audit/export` for auditors, and data-subject requests: find for those with `dsr.find`
(admins and auditors under the default policy), erase and not-PII for those with `dsr`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from vault.api.deps import audit, get_vault, recorder, require
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.services.data_subject import DataSubjects
from vault.services.export_audit import export_audit, media_type, parse_moment

router = APIRouter(tags=["audit"])

Auditor = Annotated[Principal, Depends(require(Action.AUDIT_EXPORT))]
Finder = Annotated[Principal, Depends(require(Action.DSR_FIND))]
Eraser = Annotated[Principal, Depends(require(Action.DSR_ERASE))]


@router.get("/v1/audit/export")
def export(
    request: Request,
    principal: Auditor,
    format: str = "jsonl",
    since: Annotated[str | None, Query(description="RFC 3339, e.g. 2026-01-02T03:04:05Z")] = None,
    until: Annotated[str | None, Query(description="RFC 3339; records before it")] = None,
) -> StreamingResponse:
    """The caller's tenant's audit chain, signed; verify it with `vault audit verify FILE`.

    `since` and `until` are RFC 3339 times with a zone; `since == until` is an empty export.
    """
    vault = get_vault(request)
    try:
        lines = export_audit(
            vault.audit,
            vault.audit_signer,
            tenant=principal.tenant,
            since=parse_moment("since", since),
            until=parse_moment("until", until),
            fmt=format,
            actor=principal.key_id,
            source=request.client.host if request.client else None,
            request_id=getattr(request.state, "request_id", None),
        )
    except Exception as exc:  # a refused export is audited too (a done one audits itself)
        code = getattr(exc, "code", type(exc).__name__)
        audit(request, principal, "audit.export", outcome="error", details={"error": code})
        raise
    filename = f"audit-{principal.tenant}.{format}"
    return StreamingResponse(
        (line.encode() for line in lines),
        media_type=media_type(format),
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


class SubjectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: str = Field(min_length=1, max_length=4096)


def _subjects(request: Request) -> DataSubjects:
    vault = get_vault(request)
    return DataSubjects(vault.tokens, vault.tenant_keys, vault.anonymizer, vault.chat_redactor)


@router.post("/v1/dsr/find")
def dsr_find(body: SubjectRequest, request: Request, principal: Finder) -> dict[str, Any]:
    """Every token the tenant issued for a value (art. 15): tokens and types, never values."""
    found = _subjects(request).find(
        recorder(request, principal), tenant=principal.tenant, value=body.value
    )
    return {"tokens": [{"token": f.token, "entity_type": f.entity_type} for f in found]}


@router.post("/v1/dsr/erase")
def dsr_erase(body: SubjectRequest, request: Request, principal: Eraser) -> dict[str, Any]:
    """Erase a value (art. 17): its token entries are destroyed and never re-identify again."""
    erased = _subjects(request).erase(
        recorder(request, principal), tenant=principal.tenant, value=body.value
    )
    return {"erased": len(erased), "tokens": [f.token for f in erased]}


@router.post("/v1/dsr/not-pii")
def dsr_not_pii(body: SubjectRequest, request: Request, principal: Eraser) -> dict[str, Any]:
    """Say a text is not personal data: it is forgotten by the outbound guard and left as it
    is from then on. Only a keyed digest of it is kept, and the audit record holds none of it."""
    _subjects(request).not_pii(
        recorder(request, principal), tenant=principal.tenant, value=body.value
    )
    return {"not_pii": True}
