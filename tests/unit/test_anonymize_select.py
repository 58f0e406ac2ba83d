"""The policy's selection of spans read once for two sets of spans: as two selections would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_anonymize import Parts
from vault.domain.entities import LITERAL_TOKEN_TYPE
from vault.domain.policy import AnonymizationPolicy, EntityRule
from vault.domain.spans import Span

WORDS = ["John Smith", "bluebird", "PERSON_4K3J9ABCDE", "call", "+1 415 555 0100", " ", ", "]


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Parts]:
    policy = AnonymizationPolicy(
        name="lists",
        allow_list=["John Smith"],
        deny_list={"PROJECT": ["bluebird"]},
        entities={"PHONE_NUMBER": EntityRule(threshold=0.8)},
    )
    built = Parts(tmp_path_factory.mktemp("select"), policy)
    yield built
    built.engine.dispose()


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[Span], list[Span]]:
    text = "".join(draw(st.lists(st.sampled_from(WORDS), max_size=8)))

    def spans() -> list[Span]:
        found = []
        for _ in range(draw(st.integers(0, 4))):
            start = draw(st.integers(0, max(len(text) - 1, 0)))
            end = draw(st.integers(start + 1, max(len(text), start + 1)))
            kind = draw(st.sampled_from(["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]))
            found.append(Span(start, end, kind, draw(st.sampled_from([0.5, 0.85, 1.0]))))
        return sorted(found)

    return text, spans(), spans()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(texts_and_spans())
def test_a_pair_is_two_selections(listed: Parts, case: tuple[str, list[Span], list[Span]]) -> None:
    text, detected, other = case
    anonymizer = listed.anonymizer
    assert anonymizer.select_pair(text, detected, other) == (
        anonymizer.select_spans(text, detected),
        anonymizer.select_spans(text, other),
    )


def test_find_spans_is_raw_spans_then_the_selection(listed: Parts) -> None:
    texts = ["John Smith leads Project BlueBird, +1 415 555 0100.", "PERSON_4K3J9ABCDE said hi", ""]
    anonymizer = listed.anonymizer
    raw = anonymizer.raw_spans_many(texts)
    assert anonymizer.find_spans_many(texts) == [
        anonymizer.select_spans(text, found) for text, found in zip(texts, raw, strict=True)
    ]
    kinds = [[s.entity_type for s in spans] for spans in anonymizer.find_spans_many(texts)]
    assert kinds[0] == ["PROJECT", "PHONE_NUMBER"]  # the allowed name is left out
    assert kinds[1][0] == LITERAL_TOKEN_TYPE  # a token look-alike, whatever detection says
    assert anonymizer.raw_spans_many([]) == []


def test_a_given_span_for_every_text_needs_no_detection(tmp_path: Path) -> None:
    class Refusing:
        version = "refusing"

        def detect(self, text: str) -> list[Span]:
            raise AssertionError("detection was not needed")

    parts = Parts(tmp_path)
    parts.anonymizer._detector = Refusing()
    done = parts.anonymizer.anonymize_many(
        "acme", ["Hi John Smith", "nothing"], spans=[[Span(3, 13, "PERSON", 1.0)], []]
    )
    assert done[0].text.startswith("Hi PERSON_") and done[1].text == "nothing"
    parts.engine.dispose()
