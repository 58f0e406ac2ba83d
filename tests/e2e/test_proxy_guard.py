"""The outbound guard's memory of values: its indexed search agrees with a plain search."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from vault.services.chat import _KnownValues

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
    known = _KnownValues(search_each=search_each)
    known.add(values)
    if values:
        # Values are found in the JSON payload as they are written there.
        payload = payload + json.dumps(values[0], ensure_ascii=False)[1:-1] + payload
    assert known.found_in(payload) == _plain(payload, values)
    dropped = values[keep:]
    known.discard(dropped)
    kept = [v for v in values if v not in dropped]
    assert known.found_in(payload) == _plain(payload, kept)


def test_least_recent_values_are_dropped_beyond_the_limit() -> None:
    known = _KnownValues(limit=2, search_each=0)
    known.add(["alpha one", "beta two"])
    known.add(["alpha one"])  # seen again: now the most recent
    known.add(["gamma three"])
    assert known.found_in("x alpha one y")
    assert known.found_in("gamma three")
    assert not known.found_in("beta two")
    assert not known.found_in("alpha ones")


def test_many_values_sharing_a_prefix_are_told_apart() -> None:
    """A tenant's phone numbers all begin alike; each is found whole, and only whole."""
    known = _KnownValues(search_each=0)
    numbers = [f"+44 20 7946 {n:04d}" for n in range(300)] + ["+44 20 7946 12345"]
    known.add(numbers)
    assert known.found_in('{"content":"call +44 20 7946 0042 today"}')
    assert known.found_in('{"content":"+44 20 7946 12345"}')
    assert not known.found_in('{"content":"call +44 20 7946 00421 today"}')  # a longer number
    assert not known.found_in('{"content":"call +44 20 7946 9999 today"}')  # never sent
    known.discard(["+44 20 7946 0042"])
    assert not known.found_in('{"content":"call +44 20 7946 0042 today"}')
