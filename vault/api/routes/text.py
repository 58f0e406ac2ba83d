"""`/v1/scan`, `/v1/anonymize`, `/v1/reidentify`: the vault's text operations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request

from vault.api.deps import audit, get_vault, require
from vault.api.schemas import TextRequest
from vault.domain.policy import Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import InvalidRequest

router = APIRouter(prefix="/v1", tags=["text"])


@router.post("/scan")
def scan(
    body: TextRequest,
    request: Request,
    principal: Annotated[Principal, Depends(require(Action.SCAN))],
) -> dict[str, Any]:
    """The PII spans the policy would act on."""
    spans = get_vault(request).anonymizer.find_spans(body.text)
    return {"entities": [s.as_dict() for s in spans]}


@router.post("/anonymize")
def anonymize(
    body: TextRequest,
    request: Request,
    principal: Annotated[Principal, Depends(require(Action.ANONYMIZE))],
) -> dict[str, Any]:
    """The text with PII replaced under the policy; tokens re-identify later."""
    result = get_vault(request).anonymizer.anonymize(principal.tenant, body.text)
    audit(request, principal, "anonymize", details={"entities": result.counts()})
    return {
        "text": result.text,
        "entities": [
            {
                "entity_type": e.entity_type,
                "start": e.start,
                "end": e.end,
                "operator": e.operator.value,
                "score": round(e.score, 4),
                **({"token": e.token} if e.token else {}),
            }
            for e in result.entities
        ],
    }


@router.post("/reidentify")
def reidentify(
    body: TextRequest,
    request: Request,
    principal: Annotated[Principal, Depends(require(Action.REIDENTIFY))],
    x_vault_purpose: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Tokens back to values, for the types this key may see. A stated purpose is required."""
    vault = get_vault(request)
    purpose = body.purpose or x_vault_purpose
    if purpose is not None:
        purpose = check_purpose(purpose, vault.access_policy.purposes)
    if not purpose:
        raise InvalidRequest(
            "re-identification needs a purpose: the 'purpose' field or the X-Vault-Purpose header",
            param="purpose",
        )
    reveal = vault.access_policy.revealable(principal.roles)
    result = vault.reidentifier.reidentify(principal.tenant, body.text, reveal=reveal)
    audit(
        request,
        principal,
        "reidentify",
        purpose=purpose,
        details={"entities": result.counts, "unresolved": len(result.unresolved)},
    )
    return {"text": result.text, "counts": result.counts, "unresolved": result.unresolved}
