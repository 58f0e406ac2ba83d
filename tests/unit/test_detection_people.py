"""Names the model and the lists miss: under keys in many languages, in Markdown tables,
double-barrelled, and capitalised pairs of unknown words; and what only looks like one."""

from __future__ import annotations

import pytest

from vault.adapters.detection import PresidioDetector
from vault.adapters.detection._people import name_candidates
from vault.adapters.detection._tables import column_candidates


def _people(detector: PresidioDetector, text: str) -> set[str]:
    return {text[s.start : s.end] for s in detector.detect(text) if s.entity_type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("customer:\n  name: Sakura Kato-Ito\n  plan: gold\n", "Sakura Kato-Ito"),
        ("Name: Tyler Gallagher\nAddress: Södra Vägen 121", "Tyler Gallagher"),
        ("Nachname: Schäfer\nVorname: Till", "Schäfer"),
        ("apellidos: Etxeberria Zubizarreta", "Etxeberria Zubizarreta"),
        ("| Name | Passport |\n|---|---|\n| Cem-Oğuz Arslan | 154434228 |", "Cem-Oğuz Arslan"),
        ("Applicant Sjoerd Bosman (ABN 48 852 810 091)", "Sjoerd Bosman"),
        ("the file went to Temitope Balogun on Monday.", "Temitope Balogun"),
        ("Team:\n- Anastasia-Tatiana Popova\n- Zhiwei Liu\n", "Anastasia-Tatiana Popova"),
    ],
)
def test_name_is_found(detector: PresidioDetector, text: str, name: str) -> None:
    # The model may take a role word with it ("Applicant Sjoerd Bosman"): covered all the same.
    assert any(name in found for found in _people(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        'client = Groq(api_key="gsk_x")',
        "driver = webdriver.Chrome()",
        "Date: Tue Mar 5 2024",
        "the two main Iraqi Kurdish rebel groups",
        "a five-nation Latin American tour",
        "Results of the Premier League Darts Championship Finals",  # a title, not a name
    ],
)
def test_not_a_name(detector: PresidioDetector, text: str) -> None:
    assert not _people(detector, text)


def test_markdown_table_rule_line_is_not_a_row() -> None:
    table = "| Name | Address |\n|---|---|\n| Ann Lee | 1 Main St |"
    cells = {table[c.start : c.end] for c in column_candidates(table)}
    assert cells == {"Ann Lee", "1 Main St"}


def test_long_title_case_text_stays_linear(detector: PresidioDetector) -> None:
    """Capitalised unknown words for pages: every run is too long to be a name."""
    text = ("Zorblax Quenti " * 14_000)[:200_000]
    assert isinstance(detector.detect(text), list)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"Don\'t feed me planned obsolescence," says Mary Bilić in a post.', "Mary Bilić"),
        ("They had 6: Jan, Kristi, Stephen, Julie, Nina and Pat", "Kristi"),
        ("Johannes, can I please speak to your boss?", "Johannes"),
    ],
)
def test_listed_name_is_a_person_not_a_place(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert name in _people(detector, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He fought Tyson in Las Vegas last year.", "Las Vegas"),
        ("Gold closed at $387 in Hong Kong on Friday.", "Hong Kong"),
        ("In Iran they have company songs.", "Iran"),
    ],
)
def test_a_place_with_name_words_stays_a_place(
    detector: PresidioDetector, text: str, place: str
) -> None:
    spans = {(text[s.start : s.end], s.entity_type) for s in detector.detect(text)}
    assert any(place in value and entity == "LOCATION" for value, entity in spans), spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[09:14] ops: did you send it to ludovica esposito?", "ludovica esposito"),
        ("name,주민등록번호,ref\nSeoyeon-Dohyun Park,880810-1335251,x", "Seoyeon-Dohyun Park"),
    ],
)
def test_lower_case_names_and_headers_in_any_script(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert any(name in found for found in _people(detector, text))


def test_lower_case_words_before_a_surname_need_to_be_no_ordinary_words(
    detector: PresidioDetector,
) -> None:
    assert not _people(detector, "we need more data smith said nothing")


@pytest.mark.parametrize(
    "text",
    [
        "the verses from my brother's Cautionary Tales are better",
        'at #1 you ask? Answer: "Snake Boogie" by the band',
    ],
)
def test_a_title_is_no_capitalised_name(text: str) -> None:
    assert not [c for c in name_candidates(text) if c.source == "capitalised"]


@pytest.mark.parametrize(
    "text",
    [
        "Maartje Vermeulen\nAppartement 18, 134 bis boulevard Voltaire\n67000 Strasbourg",
        "Urszula Zielińska\n72 rue du Faubourg Saint-Antoine\n75011 Paris",
    ],
)
def test_the_addressee_line_above_an_address_is_a_person(
    detector: PresidioDetector, text: str
) -> None:
    assert text.split("\n")[0] in _people(detector, text)


def test_a_heading_above_numbers_is_no_addressee() -> None:
    text = "Release Notes\n1. fixed the build\nQuarterly Report\n2024 figures"
    assert not [c for c in name_candidates(text) if c.source == "addressee"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Contact person: Nguyễn Thị Minh Khai", "Nguyễn Thị Minh Khai"),
        ("Nguyễn Văn An called twice", "Nguyễn Văn An"),
        ("Khách hàng: Trần Văn Bình, SĐT 0912 345 678", "Trần Văn Bình"),
        ("Patient: WANJIRU, Grace", "WANJIRU, Grace"),
        ("Name: OKAFOR, Chidi E.", "OKAFOR, Chidi E."),
        ("Passenger: MUELLER/HANS MR", "MUELLER/HANS"),
        ("PAX: SMITH/JANE MS", "SMITH/JANE"),
    ],
)
def test_surname_first_and_vietnamese_names(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert name in _people(detector, text)


@pytest.mark.parametrize(
    "text", ["URGENT, Will you check", "NB, June is busy", "TCP/IP stack", "AND/OR clause"]
)
def test_words_in_a_surname_first_layout_are_no_names(
    detector: PresidioDetector, text: str
) -> None:
    assert not _people(detector, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ankieta: Joanna Zieliński, lat 44, Kraków. Proszę o kontakt", "Kraków"),
        ("Encuesta: Jordi Soler, 60 años, de Barcelona. Comentario", "Barcelona"),
    ],
)
def test_a_place_the_model_reads_as_a_name_is_a_place(
    detector: PresidioDetector, text: str, place: str
) -> None:
    found = {(text[s.start : s.end], s.entity_type) for s in detector.detect(text)}
    assert (place, "LOCATION") in found
    assert not any(place in value and kind == "PERSON" for value, kind in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Name on ticket: SIENNA SANDHU\nEvent date 2025-07-01", "SIENNA SANDHU"),
        ("front.jpg OCR: RORY PEMBERTON | PEMBE702123R99YG", "RORY PEMBERTON"),
        ("Sample label: BRINKMANN LENNART · 12 010497 B 001", "BRINKMANN LENNART"),
        ("driver app user naledi.vandermerwe, device MAC", "naledi.vandermerwe"),
        ("queue Billing-EN, agent meritxell.pujol.", "meritxell.pujol"),
    ],
)
def test_names_in_capitals_and_handles_after_their_cue(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert name in _people(detector, text)


@pytest.mark.parametrize(
    "text",
    ["PLACE OF BIRTH", "URGENT PLEASE READ", "Status: ACTIVE ACCOUNT", "Type: AWS LAMBDA",
     "Error: FILE NOT FOUND", "see config.yaml by default"],
)  # fmt: skip
def test_capitals_and_dotted_words_that_are_no_names(detector: PresidioDetector, text: str) -> None:
    assert not _people(detector, text)
