"""The shape of the vault's own tokens, so detection never mistakes them for PII."""

from __future__ import annotations

import re

__all__ = ["TOKEN_RE", "token_ranges"]

# `<ENTITY_TYPE>_<Crockford base32>`: upper-case type words joined by `_`, then 8-12 symbols of
# 0-9 A-Z without I, L, O, U. A little wider than the issued length so a future length change
# never turns tokens back into "PII".
TOKEN_RE = re.compile(
    r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)*_[0-9A-HJKMNP-TV-Z]{8,12}(?![A-Za-z0-9_])"
)


def token_ranges(text: str) -> list[tuple[int, int]]:
    """The `[start, end)` ranges of vault-style tokens in `text`, in order."""
    return [m.span() for m in TOKEN_RE.finditer(text)]
