"""anonymize → reidentify is exact with the real detector too, for any input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vault.adapters.database import create_db_engine, migrate
from vault.adapters.detection import build_detector
from vault.adapters.kms_local import LocalKeyService
from vault.adapters.tenant_keys_sql import SqlTenantKeys
from vault.adapters.token_store_sql import SqlTokenStore
from vault.domain.policy import AnonymizationPolicy
from vault.services.anonymize import Anonymizer
from vault.services.reidentify import Reidentifier

PIECES = [
    "Jane Doe",
    "jane.doe@example.com",
    "+44 20 7946 0958",
    "4111 1111 1111 1111",
    "GB82 WEST 1234 5698 7654 32",
    "221B Baker Street, London NW1 6XE",
    "AKIAIOSFODNN7EXAMPLE",
    "PERSON_0ABCDEFGHJ",
    "192.168.10.20",
    "born 03/04/1985",
    "\n",
    ", ",
    "'s ",
]


@pytest.fixture(scope="module")
def round_trip(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Anonymizer, Reidentifier]]:
    root: Path = tmp_path_factory.mktemp("real")
    engine = create_db_engine(f"sqlite:///{root / 'meta.db'}")
    migrate(engine)
    tokens = SqlTokenStore(engine)
    keys = SqlTenantKeys(engine, LocalKeyService(data_dir=root))
    anonymizer = Anonymizer(
        detector=build_detector(),
        token_store=tokens,
        tenant_keys=keys,
        policy=AnonymizationPolicy(name="t"),
    )
    yield anonymizer, Reidentifier(token_store=tokens, tenant_keys=keys, grammar=anonymizer.grammar)
    engine.dispose()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=15),
        ),
        max_size=10,
    )
)
def test_real_detector_round_trip_is_exact(
    round_trip: tuple[Anonymizer, Reidentifier], pieces: list[str]
) -> None:
    anonymizer, reidentifier = round_trip
    text = "".join(pieces)
    anonymized = anonymizer.anonymize("acme", text)
    assert reidentifier.reidentify("acme", anonymized.text).text == text


def test_real_detector_leaves_no_listed_value_behind(
    round_trip: tuple[Anonymizer, Reidentifier],
) -> None:
    anonymizer, _ = round_trip
    text = "Jane Doe (jane.doe@example.com, +44 20 7946 0958) paid with 4111 1111 1111 1111."
    out = anonymizer.anonymize("acme", text).text
    for value in ("Jane Doe", "jane.doe@example.com", "7946 0958", "4111 1111 1111 1111"):
        assert value not in out
