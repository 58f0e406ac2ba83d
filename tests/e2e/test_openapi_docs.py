"""The API document and its pages: served by the vault alone, with every status and how to sign in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from tests.e2e.conftest import Proxy, start_proxy
from tests.fakes import RegexDetector
from vault.api.openapi import OPERATIONS

_REFERENCE = re.compile(r"""(?:src|href|url)\s*[=:]\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def docs_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    with ExitStack() as stack:
        yield start_proxy(
            stack,
            tmp_path_factory.mktemp("docs"),
            groq_url="http://127.0.0.1:9",
            detector=RegexDetector(),
        )


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_pages_load_everything_from_the_vault(docs_vault: Proxy, page: str) -> None:
    base = docs_vault.url
    answer = httpx.get(base + page)
    assert answer.status_code == 200
    assert "text/html" in answer.headers["content-type"]
    references = _REFERENCE.findall(answer.text)
    assert any(ref.endswith(".js") for ref in references)
    assert "/openapi.json" in references
    vault_host = urlsplit(base).netloc
    for reference in references:
        url = urljoin(base + page, reference)
        assert urlsplit(url).netloc == vault_host, reference
        assert httpx.get(url).status_code == 200, reference
    assert not re.search(r"https?://(?!127\.0\.0\.1)", answer.text.replace(base, ""))


def test_every_operation_is_in_the_table(docs_vault: Proxy) -> None:
    document = httpx.get(docs_vault.url + "/openapi.json").json()
    served = {f"{m.upper()} {path}" for path, ms in document["paths"].items() for m in ms}
    assert served == set(OPERATIONS)


def test_every_operation_says_how_to_sign_in(docs_vault: Proxy) -> None:
    document = httpx.get(docs_vault.url + "/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKey"]["name"] == "x-api-key"
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            public = path in ("/healthz", "/readyz", "/metrics")
            assert ("security" in operation) is not public, (method, path)
            if not public:
                assert {"401", "403"} <= set(operation["responses"]), (method, path)


def test_errors_share_one_schema_and_no_fastapi_422(docs_vault: Proxy) -> None:
    document = httpx.get(docs_vault.url + "/openapi.json").json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    error = document["components"]["schemas"]["Error"]
    assert set(error["properties"]["error"]["required"]) == {"message", "type"}
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            spec = OPERATIONS[f"{method.upper()} {path}"]
            for status in spec.errors:
                content = operation["responses"][str(status)]["content"]
                assert content["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }
            if "422" in operation["responses"]:
                assert 422 in spec.errors, (method, path)


def test_hand_read_bodies_are_documented(docs_vault: Proxy) -> None:
    paths = httpx.get(docs_vault.url + "/openapi.json").json()["paths"]
    chat = paths["/openai/v1/chat/completions"]["post"]["requestBody"]["content"]
    assert chat["application/json"]["schema"]["required"] == ["model", "messages"]
    upload = paths["/v1/datasets"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert list(upload["schema"]["properties"]) == ["name", "column_policy", "delimiter", "file"]
    headers = [p["name"] for p in paths["/v1/datasets"]["post"]["parameters"]]
    assert "idempotency-key" in [h.lower() for h in headers]
    audio = paths["/openai/v1/audio/transcriptions"]["post"]["requestBody"]["content"]
    assert set(audio["multipart/form-data"]["schema"]["properties"]) >= {
        "file",
        "model",
        "prompt",
        "language",
        "response_format",
        "temperature",
    }


def test_metrics_documents_its_token_only_when_set(tmp_path: Path) -> None:
    from vault.api import create_app
    from vault.settings import Settings
    from vault.wiring import build_vault

    for token, guarded in ((None, False), ("metrics-secret", True)):
        settings = Settings(  # type: ignore[call-arg]
            data_dir=tmp_path / str(guarded), metrics_token=token, _env_file=None
        )
        vault = build_vault(settings, detector_override=RegexDetector())
        try:
            operation = create_app(vault=vault).openapi()["paths"]["/metrics"]["get"]
        finally:
            vault.close()
        assert ("401" in operation["responses"]) is guarded
        assert ("security" in operation) is guarded
