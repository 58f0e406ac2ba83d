"""Schemathesis over the served vault: every operation of `/openapi.json`, with a key of every
role, answers only what the document says — never a 5xx, never an undocumented status, and
bodies and media types as documented."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import boto3
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tests.e2e.conftest import Proxy, Upstream, start_proxy
from tests.fakes import RegexDetector
from vault.adapters.source_s3 import S3ObjectSource
from vault.api.openapi import OPERATIONS
from vault.services.apikeys import create_api_key

pytestmark = pytest.mark.slow

ROLES = ("admin", "uploader", "analyst", "reidentifier", "auditor")
EXAMPLES = 100
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def served(
    upstream: Upstream, moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Proxy]:
    """A vault with the fast fake detector, served over HTTP in front of the fake Groq; its
    S3 imports read from moto."""
    with ExitStack() as stack:
        proxy = start_proxy(
            stack,
            tmp_path_factory.mktemp("fuzz"),
            groq_url=upstream.url,
            detector=RegexDetector(),
        )
        # Module-scoped, so before the per-test fake credentials: its client gets its own.
        s3 = boto3.client(
            "s3",
            endpoint_url=moto_endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        proxy.vault.__dict__["import_source"] = S3ObjectSource(client=s3)
        yield proxy


@pytest.fixture(scope="module")
def spec(served: Proxy) -> OpenApiSchema:
    return schemathesis.openapi.from_url(f"{served.url}/openapi.json")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_answers_as_documented(
    served: Proxy, spec: OpenApiSchema, name: str, role: str
) -> None:
    method, path = name.split(" ", 1)
    operation = spec[path][method]
    # A key per operation: its examples stay under the per-key request rate.
    _, key = create_api_key(served.vault.api_keys, tenant=f"fuzz-{role}", roles=[role])
    headers = {"Authorization": f"Bearer {key}"}
    session = requests.Session()  # one connection for the examples, as a client would

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def answers_as_documented(case: schemathesis.Case) -> None:
        response = case.call(base_url=served.url, session=session, headers=headers, timeout=60)
        case.validate_response(response, checks=CHECKS)

    with session:
        answers_as_documented()
