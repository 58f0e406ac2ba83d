"""Build a vault app for API tests: fast regex detector, any metadata DB and object store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

from tests.fakes import RegexDetector
from vault.adapters.database import create_db_engine
from vault.api import create_app
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import Vault, build_vault

ALL_ROLES = ("admin", "uploader", "analyst", "reidentifier", "auditor")


@dataclass
class App:
    vault: Vault
    client: TestClient
    keys: dict[tuple[str, str], str] = field(default_factory=dict)

    def key(self, tenant: str, role: str) -> str:
        if (tenant, role) not in self.keys:
            _, secret = create_api_key(self.vault.api_keys, tenant=tenant, roles=[role])
            self.keys[(tenant, role)] = secret
        return self.keys[(tenant, role)]

    def headers(self, tenant: str, *roles: str, purpose: str | None = None) -> dict[str, str]:
        if len(roles) == 1:
            secret = self.key(tenant, roles[0])
        else:
            _, secret = create_api_key(self.vault.api_keys, tenant=tenant, roles=list(roles))
        headers = {"Authorization": f"Bearer {secret}"}
        if purpose:
            headers["X-Vault-Purpose"] = purpose
        return headers

    def create_dataset(
        self, name: str, file: tuple[str, bytes, str], *, tenant: str = "acme"
    ) -> str:
        """Upload `file` (name, bytes, content type) as a new dataset; its id."""
        answer = self.client.post(
            "/v1/datasets",
            data={"name": name},
            files={"file": file},
            headers=self.headers(tenant, "uploader"),
        )
        assert answer.status_code == 201, answer.text
        return str(answer.json()["id"])


def build_app(settings: Settings, *, db_url: str | None = None, **overrides: Any) -> App:
    if db_url is not None:
        overrides["engine"] = create_db_engine(db_url)
    vault = build_vault(settings, detector_override=RegexDetector(), **overrides)
    return App(vault=vault, client=TestClient(create_app(vault=vault)))
