"""Failover through the vault: with the primary refusing connections, the fallback answers
and what reaches it is still tokenized; with both down the caller gets a 503 naming both."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import openai
import pytest

from tests.e2e.conftest import GROQ_KEY, Proxy, Upstream, start_proxy
from tests.e2e.test_proxy_chat import (
    EMAIL,
    MODEL,
    NAME,
    PROMPT,
    TOKEN,
    assert_no_values,
    openai_sdk,
    streamed_text,
)
from tests.e2e.test_proxy_faults import wait_for
from tests.fakes import RegexDetector
from vault.api import create_app
from vault.fakegroq import create_fake_groq_app, serve_in_thread
from vault.ports import Detector
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import build_vault


def _refusing() -> str:
    """The root URL of a port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture(scope="module")
def failing_over(
    upstream: Upstream, real_detector: Detector, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Proxy]:
    with ExitStack() as stack:
        yield start_proxy(
            stack,
            tmp_path_factory.mktemp("failover"),
            groq_url=_refusing(),
            fallback_url=upstream.url,
            detector=real_detector,
        )


@pytest.mark.parametrize("stream", [False, True])
def test_a_chat_fails_over_and_is_still_tokenized(
    failing_over: Proxy, upstream: Upstream, stream: bool
) -> None:
    mark = len(upstream.received)
    client = openai_sdk(failing_over, "reidentifier")
    messages = [{"role": "user", "content": PROMPT}]
    if stream:
        text = streamed_text(
            client.chat.completions.create(model=MODEL, messages=messages, stream=True)  # type: ignore[arg-type]
        )
    else:
        answer = client.chat.completions.create(model=MODEL, messages=messages)  # type: ignore[arg-type]
        text = answer.choices[0].message.content or ""
    (received,) = upstream.received[mark:]
    assert received.path == "/openai/v1/chat/completions"
    assert_no_values(received.body)
    assert TOKEN.search(received.body.decode())
    # The reidentifier gets the values back from the fallback's echo.
    assert NAME in text and EMAIL in text


def test_both_upstreams_down_is_a_503_naming_both(
    upstream: Upstream, real_detector: Detector, tmp_path: Path
) -> None:
    primary, fallback = _refusing(), _refusing()
    with ExitStack() as stack:
        proxy = start_proxy(
            stack, tmp_path, groq_url=primary, fallback_url=fallback, detector=real_detector
        )
        mark = len(upstream.received)
        with pytest.raises(openai.InternalServerError) as caught:
            openai_sdk(proxy, "analyst").chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": PROMPT}]
            )
    assert caught.value.status_code == 503
    message = caught.value.message
    assert f"primary {primary} could not be reached" in message
    assert f"fallback {fallback} could not be reached" in message
    assert_no_values(message.encode())
    assert len(upstream.received) == mark


# -- several upstreams from VAULT_UPSTREAMS_FILE ------------------------------------------------

SECOND_KEY = "gsk_second_upstream_key"
FAST = "llama-3.1-8b-instant"
BIG = "openai/gpt-oss-120b"


@pytest.fixture(scope="module")
def second() -> Iterator[Upstream]:
    """A second fake Groq, with its own key."""
    app = create_fake_groq_app(api_key=SECOND_KEY)
    with serve_in_thread(app) as url:
        yield Upstream(app=app, url=url)


def start_routed(
    stack: ExitStack,
    data_dir: Path,
    upstreams: str,
    *,
    detector: Detector,
    environ: dict[str, str] | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> Proxy:
    """A served vault whose upstreams are listed in an upstreams file with text `upstreams`."""
    if monkeypatch is not None:
        for name, value in (environ or {}).items():
            monkeypatch.setenv(name, value)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "upstreams.yaml"
    path.write_text(upstreams)
    settings = Settings(  # type: ignore[call-arg]
        data_dir=data_dir,
        upstreams_file=path,
        groq_api_key=GROQ_KEY,
        groq_max_retries=1,
        _env_file=None,
    )
    vault = build_vault(settings, detector_override=detector)
    stack.callback(vault.close)
    url = stack.enter_context(serve_in_thread(create_app(vault=vault)))
    proxy = Proxy(vault=vault, url=url)
    for role in ("analyst", "reidentifier"):
        _, proxy.keys[role] = create_api_key(vault.api_keys, tenant="acme", roles=[role])
    return proxy


def _proxy_records(proxy: Proxy, count: int) -> list[Any]:
    """The `proxy.request` events, once there are `count` (a completed request's record is
    stored just after its answer has gone)."""

    def events() -> list[Any]:
        records = proxy.vault.audit.records("acme")
        return [r.event for r in records if r.event.action == "proxy.request"]

    assert wait_for(lambda: len(events()) >= count)
    return events()


ROUTED_PROMPT = "Write to Ada Lovelace at ada@example.com about card 4111 1111 1111 1111."
ROUTED_VALUES = ("Ada Lovelace", "ada@example.com", "4111 1111 1111 1111")


@pytest.fixture(scope="module")
def routed(
    upstream: Upstream, second: Upstream, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Proxy]:
    """`first` (the session's fake, GROQ_API_KEY) serves llama models only; `second` (its own
    key, from a variable the file names) serves every model, tried after `first`."""
    mp = pytest.MonkeyPatch()
    mp.setenv("VAULT_TEST_SECOND_KEY", SECOND_KEY)
    with ExitStack() as stack:
        stack.callback(mp.undo)
        yield start_routed(
            stack,
            tmp_path_factory.mktemp("routed"),
            f"""
upstreams:
  - name: second
    url: {second.url}/openai/v1
    api_key_env: VAULT_TEST_SECOND_KEY
    priority: 20
  - name: first
    url: {upstream.url}/openai/v1
    api_key_env: GROQ_API_KEY
    models: ["llama-*"]
    priority: 10
""",
            detector=RegexDetector(),
        )


def _ask(proxy: Proxy, model: str, *, stream: bool = False, role: str = "reidentifier") -> str:
    client = openai_sdk(proxy, role)
    messages = [{"role": "user", "content": ROUTED_PROMPT}]
    if stream:
        return streamed_text(
            client.chat.completions.create(model=model, messages=messages, stream=True)  # type: ignore[arg-type]
        )
    answer = client.chat.completions.create(model=model, messages=messages)  # type: ignore[arg-type]
    return answer.choices[0].message.content or ""


@pytest.mark.parametrize("stream", [False, True])
def test_each_model_goes_to_the_upstreams_that_serve_it_in_priority_order(
    routed: Proxy, upstream: Upstream, second: Upstream, stream: bool
) -> None:
    first_mark, second_mark = len(upstream.received), len(second.received)
    audited = len(_proxy_records(routed, 0))
    _ask(routed, FAST, stream=stream)  # llama: `first` (priority 10) serves it
    assert len(upstream.received) == first_mark + 1
    assert len(second.received) == second_mark
    _ask(routed, BIG, stream=stream)  # not llama: only `second` serves it
    assert len(upstream.received) == first_mark + 1
    assert len(second.received) == second_mark + 1
    for raw in (upstream.bodies_since(first_mark), second.bodies_since(second_mark)):
        assert_no_values(raw, ROUTED_VALUES)
        assert TOKEN.search(raw.decode())
    # The second upstream got the key its variable holds (it refuses any other).
    assert second.received[-1].headers["authorization"] == f"Bearer {SECOND_KEY}"
    upstreams = [e.details["upstream"] for e in _proxy_records(routed, audited + 2)[audited:]]
    assert sorted(upstreams) == ["first", "second"]  # a stream's record lands as it ends


@pytest.mark.parametrize("stream", [False, True])
def test_failover_sends_the_same_bytes_and_audits_who_answered(
    routed: Proxy, upstream: Upstream, second: Upstream, stream: bool
) -> None:
    first_mark, second_mark = len(upstream.received), len(second.received)
    audited = len(_proxy_records(routed, 0))
    upstream.behaviour.fail_next(2, status=503)  # `first` fails its try and its one retry
    text = _ask(routed, FAST, stream=stream)
    tried = upstream.received[first_mark:]
    (answered,) = second.received[second_mark:]
    assert len(tried) == 2
    assert {r.body for r in tried} == {answered.body}  # failing over changed nothing that left
    assert_no_values(answered.body, ROUTED_VALUES)
    assert "Ada Lovelace" in text  # the reidentifier gets the values back from the echo
    (record,) = _proxy_records(routed, audited + 1)[audited:]
    assert record.details["upstream"] == "second"


def test_a_model_no_upstream_serves_is_a_404_and_nothing_leaves(
    routed: Proxy, upstream: Upstream, second: Upstream, tmp_path: Path
) -> None:
    with ExitStack() as stack:
        llama_only = start_routed(
            stack,
            tmp_path,
            f"upstreams:\n  - name: first\n    url: {upstream.url}/openai/v1\n"
            f"    api_key_env: GROQ_API_KEY\n    models: [llama-*]\n",
            detector=RegexDetector(),
        )
        mark = len(upstream.received)
        with pytest.raises(openai.NotFoundError) as caught:
            _ask(llama_only, BIG, role="analyst")
        assert len(upstream.received) == mark
        error = caught.value.body
        assert isinstance(error, dict)
        assert error["code"] == "model_not_found"
        assert error["param"] == "model"
        assert BIG not in caught.value.message
        (record,) = _proxy_records(llama_only, 1)
        assert record.outcome == "error"
        assert record.details["error"] == "model_not_found"


def test_every_upstream_down_is_a_503_naming_each_and_audited(
    upstream: Upstream, tmp_path: Path
) -> None:
    down, also_down = _refusing(), _refusing()
    with ExitStack() as stack:
        proxy = start_routed(
            stack,
            tmp_path,
            f"upstreams:\n  - name: east\n    url: {down}/v1\n    priority: 1\n"
            f"  - name: west\n    url: {also_down}/v1\n    api_key_env: GROQ_API_KEY\n"
            f"    priority: 2\n",
            detector=RegexDetector(),
        )
        mark = len(upstream.received)
        with pytest.raises(openai.InternalServerError) as caught:
            _ask(proxy, FAST, role="analyst")
        assert caught.value.status_code == 503
        message = caught.value.message
        assert f"east {down} could not be reached" in message
        assert f"west {also_down} could not be reached" in message
        assert message.index("east") < message.index("west")  # tried in priority order
        assert GROQ_KEY not in message
        assert_no_values(message.encode(), ROUTED_VALUES)
        assert len(upstream.received) == mark
        (record,) = _proxy_records(proxy, 1)
        assert (record.outcome, record.details["error"]) == ("error", "upstreams_unavailable")


def test_models_are_the_union_of_what_each_upstream_serves(routed: Proxy) -> None:
    listed = {m.id for m in openai_sdk(routed, "analyst").models.list()}
    # `first` lists every fake model but serves only llama ones; `second` serves all.
    assert FAST in listed and BIG in listed and "qwen/qwen3-32b" in listed
