"""Browser fixtures: a served vault (SQLite, regex detector), Debian's chromium through
Playwright, a page per test that records every request it makes, axe-core, screenshots.

Browser tests skip with a reason where chromium is absent, and fail under CI instead.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from tests.fakes import RegexDetector
from vault.api import create_app
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import Vault, build_vault

CHROMIUM = os.environ.get("VAULT_TEST_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"
ARTIFACTS = Path(__file__).parent / "artifacts"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
TENANT = "acme"
ROLES = ("admin", "auditor", "uploader", "analyst", "reidentifier")
# Flags for a quiet, offline browser: nothing phones home, nothing is downloaded.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return f"chromium not found at {CHROMIUM} (make test installs Debian's package)"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = _chromium_missing()
    for item in items:
        if item.get_closest_marker("browser") is None:
            continue
        if reason is not None and not IN_CI:
            item.add_marker(pytest.mark.skip(reason=reason))


@dataclass
class Console:
    """A served vault and a key per role of tenant `acme`."""

    vault: Vault
    url: str
    keys: dict[str, str] = field(default_factory=dict)

    def key(self, *roles: str) -> str:
        name = "+".join(roles)
        if name not in self.keys:
            _, self.keys[name] = create_api_key(self.vault.api_keys, tenant=TENANT, roles=roles)
        return self.keys[name]

    def api(self, *roles: str) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, headers={"Authorization": f"Bearer {self.key(*roles)}"}, timeout=60
        )


@contextmanager
def serve_vault(settings: Settings) -> Iterator[Console]:
    """A vault on `settings` (regex detector) served on a free loopback port, start-up
    included, until the block ends."""
    vault = build_vault(settings, detector_override=RegexDetector())
    config = uvicorn.Config(
        create_app(vault=vault), host="127.0.0.1", port=0, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "the vault did not start"
        time.sleep(0.01)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield Console(vault=vault, url=f"http://{host}:{port}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        vault.close()


def console_settings(data_dir: Path, **fields: Any) -> Settings:
    return Settings(data_dir=data_dir, groq_base_url="http://127.0.0.1:9", _env_file=None, **fields)  # type: ignore[call-arg]


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    with serve_vault(console_settings(tmp_path_factory.mktemp("console"))) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _chromium_missing()
    if reason is not None:
        pytest.fail(reason)  # only reached under CI: elsewhere the tests were skipped
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """A browser context for one person: its page, every URL it requested, and helpers."""

    def __init__(self, browser: Any, console: Console, name: str, *, phone: bool = False) -> None:
        options: dict[str, Any] = {"accept_downloads": True}
        if phone:
            options.update(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        self.context = browser.new_context(**options)
        # A page's first render on a cold, shared machine can take longer than Playwright's 30 s
        # default; this bounds a hang, it is not a speed check (the bench's console section is).
        self.context.set_default_timeout(120_000)
        self.page = self.context.new_page()
        self.console = console
        self.name = name
        self.requested: list[str] = []
        self.page.on("request", lambda request: self.requested.append(request.url))

    def go(self, path: str) -> Any:
        return self.page.goto(self.console.url + path)

    def sign_in(self, key: str) -> None:
        self.go("/console/sign-in")
        self.page.fill("#api_key", key)
        self.page.click("button[type=submit]")
        self.page.wait_for_load_state()

    def shot(self, label: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{re.sub(r'[^a-z0-9]+', '-', label.lower())}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def axe(self) -> list[tuple[str, str, str]]:
        """axe-core's serious and critical violations on the page: (rule, impact, help)."""
        self.page.evaluate(AXE.read_text() + "\n;undefined")
        violations = self.page.evaluate(
            "async () => (await axe.run()).violations"
            ".map(v => [v.id, v.impact, v.help + ': ' + v.nodes.map(n => n.target).join(' ')])"
        )
        return [tuple(v) for v in violations if v[1] in ("serious", "critical")]

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requested if not url.startswith(self.console.url + "/")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Opens a person's browser on `on` (the module's `console` vault unless told)."""
    opened: list[Visit] = []

    def open_visit(name: str, *, phone: bool = False, on: Console | None = None) -> Visit:
        served = on or request.getfixturevalue("console")
        opened.append(Visit(browser, served, f"{request.node.name}-{name}", phone=phone))
        return opened[-1]

    yield open_visit
    for each in opened:
        each.close()
