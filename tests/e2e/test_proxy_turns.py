"""Conversations through the proxy: what earlier turns carried is not detected again.

A message seen before hits the detection cache; an answer is detected once, just after it has
gone to the caller, so when it comes back in the next turn it is answered from the cache too.
Each test watches the texts the detector is actually given.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from openai import OpenAI

from tests.e2e.conftest import Proxy, Upstream, start_proxy
from tests.e2e.test_proxy_chat import MODEL, assert_no_values, streamed_text
from tests.fakes import RegexDetector
from vault.domain.spans import Span
from vault.services.apikeys import create_api_key

NAME, EMAIL = "John Smith", "john.smith@example.com"
FIRST = f"Hello, I am {NAME}, write to {EMAIL}."
SECOND = "And what about Mary Jones?"


class WatchedDetector(RegexDetector):
    """The regex detector, noting every text it is given."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._lock = threading.Lock()

    def detect(self, text: str) -> list[Span]:
        with self._lock:
            self.seen.append(text)
        return super().detect(text)


@pytest.fixture(scope="module")
def watched(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    detector = WatchedDetector()
    with ExitStack() as stack:
        proxy = start_proxy(
            stack, tmp_path_factory.mktemp("turns"), groq_url=upstream.url, detector=detector
        )
        yield proxy, detector


def _settled(proxy: Proxy, answer: str, tenant: str = "acme") -> None:
    """Wait for the answer's detection, which runs once the answer has gone back."""
    redactor = proxy.vault.chat_redactor
    deadline = time.monotonic() + 10
    while redactor.known_spans(tenant, answer) is None:
        assert time.monotonic() < deadline, "the answer was never detected"
        time.sleep(0.01)


def _in_request(detector: WatchedDetector, before: int, *answers: str) -> list[str]:
    """What the detector was given since `before`, less the answers detected after they went."""
    seen = [
        text for text in detector.seen[before:] if text != MODEL
    ]  # a closed field, checked once
    for answer in answers:
        assert seen.count(answer) == 1, "an answer is detected exactly once"
        seen.remove(answer)
    return seen


def _client(proxy: Proxy, role: str = "reidentifier", key: str | None = None) -> OpenAI:
    return OpenAI(base_url=proxy.url + "/openai/v1", api_key=key or proxy.keys[role], max_retries=0)


def _ask(client: OpenAI, messages: list[dict[str, str]], *, stream: bool = False) -> str:
    if stream:
        chunks = client.chat.completions.create(model=MODEL, messages=messages, stream=True)
        return streamed_text(iter(chunks))
    answer = client.chat.completions.create(model=MODEL, messages=messages)
    return answer.choices[0].message.content or ""


def _first_turn(
    proxy: Proxy, detector: WatchedDetector, *, stream: bool, opening: str = FIRST
) -> tuple[OpenAI, list[dict[str, str]]]:
    client = _client(proxy)
    messages = [{"role": "user", "content": opening}]
    answer = _ask(client, messages, stream=stream)
    assert answer == f"You said: {opening}"  # restored: the caller sees the values
    _settled(proxy, answer)
    messages.append({"role": "assistant", "content": answer})
    return client, messages


@pytest.mark.parametrize("stream", [False, True])
def test_turn_two_detects_only_its_new_message(
    stream: bool, watched: Any, upstream: Upstream
) -> None:
    proxy, detector = watched
    opening = f"{FIRST} (streamed: {stream})"
    client, messages = _first_turn(proxy, detector, stream=stream, opening=opening)
    assert opening in detector.seen
    before = len(detector.seen)

    question = f"{SECOND} (streamed: {stream})"
    messages.append({"role": "user", "content": question})
    answer = _ask(client, messages)
    _settled(proxy, answer)

    assert _in_request(detector, before, answer) == [question]
    # The answer went back to Groq tokenized all the same.
    assert_no_values(upstream.received[-1].body, (NAME, EMAIL, "Mary Jones"))


def test_an_edited_answer_is_detected_again(watched: Any, upstream: Upstream) -> None:
    proxy, detector = watched
    client, messages = _first_turn(proxy, detector, stream=False, opening=f"{FIRST} (edited)")
    messages[-1]["content"] += " Also Mary Jones."
    before = len(detector.seen)

    _ask(client, [*messages, {"role": "user", "content": "Thanks."}])

    assert messages[-1]["content"] in detector.seen[before:]
    assert_no_values(upstream.received[-1].body, (NAME, EMAIL, "Mary Jones"))


def test_an_answer_is_known_to_its_own_tenant_only(watched: Any, upstream: Upstream) -> None:
    proxy, detector = watched
    _, messages = _first_turn(proxy, detector, stream=False, opening=f"{FIRST} (tenant)")
    _, key = create_api_key(proxy.vault.api_keys, tenant="globex", roles=["reidentifier"])
    before = len(detector.seen)

    answer = _ask(_client(proxy, key=key), [{"role": "user", "content": messages[-1]["content"]}])
    _settled(proxy, answer, "globex")

    assert _in_request(detector, before, answer) == [messages[-1]["content"]]
    assert_no_values(upstream.received[-1].body, (NAME, EMAIL))


def test_an_analysts_answer_keeps_its_tokens_when_sent_back(
    watched: Any, upstream: Upstream
) -> None:
    proxy, detector = watched
    client = _client(proxy, "analyst")
    messages = [{"role": "user", "content": f"{FIRST} (analyst)"}]
    answer = _ask(client, messages)
    assert NAME not in answer
    _settled(proxy, answer)
    before = len(detector.seen)

    question = f"{SECOND} (analyst)"
    messages += [{"role": "assistant", "content": answer}, {"role": "user", "content": question}]
    second = _ask(client, messages)
    _settled(proxy, second)

    assert _in_request(detector, before, second) == [question]
    # Tokens in the answer go back as look-alikes, as they would after detection, so the
    # caller sees the same tokens again in the next answer.
    history = upstream.received[-1].json()["messages"][1]["content"]
    assert history.count("VAULT_LITERAL_") == 2
    assert_no_values(upstream.received[-1].body, (NAME, EMAIL))


def test_cache_entries_hold_no_text(watched: Any, tmp_path: Path) -> None:
    """The cache is keyed by a keyed hash; neither keys nor entries hold the texts."""
    proxy, _ = watched
    cache = proxy.vault.chat_redactor._cache
    dump = repr(list(cache._data.items()))
    for value in (NAME, EMAIL, FIRST):
        assert value not in dump
