"""The official groq and openai SDKs talk to the fake Groq over real HTTP and get Groq's answers."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import groq
import httpx
import openai
import pytest
from starlette.applications import Starlette

from tests.adapters.conftest import FAKE_GROQ_KEY
from vault.fakegroq import FakeGroqBehaviour

KEY = FAKE_GROQ_KEY
MODEL = "llama-3.3-70b-versatile"
RATE_LIMIT_HEADERS = (
    "x-ratelimit-limit-requests",
    "x-ratelimit-limit-tokens",
    "x-ratelimit-remaining-requests",
    "x-ratelimit-remaining-tokens",
    "x-ratelimit-reset-requests",
    "x-ratelimit-reset-tokens",
)
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


@pytest.fixture
def groq_client(url: str) -> Iterator[groq.Groq]:
    with groq.Groq(base_url=url, api_key=KEY, max_retries=0) as client:
        yield client


@pytest.fixture
def openai_client(url: str) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=url + "/openai/v1", api_key=KEY, max_retries=0) as client:
        yield client


def _user(text: str) -> list[dict[str, Any]]:
    return [{"role": "system", "content": "Be brief."}, {"role": "user", "content": text}]


# -- chat completions ---------------------------------------------------------------------


def test_groq_sdk_chat_echoes_the_last_user_message(groq_client: groq.Groq, app: Starlette):
    raw = groq_client.chat.completions.with_raw_response.create(
        model=MODEL, messages=_user("my name is Ada"), seed=7
    )
    completion = raw.parse()
    assert completion.choices[0].message.content == "You said: my name is Ada"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.id.startswith("chatcmpl-")
    assert completion.object == "chat.completion"
    assert completion.model == MODEL
    x_groq = completion.x_groq
    assert x_groq is not None
    assert x_groq.id == raw.headers["x-request-id"]
    assert x_groq.id.startswith("req_")
    assert len(x_groq.id) == 30
    assert completion.usage is not None
    assert completion.usage.total_tokens == (
        completion.usage.prompt_tokens + completion.usage.completion_tokens
    )
    assert completion.usage.total_time is not None
    for header in RATE_LIMIT_HEADERS:
        assert header in raw.headers
    assert "retry-after" not in raw.headers
    received = app.state.received
    assert len(received) == 1
    assert received[0].path == "/openai/v1/chat/completions"
    assert b"my name is Ada" in received[0].body
    assert received[0].json()["seed"] == 7


def test_openai_sdk_chat_and_text_content_parts(openai_client: openai.OpenAI):
    completion = openai_client.chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "user", "content": [{"type": "text", "text": "hello "}]},
        ],
    )
    assert completion.choices[0].message.content == "You said: hello "


def test_a_tool_result_is_answered(groq_client: groq.Groq):
    completion = groq_client.chat.completions.create(
        model=MODEL,
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
        messages=[
            {"role": "user", "content": "get_weather for Paris"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "abc123def",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "abc123def", "content": "sunny"},
        ],
    )
    assert completion.choices[0].message.content == "Tool said: sunny"


def test_json_mode_answers_a_json_object(groq_client: groq.Groq):
    completion = groq_client.chat.completions.create(
        model=MODEL, messages=_user("reply in JSON"), response_format={"type": "json_object"}
    )
    assert json.loads(completion.choices[0].message.content or "") == {"you_said": "reply in JSON"}


def test_max_tokens_truncates_with_finish_reason_length(groq_client: groq.Groq):
    completion = groq_client.chat.completions.create(
        model=MODEL, messages=_user("one two three four"), max_completion_tokens=2
    )
    assert completion.choices[0].message.content == "You said: "
    assert completion.choices[0].finish_reason == "length"


# -- streaming ----------------------------------------------------------------------------


def test_groq_sdk_stream_sends_chunks_in_groqs_order(groq_client: groq.Groq):
    chunks = list(
        groq_client.chat.completions.create(model=MODEL, messages=_user("stream me"), stream=True)
    )
    first, *middle, last = chunks
    assert first.choices[0].delta.role == "assistant"
    assert first.x_groq is not None
    assert first.x_groq.id.startswith("req_")
    assert "".join(c.choices[0].delta.content or "" for c in middle) == "You said: stream me"
    assert all(c.choices[0].finish_reason is None for c in middle)
    assert last.choices[0].finish_reason == "stop"
    assert last.x_groq is not None
    assert last.x_groq.id == first.x_groq.id
    assert last.x_groq.usage is not None
    assert last.usage is not None
    assert last.usage.total_tokens == last.x_groq.usage.total_tokens
    assert len({c.id for c in chunks}) == 1


def test_stream_chunk_size_splits_words_across_chunks(
    openai_client: openai.OpenAI, behaviour: FakeGroqBehaviour
):
    behaviour.chunk_size = 3
    stream = openai_client.chat.completions.create(
        model=MODEL, messages=_user("<PERSON_1> here"), stream=True
    )
    pieces = [
        c.choices[0].delta.content for c in stream if c.choices and c.choices[0].delta.content
    ]
    assert pieces[:3] == ["You", " sa", "id:"]
    assert "".join(pieces) == "You said: <PERSON_1> here"
    assert "<PERSON_1>" not in pieces


def test_include_usage_adds_a_final_usage_chunk(openai_client: openai.OpenAI):
    chunks = list(
        openai_client.chat.completions.create(
            model=MODEL,
            messages=_user("count"),
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-2].choices[0].finish_reason == "stop"


def test_raw_stream_framing_is_data_only_and_ends_with_done(url: str):
    response = httpx.post(
        url + "/openai/v1/chat/completions",
        headers={"authorization": f"Bearer {KEY}"},
        json={"model": MODEL, "messages": _user("hi"), "stream": True},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = response.text.split("\n\n")
    assert events[-2:] == ["data: [DONE]", ""]
    assert all(e.startswith("data: ") for e in events[:-1])
    first = json.loads(events[0].removeprefix("data: "))
    assert first["x_groq"]["id"] == response.headers["x-request-id"]


# -- tools --------------------------------------------------------------------------------


def test_groq_sdk_tool_call_carries_the_prompt_as_arguments(groq_client: groq.Groq):
    completion = groq_client.chat.completions.create(
        model=MODEL,
        messages=_user("get_weather in Paris"),
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
    )
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    (call,) = choice.message.tool_calls or []
    assert call.type == "function"
    assert call.function.name == "get_weather"
    assert json.loads(call.function.arguments) == {"city": "get_weather in Paris"}
    assert len(call.id) == 9


def test_no_tool_call_when_the_prompt_names_no_tool(groq_client: groq.Groq):
    completion = groq_client.chat.completions.create(
        model=MODEL,
        messages=_user("just chat"),
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
    )
    assert completion.choices[0].message.content == "You said: just chat"
    assert completion.choices[0].message.tool_calls is None


@pytest.mark.parametrize("mode", ["single", "split"])
def test_streamed_tool_call_in_either_mode(
    openai_client: openai.OpenAI, behaviour: FakeGroqBehaviour, mode: str
):
    behaviour.tool_call_mode = mode  # type: ignore[assignment]
    stream = openai_client.chat.completions.create(
        model=MODEL,
        messages=_user("call it"),
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
        tool_choice="required",
        stream=True,
    )
    deltas = [c.choices[0].delta for c in stream if c.choices]
    calls = [tc for d in deltas for tc in d.tool_calls or []]
    assert calls[0].id is not None
    assert calls[0].function is not None
    assert calls[0].function.name == "get_weather"
    arguments = "".join((tc.function.arguments or "") for tc in calls if tc.function)
    assert json.loads(arguments) == {"city": "call it"}
    if mode == "single":
        assert len(calls) == 1
    else:
        assert calls[0].function.arguments == ""
        assert len(calls) >= 3


# -- models -------------------------------------------------------------------------------


def test_models_list_and_retrieve_an_id_with_a_slash(
    groq_client: groq.Groq, openai_client: openai.OpenAI
):
    ids = [m.id for m in groq_client.models.list().data]
    assert "openai/gpt-oss-20b" in ids
    assert MODEL in ids
    assert groq_client.models.retrieve("openai/gpt-oss-20b").id == "openai/gpt-oss-20b"
    assert openai_client.models.retrieve("openai/gpt-oss-120b").owned_by == "OpenAI"


def test_unknown_model_is_a_not_found_error(groq_client: groq.Groq, openai_client: openai.OpenAI):
    with pytest.raises(groq.NotFoundError) as caught:
        groq_client.models.retrieve("nobody/nothing")
    assert caught.value.body == {
        "error": {
            "message": "The model `nobody/nothing` does not exist or you do not have access to it.",
            "type": "invalid_request_error",
            "code": "model_not_found",
        }
    }
    with pytest.raises(openai.NotFoundError) as oai:
        openai_client.chat.completions.create(model="gpt-nonexistent", messages=_user("x"))
    assert oai.value.code == "model_not_found"


# -- errors -------------------------------------------------------------------------------


def test_a_wrong_key_is_an_authentication_error(url: str):
    with (
        groq.Groq(base_url=url, api_key="wrong", max_retries=0) as client,
        pytest.raises(groq.AuthenticationError) as caught,
    ):
        client.chat.completions.create(model=MODEL, messages=_user("x"))
    assert caught.value.status_code == 401
    assert caught.value.body == {
        "error": {
            "message": "Invalid API Key",
            "type": "invalid_request_error",
            "code": "invalid_api_key",
        }
    }
    assert "x-ratelimit-limit-requests" in caught.value.response.headers
    with (
        openai.OpenAI(base_url=url + "/openai/v1", api_key="wrong", max_retries=0) as oai,
        pytest.raises(openai.AuthenticationError) as oai_caught,
    ):
        oai.models.list()
    assert oai_caught.value.code == "invalid_api_key"


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"store": True}, None),
        ({"n": 2}, "n"),
        ({"temperature": "hot"}, "temperature"),
        ({"stream": "yes"}, "stream"),
        ({"messages": []}, "messages"),
        ({"messages": [{"role": "user", "content": "x", "id": "1"}]}, None),
        ({"messages": [{"role": "robot", "content": "x"}]}, None),
        ({"max_completion_tokens": 10**9}, "max_completion_tokens"),
        ({"messages": [{"role": "user", "content": [{"type": "text", "text": None}]}]}, None),
        ({"messages": [{"role": "user", "content": ["x"]}]}, None),
    ],
)
def test_bad_requests_are_400_invalid_request_error(
    openai_client: openai.OpenAI, extra: dict[str, Any], param: str | None
):
    body = {"model": MODEL, "messages": _user("x"), **extra}
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client.post("/chat/completions", body=body, cast_to=object)
    assert caught.value.status_code == 400
    assert caught.value.type == "invalid_request_error"
    assert caught.value.param == param


def test_malformed_json_and_unknown_urls_get_groq_shaped_errors(url: str):
    headers = {"authorization": f"Bearer {KEY}", "content-type": "application/json"}
    bad = httpx.post(url + "/openai/v1/chat/completions", content=b"{not json", headers=headers)
    assert bad.status_code == 400
    assert bad.json()["error"]["type"] == "invalid_request_error"
    missing = httpx.get(url + "/openai/v1/nothing-here", headers=headers)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "unknown_url"
    assert missing.headers["x-request-id"].startswith("req_")


def test_mid_stream_error_event_raises_the_sdks_api_error(
    groq_client: groq.Groq, openai_client: openai.OpenAI, behaviour: FakeGroqBehaviour
):
    behaviour.stream_error_after = 2
    stream = groq_client.chat.completions.create(model=MODEL, messages=_user("a b c"), stream=True)
    with pytest.raises(groq.APIError, match="internal error"):
        list(stream)
    oai_stream = openai_client.chat.completions.create(
        model=MODEL, messages=_user("a b c"), stream=True
    )
    with pytest.raises(openai.APIError, match="internal error"):
        list(oai_stream)


def test_a_cut_stream_breaks_the_sdks_iteration(
    groq_client: groq.Groq, behaviour: FakeGroqBehaviour
):
    behaviour.cut_stream_after = 1
    stream = groq_client.chat.completions.create(model=MODEL, messages=_user("a b c"), stream=True)
    received = []
    with pytest.raises((httpx.RemoteProtocolError, groq.APIConnectionError)):
        received.extend(stream)
    assert len(received) == 2  # the role chunk and one content chunk


# -- retries ------------------------------------------------------------------------------


class _RecordedSleeps(list[float]):
    def namespace(self) -> SimpleNamespace:
        return SimpleNamespace(sleep=self.append, time=time.time, monotonic=time.monotonic)


def test_groq_sdk_retries_429_after_retry_after(
    url: str, app: Starlette, behaviour: FakeGroqBehaviour, monkeypatch: pytest.MonkeyPatch
):
    sleeps = _RecordedSleeps()
    monkeypatch.setattr(groq._base_client, "time", sleeps.namespace())
    behaviour.fail_next(2, status=429, retry_after=1)
    with groq.Groq(base_url=url, api_key=KEY) as client:
        completion = client.chat.completions.create(model=MODEL, messages=_user("again"))
    assert completion.choices[0].message.content == "You said: again"
    assert sleeps == [1.0, 1.0]
    retry_counts = [r.headers.get("x-stainless-retry-count") for r in app.state.received]
    assert retry_counts == ["0", "1", "2"]


def test_a_429_carries_retry_after_and_groqs_rate_limit_body(
    groq_client: groq.Groq, behaviour: FakeGroqBehaviour
):
    behaviour.fail_next(1, status=429, retry_after=3)
    with pytest.raises(groq.RateLimitError) as caught:
        groq_client.chat.completions.create(model=MODEL, messages=_user("x"))
    assert caught.value.response.headers["retry-after"] == "3"
    assert caught.value.body["error"]["code"] == "rate_limit_exceeded"  # type: ignore[index]
    assert caught.value.body["error"]["type"] == "requests"  # type: ignore[index]


def test_openai_sdk_retries_5xx_then_gives_up(
    url: str, app: Starlette, behaviour: FakeGroqBehaviour, monkeypatch: pytest.MonkeyPatch
):
    sleeps = _RecordedSleeps()
    monkeypatch.setattr(openai._base_client, "time", sleeps.namespace())
    behaviour.fail_next(3, status=503)
    with (
        openai.OpenAI(base_url=url + "/openai/v1", api_key=KEY, max_retries=2) as client,
        pytest.raises(openai.InternalServerError) as caught,
    ):
        client.models.list()
    assert caught.value.status_code == 503
    assert len(sleeps) == 2
    assert "retry-after" not in caught.value.response.headers
    assert len(app.state.received) == 3


# -- audio --------------------------------------------------------------------------------


def test_transcription_returns_the_uploaded_text(groq_client: groq.Groq, app: Starlette):
    transcript = groq_client.audio.transcriptions.create(
        file=("speech.wav", b"Call Ada on 555 0100"), model="whisper-large-v3"
    )
    assert transcript.text == "Call Ada on 555 0100"
    assert transcript.x_groq["id"].startswith("req_")  # type: ignore[attr-defined]
    assert b"Call Ada on 555 0100" in app.state.received[0].body


def test_transcription_of_real_audio_bytes_and_text_format(url: str):
    headers = {"authorization": f"Bearer {KEY}"}
    audio = b"RIFF\xff\xfe\x00WAVEfmt "
    answer = httpx.post(
        url + "/openai/v1/audio/transcriptions",
        headers=headers,
        files={"file": ("a.wav", audio)},
        data={"model": "whisper-large-v3-turbo", "response_format": "text"},
    )
    assert answer.status_code == 200
    assert answer.text == f"[{len(audio)} bytes of audio]"
    wrong_model = httpx.post(
        url + "/openai/v1/audio/transcriptions",
        headers=headers,
        files={"file": ("a.wav", audio)},
        data={"model": MODEL},
    )
    assert wrong_model.status_code == 404


def test_latency_delays_the_answer(groq_client: groq.Groq, behaviour: FakeGroqBehaviour):
    behaviour.latency = 0.2
    started = time.perf_counter()
    groq_client.models.list()
    assert time.perf_counter() - started >= 0.2
