"""Hong Kong Cantonese as people write it (issue #13): a phone glued to 手提 or after 聯絡 and a
name, a full name before the short titles 生 and 太 or before 姑娘, and Cantonese family names
(區, 麥, 岑), and addresses from the region to the flat (九龍…道88號5樓B室). Every example is
invented."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("請手提6123-4567搵我。", "6123-4567", "PHONE_NUMBER"),
        ("聯絡何志明：9876 5432，多謝。", "9876 5432", "PHONE_NUMBER"),
        ("聯絡何志明：9876 5432，多謝。", "何志明", "PERSON"),
        ("岑家樂生今年45歲。", "岑家樂", "PERSON"),
        ("麥美玲太的電郵已更新。", "麥美玲", "PERSON"),
        ("請問區詠欣姑娘幾時得閒？", "區詠欣", "PERSON"),
    ],
)
def test_cantonese_cues(detector: PresidioDetector, text: str, value: str, entity: str) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize("text", ["他是學生的代表。", "這個型號：12345678"])
def test_ordinary_words_stay_no_name_or_phone(detector: PresidioDetector, text: str) -> None:
    assert not {e for _, e in found(detector, text)} & {"PERSON", "PHONE_NUMBER"}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("王小明先生住九龍深水埗長沙灣道88號5樓B室，多謝。", "九龍深水埗長沙灣道88號5樓B室"),
        ("寄件地點：新界元朗青山公路12號。", "新界元朗青山公路12號"),
        ("Deliver to 香港島北角英皇道300號12樓 please.", "香港島北角英皇道300號12樓"),
    ],
)
def test_hong_kong_addresses_by_their_grammar(
    detector: PresidioDetector, text: str, address: str
) -> None:
    assert (address, "LOCATION") in found(detector, text)
