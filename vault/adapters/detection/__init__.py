"""PII detection: `build_detector` makes the vault's detector; `TOKEN_RE` matches our own tokens."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from vault.adapters.detection._nlp import load_ner
from vault.adapters.detection._tokens import TOKEN_RE, token_ranges
from vault.adapters.detection.detector import SUPPORTED_ENTITIES, PresidioDetector

__all__ = [
    "DETECTOR_VERSION",
    "SUPPORTED_ENTITIES",
    "TOKEN_RE",
    "PresidioDetector",
    "build_detector",
    "token_ranges",
]

# Bump when rules, lists or the model change, so stored scan results can say what found them.
DETECTOR_VERSION = "vault-detector-6 (presidio-analyzer 2.2.366, en_core_web_sm 3.8.0)"


def build_detector(
    *,
    entities: Collection[str] | None = None,
    score_threshold: float = 0.5,
    allow_list: Collection[str] = (),
    deny_list: Mapping[str, Collection[str]] | None = None,
    regions: Collection[str] | None = None,
) -> PresidioDetector:
    """A ready detector (loads spaCy, ~1 s). DetectorUnavailable if the model is missing.

    `regions` are the ISO 3166 codes of the tenant's locales (`AnonymizationPolicy.regions`);
    None runs every country recognizer and phone format."""
    return PresidioDetector(
        load_ner(),
        entities=entities,
        score_threshold=score_threshold,
        allow_list=allow_list,
        deny_list=deny_list,
        regions=regions,
    )
