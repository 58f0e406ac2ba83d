"""Upstreams by configuration, over two fake Groqs on real HTTP: one base URL for every call,
failover that sends the same bytes, and settings that refuse a bad base URL in one line."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from pydantic import SecretStr, ValidationError
from starlette.applications import Starlette
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.adapters.conftest import FAKE_GROQ_KEY
from vault.adapters.groq_client import GroqClient
from vault.adapters.upstream import (
    GROQ,
    OPENAI_COMPATIBLE,
    FailoverClient,
    UpstreamClient,
    dialect_for,
)
from vault.errors import UpstreamError, UpstreamUnavailable
from vault.fakegroq import FakeGroqBehaviour, create_fake_groq_app, serve_in_thread
from vault.settings import Settings, describe_error
from vault.wiring import build_llm_client

KEY = FAKE_GROQ_KEY
MODEL = "llama-3.3-70b-versatile"
PREFIX = "/gateway/groq"


def _body(text: str = "hello <PERSON_0123456789>", **extra: Any) -> bytes:
    # Spacing and escapes a re-encoding would change: what leaves must be these bytes.
    return json.dumps(
        {"model": MODEL, "messages": [{"role": "user", "content": text}], **extra}, indent=1
    ).encode()


class _Prefixed:
    """A fake Groq served under a path prefix, as a gateway serves an API; anything outside
    the prefix is a 404, so a client that drops the base URL's path fails."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix
        self.paths: list[str] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            self.paths.append(path)
            if not path.startswith(self.prefix + "/"):
                await send({"type": "http.response.start", "status": 404, "headers": []})
                await send({"type": "http.response.body", "body": b""})
                return
            inner = path[len(self.prefix) :]
            scope = {**scope, "path": inner, "raw_path": inner.encode()}
        await self.app(scope, receive, send)


class Fake:
    def __init__(self, app: Starlette, url: str, front: _Prefixed) -> None:
        self.app, self.url, self.front = app, url, front

    @property
    def base(self) -> str:
        """The OpenAI-style base URL of this fake: its prefix and version path included."""
        return f"{self.url}{PREFIX}/openai/v1"

    @property
    def behaviour(self) -> FakeGroqBehaviour:
        return self.app.state.behaviour  # type: ignore[no-any-return]

    @property
    def bodies(self) -> list[bytes]:
        return [r.body for r in self.app.state.received]


@pytest.fixture(scope="module")
def _served() -> Iterator[tuple[Fake, Fake]]:
    fakes = []
    with serve_in_thread(_front(fakes, "a")) as url_a, serve_in_thread(_front(fakes, "b")) as url_b:
        (app_a, front_a), (app_b, front_b) = fakes
        yield Fake(app_a, url_a, front_a), Fake(app_b, url_b, front_b)


def _front(fakes: list[tuple[Starlette, _Prefixed]], _name: str) -> _Prefixed:
    app = create_fake_groq_app(api_key=KEY)
    front = _Prefixed(app, PREFIX)
    fakes.append((app, front))
    return front


@pytest.fixture
def fakes(_served: tuple[Fake, Fake]) -> tuple[Fake, Fake]:
    for fake in _served:
        fake.behaviour.reset()
        fake.app.state.received.clear()
        fake.front.paths.clear()
    return _served


@pytest.fixture
def a(fakes: tuple[Fake, Fake]) -> Fake:
    return fakes[0]


@pytest.fixture
def b(fakes: tuple[Fake, Fake]) -> Fake:
    return fakes[1]


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def make(sleeps: list[float]) -> Iterator[Any]:
    made: list[UpstreamClient] = []

    async def async_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    def make(base_url: str, **options: Any) -> UpstreamClient:
        settings: dict[str, Any] = {
            "base_url": base_url,
            "api_key": SecretStr(KEY),
            "sleep": sleeps.append,
            "async_sleep": async_sleep,
            "jitter": lambda: 0.0,
        }
        client = UpstreamClient(**(settings | options))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _dead() -> str:
    """A base URL on a port nothing listens on: connections are refused."""
    return f"http://127.0.0.1:{_closed_port()}/openai/v1"


def _failover(make: Any, primary: str, fallback: str, **primary_options: Any) -> FailoverClient:
    # As the wiring builds it: the primary does not retry a refused connection.
    options = {"retry_unreachable": False, **primary_options}
    return FailoverClient(make(primary, **options), make(fallback, name="fallback", max_retries=0))


async def _stream(client: Any, body: bytes) -> tuple[str, list[dict[str, Any]]]:
    try:
        stream = await client.stream_chat(body)
        async with stream:
            return stream.upstream, [chunk async for chunk in stream]
    finally:
        await client.aclose()


# -- one base URL for every call ----------------------------------------------------------


def test_a_base_url_path_prefix_is_honoured_by_sync_stream_models_and_audio(
    make: Any, a: Fake
) -> None:
    client = make(a.base)
    assert client.chat(_body()).json["choices"][0]["message"]["content"].startswith("You said")
    upstream, chunks = asyncio.run(_stream(client, _body(stream=True)))
    assert upstream == "primary" and chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert any(m["id"] == "openai/gpt-oss-120b" for m in client.list_models().json["data"])
    assert client.get_model("openai/gpt-oss-120b").json["id"] == "openai/gpt-oss-120b"
    spoken = client.transcribe(b"Call Ada", filename="a.wav", fields={"model": "whisper-large-v3"})
    assert spoken.json["text"] == "Call Ada"
    base = f"{PREFIX}/openai/v1"
    assert a.front.paths == [
        f"{base}/chat/completions",
        f"{base}/chat/completions",
        f"{base}/models",
        f"{base}/models/openai/gpt-oss-120b",
        f"{base}/audio/transcriptions",
    ]


def test_the_settings_base_url_reaches_the_client_with_its_path(a: Fake) -> None:
    settings = Settings(upstream_url=a.base + "/", upstream_api_key=KEY, _env_file=None)  # type: ignore[call-arg]
    client = build_llm_client(settings)
    try:
        assert isinstance(client, UpstreamClient)
        assert client.chat(_body()).upstream == "primary"
        assert a.front.paths == [f"{PREFIX}/openai/v1/chat/completions"]
        assert KEY not in repr(client)
    finally:
        client.close()


def test_groq_client_keeps_its_host_root_base(a: Fake) -> None:
    client = GroqClient(base_url=a.url + PREFIX, api_key=KEY)
    try:
        assert client.list_models().status == 200
        assert a.front.paths == [f"{PREFIX}/openai/v1/models"]
    finally:
        client.close()


def test_the_dialect_follows_the_host() -> None:
    assert dialect_for("https://api.groq.com/openai/v1") is GROQ
    assert dialect_for("http://localhost:11434/v1") is OPENAI_COMPATIBLE


def test_an_upstream_that_needs_no_key_gets_no_authorization(make: Any) -> None:
    app = create_fake_groq_app(api_key=None)
    with serve_in_thread(app) as url:
        client = make(url + "/openai/v1", api_key=None, dialect=OPENAI_COMPATIBLE)
        assert client.chat(_body()).status == 200
    assert "authorization" not in app.state.received[0].headers


# -- failover -----------------------------------------------------------------------------


def test_primary_refusing_connections_fails_over_with_the_same_bytes(
    make: Any, b: Fake, sleeps: list[float]
) -> None:
    client = _failover(make, _dead(), b.base)
    payload, streamed = _body(), _body(stream=True)
    answer = client.chat(payload)
    assert answer.status == 200 and answer.upstream == "fallback"
    upstream, chunks = asyncio.run(_stream(client, streamed))
    assert upstream == "fallback" and chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert b.bodies == [payload, streamed]
    assert sleeps == []  # a refused connection goes to the fallback at once


def test_primary_5xx_after_its_retries_fails_over(
    make: Any, a: Fake, b: Fake, sleeps: list[float]
) -> None:
    client = _failover(make, a.base, b.base)
    a.behaviour.fail_next(3, status=503)
    payload = _body()
    assert client.chat(payload).upstream == "fallback"
    assert a.bodies == [payload] * 3  # first try and two retries, then the fallback
    assert b.bodies == [payload]
    assert len(sleeps) == 2

    a.behaviour.fail_next(3, status=500)
    streamed = _body(stream=True)
    assert asyncio.run(_stream(client, streamed))[0] == "fallback"
    assert b.bodies[-1] == streamed == a.bodies[-1]


def test_a_garbage_answer_from_the_primary_fails_over(make: Any, a: Fake, b: Fake) -> None:
    client = _failover(make, a.base, b.base, max_retries=0)
    a.behaviour.garbage_next(1)
    assert client.chat(_body()).upstream == "fallback"


@pytest.mark.parametrize("status", [400, 401, 404, 422, 429])
def test_a_4xx_from_the_primary_is_not_failed_over(
    make: Any, a: Fake, b: Fake, status: int
) -> None:
    client = _failover(make, a.base, b.base, max_retries=0)
    a.behaviour.fail_next(2, status=status)
    with pytest.raises(UpstreamError) as caught:
        client.chat(_body())
    assert caught.value.status == status
    with pytest.raises(UpstreamError):
        asyncio.run(_stream(client, _body(stream=True)))
    assert b.bodies == []


def test_an_unknown_model_is_the_callers_problem_not_a_failover(
    make: Any, a: Fake, b: Fake
) -> None:
    client = _failover(make, a.base, b.base)
    with pytest.raises(UpstreamError) as caught:
        client.get_model("no-such-model")
    assert caught.value.status == 404
    assert b.bodies == []


def test_an_open_breaker_fails_over_without_calling_the_primary(
    make: Any, a: Fake, b: Fake
) -> None:
    client = _failover(make, a.base, b.base, max_retries=0, breaker_threshold=1)
    a.behaviour.fail_next(1, status=500)
    assert client.chat(_body()).upstream == "fallback"
    assert client.primary.breaker_state == "open"
    sent = len(a.bodies)
    assert client.chat(_body()).upstream == "fallback"
    assert asyncio.run(_stream(client, _body(stream=True)))[0] == "fallback"
    assert len(a.bodies) == sent  # the open breaker sent nothing
    with pytest.raises(UpstreamUnavailable) as caught:
        client.primary.chat(_body())
    # The breaker is named by its upstream.
    assert f"at {a.url}" in str(caught.value) and "breaker is open" in str(caught.value)


def test_both_down_is_a_503_naming_each_origin_and_why(make: Any, b: Fake) -> None:
    dead = _dead()
    client = _failover(make, dead + "?k=secret-in-query", b.base)
    b.behaviour.fail_next(2, status=503)
    for call in (
        lambda: client.chat(_body()),
        lambda: asyncio.run(_stream(client, _body(stream=True))),
    ):
        with pytest.raises(UpstreamUnavailable) as caught:
            call()
        message = str(caught.value)
        assert caught.value.status == 503 and caught.value.code == "upstreams_unavailable"
        origin_a = dead.removesuffix("/openai/v1")
        assert f"primary {origin_a} could not be reached" in message
        assert f"fallback {b.url} answered 503" in message
        assert "openai" not in message and "gateway" not in message
        assert "secret" not in message and KEY not in message


def test_a_fallback_4xx_comes_back_as_it_is(make: Any, b: Fake) -> None:
    client = _failover(make, _dead(), b.base)
    b.behaviour.fail_next(1, status=400)
    with pytest.raises(UpstreamError) as caught:
        client.chat(_body())
    assert caught.value.status == 400


def test_a_primary_with_no_key_fails_over(make: Any, b: Fake, a: Fake) -> None:
    client = FailoverClient(make(a.base, api_key=None, dialect=GROQ), make(b.base, name="fallback"))
    assert client.chat(_body()).upstream == "fallback"
    assert a.bodies == []


def test_the_wiring_fails_over_to_the_fallback_url(b: Fake) -> None:
    settings = Settings(  # type: ignore[call-arg]
        upstream_url=_dead(),
        upstream_api_key="primary-key-never-sent-elsewhere",
        fallback_url=b.base,
        fallback_api_key=KEY,
        _env_file=None,
    )
    client = build_llm_client(settings)
    try:
        assert isinstance(client, FailoverClient)
        assert client.chat(_body()).upstream == "fallback"
        assert b.app.state.received[-1].headers["authorization"] == f"Bearer {KEY}"
    finally:
        client.close()


# -- settings -----------------------------------------------------------------------------


def _settings(**env: str) -> Settings:
    return Settings(_env_file=None, **env)  # type: ignore[call-arg]


def test_the_default_upstream_is_groq_with_its_version_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VAULT_UPSTREAM_URL", raising=False)
    monkeypatch.delenv("VAULT_GROQ_BASE_URL", raising=False)
    settings = _settings()
    assert settings.resolved_upstream_url == "https://api.groq.com/openai/v1"
    assert settings.deprecations() == []


def test_variables_name_the_upstream_and_its_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAULT_UPSTREAM_URL", "http://localhost:11434/v1/")
    monkeypatch.setenv("GROQ_API_KEY", "groq-key")
    monkeypatch.setenv("VAULT_FALLBACK_URL", "https://api.groq.com/openai/v1")
    monkeypatch.setenv("VAULT_FALLBACK_API_KEY", "fallback-key")
    settings = _settings()
    assert settings.resolved_upstream_url == "http://localhost:11434/v1"
    assert settings.resolved_upstream_api_key == SecretStr("groq-key")  # the fallback to it
    monkeypatch.setenv("VAULT_UPSTREAM_API_KEY", "upstream-key")
    assert _settings().resolved_upstream_api_key == SecretStr("upstream-key")
    assert settings.fallback_url == "https://api.groq.com/openai/v1"
    assert settings.fallback_api_key == SecretStr("fallback-key")


def test_the_old_groq_base_url_keeps_working_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VAULT_UPSTREAM_URL", raising=False)
    monkeypatch.setenv("VAULT_GROQ_BASE_URL", "http://gateway.internal:8080/groq")
    settings = _settings()
    assert settings.resolved_upstream_url == "http://gateway.internal:8080/groq/openai/v1"
    (warning,) = settings.deprecations()
    assert "VAULT_GROQ_BASE_URL is deprecated" in warning and "VAULT_UPSTREAM_URL" in warning
    monkeypatch.setenv("VAULT_UPSTREAM_URL", "http://other/v1")
    assert "ignored" in _settings().deprecations()[0]


def test_the_cli_warns_of_the_old_variable_at_start_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from vault.cli import load_settings

    monkeypatch.delenv("VAULT_UPSTREAM_URL", raising=False)
    monkeypatch.setenv("VAULT_GROQ_BASE_URL", "https://api.groq.com")
    load_settings(_env_file=None)
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("vault: warning: VAULT_GROQ_BASE_URL is deprecated")


@pytest.mark.parametrize(
    "variable", ["VAULT_UPSTREAM_URL", "VAULT_FALLBACK_URL", "VAULT_GROQ_BASE_URL"]
)
@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("api.groq.com/openai/v1", "http:// or https:// URL with a host"),
        ("ftp://api.groq.com/v1", "http:// or https:// URL with a host"),
        ("https:///v1", "http:// or https:// URL with a host"),
        ("https://api.groq.com/openai/v1?key=gsk_secret", "query string or fragment"),
        ("https://api.groq.com/openai/v1?", "query string or fragment"),
        ("https://api.groq.com/openai/v1#gsk_secret", "query string or fragment"),
        ("https://me:gsk_secret@api.groq.com/openai/v1", "credentials"),
        ("https://api.groq.com:99999/v1", "port"),
    ],
)
def test_a_bad_base_url_is_one_line_naming_the_variable_never_its_value(
    monkeypatch: pytest.MonkeyPatch, variable: str, url: str, says: str
) -> None:
    for name in ("VAULT_UPSTREAM_URL", "VAULT_FALLBACK_URL", "VAULT_GROQ_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, url)
    with pytest.raises(ValidationError) as caught:
        _settings()
    line = describe_error(caught.value)
    assert line.startswith(f"invalid setting {variable}: ") and says in line
    assert "\n" not in line and "secret" not in line and "groq.com" not in line


def test_the_cli_stops_on_a_bad_base_url_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from vault.cli import load_settings

    monkeypatch.setenv("VAULT_FALLBACK_URL", "https://fallback.example/v1?token=sk-secret")
    with pytest.raises(typer.Exit):
        load_settings(_env_file=None)
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("vault: invalid setting VAULT_FALLBACK_URL:")
    assert "sk-secret" not in line


# -- VAULT_UPSTREAMS_FILE ---------------------------------------------------------------------

_GOOD = """
upstreams:
  - name: groq
    url: https://api.groq.com/openai/v1
    api_key_env: GROQ_API_KEY
    models: ["llama-*", "openai/*"]
    priority: 10
  - name: local
    url: http://localhost:11434/v1/
    priority: 20
  - name: gateway
    url: https://gateway.example/v1
    api_key_env: VAULT_TEST_GATEWAY_KEY
    models: ["llama-*"]
    priority: 10
"""


def _upstreams_settings(tmp_path: Any, text: str, **extra: Any) -> Settings:
    path = tmp_path / "upstreams.yaml"
    path.write_text(text)
    return Settings(upstreams_file=path, _env_file=None, **extra)  # type: ignore[call-arg]


def test_upstreams_file_routes_each_model_by_pattern_then_priority(tmp_path: Any) -> None:
    config = _upstreams_settings(tmp_path, _GOOD).upstreams
    assert config is not None
    assert [s.name for s in config.route("llama-3.1-8b-instant")] == ["groq", "gateway", "local"]
    assert [s.name for s in config.route("openai/gpt-oss-20b")] == ["groq", "local"]
    assert [s.name for s in config.route("qwen/qwen3-32b")] == ["local"]
    assert config.upstreams[1].url == "http://localhost:11434/v1"  # trailing slash dropped
    assert not config.any_model_anywhere


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "upstreams:\n  - {name: a, url: api.example.com/v1}\n",
            "upstreams[0].url: must be an http:// or https:// URL with a host",
        ),
        (
            "upstreams:\n  - {name: a, url: 'https://h.example/v1?key=sk-secret-1'}\n",
            "upstreams[0].url: must not have a query string or fragment",
        ),
        (
            "upstreams:\n  - {name: a, url: 'https://h.example/v1'}\n"
            "  - {name: b, url: 'https://h.example/v1', modles: ['*']}\n",
            "upstreams[1].modles: unknown key",
        ),
        ("upstream:\n  - {name: a, url: 'https://h.example/v1'}\n", "upstream: unknown key"),
        (
            "upstreams:\n  - {name: a, url: 'https://h.example/v1', api_key: sk-secret-1}\n",
            "upstreams[0].api_key: a key never goes in this file",
        ),
        (
            "upstreams:\n  - {name: a, url: 'https://h.example/v1', api_key_env: sk-secret-1}\n",
            "upstreams[0].api_key_env: must be the name of an environment variable",
        ),
        (
            "upstreams:\n  - {name: a, url: 'https://h.example/v1'}\n"
            "  - {name: a, url: 'https://i.example/v1'}\n",
            "upstreams: the name a is given twice",
        ),
        ("upstreams:\n  - {url: 'https://h.example/v1'}\n", "upstreams[0].name: is required"),
        ("upstreams: [\n", "is not valid YAML at line 2"),
        ("just text\n", "must be a mapping with an `upstreams` list"),
    ],
)
def test_a_bad_upstreams_file_is_one_line_naming_the_entry_never_the_value(
    tmp_path: Any, text: str, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _upstreams_settings(tmp_path, text)
    line = describe_error(caught.value)
    assert line.startswith("invalid setting VAULT_UPSTREAMS_FILE: " + expected), line
    assert "\n" not in line
    assert "sk-secret-1" not in line and "h.example" not in line


def test_upstreams_file_excludes_the_single_upstream_variables(tmp_path: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        _upstreams_settings(tmp_path, _GOOD, fallback_url="https://backup.example/v1")
    assert "unset VAULT_UPSTREAM_URL" in describe_error(caught.value)
    with pytest.raises(ValidationError) as caught:
        Settings(upstreams_file=tmp_path / "absent.yaml", _env_file=None)  # type: ignore[call-arg]
    assert describe_error(caught.value) == (
        "invalid setting VAULT_UPSTREAMS_FILE: cannot be read (FileNotFoundError)"
    )


def test_routed_clients_take_their_keys_from_the_variables_named(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vault.adapters.upstream import RoutedClient

    monkeypatch.setenv("VAULT_TEST_GATEWAY_KEY", "gw-key")
    settings = _upstreams_settings(tmp_path, _GOOD, groq_api_key="groq-key")
    client = build_llm_client(settings)
    assert isinstance(client, RoutedClient)
    by_name = {c.name: c for c in client.clients}
    assert [c.name for c in client.clients] == ["groq", "gateway", "local"]
    assert by_name["groq"]._auth() == {"authorization": "Bearer groq-key"}
    assert by_name["gateway"]._auth() == {"authorization": "Bearer gw-key"}
    assert by_name["local"]._auth() == {}  # no variable named: no key sent
    assert "gw-key" not in repr(client) and "groq-key" not in repr(client)
    monkeypatch.delenv("VAULT_TEST_GATEWAY_KEY")
    unset = build_llm_client(settings)
    assert isinstance(unset, RoutedClient)
    gateway = next(c for c in unset.clients if c.name == "gateway")
    assert gateway._api_key is None  # the generic dialect sends none; Groq's would refuse (503)
