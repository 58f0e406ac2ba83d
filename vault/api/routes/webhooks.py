"""`/v1/webhooks`: an admin's subscriptions to the tenant's events, their delivery log, redelivery."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from vault.api.deps import get_vault, recorder, require
from vault.domain.audit import format_time
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.ports import WebhookDelivery, WebhookSubscription
from vault.services.webhooks import (
    create_webhook,
    delete_webhook,
    get_webhook,
    list_deliveries,
    list_webhooks,
    redeliver,
)

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])

Admin = Annotated[Principal, Depends(require(Action.WEBHOOK_MANAGE))]


class CreateWebhook(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2048)
    event_types: list[str] = Field(min_length=1, max_length=16)


def _own_addresses(request: Request) -> list[tuple[str, int]]:
    """Where this vault is reached: the Host the caller used and the socket it is served on."""
    own: list[tuple[str, int]] = []
    url = request.url
    if url.hostname:
        own.append((url.hostname, url.port or (443 if url.scheme == "https" else 80)))
    server = request.scope.get("server")
    if server and server[0] and server[1]:
        own.append((str(server[0]), int(server[1])))
        if server[0] in ("0.0.0.0", "::"):  # noqa: S104 - naming the wildcard, not binding it
            own.extend([("127.0.0.1", int(server[1])), ("localhost", int(server[1]))])
    return own


def webhook_json(subscription: WebhookSubscription) -> dict[str, Any]:
    return {
        "id": subscription.id,
        "object": "webhook",
        "url": subscription.url,
        "event_types": list(subscription.event_types),
        "created_at": format_time(subscription.created_at),
    }


def delivery_json(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.id,
        "object": "webhook.delivery",
        "event_type": delivery.event_type,
        "state": delivery.state,
        "attempts": delivery.attempts,
        "last_status": delivery.last_status,
        "last_error": delivery.last_error,
        "created_at": format_time(delivery.created_at),
        "next_attempt_at": (
            format_time(delivery.next_attempt_at) if delivery.state == "pending" else None
        ),
        "delivered_at": format_time(delivery.delivered_at) if delivery.delivered_at else None,
        "payload": dict(delivery.payload),
    }


@router.post("", status_code=201)
def create(body: CreateWebhook, request: Request, principal: Admin) -> dict[str, Any]:
    """Subscribe a URL to event types. The signing secret (`whsec_…`) is in this answer only."""
    vault = get_vault(request)
    subscription, secret = create_webhook(
        vault.webhook_parts,
        principal,
        recorder(request, principal),
        url=body.url,
        event_types=body.event_types,
        own_addresses=_own_addresses(request),
    )
    return {**webhook_json(subscription), "secret": secret}


@router.get("")
def list_all(request: Request, principal: Admin) -> dict[str, Any]:
    subscriptions = list_webhooks(get_vault(request).webhooks, principal)
    return {"object": "list", "data": [webhook_json(s) for s in subscriptions]}


@router.get("/{webhook_id}")
def get_one(webhook_id: str, request: Request, principal: Admin) -> dict[str, Any]:
    return webhook_json(get_webhook(get_vault(request).webhooks, principal, webhook_id))


@router.delete("/{webhook_id}")
def delete(webhook_id: str, request: Request, principal: Admin) -> dict[str, Any]:
    """Stop the subscription; deliveries still queued for it are dead-lettered."""
    subscription = delete_webhook(
        get_vault(request).webhooks, principal, recorder(request, principal), webhook_id
    )
    return {**webhook_json(subscription), "deleted": True}


@router.get("/{webhook_id}/deliveries")
def deliveries(
    webhook_id: str, request: Request, principal: Admin, limit: int = 100
) -> dict[str, Any]:
    """The delivery log, newest first: state, attempts, the last status or error code."""
    found = list_deliveries(
        get_vault(request).webhooks, principal, webhook_id, limit=max(1, min(limit, 1000))
    )
    return {"object": "list", "data": [delivery_json(d) for d in found]}


@router.post("/{webhook_id}/deliveries/{delivery_id}/redeliver", status_code=202)
def redeliver_one(
    webhook_id: str, delivery_id: str, request: Request, principal: Admin
) -> dict[str, Any]:
    """Queue a delivery again with the same `webhook-id`, for a fresh day of retries."""
    delivery = redeliver(
        get_vault(request).webhooks,
        principal,
        recorder(request, principal),
        webhook_id,
        delivery_id,
    )
    return delivery_json(delivery)
