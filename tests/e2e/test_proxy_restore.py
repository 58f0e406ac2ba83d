"""Restoring answers with the tokens a request issued held in memory: same results as the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes import RegexDetector
from vault.services.chat import PrimedReidentifier, StreamRestorer
from vault.settings import Settings
from vault.wiring import Vault, build_vault


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    vault = build_vault(settings, detector_override=RegexDetector())
    yield vault
    vault.close()


def primed(vault: Vault, known: dict[str, str]) -> PrimedReidentifier:
    return PrimedReidentifier(
        token_store=vault.tokens,
        tenant_keys=vault.tenant_keys,
        grammar=vault.reidentifier.grammar,
        known=known,
    )


def test_tokens_outside_the_request_come_from_the_store(vault: Vault) -> None:
    earlier = vault.anonymizer.anonymize("acme", "John Smith").text
    now = vault.anonymizer.anonymize("acme", "Mary Jones").text
    answer = f"{earlier} met {now.lower()}."
    plain = vault.reidentifier.reidentify("acme", answer)
    restored = primed(vault, {now: "Mary Jones"}).reidentify("acme", answer)
    assert restored == plain
    assert restored.text == "John Smith met Mary Jones."
    # Memory answers first: the store is not asked about the request's own tokens.
    assert primed(vault, {now: "M. J."}).reidentify("acme", answer).text == "John Smith met M. J.."


def test_primed_values_follow_the_reveal_rules(vault: Vault) -> None:
    token = vault.anonymizer.anonymize("acme", "mary@example.com").text
    reidentifier = primed(vault, {token: "mary@example.com"})
    assert reidentifier.reidentify("acme", token, reveal=frozenset()).text == token
    assert reidentifier.reidentify("acme", token, reveal=frozenset({"PERSON"})).text == token
    assert reidentifier.reidentify("acme", token, reveal=None).text == "mary@example.com"


def test_another_tenants_token_stays_unresolved(vault: Vault) -> None:
    token = vault.anonymizer.anonymize("other", "John Smith").text
    result = primed(vault, {}).reidentify("acme", f"hello {token}")
    assert result.text == f"hello {token}"
    assert result.unresolved == [token]


def _chunk(**delta: object) -> dict[str, object]:
    return {"id": "c", "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}


def test_a_stream_chunk_goes_to_the_token_store_only_when_it_may_hold_a_token(
    vault: Vault,
) -> None:
    """Chunks without a token are restored on the event loop; only a chunk that may hold one
    (an underscore in it or in what is held back, tool calls) takes a worker-thread hop."""
    token = vault.anonymizer.anonymize("acme", "John Smith").text
    restorer = StreamRestorer(primed(vault, {}), "acme", None)
    assert not restorer.needs_token_store(_chunk(role="assistant", content=""))
    assert not restorer.needs_token_store(_chunk(content="Hello there"))
    assert restorer.needs_token_store(_chunk(content=f"Hi {token}"))
    assert restorer.needs_token_store(_chunk(tool_calls=[{"index": 0}]))

    restorer.restore(_chunk(content=f"Hi {token[:9]}"))  # "PERSON_xx": held back
    assert restorer.needs_token_store(_chunk(content="more"))
    restored = restorer.restore(_chunk(content=token[9:] + "!"))
    assert restored["choices"][0]["delta"]["content"] == "John Smith!"
    assert not restorer.needs_token_store(_chunk(content="Bye"))
