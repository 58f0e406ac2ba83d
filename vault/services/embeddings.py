"""Embeddings through the vault: each input tokenized by the chat redactor, the exact body read by
the outbound guard, then sent; audited once with its outcome.

An embedding is a vector, nothing to restore. What is embedded is the tokenized text: a value
the tenant sends again gets the same token, so equal inputs still embed equally. The request is
rebuilt from what was understood (model, input, encoding_format, dimensions); any other field
is refused, never forwarded.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from vault.domain.audit import validate_details
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, OutboundBlocked, RateLimited, UpstreamUnavailable
from vault.services.failures import failure_details
from vault.services.proxy_chat import ChatParts, Recorder

__all__ = ["Embedded", "ProxyEmbeddings"]

_FIELDS = ("model", "input", "encoding_format", "dimensions")
_MAX_INPUTS = 2048
_ACTION = "proxy.embeddings"


@dataclass
class Embedded:
    """The upstream's answer to send back, and its headers."""

    status: int
    body: Any
    headers: dict[str, str]


def _inputs(body: dict[str, Any]) -> tuple[list[str], bool]:
    """The texts to embed, and whether they came as one string."""
    raw = body.get("input")
    if isinstance(raw, str):
        texts, single = [raw], True
    elif isinstance(raw, list):
        texts, single = raw, False
    else:
        raise InvalidRequest("input must be a string or an array of strings", param="input")
    if not 0 < len(texts) <= _MAX_INPUTS:
        raise InvalidRequest(f"input must hold 1 to {_MAX_INPUTS} texts", param="input")
    for index, text in enumerate(texts):
        where = "input" if single else f"input[{index}]"
        if not isinstance(text, str):
            # Token arrays are refused: the vault cannot read what they say.
            raise InvalidRequest(
                f"{where} must be a string (token arrays are refused)", param=where
            )
        if not text:
            raise InvalidRequest(f"{where} must not be empty", param=where)
    return texts, single


class ProxyEmbeddings:
    """`POST /openai/v1/embeddings` for one wired vault: blocking (call it from a worker)."""

    def __init__(self, vault: ChatParts) -> None:
        self._vault = vault

    def create(self, principal: Principal, body: Any, *, recorder: Recorder) -> Embedded:
        """Tokenize, guard, send. Raises InvalidRequest naming the field, OutboundBlocked,
        RateLimited or an upstream error; each audited once, before it is raised."""
        started = time.perf_counter()
        try:
            return self._create(principal, body, recorder, started)
        except OutboundBlocked:
            self._vault.audit.append(recorder.event("proxy.blocked", outcome="blocked"))
            raise
        except Exception as exc:
            details = {**failure_details(exc), "door": "embeddings"}
            self._vault.audit.append(recorder.event(_ACTION, outcome="error", details=details))
            raise

    def _create(
        self, principal: Principal, body: Any, recorder: Recorder, started: float
    ) -> Embedded:
        vault = self._vault
        if not isinstance(body, dict):
            raise InvalidRequest("request body must be a JSON object")
        unknown = sorted(set(body) - set(_FIELDS))
        if unknown:
            shown = unknown[0] if unknown[0].isidentifier() and len(unknown[0]) < 64 else None
            raise InvalidRequest(
                f"field {shown or '(unnamed)'} is not understood by this vault, so it is refused",
                param=shown,
            )
        model = body.get("model")
        encoding = body.get("encoding_format")
        if encoding is not None and encoding not in ("float", "base64"):
            raise InvalidRequest(
                "encoding_format must be 'float' or 'base64'", param="encoding_format"
            )
        dimensions = body.get("dimensions")
        if dimensions is not None and (
            isinstance(dimensions, bool) or not isinstance(dimensions, int) or dimensions < 1
        ):
            raise InvalidRequest("dimensions must be a positive integer", param="dimensions")
        texts, single = _inputs(body)
        vault.audit_backlog.admit()
        wait = vault.rate_limiter.check_tokens(principal.key_id)
        if wait > 0:
            raise RateLimited("token rate limit reached for this API key", retry_after=wait)
        # The chat redactor reads the inputs as one conversation: one detection batch, the
        # tenant's known values tokenized where they stand, the model id checked for PII.
        redacted = vault.chat_redactor.redact(
            principal.tenant,
            {"model": model, "messages": [{"role": "user", "content": t} for t in texts]},
        )
        tokenized = [message["content"] for message in redacted.body["messages"]]
        out: dict[str, Any] = {
            "model": redacted.body["model"],
            "input": tokenized[0] if single else tokenized,
        }
        if encoding is not None:
            out["encoding_format"] = encoding
        if dimensions is not None:
            out["dimensions"] = dimensions
        payload = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
        vault.chat_redactor.check_outbound(principal.tenant, payload)
        details: dict[str, Any] = {
            "door": "embeddings",
            "model": str(model)[:128],
            "inputs": len(texts),
            "entities": dict(redacted.counts),
            "tokens": redacted.tokens,
        }
        validate_details(details)
        if vault.llm is None:
            raise UpstreamUnavailable("no LLM upstream is configured: set GROQ_API_KEY")
        answer = vault.llm.embeddings(payload.encode())
        details["upstream"] = answer.upstream
        usage = answer.json.get("usage") if isinstance(answer.json, dict) else None
        if isinstance(usage, dict):
            details["usage"] = {k: v for k, v in usage.items() if isinstance(v, int)}
            vault.rate_limiter.spend_tokens(principal.key_id, int(usage.get("total_tokens") or 0))
        details["vault_ms"] = round((time.perf_counter() - started) * 1000, 2)
        vault.audit.append(recorder.event(_ACTION, details=details))
        return Embedded(status=answer.status, body=answer.json, headers=dict(answer.headers))
