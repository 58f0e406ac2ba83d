"""The token shape: `<ENTITY_TYPE>_<10 Crockford base32 chars>`, and how to find tokens in text.

Tokens are built to survive a trip through an LLM: upper-case words with an underscore are kept
intact by tokenizers and models, and the type prefix tells the model what the token stands for.
Recognition is tolerant of what models do to them: case changes, surrounding punctuation or
Markdown, a possessive `'s`, and (in streams) a token split across chunks.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

__all__ = ["TOKEN_ID_LENGTH", "TokenGrammar", "TokenMatch", "make_token"]

TOKEN_ID_LENGTH = 10
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ID_CLASS = "[0-9A-HJKMNP-TV-Z]"


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """A token found in text at `[start, end)`, normalised to its canonical upper-case form."""

    start: int
    end: int
    token: str
    entity_type: str


def make_token(entity_type: str, digest: bytes) -> str:
    """The token for `entity_type` whose id is the first 50 bits of `digest`."""
    if len(digest) < 7:
        raise ValueError("digest too short for a token id")
    bits = int.from_bytes(digest[:7], "big") >> 6  # 56 bits -> the top 50
    chars = []
    for _ in range(TOKEN_ID_LENGTH):
        chars.append(_CROCKFORD[bits & 31])
        bits >>= 5
    return f"{entity_type.upper()}_{''.join(reversed(chars))}"


class TokenGrammar:
    """Finds tokens of a known set of entity types, whatever their case or surroundings."""

    def __init__(self, entity_types: Collection[str]) -> None:
        types = sorted({t.upper() for t in entity_types}, key=len, reverse=True)
        if not types:
            raise ValueError("a token grammar needs at least one entity type")
        alternation = "|".join(re.escape(t) for t in types)
        # Letters and digits may not touch a token; an underscore may (`foo_PERSON_…`).
        self._pattern = re.compile(
            rf"(?<![0-9A-Za-z])(?P<type>{alternation})_(?P<id>{_ID_CLASS}{{{TOKEN_ID_LENGTH}}})"
            r"(?![0-9A-Za-z])",
            re.IGNORECASE,
        )
        self._prefixes = frozenset(
            f"{t}_"[:n] for t in types for n in range(1, len(t) + 2)
        )
        self._max_length = len(types[0]) + 1 + TOKEN_ID_LENGTH

    def find(self, text: str) -> Iterator[TokenMatch]:
        """Every token in `text`, in order, normalised to upper case."""
        for match in self._pattern.finditer(text):
            entity_type = match["type"].upper()
            yield TokenMatch(
                start=match.start(),
                end=match.end(),
                token=f"{entity_type}_{match['id'].upper()}",
                entity_type=entity_type,
            )

    def split_safe_prefix(self, text: str) -> tuple[str, str]:
        """Split `text` into what can be emitted now and a tail that might start a token.

        Only a tail that is a prefix of some `<TYPE>_<id>` is held back, so a stream is delayed
        by at most one token's length and ordinary words flow through at once.
        """
        lowest = max(0, len(text) - self._max_length)
        for start in range(lowest, len(text)):
            if start > 0 and text[start - 1].isalnum():
                continue
            if self._could_start_token(text[start:]):
                return text[:start], text[start:]
        return text, ""

    def _could_start_token(self, tail: str) -> bool:
        upper = tail.upper()
        if upper in self._prefixes:
            return True
        head, sep, ident = upper.rpartition("_")
        return (
            bool(sep)
            and f"{head}_" in self._prefixes
            and len(ident) <= TOKEN_ID_LENGTH
            and re.fullmatch(f"{_ID_CLASS}*", ident) is not None
        )
