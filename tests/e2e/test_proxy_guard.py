"""The outbound guard's memory of values: its indexed search agrees with a plain search."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vault.services.chat.guard import KnownValues, PayloadCheck, _Index

_ALPHABET = st.sampled_from(list('ab1 _-.@+"\\é\n'))
_TEXT = st.text(_ALPHABET, max_size=40)


def _plain(payload: str, values: list[str]) -> bool:
    """What the guard must decide: a value (JSON-escaped) with no letter or digit around it."""
    for value in values:
        if len(value) < 3:
            continue
        needle = json.dumps(value, ensure_ascii=False)[1:-1]
        start = payload.find(needle)
        while start != -1:
            end = start + len(needle)
            before = payload[start - 1] if start else " "
            after = payload[end] if end < len(payload) else " "
            if not (before.isalnum() or after.isalnum()):
                return True
            start = payload.find(needle, start + 1)
    return False


@given(
    values=st.lists(_TEXT, max_size=6),
    payload=_TEXT,
    keep=st.integers(0, 6),
    search_each=st.sampled_from([0, 3, 24]),  # through the prefix index, either way, one by one
)
def test_indexed_search_matches_plain_search(
    values: list[str], payload: str, keep: int, search_each: int
) -> None:
    known = _index_of(values, search_each=search_each)
    if values:
        # Values are found in the JSON payload as they are written there.
        payload = payload + _escaped(values[0]) + payload
    assert _found(known, payload) == _plain(payload, values)
    dropped = values[keep:]
    for value in dropped:
        known.discard(_escaped(value))
    kept = [v for v in values if v not in dropped]
    assert _found(known, payload) == _plain(payload, kept)


def _escaped(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _found(known: _Index, payload: str) -> bool:
    return any(True for _ in known.occurrences(payload))


def _index_of(values: list[str], **options: int) -> _Index:
    index = _Index(options.pop("limit", 5_000), **options)
    for value in values:
        if len(value) >= 3:  # as KnownValues does: shorter values are ordinary text
            index.add(_escaped(value), value)
    return index


def test_least_recent_values_are_dropped_beyond_the_limit() -> None:
    known = _index_of(["alpha one", "beta two"], limit=2, search_each=0)
    known.add("alpha one", "alpha one")  # seen again: now the most recent
    known.add("gamma three", "gamma three")
    assert _found(known, "x alpha one y")
    assert _found(known, "gamma three")
    assert not _found(known, "beta two")
    assert not _found(known, "alpha ones")


def test_many_values_sharing_a_prefix_are_told_apart() -> None:
    """A tenant's phone numbers all begin alike; each is found whole, and only whole."""
    numbers = [f"+44 20 7946 {n:04d}" for n in range(300)] + ["+44 20 7946 12345"]
    known = _index_of(numbers, search_each=0)
    assert _found(known, '{"content":"call +44 20 7946 0042 today"}')
    assert _found(known, '{"content":"+44 20 7946 12345"}')
    assert not _found(known, '{"content":"call +44 20 7946 00421 today"}')  # a longer number
    assert not _found(known, '{"content":"call +44 20 7946 9999 today"}')  # never sent
    known.discard("+44 20 7946 0042")
    assert not _found(known, '{"content":"call +44 20 7946 0042 today"}')


@pytest.mark.parametrize(
    "payload",
    [
        '{"content":"JOHN.SMITH@EXAMPLE.COM"}',  # case
        '{"content":"john.smith@\\u200bexample.com"}',  # a zero-width space, as JSON sends it
        '{"content":"j\u043ehn.smith@example.com"}',  # a Cyrillic о
        '{"content":"john%2Esmith%40example.com"}',  # percent escapes
        '{"content":"card 4111.1111 1111/1111"}',  # digits however they are separated
        '{"content":"card ４１１１１１１１１１１１１１１１"}',  # full-width digits
    ],
)
def test_the_guard_reads_values_in_any_form_the_fold_undoes(payload: str) -> None:
    known = KnownValues()
    known.add({"john.smith@example.com": "EMAIL_ADDRESS", "4111 1111 1111 1111": "CREDIT_CARD"})
    assert known.found_in(PayloadCheck(payload))


def test_the_guard_passes_tokens_and_other_numbers() -> None:
    known = KnownValues()
    known.add({"john.smith@example.com": "EMAIL_ADDRESS", "4111 1111 1111 1111": "CREDIT_CARD"})
    payload = '{"content":"EMAIL_ADDRESS_0ZP9RQ1SQ2 paid 4111 1111 on order 1111111 at 12:00"}'
    assert not known.found_in(PayloadCheck(payload))


def test_a_known_value_is_found_where_it_stands_with_its_type() -> None:
    known = KnownValues()
    known.add({"Zorblax Quuxley": "PERSON"})
    text = "Zorblax Quuxley called; Zorblax Quuxleyson did not"
    assert list(known.occurrences(text)) == [(0, 15, "PERSON")]
