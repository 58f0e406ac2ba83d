"""Korean resident and foreign registration numbers without their label (issue #13): a birth
date, a sex digit and the check digit (11 - sum mod 11) mod 10 over the weights 2-9, 2-5 make one
stand, hyphenated or bare, whatever its region digits. The values are built here by that rule."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found, types
from vault.adapters.detection import PresidioDetector
from vault.adapters.detection._checksums import kr_rrn_ok

RRN_HIGH_REGION = "770922-2987658"  # region digits 98 > 95, which Presidio leaves undecided
RRN_BARE = "0111054973121"  # born 2001-11-05, a man
FRN_BARE = "8802146123453"  # sex digit 6: a foreign resident


@pytest.mark.parametrize("value", [RRN_HIGH_REGION, RRN_BARE])
def test_the_check_digit_holds(value: str) -> None:
    assert kr_rrn_ok(value)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (f"[{RRN_HIGH_REGION}] 박지민 <jimin@example.kr>", RRN_HIGH_REGION, "KR_RRN"),
        (f"오세훈 | {RRN_BARE} | 02-111-2222", RRN_BARE, "KR_RRN"),
        (f"Aruzhan Sadykova | {FRN_BARE} | +82 10 1234 5678", FRN_BARE, "KR_FRN"),
    ],
)
def test_numbers_stand_without_their_label(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "오세훈 | 0111054973122 | 02-111-2222",  # the check digit fails
        "barcode 0113054973121",  # no thirteenth month
    ],
)
def test_look_alikes_stay_no_registration_number(detector: PresidioDetector, text: str) -> None:
    assert not types(detector, text) & {"KR_RRN", "KR_FRN"}
