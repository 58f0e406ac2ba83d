"""The chat door as one use case: admit → limit → redact → forward → restore → account → audit.

The route only translates: HTTP into a call here, results into responses. The blocking steps of a
request (`prepare`, then `complete` for a whole answer) run in one worker-thread hop, since each
hop costs time; a stream is relayed on the event loop and hops to a thread only for a chunk that
may need the token store. A completed request's record is stored just after its answer has gone
(`AuditBacklog`); every refusal and failure is stored before its answer.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import anyio

from vault.domain.audit import AuditEvent, validate_details
from vault.domain.policy import AccessPolicy, check_purpose
from vault.domain.principal import Principal
from vault.domain.ratelimit import Standing
from vault.domain.sse import encode_event
from vault.errors import (
    OutboundBlocked,
    RateLimited,
    UpstreamError,
    UpstreamUnavailable,
    VaultError,
)
from vault.ports import AuditLog, LlmClient, LlmStream, RateLimits, TenantKeys, TokenStore
from vault.services.anonymize import Anonymizer
from vault.services.audit_backlog import AuditBacklog
from vault.services.chat import ChatRedactor, PrimedReidentifier, ResponseRestorer, StreamRestorer
from vault.services.chat.answers import AnswerGuard
from vault.services.failures import failure_details
from vault.services.reidentify import Reidentifier

__all__ = ["ChatParts", "Completed", "Prepared", "ProxyChat", "Recorder", "limit_headers"]

_CHUNK_KEYS = ("id", "object", "created", "model", "system_fingerprint")
_DONE = b"data: [DONE]\n\n"


class ChatParts(Protocol):
    """What the door is built from (the wired vault)."""

    llm: LlmClient | None
    access_policy: AccessPolicy

    @property
    def anonymizer(self) -> Anonymizer: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def audit_backlog(self) -> AuditBacklog: ...
    @property
    def rate_limiter(self) -> RateLimits: ...
    @property
    def chat_redactor(self) -> ChatRedactor: ...
    @property
    def tokens(self) -> TokenStore: ...
    @property
    def tenant_keys(self) -> TenantKeys: ...
    @property
    def reidentifier(self) -> Reidentifier: ...


class Recorder(Protocol):
    """What the door needs of the request it serves: its audit events and its metrics."""

    def event(self, action: str, **fields: Any) -> AuditEvent:
        """The audit event of this request (who, from where, which request id)."""
        ...

    def count(self, name: str, label: str, amount: int) -> None: ...


@dataclass
class Prepared:
    """A chat request ready to go upstream, and what is needed to answer and audit it."""

    principal: Principal
    recorder: Recorder
    payload: bytes  # the tokenized body exactly as the outbound guard checked it
    restorer_source: PrimedReidentifier
    restore: bool
    reveal: frozenset[str] | None
    purpose: str | None
    details: dict[str, Any]
    started: float
    detect_seconds: float
    limits: dict[str, str] = field(default_factory=dict)  # the key's own x-ratelimit-* headers


@dataclass
class Completed:
    """A whole answer to send back, and what to do once it has gone (`finish`)."""

    status: int
    body: Any
    headers: dict[str, str]
    finish: Callable[[], None] = field(repr=False)


class ProxyChat:
    """Chat completions through the vault for one wired vault."""

    def __init__(self, vault: ChatParts) -> None:
        self._vault = vault

    def upstream(self) -> LlmClient:
        if self._vault.llm is None:
            raise UpstreamUnavailable("no LLM upstream is configured: set GROQ_API_KEY")
        return self._vault.llm

    def reveal(self, principal: Principal) -> tuple[bool, frozenset[str] | None]:
        """Whether answers are re-identified for this caller, and which types (None: all)."""
        return self._vault.access_policy.answer_view(principal.roles)

    def _answer_guard(self, prepared: Prepared) -> AnswerGuard | None:
        """The guard over this request's answers, unless the policy only restores them."""
        anonymizer = self._vault.anonymizer
        if anonymizer.policy.answers != "scan":
            return None
        tenant = prepared.principal.tenant
        own = prepared.restorer_source.own_values
        known = functools.partial(self._vault.chat_redactor.known_spans, tenant)
        return AnswerGuard(anonymizer, tenant, own, known=known)

    def prepare(
        self,
        principal: Principal,
        body: dict[str, Any],
        *,
        purpose: str | None,
        recorder: Recorder,
        owned: bool = False,
    ) -> Prepared:
        """Admit, check limits and tokenize: everything blocking before the upstream call.
        `owned`: `body` is the caller's to give, rewritten in place rather than copied (see
        `ChatRedactor.redact`). Raises what the redactor raises (a refusal is audited by
        `failed`, a block here)."""
        started = time.perf_counter()
        vault = self._vault
        vault.audit_backlog.admit()  # nothing leaves while earlier records cannot be stored
        wait = vault.rate_limiter.check_tokens(principal.key_id)
        if wait > 0:
            raise RateLimited("token rate limit reached for this API key", retry_after=wait)
        try:
            model: str = body.get("model", "")  # read before the body is rewritten (closed)
            redacted = vault.chat_redactor.redact(principal.tenant, body, owned=owned)
        except OutboundBlocked:
            vault.audit.append(recorder.event("proxy.blocked", outcome="blocked"))
            raise
        recorder.count("detection_cache", "miss", redacted.detected)
        recorder.count("detection_cache", "hit", redacted.cached)
        restore, reveal = self.reveal(principal)
        details = {
            "model": model[:128],  # a model id: its grammar was checked by the redactor
            "entities": dict(redacted.counts),
            "tokens": redacted.tokens,
            "reidentified": restore,
        }
        validate_details(details)  # what could fail after the upstream call is checked before it
        return Prepared(
            principal=principal,
            recorder=recorder,
            payload=redacted.payload,
            restorer_source=PrimedReidentifier(
                token_store=vault.tokens,
                tenant_keys=vault.tenant_keys,
                grammar=vault.reidentifier.grammar,
                known=redacted.values,
            ),
            restore=restore,
            reveal=reveal,
            purpose=check_purpose(purpose, vault.access_policy.purposes)
            if purpose
            else ("inference" if restore else None),
            details=details,
            started=started,
            detect_seconds=redacted.detect_seconds,
            limits=limit_headers(vault.rate_limiter.standing(principal.key_id)),
        )

    def complete(self, prepared: Prepared) -> Completed:
        """Call the upstream and restore the whole answer."""
        tenant = prepared.principal.tenant
        asked = time.perf_counter()
        answer = self.upstream().chat(prepared.payload)
        upstream = time.perf_counter() - asked
        completion = answer.json
        details = prepared.details
        details["upstream"] = answer.upstream  # which one answered: primary or fallback
        answers: list[Any] = []
        if isinstance(completion, dict):
            guard = self._answer_guard(prepared)
            restorer = ResponseRestorer(prepared.restorer_source, tenant, prepared.reveal, guard)
            completion = restorer.restore(completion)
            answers = restorer.answers
            details["restored"] = dict(restorer.counts)
            if guard is not None:
                prepared.detect_seconds += guard.seconds  # detection, of the answer this time
                if guard.counts:
                    details["answer_guard"] = dict(guard.counts)
            usage = completion.get("usage")
            if isinstance(usage, dict):
                details["usage"] = {k: v for k, v in usage.items() if isinstance(v, int)}
                self._vault.rate_limiter.spend_tokens(
                    prepared.principal.key_id, int(usage.get("total_tokens") or 0)
                )
        # An answer the guard has read is noted now, cheaply (no detection), so a next turn sent
        # the moment this answer arrives finds it; the others are detected once it has gone.
        read = [answer for answer in answers if answer.detected is not None]
        if read:
            self._vault.chat_redactor.remember_answers(tenant, read)
        answers = [answer for answer in answers if answer.detected is None]
        total = time.perf_counter() - prepared.started
        details["vault_ms"] = round(total * 1000, 2)
        event = prepared.recorder.event("proxy.request", purpose=prepared.purpose, details=details)
        timing = _timing(prepared, upstream=upstream, total=total)
        return Completed(
            status=answer.status,
            body=completion,
            headers={**answer.headers, **prepared.limits, **timing},
            finish=lambda: self._after_answer(tenant, event, answers),
        )

    async def open_stream(self, prepared: Prepared) -> tuple[LlmStream, dict[str, str]]:
        """The upstream stream, opened, and the headers to answer with (timing up to its
        start: what a caller waits for before its first chunk)."""
        asked = time.perf_counter()
        stream = await self.upstream().stream_chat(prepared.payload)
        opened = time.perf_counter()
        prepared.details["upstream"] = stream.upstream
        timing = _timing(prepared, upstream=opened - asked, total=opened - prepared.started)
        headers = {**stream.headers, **prepared.limits, **timing, "cache-control": "no-cache"}
        return stream, headers

    async def relay(self, prepared: Prepared, stream: LlmStream) -> AsyncIterator[bytes]:
        """The stream as SSE bytes, restored when allowed; always ends with [DONE] or an error
        event. The upstream closes when the caller leaves; the request is audited once."""
        principal, details = prepared.principal, prepared.details
        guard = self._answer_guard(prepared)
        restorer = StreamRestorer(
            prepared.restorer_source, principal.tenant, prepared.reveal, guard
        )
        outcome = "ok"
        last: dict[str, Any] | None = None
        try:
            async for chunk in stream:
                last = chunk
                usage = chunk.get("usage")
                if isinstance(usage, dict) and isinstance(usage.get("total_tokens"), int):
                    self._vault.rate_limiter.spend_tokens(principal.key_id, usage["total_tokens"])
                if restorer.needs_token_store(chunk):
                    chunk = await anyio.to_thread.run_sync(restorer.restore, chunk)
                else:
                    chunk = restorer.restore(chunk)  # no I/O: a thread hop would cost more
                yield _sse(chunk)
            if last is not None:
                # A stream that ended without a finish chunk may still hold text back.
                for tail in await anyio.to_thread.run_sync(_leftover_chunks, restorer, last):
                    yield _sse(tail)
            yield _DONE
        except VaultError as exc:
            outcome = "error"
            if last is not None:
                # What arrived before the cut, as the guard lets it go, then the error.
                cut = await anyio.to_thread.run_sync(
                    lambda: _leftover_chunks(restorer, last, cut=True)
                )
                for tail in cut:
                    yield _sse(tail)
            body = exc.body if isinstance(exc, UpstreamError) and exc.body is not None else None
            yield _sse(body or exc.to_body(), event="error")
        except Exception:
            outcome, details["ended"] = "error", "internal_error"
            yield _sse(VaultError("the vault could not finish this stream").to_body(), "error")
        except BaseException:  # the caller left: cancelled or closed mid-stream
            outcome, details["ended"] = "error", "client_left"
            raise
        finally:
            await stream.aclose()
            details["restored"] = dict(restorer.counts)
            if guard is not None and guard.counts:
                details["answer_guard"] = dict(guard.counts)
            event = prepared.recorder.event(
                "proxy.request",
                outcome=outcome,
                purpose=prepared.purpose,
                details={**details, "stream": True},
            )
            answers = restorer.answers if outcome == "ok" else []
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._after_answer, principal.tenant, event, answers)

    def failed(self, recorder: Recorder, exc: Exception) -> None:
        """Audit a request that failed before its answer: the error's code and the field's
        path, never its text. (A block is audited where it was decided.)"""
        if isinstance(exc, OutboundBlocked):
            return
        details = failure_details(exc)
        self._vault.audit.append(recorder.event("proxy.request", outcome="error", details=details))

    def _after_answer(self, tenant: str, event: AuditEvent, answers: list[Any]) -> None:
        """Once the answer has gone: store its record, then detect the answer so the next turn,
        which sends it back, finds it in the cache (`ChatRedactor.remember_answers`)."""
        self._vault.audit_backlog.append(event)
        if answers:
            self._vault.chat_redactor.remember_answers(tenant, answers)


def limit_headers(standing: Standing) -> dict[str, str]:
    """The caller's own limits as Groq names them (`x-ratelimit-remaining-requests`, ...): the
    vault's per-key windows, never the upstream's account-wide counters. A limit not set has
    no headers."""
    headers: dict[str, str] = {}
    for kind, values in (("requests", standing.requests), ("tokens", standing.tokens)):
        if values is not None:
            limit, remaining, reset = values
            headers[f"x-ratelimit-limit-{kind}"] = str(limit)
            headers[f"x-ratelimit-remaining-{kind}"] = str(remaining)
            headers[f"x-ratelimit-reset-{kind}"] = _duration(reset)
    return headers


def _duration(seconds: float) -> str:
    """Go's duration format, as Groq writes its resets: 172ms, 7.66s, 2m59.56s."""
    if seconds < 1:
        return f"{max(0, round(seconds * 1000))}ms"
    minutes, rest = divmod(seconds, 60)
    text = f"{rest:.2f}".rstrip("0").rstrip(".") + "s"
    return f"{int(minutes)}m{text}" if minutes else text


def _timing(prepared: Prepared, *, upstream: float, total: float) -> dict[str, str]:
    """A `Server-Timing` header (W3C) for a caller who may re-identify — detection, the
    upstream call, and the vault's own work, in ms. Others get none: a fast detection tells
    that a text was seen before."""
    if not prepared.restore:
        return {}
    detect = prepared.detect_seconds
    own = max(0.0, total - detect - upstream)
    return {
        "server-timing": (
            f"detect;dur={detect * 1e3:.3f}, upstream;dur={upstream * 1e3:.3f}, "
            f"vault;dur={own * 1e3:.3f}"
        )
    }


def _sse(data: Any, event: str | None = None) -> bytes:
    return encode_event(json.dumps(data, ensure_ascii=False, separators=(",", ":")), event=event)


def _leftover_chunks(
    restorer: StreamRestorer, last: dict[str, Any], *, cut: bool = False
) -> list[dict[str, Any]]:
    chunks = []
    for (index, kind, *tool), tail in restorer.leftovers(cut=cut):
        if kind == "tool":
            delta: dict[str, Any] = {
                "tool_calls": [{"index": tool[0], "function": {"arguments": tail}}]
            }
        else:
            delta = {kind: tail}
        choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": None}
        chunks.append({**{k: v for k, v in last.items() if k in _CHUNK_KEYS}, "choices": [choice]})
    return chunks
