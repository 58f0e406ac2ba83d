"""The token shape and its grammar: finding tokens as LLMs mangle them, and stream splitting."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from vault.domain.tokens import TOKEN_ID_LENGTH, TokenGrammar, make_token

GRAMMAR = TokenGrammar(["PERSON", "EMAIL_ADDRESS", "LOCATION"])
TOKEN = make_token("EMAIL_ADDRESS", bytes(range(32)))


def test_token_shape_is_type_and_ten_crockford_characters() -> None:
    entity_type, _, ident = TOKEN.rpartition("_")
    assert entity_type == "EMAIL_ADDRESS"
    assert len(ident) == TOKEN_ID_LENGTH
    assert set(ident) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def test_same_digest_same_token_different_digest_different_token() -> None:
    digest = os.urandom(32)
    assert make_token("PERSON", digest) == make_token("PERSON", digest)
    assert make_token("PERSON", digest) != make_token("PERSON", os.urandom(32))


def test_tokens_are_found_through_what_llms_do_to_them() -> None:
    mangled = [
        TOKEN.lower(),
        f"**{TOKEN}**",
        f"{TOKEN}'s",
        f"({TOKEN}).",
        f"`{TOKEN}`",
        f"foo_{TOKEN}",
        f"[{TOKEN}](mailto:x)",
    ]
    for text in mangled:
        found = list(GRAMMAR.find(text))
        assert [m.token for m in found] == [TOKEN], text


def test_tokens_glued_to_words_are_still_found() -> None:
    # A detected value can sit inside a word; its token must come back all the same.
    assert [m.token for m in GRAMMAR.find(f"x{TOKEN}son")] == [TOKEN]
    assert [m.token for m in GRAMMAR.find(f"0{TOKEN}9")] == [TOKEN]


def test_ordinary_identifiers_and_unknown_types_are_not_tokens() -> None:
    ident = TOKEN.rpartition("_")[2]
    assert list(GRAMMAR.find(f"SANDWICH_{ident}")) == []
    assert list(GRAMMAR.find("location_management and person_reference")) == []


def test_no_entity_type_ends_another() -> None:
    # Otherwise text before a glued token could turn it into a token of another type.
    from vault.domain.entities import ENTITY_TYPES, LITERAL_TOKEN_TYPE

    types = [*ENTITY_TYPES, LITERAL_TOKEN_TYPE]
    assert not [(a, b) for a in types for b in types if a != b and a.endswith("_" + b)]


def test_safe_prefix_holds_back_only_possible_token_starts() -> None:
    assert GRAMMAR.split_safe_prefix("hello wor") == ("hello wor", "")
    assert GRAMMAR.split_safe_prefix("call PER") == ("call ", "PER")
    assert GRAMMAR.split_safe_prefix("mail EMAIL_ADDRESS_01") == ("mail ", "EMAIL_ADDRESS_01")
    assert GRAMMAR.split_safe_prefix("mail EMAIL_ADDRESS_X") == ("mail EMAIL_ADDRESS_X", "")
    assert GRAMMAR.split_safe_prefix(f"done {TOKEN}") == (f"done {TOKEN}", "")
    # A complete token whose id ends in a letter that could start a type is not cut.
    ending_in_p = "PERSON_0ABCDEFGHP"
    assert GRAMMAR.split_safe_prefix(f"hi {ending_in_p}") == (f"hi {ending_in_p}", "")


@given(
    st.lists(
        st.sampled_from(["Hi ", TOKEN, " and ", "PERSON", "_", "x", TOKEN.lower(), "'s. "]),
        max_size=12,
    ),
    st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=40),
)
def test_any_chunking_finds_the_same_tokens_as_the_whole_text(
    parts: list[str], cuts: list[int]
) -> None:
    text = "".join(parts)
    chunks, i = [], 0
    for size in cuts * (len(text) // max(1, sum(cuts)) + 1):
        if i >= len(text):
            break
        chunks.append(text[i : i + size])
        i += size
    emitted, pending = [], ""
    for chunk in chunks:
        ready, pending = GRAMMAR.split_safe_prefix(pending + chunk)
        emitted.append(ready)
    emitted.append(pending)
    # Tokens are found in emitted pieces exactly as in the whole text: none is ever split.
    found_in_pieces = [m.token for piece in emitted for m in GRAMMAR.find(piece)]
    assert "".join(emitted) == text
    assert found_in_pieces == [m.token for m in GRAMMAR.find(text)]


_ENTITY_GRAMMAR = TokenGrammar(["PERSON", "EMAIL_ADDRESS", "ADDRESS", "IP_ADDRESS", "US_SSN"])


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["PERSON", "EMAIL_", "EMAIL_ADDRESS", "IP_", "ADDRESS", "US_SSN", "_", "_1", "K"]
            ),
            st.sampled_from(["0ABCDEFGHJ", "1abcdefghj", "9ZZZZZZZZZ", "2ABCDEFGH", "ſ", "K"]),
            st.text(st.sampled_from("_0123456789ABCDEFGHJPSNaeiks ."), max_size=6),
        ),
        max_size=14,
    )
)
def test_find_agrees_with_the_plain_regex_scan(parts: list[str]) -> None:
    """`find` skips to the places where an id could be; it must match exactly what scanning
    every position with the whole pattern matches (case folding, glued and adjacent tokens)."""
    text = "".join(parts)
    plain = [
        (m.start(), m.end(), m["type"].upper()) for m in _ENTITY_GRAMMAR._pattern.finditer(text)
    ]
    assert [(m.start, m.end, m.entity_type) for m in _ENTITY_GRAMMAR.find(text)] == plain
