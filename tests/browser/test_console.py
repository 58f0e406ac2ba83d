"""The console in a real browser: each role signs in and walks its pages (axe-core clean, no
request outside the vault, a screenshot each), a value is erased and its erasure found in the
audit view, a tampered export is verified and its bad line named, keys are made and revoked."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import TENANT, Console

pytestmark = pytest.mark.browser

ALL_PAGES = ("audit", "datasets", "jobs", "dsr", "keys", "policies")
# The page each role may see under policies/access/default.yaml, and a page it may not.
SEES = {
    "admin": ("audit", "datasets", "dsr", "keys", "policies"),
    "auditor": ("audit", "dsr", "policies"),
    "uploader": ("datasets", "jobs", "policies"),
    "analyst": ("datasets", "policies"),
    "reidentifier": ("datasets", "policies"),
}
SUBJECT = "mary.jones@example.com"
CSV = (
    "id,name,email,note\n"
    f"1,Mary Jones,{SUBJECT},call +44 20 7946 0958\n"
    "2,John Smith,john.smith@example.com,card 4111 1111 1111 1111\n"
).encode()


@pytest.fixture(scope="module")
def dataset(console: Console) -> dict[str, Any]:
    """A CSV dataset of tenant acme, uploaded over the API as an uploader would."""
    with console.api("uploader") as api:
        answer = api.post(
            "/v1/datasets", data={"name": "customers"}, files={"file": ("c.csv", CSV, "text/csv")}
        )
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def _clean(visit: Any, label: str) -> None:
    """The page as a person sees it: saved, accessible, and loaded from the vault alone."""
    visit.shot(label)
    assert visit.axe() == [], label
    assert visit.foreign_requests() == [], label
    body = visit.page.content()
    assert "Traceback" not in body and "Internal Server Error" not in body


@pytest.mark.parametrize("role", list(SEES))
def test_each_role_walks_its_pages(
    console: Console, dataset: dict[str, Any], visit: Any, role: str
) -> None:
    person = visit(role)
    person.sign_in(console.key(role))
    _clean(person, "home")
    nav = person.page.locator("nav[aria-label=Pages] a").all_inner_texts()
    assert len(nav) == len(SEES[role])
    for page in ALL_PAGES:
        answer = person.go(f"/console/{page}")
        if page in SEES[role]:
            assert answer.status == 200, page
            _clean(person, page)
        else:
            assert answer.status == 403, page
            assert "Your key cannot see this (needs role" in person.page.inner_text("#denied")
    if role in ("analyst", "reidentifier", "admin"):
        person.go(f"/console/datasets/{dataset['id']}")
        _clean(person, "dataset")
        person.page.click("text=v1")
        person.page.wait_for_load_state()
        report = person.page.inner_text("section[aria-labelledby=report-title]")
        assert "email" in report and "EMAIL_ADDRESS" in person.page.content()
        assert SUBJECT not in person.page.content()  # counts only, never values
        # Each entity type is its own coloured segment, nothing painted over them.
        fills = person.page.eval_on_selector_all(
            "svg.bar rect", "rs => rs.map(r => r.getAttribute('fill'))"
        )
        assert len(set(fills)) >= 3
        backdrop = person.page.eval_on_selector(
            "svg.bar", "e => getComputedStyle(e).backgroundColor"
        )
        assert backdrop == "rgba(0, 0, 0, 0)"
        _clean(person, "version")


def test_the_console_is_usable_on_a_phone(console: Console, visit: Any) -> None:
    person = visit("phone", phone=True)
    person.sign_in(console.key("auditor"))
    width = person.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # nothing wider than the phone's screen but the scrolling tables
    _clean(person, "audit")


def test_a_wrong_key_an_expired_session_and_a_revoked_key(console: Console, visit: Any) -> None:
    person = visit("stranger")
    person.sign_in("vk_notakey")
    assert person.page.inner_text("#sign-in-message") == "Invalid API Key"
    _clean(person, "wrong key")

    key = console.key("auditor", "uploader")
    person.sign_in(key)
    assert person.page.url.endswith("/console/audit")
    cookie = next(c for c in person.context.cookies() if c["name"] == "vault_console")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert key not in json.dumps(person.context.cookies())
    assert person.page.evaluate("document.cookie") == ""  # nothing readable by scripts

    # A form posted without the session's CSRF token is refused.
    refused = httpx.post(
        console.url + "/console/sign-out",
        data={"csrf": "forged"},
        cookies={"vault_console": cookie["value"]},
    )
    assert refused.status_code == 403 and "CSRF" in refused.text

    # The key revoked behind the session's back: the next click is the sign-in page.
    key_id = key.split("_")[1]
    with console.api("admin") as api:
        assert api.delete(f"/v1/apikeys/{key_id}").status_code == 200
    answer = person.go("/console/audit")
    assert answer.status == 401
    assert "no longer valid" in person.page.inner_text("#sign-in-message")

    # An expired session: its row outlived, the cookie is turned away.
    person.sign_in(console.key("auditor"))
    with console.vault.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE console_sessions SET expires_at = '2000-01-01 00:00:00'")
    answer = person.go("/console/audit")
    assert answer.status == 401
    assert "expired" in person.page.inner_text("#sign-in-message")


def test_sign_out_ends_the_session(console: Console, visit: Any) -> None:
    person = visit("leaver")
    person.sign_in(console.key("auditor"))
    cookie = next(c for c in person.context.cookies() if c["name"] == "vault_console")
    person.page.click("text=Sign out")
    person.page.wait_for_load_state()
    assert "signed out" in person.page.inner_text("#sign-in-message")
    stale = httpx.get(console.url + "/console/audit", cookies={"vault_console": cookie["value"]})
    assert stale.status_code == 401


def test_erase_a_value_and_find_the_erasure_in_the_audit_view(
    console: Console, dataset: dict[str, Any], visit: Any
) -> None:
    admin = visit("admin")
    admin.sign_in(console.key("admin"))
    admin.go("/console/dsr")
    admin.page.fill("#find-value", SUBJECT)
    admin.page.click("#find")
    admin.page.wait_for_load_state()
    found = admin.page.inner_text("#find-result")
    assert "EMAIL_ADDRESS" in found
    assert f"customers v{dataset['version']['version']}" in found
    assert re.search(r"Searched the \d+ newest of \d+ stored dataset versions?", found)
    assert SUBJECT not in admin.page.content()  # the value is never shown back
    _clean(admin, "dsr found")

    # Erasing without the confirmation is refused inline, and nothing is erased.
    admin.page.fill("#erase-value", SUBJECT)
    admin.page.click("#erase")
    admin.page.wait_for_load_state()
    assert "confirm" in admin.page.inner_text("#form-error")
    admin.page.fill("#erase-value", SUBJECT)
    admin.page.check("#confirm")
    admin.page.click("#erase")
    admin.page.wait_for_load_state()
    result = admin.page.inner_text("#erase-result")
    assert "1 token entry destroyed" in result
    seq = int(re.search(r"seq (\d+)", admin.page.inner_text("#erase-record")).group(1))
    _clean(admin, "dsr erased")

    auditor = visit("auditor")
    auditor.sign_in(console.key("auditor"))
    auditor.go("/console/audit?action=dsr.*")
    rows = auditor.page.locator("table.records tbody tr").all_inner_texts()
    assert any(row.startswith(f"{seq}\t") and "dsr.erase" in row for row in rows), rows
    auditor.page.click(f"table.records a:text-is('{seq}')")
    auditor.page.wait_for_load_state()
    assert '"erased": 1' in auditor.page.inner_text("pre")
    _clean(auditor, "erase record")

    with console.api("admin") as api:
        again = api.post("/v1/dsr/find", json={"value": SUBJECT}).json()
    assert again["tokens"] == []


def test_an_auditor_finds_a_value_but_may_not_erase_it(
    console: Console, dataset: dict[str, Any], visit: Any
) -> None:
    value = "john.smith@example.com"  # in the dataset; the erase test takes the other subject
    auditor = visit("auditor")
    auditor.sign_in(console.key("auditor"))
    auditor.go("/console/dsr")
    assert auditor.page.locator("#erase-value").count() == 0  # no erase form to fill
    assert "erasure needs role admin" in auditor.page.inner_text("#erase-unavailable")
    auditor.page.fill("#find-value", value)
    auditor.page.click("#find")
    auditor.page.wait_for_load_state()
    found = auditor.page.inner_text("#find-result")
    assert "EMAIL_ADDRESS" in found
    assert "Your key cannot read datasets" in found  # an auditor reads no dataset to search
    assert value not in auditor.page.content()
    _clean(auditor, "dsr found")

    # The erase form posted anyway, with the session's own CSRF token: refused by role.
    cookie = next(c for c in auditor.context.cookies() if c["name"] == "vault_console")
    csrf = auditor.page.get_attribute("input[name=csrf]", "value")
    refused = httpx.post(
        console.url + "/console/dsr/erase",
        data={"csrf": csrf, "value": value, "confirm": "yes"},
        cookies={"vault_console": cookie["value"]},
    )
    assert refused.status_code == 403
    assert "Your key cannot see this (needs role admin)." in refused.text
    assert value not in refused.text
    with console.api("auditor") as api:
        still = api.post("/v1/dsr/find", json={"value": value}).json()["tokens"]
        assert [t["entity_type"] for t in still] == ["EMAIL_ADDRESS"]
        over_api = api.post("/v1/dsr/erase", json={"value": value})
    assert over_api.status_code == 403
    assert over_api.json()["error"]["message"].endswith("a key with the role admin may")

    # The admin reads the audit page too, and sees the refusal.
    admin = visit("admin")
    admin.sign_in(console.key("admin"))
    assert admin.page.url.endswith("/console/audit")
    key_id = console.key("auditor").split("_")[1]
    admin.go(f"/console/audit?action=dsr&outcome=denied&actor={key_id}")
    rows = admin.page.locator("table.records tbody tr").all_inner_texts()
    assert len(rows) == 2 and all("\tdsr\tdenied" in row for row in rows), rows
    _clean(admin, "audit denied erasures")


def test_a_tampered_export_is_named_at_its_bad_line(
    console: Console, visit: Any, tmp_path: Path
) -> None:
    auditor = visit("auditor")
    auditor.sign_in(console.key("auditor"))
    auditor.go("/console/audit")
    auditor.page.click("#verify-selection")
    auditor.page.wait_for_load_state()
    assert auditor.page.inner_text("#verify-result .verdict").startswith("OK: ")
    _clean(auditor, "verified")

    with auditor.page.expect_download() as download:
        auditor.page.click("text=Export JSONL")
    exported = tmp_path / "audit.jsonl"
    download.value.save_as(exported)
    lines = exported.read_text().splitlines()
    assert json.loads(lines[0])["type"] == "header"

    # Change one record's action: its hash no longer matches, that line is the first bad one.
    target = next(i for i, line in enumerate(lines) if json.loads(line)["type"] == "record")
    target += 2
    record = json.loads(lines[target])
    assert record["type"] == "record"
    record["action"] = "tampered.action"
    lines[target] = json.dumps(record, separators=(",", ":"), sort_keys=True)
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text("\n".join(lines) + "\n")

    auditor.page.set_input_files("#verify-file", str(tampered))
    auditor.page.click("#verify-upload")
    auditor.page.wait_for_load_state()
    verdict = auditor.page.inner_text("#verify-result")
    assert f"TAMPERED: line {target + 1}" in verdict
    assert auditor.page.inner_text("#first-bad") == str(target + 1)
    _clean(auditor, "tampered")

    auditor.page.set_input_files("#verify-file", str(exported))
    auditor.page.click("#verify-upload")
    auditor.page.wait_for_load_state()
    assert auditor.page.inner_text("#verify-result .verdict").startswith("OK: ")


def test_audit_filters_refuse_bad_input_inline(console: Console, visit: Any) -> None:
    auditor = visit("auditor")
    auditor.sign_in(console.key("auditor"))
    answer = auditor.go("/console/audit?outcome=maybe")
    assert answer.status == 400
    assert "outcome must be one of" in auditor.page.inner_text("#form-error")
    auditor.go("/console/audit?since=yesterday")
    assert "since must be an RFC 3339 time" in auditor.page.inner_text("#form-error")
    auditor.go("/console/audit")
    auditor.page.select_option("#outcome", "denied")
    auditor.page.click("text=Filter")
    auditor.page.wait_for_load_state()
    outcomes = auditor.page.locator("table.records tbody tr td:nth-child(5)").all_inner_texts()
    assert outcomes and set(outcomes) == {"denied"}
    _clean(auditor, "filtered")


def test_an_admin_makes_and_revokes_keys_within_its_own_roles(console: Console, visit: Any) -> None:
    admin = visit("admin")
    admin.sign_in(console.key("admin", "analyst"))  # a key confers only roles it holds
    admin.go("/console/keys")
    assert admin.page.is_disabled("#role-reidentifier")  # not an admin's to grant
    admin.page.click("#create-key")
    admin.page.wait_for_load_state()
    assert "roles" in admin.page.inner_text("#form-error")  # the API's own message
    admin.page.check("#role-analyst")
    admin.page.fill("#label", "notebook")
    admin.page.fill("#expires", "30")
    admin.page.click("#create-key")
    admin.page.wait_for_load_state()
    secret = admin.page.inner_text("#new-secret")
    assert re.fullmatch(r"vk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}", secret)
    _clean(admin, "key created")
    with httpx.Client(base_url=console.url, headers={"Authorization": f"Bearer {secret}"}) as api:
        assert api.get("/v1/datasets").status_code == 200
    admin.go("/console/keys")
    assert secret not in admin.page.content()  # shown once only
    key_id = secret.split("_")[1]
    admin.page.on("dialog", lambda dialog: dialog.accept())
    admin.page.click(f"#key-{key_id} button.danger")
    admin.page.wait_for_load_state()
    assert f"Key {key_id} is revoked." in admin.page.content()
    with httpx.Client(base_url=console.url, headers={"Authorization": f"Bearer {secret}"}) as api:
        assert api.get("/v1/datasets").status_code == 401


def test_a_reidentifier_downloads_with_a_purpose(
    console: Console, dataset: dict[str, Any], visit: Any, tmp_path: Path
) -> None:
    analyst = visit("analyst")
    analyst.sign_in(console.key("analyst"))
    analyst.go(f"/console/datasets/{dataset['id']}/versions/1")
    assert analyst.page.locator("#download-reidentified").count() == 0
    with analyst.page.expect_download() as download:
        analyst.page.click("#download-anonymized")
    anonymized = tmp_path / "anonymized.csv"
    download.value.save_as(anonymized)
    assert "John Smith" not in anonymized.read_text() and "PERSON_" in anonymized.read_text()

    reader = visit("reidentifier")
    reader.sign_in(console.key("reidentifier"))
    reader.go(f"/console/datasets/{dataset['id']}/versions/1")
    reader.page.click("#download-reidentified")  # no purpose chosen: the browser refuses
    assert reader.page.url.endswith("/versions/1")
    reader.page.select_option("#purpose", "support")
    with reader.page.expect_download() as download:
        reader.page.click("#download-reidentified")
    plain = tmp_path / "plain.csv"
    download.value.save_as(plain)
    assert "John Smith" in plain.read_text()
    reads = [
        r
        for r in console.vault.audit.records(TENANT)
        if r.event.action == "dataset.read" and r.event.purpose == "support"
    ]
    assert reads and reads[-1].event.details["view"] == "reidentified"


def test_an_uploader_uploads_from_the_page_and_follows_a_job(
    console: Console, visit: Any, tmp_path: Path
) -> None:
    uploader = visit("uploader")
    uploader.sign_in(console.key("uploader"))
    uploader.go("/console/datasets")
    wrong = tmp_path / "notes.exe"
    wrong.write_bytes(b"MZ\x00")
    uploader.page.fill("#dataset-name", "binary")
    uploader.page.set_input_files("#dataset-file", str(wrong))
    uploader.page.click("#upload")
    uploader.page.wait_for_load_state()
    assert "unsupported file type" in uploader.page.inner_text("#form-error")  # the API's words

    table = tmp_path / "leads.csv"
    table.write_bytes(CSV)
    uploader.page.fill("#dataset-name", "leads")
    uploader.page.set_input_files("#dataset-file", str(table))
    uploader.page.click("#upload")
    uploader.page.wait_for_url(re.compile(r".*/console/datasets/ds_[0-9a-f]{32}/versions/1$"))
    assert "EMAIL_ADDRESS" in uploader.page.content()
    _clean(uploader, "uploaded")

    # An upload answered with a job (as a large one is) shows on the jobs page with its result.
    with console.api("uploader") as api:
        answer = api.post(
            "/v1/datasets",
            data={"name": "queued"},
            files={"file": ("q.csv", CSV, "text/csv")},
            headers={"Prefer": "respond-async"},
        )
        assert answer.status_code == 202
        job = answer.json()["id"]
        for _ in range(200):
            if api.get(f"/v1/jobs/{job}").json()["state"] == "succeeded":
                break
            uploader.page.wait_for_timeout(50)
    uploader.go("/console/jobs")
    row = uploader.page.locator("tr", has_text=job).inner_text()
    assert "succeeded" in row and "v1" in row
    _clean(uploader, "jobs")
