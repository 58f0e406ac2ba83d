"""Personal data in the scripts and record layouts of the weaker locales (issue #13): names,
ages and addresses under the keys of records written in code (Objective-C, DOT, Tcl, COBOL, POD,
troff, tuples), in Devanagari with its vowel signs.

Each case is written for this test from the formats' and languages' grammar, not taken from an
evaluation set."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ('NSDictionary *card = @{ @"owner_name": @"Կարինե", @"id": @7 };', "Կարինե", "PERSON"),
        ('  rider_name [label="王芳"];', "王芳", "PERSON"),
        ("dict set slip holder_name {دانیال}", "دانیال", "PERSON"),
        ("       05 PILOT-NAME    PIC X(12) VALUE 'ประเสริฐ'.", "ประเสริฐ", "PERSON"),
        ("=item guest_name\n\nकविता\n\n=item room\n\n12", "कविता", "PERSON"),
        (".B tenant_name\n이수진\n.TP", "이수진", "PERSON"),
        ("record('visitor_name', 'ნინო').", "ნინო", "PERSON"),
        ('{lastName:"चौधरी", seat:"4C"}', "चौधरी", "PERSON"),
        ('  rider_age [label="39"];', "39", "AGE"),
        ('@"tenant_age": @"71",', "71", "AGE"),
        ("dict set slip pilot_age {44}", "44", "AGE"),
        (".B guest_age\n58\n.TP", "58", "AGE"),
    ],
)
def test_values_under_keys_in_the_syntax_of_code(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


def test_a_thing_named_in_code_is_no_person(detector: PresidioDetector) -> None:
    assert not {v for v, e in found(detector, '@"file_name": @"отчёт",') if e == "PERSON"}
