"""Over HTTP: keys confer only their holder's roles, refusals say what to do, purposes are a
closed vocabulary refused before any work, and /metrics shows nothing per text to the public."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.e2e.apps import ALL_ROLES, App, build_app
from vault.settings import Settings

METRICS_TOKEN = "metrics-token-for-tests"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("grants"), _env_file=None, rate_limit_rpm=0
    )  # type: ignore[call-arg]
    built = build_app(settings)
    with built.client:
        yield built


def _records(app: App, action: str) -> list[dict[str, object]]:
    return [
        {"outcome": r.event.outcome, "object": r.event.object, **r.event.details}
        for r in app.vault.audit.records("acme")
        if r.event.action == action
    ]


@pytest.mark.parametrize(("held", "given"), list(itertools.product(ALL_ROLES, ALL_ROLES)))
def test_an_admin_key_creates_and_extends_keys_only_within_its_own_roles(
    app: App, held: str, given: str
) -> None:
    admin = app.headers("acme", *sorted({"admin", held}))
    allowed = given in {"admin", held}
    created = app.client.post("/v1/apikeys", json={"roles": [given]}, headers=admin)
    assert created.status_code == (201 if allowed else 403), created.text
    target = app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin).json()
    extended = app.client.patch(
        f"/v1/apikeys/{target['id']}", json={"roles": ["admin", given]}, headers=admin
    )
    assert extended.status_code == (200 if allowed else 403), extended.text
    if not allowed:
        assert extended.json()["error"]["code"] == "role_not_grantable"
        assert given in extended.json()["error"]["message"]
    listed = {
        k["id"]: k["roles"] for k in app.client.get("/v1/apikeys", headers=admin).json()["data"]
    }
    assert listed[target["id"]] == sorted({"admin", given} if allowed else {"admin"})


def test_a_changed_key_works_with_its_new_roles_and_the_change_is_audited(app: App) -> None:
    admin = app.headers("acme", "admin", "reidentifier")
    created = app.client.post("/v1/apikeys", json={"roles": ["admin"]}, headers=admin).json()
    key = {"Authorization": f"Bearer {created['key']}"}
    body = {"text": "x", "purpose": "support"}
    assert app.client.post("/v1/reidentify", json=body, headers=key).status_code == 403
    changed = app.client.patch(
        f"/v1/apikeys/{created['id']}", json={"roles": ["admin", "reidentifier"]}, headers=admin
    )
    assert changed.status_code == 200 and changed.json()["roles"] == ["admin", "reidentifier"]
    assert app.client.post("/v1/reidentify", json=body, headers=key).status_code == 200
    assert {
        "outcome": "ok",
        "object": created["id"],
        "roles_before": "admin",
        "roles_after": "admin/reidentifier",
    } in _records(app, "apikey.roles")


def test_an_unknown_or_malformed_key_id_is_a_404_that_does_not_echo_it(app: App) -> None:
    admin = app.headers("acme", "admin")
    for key_id in ("zzzzzzzzzzzz", "Mary%20Jones", "%16%C2%AAa"):
        answer = app.client.patch(f"/v1/apikeys/{key_id}", json={"roles": ["admin"]}, headers=admin)
        assert answer.status_code == 404
        assert "Mary" not in answer.text and key_id not in answer.text


def test_a_permission_refusal_names_the_roles_that_have_it(app: App) -> None:
    answer = app.client.get("/v1/apikeys", headers=app.headers("acme", "analyst"))
    assert answer.status_code == 403
    assert answer.json()["error"]["message"] == (
        "this API key may not apikey.manage; a key with the role admin may"
    )


def test_an_auditor_finds_a_value_but_only_an_admin_erases_it(app: App) -> None:
    value = "ada.finder@example.org"
    tokens = app.client.post(
        "/v1/anonymize", json={"text": f"Write to {value}"}, headers=app.headers("acme", "analyst")
    )
    assert tokens.status_code == 200, tokens.text
    auditor, admin = app.headers("acme", "auditor"), app.headers("acme", "admin")
    found = app.client.post("/v1/dsr/find", json={"value": value}, headers=auditor)
    assert found.status_code == 200, found.text
    assert [t["entity_type"] for t in found.json()["tokens"]] == ["EMAIL_ADDRESS"]
    for door in ("erase", "not-pii"):
        refused = app.client.post(f"/v1/dsr/{door}", json={"value": value}, headers=auditor)
        assert refused.status_code == 403, door
        assert refused.json()["error"]["message"] == (
            "this API key may not dsr; a key with the role admin may"
        )
        assert value not in refused.text
    assert {"outcome": "denied", "object": None} in _records(app, "dsr")
    assert app.client.post("/v1/dsr/find", json={"value": value}, headers=auditor).json() == (
        found.json()
    )  # the refused erasure destroyed nothing
    erased = app.client.post("/v1/dsr/erase", json={"value": value}, headers=admin)
    assert erased.status_code == 200 and erased.json()["erased"] == 1, erased.text
    after = app.client.post("/v1/dsr/find", json={"value": value}, headers=auditor)
    assert after.json() == {"tokens": []}


@pytest.mark.parametrize("where", ["header", "body", "query"])
def test_a_free_text_purpose_is_refused_before_any_work_and_never_echoed(
    app: App, where: str
) -> None:
    reid = app.headers("acme", "reidentifier")
    pii = "Mary Jones 4111111111111111"
    if where == "query":
        dataset = app.create_dataset("p", ("p.csv", b"name\nAda Byron\n", "text/csv"))
        before = len(list(app.vault.audit.records("acme")))
        answer = app.client.get(
            f"/v1/datasets/{dataset}/versions/1/content",
            params={"view": "reidentified", "purpose": pii},
            headers=reid,
        )
    else:
        before = len(list(app.vault.audit.records("acme")))
        body: dict[str, str] = {"text": "[PERSON_1]"}
        headers = dict(reid)
        if where == "body":
            body["purpose"] = pii
        else:
            headers["X-Vault-Purpose"] = pii
        answer = app.client.post("/v1/reidentify", json=body, headers=headers)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["param"] == "purpose"
    card = "4111111111111111"  # whole, since four digits turn up in the records' hex digests
    assert "Mary" not in answer.text and card not in answer.text
    exported = "".join(repr(r) for r in app.vault.audit.records("acme"))
    assert "Mary" not in exported and card not in exported
    assert not [
        r for r in list(app.vault.audit.records("acme"))[before:] if r.event.outcome == "ok"
    ]


def test_a_listed_purpose_is_recorded(app: App) -> None:
    headers = {**app.headers("acme", "reidentifier"), "X-Vault-Purpose": "fraud_review"}
    assert app.client.post("/v1/reidentify", json={"text": "x"}, headers=headers).status_code == 200
    last = list(app.vault.audit.records("acme"))[-1]
    assert (last.event.action, last.event.purpose) == ("reidentify", "fraud_review")


def test_public_metrics_hold_no_per_text_counter(app: App) -> None:
    app.client.app.state.metrics.count("detection_cache", "hit")  # type: ignore[attr-defined]
    text = app.client.get("/metrics").text
    assert "vault_http_requests_total" in text
    assert "detection_cache" not in text


def test_metrics_can_require_a_token(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("metrics"),
        _env_file=None,
        metrics_token=METRICS_TOKEN,
    )  # type: ignore[call-arg]
    built = build_app(settings)
    with built.client as client:
        client.app.state.metrics.count("detection_cache", "hit")  # type: ignore[attr-defined]
        assert client.get("/metrics").status_code == 401
        wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and "VAULT_METRICS_TOKEN" in wrong.text
        right = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        assert right.status_code == 200 and "vault_detection_cache_total" in right.text
    built.vault.close()
