"""Street-first European addresses as one span: house numbers with bis, letters and floors,
streets without a street word above their postcode line, units before the street, provinces."""

from __future__ import annotations

import pytest

from vault.adapters.detection import PresidioDetector


def _leaked(detector: PresidioDetector, text: str, address: str) -> str:
    """The address's characters (bar spaces and line breaks) no LOCATION span covers."""
    start = text.index(address)
    covered = set()
    for s in detector.detect(text):
        if s.entity_type == "LOCATION":
            covered.update(range(s.start, s.end))
    return "".join(
        text[i]
        for i in range(start, start + len(address))
        if i not in covered and not text[i].isspace()
    )


@pytest.mark.parametrize(
    "address",
    [
        "Isebaan 275, 1824GH, Woudenberg",
        "Zuiderdiep 19bis, 1016DV Amsterdam",
        "Prinsengracht 85 A, 1016 DV Amsterdam",
        "Dorpsstraat 127-II, 9711 LM Groningen",
        "Kirchstr. 135/7, 80331 München",
        "al. Jerozolimskie 55/74, 00-514 Warszawa",
        "Via Garibaldi, 143, 80134 Napoli (NA)",
        "Calle de Alcalá 45, 3º B, 28014 Madrid",
        "Bât. C, 214 bis rue des Lilas, 33000 Bordeaux",
        "Flat 27, 231 Station Approach, Manchester M14 5RT",
        "Rua Oscar Freire, 189 - Centro\nCuritiba - PR, 80020-310",
    ],
)
def test_address_is_covered_whole(detector: PresidioDetector, address: str) -> None:
    # On one line it sits in a sentence; a block of lines stands under its heading.
    text = (
        f"Ship to:\n{address}\n\nThanks"
        if "\n" in address
        else f"Please send the documents to {address} before Friday."
    )
    assert _leaked(detector, text, address) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Order 12, 75011 items were shipped",
        "We sold 3000 Units last year",
        "Invoice 2023, 10115 total",
    ],
)
def test_numbers_before_a_number_are_no_street(detector: PresidioDetector, text: str) -> None:
    assert not [s for s in detector.detect(text) if s.entity_type == "LOCATION"]
