"""An OpenAI-compatible upstream client: pooled, time-limited, retrying, behind its own breaker.

Errors leave as the vault's own: the upstream's error answers as UpstreamError (its status, body
and rate-limit headers, untouched), an unreachable upstream, a cut stream, an open breaker or a
missing key as UpstreamUnavailable (503), an answer that is not what the API promises as
UpstreamError 502. Messages name the upstream, its origin, statuses and causes only; request and
response content, the base URL's path and the key never go into them.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import re
import ssl
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

import httpx
from pydantic import SecretStr

from vault.adapters._http1 import AsyncHttp1Pool, Http1Pool, Http1Response, Http1Stream
from vault.adapters._resilience import CircuitBreaker
from vault.adapters.upstream._dialect import GROQ, Dialect, dialect_for
from vault.adapters.upstream._retry import RetryPolicy
from vault.domain.sse import SseDecoder, SseEvent
from vault.errors import InvalidRequest, UpstreamError, UpstreamUnavailable
from vault.ports import UpstreamResponse
from vault.settings import Settings

__all__ = ["DEFAULT_UPSTREAM_URL", "UpstreamClient", "UpstreamStream", "origin_of"]

DEFAULT_UPSTREAM_URL = "https://api.groq.com/openai/v1"
# Paths under the base URL, which carries the API's version path (`…/openai/v1`, `…/v1`).
_CHAT = "/chat/completions"
_MODELS = "/models"
_TRANSCRIPTIONS = "/audio/transcriptions"
_TRANSLATIONS = "/audio/translations"
_FILES = "/files"
_BATCHES = "/batches"
_EMBEDDINGS = "/embeddings"
_DEFAULT_HEADERS = {"user-agent": "vault", "accept": "application/json", "accept-encoding": "gzip"}
_JSON = {"content-type": "application/json"}
_EVENT_STREAM = {"accept": "text/event-stream"}


def origin_of(url: str | httpx.URL) -> str:
    """`scheme://host:port` of `url`, the port always written: how an upstream is named in
    messages. Never the path, query or user info, which may hold secrets."""
    parsed = httpx.URL(url)
    port = parsed.port or {"https": 443, "http": 80}.get(parsed.scheme)
    host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    return f"{parsed.scheme}://{host}:{port}"


def _error(message: str, code: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "api_error", "code": code}}


# What judging an answer needs, from the lean pool's whole responses and its streams alike.
_Answer = Http1Response | Http1Stream | httpx.Response


class UpstreamClient:
    """Talks to one OpenAI-compatible API at `base_url` (its version path included, e.g.
    `https://api.groq.com/openai/v1`, `http://localhost:11434/v1`). Thread-safe; one instance
    per upstream per process.

    Every call, streamed or not, follows one RetryPolicy; streams are retried only until their
    first byte. One circuit breaker per client, named by the upstream. Answers carry `name`
    (`"primary"`, `"fallback"`) as their `upstream`, so the proxy can audit which one answered.
    `sleep`, `async_sleep`, `clock` and `jitter` exist so tests never sleep.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_UPSTREAM_URL,
        api_key: SecretStr | str | None = None,
        name: str = "primary",
        dialect: Dialect | None = None,
        key_variable: str = "GROQ_API_KEY",
        timeout: float = 60.0,
        connect_timeout: float = 5.0,
        max_retries: int = 2,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        retry_after_cap: float = 20.0,
        retry_unreachable: bool = True,
        breaker_threshold: int = 5,
        breaker_cooldown: float = 30.0,
        max_connections: int = 100,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._api_key = SecretStr(api_key) if isinstance(api_key, str) else api_key
        parts = urllib.parse.urlsplit(base_url)
        self.origin = origin_of(base_url)
        # Sync, stream, models and audio all go to origin + this prefix + their path.
        self._prefix = parts.path.rstrip("/")
        self._root = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
        self.name = name
        self._dialect = dialect or dialect_for(base_url)
        self._key_variable = key_variable
        self._timeout = httpx.Timeout(timeout, connect=connect_timeout)
        self._retry = RetryPolicy(
            max_retries=max_retries,
            backoff_base=backoff_base,
            backoff_cap=backoff_cap,
            retry_after_cap=retry_after_cap,
            retry_unreachable=retry_unreachable,
            jitter=jitter,
        )
        self._breaker = CircuitBreaker(
            threshold=breaker_threshold,
            cooldown=breaker_cooldown,
            clock=clock,
            name=f"{self._dialect.name} at {self.origin}",
        )
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._lock = threading.Lock()
        # One HTTP stack for every call, the lean HTTP/1.1 client: whole answers on the
        # calling thread, streams on the event loop. `make bench` (proxy section) measures its
        # CPU per call beside httpcore's and httpx's; httpx/httpcore cost more than the 0.3 ms
        # per call that would have justified them. Both paths obey one RetryPolicy.
        self._max_connections = max_connections
        self._pool = Http1Pool(
            self._root,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_connections=max_connections,
            max_idle=min(20, max_connections),
            proxy=_environment_proxy(self._root),
        )
        self._async_pool: AsyncHttp1Pool | None = None
        self._async_pool_loop: asyncio.AbstractEventLoop | None = None

    @staticmethod
    def from_settings(
        settings: Settings, *, fallback: bool = False, **overrides: Any
    ) -> UpstreamClient:
        """The primary upstream (or, with `fallback`, the fallback) the settings name."""
        if fallback:
            if settings.fallback_url is None:
                raise ValueError("VAULT_FALLBACK_URL is not set")
            url, key, variable = (
                settings.fallback_url,
                settings.fallback_api_key,
                "VAULT_FALLBACK_API_KEY",
            )
        else:
            url, key = settings.resolved_upstream_url, settings.resolved_upstream_api_key
            variable = "VAULT_UPSTREAM_API_KEY" if settings.upstream_url else "GROQ_API_KEY"
        options: dict[str, Any] = {
            "base_url": url,
            "api_key": key,
            "name": "fallback" if fallback else "primary",
            # The legacy variable only ever meant Groq, wherever it pointed.
            "dialect": GROQ if settings.upstream_url is None and not fallback else None,
            "key_variable": variable,
            "timeout": settings.groq_timeout_seconds,
            "max_retries": settings.groq_max_retries,
        }
        return UpstreamClient(**(options | overrides))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.name!r}, base_url={self.origin + self._prefix!r}, "
            f"breaker={self.breaker_state!r})"
        )

    @property
    def breaker_state(self) -> str:
        """'closed', 'open' or 'half-open'."""
        return self._breaker.state

    # -- public calls ---------------------------------------------------------------------

    def chat(self, payload: bytes) -> UpstreamResponse:
        """A non-streaming chat completion; `payload` is the JSON body, sent byte for byte."""
        return self._call("POST", _CHAT, content=payload, headers=_JSON)

    def list_models(self) -> UpstreamResponse:
        return self._call("GET", _MODELS)

    def get_model(self, model_id: str) -> UpstreamResponse:
        return self._call("GET", f"{_MODELS}/{_model_path(model_id)}")

    def transcribe(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        """Speech to text; `json` is the parsed body, or the text for `response_format=text`."""
        return self._audio(_TRANSCRIPTIONS, audio, filename=filename, fields=fields)

    def translate(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        """Speech to English text, answered like `transcribe`."""
        return self._audio(_TRANSLATIONS, audio, filename=filename, fields=fields)

    def upload_file(self, content: bytes, *, filename: str, purpose: str) -> UpstreamResponse:
        """Upload a file (a batch's JSONL input); `json` is the upstream's file object."""
        form = httpx.Request(
            "POST",
            self._root,
            data={"purpose": purpose},
            files={"file": (filename, content, "application/jsonl")},
        )
        return self._call(
            "POST",
            _FILES,
            content=form.read(),
            headers={"content-type": form.headers["content-type"]},
        )

    def get_file(self, file_id: str) -> UpstreamResponse:
        return self._call("GET", f"{_FILES}/{_id_path(file_id)}")

    def delete_file(self, file_id: str) -> UpstreamResponse:
        return self._call("DELETE", f"{_FILES}/{_id_path(file_id)}")

    def file_content(self, file_id: str) -> bytes:
        """A file's bytes as the upstream holds them (a batch's output or error JSONL)."""
        answer = self._call("GET", f"{_FILES}/{_id_path(file_id)}/content", raw=True)
        return answer.json  # type: ignore[no-any-return]

    # Files too large to hold go through httpx, streamed: the lean pool keeps bodies in memory.

    def upload_file_stream(
        self, chunks: Iterable[bytes], *, filename: str, purpose: str
    ) -> UpstreamResponse:
        """`upload_file` for a file read from `chunks` as it is sent (multipart, chunked
        transfer encoding): memory stays flat in the file's size. The chunks are read once,
        so the upload is never retried; a failure raises UpstreamError or UpstreamUnavailable."""
        boundary = uuid.uuid4().hex
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n'
            f"{_header_safe(purpose)}\r\n--{boundary}\r\nContent-Disposition: form-data; "
            f'name="file"; filename="{_header_safe(filename)}"\r\n'
            "Content-Type: application/jsonl\r\n\r\n"
        ).encode()

        def body() -> Iterator[bytes]:
            yield head
            yield from chunks
            yield f"\r\n--{boundary}--\r\n".encode()

        headers = {
            **_DEFAULT_HEADERS,
            **self._auth(),
            "content-type": f"multipart/form-data; boundary={boundary}",
        }
        self._breaker.before_call()
        with self._file_client() as client:
            try:
                response = client.post(
                    self._root + self._prefix + _FILES, content=body(), headers=headers
                )
            except httpx.TransportError as exc:
                self._breaker.record_failure()
                raise _unreachable(exc, name=self._dialect.name, origin=self.origin) from None
        self._after_answer(self._retry.max_retries, response)
        return self._finish(Http1Response(response.status_code, response.headers, response.content))

    def file_content_stream(self, file_id: str) -> Iterator[bytes]:
        """A file's bytes as they arrive, for a file too large to hold. The answer's status is
        checked (and retried as any call) before this returns: UpstreamError for an error
        status; a connection cut while reading raises UpstreamUnavailable from the iterator."""
        url = self._root + self._prefix + f"{_FILES}/{_id_path(file_id)}/content"
        headers = {**_DEFAULT_HEADERS, **self._auth(), "accept": "*/*"}
        client = self._file_client()
        try:
            for attempt in itertools.count():
                self._breaker.before_call()
                try:
                    response = client.send(
                        client.build_request("GET", url, headers=headers), stream=True
                    )
                except httpx.TransportError as exc:
                    self._sleep(self._after_failure(attempt, exc))
                    continue
                delay = self._after_answer(attempt, response)
                if delay is None:
                    break
                response.close()
                self._sleep(delay)
            if response.status_code != 200:
                response.read()
                response.close()
                self._raise_for_status(response)
        except BaseException:
            client.close()
            raise
        return self._streamed(client, response)

    def _streamed(self, client: httpx.Client, response: httpx.Response) -> Iterator[bytes]:
        try:
            yield from response.iter_bytes()
        except httpx.TransportError as exc:
            raise _unreachable(exc, name=self._dialect.name, origin=self.origin) from None
        finally:
            response.close()
            client.close()

    def _file_client(self) -> httpx.Client:
        return httpx.Client(
            timeout=self._timeout,
            proxy=_environment_proxy(self._root),
            trust_env=False,
            verify=self._tls,
        )

    @cached_property
    def _tls(self) -> ssl.SSLContext:
        """The TLS settings every file client shares: loading the CA bundle costs more than
        an upload of a small file."""
        return httpx.create_ssl_context(trust_env=False)

    def create_batch(self, payload: bytes) -> UpstreamResponse:
        """Create a batch; `payload` is the JSON body, sent byte for byte."""
        return self._call("POST", _BATCHES, content=payload, headers=_JSON)

    def get_batch(self, batch_id: str) -> UpstreamResponse:
        return self._call("GET", f"{_BATCHES}/{_id_path(batch_id)}")

    def list_batches(self) -> UpstreamResponse:
        return self._call("GET", _BATCHES)

    def cancel_batch(self, batch_id: str) -> UpstreamResponse:
        return self._call("POST", f"{_BATCHES}/{_id_path(batch_id)}/cancel")

    def embeddings(self, payload: bytes) -> UpstreamResponse:
        """Embeddings; `payload` is the JSON body, sent byte for byte."""
        return self._call("POST", _EMBEDDINGS, content=payload, headers=_JSON)

    async def stream_chat(self, payload: bytes) -> UpstreamStream:
        """Open a streamed chat completion; iterate the result for chunk dicts until `[DONE]`.

        `payload` is the JSON body (with `"stream": true`), sent byte for byte. Errors before
        the stream starts raise here. Closing the stream (or cancelling the task iterating it)
        closes the upstream connection, which cancels the request upstream.
        """
        headers = {**_DEFAULT_HEADERS, **_JSON, **_EVENT_STREAM, **self._auth()}
        response = await self._open_stream(self._prefix + _CHAT, headers, payload)
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("text/event-stream"):
            await response.aclose()
            self._breaker.record_failure()
            raise self._bad_answer("a stream that is not server-sent events", response.headers)
        return UpstreamStream(
            response, self._breaker, origin=self.origin, dialect=self._dialect, upstream=self.name
        )

    def close(self) -> None:
        self._pool.close()

    async def aclose(self) -> None:
        with self._lock:
            pool, self._async_pool = self._async_pool, None
        if pool is not None:
            await pool.aclose()

    # -- sending with retries -------------------------------------------------------------

    def _audio(
        self, path: str, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        # httpx writes the multipart body; the pool sends it like any other.
        form = httpx.Request(
            "POST",
            self._root,
            data=dict(fields),
            files={"file": (filename, audio, "application/octet-stream")},
        )
        return self._call(
            "POST",
            path,
            content=form.read(),
            headers={"content-type": form.headers["content-type"]},
            allow_text=True,
        )

    def _call(
        self,
        method: str,
        path: str,
        *,
        content: bytes = b"",
        headers: Mapping[str, str] | None = None,
        allow_text: bool = False,
        raw: bool = False,
    ) -> UpstreamResponse:
        sent = {**_DEFAULT_HEADERS, **(headers or {}), **self._auth()}
        target = self._prefix + path
        for attempt in itertools.count():
            self._breaker.before_call()
            try:
                response = self._pool.request(method, target, headers=sent, content=content)
            except httpx.TransportError as exc:
                self._sleep(self._after_failure(attempt, exc))
                continue
            delay = self._after_answer(attempt, response)
            if delay is None:
                return self._finish(response, allow_text=allow_text, raw=raw)
            self._sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _open_stream(
        self, target: str, headers: Mapping[str, str], payload: bytes
    ) -> Http1Stream:
        """The response with its body still to read, once the upstream has said 200."""
        pool = self._async_pool_for_loop()
        for attempt in itertools.count():
            self._breaker.before_call()
            try:
                response = await pool.stream("POST", target, headers=headers, content=payload)
            except httpx.TransportError as exc:
                await self._async_sleep(self._after_failure(attempt, exc))
                continue
            delay = self._after_answer(attempt, response)
            if delay is None:
                if response.status_code != 200:
                    await response.aread()
                    await response.aclose()
                    self._raise_for_status(response)
                return response
            await response.aclose()
            await self._async_sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _after_failure(self, attempt: int, exc: httpx.TransportError) -> float:
        """Record a transport failure; the seconds to wait, or raise when no retry is left."""
        self._breaker.record_failure()
        delay = self._retry.after_failure(attempt, exc)
        if delay is None:
            raise _unreachable(exc, name=self._dialect.name, origin=self.origin) from None
        return delay

    def _after_answer(self, attempt: int, response: _Answer) -> float | None:
        """Record the outcome; the seconds to wait before a retry, or None to keep the answer."""
        status = response.status_code
        if status >= 500:
            self._breaker.record_failure()
        elif status in (408, 429):
            self._breaker.release()
        else:
            # Any other answer, 4xx included, shows the upstream is up; garbage is judged later.
            self._breaker.record_success()
        return self._retry.after_answer(attempt, status, response.headers)

    def _finish(
        self, response: Http1Response, *, allow_text: bool = False, raw: bool = False
    ) -> UpstreamResponse:
        """Parse a final answer (`raw`: its bytes as they came); raise UpstreamError for an
        error status or an unreadable body."""
        headers = self._dialect.passed_headers(response.headers)
        self._raise_for_status(response)
        if raw:
            return UpstreamResponse(
                status=response.status_code, json=response.content, headers=headers
            )
        content_type = response.headers.get("content-type", "")
        if allow_text and content_type.startswith("text/plain"):
            return UpstreamResponse(
                status=response.status_code, json=response.text, headers=headers, upstream=self.name
            )
        try:
            parsed = response.json()
        except ValueError:
            self._breaker.record_failure()
            raise self._bad_answer("an answer that is not JSON", response.headers) from None
        if not isinstance(parsed, dict):
            self._breaker.record_failure()
            raise self._bad_answer("a JSON answer that is not an object", response.headers)
        return UpstreamResponse(
            status=response.status_code, json=parsed, headers=headers, upstream=self.name
        )

    def _raise_for_status(self, response: _Answer) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        headers = self._dialect.passed_headers(response.headers)
        try:
            body = response.json()
        except ValueError:
            body = None
        name = self._dialect.name
        if not (isinstance(body, dict) and isinstance(body.get("error"), dict)):
            body = _error(f"{name} answered {status} without an error body", "upstream_error")
        raise UpstreamError(f"{name} answered {status}", status=status, body=body, headers=headers)

    def _bad_answer(self, what: str, headers: Mapping[str, str]) -> UpstreamError:
        message = f"{self._dialect.name} sent {what}"
        return UpstreamError(
            message,
            status=502,
            body=_error(message, "bad_upstream_response"),
            headers=self._dialect.passed_headers(headers),
        )

    # -- clients --------------------------------------------------------------------------

    def _auth(self) -> dict[str, str]:
        key = self._api_key.get_secret_value() if self._api_key is not None else ""
        if key:
            return {"authorization": f"Bearer {key}"}
        if not self._dialect.requires_key:
            return {}
        raise UpstreamUnavailable(
            f"{self._key_variable} is not set, so the vault cannot reach {self._dialect.name}",
            code="groq_api_key_missing" if self._dialect is GROQ else "upstream_api_key_missing",
        )

    def _async_pool_for_loop(self) -> AsyncHttp1Pool:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._async_pool is None or self._async_pool_loop is not loop:
                # A pool belongs to the loop that opened it; another loop (a test client's
                # portal, a second server) gets its own.
                self._async_pool_loop = loop
                self._async_pool = AsyncHttp1Pool(
                    self._pool,
                    max_connections=self._max_connections,
                    max_idle=min(20, self._max_connections),
                )
            return self._async_pool


class UpstreamStream:
    """An open streamed completion: `async for chunk in stream` yields chunk dicts.

    Iteration ends normally only at `data: [DONE]`. A mid-stream `error` event raises
    UpstreamError carrying the upstream's error body; a cut connection, or an end without
    `[DONE]`, raises UpstreamUnavailable; a chunk that is not JSON raises UpstreamError 502.
    Whatever ends the iteration closes the upstream connection. `upstream` names which
    upstream answered (`"primary"`, `"fallback"`).
    """

    def __init__(
        self,
        response: Http1Stream,
        breaker: CircuitBreaker,
        *,
        origin: str,
        dialect: Dialect = GROQ,
        upstream: str = "primary",
    ) -> None:
        self._response = response
        self._breaker = breaker
        self._origin = origin  # named if the stream is cut
        self._dialect = dialect
        self.upstream = upstream
        self.status = response.status_code
        self.headers = dialect.passed_headers(response.headers)
        self._iterator: AsyncIterator[dict[str, Any]] | None = None

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        if self._iterator is None:
            self._iterator = self._chunks()
        return self._iterator

    async def __aenter__(self) -> UpstreamStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the upstream connection; safe to call more than once."""
        iterator, self._iterator = self._iterator, None
        aclose = getattr(iterator, "aclose", None)
        if aclose is not None:
            await aclose()
        await self._response.aclose()

    @property
    def closed(self) -> bool:
        return self._response.is_closed

    async def _chunks(self) -> AsyncIterator[dict[str, Any]]:
        decoder = SseDecoder()
        try:
            async for raw in self._response.aiter_bytes():
                for event in decoder.feed(raw):
                    chunk = self._parse(event)
                    if chunk is None:
                        return
                    yield chunk
            for event in decoder.close():
                chunk = self._parse(event)
                if chunk is None:
                    return
                yield chunk
        except httpx.TransportError as exc:
            self._breaker.record_failure()
            raise _unreachable(
                exc, name=self._dialect.name, origin=self._origin, during_stream=True
            ) from None
        finally:
            await self._response.aclose()
        self._breaker.record_failure()
        raise UpstreamUnavailable(
            f"{self._dialect.name} ended the stream before [DONE]", code="upstream_stream_cut"
        )

    def _parse(self, event: SseEvent) -> dict[str, Any] | None:
        """The chunk in `event`, None at `[DONE]`; raises for error events and garbage."""
        if event.data.startswith("[DONE]"):
            return None
        try:
            data = json.loads(event.data)
        except ValueError:
            data = None
        name = self._dialect.name
        if event.event == "error" or (isinstance(data, dict) and "error" in data):
            error = data.get("error") if isinstance(data, dict) else None
            if not isinstance(error, dict):
                error = _error(f"{name} reported an error mid-stream", "upstream_error")["error"]
            raise UpstreamError(
                f"{name} reported an error mid-stream",
                status=502,
                body={"error": error},
                headers=self.headers,
            )
        if not isinstance(data, dict):
            self._breaker.record_failure()
            message = f"{name} sent a stream chunk that is not a JSON object"
            raise UpstreamError(
                message,
                status=502,
                body=_error(message, "bad_upstream_response"),
                headers=self.headers,
            )
        return data


def _environment_proxy(base_url: str) -> str | None:
    """The egress proxy the environment names for the upstream (HTTPS_PROXY, ALL_PROXY, ...)
    unless NO_PROXY exempts its host: what httpx.Client does by default, kept for the bare
    transport."""
    url = httpx.URL(base_url)
    if urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(url.scheme) or proxies.get("all")


def _unreachable(
    exc: httpx.TransportError, *, name: str, origin: str, during_stream: bool = False
) -> UpstreamUnavailable:
    """Name the failure by its class and the origin tried, never the path or query: httpx
    messages can carry those and peer details."""
    if isinstance(exc, httpx.TimeoutException):
        what, code = "timed out", "upstream_timeout"
    elif during_stream:
        what, code = "cut the stream mid-way", "upstream_stream_cut"
    else:
        what, code = "could not be reached", "upstream_unreachable"
    return UpstreamUnavailable(f"{name} {what} at {origin} ({type(exc).__name__})", code=code)


_UPSTREAM_ID = re.compile(r"[A-Za-z0-9_.:-]{1,256}")


def _header_safe(value: str) -> str:
    """A value as it may stand in a quoted multipart header: no quote, CR, LF or NUL."""
    return re.sub(r'["\r\n\0\\]', "_", value)


def _id_path(object_id: str) -> str:
    """A file or batch id the upstream issued, as one URL path segment."""
    if not _UPSTREAM_ID.fullmatch(object_id):
        raise UpstreamError(
            "the upstream issued an id that is not one",
            status=502,
            body=_error("the upstream issued an id that is not one", "bad_upstream_response"),
        )
    return object_id


def _model_path(model_id: str) -> str:
    """The model id as a URL path; ids hold '/', but never empty or dot segments."""
    segments = model_id.split("/")
    if not model_id or any(s in ("", ".", "..") for s in segments) or not model_id.isprintable():
        raise InvalidRequest("the model id is not valid", code="invalid_model", param="model")
    return urllib.parse.quote(model_id, safe="/")
