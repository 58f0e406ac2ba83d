"""Failover through the vault: with the primary refusing connections, the fallback answers
and what reaches it is still tokenized; with both down the caller gets a 503 naming both."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import openai
import pytest

from tests.e2e.conftest import Proxy, Upstream, start_proxy
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
from vault.ports import Detector


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
