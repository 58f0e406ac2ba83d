"""Conversations through the proxy: what earlier turns carried is not detected again.

A message seen before hits the detection cache; an answer the vault restored comes back with
its values already located. Each test watches the texts the detector is actually given.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
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


def _cache_lookups(proxy: Proxy) -> dict[str, int]:
    text = httpx.get(proxy.url + "/metrics").text
    found = dict(re.findall(r'vault_detection_cache_total\{type="(\w+)"\} (\d+)', text))
    return {kind: int(found.get(kind, 0)) for kind in ("hit", "miss")}


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
    counted = _cache_lookups(proxy)
    _ask(client, messages)

    assert detector.seen[before:] == [question]
    # /metrics says the same: one text detected, two answered from memory.
    after = _cache_lookups(proxy)
    assert (after["miss"] - counted["miss"], after["hit"] - counted["hit"]) == (1, 2)
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

    _ask(_client(proxy, key=key), [{"role": "user", "content": messages[-1]["content"]}])

    assert detector.seen[before:] == [messages[-1]["content"]]
    assert_no_values(upstream.received[-1].body, (NAME, EMAIL))


def test_an_analysts_answer_keeps_its_tokens_when_sent_back(
    watched: Any, upstream: Upstream
) -> None:
    proxy, detector = watched
    client = _client(proxy, "analyst")
    messages = [{"role": "user", "content": f"{FIRST} (analyst)"}]
    answer = _ask(client, messages)
    assert NAME not in answer
    before = len(detector.seen)

    question = f"{SECOND} (analyst)"
    messages += [{"role": "assistant", "content": answer}, {"role": "user", "content": question}]
    _ask(client, messages)

    assert detector.seen[before:] == [question]
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
