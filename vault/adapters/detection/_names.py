"""Given names and surnames, for names that NER misses (lower case, CSV cells, code, lists).

The lists are data files under `data/` (see `data/SOURCES` for where each comes from)."""

from __future__ import annotations

from vault.adapters.detection._lexicon import load_words

__all__ = ["GIVEN_NAMES", "SURNAMES", "WORDLIKE_NAMES"]

# US census given names (public domain) and common international given names, lower case.
GIVEN_NAMES = load_words("given_names.txt")
# The 20,000 most frequent US census surnames (public domain), lower case.
SURNAMES = load_words("surnames.txt")
# Names that are also ordinary English words (will, may, grace, baker, ...): never matched alone
# in lower case, so they do not mask ordinary words.
WORDLIKE_NAMES = load_words("wordlike_names.txt")
