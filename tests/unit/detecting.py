"""What the detection tests read of a detector's spans."""

from __future__ import annotations

from vault.adapters.detection import PresidioDetector


def found(detector: PresidioDetector, text: str) -> set[tuple[str, str]]:
    """Each span `detector` finds in `text`, as (value, entity type)."""
    return {(text[s.start : s.end], s.entity_type) for s in detector.detect(text)}


def types(detector: PresidioDetector, text: str) -> set[str]:
    """The entity types `detector` finds in `text`."""
    return {entity for _, entity in found(detector, text)}
