"""What differs between OpenAI-compatible upstreams as the vault talks to them, Groq's the default."""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["GROQ", "OPENAI_COMPATIBLE", "Dialect", "dialect_for"]


@dataclass(frozen=True, slots=True)
class Dialect:
    """How an upstream is named in messages, which of its response headers reach the caller, and
    whether a call without an API key is refused before it leaves (fail closed).

    The upstream's `x-ratelimit-*` headers never reach a caller: they count the vault's whole
    account, every tenant's traffic, so relaying them would tell one tenant how busy the others
    are. The proxy answers with each key's own vault limits instead."""

    name: str
    passed: frozenset[str] = frozenset({"x-request-id", "retry-after"})
    passed_prefixes: tuple[str, ...] = ()
    requires_key: bool = True

    def passed_headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        """The upstream headers a caller should see: retry-after and the request id."""
        return {
            name.lower(): value
            for name, value in headers.items()
            if name.lower() in self.passed or name.lower().startswith(self.passed_prefixes)
        }


GROQ = Dialect(name="Groq", passed=frozenset({"x-request-id", "retry-after", "x-groq-region"}))
# vLLM, Ollama, OpenAI, a corporate gateway: a local server often needs no key at all.
OPENAI_COMPATIBLE = Dialect(name="The upstream", requires_key=False)


def dialect_for(base_url: str) -> Dialect:
    """Groq's dialect for Groq's hosts, the generic one for any other upstream."""
    host = (urllib.parse.urlsplit(base_url).hostname or "").lower()
    return GROQ if host == "groq.com" or host.endswith(".groq.com") else OPENAI_COMPATIBLE
