"""Webhooks: subscribe (secret shown once), list, delete, read the delivery log, redeliver; and
the delivery worker that signs each queued event (Standard Webhooks) and POSTs it, retrying
with backoff and jitter for a day before dead-lettering it.

Every action is audited (`webhook.create|delete|redeliver`, and `webhook.deliver` or
`webhook.dead_letter` when a delivery ends). A URL is checked when it is subscribed and its
addresses again before every attempt, so a name that starts resolving to a refused address later
is refused then too. Nothing here ever logs or reports a URL or a secret.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import secrets
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from standardwebhooks import Webhook

from vault.domain.audit import AuditEvent
from vault.domain.principal import Principal
from vault.domain.webhooks import EVENT_TYPES, address_refusal, next_attempt
from vault.errors import Gone, IntegrityError, InvalidRequest, NotFound, VaultError
from vault.ports import (
    AuditLog,
    TenantKeys,
    WebhookDelivery,
    WebhookSender,
    WebhookStore,
    WebhookSubscription,
)
from vault.services.apikeys import Recorder

__all__ = [
    "DeliveryWorker",
    "WebhookParts",
    "check_url",
    "create_webhook",
    "delete_webhook",
    "list_deliveries",
    "list_webhooks",
    "redeliver",
]

log = logging.getLogger("vault.webhooks")

_ID = re.compile(r"wh_[0-9a-f]{32}")
_DELIVERY_ID = re.compile(r"msg_[0-9a-f]{32}")
_MAX_URL: Final = 2048
_MAX_SUBSCRIPTIONS: Final = 50
_SECRET_BYTES: Final = 32
_PRUNE_EVERY: Final = timedelta(hours=1)


def _now() -> datetime:
    return datetime.now(UTC)


def _secret_context(subscription_id: str) -> dict[str, str]:
    return {"purpose": "webhook-secret", "subscription": subscription_id}


@dataclass(frozen=True, slots=True)
class WebhookParts:
    """What the webhook use cases need: the store, the sender (for DNS), the keys, the rules."""

    store: WebhookStore
    sender: WebhookSender
    tenant_keys: TenantKeys
    allow_private: bool = False


def check_url(
    url: object,
    sender: WebhookSender,
    *,
    allow_private: bool,
    own_addresses: Collection[tuple[str, int]] = (),
) -> str:
    """`url` if a webhook may be sent there, else InvalidRequest naming `url` (never quoting it).

    Refused: anything but http(s) with a host, credentials in it, the vault itself (a host and
    port in `own_addresses`, by name or by address), and hosts resolving to a link-local or
    metadata address, or (unless `allow_private`) a private or loopback one.
    """
    if not isinstance(url, str) or not url or len(url) > _MAX_URL:
        raise InvalidRequest(
            f"url must be an http(s) URL of at most {_MAX_URL} characters", param="url"
        )
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidRequest("url must be an http:// or https:// URL with a host", param="url")
    if parts.username is not None or parts.password is not None:
        raise InvalidRequest("url must not hold credentials", param="url")
    if parts.fragment:
        raise InvalidRequest("url must not have a fragment", param="url")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise InvalidRequest(
            "url has a port that is not a number from 0 to 65535", param="url"
        ) from None
    host = parts.hostname.lower()
    addresses = sender.resolve(host, port)
    own = {(h.lower(), p) for h, p in own_addresses}
    own_ips = {ip for h, p in own for ip in sender.resolve(h, p) if p == port}
    if (host, port) in own or own_ips.intersection(addresses):
        raise InvalidRequest("url points at the vault itself", param="url")
    refusal = address_refusal(addresses, allow_private=allow_private)
    if refusal is not None:
        raise InvalidRequest(f"url {refusal}", param="url")
    return url


def _event_types(event_types: object) -> tuple[str, ...]:
    if (
        not isinstance(event_types, Sequence)
        or isinstance(event_types, str)
        or not event_types
        or not all(isinstance(t, str) for t in event_types)
    ):
        raise InvalidRequest(
            "event_types must be a non-empty list of event types", param="event_types"
        )
    unknown = [t for t in event_types if t not in EVENT_TYPES]
    if unknown:
        raise InvalidRequest(
            f"event_types holds an unknown type; types are {', '.join(EVENT_TYPES)}",
            param="event_types",
        )
    return tuple(sorted(set(event_types)))


def create_webhook(
    parts: WebhookParts,
    principal: Principal,
    record: Recorder,
    *,
    url: object,
    event_types: object,
    own_addresses: Collection[tuple[str, int]] = (),
    clock: Callable[[], datetime] = _now,
) -> tuple[WebhookSubscription, str]:
    """A new subscription of the principal's tenant and its signing secret (`whsec_…`), which
    is shown in this answer only and kept sealed under the tenant's keyring. Audited."""
    types = _event_types(event_types)
    checked = check_url(
        url, parts.sender, allow_private=parts.allow_private, own_addresses=own_addresses
    )
    if len(parts.store.subscriptions(principal.tenant)) >= _MAX_SUBSCRIPTIONS:
        raise InvalidRequest(
            f"a tenant may have at most {_MAX_SUBSCRIPTIONS} webhooks", param="url",
            code="too_many_webhooks",
        )  # fmt: skip
    subscription = WebhookSubscription(
        id=f"wh_{uuid.uuid4().hex}",
        tenant=principal.tenant,
        url=checked,
        event_types=types,
        created_by=principal.key_id,
        created_at=clock(),
    )
    raw = secrets.token_bytes(_SECRET_BYTES)
    sealed = parts.tenant_keys.keyring(principal.tenant).seal_small(
        raw, context=_secret_context(subscription.id)
    )
    parts.store.add(subscription, sealed_secret=sealed)
    record(
        "webhook.create",
        object_id=subscription.id,
        details={"event_types": len(types)},
    )
    return subscription, "whsec_" + base64.b64encode(raw).decode("ascii")


def _owned(store: WebhookStore, tenant: str, subscription_id: str) -> WebhookSubscription:
    found = store.get(tenant, subscription_id) if _ID.fullmatch(subscription_id) else None
    if found is None:
        raise NotFound("webhook not found", param="webhook_id")
    return found


def list_webhooks(store: WebhookStore, principal: Principal) -> list[WebhookSubscription]:
    return store.subscriptions(principal.tenant)


def get_webhook(
    store: WebhookStore, principal: Principal, subscription_id: str
) -> WebhookSubscription:
    return _owned(store, principal.tenant, subscription_id)


def delete_webhook(
    store: WebhookStore,
    principal: Principal,
    record: Recorder,
    subscription_id: str,
    *,
    clock: Callable[[], datetime] = _now,
) -> WebhookSubscription:
    """Stop a subscription; its pending deliveries are dead-lettered, its log stays. Audited."""
    subscription = _owned(store, principal.tenant, subscription_id)
    dropped = store.delete(principal.tenant, subscription_id, at=clock())
    record("webhook.delete", object_id=subscription_id, details={"dropped": dropped})
    return subscription


def list_deliveries(
    store: WebhookStore, principal: Principal, subscription_id: str, *, limit: int = 100
) -> list[WebhookDelivery]:
    """The subscription's delivery log, newest first (a deleted one's too)."""
    if not _ID.fullmatch(subscription_id):
        raise NotFound("webhook not found", param="webhook_id")
    found = store.sealed_secret(subscription_id)
    if found is None or found[0].tenant != principal.tenant:
        raise NotFound("webhook not found", param="webhook_id")
    return store.deliveries(principal.tenant, subscription_id, limit=limit)


def redeliver(
    store: WebhookStore,
    principal: Principal,
    record: Recorder,
    subscription_id: str,
    delivery_id: str,
    *,
    clock: Callable[[], datetime] = _now,
) -> WebhookDelivery:
    """Send a delivery again (delivered, dead or pending), same message id. Audited."""
    _owned(store, principal.tenant, subscription_id)
    found = (
        store.redeliver(principal.tenant, subscription_id, delivery_id, at=clock())
        if _DELIVERY_ID.fullmatch(delivery_id)
        else None
    )
    if found is None:
        raise NotFound("delivery not found", param="delivery_id")
    record("webhook.redeliver", object_id=delivery_id, details={"subscription": subscription_id})
    return found


class DeliveryWorker:
    """Delivers due webhooks in a background thread until `close`. Several processes may run
    one each on the same database: each claims its own rows.

    A wake-up (`notify`: this process queued an event, or the store heard that another one
    did) starts the next round at once. Otherwise the worker sleeps until the first pending
    delivery is due, and at most `poll` seconds after the last busy round, doubling while idle
    up to `longest_poll`: a queue that is empty costs next to nothing, and a row nobody woke
    this worker for (a lease that ran out, a store that cannot notify) is found all the same.
    """

    def __init__(
        self,
        parts: WebhookParts,
        audit: AuditLog,
        *,
        timeout: float,
        retry_window: timedelta,
        poll: float = 0.5,
        longest_poll: float = 10.0,
        batch: int = 20,
        keep_log: timedelta = timedelta(days=30),
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self._parts = parts
        self._audit = audit
        self._window = retry_window
        self._poll = poll
        self._longest_poll = max(poll, longest_poll)
        self._batch = batch
        self._keep_log = keep_log
        self._pruned_at: datetime | None = None
        self._clock = clock
        # Longer than one attempt can take, so a lease never ends while its delivery runs.
        self._lease = timeout * 3 + 5
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._unlisten: Callable[[], None] | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="webhook-delivery", daemon=True)
            self._thread.start()
            self._unlisten = self._parts.store.listen(self.notify)

    def notify(self) -> None:
        self._wake.set()

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        idle = self._poll
        while not self._stop.is_set():
            self._wake.clear()  # a wake-up from here on ends the next sleep at once
            try:
                if self.run_once() > 0:
                    idle = self._poll
                    continue
                wait = self._until_due(idle)
            except VaultError as exc:  # the database is away: try again at the next round
                log.warning("webhook deliveries paused (%s)", exc.code)
                wait = idle
            woken = self._wake.wait(wait)
            idle = self._poll if woken else min(idle * 2, self._longest_poll)

    def _until_due(self, idle: float) -> float:
        """Seconds to sleep after an idle round: until the first pending delivery is due, but
        no longer than `idle`."""
        due = self._parts.store.next_due()
        if due is None:
            return idle
        return min(idle, max((due - self._clock()).total_seconds(), 0.05))

    def run_once(self) -> int:
        """Claim and attempt one batch of due deliveries; how many were attempted. About
        hourly, first forget the settled deliveries older than the log keeps."""
        now = self._clock()
        if self._pruned_at is None or now - self._pruned_at > _PRUNE_EVERY:
            self._pruned_at = now
            self._parts.store.prune(before=now - self._keep_log)
        claimed = self._parts.store.claim(now=self._clock(), lease=self._lease, limit=self._batch)
        for delivery in claimed:
            if self._stop.is_set():
                break  # the lease runs out and another worker (or the next start) takes it
            self._attempt(delivery)
        return len(claimed)

    def _attempt(self, delivery: WebhookDelivery) -> None:
        store, sender = self._parts.store, self._parts.sender
        found = store.sealed_secret(delivery.subscription_id)
        if found is None or found[0].deleted_at is not None:
            self._finish(delivery, "dead", error="subscription_deleted")
            return
        subscription, sealed = found
        try:
            raw = self._parts.tenant_keys.keyring(delivery.tenant).open_small(
                sealed, context=_secret_context(subscription.id)
            )
        except (Gone, IntegrityError):
            self._finish(delivery, "dead", error="secret_unavailable")
            return
        error, status = self._post(subscription, delivery, raw, sender)
        if status is not None and 200 <= status < 300:
            self._finish(delivery, "delivered", status=status)
            return
        now = self._clock()
        retry_at = next_attempt(
            attempts=delivery.attempts + 1,
            created_at=delivery.created_at,
            now=now,
            window=self._window,
        )
        if retry_at is None:
            self._finish(delivery, "dead", status=status, error=error or "receiver_error")
            return
        store.settle(
            delivery.id,
            state="pending",
            at=now,
            next_attempt_at=retry_at,
            status=status,
            error=error or "receiver_error",
        )

    def _post(
        self,
        subscription: WebhookSubscription,
        delivery: WebhookDelivery,
        secret: bytes,
        sender: WebhookSender,
    ) -> tuple[str | None, int | None]:
        parts = urllib.parse.urlsplit(subscription.url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        refusal = address_refusal(
            sender.resolve(parts.hostname or "", port), allow_private=self._parts.allow_private
        )
        if refusal is not None:
            return "address_refused", None
        body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True)
        sent_at = self._clock()
        signature = Webhook(secret).sign(delivery.id, sent_at, body)
        headers = {
            "webhook-id": delivery.id,
            "webhook-timestamp": str(int(sent_at.timestamp())),
            "webhook-signature": signature,
        }
        try:
            return None, sender.send(subscription.url, body.encode("utf-8"), headers)
        except VaultError as exc:
            return exc.code, None

    def _finish(
        self, delivery: WebhookDelivery, state: str, *, status: int | None = None,
        error: str | None = None,
    ) -> None:  # fmt: skip
        at = self._clock()
        self._parts.store.settle(delivery.id, state=state, at=at, status=status, error=error)
        details: dict[str, Any] = {
            "subscription": delivery.subscription_id,
            "event_type": delivery.event_type,
            "attempts": delivery.attempts + 1,
            "latency_ms": int((at - delivery.created_at).total_seconds() * 1000),
        }
        if status is not None:
            details["status"] = status
        if error is not None:
            details["code"] = error
        self._audit.append(
            AuditEvent(
                tenant=delivery.tenant,
                actor="system",
                action="webhook.deliver" if state == "delivered" else "webhook.dead_letter",
                outcome="ok" if state == "delivered" else "error",
                object=delivery.id,
                details=details,
            )
        )
