"""Word lists kept as data: one entry per line in `data/`, read once with importlib.resources."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["key_alternation", "key_word_before", "load_words"]


@cache
def load_words(name: str) -> frozenset[str]:
    """The entries of `data/<name>` as written (the files hold them in lower case), inner
    whitespace collapsed; blank lines and `#` comments skipped.

    Raises FileNotFoundError when the file is not shipped with the package."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        " ".join(entry.split())
        for line in text.splitlines()
        if (entry := line.split("#", 1)[0].strip())
    )


@cache
def key_alternation(name: str) -> str:
    """The keys listed in `data/<name>` as one regex alternation, longest first, "_" in a key
    standing for an optional underscore, hyphen or space ("first_name": "firstname",
    "first-name", "first name")."""
    keys = sorted(load_words(name), key=len, reverse=True)
    return "|".join(re.escape(key).replace("_", "[_ -]?") for key in keys)


_KEY_WORD = re.compile(r"([A-Za-z]+)[_ -]?$")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def key_word_before(text: str, end: int) -> str:
    """The word of a record's key that ends right before `end`, in lower case: "holder" in
    "plot_holder_age" and in "plotHolderAge" before "age"; "" when a letter is not there."""
    before = _KEY_WORD.search(text, max(0, end - 16), end)
    if before is None:
        return ""
    parts = _CAMEL_PART.findall(before.group(1))
    return (parts[-1] if parts else before.group(1)).lower()
