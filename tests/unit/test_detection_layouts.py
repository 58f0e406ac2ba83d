"""Identifiers as their issuers print them (issue #13): German document numbers read both ways
(with and without the check digit of the machine-readable zone), the groupings of Thai, South
African, German pension and US NPI numbers, CMS's MBI, ACRA's UEN and NIMC's NIN under their
labels, MAC addresses of every layout, ages in more languages, Thai dates, names and addresses.

Each value is built from its public specification (check digits worked by hand or by the
issuer's published algorithm), not taken from an evaluation set."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found, types
from vault.adapters.detection import PresidioDetector
from vault.adapters.detection._checksums import icao_ok

# ICAO 9303 check digits (weights 7, 3, 1; A=10 ... Z=35) over the nine characters.
DE_ID_WITH_CHECK = "L01X00T471"
DE_PASSPORT_WITH_CHECK = "C01X00T478"
TH_TNIN = "1101200001238"  # mod 11 over twelve digits
ZA_ID = "8001015009087"  # born 1980-01-01, a man, a citizen, Luhn
DE_PENSION = "12150385M127"  # area 12, born 15.03.85, initial M, serial 12, VKVV check digit
US_NPI = "1234567893"  # Luhn with the 80840 prefix
MBI = "1EG4TE5MK73"  # CMS's own example


@pytest.mark.parametrize("value", [DE_ID_WITH_CHECK, DE_PASSPORT_WITH_CHECK])
def test_the_check_digit_of_the_machine_readable_zone_holds(value: str) -> None:
    assert icao_ok(value)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (f"Personalausweis: {DE_ID_WITH_CHECK}", DE_ID_WITH_CHECK, "DE_ID_CARD"),
        (f"die Karte {DE_ID_WITH_CHECK} liegt vor", DE_ID_WITH_CHECK, "DE_ID_CARD"),
        ("ID card number LZ6311T4X", "LZ6311T4X", "DE_ID_CARD"),  # the ninth a letter
        (f"Passport No. {DE_PASSPORT_WITH_CHECK}", DE_PASSPORT_WITH_CHECK, "DE_PASSPORT"),
        ("Reisepass CF4G7HJ2K", "CF4G7HJ2K", "DE_PASSPORT"),
        ("เลขประจำตัวประชาชน 1-1012-00001-23-8", "1-1012-00001-23-8", "TH_TNIN"),
        (f"Thai ID {TH_TNIN}", TH_TNIN, "TH_TNIN"),
        ("ID-nommer 800101 5009 08 7", "800101 5009 08 7", "ZA_ID_NUMBER"),
        ("ID number 800101 5009 087", "800101 5009 087", "ZA_ID_NUMBER"),
        ("RV-Nummer 12 150385 M 12 7", "12 150385 M 12 7", "DE_SOCIAL_SECURITY"),
        (f"Versicherungsnummer: {DE_PENSION}", DE_PENSION, "DE_SOCIAL_SECURITY"),
        ("NPI 123 456 7893", "123 456 7893", "US_NPI"),
        (f"prescriber {US_NPI}", US_NPI, "US_NPI"),
        ("MBI 1EG4-TE5-MK73", "1EG4-TE5-MK73", "US_MBI"),
        (f"member {MBI} called", MBI, "US_MBI"),  # CMS's layout in capitals stands
        ("UEN: 53123456X", "53123456X", "SG_UEN"),  # ACRA's check letter is not published
        ("NIN: 12345678901", "12345678901", "NG_NIN"),
        ("carta d'identità AX 1234567", "AX 1234567", "IT_IDENTITY_CARD"),
        ("CIE 1234567AB", "1234567AB", "IT_IDENTITY_CARD"),
        ("Passport No.: J0369854", "J0369854", "IN_PASSPORT"),
        ("Passport No: 123456789, issued in London", "123456789", "UK_PASSPORT"),
        ("CPF 529 982 247 25", "529 982 247 25", "BR_CPF"),
        ("mac a4:5e:6f:c2:1f:9b up", "a4:5e:6f:c2:1f:9b", "MAC_ADDRESS"),  # no two digits touch
        ("iface 0011.22aa.4455", "0011.22aa.4455", "MAC_ADDRESS"),
        ("hwaddr 001A2B3C4D5E", "001A2B3C4D5E", "MAC_ADDRESS"),
        ("Aadhaar card 234567890124", "234567890124", "IN_AADHAAR"),
        ("SA ID: 8001015009087; dose 2", ZA_ID, "ZA_ID_NUMBER"),  # Luhn holds: no 13-digit card
        ("João Pedro Teixeira;52998224725;BR", "52998224725", "BR_CPF"),  # two check digits
        ("Renter,DOB,nin\nAda Obi,20 Nov 1992,70854157218", "70854157218", "NG_NIN"),
        ("Carta d'identità n. AU7892981, rilasciata", "AU7892981", "IT_IDENTITY_CARD"),
        ('voter_id: "MRJ8944037"', "MRJ8944037", "IN_VOTER"),
        ('{"passport": "Z2365225"}', "Z2365225", "IN_PASSPORT"),
    ],
)
def test_identifiers_in_their_printed_layouts(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("batch L01X00T472 shipped", "DE_ID_CARD"),  # check digit wrong, no label
        ("passport C12345678", "DE_PASSPORT"),  # a US passport's letter and eight digits
        ("passport 123456789", "UK_PASSPORT"),  # nine digits in a text that is not British
        ("order 12345678901 shipped", "NG_NIN"),  # eleven digits need NIMC's label
        ("invoice 53123456X", "SG_UEN"),
        ("version 2024.0101.1234", "MAC_ADDRESS"),  # dotted quads of digits alone
        ("commit 001a2b3c4d5e", "MAC_ADDRESS"),  # twelve hex digits need their label
        ("item 1eg4te5mk73", "US_MBI"),  # lower case needs the label
    ],
)
def test_look_alikes_without_their_label_are_not_these_types(
    detector: PresidioDetector, text: str, entity: str
) -> None:
    assert entity not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("患者は79歳の男性", "79"),
        ("79岁的老人", "79"),
        ("김민수(79세)", "79"),
        ("una donna di 79 anni", "79"),
        ("une femme de 79 ans", "79"),
        ("een vrouw van 79 jaar", "79"),
        ("Elle est âgée de 79 ans.", "79"),
        ("w wieku 79 lat", "79"),
        ("Ему 79 лет", "79"),
        ("Té 79 anys", "79"),
        ("een 79-jarige man", "79"),
        ("en 79-årig man", "79"),
        ("un 79enne", "79enne"),
        ("Bà ấy 79 tuổi", "79"),
        ("79 y.o. female", "79"),
        ("umur 79 tahun", "79"),
        ("นายสมชาย ใจดี อายุ 79 ปี", "79"),
        ("Teilnehmer Flurina Zimmermann (57 Jahre) aus Basel", "57"),
        ("M. Félix Gauthier, 77 ans. Paracétamol 1 g", "77"),
        ("Encuesta: Maite Etxeberria, 42 años, de Madrid", "42"),
        ("Ankieta: Agnieszka Szymańska, lat 52, Warszawa", "52"),
        ("Can't wait, I'm turning 73!", "73"),
    ],
)
def test_ages_in_more_languages(detector: PresidioDetector, text: str, age: str) -> None:
    assert (age, "AGE") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Garantie de 5 ans.",
        "un contratto di 5 anni",
        "il y a 5 ans",
        "5 jaar geleden",
        "the contract (5 years) ends",
        "the warranty, 5 years, is void",
    ],
)
def test_durations_after_of_are_not_ages(detector: PresidioDetector, text: str) -> None:
    assert "AGE" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("วันที่ 4 มีนาคม 2568", "4 มีนาคม 2568", "DATE_TIME"),  # the Buddhist era
        ("นัดหมาย 4 มี.ค. 2568 เวลา 10:30", "4 มี.ค. 2568", "DATE_TIME"),
        ("นายสมชาย ใจดี อายุ 79 ปี", "สมชาย ใจดี", "PERSON"),
        ("เรียน คุณสุดา วงศ์ไทย", "สุดา วงศ์ไทย", "PERSON"),
        ("ชื่อ: ประยุทธ์ แสงทอง", "ประยุทธ์ แสงทอง", "PERSON"),
        (
            "ที่อยู่ 123/45 หมู่ 5 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110",
            "123/45 หมู่ 5 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110",
            "LOCATION",
        ),
        (
            "99 ซ.อ่อนนุช 17 ต.บางจาก อ.เมือง จ.เชียงใหม่ 50000",
            "99 ซ.อ่อนนุช 17 ต.บางจาก อ.เมือง จ.เชียงใหม่ 50000",
            "LOCATION",
        ),
    ],
)
def test_thai_dates_names_and_addresses(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize("text", ["คุณสามารถติดต่อเราได้", "นายจ้างของเขา"])
def test_thai_words_after_a_title_that_are_no_names(detector: PresidioDetector, text: str) -> None:
    assert "PERSON" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("simu: 0712 345678", "0712 345678"),  # Kenya
        ("SĐT 0912 345 678", "0912 345 678"),  # Vietnam
        ("no hp 0812-3456-7890", "0812-3456-7890"),  # Indonesia
        ("Tel 012-345 6789", "012-345 6789"),  # Malaysia
        ("電話 03-1234-5678", "03-1234-5678"),  # Japan
    ],
)
def test_national_phone_numbers_of_the_default_regions(
    detector: PresidioDetector, text: str, phone: str
) -> None:
    assert (phone, "PHONE_NUMBER") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Alamat: Jl. Sudirman No. 45, Jakarta Selatan 12190",
            "Jl. Sudirman No. 45, Jakarta Selatan 12190",
        ),
        ("Anschrift: Lindenweg 4, 12345 Berlin", "Lindenweg 4, 12345 Berlin"),
        ("Adresa: Vukovarska 12, Split", "Vukovarska 12, Split"),  # the city with it
        ("Helbidea: Kale Nagusia 5, 20001 Donostia", "Kale Nagusia 5, 20001 Donostia"),
    ],
)
def test_addresses_under_their_label_in_other_languages(
    detector: PresidioDetector, text: str, address: str
) -> None:
    assert (address, "LOCATION") in found(detector, text)
    assert "PERSON" not in types(detector, text)  # the label is no name
