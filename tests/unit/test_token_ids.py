"""Token ids: a decimal digit, then nine Crockford base32 characters from the lowest bits up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vault.domain.tokens import TOKEN_ID_LENGTH, TokenGrammar, make_token

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def spelled_out(entity_type: str, digest: bytes) -> str:
    """The id written one character at a time, as the shape says."""
    bits = int.from_bytes(digest[:8], "big")
    chars = [str(bits % 10)]
    bits //= 10
    for _ in range(TOKEN_ID_LENGTH - 1):
        chars.append(CROCKFORD[bits & 31])
        bits >>= 5
    return f"{entity_type.upper()}_{''.join(chars)}"


@given(st.binary(min_size=8, max_size=32), st.sampled_from(["person", "PHONE_NUMBER", "Email"]))
def test_an_id_is_its_digest_spelled_out(digest: bytes, entity_type: str) -> None:
    token = make_token(entity_type, digest)
    assert token == spelled_out(entity_type, digest)
    found = list(TokenGrammar([entity_type]).find(f"see {token}."))
    assert [m.token for m in found] == [token]


def test_the_extreme_digests() -> None:
    for digest in (b"\x00" * 8, b"\xff" * 8):
        assert make_token("person", digest) == spelled_out("person", digest)
