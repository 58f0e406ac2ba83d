"""The token shape: `<ENTITY_TYPE>_<a digit and 9 Crockford base32 chars>`, and how to find them.

Tokens are built to survive a trip through an LLM: upper-case words with an underscore are kept
intact by tokenizers and models, and the type prefix tells the model what the token stands for.
Recognition is tolerant of what models do to them: case changes, surrounding punctuation or
Markdown, a possessive `'s`, and (in streams) a token split across chunks.

A token is recognised wherever its type word and id appear, even glued to neighbouring letters,
because a detected value can sit inside a word ("0" + "+1 555…"). The id starts with a digit so
ordinary identifiers (`location_management`) do not look like tokens. Input that already holds
a token look-alike is escaped at anonymization, so a round trip stays exact.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import NamedTuple

__all__ = ["TOKEN_ID_LENGTH", "TokenGrammar", "TokenMatch", "make_token"]

TOKEN_ID_LENGTH = 10
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECIMAL = "0123456789"
# Ten bits at a time as two of those characters, the lower five bits first.
_PAIRS = tuple(_CROCKFORD[n & 31] + _CROCKFORD[n >> 5] for n in range(1024))
_ID_CLASS = "[0-9A-HJKMNP-TV-Z]"
_ID_PATTERN = f"[0-9]{_ID_CLASS}{{{TOKEN_ID_LENGTH - 1}}}"
_PLAIN_TYPE = re.compile("[A-Z_]+")


class TokenMatch(NamedTuple):
    """A token found in text at `[start, end)`, normalised to its canonical upper-case form.

    A named tuple: a block scan builds one per token, and a frozen dataclass costs the most of
    that scan."""

    start: int
    end: int
    token: str
    entity_type: str


def make_token(entity_type: str, digest: bytes) -> str:
    """The token for `entity_type` whose id is taken from `digest` (about 48 bits)."""
    if len(digest) < 8:
        raise ValueError("digest too short for a token id")
    bits = int.from_bytes(digest[:8], "big")
    rest = bits // 10
    # A decimal digit, then nine base32 characters from the lowest five bits up: two at a time.
    ident = (
        _DECIMAL[bits % 10]
        + _PAIRS[rest & 1023]
        + _PAIRS[(rest >> 10) & 1023]
        + _PAIRS[(rest >> 20) & 1023]
        + _PAIRS[(rest >> 30) & 1023]
        + _CROCKFORD[(rest >> 40) & 31]
    )
    return f"{entity_type.upper()}_{ident}"


class TokenGrammar:
    """Finds tokens of a known set of entity types, whatever their case or surroundings."""

    def __init__(self, entity_types: Collection[str]) -> None:
        types = sorted({t.upper() for t in entity_types}, key=len, reverse=True)
        if not types:
            raise ValueError("a token grammar needs at least one entity type")
        alternation = "|".join(re.escape(t) for t in types)
        self._pattern = re.compile(rf"(?P<type>{alternation})_(?P<id>{_ID_PATTERN})", re.IGNORECASE)
        self._ids = re.compile(f"_{_ID_PATTERN}", re.IGNORECASE)
        self._type_lengths = sorted({len(t) for t in types}, reverse=True)
        # Types of upper-case letters and underscores (every built-in one) are told from an
        # ASCII text by a set look-up: no such type can reach past the `_` and digit of the
        # id, so the slice before an id is a type exactly where the pattern would match.
        self._types = frozenset(types) if all(_PLAIN_TYPE.fullmatch(t) for t in types) else None
        self._tail = min(len(t) for t in types)
        self._by_tail: dict[str, list[int]] = {}
        for t in types:  # longest first, as `types` is sorted
            self._by_tail.setdefault(t[-self._tail :], []).append(len(t))
        self._prefixes = frozenset(f"{t}_"[:n] for t in types for n in range(1, len(t) + 2))
        self._max_length = len(types[0]) + 1 + TOKEN_ID_LENGTH

    def find(self, text: str) -> Iterator[TokenMatch]:
        """Every token in `text`, in order, normalised to upper case.

        The same matches as `self._pattern.finditer(text)`, found faster: the regex engine
        scans for the literal `_` + id, and the type alternation is tried only where one is
        (trying it at every position costs more than everything else re-identification does).
        """
        earliest = 0  # matches never overlap: the next one starts after the last one ends
        longest = self._type_lengths[0]
        types, by_tail, tail = self._types, self._by_tail, self._tail
        for candidate in self._ids.finditer(text):
            at, end = candidate.span()
            before = text[max(earliest, at - longest) : at]
            if types is not None and before.isascii():
                upper = before.upper()
                for length in by_tail.get(upper[-tail:], ()):
                    entity_type = upper[-length:]
                    if len(entity_type) == length and entity_type in types:
                        earliest = end
                        token = entity_type + text[at:end].upper()
                        yield TokenMatch(at - length, end, token, entity_type)
                        break
                continue
            for length in self._type_lengths:  # longest first: the leftmost start wins
                start = at - length
                if start < earliest:
                    continue
                match = self._pattern.match(text, start)
                if match is not None and match.end() == end:
                    earliest = match.end()
                    entity_type = match["type"].upper()
                    yield TokenMatch(
                        start=start,
                        end=match.end(),
                        token=f"{entity_type}_{match['id'].upper()}",
                        entity_type=entity_type,
                    )
                    break

    def split_safe_prefix(self, text: str) -> tuple[str, str]:
        """Split `text` into what can be emitted now and a tail that might start a token.

        Only a tail that is a prefix of some `<TYPE>_<id>` is held back, so a stream is delayed
        by at most one token's length and ordinary words flow through at once.
        """
        lowest = max(0, len(text) - self._max_length)
        # Never cut through a complete token near the end: what might start a new one comes after.
        for match in self._pattern.finditer(text, max(0, lowest - self._max_length)):
            lowest = max(lowest, match.end())
        for start in range(lowest, len(text)):
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
            and len(ident) < TOKEN_ID_LENGTH
            and re.fullmatch(f"([0-9]{_ID_CLASS}*)?", ident) is not None
        )
