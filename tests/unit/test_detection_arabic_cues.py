"""Arabic cues (issue #13): a name after the titles المهندس, مدام and الشيخ or after باسم ("in the
name of"), ending before في, من or بتاريخ, and a mobile after موبايل or جوال. Every example is
invented."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("المهندس وليد منصور، من فضلك اتصل بي.", "وليد منصور", "PERSON"),
        ("مدام سارة عادل، شكرا على الحجز.", "سارة عادل", "PERSON"),
        ("الشيخ ناصر القحطاني، حضر الاجتماع.", "ناصر القحطاني", "PERSON"),
        ("سجلنا الطلب باسم يوسف الشمري في ينبع أمس.", "يوسف الشمري", "PERSON"),
        ("للتواصل موبايل 01012345678 شكرا", "01012345678", "PHONE_NUMBER"),
    ],
)
def test_arabic_cues(detector: PresidioDetector, text: str, value: str, entity: str) -> None:
    assert (value, entity) in found(detector, text)
