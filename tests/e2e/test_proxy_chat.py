"""The redacted proxy end to end: both official SDKs → vault → fake Groq, with the real detector.

Every test checks the raw bytes the fake Groq received: no value sent by the caller may be there.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from groq import Groq
from openai import OpenAI

from tests.e2e.conftest import Proxy, Upstream

MODEL = "llama-3.1-8b-instant"
NAME = "Maria Garcia"
EMAIL = "maria.garcia@example.com"
CARD = "4111 1111 1111 1111"
PHONE = "+44 20 7946 0958"
VALUES = (NAME, EMAIL, CARD, PHONE)
PROMPT = f"Please charge card {CARD} for {NAME}, email {EMAIL}, phone {PHONE}."
TOKEN = re.compile(r"\b[A-Z]+(?:_[A-Z]+)*_[0-9A-HJKMNP-TV-Z]{10}\b")
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "charge_card",
            "description": "Charge a card",
            "parameters": {"type": "object", "properties": {"note": {"type": "string"}}},
        },
    }
]


@functools.cache
def _sdk(kind: str, url: str, key: str) -> Groq | OpenAI:
    # One client per caller for the session: no sockets left for the garbage collector.
    # No SDK retries: every retry seen here is the vault's own.
    if kind == "groq":
        return Groq(base_url=url, api_key=key, max_retries=0)
    return OpenAI(base_url=url + "/openai/v1", api_key=key, max_retries=0)


def groq_sdk(proxy: Proxy, role: str) -> Groq:
    return _sdk("groq", proxy.url, proxy.keys[role])  # type: ignore[return-value]


def openai_sdk(proxy: Proxy, role: str) -> OpenAI:
    return _sdk("openai", proxy.url, proxy.keys[role])  # type: ignore[return-value]


SDKS = {"groq": groq_sdk, "openai": openai_sdk}


def assert_no_values(raw: bytes, values: tuple[str, ...] = VALUES) -> None:
    for value in values:
        assert value.encode() not in raw, "a value the caller sent reached Groq"
        assert json.dumps(value)[1:-1].encode() not in raw


def streamed_text(chunks: Iterator[Any]) -> str:
    return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


def streamed_arguments(chunks: Iterator[Any]) -> dict[int, str]:
    arguments: dict[int, str] = {}
    for chunk in chunks:
        for choice in chunk.choices:
            for call in choice.delta.tool_calls or []:
                piece = call.function.arguments if call.function else None
                arguments[call.index] = arguments.get(call.index, "") + (piece or "")
    return arguments


@pytest.mark.parametrize("sdk", SDKS)
def test_sync_reidentifier_gets_values_back_and_groq_sees_none(
    sdk: str, proxy: Proxy, upstream: Upstream
) -> None:
    mark = len(upstream.received)
    answer = SDKS[sdk](proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}]
    )
    assert answer.choices[0].message.content == f"You said: {PROMPT}"
    sent = upstream.bodies_since(mark)
    assert_no_values(sent)
    assert {"PERSON", "EMAIL_ADDRESS", "CREDIT_CARD", "PHONE_NUMBER"} <= {
        t.rsplit("_", 1)[0] for t in TOKEN.findall(sent.decode())
    }
    assert answer.usage is not None
    assert answer.usage.total_tokens > 0


@pytest.mark.parametrize("sdk", SDKS)
def test_sync_analyst_gets_tokens(sdk: str, proxy: Proxy, upstream: Upstream) -> None:
    mark = len(upstream.received)
    answer = SDKS[sdk](proxy, "analyst").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}]
    )
    content = answer.choices[0].message.content or ""
    assert_no_values(content.encode())
    assert_no_values(upstream.bodies_since(mark))
    sent = upstream.received[-1].json()["messages"][0]["content"]
    assert content == f"You said: {sent}"
    assert len(TOKEN.findall(content)) >= 4


@pytest.mark.parametrize("chunk_size", [1, 2, 3, None])
@pytest.mark.parametrize("sdk", SDKS)
def test_stream_restores_tokens_split_across_chunks(
    sdk: str, chunk_size: int | None, proxy: Proxy, upstream: Upstream
) -> None:
    upstream.behaviour.chunk_size = chunk_size
    mark = len(upstream.received)
    stream = SDKS[sdk](proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=True
    )
    chunks = list(stream)
    assert streamed_text(iter(chunks)) == f"You said: {PROMPT}"
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert_no_values(upstream.bodies_since(mark))


def test_stream_holds_back_only_a_bounded_window(proxy: Proxy, upstream: Upstream) -> None:
    """Words flow through in windows: the answer guard reads a batch of text and releases it
    up to a word boundary, so what is held never grows with the answer."""
    upstream.behaviour.chunk_size = 5
    words = " ".join(f"word{i}" for i in range(120))
    stream = groq_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"hello there {NAME} bye {words}"}],
        stream=True,
    )
    pieces = [
        c.choices[0].delta.content for c in stream if c.choices and c.choices[0].delta.content
    ]
    assert "".join(pieces) == f"You said: hello there {NAME} bye {words}"
    assert len(pieces) > 5  # released as it came, window by window
    assert max(len(piece) for piece in pieces) <= 96 + 5  # a batch, give or take a chunk


def test_the_answer_guard_tokenizes_pii_the_model_wrote_for_every_caller(
    proxy: Proxy, upstream: Upstream
) -> None:
    """A value in the answer that was never in the prompt is not the caller's to see."""
    upstream.behaviour.answer = "Sure. By the way, Maria Garcia lives at maria.garcia@example.org."
    try:
        for stream in (False, True):
            answer = groq_sdk(proxy, "reidentifier").chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": f"I am {NAME}."}], stream=stream
            )
            text = streamed_text(answer) if stream else answer.choices[0].message.content or ""
            assert "maria.garcia@example.org" not in text
            assert "EMAIL_ADDRESS_" in text
    finally:
        upstream.behaviour.answer = None


@pytest.mark.parametrize("sdk", SDKS)
def test_stream_analyst_gets_tokens(sdk: str, proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.chunk_size = 2
    stream = SDKS[sdk](proxy, "analyst").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], stream=True
    )
    text = streamed_text(stream)
    assert_no_values(text.encode())
    assert text == "You said: " + upstream.received[-1].json()["messages"][0]["content"]


@pytest.mark.parametrize("mode", ["sync", "single", "split"])
def test_tool_call_arguments_tokenized_out_and_restored_as_json(
    mode: str, proxy: Proxy, upstream: Upstream
) -> None:
    # Quotes, a backslash and accents: the restored arguments must still be exact JSON.
    message = f'charge_card now for José García and {NAME}, card {CARD}, memo "a\\\\b"'
    request: dict[str, Any] = {
        "model": MODEL,
        "messages": [{"role": "user", "content": message}],
        "tools": TOOLS,
    }
    mark = len(upstream.received)
    client = groq_sdk(proxy, "reidentifier")
    if mode == "sync":
        answer = client.chat.completions.create(**request)
        calls = answer.choices[0].message.tool_calls or []
        arguments = {0: calls[0].function.arguments}
        assert answer.choices[0].finish_reason == "tool_calls"
    else:
        upstream.behaviour.tool_call_mode = mode
        upstream.behaviour.chunk_size = 3
        arguments = streamed_arguments(client.chat.completions.create(**request, stream=True))
    assert json.loads(arguments[0]) == {"note": message}
    assert_no_values(upstream.bodies_since(mark), (*VALUES, "José García"))


def test_tool_call_arguments_stay_tokens_for_analyst(proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.tool_call_mode = "split"
    upstream.behaviour.chunk_size = 2
    stream = groq_sdk(proxy, "analyst").chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"charge_card for {NAME}"}],
        tools=TOOLS,
        stream=True,
    )
    note = json.loads(streamed_arguments(stream)[0])["note"]
    assert NAME not in note
    assert TOKEN.search(note)


def test_tool_results_and_history_arguments_are_tokenized(proxy: Proxy, upstream: Upstream) -> None:
    arguments = json.dumps({"holder": NAME, "card": CARD, "amount": 12, "tags": [EMAIL]})
    messages: list[Any] = [
        {"role": "system", "content": f"You help {NAME}."},
        {"role": "user", "content": f"charge_card for {NAME}"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "k3v9q2x7a",
                    "type": "function",
                    "function": {"name": "charge_card", "arguments": arguments},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "k3v9q2x7a",
            "content": f"Charged {NAME}, receipt sent to {EMAIL}",
        },
    ]
    mark = len(upstream.received)
    answer = openai_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=messages, tools=TOOLS
    )
    assert (
        answer.choices[0].message.content == f"Tool said: Charged {NAME}, receipt sent to {EMAIL}"
    )
    assert_no_values(upstream.bodies_since(mark))
    sent = upstream.received[-1].json()["messages"]
    outbound_arguments = json.loads(sent[2]["tool_calls"][0]["function"]["arguments"])
    assert outbound_arguments["amount"] == 12
    assert TOKEN.fullmatch(outbound_arguments["holder"])
    assert TOKEN.fullmatch(outbound_arguments["tags"][0])
    assert sent[3]["tool_call_id"] == "k3v9q2x7a"


def test_multipart_content_is_tokenized(proxy: Proxy, upstream: Upstream) -> None:
    parts = [
        {"type": "text", "text": f"My name is {NAME}. "},
        {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
        {"type": "text", "text": f"Write to {EMAIL}."},
    ]
    mark = len(upstream.received)
    answer = groq_sdk(proxy, "reidentifier").chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": parts}]
    )
    assert answer.choices[0].message.content == f"You said: My name is {NAME}. Write to {EMAIL}."
    assert_no_values(upstream.bodies_since(mark))
    sent_parts = upstream.received[-1].json()["messages"][0]["content"]
    assert sent_parts[1] == parts[1]


def test_tokens_are_stable_across_turns(proxy: Proxy, upstream: Upstream) -> None:
    client = groq_sdk(proxy, "reidentifier")
    turns = [f"Hello, I am {NAME}.", "What is the weather like?", f"Remind me what {NAME} asked."]
    messages: list[Any] = []
    for turn in turns:
        messages.append({"role": "user", "content": turn})
        answer = client.chat.completions.create(model=MODEL, messages=messages)
        messages.append({"role": "assistant", "content": answer.choices[0].message.content})
        assert_no_values(upstream.received[-1].body)
        if len(messages) == 2:
            first = upstream.received[-1].json()["messages"][0]["content"]
            (token,) = re.findall(r"PERSON_[0-9A-Z]{10}", first)
    assert messages[-1]["content"] == f"You said: Remind me what {NAME} asked."
    # Turn 3 carries the name three times (two turns of history and the new question): every
    # one of them went out as the token turn 1 got.
    third = upstream.received[-1].body.decode()
    assert third.count(token) == 3


def test_analyst_history_with_tokens_keeps_them(proxy: Proxy, upstream: Upstream) -> None:
    """An analyst sends back text full of tokens; the next answer shows the same tokens."""
    client = groq_sdk(proxy, "analyst")
    first = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}]
    )
    tokenized = upstream.received[-1].json()["messages"][0]["content"]
    messages = [
        {"role": "user", "content": PROMPT},
        {"role": "assistant", "content": first.choices[0].message.content},
        {"role": "user", "content": tokenized},
    ]
    second = client.chat.completions.create(model=MODEL, messages=messages)
    assert second.choices[0].message.content == f"You said: {tokenized}"
    assert_no_values(upstream.received[-1].body)


@pytest.mark.parametrize("stream", [False, True])
def test_tokens_restored_in_lower_case_bold_and_possessive(
    stream: bool, proxy: Proxy, upstream: Upstream
) -> None:
    upstream.styler.enabled = True  # type: ignore[attr-defined]
    client = groq_sdk(proxy, "reidentifier")
    prompt = f"{NAME} and {EMAIL} and {CARD}"
    if stream:
        text = streamed_text(
            client.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": prompt}], stream=True
            )
        )
    else:
        answer = client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": prompt}]
        )
        text = answer.choices[0].message.content or ""
    assert not TOKEN.search(text.upper()), "a token came back unrestored"
    assert f"**{NAME}**" in text
    if not stream:  # one body: the three forms rotate
        assert text == f"You said: **{NAME}** and {EMAIL}'s and {CARD}"


def test_the_keys_own_rate_limit_headers_reach_the_caller(proxy: Proxy) -> None:
    client = groq_sdk(proxy, "analyst")
    raw = client.chat.completions.with_raw_response.create(
        model=MODEL, messages=[{"role": "user", "content": "hi"}]
    )
    # The vault's per-key window (no token limit set here), never Groq's account-wide counters.
    assert raw.headers["x-ratelimit-limit-requests"] == str(proxy.vault.settings.rate_limit_rpm)
    for header in ("remaining-requests", "reset-requests"):
        assert raw.headers.get(f"x-ratelimit-{header}")
    assert "x-ratelimit-remaining-tokens" not in raw.headers
    assert raw.headers["x-request-id"] == raw.parse().x_groq.id  # type: ignore[union-attr]
    with client.chat.completions.with_streaming_response.create(
        model=MODEL, messages=[{"role": "user", "content": "hi"}], stream=True
    ) as streamed:
        assert streamed.headers.get("x-ratelimit-remaining-requests")
        assert streamed.headers["content-type"].startswith("text/event-stream")


def test_models_list_and_retrieve(proxy: Proxy) -> None:
    client = openai_sdk(proxy, "analyst")
    ids = {m.id for m in client.models.list().data}
    assert {"llama-3.1-8b-instant", "openai/gpt-oss-120b"} <= ids
    model = groq_sdk(proxy, "analyst").models.retrieve("openai/gpt-oss-120b")
    assert model.id == "openai/gpt-oss-120b"
    assert model.owned_by


@pytest.mark.parametrize(("role", "restored"), [("analyst", False), ("reidentifier", True)])
def test_audio_transcription(role: str, restored: bool, proxy: Proxy, upstream: Upstream) -> None:
    spoken = f"Hello, this is {NAME}, write to {EMAIL}."
    result = groq_sdk(proxy, role).audio.transcriptions.create(
        file=("memo.wav", spoken.encode()), model="whisper-large-v3"
    )
    if restored:
        assert result.text == spoken
    else:
        assert_no_values(result.text.encode(), (NAME, EMAIL))
        assert len(TOKEN.findall(result.text)) == 2


def test_fifty_concurrent_streams(proxy: Proxy, upstream: Upstream) -> None:
    upstream.behaviour.chunk_size = 4
    names = ["Maria Garcia", "John Smith", "Jane Doe", "Ada Lovelace", "Alan Turing"]

    def one(i: int) -> str:
        client = groq_sdk(proxy, "reidentifier")
        prompt = f"Request {i}: contact {names[i % len(names)]} at user{i}@example.com"
        text = streamed_text(
            client.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": prompt}], stream=True
            )
        )
        return "ok" if text == f"You said: {prompt}" else text

    mark = len(upstream.received)
    with ThreadPoolExecutor(max_workers=50) as pool:
        outcomes = list(pool.map(one, range(50)))
    assert outcomes == ["ok"] * 50
    sent = upstream.bodies_since(mark)
    assert_no_values(sent, tuple(names) + tuple(f"user{i}@example.com" for i in range(50)))


def test_a_transcription_sends_only_audio_closed_fields_and_tokens(
    proxy: Proxy, upstream: Upstream
) -> None:
    """The file name, the prompt and any free field can carry data: renamed or tokenized."""
    spoken = f"Hello, this is {NAME}."
    mark = len(upstream.received)
    answer = httpx.post(
        f"{proxy.url}/openai/v1/audio/transcriptions",
        headers={"authorization": f"Bearer {proxy.keys['analyst']}"},
        files={"file": (f"call with {NAME}.wav", spoken.encode(), "audio/wav")},
        data={"model": "whisper-large-v3", "prompt": f"Caller: {EMAIL}", "language": "en"},
    )
    assert answer.status_code == 200
    sent = upstream.bodies_since(mark)
    assert b'filename="audio.wav"' in sent
    assert EMAIL.encode() not in sent
    assert NAME.encode() in sent  # the audio itself goes as it is (the fake reads it as text)
    assert_no_values(answer.json()["text"].encode(), (NAME,))


def test_a_text_transcript_is_tokenized_and_audited_too(proxy: Proxy) -> None:
    before = len(list(proxy.vault.audit.records("acme")))
    answer = httpx.post(
        f"{proxy.url}/openai/v1/audio/transcriptions",
        headers={"authorization": f"Bearer {proxy.keys['analyst']}"},
        files={"file": ("memo.wav", f"This is {NAME}.".encode(), "audio/wav")},
        data={"model": "whisper-large-v3", "response_format": "text"},
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    assert_no_values(answer.content, (NAME,))
    records = list(proxy.vault.audit.records("acme"))[before:]
    assert [(r.event.action, r.event.outcome) for r in records] == [("proxy.transcription", "ok")]


@pytest.mark.parametrize(
    ("field", "value"), [("language", "en; drop"), ("response_format", "srt"), ("model", "a b")]
)
def test_a_transcription_closed_field_that_does_not_fit_is_refused_and_audited(
    field: str, value: str, proxy: Proxy, upstream: Upstream
) -> None:
    mark, before = len(upstream.received), len(list(proxy.vault.audit.records("acme")))
    answer = httpx.post(
        f"{proxy.url}/openai/v1/audio/transcriptions",
        headers={"authorization": f"Bearer {proxy.keys['analyst']}"},
        files={"file": ("memo.wav", b"hello", "audio/wav")},
        data={"model": "whisper-large-v3", field: value},
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["param"] == field
    assert len(upstream.received) == mark
    records = list(proxy.vault.audit.records("acme"))[before:]
    assert [(r.event.action, r.event.outcome) for r in records] == [
        ("proxy.transcription", "error")
    ]


def test_audio_translation_is_tokenized_like_a_transcription(
    proxy: Proxy, upstream: Upstream
) -> None:
    spoken = f"Hola, soy {NAME}, escribe a {EMAIL}."
    mark = len(upstream.received)
    result = groq_sdk(proxy, "analyst").audio.translations.create(
        file=(f"{NAME}.wav", spoken.encode()), model="whisper-large-v3", prompt=f"From {EMAIL}"
    )
    assert_no_values(result.text.encode(), (NAME, EMAIL))
    assert upstream.received[-1].path.endswith("/audio/translations")
    sent = upstream.bodies_since(mark)
    assert b'filename="audio.wav"' in sent
    assert f"From {EMAIL}".encode() not in sent  # the prompt was tokenized
    records = list(proxy.vault.audit.records("acme"))
    assert records[-1].event.action == "proxy.translation"
