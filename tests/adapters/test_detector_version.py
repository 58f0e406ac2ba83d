"""The detector's version: presidio's, the spaCy model's and our recognizers' digest, recorded by
every dataset version (not the class name)."""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.e2e.apps import App
from vault.adapters.detection import PresidioDetector, build_detector
from vault.adapters.detection._nlp import load_ner
from vault.adapters.detection._version import MAX_LENGTH
from vault.api import create_app
from vault.settings import Settings
from vault.wiring import build_vault

_SHAPE = re.compile(
    r"presidio-(?P<presidio>[^/]+)/(?P<model>[a-z]{2}_[a-z0-9_]+)-(?P<model_version>[^/]+)"
    r"/rules-(?P<digest>[0-9a-f]{8,})"
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_ner()


def test_version_names_presidio_the_model_and_a_digest_of_our_recognizers(nlp: Any) -> None:
    version = PresidioDetector(nlp).version
    parts = _SHAPE.fullmatch(version)
    assert parts is not None, version
    assert parts["presidio"] == importlib.metadata.version("presidio-analyzer")
    assert parts["model"] == f"{nlp.meta['lang']}_{nlp.meta['name']}"
    assert parts["model_version"] == nlp.meta["version"]
    assert len(version) <= MAX_LENGTH  # the catalog's column
    assert version != "PresidioDetector"


def test_same_configuration_same_version_another_configuration_another(nlp: Any) -> None:
    base = PresidioDetector(nlp).version
    assert PresidioDetector(nlp).version == base
    others = {
        PresidioDetector(nlp, regions=["US"]).version,
        PresidioDetector(nlp, allow_list=["Acme"]).version,
        PresidioDetector(nlp, score_threshold=0.7).version,
        PresidioDetector(nlp, entities=["EMAIL_ADDRESS"]).version,
        PresidioDetector(nlp, deny_list={"PERSON": ["Zed"]}).version,
    }
    assert base not in others
    assert len(others) == 5


def test_version_holds_no_list_word(nlp: Any) -> None:
    version = PresidioDetector(nlp, allow_list=["Acme"], deny_list={"PERSON": ["Zed"]}).version
    assert "acme" not in version.lower()
    assert "zed" not in version.lower()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings(data_dir=tmp_path / "vault-data", dataset_workers=1, _env_file=None)  # type: ignore[call-arg]
    vault = build_vault(settings, detector_override=build_detector())
    with TestClient(create_app(vault=vault)) as client:
        yield App(vault=vault, client=client)
    vault.close()


def test_every_dataset_version_records_the_detector_version(app: App) -> None:
    dataset = app.create_dataset(
        "people", ("p.csv", b"name,email\nAda,ada@example.com\n", "text/csv")
    )
    headers = app.headers("acme", "analyst")
    added = app.client.post(
        f"/v1/datasets/{dataset}/versions",
        files={"file": ("p.csv", b"name,email\nBo,bo@example.org\n", "text/csv")},
        headers=app.headers("acme", "uploader"),
    )
    assert added.status_code in (201, 202), added.text
    versions = app.client.get(f"/v1/datasets/{dataset}/versions", headers=headers)
    assert versions.status_code == 200, versions.text
    body = versions.json()
    rows = body["data"] if isinstance(body, dict) else body
    recorded = {row["detector_version"] for row in rows}
    assert recorded == {app.vault.detector.version}
    assert _SHAPE.fullmatch(recorded.pop())
