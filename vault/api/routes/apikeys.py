"""`/v1/apikeys`: admins create, list, change and revoke their tenant's keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from vault.api.deps import audit, get_vault, recorder, require
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.ports import ApiKeyInfo
from vault.services.apikeys import (
    change_api_key_roles,
    grant_api_key,
    list_api_keys,
    revoke_api_key,
)

router = APIRouter(prefix="/v1/apikeys", tags=["api keys"])

Admin = Annotated[Principal, Depends(require(Action.APIKEY_MANAGE))]


class CreateKey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: list[str] = Field(min_length=1)
    label: str | None = Field(default=None, max_length=256)
    expires_in_days: int | None = Field(default=None, ge=1, le=3650)


class ChangeKey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: list[str] = Field(min_length=1)


def key_json(info: ApiKeyInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "tenant": info.tenant,
        "roles": sorted(info.roles),
        "label": info.label,
        "created_at": info.created_at.isoformat(),
        "expires_at": info.expires_at.isoformat() if info.expires_at else None,
        "revoked_at": info.revoked_at.isoformat() if info.revoked_at else None,
    }


@router.post("", status_code=201)
def create(body: CreateKey, request: Request, principal: Admin) -> dict[str, Any]:
    """A new key for the admin's own tenant, with roles the admin's key holds and may grant
    (403 `role_not_grantable` otherwise); the secret is in this answer and nowhere else."""
    expires = (
        datetime.now(UTC) + timedelta(days=body.expires_in_days) if body.expires_in_days else None
    )
    vault = get_vault(request)
    info, secret = grant_api_key(
        vault.api_keys,
        vault.access_policy,
        principal,
        recorder(request, principal),
        tenant=principal.tenant,
        roles=body.roles,
        label=body.label,
        expires_at=expires,
    )
    return {**key_json(info), "key": secret}


@router.get("")
def list_keys(request: Request, principal: Admin) -> dict[str, Any]:
    keys = list_api_keys(get_vault(request).api_keys, tenant=principal.tenant)
    return {"object": "list", "data": [key_json(k) for k in keys]}


@router.patch("/{key_id}")
def change(key_id: str, body: ChangeKey, request: Request, principal: Admin) -> dict[str, Any]:
    """Set a key's roles; every role added must be one the admin's key may grant."""
    vault = get_vault(request)
    info = change_api_key_roles(
        vault.api_keys,
        vault.access_policy,
        principal,
        recorder(request, principal),
        key_id,
        roles=body.roles,
        tenant=principal.tenant,
    )
    return key_json(info)


@router.delete("/{key_id}")
def revoke(key_id: str, request: Request, principal: Admin) -> dict[str, Any]:
    info = revoke_api_key(get_vault(request).api_keys, key_id, tenant=principal.tenant)
    audit(request, principal, "apikey.revoke", object_id=key_id)
    return key_json(info)
