"""Detection beyond the US and UK: national identifiers with checksums, wallets, national phone
formats, continental and military addresses, names with particles, initials and user names."""

from __future__ import annotations

import pytest

from vault.adapters.detection import PresidioDetector, build_detector
from vault.adapters.detection._checksums import bech32_ok, dea_ok, eip55_ok, keccak256, nric_ok
from vault.adapters.detection._identifiers import REGISTRY
from vault.domain.entities import DETECTED_TYPES, ENTITY_TYPES, REGION_OF
from vault.domain.policy import AnonymizationPolicy


def covered(detector: PresidioDetector, text: str, value: str) -> set[str]:
    """The types of spans covering all of `value` in `text` (empty if none does)."""
    start = text.index(value)
    end = start + len(value)
    return {s.entity_type for s in detector.detect(text) if s.start <= start and s.end >= end}


def test_one_catalogue_feeds_the_detector_and_the_registry() -> None:
    from vault.adapters.detection import SUPPORTED_ENTITIES

    assert SUPPORTED_ENTITIES == DETECTED_TYPES
    assert set(ENTITY_TYPES) >= DETECTED_TYPES
    assert {"ORGANIZATION", "NRP"} <= set(ENTITY_TYPES) - DETECTED_TYPES
    assert {r.entity_type for r in REGISTRY} <= DETECTED_TYPES
    assert len(ENTITY_TYPES) == len(set(ENTITY_TYPES))


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Her national insurance number is JG 10 37 23 A.", "JG 10 37 23 A", "UK_NINO"),
        ("NHS number: 401 023 2137", "401 023 2137", "UK_NHS"),
        ("Mi DNI es 54362315K y vivo en Madrid.", "54362315K", "ES_NIF"),
        ("NIE Y2345678Z para el contrato", "Y2345678Z", "ES_NIE"),
        ("codice fiscale: MRTMTT91D08F205J", "MRTMTT91D08F205J", "IT_FISCAL_CODE"),
        ("Partita IVA 01114601006 della ditta", "01114601006", "IT_VAT_CODE"),
        ("PAN card: AFZPK7190K", "AFZPK7190K", "IN_PAN"),
        ("aadhaar_number: 4991 1866 5246", "4991 1866 5246", "IN_AADHAAR"),
        ("PESEL: 02070803628", "02070803628", "PL_PESEL"),
        ("NRIC S0000001I on the form", "S0000001I", "SG_NRIC_FIN"),
        ("tax file number 876 543 210 lodged", "876 543 210", "AU_TFN"),
        ("ABN 51 824 753 556", "51 824 753 556", "AU_ABN"),
        ("henkilötunnus 131052-308T", "131052-308T", "FI_PERSONAL_IDENTITY_CODE"),
        ("ITIN 912-78-1234 on the W-7", "912-78-1234", "US_ITIN"),
        ("Prescriber DEA BJ6125341", "BJ6125341", "MEDICAL_LICENSE"),
        ("tip jar: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "CRYPTO"),
        ("pay 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359 now", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "CRYPTO"),
    ],
)  # fmt: skip
def test_national_identifiers_and_wallets(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert entity in covered(detector, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "order 48213902 shipped",
        "invoice 1234567890 paid",
        "pay 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A now",  # EIP-55 case broken
        "tip jar: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr",  # bech32 checksum broken
        "codice fiscale: MRTMTT91D08F205K",  # check letter broken
    ],
)
def test_numbers_without_label_or_checksum_are_not_identifiers(
    detector: PresidioDetector, text: str
) -> None:
    spans = detector.detect(text)
    assert not {s.entity_type for s in spans} & {r.entity_type for r in REGISTRY}


def test_checksums() -> None:
    assert keccak256(b"").hex().startswith("c5d2460186f7233c")
    assert eip55_ok("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    assert not eip55_ok("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")
    assert eip55_ok("0x" + "ab" * 20)  # one case: no checksum to hold
    assert bech32_ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    assert bech32_ok("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")  # bech32m
    assert not bech32_ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")
    assert dea_ok("BJ6125341") and not dea_ok("BJ6125342")
    assert nric_ok("S1234567D") and nric_ok("T1234567J") and nric_ok("F1234567N")
    assert not nric_ok("S1234567A")


def test_locales_choose_the_country_recognizers() -> None:
    text = "codice fiscale: MRTMTT91D08F205J"
    only_us = build_detector(regions={"US"})
    assert "IT_FISCAL_CODE" not in {s.entity_type for s in only_us.detect(text)}
    assert "IT_FISCAL_CODE" in {s.entity_type for s in build_detector(regions={"IT"}).detect(text)}
    policy = AnonymizationPolicy(name="p", locales=["it-IT", "en-GB"])
    assert policy.regions == {"IT", "GB"}
    assert {"GB", "IT", "IN", "US", "DE", "BR"} <= AnonymizationPolicy(name="d").regions
    assert REGION_OF["UK_NINO"] == "GB"
    with pytest.raises(ValueError, match="language-REGION"):
        AnonymizationPolicy(name="p", locales=["english"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("You can ring me on 96 237271 after six.", "96 237271"),
        ("Call 33 93 31 for the desk.", "33 93 31"),
        ("0479 50 54 03 office", "0479 50 54 03"),
        ("Telefon 030 12345678", "030 12345678"),
    ],
)
def test_national_phone_formats(detector: PresidioDetector, text: str, value: str) -> None:
    assert "PHONE_NUMBER" in covered(detector, text, value)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Send it to Hoogstraat 81, 3011 PK, Rotterdam please.", ["Hoogstraat 81", "3011 PK", "Rotterdam"]),
        ("Lieferadresse: Hans-Sachs-Straße 14/2, 04109 Leipzig.", ["Hans-Sachs-Straße 14/2", "04109 Leipzig"]),
        ("Adres: aleja Niepodległości 12, 61-714 Poznań", ["aleja Niepodległości 12", "61-714 Poznań"]),
        ("Consegna: Contrada Pantano, 12, 90046, Monreale (PA)", ["Contrada Pantano, 12", "90046", "Monreale", "(PA)"]),
        ("Ship to PSC 1234, Box 5678, APO AE 09123 by Friday", ["PSC 1234, Box 5678, APO AE 09123"]),
        ("USNS Mercy\nFPO AP 96678", ["USNS Mercy\nFPO AP 96678"]),
        ("Invoice address:\nRua Augusta 120\n1100-053 Lisboa\nPortugal", ["Rua Augusta 120", "1100-053 Lisboa", "Portugal"]),
        ("I moved; new place is 69003 Lyon.", ["69003 Lyon"]),
        ("please mail it to Nerudova 212, 11800 Praha", ["Nerudova 212", "11800 Praha"]),
    ],
)  # fmt: skip
def test_continental_and_military_addresses(
    detector: PresidioDetector, text: str, parts: list[str]
) -> None:
    for part in parts:
        assert "LOCATION" in covered(detector, text, part), part


@pytest.mark.parametrize(
    "text", ["The 2024 Report is due.", "We sold 3000 Units last year.", "Windows 10 on Room 101"]
)
def test_numbers_before_capitalised_words_are_not_addresses(
    detector: PresidioDetector, text: str
) -> None:
    assert "LOCATION" not in {s.entity_type for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The form was signed by Oksana T. Hrytsenko yesterday.", "Oksana T. Hrytsenko"),
        ("Our guide was Pieter van den Broek.", "Pieter van den Broek"),
        ("I met Luisa da Costa at the fair.", "Luisa da Costa"),
        ("Ask Friedrich von Hohenberg first.", "Friedrich von Hohenberg"),
        ("Contact Mathilde Le Goff in Brest.", "Mathilde Le Goff"),
        ("Ask Carmen Ruiz-Delgado for the key.", "Carmen Ruiz-Delgado"),
        ("Hello Priyanka, the results are in.", "Priyanka"),
        ("login failed for user sofia.romano at 10:02", "sofia.romano"),
        ("ping @lukas_meyer when it ships", "lukas_meyer"),
    ],
)
def test_names_with_particles_initials_and_user_names(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert "PERSON" in covered(detector, text, value)


@pytest.mark.parametrize("text", ["see self.name and os.path", "set grace.period to 3"])
def test_dotted_code_is_not_a_user_name(detector: PresidioDetector, text: str) -> None:
    assert "PERSON" not in {s.entity_type for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The resident, aged 84, fell twice.", "84"),
        ("Age: 37 | Ward 4", "37"),
        ("a 29-year-old cyclist", "29"),
        ("she turned 61 years old in May", "61"),
    ],
)
def test_ages_stated_as_ages(detector: PresidioDetector, text: str, value: str) -> None:
    assert "AGE" in covered(detector, text, value)


@pytest.mark.parametrize("text", ["see page 12 of the usage 45 report", "it took 3 hours"])
def test_numbers_are_not_ages(detector: PresidioDetector, text: str) -> None:
    assert "AGE" not in {s.entity_type for s in detector.detect(text)}
