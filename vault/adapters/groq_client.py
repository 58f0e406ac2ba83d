"""Groq's names for the upstream client, from when Groq was the only upstream.

`GroqClient` is `UpstreamClient` in Groq's dialect taking Groq's host root as its base
(`https://api.groq.com`, as `VAULT_GROQ_BASE_URL` did) and adding `/openai/v1` itself. New code
uses `vault.adapters.upstream`, whose base URLs carry their version path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vault.adapters.upstream import GROQ, UpstreamClient, UpstreamStream

__all__ = ["DEFAULT_BASE_URL", "GroqClient", "GroqStream", "passed_headers"]

DEFAULT_BASE_URL = "https://api.groq.com"
GroqStream = UpstreamStream


def passed_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The upstream headers a caller should see: retry-after and the request id."""
    return GROQ.passed_headers(headers)


class GroqClient(UpstreamClient):
    """Talks to Groq's OpenAI-compatible API under `base_url` + `/openai/v1`."""

    def __init__(self, *, base_url: str = DEFAULT_BASE_URL, **options: Any) -> None:
        options.setdefault("dialect", GROQ)
        super().__init__(base_url=base_url.rstrip("/") + "/openai/v1", **options)
