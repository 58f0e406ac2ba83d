"""OpenAI-compatible upstreams: one client per upstream, a dialect for what differs (Groq's the
default), failover from a primary to a fallback, and several upstreams routed by model."""

from vault.adapters.upstream._client import (
    DEFAULT_UPSTREAM_URL,
    UpstreamClient,
    UpstreamStream,
    origin_of,
)
from vault.adapters.upstream._dialect import GROQ, OPENAI_COMPATIBLE, Dialect, dialect_for
from vault.adapters.upstream._failover import FailoverClient
from vault.adapters.upstream._retry import RetryPolicy
from vault.adapters.upstream._routed import RoutedClient

__all__ = [
    "DEFAULT_UPSTREAM_URL",
    "GROQ",
    "OPENAI_COMPATIBLE",
    "Dialect",
    "FailoverClient",
    "RetryPolicy",
    "RoutedClient",
    "UpstreamClient",
    "UpstreamStream",
    "dialect_for",
    "origin_of",
]
