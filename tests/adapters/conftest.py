"""Adapter-tier fixtures: one fake Groq per module, reset before each test."""

from __future__ import annotations

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
