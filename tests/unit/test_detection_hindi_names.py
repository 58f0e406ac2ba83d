"""Hindi names by their family name (issue #13): a Devanagari word before a common Indian family
name is a given name and the two a person, wherever the sentence puts them. Every example is
invented."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("आरती सक्सेना (इंदौर) ने फॉर्म भरा।", "आरती सक्सेना"),
        ("Applicant रोहित जोशी, born 1990.", "रोहित जोशी"),
        ("[ref] विनोद तिवारी <vt@example.in>", "विनोद तिवारी"),
    ],
)
def test_a_word_before_a_family_name_is_a_person(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


def test_a_family_name_inside_a_longer_word_is_no_cue(detector: PresidioDetector) -> None:
    assert not any(e == "PERSON" for _, e in found(detector, "यह किताब शर्माजी की है।"))
