"""Ages as people write them beside a name in caseless scripts, after a bracketed second name,
before their number in Vietnamese and Arabic, and under an age key in the record syntax of shell,
Ada, Lisp, Smalltalk and Texinfo (issue #13). Every example is invented."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("الأستاذة سلمى يوسف، ٥٢ سنة، من طنطا", "٥٢"),
        ("السيد كريم ناصر، عنده 61 سنة، من أسوان", "61"),
        ("الحاج سعيد، سنه ٤٧، من المنيا", "٤٧"),
        ("خانم نرگس احمدی، ۳۸ سال، ساکن رشت", "۳۸"),
        ("Տիկին Անի Մելքոնյան, 44 տ., Վանաձոր", "44"),
        ("Chị Lê Thu Hà, tuổi: 29, Huế", "29"),
        ("Guest: Oskar Lindqvist (Maja Lindqvist), 41 år, Uppsala", "41"),
        ("Ospite: Giulia Ferri (Luca Ferri), 33 anni, Pisa", "33"),
        ('pet=(\n  [owner_name]="Ana"\n  [age]="58"\n)', "58"),
        ('   Age => +"71",', "71"),
        ('  (age . "46")', "46"),
        ("r at: #Age put: '39'.", "39"),
        ("@item age\n27\n@item city", "27"),
    ],
)
def test_ages_beside_names_and_under_record_keys(
    detector: PresidioDetector, text: str, age: str
) -> None:
    assert (age, "AGE") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Garantie (pièces), 5 ans.",
        "عقد الإيجار، 5 سنة قابلة للتجديد",
        "(max_age . 60)",
        "@item cache age\n30",
    ],
)
def test_durations_and_machine_ages_stay_no_age(detector: PresidioDetector, text: str) -> None:
    assert not any(entity == "AGE" for _, entity in found(detector, text))
