"""Honest in-memory doubles of the ports, for the fast unit tier."""

from __future__ import annotations

import re

from vault.domain.spans import Span

# A few unmistakable shapes, enough to drive the services without loading spaCy.
_PATTERNS = {
    "EMAIL_ADDRESS": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "PHONE_NUMBER": re.compile(r"\+\d[\d -]{7,}\d|\b\d{10}\b"),
    "US_SSN": re.compile(r"\b\d{3}-\d{2}-\d{4}\b"),
    "CREDIT_CARD": re.compile(r"\b(?:\d{4}[ -]?){3}\d{4}\b"),
    "PERSON": re.compile(r"\b(?:John Smith|Mary Jones|Ada Lovelace)\b"),
}


class RegexDetector:
    """Implements the Detector port with fixed patterns."""

    version = "regex-fake"

    def detect(self, text: str) -> list[Span]:
        spans = [
            Span(m.start(), m.end(), entity_type, 0.99)
            for entity_type, pattern in _PATTERNS.items()
            for m in pattern.finditer(text)
        ]
        return sorted(spans)


# A name found only after "Dear": elsewhere only a memory of known values can find it.
_SALUTED = re.compile(r"(?<=Dear )[A-Z][a-z]+ [A-Z][a-z]+")


class SalutationDetector(RegexDetector):
    """RegexDetector that also finds the two capitalised words after "Dear " as a PERSON."""

    def detect(self, text: str) -> list[Span]:
        found = super().detect(text)
        found += [Span(m.start(), m.end(), "PERSON", 0.99) for m in _SALUTED.finditer(text)]
        return sorted(found)
