"""The detector's view of a text: disguises undone, and every view range mapped back exactly."""

from __future__ import annotations

import base64
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vault.domain.normalize import encoded_runs, fold, view_of

DISGUISED = [
    ("4111\u200b1111\u200b1111\u200b1111", "4111111111111111"),  # zero-width spaces
    ("４１１１ １１１１", "4111 1111"),  # full-width digits
    ("4111\u00a01111", "4111 1111"),  # no-break space
    ("j\u043ehn@ex\u0430mple.com", "john@example.com"),  # Cyrillic о and а
    ("john%40example.com", "john@example.com"),
    ("&#106;ohn&commat;example.com", "john@example.com"),
    ("Jo\u200dhn Sm\u2060ith", "John Smith"),  # joiners inside a name
    ("4111.1111.1111.1111", "4111-1111-1111-1111"),  # separators detectors do not expect
    ("4111/1111/1111/1111", "4111-1111-1111-1111"),
    ("415_555_0100", "415-555-0100"),
    ("\\u004aohn \\u0053mith", "John Smith"),  # JSON escapes typed as text
]


@pytest.mark.parametrize(("sent", "read"), DISGUISED)
def test_the_view_reads_what_a_person_would(sent: str, read: str) -> None:
    view = view_of(sent)
    assert view is not None
    assert view.text == read
    assert view.to_original(0, len(view.text)) == (0, len(sent))


def test_plain_ascii_and_foreign_scripts_have_no_view() -> None:
    assert view_of("Mail John at john@example.com, 50% off") is None
    # Addresses, dates, versions and decimals keep their dots.
    assert view_of("host 192.168.10.1 on 01.02.2024, v1.2.3, pi 3.14") is None
    assert view_of("Привет, мир") is None  # Russian is not a disguise
    assert fold("Привет") == "привет"


def test_a_span_of_the_view_covers_exactly_the_characters_sent() -> None:
    sent = "call me: j\u043ehn%40example.com or ４１５-555-0100 today"
    view = view_of(sent)
    assert view is not None
    for match in re.finditer(r"\S+@\S+|[\d-]{10,}", view.text):
        start, end = view.to_original(match.start(), match.end())
        assert sent[start:end] in {"j\u043ehn%40example.com", "４１５-555-0100"}


def test_base64_runs_that_hold_text_are_decoded() -> None:
    encoded = base64.b64encode(b"Contact John Smith at john@example.com").decode()
    runs = encoded_runs(f"see {encoded} here")
    assert [(r.start, r.end, r.plain) for r in runs] == [
        (4, 4 + len(encoded), "Contact John Smith at john@example.com")
    ]


def test_tokens_hashes_and_long_words_are_not_taken_for_base64() -> None:
    text = "PERSON_4K7M2X9QDZ e3b0c44298fc1c149afbf4c8996fb92427ae41e4 internationalization"
    assert encoded_runs(text) == []


@given(st.text(max_size=200))
def test_every_view_range_maps_inside_the_original(text: str) -> None:
    view = view_of(text)
    if view is None:
        return
    for start in range(len(view.text)):
        for end in (start + 1, len(view.text)):
            lo, hi = view.to_original(start, end)
            assert 0 <= lo <= hi <= len(text)
            assert hi > lo or view.text[start:end] == ""


@given(st.text(max_size=200))
def test_fold_never_raises_and_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == fold(once)
