"""The redacted proxy under bad input and upstream faults: Groq-shaped errors, nothing leaked."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import groq
import httpx
import openai
import pytest

from tests.e2e.conftest import Proxy, Upstream, start_proxy
from tests.e2e.test_proxy_chat import MODEL, PROMPT, VALUES, assert_no_values, groq_sdk, openai_sdk
from tests.fakes import RegexDetector
from vault.domain.spans import Span
from vault.errors import ServiceUnavailable
from vault.ports import Detector

CHAT = "/openai/v1/chat/completions"


def assert_groq_error(response: httpx.Response, status: int) -> dict[str, str]:
    assert response.status_code == status
    error = response.json()["error"]
    assert isinstance(error["message"], str)
    assert error["message"]
    assert isinstance(error["type"], str)
    return error  # type: ignore[no-any-return]


@pytest.fixture
def http(proxy: Proxy) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=proxy.url, timeout=30) as client:
        yield client


def auth(proxy: Proxy, role: str = "analyst") -> dict[str, str]:
    return {"authorization": f"Bearer {proxy.keys[role]}"}


# -- callers ------------------------------------------------------------------------------------


def test_missing_key_is_401(proxy: Proxy, upstream: Upstream, http: httpx.Client) -> None:
    mark = len(upstream.received)
    response = http.post(
        CHAT, json={"model": MODEL, "messages": [{"role": "user", "content": PROMPT}]}
    )
    assert assert_groq_error(response, 401)["type"] == "invalid_request_error"
    assert len(upstream.received) == mark


@pytest.mark.parametrize("key", ["vk_nope", "vk_aaaaaaaaaaaa_" + "A" * 43, "gsk_test_upstream_key"])
def test_wrong_key_is_401_with_both_sdks(key: str, proxy: Proxy, upstream: Upstream) -> None:
    mark = len(upstream.received)
    with (
        groq.Groq(base_url=proxy.url, api_key=key, max_retries=0) as groq_client,
        openai.OpenAI(base_url=proxy.url + "/openai/v1", api_key=key, max_retries=0) as oai,
    ):
        with pytest.raises(groq.AuthenticationError):
            groq_client.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": PROMPT}]
            )
        with pytest.raises(openai.AuthenticationError):
            oai.models.list()
    assert len(upstream.received) == mark


def test_auditor_may_not_infer(proxy: Proxy, upstream: Upstream) -> None:
    mark = len(upstream.received)
    with pytest.raises(groq.PermissionDeniedError):
        groq_sdk(proxy, "auditor").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": PROMPT}]
        )
    with pytest.raises(groq.PermissionDeniedError):
        groq_sdk(proxy, "auditor").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=True
        )
    with pytest.raises(openai.PermissionDeniedError):
        openai_sdk(proxy, "auditor").models.list()
    assert len(upstream.received) == mark
    assert ("proxy.request", "denied") in proxy.audit_actions()


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (b'{"model": "x", "messages": [', None),
        (b"[1, 2]", None),
        (json.dumps({"model": MODEL, "messages": "hello"}).encode(), "messages"),
        (json.dumps({"model": MODEL, "messages": []}).encode(), "messages"),
        (
            json.dumps({"model": MODEL, "messages": [{"role": "boss", "content": "hi"}]}).encode(),
            "messages.0.role",
        ),
        (json.dumps({"model": MODEL, "messages": ["hi"]}).encode(), "messages.0"),
        (
            json.dumps({"model": 7, "messages": [{"role": "user", "content": "hi"}]}).encode(),
            "model",
        ),
        (
            json.dumps({"model": MODEL, "messages": [{"role": "user", "content": 5}]}).encode(),
            "messages.0.content",
        ),
        (
            json.dumps(
                {
                    "model": MODEL,
                    "messages": [{"role": "user", "content": [{"type": "text", "text": 1}]}],
                }
            ).encode(),
            None,
        ),
        (
            json.dumps(
                {"model": MODEL, "stream": "yes", "messages": [{"role": "user", "content": "hi"}]}
            ).encode(),
            "stream",
        ),
    ],
)
def test_malformed_requests_are_400_and_never_forwarded(
    body: bytes, param: str | None, proxy: Proxy, upstream: Upstream, http: httpx.Client
) -> None:
    mark = len(upstream.received)
    response = http.post(
        CHAT, content=body, headers={**auth(proxy), "content-type": "application/json"}
    )
    error = assert_groq_error(response, 400)
    assert error["type"] == "invalid_request_error"
    if param is not None:
        assert error.get("param") == param
    assert len(upstream.received) == mark


def test_unknown_field_is_refused_before_it_leaves(proxy: Proxy, upstream: Upstream) -> None:
    """Groq refuses fields it does not know; the vault says so first, naming the field, and
    sends nothing (policy `requests.unknown_fields: reject`)."""
    mark = len(upstream.received)
    with pytest.raises(openai.BadRequestError) as caught:
        openai_sdk(proxy, "analyst").chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": PROMPT}],
            extra_body={"store_it": True},
        )
    assert caught.value.body["param"] == "store_it"  # type: ignore[index]
    assert len(upstream.received) == mark


def test_ten_megabyte_prompt_is_413(proxy: Proxy, upstream: Upstream) -> None:
    mark = len(upstream.received)
    with pytest.raises(groq.APIStatusError) as caught:
        groq_sdk(proxy, "analyst").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "a" * (10 * 1024 * 1024)}]
        )
    assert caught.value.status_code == 413
    assert len(upstream.received) == mark


def test_oversized_body_without_length_is_413(
    proxy: Proxy, upstream: Upstream, http: httpx.Client
) -> None:
    """A chunked body gives no length up front; the limit holds while reading."""

    def chunks() -> Iterator[bytes]:
        yield b'{"model": "x", "messages": [{"role": "user", "content": "'
        for _ in range(10):
            yield b"a" * (1024 * 1024)
        yield b'"}]}'

    mark = len(upstream.received)
    response = http.post(
        CHAT, content=chunks(), headers={**auth(proxy), "content-type": "application/json"}
    )
    assert_groq_error(response, 413)
    assert len(upstream.received) == mark


# -- upstream answers ---------------------------------------------------------------------------


def test_unknown_model_is_groqs_404_passed_through(proxy: Proxy, upstream: Upstream) -> None:
    with pytest.raises(groq.NotFoundError) as caught:
        groq_sdk(proxy, "analyst").chat.completions.create(
            model="no-such-model", messages=[{"role": "user", "content": PROMPT}]
        )
    assert caught.value.body == {
        "error": {
            "message": "The model `no-such-model` does not exist or you do not have access to it.",
            "type": "invalid_request_error",
            "code": "model_not_found",
        }
    }
    assert_no_values(upstream.received[-1].body)
    with pytest.raises(groq.NotFoundError):
        groq_sdk(proxy, "analyst").models.retrieve("meta-llama/no-such-model")


def test_429_with_retry_after_is_retried_by_the_vault(proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.fail_next(1, status=429, retry_after=1)
    mark = len(upstream.received)
    answer = groq_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}]
    )
    assert answer.choices[0].message.content == f"You said: {PROMPT}"
    assert len(upstream.received) - mark == 2


def test_5xx_is_retried_and_persistent_429_comes_back_with_its_headers(
    proxy: Proxy, upstream: Upstream
) -> None:
    upstream.behaviour.fail_next(2, status=503)
    answer = groq_sdk(proxy, "analyst").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "hi"}]
    )
    assert answer.choices[0].message.content == "You said: hi"
    upstream.behaviour.fail_next(3, status=429, retry_after=1)
    mark = len(upstream.received)
    with pytest.raises(openai.RateLimitError) as caught:
        openai_sdk(proxy, "analyst").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "hi"}]
        )
    assert len(upstream.received) - mark == 3
    assert caught.value.code == "rate_limit_exceeded"
    assert caught.value.response.headers["retry-after"] == "1"
    assert "x-ratelimit-limit-requests" not in caught.value.response.headers  # the account's


def test_the_upstreams_rate_limits_never_reach_the_caller_but_the_keys_own_do(
    proxy: Proxy, upstream: Upstream
) -> None:
    from vault.services.apikeys import create_api_key

    _, key = create_api_key(proxy.vault.api_keys, tenant="acme", roles=["analyst"])
    _, other = create_api_key(proxy.vault.api_keys, tenant="acme", roles=["analyst"])
    body = {"model": MODEL, "messages": [{"role": "user", "content": "hi"}]}
    seen: list[httpx.Headers] = []
    with httpx.Client(base_url=proxy.url) as client:
        for secret in (key, key, other):
            answer = client.post(
                "/openai/v1/chat/completions",
                json=body,
                headers={"authorization": f"Bearer {secret}"},
            )
            assert answer.status_code == 200, answer.text
            seen.append(answer.headers)
        with client.stream(
            "POST",
            "/openai/v1/chat/completions",
            json={**body, "stream": True},
            headers={"authorization": f"Bearer {key}"},
        ) as streamed:
            assert streamed.status_code == 200
            streamed.read()
            seen.append(streamed.headers)
        models = client.get("/openai/v1/models", headers={"authorization": f"Bearer {key}"})
    # What the fake Groq sent: its account's limits, moving with every tenant's request.
    sent = upstream.received[-1]
    assert sent.path.endswith("/models")
    limit = str(proxy.vault.settings.rate_limit_rpm)
    for headers in seen:
        assert headers["x-ratelimit-limit-requests"] == limit != "14400"
        # No token limit is set on this vault: no token headers at all, none of Groq's.
        assert not {h for h in headers if h.startswith("x-ratelimit-")} - {
            "x-ratelimit-limit-requests",
            "x-ratelimit-remaining-requests",
            "x-ratelimit-reset-requests",
        }
    remaining = [int(h["x-ratelimit-remaining-requests"]) for h in seen]
    rpm = proxy.vault.settings.rate_limit_rpm
    assert remaining == [rpm - 1, rpm - 2, rpm - 1, rpm - 3]  # per key: `other` is on its own
    assert not [h for h in models.headers if h.startswith("x-ratelimit-")]


def test_garbage_answer_is_502(proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.garbage_next(1)
    with pytest.raises(groq.InternalServerError) as caught:
        groq_sdk(proxy, "reidentifier").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": PROMPT}]
        )
    assert caught.value.status_code == 502
    assert "html" not in json.dumps(caught.value.body).lower()


@pytest.mark.parametrize("role", ["analyst", "reidentifier"])
def test_stream_cut_midway_raises_and_leaks_nothing(
    role: str, proxy: Proxy, upstream: Upstream
) -> None:
    upstream.behaviour.chunk_size = 3
    upstream.behaviour.cut_stream_after = 12
    mark = len(upstream.received)
    received: list[str] = []
    stream = groq_sdk(proxy, role).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=True
    )
    with pytest.raises(groq.APIError):
        received.extend(c.choices[0].delta.content or "" for c in stream if c.choices)
    text = "".join(received)
    sent = upstream.received[-1].json()["messages"][0]["content"]
    assert text
    assert f"You said: {sent if role == 'analyst' else PROMPT}".startswith(text)
    assert_no_values(upstream.bodies_since(mark))
    # The record is written as the relay closes, just after the caller saw the error.
    assert wait_for(lambda: ("proxy.request", "error") in proxy.audit_actions())


def wait_for(condition: Callable[[], bool], *, tries: int = 500) -> bool:
    """Poll `condition` for up to about ten seconds; a bound against hangs, not a speed goal."""
    pause = threading.Event()
    for _ in range(tries):
        if condition():
            return True
        pause.wait(0.02)
    return condition()


def test_stream_error_event_reaches_the_sdk(proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.stream_error_after = 2
    stream = openai_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=True
    )
    with pytest.raises(openai.APIError) as caught:
        list(stream)
    assert "internal error" in caught.value.message


def test_client_leaving_mid_stream_cancels_the_upstream(proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.chunk_size = 1
    upstream.behaviour.chunk_delay = 0.02  # about five seconds of stream
    request = {"model": MODEL, "messages": [{"role": "user", "content": "x" * 250}], "stream": True}
    with (
        httpx.Client(base_url=proxy.url, timeout=30) as client,
        client.stream("POST", CHAT, json=request, headers=auth(proxy)) as response,
    ):
        assert response.status_code == 200
        request_id = response.headers["x-request-id"]
        next(response.iter_bytes())
    # The fake marks the stream once its generator is closed.
    assert wait_for(lambda: upstream.app.state.streams.get(request_id) != "open")
    assert upstream.app.state.streams[request_id] == "cancelled"
    assert wait_for(
        lambda: any(
            r.event.details.get("ended") == "client_left" for r in proxy.vault.audit.records("acme")
        )
    )


# -- vault configuration ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stack() -> Iterator[ExitStack]:
    with ExitStack() as stack:
        yield stack


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_groq_down_is_503(stack: ExitStack, tmp_path: Path) -> None:
    proxy = start_proxy(
        stack, tmp_path, groq_url=f"http://127.0.0.1:{_closed_port()}", detector=RegexDetector()
    )
    with pytest.raises(groq.InternalServerError) as caught:
        groq_sdk(proxy, "analyst").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": PROMPT}]
        )
    assert caught.value.status_code == 503
    with pytest.raises(groq.InternalServerError):
        groq_sdk(proxy, "analyst").chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=True
        )


def test_no_groq_key_is_503_saying_so(
    stack: ExitStack, tmp_path: Path, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GROQ_API_KEY", raising=False)
    proxy = start_proxy(
        stack, tmp_path, groq_url=upstream.url, groq_key=None, detector=RegexDetector()
    )
    mark = len(upstream.received)
    for stream in (False, True):
        with pytest.raises(openai.InternalServerError) as caught:
            openai_sdk(proxy, "analyst").chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=stream
            )
        assert caught.value.status_code == 503
        assert "GROQ_API_KEY" in caught.value.message
    assert len(upstream.received) == mark


# -- the outbound guard -------------------------------------------------------------------------


class ContextDetector:
    """Finds a name only in the context "name is …", as NER models do: it misses the same
    name elsewhere. A second rule sees a surname right after a person token, so a re-scan of
    the tokenized text finds what the first pass missed."""

    version = "context-fake"
    _INTRO = re.compile(r"(?<=name is )[A-Z][a-z]+(?: [A-Z][a-z]+)?")
    _AFTER_TOKEN = re.compile(r"(?<=PERSON_[0-9A-Z]{10} )[A-Z][a-z]+")

    def __init__(self, *, first_name_only: bool = False) -> None:
        self.first_name_only = first_name_only

    def detect(self, text: str) -> list[Span]:
        spans = []
        for match in self._INTRO.finditer(text):
            end = (
                match.start() + len(match.group().split()[0])
                if self.first_name_only
                else match.end()
            )
            spans.append(Span(match.start(), end, "PERSON", 0.9))
        spans += [Span(m.start(), m.end(), "PERSON", 0.9) for m in self._AFTER_TOKEN.finditer(text)]
        return sorted(spans)


def test_value_detected_once_is_tokenized_everywhere_in_the_request(
    stack: ExitStack, tmp_path: Path, upstream: Upstream
) -> None:
    proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=ContextDetector())
    mark = len(upstream.received)
    answer = groq_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "system", "content": "The caller's name is Zorblax Quuxley."},
            {"role": "user", "content": "Zorblax Quuxley wants a summary."},
        ],
    )
    assert answer.choices[0].message.content == "You said: Zorblax Quuxley wants a summary."
    sent = upstream.bodies_since(mark).decode()
    assert "Zorblax" not in sent
    assert "Quuxley" not in sent
    assert len(set(re.findall(r"PERSON_[0-9A-Z]{10}", sent))) == 1


def test_remembered_value_the_detector_misses_is_tokenized_where_it_stands(
    stack: ExitStack, tmp_path: Path, upstream: Upstream
) -> None:
    """A value the tenant sent before is a known value with a known token: when a later
    request carries it where detection misses it, it is tokenized there, not refused."""
    proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=ContextDetector())
    client = groq_sdk(proxy, "analyst")
    client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "My name is Zorblax Quuxley."}]
    )
    first = upstream.received[-1].json()["messages"][0]["content"]
    token = first.removeprefix("My name is ").rstrip(".")
    assert token.startswith("PERSON_")
    for stream in (False, True):
        mark = len(upstream.received)
        reply = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Zorblax Quuxley called again."}],
            stream=stream,
        )
        if stream:
            list(reply)  # type: ignore[arg-type]
        sent = upstream.bodies_since(mark)
        assert b"Zorblax" not in sent
        assert token.encode() in sent  # the same token as before
    assert ("proxy.blocked", "blocked") not in proxy.audit_actions()


@pytest.mark.parametrize(("policy", "blocked"), [("default", False), ("strict", True)])
def test_strict_policy_rescans_what_leaves(
    policy: str, blocked: bool, stack: ExitStack, tmp_path: Path, upstream: Upstream
) -> None:
    proxy = start_proxy(
        stack,
        tmp_path,
        groq_url=upstream.url,
        detector=ContextDetector(first_name_only=True),
        policy=policy,
    )
    mark = len(upstream.received)
    request = {
        "model": MODEL,
        "messages": [{"role": "user", "content": "My name is Zorblax Quuxley."}],
    }
    if blocked:
        with pytest.raises(groq.UnprocessableEntityError):
            groq_sdk(proxy, "analyst").chat.completions.create(**request)  # type: ignore[arg-type]
        assert len(upstream.received) == mark
        assert ("proxy.blocked", "blocked") in proxy.audit_actions()
    else:
        # The cheap guard only knows values detected so far; the surname leaves (documented).
        groq_sdk(proxy, "analyst").chat.completions.create(**request)  # type: ignore[arg-type]
        assert b"Quuxley" in upstream.bodies_since(mark)


def test_strict_policy_with_the_real_detector_passes_clean_requests(
    stack: ExitStack, tmp_path: Path, upstream: Upstream, real_detector: object
) -> None:
    """The full re-scan must not mistake the vault's own tokens for PII."""
    proxy = start_proxy(
        stack, tmp_path, groq_url=upstream.url, detector=real_detector, policy="strict"
    )  # type: ignore[arg-type]
    mark = len(upstream.received)
    answer = groq_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}]
    )
    assert answer.choices[0].message.content == f"You said: {PROMPT}"
    assert_no_values(upstream.bodies_since(mark), VALUES)


# -- the audit trail ----------------------------------------------------------------------------


def _completion_records(proxy: Proxy) -> list[Any]:
    return [r for r in proxy.vault.audit.records("acme") if r.event.action == "proxy.request"]


def test_a_completed_request_is_audited_with_counts_and_no_values(
    stack: ExitStack, tmp_path: Path, upstream: Upstream, real_detector: Detector
) -> None:
    proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=real_detector)
    answer = groq_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": PROMPT}],
        extra_headers={"X-Vault-Purpose": "support"},
    )
    assert answer.choices[0].message.content == f"You said: {PROMPT}"
    # Stored just after the answer went back.
    assert wait_for(lambda: len(_completion_records(proxy)) == 1)
    (record,) = _completion_records(proxy)
    assert record.event.outcome == "ok"
    assert record.event.purpose == "support"
    details = record.event.details
    assert details["reidentified"] is True
    assert details["tokens"] == len(VALUES)
    assert sum(details["entities"].values()) == len(VALUES)
    assert sum(details["restored"].values()) == len(VALUES)
    assert_no_values(json.dumps(record.as_dict()).encode())


def test_an_audit_log_that_stops_taking_records_stops_the_traffic(
    stack: ExitStack,
    tmp_path: Path,
    upstream: Upstream,
    real_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=real_detector)
    log = proxy.vault.audit
    store = log.append
    outage = threading.Event()

    def append(event: Any) -> Any:
        if outage.is_set():
            raise ServiceUnavailable("audit log unavailable", code="audit_unavailable")
        return store(event)

    monkeypatch.setattr(log, "append", append)

    def ask(purpose: str) -> httpx.Response:
        body = {"model": MODEL, "messages": [{"role": "user", "content": PROMPT}]}
        headers = {**auth(proxy), "x-vault-purpose": purpose}
        with httpx.Client(base_url=proxy.url, timeout=30) as client:
            return client.post(CHAT, json=body, headers=headers)

    outage.set()
    # Answered before the outage could be known: its record waits in the backlog.
    assert ask("support").status_code == 200
    assert wait_for(lambda: proxy.vault.audit_backlog.pending == 1)
    sent = len(upstream.received)
    assert assert_groq_error(ask("debugging"), 503)["code"] == "audit_unavailable"
    assert len(upstream.received) == sent, "a request left while the audit log was down"
    outage.clear()
    assert ask("billing").status_code == 200
    # The waiting record went in first, then the new one; the refused request left none.
    assert wait_for(lambda: len(_completion_records(proxy)) == 2)
    assert [r.event.purpose for r in _completion_records(proxy)] == ["support", "billing"]
    # A record is visible a moment before the backlog lets go of it.
    assert wait_for(lambda: proxy.vault.audit_backlog.pending == 0)


# -- where the time goes ------------------------------------------------------------------------


class _SlowDetector(RegexDetector):
    """Takes at least `seconds` per text, so detection's share of a request is known."""

    seconds = 0.05

    def detect(self, text: str) -> list[Span]:
        threading.Event().wait(self.seconds)
        return super().detect(text)


def _timing(header: str) -> dict[str, float]:
    parts = (part.strip().split(";dur=") for part in header.split(","))
    return {name: float(duration) for name, duration in parts}


@pytest.mark.parametrize("stream", [False, True])
def test_server_timing_splits_detection_from_the_vaults_own_work(
    stack: ExitStack, tmp_path: Path, upstream: Upstream, stream: bool
) -> None:
    proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=_SlowDetector())
    body = {"model": MODEL, "messages": [{"role": "user", "content": PROMPT}], "stream": stream}
    with httpx.Client(base_url=proxy.url, timeout=30) as client:
        first = client.post(CHAT, json=body, headers=auth(proxy, "reidentifier"))
        again = client.post(CHAT, json=body, headers=auth(proxy, "reidentifier"))  # cached
        analyst = client.post(CHAT, json=body, headers=auth(proxy))
    # Timings tell whether a text was seen before: only a caller who may see values gets them.
    assert analyst.status_code == 200
    assert "server-timing" not in analyst.headers
    for response in (first, again):
        assert response.status_code == 200
        assert set(_timing(response.headers["server-timing"])) == {"detect", "upstream", "vault"}
        assert min(_timing(response.headers["server-timing"]).values()) >= 0
    assert _timing(first.headers["server-timing"])["detect"] >= _SlowDetector.seconds * 1e3
    assert _timing(again.headers["server-timing"])["detect"] < _SlowDetector.seconds * 1e3


def test_a_model_carrying_personal_data_is_refused_and_audited_with_its_type(
    stack: ExitStack, tmp_path: Path, upstream: Upstream, real_detector: Detector
) -> None:
    proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=real_detector)
    mark = len(upstream.received)
    body = {"model": "4111111111111111", "messages": [{"role": "user", "content": "hi"}]}
    with httpx.Client(base_url=proxy.url, timeout=30) as client:
        answer = client.post(CHAT, json=body, headers=auth(proxy))
    error = assert_groq_error(answer, 400)
    assert (error["code"], error["param"]) == ("personal_data_in_field", "model")
    assert "4111" not in error["message"]
    assert len(upstream.received) == mark
    (record,) = [r for r in proxy.vault.audit.records("acme") if r.event.action == "proxy.request"]
    assert record.event.outcome == "error"
    assert dict(record.event.details["entities"]) == {"CREDIT_CARD": 1}
    assert record.event.details["param"] == "model"
