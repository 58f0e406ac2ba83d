"""OpenAI-compatible upstreams: one client per upstream, a dialect for what differs (Groq's the
default), and failover from a primary to a fallback."""

from vault.adapters.upstream._client import (
    DEFAULT_UPSTREAM_URL,
    UpstreamClient,
    UpstreamStream,
    origin_of,
)
from vault.adapters.upstream._dialect import GROQ, OPENAI_COMPATIBLE, Dialect, dialect_for
from vault.adapters.upstream._failover import FailoverClient
from vault.adapters.upstream._retry import RetryPolicy

__all__ = [
    "DEFAULT_UPSTREAM_URL",
    "GROQ",
    "OPENAI_COMPATIBLE",
    "Dialect",
    "FailoverClient",
    "RetryPolicy",
    "UpstreamClient",
    "UpstreamStream",
    "dialect_for",
    "origin_of",
]
