"""The Groq HTTP client: pooled, time-limited, retrying with backoff, behind a circuit breaker.

Errors leave as the vault's own: Groq's error answers as UpstreamError (Groq's status, body and
rate-limit headers, untouched), an unreachable Groq, a cut stream, an open breaker or a missing
key as UpstreamUnavailable (503), an answer that is not what the API promises as UpstreamError 502.
Messages name statuses and causes only; request and response content never goes into them.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

import httpx
from pydantic import SecretStr

from vault.adapters._http1 import Http1Pool, Http1Response
from vault.adapters._resilience import CircuitBreaker, backoff_delay, parse_retry_after
from vault.domain.sse import SseDecoder, SseEvent
from vault.errors import InvalidRequest, UpstreamError, UpstreamUnavailable
from vault.ports import UpstreamResponse
from vault.settings import Settings

__all__ = ["DEFAULT_BASE_URL", "GroqClient", "GroqStream", "passed_headers"]

DEFAULT_BASE_URL = "https://api.groq.com"
_API = "/openai/v1"
_CHAT = f"{_API}/chat/completions"
_PASSED = ("x-request-id", "retry-after", "x-groq-region")
_DEFAULT_HEADERS = {"user-agent": "vault", "accept": "application/json", "accept-encoding": "gzip"}
_JSON = {"content-type": "application/json"}
_EVENT_STREAM = {"accept": "text/event-stream"}


def passed_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The upstream headers a caller should see: rate limits, retry-after, the request id."""
    return {
        name.lower(): value
        for name, value in headers.items()
        if name.lower() in _PASSED or name.lower().startswith("x-ratelimit-")
    }


def _error(message: str, code: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "api_error", "code": code}}


def _bad_answer(what: str, headers: Mapping[str, str] | None = None) -> UpstreamError:
    message = f"Groq sent {what}"
    return UpstreamError(
        message,
        status=502,
        body=_error(message, "bad_upstream_response"),
        headers=passed_headers(headers or {}),
    )


# What judging an answer needs, from the lean pool's responses and httpx's (streams) alike.
_Answer = Http1Response | httpx.Response


def _retryable(status: int) -> bool:
    return status in (408, 429) or status >= 500


class GroqClient:
    """Talks to Groq's OpenAI-compatible API. Thread-safe; one instance per process.

    Retries connection failures, timeouts, 408, 429 and 5xx up to `max_retries` times, waiting
    `retry-after` when Groq gives one (a wait longer than `retry_after_cap` is not made: the 429
    goes back to the caller at once) and exponential backoff with jitter otherwise. Streams are
    retried only until their first byte. `sleep`, `async_sleep`, `clock` and `jitter` exist so
    tests never sleep.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        api_key: SecretStr | str | None = None,
        timeout: float = 60.0,
        connect_timeout: float = 5.0,
        max_retries: int = 2,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        retry_after_cap: float = 20.0,
        breaker_threshold: int = 5,
        breaker_cooldown: float = 30.0,
        max_connections: int = 100,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be ≥ 0")
        self._api_key = SecretStr(api_key) if isinstance(api_key, str) else api_key
        self._base_url = base_url.rstrip("/")
        self._timeout = httpx.Timeout(timeout, connect=connect_timeout)
        self._limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=min(20, max_connections)
        )
        self._max_retries = max_retries
        self._backoff = (backoff_base, backoff_cap)
        self._retry_after_cap = retry_after_cap
        self._breaker = CircuitBreaker(
            threshold=breaker_threshold, cooldown=breaker_cooldown, clock=clock
        )
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._jitter = jitter
        self._given_async_transport = async_transport
        self._lock = threading.Lock()
        # Non-streamed calls (the proxy's busiest path) go through the lean pool; streams
        # through httpx's async transport, which the event loop drives.
        self._pool = Http1Pool(
            self._base_url,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_connections=max_connections,
            max_idle=min(20, max_connections),
            proxy=_environment_proxy(self._base_url),
        )
        self._async_transport: httpx.AsyncBaseTransport | None = None
        self._async_transport_loop: asyncio.AbstractEventLoop | None = None
        self._urls: dict[str, httpx.URL] = {}

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> GroqClient:
        options: dict[str, Any] = {
            "base_url": settings.groq_base_url,
            "api_key": settings.groq_api_key,
            "timeout": settings.groq_timeout_seconds,
            "max_retries": settings.groq_max_retries,
        }
        return cls(**(options | overrides))

    def __repr__(self) -> str:
        return f"GroqClient(base_url={self._base_url!r}, breaker={self.breaker_state!r})"

    @property
    def breaker_state(self) -> str:
        """'closed', 'open' or 'half-open'."""
        return self._breaker.state

    # -- public calls ---------------------------------------------------------------------

    def chat(self, payload: bytes) -> UpstreamResponse:
        """A non-streaming chat completion; `payload` is the JSON body, sent byte for byte."""
        return self._call("POST", _CHAT, content=payload, headers=_JSON)

    def list_models(self) -> UpstreamResponse:
        return self._call("GET", f"{_API}/models")

    def get_model(self, model_id: str) -> UpstreamResponse:
        return self._call("GET", f"{_API}/models/{_model_path(model_id)}")

    def transcribe(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        """Speech to text; `json` is the parsed body, or the text for `response_format=text`."""
        # httpx writes the multipart body; the pool sends it like any other.
        form = httpx.Request(
            "POST",
            self._base_url,
            data=dict(fields),
            files={"file": (filename, audio, "application/octet-stream")},
        )
        return self._call(
            "POST",
            f"{_API}/audio/transcriptions",
            content=form.read(),
            headers={"content-type": form.headers["content-type"]},
            allow_text=True,
        )

    async def stream_chat(self, payload: bytes) -> GroqStream:
        """Open a streamed chat completion; iterate the result for chunk dicts until `[DONE]`.

        `payload` is the JSON body (with `"stream": true`), sent byte for byte. Errors before
        the stream starts raise here. Closing the stream (or cancelling the task iterating it)
        closes the upstream connection, which cancels the request at Groq.
        """
        request = self._request("POST", _CHAT, content=payload, headers=_JSON | _EVENT_STREAM)
        response = await self._open_stream(request)
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("text/event-stream"):
            await response.aclose()
            self._breaker.record_failure()
            raise _bad_answer("a stream that is not server-sent events", response.headers)
        return GroqStream(response, self._breaker, tried=self._base_url)

    def close(self) -> None:
        self._pool.close()

    async def aclose(self) -> None:
        with self._lock:
            transport, self._async_transport = self._async_transport, None
        if transport is not None:
            await transport.aclose()

    # -- sending with retries -------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        content: bytes = b"",
        headers: Mapping[str, str] | None = None,
        allow_text: bool = False,
    ) -> UpstreamResponse:
        sent = {**_DEFAULT_HEADERS, **(headers or {}), **self._auth()}
        for attempt in range(self._max_retries + 1):
            self._breaker.before_call()
            try:
                response = self._pool.request(method, path, headers=sent, content=content)
            except httpx.TransportError as exc:
                self._breaker.record_failure()
                if attempt == self._max_retries:
                    raise _unreachable(exc, tried=self._base_url) from None
                self._sleep(self._delay(attempt, None))
                continue
            delay = self._judge(response, attempt)
            if delay is None:
                return self._finish(response, allow_text=allow_text)
            self._sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _open_stream(self, request: httpx.Request) -> httpx.Response:
        """The response with its body still to read, once Groq has said 200."""
        transport = self._async_transport_for_loop()
        for attempt in range(self._max_retries + 1):
            self._breaker.before_call()
            try:
                response = await transport.handle_async_request(request)
            except httpx.TransportError as exc:
                self._breaker.record_failure()
                if attempt == self._max_retries:
                    raise _unreachable(exc, tried=self._base_url) from None
                await self._async_sleep(self._delay(attempt, None))
                continue
            delay = self._judge(response, attempt)
            if delay is None:
                if response.status_code != 200:
                    await response.aread()
                    await response.aclose()
                    self._raise_for_status(response)
                return response
            await response.aclose()
            await self._async_sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _judge(self, response: _Answer, attempt: int) -> float | None:
        """Record the outcome; the seconds to wait before a retry, or None to keep the answer."""
        status = response.status_code
        if status >= 500:
            self._breaker.record_failure()
        elif status in (408, 429):
            self._breaker.release()
        else:
            # Any other answer, 4xx included, shows Groq is up; garbage is judged in _finish.
            self._breaker.record_success()
        if not _retryable(status) or attempt == self._max_retries:
            return None
        retry_after = parse_retry_after(response.headers, now=time.time())
        if retry_after is not None and retry_after > self._retry_after_cap:
            return None
        return self._delay(attempt, retry_after)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        base, cap = self._backoff
        return backoff_delay(attempt, base=base, cap=cap, jitter=self._jitter())

    def _finish(self, response: Http1Response, *, allow_text: bool = False) -> UpstreamResponse:
        """Parse a final answer; raise UpstreamError for an error status or an unreadable body."""
        headers = passed_headers(response.headers)
        self._raise_for_status(response)
        content_type = response.headers.get("content-type", "")
        if allow_text and content_type.startswith("text/plain"):
            return UpstreamResponse(
                status=response.status_code, json=response.text, headers=headers
            )
        try:
            parsed = response.json()
        except ValueError:
            self._breaker.record_failure()
            raise _bad_answer("an answer that is not JSON", response.headers) from None
        if not isinstance(parsed, dict):
            self._breaker.record_failure()
            raise _bad_answer("a JSON answer that is not an object", response.headers)
        return UpstreamResponse(status=response.status_code, json=parsed, headers=headers)

    @staticmethod
    def _raise_for_status(response: _Answer) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        headers = passed_headers(response.headers)
        try:
            body = response.json()
        except ValueError:
            body = None
        if not (isinstance(body, dict) and isinstance(body.get("error"), dict)):
            body = _error(f"Groq answered {status} without an error body", "upstream_error")
        raise UpstreamError(f"Groq answered {status}", status=status, body=body, headers=headers)

    # -- clients --------------------------------------------------------------------------

    def _auth(self) -> dict[str, str]:
        key = self._api_key.get_secret_value() if self._api_key is not None else ""
        if not key:
            raise UpstreamUnavailable(
                "GROQ_API_KEY is not set, so the vault cannot reach Groq",
                code="groq_api_key_missing",
            )
        return {"authorization": f"Bearer {key}"}

    def _request(
        self, method: str, path: str, *, headers: Mapping[str, str] | None = None, **content: Any
    ) -> httpx.Request:
        """A streamed request straight for the async transport: httpx.AsyncClient would add
        cookie handling, redirects, auth hooks and URL merging, none of them wanted here."""
        url = self._urls.get(path)
        if url is None:
            url = httpx.URL(self._base_url + path)
            if path == _CHAT:
                self._urls[path] = url  # parsed once: the proxy's hot path
        return httpx.Request(
            method,
            url,
            headers={**_DEFAULT_HEADERS, **(headers or {}), **self._auth()},
            extensions={"timeout": self._timeout.as_dict()},
            **content,
        )

    def _async_transport_for_loop(self) -> httpx.AsyncBaseTransport:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._async_transport is None or self._async_transport_loop is not loop:
                # A pool belongs to the loop that opened it; another loop (a test client's
                # portal, a second server) gets its own.
                self._async_transport_loop = loop
                self._async_transport = self._given_async_transport or httpx.AsyncHTTPTransport(
                    limits=self._limits, proxy=_environment_proxy(self._base_url)
                )
            return self._async_transport


class GroqStream:
    """An open streamed completion: `async for chunk in stream` yields chunk dicts.

    Iteration ends normally only at `data: [DONE]`. A mid-stream `error` event raises
    UpstreamError carrying Groq's error body; a cut connection, or an end without `[DONE]`,
    raises UpstreamUnavailable; a chunk that is not JSON raises UpstreamError 502. Whatever ends
    the iteration closes the upstream connection.
    """

    def __init__(
        self, response: httpx.Response, breaker: CircuitBreaker, *, tried: str = DEFAULT_BASE_URL
    ) -> None:
        self._response = response
        self._breaker = breaker
        self._tried = tried  # the upstream's base URL, named (origin only) if the stream is cut
        self.status = response.status_code
        self.headers = passed_headers(response.headers)
        self._iterator: AsyncIterator[dict[str, Any]] | None = None

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        if self._iterator is None:
            self._iterator = self._chunks()
        return self._iterator

    async def __aenter__(self) -> GroqStream:
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
            raise _unreachable(exc, tried=self._tried, during_stream=True) from None
        finally:
            await self._response.aclose()
        self._breaker.record_failure()
        raise UpstreamUnavailable("Groq ended the stream before [DONE]", code="upstream_stream_cut")

    def _parse(self, event: SseEvent) -> dict[str, Any] | None:
        """The chunk in `event`, None at `[DONE]`; raises for error events and garbage."""
        if event.data.startswith("[DONE]"):
            return None
        try:
            data = json.loads(event.data)
        except ValueError:
            data = None
        if event.event == "error" or (isinstance(data, dict) and "error" in data):
            error = data.get("error") if isinstance(data, dict) else None
            if not isinstance(error, dict):
                error = _error("Groq reported an error mid-stream", "upstream_error")["error"]
            raise UpstreamError(
                "Groq reported an error mid-stream",
                status=502,
                body={"error": error},
                headers=self.headers,
            )
        if not isinstance(data, dict):
            self._breaker.record_failure()
            raise _bad_answer("a stream chunk that is not a JSON object", self.headers)
        return data


def _environment_proxy(base_url: str) -> str | None:
    """The egress proxy the environment names for Groq (HTTPS_PROXY, ALL_PROXY, ...) unless
    NO_PROXY exempts its host: what httpx.Client does by default, kept for the bare transport."""
    url = httpx.URL(base_url)
    if urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(url.scheme) or proxies.get("all")


def _unreachable(
    exc: httpx.TransportError, *, tried: str | httpx.URL, during_stream: bool = False
) -> UpstreamUnavailable:
    """Name the failure by its class and the origin tried (scheme://host:port), never the path
    or query: httpx messages can carry those and peer details."""
    if isinstance(exc, httpx.TimeoutException):
        what, code = "timed out", "upstream_timeout"
    elif during_stream:
        what, code = "cut the stream mid-way", "upstream_stream_cut"
    else:
        what, code = "could not be reached", "upstream_unreachable"
    url = httpx.URL(tried)
    port = url.port or {"https": 443, "http": 80}.get(url.scheme)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return UpstreamUnavailable(
        f"Groq {what} at {url.scheme}://{host}:{port} ({type(exc).__name__})", code=code
    )


def _model_path(model_id: str) -> str:
    """The model id as a URL path; ids hold '/', but never empty or dot segments."""
    segments = model_id.split("/")
    if not model_id or any(s in ("", ".", "..") for s in segments) or not model_id.isprintable():
        raise InvalidRequest("the model id is not valid", code="invalid_model", param="model")
    return urllib.parse.quote(model_id, safe="/")
