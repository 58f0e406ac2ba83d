"""End-to-end fixtures: a fake Groq and the vault, each served over real HTTP on loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tests.fakes import RegexDetector
from vault.api import create_app
from vault.fakegroq import create_fake_groq_app, serve_in_thread
from vault.ports import Detector
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import Vault, build_vault

GROQ_KEY = "gsk_test_upstream_key"
TENANT = "acme"
ROLES = ("analyst", "reidentifier", "auditor")


@dataclass
class Upstream:
    """A fake Groq being served: its app (for `state`) and base URL."""

    app: Any
    url: str

    @property
    def received(self) -> list[Any]:
        return self.app.state.received  # type: ignore[no-any-return]

    @property
    def behaviour(self) -> Any:
        return self.app.state.behaviour

    def bodies_since(self, mark: int) -> bytes:
        """Every raw request body the fake got after `mark` requests, joined."""
        return b"\n".join(r.body for r in self.received[mark:])


@dataclass
class Proxy:
    """A vault being served, with one API key per role of tenant `acme`."""

    vault: Vault
    url: str
    keys: dict[str, str] = field(default_factory=dict)

    def audit_actions(self, tenant: str = TENANT) -> list[tuple[str, str]]:
        return [(r.event.action, r.event.outcome) for r in self.vault.audit.records(tenant)]


class TokenStyler:
    """ASGI middleware over a fake Groq that writes tokens the way a chatty LLM might:
    lower case, in **bold**, with a possessive 's. Off unless `enabled`."""

    _TOKEN = re.compile(rb"\b([A-Z]+(?:_[A-Z]+)*_[0-9A-HJKMNP-TV-Z]{10})\b")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.enabled = False

    def style(self, body: bytes) -> bytes:
        forms = [b"**%s**", b"%s's", b"%s"]
        count = iter(range(1_000_000))
        return self._TOKEN.sub(lambda m: forms[next(count) % 3] % m.group(1).lower(), body)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.enabled:
            await self.app(scope, receive, send)
            return

        async def restyle(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message["headers"] if k.lower() != b"content-length"]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                message = {**message, "body": self.style(message.get("body", b""))}
            await send(message)

        await self.app(scope, receive, restyle)


def start_proxy(
    stack: ExitStack,
    data_dir: Path,
    *,
    groq_url: str,
    groq_key: str | None = GROQ_KEY,
    detector: Detector | None = None,
    policy: str = "default",
    fallback_url: str | None = None,
) -> Proxy:
    """Build a vault on `data_dir`, serve it in a thread until `stack` closes, make its keys.
    `fallback_url` (a fake Groq's root, like `groq_url`) is the upstream it fails over to."""
    settings = Settings(  # type: ignore[call-arg]
        data_dir=data_dir,
        groq_base_url=groq_url,
        groq_api_key=groq_key,
        groq_max_retries=2,
        policy=policy,
        fallback_url=fallback_url and f"{fallback_url}/openai/v1",
        fallback_api_key=groq_key if fallback_url else None,
        _env_file=None,
    )
    overrides = {"detector_override": detector} if detector is not None else {}
    vault = build_vault(settings, **overrides)
    stack.callback(vault.close)
    url = stack.enter_context(serve_in_thread(create_app(vault=vault)))
    proxy = Proxy(vault=vault, url=url)
    for role in ROLES:
        _, proxy.keys[role] = create_api_key(vault.api_keys, tenant=TENANT, roles=[role])
    return proxy


@pytest.fixture(scope="session")
def upstream() -> Iterator[Upstream]:
    """One fake Groq for the session; its tokens are lowered and decorated on request."""
    app = create_fake_groq_app(api_key=GROQ_KEY)
    styler = TokenStyler(app)
    with serve_in_thread(styler) as url:
        upstream = Upstream(app=app, url=url)
        upstream.styler = styler  # type: ignore[attr-defined]
        yield upstream


@pytest.fixture(autouse=True)
def _calm_upstream(request: pytest.FixtureRequest) -> Iterator[None]:
    """Faults a test scripts into the shared fake Groq end with that test."""
    yield
    if "upstream" in request.fixturenames:
        upstream = request.getfixturevalue("upstream")
        upstream.behaviour.reset()
        upstream.styler.enabled = False


@pytest.fixture(scope="session")
def proxy(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    """The vault with the real detector (spaCy + Presidio), loaded once for the session."""
    with ExitStack() as stack:
        yield start_proxy(stack, tmp_path_factory.mktemp("vault"), groq_url=upstream.url)


@pytest.fixture(scope="session")
def real_detector(proxy: Proxy) -> Detector:
    """The session vault's detector, for other vaults that need it without loading it again."""
    return proxy.vault.detector


@dataclass
class ServedVault:
    """A vault of its own over HTTP (the regex detector, no upstream, no rate limit), for the
    client and the CLI's remote mode; `key` makes an API key with the given roles."""

    vault: Vault
    url: str

    def key(self, *roles: str, tenant: str = TENANT) -> str:
        return create_api_key(self.vault.api_keys, tenant=tenant, roles=list(roles))[1]

    def damage_newest_object(self) -> None:
        """Flip a byte near the end of the object stored last, so a late frame fails to open."""
        objects = [p for p in (self.vault.settings.data_dir / "objects").rglob("*") if p.is_file()]
        newest = max(objects, key=lambda p: p.stat().st_mtime_ns)
        blob = bytearray(newest.read_bytes())
        blob[-40] ^= 0x01
        newest.write_bytes(bytes(blob))


@pytest.fixture(scope="module")
def served_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedVault]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("vault"), rate_limit_rpm=0, _env_file=None)
    with ExitStack() as stack:
        vault = build_vault(settings, detector_override=RegexDetector())
        stack.callback(vault.close)
        yield ServedVault(vault, stack.enter_context(serve_in_thread(create_app(vault=vault))))
