"""Identity documents and ages (issue #13): German ID cards and passports, Indian passports,
Italian driving licences, Korean foreign registration numbers, British passports and driving
licences, Singapore UENs, ages in many languages, and the US/Swedish/Dutch shapes widened."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found, types
from vault.adapters.detection import PresidioDetector
from vault.adapters.detection._checksums import dvla_date_ok, icao_ok, kr_frn_ok

# Check digits worked out by hand from the published rules: ICAO 9303 (weights 7, 3, 1, A=10),
# the Korean FRN's (13 - sum mod 11) mod 10, ACRA's UEN check letters.
DE_ID_NEW = "L01X00T44"
DE_ID_OLD = "1220000016"
DE_PASSPORT = "C01X00T41"
KR_FRN = "750101-5123450"
UK_DL = "MORGA753116SM9IJ"
UEN_BUSINESS, UEN_LOCAL, UEN_OTHER = "53123456L", "201912345R", "T19LL1234E"


@pytest.mark.parametrize("value", [DE_ID_NEW, DE_ID_OLD, DE_PASSPORT, "T22000124"])
def test_icao_check_digit_holds(value: str) -> None:
    assert icao_ok(value)


@pytest.mark.parametrize("value", ["L01X00T45", "C01X00T40", "1220000014", "L01X00T4X", "4"])
def test_icao_check_digit_rejects(value: str) -> None:
    assert not icao_ok(value)


def test_kr_frn_check_digit() -> None:
    assert kr_frn_ok(KR_FRN)
    assert not kr_frn_ok("750101-5123451")
    assert not kr_frn_ok("750101-1123450")  # a citizen's sex digit is an RRN, not an FRN


def test_dvla_birth_date_must_be_a_real_day() -> None:
    assert dvla_date_ok(UK_DL)
    assert dvla_date_ok("SMITH762296JA9AB")  # 62: a woman born in December
    assert not dvla_date_ok("MORGA713316SM9IJ")  # month 13
    assert not dvla_date_ok("MORGA702306SM9IJ")  # 30 February


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (f"Personalausweis: {DE_ID_NEW}", DE_ID_NEW, "DE_ID_CARD"),
        (f"die Karte {DE_ID_NEW} liegt vor", DE_ID_NEW, "DE_ID_CARD"),  # check digit: stands
        ('{"ausweisnummer": "T22000129"}', "T22000129", "DE_ID_CARD"),  # as printed, no check
        (f"alter Personalausweis {DE_ID_OLD}", DE_ID_OLD, "DE_ID_CARD"),
        (f"Reisepass-Nr. {DE_PASSPORT}", DE_PASSPORT, "DE_PASSPORT"),
        (f"{DE_PASSPORT} (German passport)", DE_PASSPORT, "DE_PASSPORT"),
        ("Passport No.: J8369854", "J8369854", "IN_PASSPORT"),
        ("| Name | Passport |\n|---|---|\n| Asha | K1234567 |", "K1234567", "IN_PASSPORT"),
        ("numero patente: RM1234567X", "RM1234567X", "IT_DRIVER_LICENSE"),
        ("la sua U15K86241X è scaduta", "U15K86241X", "IT_DRIVER_LICENSE"),  # U1 layout stands
        (f"외국인등록번호 {KR_FRN}", KR_FRN, "KR_FRN"),
        (f"FRN: {KR_FRN.replace('-', '')}", KR_FRN.replace("-", ""), "KR_FRN"),
        ("UK passport 123456789", "123456789", "UK_PASSPORT"),
        ("passport: AB1234567", "AB1234567", "UK_PASSPORT"),
        (f"licence {UK_DL} valid", UK_DL, "UK_DRIVING_LICENCE"),
        (f"ref {UK_DL}", UK_DL, "UK_DRIVING_LICENCE"),  # the date holds: stands
        (f"UEN: {UEN_BUSINESS}", UEN_BUSINESS, "SG_UEN"),
        (f"registered as {UEN_LOCAL}", UEN_LOCAL, "SG_UEN"),
        (f"uen,name\n{UEN_OTHER},Acme", UEN_OTHER, "SG_UEN"),
    ],
)
def test_documents_are_found(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Reisepass L01X00T45", "DE_ID_CARD"),  # an ID card's first letter, check digit wrong
        ("batch L01X00T45 shipped", "DE_ID_CARD"),
        ("item C01X00T40 in stock", "DE_PASSPORT"),
        ("order J8369854 shipped", "IN_PASSPORT"),  # the shape needs its label
        ("catalogue RM1234567X", "IT_DRIVER_LICENSE"),
        ("ref 750101-5123451", "KR_FRN"),  # check digit wrong
        ("ref 750101-1234568", "KR_FRN"),  # a citizen's sex digit
        ("passport 123456789", "UK_PASSPORT"),  # nine digits: only a British label says UK
        ("ref MORGA713316SM9IJ", "UK_DRIVING_LICENCE"),  # month 13
        ("invoice 53123456A", "SG_UEN"),  # check letter wrong
        ("invoice 53123456L", "SG_UEN"),  # right, but eight digits and a letter need the label
    ],
)
def test_look_alikes_are_not_these_documents(
    detector: PresidioDetector, text: str, entity: str
) -> None:
    assert entity not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The patient, aged 79, was admitted.", "79"),
        ("a 79-year-old man", "79"),
        ("She is 79 years old.", "79"),
        ("age: 79", "79"),
        ('{"age": 79}', "79"),
        ("Alter 79, wohnhaft in Köln", "79"),
        ("Der 79-jährige Fahrer", "79"),
        ("Elle a 79 ans.", "79"),
        ("edad 79 años", "79"),
        ("idade: 79", "79"),
        ("età 79", "79"),
        ("leeftijd 79", "79"),
        ("Hon är 79 år gammal.", "79"),
        ("his 79th birthday", "79th"),
        ("Han er 79 år gammel.", "79"),
        ("una mujer de 79 años de edad", "79"),
        ("Nainen, 79-vuotias", "79"),
    ],
)
def test_ages_are_the_number_alone(detector: PresidioDetector, text: str, age: str) -> None:
    assert (age, "AGE") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The warranty lasts 5 years.",
        "Garantie de 5 ans.",
        "Page 79 of the manual.",
        "aged 300 barrels",
        "version 3.79 released",
        "Il y a 5 ans, nous avons ouvert.",
        "Het is 5 jaar geleden.",
    ],
)
def test_durations_and_counts_are_not_ages(detector: PresidioDetector, text: str) -> None:
    assert "AGE" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("personnummer 19811218-9876", "19811218-9876", "SE_PERSONNUMMER"),
        ("personnummer 198112189876", "198112189876", "SE_PERSONNUMMER"),
        ("ref 811218+9876", "811218+9876", "SE_PERSONNUMMER"),  # over a hundred: stands
        ("samordningsnummer 811278-9873", "811278-9873", "SE_PERSONNUMMER"),  # day + 60
        ("ITIN 912-55-1234", "912-55-1234", "US_ITIN"),  # the 50-65 group
        ("ITIN: 912 70 1234", "912 70 1234", "US_ITIN"),
        ("taxpayer id 912701234", "912701234", "US_ITIN"),
        ("sofinummer 123-456-782", "123-456-782", "NL_BSN"),
        ("BSN-nummer: 1234 56 782", "1234 56 782", "NL_BSN"),
    ],
)
def test_widened_shapes_are_found(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("order 912-93-1234", "US_ITIN"),  # group 93 is not issued
        ("personnummer 19811218-9875", "SE_PERSONNUMMER"),  # Luhn fails
        ("ordernummer 123-456-783", "NL_BSN"),  # elfproef fails
    ],
)
def test_widened_shapes_keep_their_checks(
    detector: PresidioDetector, text: str, entity: str
) -> None:
    assert entity not in types(detector, text)
