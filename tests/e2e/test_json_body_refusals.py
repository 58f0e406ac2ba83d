"""A job's or a batch's JSON body that is too large or does not parse: a precise 4xx before any
work, and one audit record of the refusal under the route's action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest

from tests.e2e.conftest import TENANT, Proxy, Upstream, start_proxy
from tests.fakes import RegexDetector
from vault.services.apikeys import create_api_key

ROUTES = [
    ("/v1/datasets/import", "dataset.import"),
    ("/v1/datasets/ds_missing/versions/1/infer", "dataset.infer"),
    ("/openai/v1/batches", "batch.create"),
]
BODIES = [
    (b"{not json", 400, "request body is not valid JSON"),
    (b'{"pad": "' + b"x" * (4 * 1024 * 1024) + b'"}', 413, "request body is larger than"),
]


@pytest.fixture(scope="module")
def served(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    with ExitStack() as stack:
        yield start_proxy(
            stack,
            tmp_path_factory.mktemp("bodies"),
            groq_url=upstream.url,
            detector=RegexDetector(),
        )


@pytest.mark.parametrize(("path", "action"), ROUTES)
@pytest.mark.parametrize(("body", "status", "message"), BODIES)
def test_a_bad_body_is_refused_and_audited_once(
    served: Proxy, path: str, action: str, body: bytes, status: int, message: str
) -> None:
    _, key = create_api_key(served.vault.api_keys, tenant=TENANT, roles=["uploader", "analyst"])
    before = served.audit_actions()
    answer = httpx.post(
        served.url + path,
        content=body,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        timeout=60,
    )
    assert answer.status_code == status
    assert message in answer.json()["error"]["message"]
    assert served.audit_actions()[len(before) :] == [(action, "error")]
