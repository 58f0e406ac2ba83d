"""Values found again where they stand in a request: `str.find` in the lowered text finds
exactly what the one case-insensitive alternation it replaces found (the oracle below)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vault.services.chat.redact import _ValuesAgain


def _by_alternation(values: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    """The pattern as it was written before, kept here as the oracle."""
    lowered = {value.lower(): entity_type for value, entity_type in values.items()}
    alternation = "|".join(
        re.escape(v) for v in sorted(values, key=len, reverse=True) if len(v) >= 3
    )
    if not alternation:
        return []
    pattern = re.compile(rf"(?<![0-9A-Za-z])(?:{alternation})(?![0-9A-Za-z])", re.IGNORECASE)
    return [(m.start(), m.end(), lowered[m.group().lower()]) for m in pattern.finditer(text)]


# Pieces that make values overlap, nest, repeat in other cases and touch letters and digits.
_PIECES = st.sampled_from(
    ["jo", "JO", "john", "John Smith", "smith", "SMITH", "ann", "anna", "annA", "4", "41",
     "4111", " ", "-", ".", "_", "@", "x", "é", "K", "\u212a", "ß", "İ", "\n"]
)  # fmt: skip
_VALUES = st.dictionaries(
    st.lists(_PIECES, min_size=1, max_size=4).map("".join),
    st.sampled_from(["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]),
    max_size=6,
)
_TEXTS = st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=120)


@given(_VALUES, _TEXTS)
def test_the_places_are_the_alternations(values: dict[str, str], text: str) -> None:
    assert _ValuesAgain(values).places(text) == _by_alternation(values, text)


def test_the_longest_value_wins_where_two_begin_and_case_keeps_its_type() -> None:
    values = {"Anna": "PERSON", "Anna Lee": "PERSON", "anna lee": "NRP", "4111": "PHONE_NUMBER"}
    text = "ANNA LEE met anna, Annabel and x4111 at 4111."
    assert _ValuesAgain(values).places(text) == [
        (0, 8, "NRP"), (13, 17, "PERSON"), (40, 44, "PHONE_NUMBER")
    ]  # fmt: skip
