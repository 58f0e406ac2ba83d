"""Brazilian CPF, French NIR and Dutch BSN: their checksums, and when a number needs its label."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector, build_detector
from vault.adapters.detection._checksums import bsn_ok, cpf_ok, nir_ok
from vault.domain.entities import REGION_OF

# Built by hand from the published algorithms (CPF: two mod-11 digits; NIR: 97 - n mod 97,
# 2A as 19 and 2B as 18; BSN: the elfproef), not copied from a generator.
VALID_CPF = ["529.982.247-25", "12345678909", "987.654.321-00"]
VALID_NIR = ["1 85 05 78 006 084 91", "269029934173285", "1 85 05 2A 006 084 35", "291032B12345672"]
VALID_BSN = ["111222333", "123456782", "1234.56.782", "234 567 892"]


@pytest.mark.parametrize("value", VALID_CPF)
def test_cpf_checksum_holds(value: str) -> None:
    assert cpf_ok(value)


@pytest.mark.parametrize(
    "value",
    [
        "529.982.247-26",
        "529.982.247-15",
        "11111111111",
        "00000000000",
        "5299822472",
        "1234567890912",
    ],
)
def test_cpf_checksum_rejects(value: str) -> None:
    assert not cpf_ok(value)


@pytest.mark.parametrize("value", VALID_NIR)
def test_nir_key_holds(value: str) -> None:
    assert nir_ok(value)


@pytest.mark.parametrize(
    "value",
    [
        "1 85 05 78 006 084 92",  # key off by one
        "185057800608419",  # key digits swapped
        "1 85 05 2B 006 084 35",  # 2A's key under 2B
        "1 85 05 2C 006 084 35",  # no department 2C
        "585057800608491",  # no sex digit 5
        "18505780060849",  # a digit short
    ],
)
def test_nir_key_rejects(value: str) -> None:
    assert not nir_ok(value)


@pytest.mark.parametrize("value", VALID_BSN)
def test_bsn_elfproef_holds(value: str) -> None:
    assert bsn_ok(value)


@pytest.mark.parametrize("value", ["123456783", "111222334", "000000000", "12345678", "1234567820"])
def test_bsn_elfproef_rejects(value: str) -> None:
    assert not bsn_ok(value)


def test_each_type_belongs_to_its_country() -> None:
    assert (REGION_OF["BR_CPF"], REGION_OF["FR_NIR"], REGION_OF["NL_BSN"]) == ("BR", "FR", "NL")


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Meu CPF é 529.982.247-25, obrigado.", "529.982.247-25", "BR_CPF"),
        ("segue o 987.654.321-00 do cliente", "987.654.321-00", "BR_CPF"),  # printed layout stands
        ("CPF: 12345678909", "12345678909", "BR_CPF"),
        ("numéro de sécurité sociale : 1 85 05 78 006 084 91", "1 85 05 78 006 084 91", "FR_NIR"),
        ("son numéro est 269029934173285.", "269029934173285", "FR_NIR"),  # a valid key stands
        ("né en Corse, NIR 1 85 05 2A 006 084 35", "1 85 05 2A 006 084 35", "FR_NIR"),
        ("Mijn BSN is 111222333.", "111222333", "NL_BSN"),
        ("burgerservicenummer: 1234.56.782", "1234.56.782", "NL_BSN"),
        ("Tel 06 1234 5678 en BSN 234 567 892", "234 567 892", "NL_BSN"),
    ],
)
def test_valid_numbers_are_found(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("CPF 529.982.247-26", "BR_CPF"),  # check digit wrong
        ("order 12345678909 shipped", "BR_CPF"),  # valid, but an order number by its label
        ("NIR 1 85 05 78 006 084 92", "FR_NIR"),  # key wrong
        ("BSN 123456783", "NL_BSN"),  # fails the elfproef
        ("ordernummer 123456782", "NL_BSN"),  # passes it, but nine digits need their label
    ],
)
def test_invalid_or_unlabelled_numbers_are_not_these_types(
    detector: PresidioDetector, text: str, entity: str
) -> None:
    assert entity not in {e for _, e in found(detector, text)}


def test_a_tenant_outside_the_country_does_not_run_its_recognizer() -> None:
    detector = build_detector(regions={"US"})
    assert "NL_BSN" not in {e for _, e in found(detector, "Mijn BSN is 111222333.")}
