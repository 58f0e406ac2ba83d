"""Adapter-tier fixtures: one fake Groq per module, reset before each test."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from vault.fakegroq import FakeGroqBehaviour, create_fake_groq_app, serve_in_thread

FAKE_GROQ_KEY = "test-groq-key"


@pytest.fixture(scope="module")
def fake() -> Iterator[tuple[Starlette, str]]:
    app = create_fake_groq_app(api_key=FAKE_GROQ_KEY)
    with serve_in_thread(app) as url:
        yield app, url


@pytest.fixture
def app(fake: tuple[Starlette, str]) -> Starlette:
    app = fake[0]
    # A stream the last test walked away from may still be ending in the fake's handler, which
    # would then write its outcome into this test's state: let it finish first (bounded wait).
    for _ in range(1000):
        if "open" not in app.state.streams.values():
            break
        time.sleep(0.005)
    app.state.behaviour.reset()
    app.state.received.clear()
    app.state.streams.clear()
    return app


@pytest.fixture
def behaviour(app: Starlette) -> FakeGroqBehaviour:
    return app.state.behaviour  # type: ignore[no-any-return]


@pytest.fixture
def url(fake: tuple[Starlette, str], app: Starlette) -> str:
    return fake[1]
