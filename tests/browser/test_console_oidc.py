"""Console sign-in through OpenID Connect against a small provider served in the test: the
authorization-code flow with PKCE in a real browser, and every way a sign-in is refused (a
forged signature, another nonce, a state not started here, claims that name no tenant or no
vault role), each audited, none opening a session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from joserfc.jwk import RSAKey

from tests.browser.conftest import Console, console_settings, serve_vault
from tests.browser.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider
from vault.fakegroq import serve_in_thread

AUDITOR = {"vault_tenant": "acme", "vault_roles": ["auditor"]}


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    made = Provider()
    with serve_in_thread(made.app) as url:
        made.url = url
        yield made


@pytest.fixture(scope="module")
def sso(provider: Provider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    settings = console_settings(
        tmp_path_factory.mktemp("sso"),
        oidc_issuer=provider.url,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
    )
    with serve_vault(settings) as served:
        yield served


@pytest.fixture(autouse=True)
def _honest_provider(provider: Provider) -> None:
    provider.claims = dict(AUDITOR)
    provider.signing_key = provider.key
    provider.nonce_override = None


def _client() -> httpx.Client:
    """A browser's round trip, followed by hand (vault → provider → vault), cookies kept."""
    return httpx.Client(follow_redirects=True, timeout=30)


@pytest.mark.browser
def test_single_sign_on_in_a_browser(sso: Console, visit: Any) -> None:
    person = visit("sso", on=sso)
    person.go("/console/sign-in")
    person.page.click("#sso")
    person.page.wait_for_url(sso.url + "/console/audit")
    person.requested.clear()
    person.page.reload()
    assert "acme" in person.page.inner_text(".who") and "auditor" in person.page.inner_text(".who")
    person.shot("audit")
    assert person.axe() == []
    assert person.foreign_requests() == []
    cookies = {c["name"]: c for c in person.context.cookies()}
    assert cookies["vault_console"]["httpOnly"] and cookies["vault_console"]["sameSite"] == "Strict"
    assert "vault_console_oidc" not in cookies  # the attempt's state is gone once used
    denied = person.go("/console/keys")
    assert denied.status == 403


def test_the_flow_opens_a_session_with_the_claimed_tenant_and_roles(
    sso: Console, provider: Provider
) -> None:
    provider.claims = {"vault_tenant": "acme", "vault_roles": "admin uploader"}
    with _client() as client:
        answer = client.get(sso.url + "/console/oidc/start")
        # An admin's first page is the audit view (admin holds audit.export).
        assert answer.status_code == 200 and str(answer.url).endswith("/console/audit")
        assert "admin, uploader" in answer.text
    record = sso.vault.audit.head("acme")
    # The landing page reads the trail, and that read is the newest record.
    assert record is not None and record.event.action == "console.audit.view"
    signs = [r for r in sso.vault.audit.records("acme") if r.event.action == "console.sign_in"]
    assert signs[-1].event.details == {"via": "oidc"}
    assert signs[-1].event.actor.startswith("oidc_")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("forged", "signature does not verify"),
        ("nonce", "nonce claim"),
        ("no tenant", "vault_tenant claim names no tenant"),
        ("bad role", "vault_roles claim must list vault roles"),
        ("no role", "vault_roles claim must list vault roles"),
    ],
)
def test_a_sign_in_the_vault_cannot_trust_is_refused(
    sso: Console, provider: Provider, change: str, message: str
) -> None:
    if change == "forged":
        provider.signing_key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    elif change == "nonce":
        provider.nonce_override = "another-attempts-nonce"
    elif change == "no tenant":
        provider.claims = {"vault_roles": ["auditor"]}
    elif change == "bad role":
        provider.claims = {"vault_tenant": "acme", "vault_roles": ["auditor", "root"]}
    else:
        provider.claims = {"vault_tenant": "acme"}
    before = sum(1 for _ in sso.vault.audit.records("_system"))
    with _client() as client:
        answer = client.get(sso.url + "/console/oidc/start")
        assert answer.status_code == 401
        assert message in answer.text
        assert "vault_console=" not in str(client.cookies.jar)
        assert client.get(sso.url + "/console/audit").status_code == 401
    failures = list(sso.vault.audit.records("_system"))[before:]
    assert [(r.event.action, r.event.outcome, r.event.details.get("via")) for r in failures] == [
        ("auth.failure", "denied", "oidc")
    ]


def test_a_callback_not_started_here_is_refused(sso: Console, provider: Provider) -> None:
    asked = provider.token_requests
    with httpx.Client(timeout=30) as client:
        started = client.get(sso.url + "/console/oidc/start")
        assert started.status_code == 303
        authorize = client.get(started.headers["location"])  # the provider sends a code back
        back = httpx.URL(authorize.headers["location"])
        forged = back.copy_set_param("state", "someone-elses-state")
        answer = client.get(str(forged))
        assert answer.status_code == 401
        assert "not started here" in answer.text
        # The attacker's browser, without the attempt's cookie, cannot use the code either.
        stranger = httpx.get(str(back))
        assert stranger.status_code == 401
    assert provider.token_requests == asked  # refused before the code was ever exchanged


def test_without_an_issuer_there_is_no_single_sign_on(console: Console) -> None:
    assert 'id="sso"' not in httpx.get(console.url + "/console/sign-in").text
    assert httpx.get(console.url + "/console/oidc/start").status_code == 404
