"""Anonymize → reidentify: exact round trips, stable tokens, tenant isolation, operators."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes import RegexDetector
from vault.adapters.database import create_db_engine, migrate
from vault.adapters.kms_local import LocalKeyService
from vault.adapters.tenant_keys_sql import SqlTenantKeys
from vault.adapters.token_store_sql import SqlTokenStore
from vault.domain.entities import LITERAL_TOKEN_TYPE
from vault.domain.policy import AnonymizationPolicy, EntityRule, Operator
from vault.domain.spans import Span
from vault.errors import Gone, InvalidRequest
from vault.services.anonymize import Anonymizer
from vault.services.reidentify import Reidentifier

TEXT = "Write to John Smith at john.smith@example.com, card 4111 1111 1111 1111."


class Parts:
    def __init__(self, root: Path, policy: AnonymizationPolicy | None = None) -> None:
        engine = create_db_engine(f"sqlite:///{root / 'meta.db'}")
        migrate(engine)
        self.engine = engine
        self.tokens = SqlTokenStore(engine)
        self.keys = SqlTenantKeys(engine, LocalKeyService(data_dir=root))
        self.anonymizer = Anonymizer(
            detector=RegexDetector(),
            token_store=self.tokens,
            tenant_keys=self.keys,
            policy=policy or AnonymizationPolicy(name="test"),
        )
        self.reidentifier = Reidentifier(
            token_store=self.tokens, tenant_keys=self.keys, grammar=self.anonymizer.grammar
        )

    def round_trip(self, tenant: str, text: str) -> str:
        return self.reidentifier.reidentify(
            tenant, self.anonymizer.anonymize(tenant, text).text
        ).text


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Parts]:
    built = Parts(tmp_path_factory.mktemp("anon"))
    yield built
    built.engine.dispose()


def test_pii_is_replaced_by_tokens_and_comes_back(parts: Parts) -> None:
    result = parts.anonymizer.anonymize("acme", TEXT)
    for value in ("John Smith", "john.smith@example.com", "4111 1111 1111 1111"):
        assert value not in result.text
    assert result.counts() == {"PERSON": 1, "EMAIL_ADDRESS": 1, "CREDIT_CARD": 1}
    back = parts.reidentifier.reidentify("acme", result.text)
    assert back.text == TEXT
    assert back.counts == {"PERSON": 1, "EMAIL_ADDRESS": 1, "CREDIT_CARD": 1}


def test_same_value_same_token_within_a_tenant_only(parts: Parts) -> None:
    first = parts.anonymizer.anonymize("acme", "Hi John Smith").tokens()
    again = parts.anonymizer.anonymize("acme", "Bye John Smith!").tokens()
    other = parts.anonymizer.anonymize("globex", "Hi John Smith").tokens()
    assert first == again
    assert first.isdisjoint(other)


def test_another_tenants_token_never_resolves(parts: Parts) -> None:
    text = parts.anonymizer.anonymize("acme", TEXT).text
    leaked = parts.reidentifier.reidentify("globex", text)
    assert leaked.text == text
    assert len(leaked.unresolved) == 3


def test_reveal_limits_which_types_come_back(parts: Parts) -> None:
    text = parts.anonymizer.anonymize("acme", TEXT).text
    partial = parts.reidentifier.reidentify("acme", text, reveal=frozenset({"PERSON"}))
    assert "John Smith" in partial.text
    assert "john.smith@example.com" not in partial.text
    assert partial.withheld == 2


def test_text_that_looks_like_tokens_round_trips(parts: Parts) -> None:
    issued = parts.anonymizer.anonymize("acme", "John Smith").text
    # The caller sends a real token of theirs, and made-up look-alikes, as literal text.
    text = f"literal {issued} and person_0123456789 and EMAIL_ADDRESS_ZZZZZZZZZZ"
    assert parts.round_trip("acme", text) == text


def test_unpaired_surrogates_are_refused(parts: Parts) -> None:
    with pytest.raises(InvalidRequest, match="surrogate"):
        parts.anonymizer.anonymize("acme", "bad \ud800 text")


# Texts built from pieces the detector knows, token look-alikes and anything else.
_PIECES = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
        st.sampled_from(
            [
                "John Smith",
                "mary@ex.org",
                "+1 415 555 0132",
                "4111 1111 1111 1111",
                "PERSON_",
                "_",
                "'s",
                " ",
            ]
        ),
    ),
    max_size=12,
)
_PROPERTY = settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)


@_PROPERTY
@given(_PIECES)
def test_round_trip_is_exact_for_any_text(parts: Parts, pieces: list[str]) -> None:
    text = "".join(pieces)
    assert parts.round_trip("acme", text) == text


@_PROPERTY
@given(_PIECES)
def test_reidentified_spans_mark_exactly_the_restored_values(
    parts: Parts, pieces: list[str]
) -> None:
    """Where re-identification says it put values is where detection finds them: what lets an
    answer restored by the proxy skip detection when it comes back in the next turn."""
    text = "".join(pieces)
    restored = parts.reidentifier.reidentify("acme", parts.anonymizer.anonymize("acme", text).text)
    assert restored.text == text
    detected = [
        (s.start, s.end, s.entity_type)
        for s in parts.anonymizer.find_spans(text)
        if s.entity_type != LITERAL_TOKEN_TYPE
    ]
    assert [(s.start, s.end, s.entity_type) for s in restored.spans] == detected


def test_one_way_operators(tmp_path: Path) -> None:
    policy = AnonymizationPolicy(
        name="mixed",
        entities={
            "PERSON": EntityRule(operator=Operator.REDACT),
            "EMAIL_ADDRESS": EntityRule(operator=Operator.SURROGATE),
            "CREDIT_CARD": EntityRule(operator=Operator.MASK),
            "PHONE_NUMBER": EntityRule(operator=Operator.HASH),
        },
    )
    mixed = Parts(tmp_path, policy)
    out = mixed.anonymizer.anonymize("acme", TEXT + " Call +1 415 555 0132.").text
    assert "<PERSON>" in out
    assert "@example.com" in out and "john.smith" not in out
    assert "**** **** **** 1111" in out
    assert "<PHONE_NUMBER:" in out and "415" not in out
    mixed.engine.dispose()


def test_allow_and_deny_lists(tmp_path: Path) -> None:
    policy = AnonymizationPolicy(
        name="lists", allow_list=["John Smith"], deny_list={"PROJECT": ["bluebird"]}
    )
    listed = Parts(tmp_path, policy)
    spans = listed.anonymizer.find_spans("John Smith leads Project BlueBird.")
    assert [s.entity_type for s in spans] == ["PROJECT"]
    listed.engine.dispose()


def test_shredded_tenant_is_gone_and_its_tokens_stay_unresolved(tmp_path: Path) -> None:
    shredded = Parts(tmp_path)
    text = shredded.anonymizer.anonymize("acme", TEXT).text
    shredded.keys.shred("acme")
    assert shredded.reidentifier.reidentify("acme", text).text == text
    with pytest.raises(Gone):
        shredded.anonymizer.anonymize("acme", "John Smith again")
    shredded.engine.dispose()


def test_overlapping_detections_keep_the_longer_span(parts: Parts) -> None:
    result = parts.anonymizer.anonymize("acme", "John Smith", spans=[Span(0, 10, "PERSON", 0.9)])
    assert result.text.startswith("PERSON_")


def test_a_shred_by_another_process_takes_effect_here(tmp_path: Path) -> None:
    here = Parts(tmp_path)
    text = here.anonymizer.anonymize("acme", TEXT).text
    here.keys._refresh_seconds = 0  # re-read the row on every use
    elsewhere = SqlTenantKeys(here.engine, LocalKeyService(data_dir=tmp_path))  # the CLI
    elsewhere.shred("acme")
    assert here.reidentifier.reidentify("acme", text).text == text
    with pytest.raises(Gone):
        here.anonymizer.anonymize("acme", "John Smith")
    here.engine.dispose()


def test_keyring_refresh_is_safe_under_concurrent_use(tmp_path: Path) -> None:
    import threading

    from vault.crypto import TenantKeyring

    keys = LocalKeyService(data_dir=tmp_path)
    sealer = TenantKeyring.create(keys=keys, tenant="acme")
    blob = sealer.seal_small(b"value", context={"purpose": "t"})
    # max_age 0: every use unwraps afresh, so readers race the refresh constantly.
    shared = TenantKeyring(
        keys=keys, tenant="acme", wrapped_root=sealer.wrapped_root, max_age_seconds=0
    )
    failures: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(300):
                assert shared.open_small(blob, context={"purpose": "t"}) == b"value"
        except BaseException as exc:  # collected, asserted below
            failures.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
