"""The console over plain HTTP (no browser): what its answers promise in their headers, and that
a refusal is a page for the console while the API keeps its JSON errors."""

from __future__ import annotations

import re

import httpx

from tests.browser.conftest import Console


def test_pages_forbid_other_origins_and_caching(console: Console) -> None:
    answer = httpx.get(console.url + "/console/sign-in")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert answer.headers["cache-control"] == "no-store"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/console" in cookie
    assert "http://" not in answer.text.replace(console.url, "")
    assert httpx.get(console.url + "/console/static/console.css").status_code == 200


def test_bad_form_input_is_a_page_naming_the_field_and_the_api_stays_json(
    console: Console,
) -> None:
    token = "pre-token-value"
    answer = httpx.post(
        console.url + "/console/sign-in",
        data={"api_key": "k" * 300, "pre_token": token},
        cookies={"vault_console_signin": token},
    )
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert "api_key" in answer.text and "k" * 300 not in answer.text
    forged = httpx.post(console.url + "/console/sign-in", data={"api_key": "x", "pre_token": "a"})
    assert forged.status_code == 403 and "CSRF" in forged.text
    api = httpx.get(console.url + "/v1/datasets")
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "invalid_api_key"
    missing = httpx.get(console.url + "/console/datasets/ds_" + "0" * 32)
    assert missing.status_code == 401  # not signed in: the sign-in page, whatever the path
    assert 'id="api_key"' in missing.text


def test_reading_the_trail_in_the_console_is_itself_on_the_trail(console: Console) -> None:
    with httpx.Client(base_url=console.url, timeout=60) as browser:
        form = browser.get("/console/sign-in")
        token = re.search(r'name="pre_token" value="([^"]+)"', form.text)
        assert token is not None
        signed_in = browser.post(
            "/console/sign-in",
            data={"api_key": console.key("auditor"), "pre_token": token.group(1)},
        )
        assert signed_in.status_code in (200, 303), signed_in.text
        assert browser.get("/console/audit", params={"outcome": "ok"}).status_code == 200
        assert browser.get("/console/audit/records/999999999").status_code == 404
    records = [r.event for r in console.vault.audit.records("acme")]
    viewed = [e for e in records if e.action == "console.audit.view"][-1]
    assert viewed.outcome == "ok" and viewed.details["filters"] == 1
    missing = [e for e in records if e.action == "console.audit.record"][-1]
    assert missing.outcome == "error" and "seq" not in missing.details
