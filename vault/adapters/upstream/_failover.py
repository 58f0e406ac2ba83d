"""Two upstreams behind one LlmClient: the fallback answers when the primary cannot."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

from vault.adapters.upstream._client import UpstreamClient, UpstreamStream
from vault.errors import UpstreamError, UpstreamUnavailable, VaultError
from vault.ports import UpstreamResponse

__all__ = ["FailoverClient", "first_answer", "first_stream", "none_answered"]

_T = TypeVar("_T")

# Why an upstream did not answer, by the code its UpstreamUnavailable carries.
_WHY = {
    "upstream_unreachable": "could not be reached",
    "upstream_timeout": "timed out",
    "upstream_circuit_open": "has its circuit breaker open",
    "groq_api_key_missing": "has no API key set",
    "upstream_api_key_missing": "has no API key set",
}


def _fails_over(exc: Exception) -> bool:
    """Whether the fallback should be asked: the primary is unreachable, its breaker is open,
    or it answered 5xx after its retries. A 4xx is the caller's request, not the upstream."""
    if isinstance(exc, UpstreamUnavailable):
        return True
    return isinstance(exc, UpstreamError) and exc.status >= 500


def _why(exc: Exception) -> str:
    if isinstance(exc, UpstreamError):
        return f"answered {exc.status}"
    if isinstance(exc, VaultError):
        return _WHY.get(exc.code, "is unavailable")
    return "is unavailable"


class FailoverClient:
    """An LlmClient over a primary and a fallback upstream.

    A call goes to the fallback when the primary is unreachable, answers 5xx after its
    retries, or its breaker is open; the fallback gets the very bytes the primary was given, so
    failing over never changes what leaves. 4xx answers come back as they are. Answers and
    streams say which upstream gave them (`upstream`). Both failing: UpstreamUnavailable 503
    naming each upstream's origin and why. A stream fails over only before its first byte.
    """

    def __init__(self, primary: UpstreamClient, fallback: UpstreamClient) -> None:
        self.primary = primary
        self.fallback = fallback

    def __repr__(self) -> str:
        return f"FailoverClient({self.primary!r}, {self.fallback!r})"

    def chat(self, payload: bytes) -> UpstreamResponse:
        return self._either(lambda client: client.chat(payload))

    def list_models(self) -> UpstreamResponse:
        return self._either(lambda client: client.list_models())

    def get_model(self, model_id: str) -> UpstreamResponse:
        return self._either(lambda client: client.get_model(model_id))

    def transcribe(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        return self._either(lambda c: c.transcribe(audio, filename=filename, fields=fields))

    def translate(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        return self._either(lambda c: c.translate(audio, filename=filename, fields=fields))

    # Files and batches live on one upstream: they go to the primary, never failing over.
    def upload_file(self, content: bytes, *, filename: str, purpose: str) -> UpstreamResponse:
        return self.primary.upload_file(content, filename=filename, purpose=purpose)

    def get_file(self, file_id: str) -> UpstreamResponse:
        return self.primary.get_file(file_id)

    def delete_file(self, file_id: str) -> UpstreamResponse:
        return self.primary.delete_file(file_id)

    def file_content(self, file_id: str) -> bytes:
        return self.primary.file_content(file_id)

    def upload_file_stream(
        self, chunks: Iterable[bytes], *, filename: str, purpose: str
    ) -> UpstreamResponse:
        return self.primary.upload_file_stream(chunks, filename=filename, purpose=purpose)

    def file_content_stream(self, file_id: str) -> Iterator[bytes]:
        return self.primary.file_content_stream(file_id)

    def create_batch(self, payload: bytes) -> UpstreamResponse:
        return self.primary.create_batch(payload)

    def get_batch(self, batch_id: str) -> UpstreamResponse:
        return self.primary.get_batch(batch_id)

    def list_batches(self) -> UpstreamResponse:
        return self.primary.list_batches()

    def cancel_batch(self, batch_id: str) -> UpstreamResponse:
        return self.primary.cancel_batch(batch_id)

    def embeddings(self, payload: bytes) -> UpstreamResponse:
        return self._either(lambda client: client.embeddings(payload))

    async def stream_chat(self, payload: bytes) -> UpstreamStream:
        return await first_stream((self.primary, self.fallback), payload)

    def close(self) -> None:
        self.primary.close()
        self.fallback.close()

    async def aclose(self) -> None:
        await self.primary.aclose()
        await self.fallback.aclose()

    def _either(self, call: Callable[[UpstreamClient], _T]) -> _T:
        return first_answer((self.primary, self.fallback), call)


def first_answer(clients: Sequence[UpstreamClient], call: Callable[[UpstreamClient], _T]) -> _T:
    """`call` on each client in turn until one answers; each gets the very bytes the first
    was given. A 4xx, or any failure of the last, comes back as it is when only one client
    was asked; several failing: UpstreamUnavailable naming each one's name, origin and why."""
    failures: list[tuple[UpstreamClient, Exception]] = []
    for client in clients:
        try:
            return call(client)
        except (UpstreamError, UpstreamUnavailable) as exc:
            if not _fails_over(exc) or len(clients) == 1:
                raise
            failures.append((client, exc))
    raise none_answered(failures)


async def first_stream(clients: Sequence[UpstreamClient], payload: bytes) -> UpstreamStream:
    """`first_answer` for opening a stream: it fails over only before its first byte."""
    failures: list[tuple[UpstreamClient, Exception]] = []
    for client in clients:
        try:
            return await client.stream_chat(payload)
        except (UpstreamError, UpstreamUnavailable) as exc:
            if not _fails_over(exc) or len(clients) == 1:
                raise
            failures.append((client, exc))
    raise none_answered(failures)


def none_answered(failures: Sequence[tuple[UpstreamClient, Exception]]) -> UpstreamUnavailable:
    """The 503 when every upstream asked failed: each one's name, origin and why (never a
    path, query or key)."""
    reasons = "; ".join(f"{client.name} {client.origin} {_why(exc)}" for client, exc in failures)
    return UpstreamUnavailable(f"no upstream could answer: {reasons}", code="upstreams_unavailable")
