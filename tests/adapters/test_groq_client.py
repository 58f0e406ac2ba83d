"""GroqClient against the fake Groq over real HTTP: retries, breaker, errors, streams, cancel."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from tests.adapters.conftest import FAKE_GROQ_KEY
from vault.adapters.groq_client import GroqClient
from vault.errors import InvalidRequest, UpstreamError, UpstreamUnavailable
from vault.fakegroq import FakeGroqBehaviour
from vault.settings import Settings

KEY = FAKE_GROQ_KEY
MODEL = "llama-3.3-70b-versatile"


def _body(text: str = "hello", **extra: Any) -> bytes:
    """A chat payload as the proxy hands it over: JSON bytes, sent exactly as they are."""
    return json.dumps(
        {"model": MODEL, "messages": [{"role": "user", "content": text}], **extra}
    ).encode()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_client(url: str, sleeps: list[float], clock: FakeClock):  # type: ignore[no-untyped-def]
    made: list[GroqClient] = []

    async def async_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    def make(**options: Any) -> GroqClient:
        settings: dict[str, Any] = {
            "base_url": url,
            "api_key": SecretStr(KEY),
            "sleep": sleeps.append,
            "async_sleep": async_sleep,
            "jitter": lambda: 0.0,
            "clock": clock,
        }
        client = GroqClient(**(settings | options))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client) -> GroqClient:  # type: ignore[no-untyped-def]
    return make_client()  # type: ignore[no-any-return]


# -- plain calls --------------------------------------------------------------------------


def test_chat_returns_groqs_json_but_not_its_account_wide_rate_limits(
    client: GroqClient, app: Starlette
):
    answer = client.chat(_body("my name is Ada"))
    assert answer.status == 200
    assert answer.json["choices"][0]["message"]["content"] == "You said: my name is Ada"
    assert answer.headers["x-request-id"] == answer.json["x_groq"]["id"]
    # The fake sends all six x-ratelimit-* headers; they count every tenant's traffic.
    assert not [h for h in answer.headers if h.startswith("x-ratelimit-")]
    assert "content-length" not in answer.headers
    (received,) = app.state.received
    assert received.headers["authorization"] == f"Bearer {KEY}"


def test_models_and_a_model_id_with_a_slash(client: GroqClient):
    ids = [m["id"] for m in client.list_models().json["data"]]
    assert "openai/gpt-oss-120b" in ids
    assert client.get_model("openai/gpt-oss-120b").json["id"] == "openai/gpt-oss-120b"


@pytest.mark.parametrize("model_id", ["", "../admin", "a//b", "openai/..", "x\ny"])
def test_get_model_refuses_ids_that_would_change_the_path(client: GroqClient, model_id: str):
    with pytest.raises(InvalidRequest):
        client.get_model(model_id)


def test_transcribe_returns_the_transcript(client: GroqClient, app: Starlette):
    answer = client.transcribe(
        b"Call Ada tomorrow", filename="note.wav", fields={"model": "whisper-large-v3"}
    )
    assert answer.json["text"] == "Call Ada tomorrow"
    assert answer.json["x_groq"]["id"] == answer.headers["x-request-id"]
    text = client.transcribe(
        b"plain", filename="n.wav", fields={"model": "whisper-large-v3", "response_format": "text"}
    )
    assert text.json == "plain"


def test_from_settings_reads_base_url_key_and_retries(url: str):
    settings = Settings(groq_base_url=url, groq_api_key=KEY, groq_max_retries=0, _env_file=None)  # type: ignore[call-arg]
    client = GroqClient.from_settings(settings)
    try:
        assert client.list_models().status == 200
        assert KEY not in repr(client)
    finally:
        client.close()


# -- no key -------------------------------------------------------------------------------


@pytest.mark.parametrize("api_key", [None, "", SecretStr("")])
def test_no_key_is_a_clear_503_and_nothing_is_sent(
    make_client, app: Starlette, api_key: Any
) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(api_key=api_key)
    with pytest.raises(UpstreamUnavailable, match="GROQ_API_KEY is not set") as caught:
        client.chat(_body())
    assert caught.value.status == 503
    assert app.state.received == []
    with pytest.raises(UpstreamUnavailable, match="GROQ_API_KEY"):
        asyncio.run(client.stream_chat(_body()))


# -- Groq's errors pass through -----------------------------------------------------------


def test_groq_errors_pass_through_in_groqs_shape_without_retry(client: GroqClient, app: Starlette):
    with pytest.raises(UpstreamError) as caught:
        client.chat(b'{"model":"no-such-model","messages":[{"role":"user","content":"x"}]}')
    error = caught.value
    assert error.status == 404
    assert error.to_body() == {
        "error": {
            "message": "The model `no-such-model` does not exist or you do not have access to it.",
            "type": "invalid_request_error",
            "code": "model_not_found",
        }
    }
    assert not [h for h in error.headers() if h.startswith("x-ratelimit-")]
    assert "no-such-model" not in str(error)
    assert len(app.state.received) == 1


def test_a_wrong_key_is_groqs_401(make_client) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(api_key="wrong")
    with pytest.raises(UpstreamError) as caught:
        client.list_models()
    assert caught.value.status == 401
    assert caught.value.to_body()["error"]["code"] == "invalid_api_key"


def test_garbage_from_groq_is_a_502(
    client: GroqClient, behaviour: FakeGroqBehaviour, sleeps: list[float]
):
    behaviour.garbage_next(1)
    with pytest.raises(UpstreamError) as caught:
        client.chat(_body())
    assert caught.value.status == 502
    assert caught.value.to_body()["error"]["code"] == "bad_upstream_response"
    assert "html" not in str(caught.value)
    assert sleeps == []


# -- retries ------------------------------------------------------------------------------


def test_429_is_retried_after_retry_after(
    client: GroqClient, behaviour: FakeGroqBehaviour, app: Starlette, sleeps: list[float]
):
    behaviour.fail_next(2, status=429, retry_after=3)
    answer = client.chat(_body("again"))
    assert answer.json["choices"][0]["message"]["content"] == "You said: again"
    assert sleeps == [3.0, 3.0]
    assert len(app.state.received) == 3


def test_a_retry_after_beyond_the_cap_goes_back_to_the_caller(
    make_client, behaviour: FakeGroqBehaviour, sleeps: list[float]
) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(retry_after_cap=5.0)
    behaviour.fail_next(1, status=429, retry_after=30)
    with pytest.raises(UpstreamError) as caught:
        client.chat(_body())
    assert caught.value.status == 429
    assert caught.value.headers()["retry-after"] == "30"
    assert caught.value.to_body()["error"]["code"] == "rate_limit_exceeded"
    assert sleeps == []


def test_5xx_backs_off_exponentially_then_succeeds(
    make_client, behaviour: FakeGroqBehaviour, sleeps: list[float]
) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(max_retries=3)
    behaviour.fail_next(3, status=500)
    assert client.chat(_body()).status == 200
    assert sleeps == [0.5, 1.0, 2.0]


def test_jitter_shortens_the_backoff_by_up_to_a_quarter(
    make_client, behaviour: FakeGroqBehaviour, sleeps: list[float]
) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(jitter=lambda: 0.999, backoff_cap=0.6)
    behaviour.fail_next(2, status=502)
    client.chat(_body())
    assert sleeps == [pytest.approx(0.5 * 0.75, rel=1e-2), pytest.approx(0.6 * 0.75, rel=1e-2)]


def test_retries_exhausted_pass_the_last_error_through(
    client: GroqClient, behaviour: FakeGroqBehaviour, app: Starlette, sleeps: list[float]
):
    behaviour.fail_next(3, status=503)
    with pytest.raises(UpstreamError) as caught:
        client.chat(_body())
    assert caught.value.status == 503
    assert caught.value.to_body()["error"]["type"] == "internal_server_error"
    assert len(app.state.received) == 3
    assert len(sleeps) == 2


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_failures_are_retried_then_503(make_client, sleeps: list[float]) -> None:  # type: ignore[no-untyped-def]
    port = _closed_port()
    client: GroqClient = make_client(base_url=f"http://127.0.0.1:{port}/openai/v1?k=secret")
    with pytest.raises(UpstreamUnavailable) as caught:
        client.list_models()
    assert caught.value.code == "upstream_unreachable"
    assert caught.value.status == 503
    # The origin it tried, so an operator can fix it; never the path or query.
    assert f"at http://127.0.0.1:{port} (" in str(caught.value)
    assert "openai" not in str(caught.value) and "secret" not in str(caught.value)
    assert len(sleeps) == 2


def test_a_slow_groq_times_out_as_503(make_client, behaviour: FakeGroqBehaviour) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(timeout=0.05, max_retries=0)
    behaviour.latency = 0.5
    with pytest.raises(UpstreamUnavailable) as caught:
        client.chat(_body())
    assert caught.value.code == "upstream_timeout"


# -- circuit breaker ----------------------------------------------------------------------


def test_breaker_opens_after_k_failures_and_half_opens_after_cooldown(
    make_client, behaviour: FakeGroqBehaviour, app: Starlette, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(max_retries=0, breaker_threshold=3, breaker_cooldown=10)
    behaviour.fail_next(4, status=500)
    for _ in range(3):
        with pytest.raises(UpstreamError):
            client.chat(_body())
    assert client.breaker_state == "open"
    with pytest.raises(UpstreamUnavailable) as caught:
        client.chat(_body())
    assert caught.value.code == "upstream_circuit_open"
    assert len(app.state.received) == 3  # the open breaker sent nothing

    clock.now += 10
    assert client.breaker_state == "half-open"
    with pytest.raises(UpstreamError):  # the trial meets the fourth scripted failure
        client.chat(_body())
    assert client.breaker_state == "open"
    with pytest.raises(UpstreamUnavailable):
        client.chat(_body())

    clock.now += 10
    assert client.chat(_body()).status == 200  # Groq has recovered: the trial closes it
    assert client.breaker_state == "closed"
    assert client.chat(_body()).status == 200


def test_client_errors_do_not_open_the_breaker(
    make_client,
) -> None:  # type: ignore[no-untyped-def]
    client: GroqClient = make_client(max_retries=0, breaker_threshold=2)
    for _ in range(4):
        with pytest.raises(UpstreamError):
            client.chat(b'{"model":"no-such-model","messages":[{"role":"user","content":"x"}]}')
    assert client.breaker_state == "closed"


# -- streams ------------------------------------------------------------------------------


async def _collect(client: GroqClient, body: bytes) -> list[dict[str, Any]]:
    try:
        stream = await client.stream_chat(body)
        return [chunk async for chunk in stream]
    finally:
        await client.aclose()


def test_stream_yields_groqs_chunks_until_done(
    client: GroqClient, behaviour: FakeGroqBehaviour, app: Starlette
):
    behaviour.chunk_size = 2

    async def run() -> tuple[list[dict[str, Any]], dict[str, str], bool]:
        try:
            stream = await client.stream_chat(_body("<EMAIL_1> ok", stream=True))
            chunks = [chunk async for chunk in stream]
            return chunks, dict(stream.headers), stream.closed
        finally:
            await client.aclose()

    chunks, headers, closed = asyncio.run(run())
    assert closed
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "You said: <EMAIL_1> ok"
    assert chunks[0]["x_groq"]["id"] == headers["x-request-id"]
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert app.state.received[0].json()["stream"] is True
    assert _settled(app, headers["x-request-id"]) == "done"


def test_stream_is_retried_before_it_starts(
    client: GroqClient, behaviour: FakeGroqBehaviour, sleeps: list[float]
):
    behaviour.fail_next(1, status=429, retry_after=1)
    chunks = asyncio.run(_collect(client, _body(stream=True)))
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert sleeps == [1.0]


def test_stream_errors_before_start_raise_groqs_error(client: GroqClient):
    body = b'{"model":"no-such-model","messages":[{"role":"user","content":"x"}],"stream":true}'
    with pytest.raises(UpstreamError) as caught:
        asyncio.run(_collect(client, body))
    assert caught.value.status == 404
    assert caught.value.to_body()["error"]["code"] == "model_not_found"


def test_mid_stream_error_event_raises_with_groqs_body(
    client: GroqClient, behaviour: FakeGroqBehaviour
):
    behaviour.stream_error_after = 1
    with pytest.raises(UpstreamError) as caught:
        asyncio.run(_collect(client, _body("a b c", stream=True)))
    assert caught.value.to_body()["error"]["code"] == "generation_failed"


def test_a_cut_stream_is_a_clean_503(
    client: GroqClient, behaviour: FakeGroqBehaviour, app: Starlette
):
    behaviour.cut_stream_after = 2
    with pytest.raises(UpstreamUnavailable) as caught:
        asyncio.run(_collect(client, _body("a b c", stream=True)))
    assert caught.value.code == "upstream_stream_cut"
    [request_id] = app.state.streams
    assert _settled(app, request_id) == "cut"


def test_a_garbage_stream_is_a_502(client: GroqClient, behaviour: FakeGroqBehaviour):
    behaviour.garbage_next(1)
    with pytest.raises(UpstreamError) as caught:
        asyncio.run(_collect(client, _body(stream=True)))
    assert caught.value.status == 502


def _settled(app: Starlette, request_id: str) -> str:
    """How the fake says a stream ended, once its handler has finished (it may lag the client)."""
    for _ in range(1000):  # bounded; a wait, never a timing assertion
        if app.state.streams.get(request_id) != "open":
            break
        time.sleep(0.01)
    return app.state.streams[request_id]  # type: ignore[no-any-return]


async def _wait_for(predicate: Any) -> None:
    # Bounded by pytest's timeout, not by a wall-clock assertion.
    while not predicate():
        await asyncio.sleep(0.01)


def test_closing_the_stream_cancels_the_upstream_request(
    client: GroqClient, behaviour: FakeGroqBehaviour, app: Starlette
):
    behaviour.chunk_delay = 0.05

    async def run() -> str:
        try:
            stream = await client.stream_chat(_body("a long answer " * 50, stream=True))
            request_id = stream.headers["x-request-id"]
            iterator = aiter(stream)
            await anext(iterator)
            await stream.aclose()
            assert stream.closed
            await _wait_for(lambda: app.state.streams.get(request_id) != "open")
            return app.state.streams[request_id]  # type: ignore[no-any-return]
        finally:
            await client.aclose()

    assert asyncio.run(run()) == "cancelled"


def test_cancelling_the_consumer_task_closes_the_upstream(
    client: GroqClient, behaviour: FakeGroqBehaviour, app: Starlette
):
    behaviour.chunk_delay = 0.05

    async def run() -> tuple[bool, str]:
        stream = await client.stream_chat(_body("a long answer " * 50, stream=True))
        request_id = stream.headers["x-request-id"]
        first = asyncio.Event()

        async def consume() -> None:
            async for _ in stream:
                first.set()

        task = asyncio.create_task(consume())
        await first.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await _wait_for(lambda: app.state.streams.get(request_id) != "open")
        await client.aclose()
        return stream.closed, app.state.streams[request_id]

    assert asyncio.run(run()) == (True, "cancelled")


# -- stream parsing edge cases, on a scripted transport -----------------------------------


@contextlib.contextmanager
def _scripted(body: bytes, content_type: str = "text/event-stream") -> Iterator[str]:
    """A server on loopback that answers every request with `body` as a 200, over real TCP;
    its root URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    answer = (
        f"HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-length: {len(body)}\r\n\r\n"
    ).encode() + body

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                received = b""
                while b"\r\n\r\n" not in received:
                    received += connection.recv(65536)
                head, _, rest = received.partition(b"\r\n\r\n")
                length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))  # type: ignore[union-attr]
                while len(rest) < length:
                    rest += connection.recv(65536)
                connection.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()
        thread.join(timeout=10)


@pytest.mark.parametrize(
    ("wire", "error", "code"),
    [
        (b'data: {"a": 1}\n\ndata: {not json\n\n', UpstreamError, "bad_upstream_response"),
        (b'data: {"a": 1}\n\n', UpstreamUnavailable, "upstream_stream_cut"),
        (b'data: {"error": {"message": "m", "type": "t"}}\n\n', UpstreamError, "upstream_error"),
        (b"event: error\ndata: oops\n\n", UpstreamError, "upstream_error"),
    ],
)
def test_bad_streams_raise_precise_errors(
    make_client, wire: bytes, error: type[Exception], code: str
) -> None:  # type: ignore[no-untyped-def]
    with _scripted(wire) as url, pytest.raises(error) as caught:
        asyncio.run(_collect(make_client(base_url=url), _body(stream=True)))
    body = caught.value.to_body()  # type: ignore[attr-defined]
    if code == "upstream_error" and b"message" in wire:
        assert body == {"error": {"message": "m", "type": "t"}}
    else:
        assert body["error"]["code"] == code


def test_crlf_framing_and_comments_parse(make_client) -> None:  # type: ignore[no-untyped-def]
    wire = b': keep-alive\r\n\r\ndata: {"n": 1}\r\n\r\ndata: {"n": 2}\r\n\r\ndata: [DONE]\r\n\r\n'
    with _scripted(wire) as url:
        assert asyncio.run(_collect(make_client(base_url=url), _body(stream=True))) == [
            {"n": 1},
            {"n": 2},
        ]


def test_payloads_go_out_byte_for_byte(client: GroqClient, app: Starlette) -> None:
    """The outbound guard checks the exact bytes; re-encoding them would send other bytes."""
    payload = b'{ "model" : "%s",\n "messages": [{"role": "user", "content": "caf\\u00e9"}] }'
    sync, streamed = (
        payload % MODEL.encode(),
        payload.replace(b"] }", b'], "stream": true }') % (MODEL.encode()),
    )
    assert client.chat(sync).status == 200
    assert asyncio.run(_collect(client, streamed))
    assert [r.body for r in app.state.received] == [sync, streamed]


def test_one_client_serves_successive_event_loops(client: GroqClient):
    """A pool belongs to its loop: a second loop (a second server, a test portal) gets its own."""

    async def once() -> int:
        stream = await client.stream_chat(_body(stream=True))
        async with stream:
            return len([chunk async for chunk in stream])

    assert asyncio.run(once()) > 0
    assert asyncio.run(once()) > 0


# -- egress proxies from the environment --------------------------------------------------


class _CapturingProxy:
    """A forward proxy that records the request line it is sent and answers 502."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        with self._server:
            self._server.settimeout(10)
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                return
            with connection:
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    head += chunk
                self.lines.append(head.split(b"\r\n", 1)[0].decode())
                connection.sendall(
                    b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                )


def test_an_egress_proxy_named_in_the_environment_carries_the_calls(
    make_client, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    proxy = _CapturingProxy()
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client: GroqClient = make_client(base_url="http://groq.invalid", max_retries=0)
    with pytest.raises(UpstreamError):
        client.chat(_body())
    assert proxy.lines == ["POST http://groq.invalid/openai/v1/chat/completions HTTP/1.1"]


def test_no_proxy_exempts_groqs_host(
    make_client, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    proxy = _CapturingProxy()
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    client: GroqClient = make_client()
    assert client.chat(_body()).status == 200
    assert proxy.lines == []
