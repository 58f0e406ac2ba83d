"""Ordinary English words that never start or continue a name found by the name heuristics.

The lists are data files under `data/` (see `data/SOURCES`)."""

from __future__ import annotations

from vault.adapters.detection._lexicon import load_words

__all__ = ["BASIC_WORDS", "COMMON_WORDS"]

# Function words, frequent verbs and mail/ticket vocabulary: never part of a name, even after a
# given name ("john will", "anna said").
BASIC_WORDS = load_words("basic_words.txt")
# The ~4,000 most frequent English words (frequency order from wordfreq, kept when a dictionary
# lists them in lower case, so John and Paris stay out), and the basic words.
COMMON_WORDS = BASIC_WORDS | load_words("common_words.txt")
