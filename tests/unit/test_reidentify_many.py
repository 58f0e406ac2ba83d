"""Reidentifier.reidentify_many: the texts `reidentify` gives one by one, from one block scan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_anonymize import Parts

# Cells as anonymized datasets hold them, with line breaks, tokens glued to words, a token of
# another tenant, look-alikes and types a reader may not see.
VALUES = [
    "John Smith",
    "john.smith@example.com",
    "card 4111 1111 1111 1111",
    "Mail Ann Lee at ann@example.org\nor call John Smith",
]


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Parts]:
    built = Parts(tmp_path_factory.mktemp("many"))
    yield built
    built.engine.dispose()


@pytest.fixture(scope="module")
def pieces(parts: Parts) -> list[str]:
    ours = [parts.anonymizer.anonymize("acme", v).text for v in VALUES]
    theirs = parts.anonymizer.anonymize("globex", "Write to Zed Quist").text
    return [*ours, theirs, "PERSON_1ZZZZZZZZZ", "no token", "", "\n", "x", "_", "person_"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_block_gives_what_each_text_gives_alone(
    parts: Parts, pieces: list[str], data: st.DataObject
) -> None:
    texts = data.draw(
        st.lists(
            st.lists(st.sampled_from(pieces), max_size=4).map("".join)
            | st.lists(st.sampled_from(pieces), max_size=3).map("\n".join),
            max_size=12,
        )
    )
    reveal = data.draw(st.sampled_from([None, frozenset({"PERSON"}), frozenset()]))
    known: dict[str, str | None] = {}
    many = parts.reidentifier.reidentify_many("acme", texts, reveal=reveal, known=known)
    alone = [parts.reidentifier.reidentify("acme", t, reveal=reveal).text for t in texts]
    assert many == alone
    # A second pass answered from `known` gives the same again.
    assert parts.reidentifier.reidentify_many("acme", texts, reveal=reveal, known=known) == alone


def test_values_with_line_breaks_come_back_whole(parts: Parts) -> None:
    texts = [parts.anonymizer.anonymize("acme", v).text for v in VALUES]
    assert parts.reidentifier.reidentify_many("acme", texts) == VALUES
    assert parts.reidentifier.reidentify_many("acme", []) == []
