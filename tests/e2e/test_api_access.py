"""Every route refuses a bad key (401) and a wrong role (403); other tenants' ids are 404."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.e2e.apps import App, build_app
from vault.services.apikeys import create_api_key, revoke_api_key
from vault.settings import Settings

CSV = b"name,email\nJohn Smith,john@example.com\n"

# (method, path template, allowed roles). `{ds}` is a dataset of tenant acme.
ROUTES = [
    ("POST", "/v1/scan", {"admin", "uploader", "analyst", "reidentifier"}),
    ("POST", "/v1/anonymize", {"admin", "uploader", "analyst", "reidentifier"}),
    ("POST", "/v1/reidentify", {"reidentifier"}),
    ("GET", "/v1/datasets", {"admin", "uploader", "analyst", "reidentifier"}),
    ("GET", "/v1/datasets/{ds}", {"admin", "uploader", "analyst", "reidentifier"}),
    ("GET", "/v1/datasets/{ds}/versions", {"admin", "uploader", "analyst", "reidentifier"}),
    (
        "GET",
        "/v1/datasets/{ds}/versions/1/content",
        {"admin", "uploader", "analyst", "reidentifier"},
    ),
    (
        "GET",
        "/v1/datasets/{ds}/versions/1/report",
        {"admin", "uploader", "analyst", "reidentifier"},
    ),
    ("POST", "/v1/datasets", {"uploader"}),
    ("POST", "/v1/datasets/{ds}/versions", {"uploader"}),
    ("GET", "/v1/audit/export", {"auditor", "admin"}),
    ("GET", "/v1/apikeys", {"admin"}),
    ("POST", "/v1/dsr/find", {"admin", "auditor"}),
    ("POST", "/v1/dsr/erase", {"admin"}),
    ("POST", "/v1/dsr/not-pii", {"admin"}),
    ("POST", "/openai/v1/chat/completions", {"analyst", "reidentifier"}),
    ("GET", "/openai/v1/models", {"analyst", "reidentifier"}),
]
ROLES = ("admin", "uploader", "analyst", "reidentifier", "auditor")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("access"), _env_file=None, rate_limit_rpm=0
    )  # type: ignore[call-arg]
    built = build_app(settings)
    with built.client:
        yield built


@pytest.fixture(scope="module")
def dataset_id(app: App) -> str:
    return app.create_dataset("people", ("people.csv", CSV, "text/csv"))


def _call(app: App, method: str, path: str, headers: dict[str, str]) -> int:
    if method == "GET":
        return app.client.get(path, headers=headers).status_code
    if "datasets" in path:
        return app.client.post(
            path, data={"name": "x"}, files={"file": ("a.csv", CSV, "text/csv")}, headers=headers
        ).status_code
    body = {
        "text": "hi",
        "purpose": "support",
        "value": "x",
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
    }
    if "dsr" in path:
        body = {"value": "x"}
    elif "chat" not in path:
        body = {"text": "hi", **({"purpose": "support"} if "reidentify" in path else {})}
    return app.client.post(path, json=body, headers=headers).status_code


@pytest.mark.parametrize(("method", "path", "allowed"), ROUTES)
def test_missing_wrong_expired_and_revoked_keys_get_401(
    app: App, dataset_id: str, method: str, path: str, allowed: set[str]
) -> None:
    path = path.format(ds=dataset_id)
    _, expired = create_api_key(
        app.vault.api_keys,
        tenant="acme",
        roles=sorted(allowed),
        expires_at=datetime.now(UTC) - timedelta(seconds=1),
    )
    info, revoked = create_api_key(app.vault.api_keys, tenant="acme", roles=sorted(allowed))
    revoke_api_key(app.vault.api_keys, info.id)
    good = app.key("acme", sorted(allowed)[0])
    tampered = good[:-1] + ("A" if good[-1] != "A" else "B")
    for headers in (
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": f"Bearer {tampered}"},
        {"Authorization": f"Bearer {expired}"},
        {"Authorization": f"Bearer {revoked}"},
    ):
        assert _call(app, method, path, headers) == 401, headers


@pytest.mark.parametrize(("method", "path", "allowed"), ROUTES)
def test_roles_outside_the_policy_get_403(
    app: App, dataset_id: str, method: str, path: str, allowed: set[str]
) -> None:
    path = path.format(ds=dataset_id)
    for role in set(ROLES) - allowed:
        assert _call(app, method, path, app.headers("acme", role)) == 403, role


@pytest.mark.parametrize(
    "path",
    [
        "/v1/datasets/{ds}",
        "/v1/datasets/{ds}/versions",
        "/v1/datasets/{ds}/versions/1/content",
        "/v1/datasets/{ds}/versions/1/content?view=reidentified&purpose=support",
        "/v1/datasets/{ds}/versions/1/report",
    ],
)
def test_another_tenants_dataset_is_404_for_every_role(
    app: App, dataset_id: str, path: str
) -> None:
    for role in ROLES:
        if role == "auditor":
            continue  # auditors read no datasets at all (403 above)
        answer = app.client.get(path.format(ds=dataset_id), headers=app.headers("globex", role))
        assert answer.status_code == 404, (role, answer.text)
    upload = app.client.post(
        f"/v1/datasets/{dataset_id}/versions",
        files={"file": ("a.csv", CSV, "text/csv")},
        headers=app.headers("globex", "uploader"),
    )
    assert upload.status_code == 404


def test_another_tenant_lists_nothing_and_cannot_revoke_foreign_keys(
    app: App, dataset_id: str
) -> None:
    listed = app.client.get("/v1/datasets", headers=app.headers("globex", "analyst")).json()
    assert listed["data"] == []
    acme_key_id = app.client.get("/v1/apikeys", headers=app.headers("acme", "admin")).json()[
        "data"
    ][0]["id"]
    answer = app.client.delete(f"/v1/apikeys/{acme_key_id}", headers=app.headers("globex", "admin"))
    assert answer.status_code == 404


def test_tokens_of_another_tenant_never_reidentify(app: App) -> None:
    token_text = app.client.post(
        "/v1/anonymize", json={"text": "John Smith"}, headers=app.headers("acme", "analyst")
    ).json()["text"]
    answer = app.client.post(
        "/v1/reidentify",
        json={"text": token_text, "purpose": "support"},
        headers=app.headers("globex", "reidentifier"),
    ).json()
    assert answer["text"] == token_text
    assert answer["unresolved"] == [token_text]


def test_reidentify_needs_a_purpose_and_records_it(app: App) -> None:
    headers = app.headers("acme", "reidentifier")
    token_text = app.client.post(
        "/v1/anonymize", json={"text": "Mary Jones"}, headers=headers
    ).json()["text"]
    assert (
        app.client.post("/v1/reidentify", json={"text": token_text}, headers=headers).status_code
        == 400
    )
    answer = app.client.post(
        "/v1/reidentify",
        json={"text": token_text},
        headers={**headers, "X-Vault-Purpose": "fraud_review"},
    )
    assert answer.json()["text"] == "Mary Jones"
    last = list(app.vault.audit.records("acme"))[-1]
    assert (last.event.action, last.event.purpose) == ("reidentify", "fraud_review")
    assert "Mary" not in repr(last)


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"text": 5}, "text"),
        ({"txt": "hello"}, "txt"),
        ('{"text": "bad \\ud800 surrogate"}', "text"),
        ({}, "text"),
    ],
)
def test_bad_text_bodies_get_precise_400s(
    app: App, body: dict[str, object] | str, param: str
) -> None:
    headers = {**app.headers("acme", "analyst"), "content-type": "application/json"}
    content = body if isinstance(body, str) else json.dumps(body)
    answer = app.client.post("/v1/anonymize", content=content, headers=headers)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert param in error["message"]


def test_invalid_json_and_control_characters(app: App) -> None:
    headers = {**app.headers("acme", "analyst"), "content-type": "application/json"}
    assert (
        app.client.post(
            "/v1/anonymize", content=b'{"text": "\xff\xfe"}', headers=headers
        ).status_code
        == 400
    )
    answer = app.client.post(
        "/v1/anonymize", json={"text": "a\x00b\x07John Smith\x1b"}, headers=headers
    )
    assert answer.status_code == 200
    assert "John Smith" not in answer.json()["text"]


def test_failed_auth_is_audited_without_the_presented_key(app: App) -> None:
    app.client.post(
        "/v1/scan", json={"text": "x"}, headers={"Authorization": "Bearer vk_secretlooking"}
    )
    failures = [r for r in app.vault.audit.records("_system") if r.event.action == "auth.failure"]
    assert failures
    assert "secretlooking" not in repr(failures[-1])


def test_a_key_fresh_in_memory_is_still_refused_and_audited_on_the_proxy(app: App) -> None:
    """The proxy admits a key it looked up a moment ago without a worker thread; tampering,
    revocation and a role without inference must still be refused there, and audited."""
    chat = "/openai/v1/chat/completions"
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}

    def post(key: str) -> int:
        return app.client.post(
            chat, json=body, headers={"Authorization": f"Bearer {key}"}
        ).status_code

    def audited(action: str, tenant: str) -> int:
        return sum(1 for r in app.vault.audit.records(tenant) if r.event.action == action)

    info, key = create_api_key(app.vault.api_keys, tenant="acme", roles=["analyst"])
    assert post(key) == 503  # admitted: no Groq key is configured here
    failures = audited("auth.failure", "_system")
    assert post(key[:-1] + ("A" if key[-1] != "A" else "B")) == 401
    assert audited("auth.failure", "_system") == failures + 1
    revoke_api_key(app.vault.api_keys, info.id)
    assert post(key) == 401

    _, auditor = create_api_key(app.vault.api_keys, tenant="acme", roles=["auditor"])
    assert (
        app.client.get(
            "/v1/audit/export", headers={"Authorization": f"Bearer {auditor}"}
        ).status_code
        == 200
    )
    denied = audited("proxy.request", "acme")
    assert post(auditor) == 403
    assert audited("proxy.request", "acme") == denied + 1


def test_rate_limit_gives_429_with_retry_after(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings = Settings(data_dir=tmp_path_factory.mktemp("rl"), _env_file=None, rate_limit_rpm=3)  # type: ignore[call-arg]
    limited = build_app(settings)
    headers = limited.headers("acme", "analyst")
    codes = [limited.client.post("/v1/scan", json={"text": "x"}, headers=headers) for _ in range(4)]
    assert [c.status_code for c in codes] == [200, 200, 200, 429]
    assert int(codes[-1].headers["retry-after"]) >= 1
    assert codes[-1].json()["error"]["code"] == "rate_limit_exceeded"


def test_policy_changes_are_audited_across_restarts(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    data_dir = tmp_path_factory.mktemp("policy")
    for policy in ("default", "default", "strict"):
        app = build_app(Settings(data_dir=data_dir, policy=policy, _env_file=None))  # type: ignore[call-arg]
        with app.client:
            pass
        app.vault.close()
    engine_app = build_app(Settings(data_dir=data_dir, _env_file=None))  # type: ignore[call-arg]
    actions = [r.event.action for r in engine_app.vault.audit.records("_system")]
    assert actions == ["policy.load", "policy.load", "policy.change"]


def test_metrics_count_requests_by_route_never_by_content(app: App) -> None:
    app.client.post("/v1/scan", json={"text": "John Smith"}, headers=app.headers("acme", "analyst"))
    text = app.client.get("/metrics").text
    assert 'vault_http_requests_total{method="POST",route="/v1/scan",status="200"}' in text
    assert "John" not in text


def test_a_form_encoded_body_is_told_to_send_json(app: App) -> None:
    answer = app.client.post(
        "/v1/anonymize",
        content=b'{"text": "hi"}',
        headers={
            **app.headers("acme", "analyst"),
            "content-type": "application/x-www-form-urlencoded",
        },
    )
    assert answer.status_code == 400
    assert "application/json" in answer.json()["error"]["message"]


def test_an_unexpected_error_is_an_opaque_500_and_logs_no_content(
    app: App, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(*_: object, **__: object) -> None:
        raise KeyError("secret-value@example.com")

    monkeypatch.setattr(app.vault.anonymizer, "find_spans", explode)
    client = TestClient(app.client.app, raise_server_exceptions=True)
    answer = client.post("/v1/scan", json={"text": "x"}, headers=app.headers("acme", "analyst"))
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal_error"
    assert "secret-value" not in answer.text
    assert "secret-value" not in caplog.text
    assert "KeyError" in caplog.text


def test_auditor_exports_their_tenant_and_the_file_verifies(
    app: App, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from vault.services.verify_audit import verify_file

    app.client.post(
        "/v1/anonymize", json={"text": "John Smith"}, headers=app.headers("acme", "analyst")
    )
    app.client.post(
        "/v1/anonymize", json={"text": "Mary Jones"}, headers=app.headers("globex", "analyst")
    )
    for fmt in ("jsonl", "csv"):
        answer = app.client.get(
            f"/v1/audit/export?format={fmt}", headers=app.headers("acme", "auditor")
        )
        assert answer.status_code == 200
        assert "globex" not in answer.text and "John" not in answer.text
        path = tmp_path_factory.mktemp("export") / f"audit.{fmt}"
        path.write_text(answer.text)
        assert verify_file(path).ok, verify_file(path).message()
        lines = answer.text.splitlines(keepends=True)
        path.write_text("".join(lines[:2] + lines[3:]))  # one record removed
        assert not verify_file(path).ok
    bad = app.client.get("/v1/audit/export?format=xml", headers=app.headers("acme", "auditor"))
    assert bad.status_code == 400


def test_admin_creates_a_multi_role_key_that_works_once_shown(app: App) -> None:
    answer = app.client.post(
        "/v1/apikeys",
        json={"roles": ["analyst", "reidentifier"], "label": "support bot", "expires_in_days": 30},
        headers=app.headers("acme", "admin", "analyst", "reidentifier"),
    )
    assert answer.status_code == 201, answer.text
    created = answer.json()
    assert created["roles"] == ["analyst", "reidentifier"] and created["tenant"] == "acme"
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert app.client.post("/v1/scan", json={"text": "x"}, headers=headers).status_code == 200
    listed = app.client.get("/v1/apikeys", headers=app.headers("acme", "admin")).json()["data"]
    assert created["key"] not in str(listed)
    assert (
        app.client.post(
            "/v1/apikeys", json={"roles": ["wizard"]}, headers=app.headers("acme", "admin")
        ).status_code
        == 400
    )
