"""Sends webhook deliveries over HTTP(S) with httpx: a hard timeout, no redirects, no cookies."""

from __future__ import annotations

import socket
from collections.abc import Mapping
from typing import Final

import httpx

from vault.errors import ServiceUnavailable

__all__ = ["HttpWebhookSender"]

_USER_AGENT: Final = "vault-webhooks/1"


class HttpWebhookSender:
    """`WebhookSender` over one pooled httpx client. A receiver that hangs is cut at `timeout`
    seconds (connect, each read, and the whole exchange) and reported as `webhook_timeout`."""

    def __init__(self, *, timeout: float = 10.0) -> None:
        self._timeout = timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,  # a redirect could lead to an address we would refuse
            trust_env=False,  # no proxy from the environment sees the signed bodies
            headers={"user-agent": _USER_AGENT},
        )

    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        """The receiver's status. Raises ServiceUnavailable coded `webhook_timeout` or
        `webhook_unreachable`; the URL is never in the message (it may hold a token)."""
        try:
            with self._client.stream(
                "POST",
                url,
                content=body,
                headers={**headers, "content-type": "application/json"},
                extensions={"timeout": httpx.Timeout(self._timeout).as_dict()},
            ) as response:
                # The body is not read: only the status counts, and a huge one costs nothing.
                return response.status_code
        except httpx.TimeoutException:
            raise ServiceUnavailable("webhook receiver timed out", code="webhook_timeout") from None
        except httpx.HTTPError:
            raise ServiceUnavailable(
                "webhook receiver unreachable", code="webhook_unreachable"
            ) from None

    def resolve(self, host: str, port: int) -> list[str]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return []
        return sorted({str(info[4][0]) for info in infos})

    def close(self) -> None:
        self._client.close()
