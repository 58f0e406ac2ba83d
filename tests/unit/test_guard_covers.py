"""The guard's memory covers a request's values only while it holds each one's forms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vault.services.chat.guard import KnownValues, PayloadCheck, folded_value

VALUES = ["Maria Garcia", "maria@example.com", "+44 20 7946 0012", "Ｊｏｈｎ Ｓｍｉｔｈ", "ab"]


def test_values_held_are_covered_and_their_forms_given() -> None:
    known = KnownValues()
    known.add({"Maria Garcia": "PERSON", "+44 20 7946 0012": "PHONE_NUMBER"})
    forms: dict[str, tuple[str, str | None]] = {}
    assert known.covers(["Maria Garcia", "+44 20 7946 0012", "ab"], forms)
    assert forms["+44 20 7946 0012"] == (folded_value("+44 20 7946 0012"), "442079460012")
    assert not known.covers(["Maria Garcia", "John Smith"], {})


def test_a_value_evicted_or_discarded_is_no_longer_covered() -> None:
    known = KnownValues(limit=2)
    known.add({"Maria Garcia": "PERSON"})
    known.add({"John Smith": "PERSON", "Lena Fischer": "PERSON"})  # Maria is pushed out
    assert not known.covers(["Maria Garcia"], {})
    assert known.covers(["Lena Fischer"], {})
    known.discard(["Lena Fischer"])
    assert not known.covers(["Lena Fischer"], {})


def test_digits_pushed_out_alone_are_not_covered() -> None:
    known = KnownValues(limit=1)
    known.add({"+44 20 7946 0012": "PHONE_NUMBER"})
    assert known.covers(["+44 20 7946 0012"], {})
    known.add_guarded(["4420 7946 0099"])  # its digits push the first value's digits out
    assert not known.covers(["+44 20 7946 0012"], {})


@given(
    st.lists(st.sampled_from(VALUES), min_size=1, max_size=3),
    st.sampled_from(VALUES),
    st.sampled_from(["{}", "{} and more", "x{}", "{}9"]),
)
def test_a_covered_memory_finds_whatever_the_values_alone_find(
    held: list[str], standing: str, shape: str
) -> None:
    known = KnownValues()
    known.add(dict.fromkeys(held, "PERSON"))
    known.add({"Peter Novak": "PERSON", "+1 415 555 0100": "PHONE_NUMBER"})
    content = shape.format(standing.upper())
    check = PayloadCheck(f'{{"messages":[{{"role":"user","content":"hi {content}"}}]}}')
    alone = KnownValues()
    alone.add_guarded(held)
    assert known.covers(held, {})
    assert known.found_in(check) >= alone.found_in(check)
    if standing in held and len(standing) >= 3 and shape in ("{}", "{} and more"):
        assert alone.found_in(check)  # a value standing as a word is found, whatever its case
