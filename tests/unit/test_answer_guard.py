"""The answer guard: what a model writes that is PII, and not the caller's, never reaches the
caller; the caller's own values and the vault's tokens pass; a stream is held in bounded windows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_anonymize import Parts
from vault.domain.spans import Span
from vault.services.chat.answers import AnswerGuard

FOREIGN = "mail ada@example.org now"


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Parts]:
    built = Parts(tmp_path_factory.mktemp("guard"))
    yield built
    built.engine.dispose()


def test_a_value_the_model_wrote_is_tokenized(parts: Parts) -> None:
    guard = AnswerGuard(parts.anonymizer, "acme", own_values=[])
    text, _ = guard.whole(f"Sure. {FOREIGN}.", restored=[])
    assert "ada@example.org" not in text
    assert "EMAIL_ADDRESS_" in text
    assert guard.counts == {"EMAIL_ADDRESS": 1}


def test_the_callers_own_and_restored_values_pass(parts: Parts) -> None:
    guard = AnswerGuard(parts.anonymizer, "acme", own_values=["John Smith"])
    answer = "Hello John Smith, your card 4111 1111 1111 1111 is fine."
    card = answer.index("4111")
    restored = [Span(card, card + 19, "CREDIT_CARD")]
    assert guard.whole(answer, restored)[0] == answer
    token = parts.anonymizer.anonymize("acme", "mail ada@example.org").text.split()[-1]
    assert guard.whole(f"I wrote to {token}.", [])[0] == f"I wrote to {token}."


def _streamed(parts: Parts, pieces: list[str]) -> str:
    stream = AnswerGuard(parts.anonymizer, "acme", own_values=[]).stream()
    out = [stream.feed(piece, []) for piece in pieces]
    return "".join(out) + stream.flush([])


def test_a_value_split_across_chunks_is_read_whole(parts: Parts) -> None:
    words = " ".join(f"word{i}" for i in range(40))
    answer = f"{words} write to ada@exa" + "mple.org today " + words
    pieces = [answer[i : i + 3] for i in range(0, len(answer), 3)]
    out = _streamed(parts, pieces)
    assert "ada@example.org" not in out
    assert out.startswith(words) and out.endswith(words)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(st.sampled_from(list("ab cd\n.,")), max_size=600),
    size=st.integers(1, 40),
)
def test_a_stream_without_pii_comes_back_whole_and_held_in_bounds(
    parts: Parts, text: str, size: int
) -> None:
    stream = AnswerGuard(parts.anonymizer, "acme", own_values=[]).stream()
    out = []
    for i in range(0, len(text), size):
        out.append(stream.feed(text[i : i + size], []))
        held = len(text[: i + size]) - len("".join(out))
        assert held < 96 * 4 + size  # never the whole answer
    assert "".join(out) + stream.flush([]) == text
