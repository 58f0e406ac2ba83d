"""`/v1/scan`, `/v1/anonymize`, `/v1/reidentify`: the vault's text operations."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from vault.api.deps import audit, get_vault, require
from vault.api.errors import validation_message
from vault.api.schemas import TextRequest
from vault.domain.policy import Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, PermissionDenied, VaultError

router = APIRouter(prefix="/v1", tags=["text"])
log = logging.getLogger("vault.api")

# The body is read by hand, after authentication (a bad body from a caller without a key is a
# 401, not a 400), so its schema is stated here for the OpenAPI document.
_TEXT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": TextRequest.model_json_schema()}},
    }
}
_NOT_JSON = "the body must be a JSON object sent as Content-Type: application/json"
Answer = tuple[dict[str, Any], dict[str, Any]]  # the JSON answer, the audit record's fields


async def _text_body(request: Request) -> TextRequest:
    """The request's `{"text": ...}` body; InvalidRequest naming the field and the reason."""
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise InvalidRequest(_NOT_JSON, param="body")
    raw = await request.body()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidRequest(
            f"the body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            param="body",
        ) from None
    except UnicodeDecodeError:
        raise InvalidRequest("the body is not valid UTF-8", param="body") from None
    if not isinstance(data, dict):
        raise InvalidRequest(_NOT_JSON, param="body")
    try:
        return TextRequest.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        message, where = validation_message(RequestValidationError(errors))
        raise InvalidRequest(message, param=where) from None


async def _audited(
    request: Request, principal: Principal, action: str, work: Callable[[TextRequest], Answer]
) -> dict[str, Any]:
    """Read the body and do `work` in a worker thread; one audit record either way, with the
    outcome (and the error code of a failure, never its message)."""
    try:
        body = await _text_body(request)
        answer, fields = await anyio.to_thread.run_sync(work, body)
    except Exception as exc:
        code = exc.code if isinstance(exc, VaultError) else type(exc).__name__
        outcome = "denied" if isinstance(exc, PermissionDenied) else "error"
        try:
            await anyio.to_thread.run_sync(
                lambda: audit(request, principal, action, outcome=outcome, details={"error": code})
            )
        except Exception as failed:  # the request's own error is the one to answer with
            log.error("could not audit a failed %s: %s", action, type(failed).__name__)
        raise
    await anyio.to_thread.run_sync(lambda: audit(request, principal, action, **fields))
    return answer


@router.post("/scan", openapi_extra=_TEXT_BODY)
async def scan(
    request: Request,
    principal: Annotated[Principal, Depends(require(Action.SCAN))],
) -> dict[str, Any]:
    """The PII spans the policy would act on."""

    def work(body: TextRequest) -> Answer:
        spans = get_vault(request).anonymizer.find_spans(body.text)
        counts: dict[str, int] = {}
        for span in spans:
            counts[span.entity_type] = counts.get(span.entity_type, 0) + 1
        return {"entities": [s.as_dict() for s in spans]}, {"details": {"entities": counts}}

    return await _audited(request, principal, "scan", work)


@router.post("/anonymize", openapi_extra=_TEXT_BODY)
async def anonymize(
    request: Request,
    principal: Annotated[Principal, Depends(require(Action.ANONYMIZE))],
) -> dict[str, Any]:
    """The text with PII replaced under the policy; tokens re-identify later."""
    return await _audited(
        request, principal, "anonymize", lambda body: _anonymize(request, principal, body)
    )


def _anonymize(request: Request, principal: Principal, body: TextRequest) -> Answer:
    result = get_vault(request).anonymizer.anonymize(principal.tenant, body.text)
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
    }, {"details": {"entities": result.counts()}}


@router.post("/reidentify", openapi_extra=_TEXT_BODY)
async def reidentify(
    request: Request,
    principal: Annotated[Principal, Depends(require(Action.REIDENTIFY))],
    x_vault_purpose: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Tokens back to values, for the types this key may see. A stated purpose is required."""
    return await _audited(
        request,
        principal,
        "reidentify",
        lambda body: _reidentify(request, principal, body, x_vault_purpose),
    )


def _reidentify(
    request: Request, principal: Principal, body: TextRequest, x_vault_purpose: str | None
) -> Answer:
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
    answer = {"text": result.text, "counts": result.counts, "unresolved": result.unresolved}
    return answer, {
        "purpose": purpose,
        "details": {"entities": result.counts, "unresolved": len(result.unresolved)},
    }
