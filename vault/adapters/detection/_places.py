"""Countries, regions, US states and cities of 100,000+ people (GeoNames, CC BY 4.0), lower case.

The lists are data files under `data/` (see `data/SOURCES` for the attribution)."""

from __future__ import annotations

from vault.adapters.detection._lexicon import load_words

__all__ = ["PLACES", "PLACES_CAPITALISED"]

# Matched in any case: none of their words is an ordinary English word.
PLACES = load_words("places.txt")
# Matched only when capitalised (New Haven, Cape Town, Turkey): a word of theirs is also an
# ordinary English word.
PLACES_CAPITALISED = load_words("places_capitalised.txt")
