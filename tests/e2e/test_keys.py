"""Key rotation (rewrap without decrypting) and crypto-shredding, through the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.apps import App, build_app
from vault.services.rotate_keys import rewrap_all, shred_dataset, shred_tenant
from vault.settings import Settings

TEXT = b"John Smith paid with 4111 1111 1111 1111.\n"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    built = build_app(Settings(data_dir=tmp_path, _env_file=None))  # type: ignore[call-arg]
    with built.client:
        yield built


def _upload(app: App) -> str:
    return app.create_dataset("d", ("d.txt", TEXT, "text/plain"))


def _read(app: App, dataset: str) -> object:
    return app.client.get(
        f"/v1/datasets/{dataset}/versions/1/content?view=reidentified&purpose=support",
        headers=app.headers("acme", "reidentifier"),
    )


def test_rewrap_moves_every_key_and_old_master_can_then_be_destroyed(app: App) -> None:
    dataset = _upload(app)
    vault = app.vault
    old_key = vault.keys.primary_key_id
    new_key = vault.keys.rotate()  # type: ignore[attr-defined]
    report = rewrap_all(
        keys=vault.keys, tenant_keys=vault.tenant_keys, catalog=vault.datasets, to_key_id=new_key
    )
    assert (report.tenant_roots, report.dataset_versions) == (1, 1)
    again = rewrap_all(
        keys=vault.keys, tenant_keys=vault.tenant_keys, catalog=vault.datasets, to_key_id=new_key
    )
    assert (again.tenant_roots, again.dataset_versions) == (0, 0)

    vault.keys.destroy(old_key)  # type: ignore[attr-defined]
    vault.tenant_keys.keyring("acme").forget()  # type: ignore[attr-defined]
    assert _read(app, dataset).content == TEXT
    tokens = app.client.post(
        "/v1/anonymize", json={"text": "John Smith"}, headers=app.headers("acme", "analyst")
    ).json()
    back = app.client.post(
        "/v1/reidentify",
        json={"text": tokens["text"], "purpose": "support"},
        headers=app.headers("acme", "reidentifier"),
    )
    assert back.json()["text"] == "John Smith"


def test_without_rewrap_destroying_the_master_makes_data_gone_not_corrupt(app: App) -> None:
    dataset = _upload(app)
    old_key = app.vault.keys.primary_key_id
    app.vault.keys.rotate()  # type: ignore[attr-defined]
    app.vault.keys.destroy(old_key)  # type: ignore[attr-defined]
    answer = _read(app, dataset)
    assert answer.status_code == 410
    assert answer.json()["error"]["code"] == "erased"


def test_shredding_a_dataset_erases_every_version(app: App) -> None:
    dataset = _upload(app)
    second = app.client.post(
        f"/v1/datasets/{dataset}/versions",
        files={"file": ("d.txt", TEXT, "text/plain")},
        headers=app.headers("acme", "uploader"),
    )
    assert second.status_code == 201
    assert shred_dataset(app.vault.datasets, tenant="acme", dataset_id=dataset) == 2
    for version in (1, 2):
        answer = app.client.get(
            f"/v1/datasets/{dataset}/versions/{version}/content",
            headers=app.headers("acme", "analyst"),
        )
        assert answer.status_code == 410


def test_shredding_a_tenant_kills_its_tokens_too(app: App) -> None:
    _upload(app)
    tokens = app.client.post(
        "/v1/anonymize", json={"text": "John Smith"}, headers=app.headers("acme", "analyst")
    ).json()["text"]
    shred_tenant(app.vault.datasets, app.vault.tenant_keys, tenant="acme")
    back = app.client.post(
        "/v1/reidentify",
        json={"text": tokens, "purpose": "support"},
        headers=app.headers("acme", "reidentifier"),
    ).json()
    assert back["text"] == tokens
    assert (
        app.client.post(
            "/v1/anonymize", json={"text": "John Smith"}, headers=app.headers("acme", "analyst")
        ).status_code
        == 410
    )


def test_erased_value_never_reidentifies_and_is_redacted_afterwards(app: App) -> None:
    analyst, admin = app.headers("acme", "analyst"), app.headers("acme", "admin")
    reid = app.headers("acme", "reidentifier")
    first = app.client.post(
        "/v1/anonymize", json={"text": "Ask John Smith."}, headers=analyst
    ).json()["text"]
    found = app.client.post("/v1/dsr/find", json={"value": "John Smith"}, headers=admin).json()[
        "tokens"
    ]
    assert [t["entity_type"] for t in found] == ["PERSON"]
    assert found[0]["token"] in first
    erased = app.client.post("/v1/dsr/erase", json={"value": "John Smith"}, headers=admin).json()
    assert erased["erased"] == 1
    back = app.client.post(
        "/v1/reidentify", json={"text": first, "purpose": "support"}, headers=reid
    ).json()
    assert "John Smith" not in back["text"]
    later = app.client.post(
        "/v1/anonymize", json={"text": "John Smith again"}, headers=analyst
    ).json()["text"]
    assert later == "<PERSON> again"
    assert (
        app.client.post("/v1/dsr/find", json={"value": "John Smith"}, headers=admin).json()[
            "tokens"
        ]
        == []
    )
    actions = [r.event.action for r in app.vault.audit.records("acme")]
    assert "dsr.erase" in actions and "dsr.find" in actions
