"""A batch of chat requests redacted at once gives the bytes of one `redact` after another: the
same tokens, values found in earlier requests tokenized where they stand again, the guard's
memory as it was at each request, and the first failure where it would have been."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes import SalutationDetector
from vault.adapters.database import create_db_engine, migrate
from vault.adapters.kms_local import LocalKeyService
from vault.adapters.tenant_keys_sql import SqlTenantKeys
from vault.adapters.token_store_sql import SqlTokenStore
from vault.domain.policy import AnonymizationPolicy
from vault.errors import InvalidRequest, OutboundBlocked, VaultError
from vault.services.anonymize import Anonymizer
from vault.services.chat import ChatRedactor
from vault.services.chat.redact import SpanCache

# SalutationDetector finds a name only after "Dear": elsewhere only the memory of earlier
# requests finds it.


@pytest.fixture(scope="module")
def anonymizer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Anonymizer]:
    root: Path = tmp_path_factory.mktemp("many")
    engine = create_db_engine(f"sqlite:///{root / 'meta.db'}")
    migrate(engine)
    yield Anonymizer(
        detector=SalutationDetector(),
        token_store=SqlTokenStore(engine),
        tenant_keys=SqlTenantKeys(engine, LocalKeyService(data_dir=root)),
        policy=AnonymizationPolicy(name="test"),
    )
    engine.dispose()


def _chat(*texts: str, model: str = "llama-3.1-8b-instant") -> dict[str, Any]:
    return {"model": model, "messages": [{"role": "user", "content": t} for t in texts]}


def _one_by_one(
    redactor: ChatRedactor, tenant: str, bodies: list[dict[str, Any]]
) -> tuple[list[bytes], tuple[int, type[VaultError]] | None]:
    payloads = []
    for i, body in enumerate(bodies):
        try:
            payloads.append(redactor.redact(tenant, copy.deepcopy(body)).payload)
        except InvalidRequest as exc:
            return payloads, (i, type(exc))
    return payloads, None


def _at_once(
    redactor: ChatRedactor, tenant: str, bodies: list[dict[str, Any]]
) -> tuple[list[bytes], tuple[int, type[VaultError]] | None]:
    results, failed = redactor.redact_many(tenant, copy.deepcopy(bodies))
    return [r.payload for r in results], None if failed is None else (failed[0], type(failed[1]))


BODIES = [
    _chat("Lena Fischer wrote from lena@example.com"),  # the name not found here: sent as it is
    _chat("Dear Lena Fischer, your card 4111 1111 1111 1111"),
    _chat("Lena Fischer again, card 4111 1111 1111 1111", "and lena@example.com"),
    _chat("Dear Omar Haddad", "Omar Haddad, Lena Fischer and Omar Haddad"),
    _chat("nothing personal here"),
    _chat("Dear Lena Fischer"),  # the same text as before: from the cache
]


def test_a_batch_is_the_requests_one_after_another(anonymizer: Anonymizer) -> None:
    sequential, failed = _one_by_one(ChatRedactor(anonymizer), "acme", BODIES)
    assert failed is None
    batched, failed = _at_once(ChatRedactor(anonymizer), "acme", BODIES)
    assert failed is None
    assert batched == sequential
    # The memory at work: the third request's name is tokenized though not detected in it.
    assert b"Lena Fischer" in sequential[0] and b"Lena Fischer" not in sequential[2]


def test_the_memory_carries_over_to_the_next_batch(anonymizer: Anonymizer) -> None:
    one, two = ChatRedactor(anonymizer), ChatRedactor(anonymizer)
    expected, _ = _one_by_one(one, "acme", BODIES[:3] + BODIES[3:])
    first, _ = _at_once(two, "acme", BODIES[:3])
    second, _ = _at_once(two, "acme", BODIES[3:])
    assert first + second == expected


@pytest.mark.parametrize(
    ("bodies", "index", "kind"),
    [
        # A name known from the second request stands upper-cased in the third: the guard
        # refuses it there, though a later request is invalid too.
        (
            [BODIES[0], BODIES[1], _chat("LENA FISCHER"), {"model": "m", "messages": "x"}],
            2,
            OutboundBlocked,
        ),
        # An invalid request after a good one; the good one is still guarded first.
        ([BODIES[1], {"model": "m", "messages": [{"role": "king"}]}, BODIES[2]], 1, InvalidRequest),
        # A model id holding a mail address is refused where it stands.
        ([BODIES[0], _chat("hello", model="jo@example.com"), BODIES[1]], 1, InvalidRequest),
    ],
)
def test_the_first_failure_is_where_it_would_have_been(
    anonymizer: Anonymizer, bodies: list[dict[str, Any]], index: int, kind: type[VaultError]
) -> None:
    sequential, failed = _one_by_one(ChatRedactor(anonymizer), "acme", bodies)
    assert failed is not None and failed[0] == index
    assert issubclass(failed[1], kind)
    batched, batch_failed = _at_once(ChatRedactor(anonymizer), "acme", bodies)
    assert batch_failed == failed
    assert batched == sequential


def test_a_batch_with_a_cache_of_its_own_leaves_the_conversations_cache_as_it_was(
    anonymizer: Anonymizer,
) -> None:
    redactor, own = ChatRedactor(anonymizer), SpanCache()
    body = _chat("Dear Nadia Petrova, a text only this batch sends")
    results, failed = redactor.redact_many("acme", [copy.deepcopy(body)], cache=own)
    assert failed is None and results[0].detected > 0
    again, _ = redactor.redact_many("acme", [copy.deepcopy(body)], cache=own)
    assert again[0].detected == 0  # the batch's own cache knew the text
    alone = redactor.redact("acme", copy.deepcopy(body))
    assert alone.detected == results[0].detected  # the conversations' cache never held it
    assert alone.payload == results[0].payload
