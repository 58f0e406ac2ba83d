"""Identifiers under their labels: printed groupings, labels as keys, after the value or heading
its column, and the numbers beside them that are not personal data."""

from __future__ import annotations

import pytest

from vault.adapters.detection import PresidioDetector
from vault.adapters.detection._context import column_header, context_view, labelled
from vault.adapters.detection._identifiers import _context

# Check digits that hold: a German tax id, a Spanish NIE, an Australian TFN, Medicare number
# and ABN, and a 16-digit number that passes Luhn.
DE_TAX = "39170342364"
NIE = "X6253109F"
TFN = "160710439"
MEDICARE = "4544091074"
ABN = "73569568058"
LUHN_16 = "3245354585700610"


def _typed(detector: PresidioDetector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start : s.end], s.entity_type) for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # printed groupings
        (f"Steuer-ID: {DE_TAX[:2]} {DE_TAX[2:5]} {DE_TAX[5:8]} {DE_TAX[8:]}", None, "DE_TAX_ID"),
        (f"Steuerliche Identifikationsnummer {DE_TAX}", DE_TAX, "DE_TAX_ID"),
        (f"NIE: {NIE[0]}-{NIE[1:8]}-{NIE[8]}", None, "ES_NIE"),
        (f"mi nie es {NIE.lower()}", NIE.lower(), "ES_NIE"),
        (f"TFN {TFN[:3]}-{TFN[3:6]}-{TFN[6:]}", None, "AU_TFN"),
        (f"Medicare: {MEDICARE[:4]} {MEDICARE[4:9]} {MEDICARE[9]} 1", None, "AU_MEDICARE"),
        (f"Medicare no. {MEDICARE}/2", f"{MEDICARE}/2", "AU_MEDICARE"),
        ("DL S9383 23262 33761 (NJ)", "S9383 23262 33761", "US_DRIVER_LICENSE"),
        ("Iowa DL 123AB4567 on file", "123AB4567", "US_DRIVER_LICENSE"),
        ("driver license: 12345678A", "12345678A", "US_DRIVER_LICENSE"),
        # labels as keys, after the value, heading the column
        ('{"drivers_license": "K51995006"}', "K51995006", "US_DRIVER_LICENSE"),
        ("travel_document_number: 546060128", "546060128", "US_PASSPORT"),
        ("social_security_no=419221770", "419221770", "US_SSN"),
        (f"{ABN} (Australian Business Number)", ABN, "AU_ABN"),
        (f"name,steuer_id,ref\nAnna Weber,{DE_TAX},29 items", DE_TAX, "DE_TAX_ID"),
        (f"| Name | TFN | Ref |\n|---|---|---|\n| Ann Lee | {TFN} | x |", TFN, "AU_TFN"),
        ("| Name | Passport | Ref |\n|---|---|---|\n| Ann Lee | 154434228 | x |", "154434228",
         "US_PASSPORT"),
        # a bank account whose digits happen to pass Luhn is still the account
        (f"account number: {LUHN_16}", LUHN_16, "US_BANK_NUMBER"),
        (f"{LUHN_16} (bank_account_number)", LUHN_16, "US_BANK_NUMBER"),
    ],
)  # fmt: skip
def test_labelled_identifier_is_found_with_its_type(
    detector: PresidioDetector, text: str, value: str | None, entity: str
) -> None:
    if value is None:
        value = text.split(" ", 1)[1] if ": " not in text else text.split(": ", 1)[1]
    assert (value, entity) in _typed(detector, text)


def test_a_card_under_a_card_label_stays_a_card(detector: PresidioDetector) -> None:
    assert (LUHN_16, "CREDIT_CARD") in _typed(detector, f"card account number: {LUHN_16}")
    assert (LUHN_16, "CREDIT_CARD") in _typed(detector, f"Visa {LUHN_16}")


@pytest.mark.parametrize(
    "text",
    [
        "NIE: X6253109G",  # wrong check letter
        f"Steuer-ID: {DE_TAX[:-1]}{(int(DE_TAX[-1]) + 1) % 10}",  # wrong check digit
        "TFN: 160710438",
    ],
)
def test_a_failed_checksum_is_not_that_identifier(detector: PresidioDetector, text: str) -> None:
    types = {entity for _, entity in _typed(detector, text)}
    assert not types & {"ES_NIE", "DE_TAX_ID", "AU_TFN"}


@pytest.mark.parametrize(
    "text",
    [
        "My acct # is 1931832543909 and the SKU 29147370.",
        "Lic #: 557386917\nOrder #5482853",
        "Passport no. 546060128, invoice 2023-57408",
        "request id 8fafaafa-04da-41c2-a79e-4d55e4a8f1b2 for account review",
        "version 10.1.8 of the bank app, build 70119",
        "account balance $98,483.69 on 2 items",
    ],
)
def test_numbers_beside_a_label_that_are_not_its_value(
    detector: PresidioDetector, text: str
) -> None:
    """A reference number led by its own label, or past another number, is not the identifier
    the earlier label names; UUIDs, versions and amounts are nothing."""
    spans = _typed(detector, text)
    for value, entity in spans:
        assert not (
            value in ("29147370", "5482853", "2023-57408", "70119", "10.1.8")
            or "8fafaafa" in value
            or "98,483" in value
        ), (value, entity)


def test_context_view_reads_keys_as_words() -> None:
    assert context_view("us_passport_number: 1") == "us passport number: 1"
    assert len(context_view("a_b" * 1000)) == 3000


def test_column_header_finds_the_cell_above() -> None:
    table = "| Name | TFN |\n|---|---|\n| Ann | 1 |\n| Bo | 2 |"
    assert column_header(table, table.index("2")) == "TFN"
    csv = "name,tax_id\nAnn,1\nBo,2"
    assert column_header(csv, csv.index("2")) == "tax_id"
    assert column_header("no table here 2", 14) == ""
    # a first line has no header above it
    assert column_header("Ann,1", 4) == ""


def test_labelled_needs_the_label_next_to_the_value() -> None:
    words = _context(["tfn"])
    text = "TFN 123, then 456"
    assert labelled(words, text, 4, 7, before=64, after=40)
    assert not labelled(words, text, 14, 17, before=64, after=40)  # another number between
    after = "456 (TFN)"
    assert labelled(words, after, 0, 3, before=64, after=40)
    assert not labelled(words, "SKU 456 TFN", 4, 7, before=64, after=0)


def test_context_search_is_bounded_on_big_tables() -> None:
    """A long table costs a bounded walk per cell, and a 1 MiB line of separators is fine."""
    rows = "\n".join(f"{i},{i}" for i in range(50_000))
    text = "name,tfn\n" + rows
    assert column_header(text, len(text) - 1) == ""  # its header is too far up to count
    line = "|" * (1 << 20)
    assert column_header(line, len(line) // 2) == ""


@pytest.mark.parametrize(
    "text",
    [
        "verify iban=ES4308557275396278688948 status=ok",
        "IBAN es43 0855 7275 3962 7868 8948, thanks",
    ],
)
def test_an_iban_is_cut_where_its_check_holds(detector: PresidioDetector, text: str) -> None:
    found = {v for v, e in _typed(detector, text) if e == "IBAN_CODE"}
    assert found and all(v.replace(" ", "").upper() == "ES4308557275396278688948" for v in found)


def test_a_card_is_grouped_as_cards_are(detector: PresidioDetector) -> None:
    """A French NIR whose 15 digits pass Luhn by chance is no card: no card prints 1-2-2-2-3-3-2."""
    nir = "2 56 05 52 788 830 74"
    assert (nir, "FR_NIR") in _typed(detector, f"numéro de sécurité sociale: {nir}")
    amex = "3782 822463 10005"
    assert (amex, "CREDIT_CARD") in _typed(detector, f"Amex {amex}")


@pytest.mark.parametrize("text", ["Onboarding form: my PAN card", "2026-03-02 verify pan_no"])
def test_a_pan_has_the_printed_shape(detector: PresidioDetector, text: str) -> None:
    assert not {e for _, e in _typed(detector, text)} & {"IN_PAN"}
