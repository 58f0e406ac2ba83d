"""Dates, driver licences, secrets and other grammars on cases written from their categories,
not from any evaluation set: each format in context, and the look-alikes that must stay."""

from __future__ import annotations

import re

import pytest

from vault.adapters.detection import PresidioDetector


def found(detector: PresidioDetector, text: str) -> set[tuple[str, str]]:
    return {(s.entity_type, text[s.start : s.end]) for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The meeting is on the 3rd of May at 10am.", "the 3rd of May at 10am"),
        ("Born 3. März 1985 in Köln.", "3. März 1985"),
        ("Rendez-vous le 1er mars 2021 à 14h30.", "1er mars 2021 à 14h30"),
        ("Nació el 3 de marzo de 2021.", "3 de marzo de 2021"),
        ("Nato il 12 maggio 1990.", "12 maggio 1990"),
        ("Geboren op 3 maart 1978.", "3 maart 1978"),
        ("Urodzony 3 maja 2021 r. w Warszawie.", "3 maja 2021 r"),
        ("Nascido em 5 de setembro de 1980.", "5 de setembro de 1980"),
        ("Född 3 mars 1985.", "3 mars 1985"),
        ("Syntynyt 3. maaliskuuta 1985.", "3. maaliskuuta 1985"),
        ("Date: Tue, 03 May 2022 14:05:00 +0000", "Tue, 03 May 2022 14:05:00 +0000"),
        ("[2024-03-05 10:22:01,123] user login", "2024-03-05 10:22:01,123"),
        ("the patient was admitted 2024-03-05 10:22", "2024-03-05 10:22"),
        ("2024-03-05T10:22:01Z request served", "2024-03-05T10:22:01Z"),
        ("Mar  5 10:22:01 host sshd[123]: Accepted", "Mar  5 10:22:01"),
        ('10.0.0.1 - - [05/Mar/2024:10:22:01 +0000] "GET /"', "05/Mar/2024:10:22:01 +0000"),
        ("Appointment on 05/03/2021 14:05 with the nurse", "05/03/2021 14:05"),
        ("We'll meet Sunday at the office.", "Sunday"),
        ("see you next friday morning", "friday morning"),
        ("Card expiry 05/2026", "05/2026"),
        ("2021년 3월 5일에 만나요", "2021년 3월 5일에"),
        ("Call me at 3pm or later.", "3pm"),
        ("In May 2021 we moved.", "May 2021"),
        ("Built 20240305T102201Z on the runner", "20240305T102201Z"),
        ("signed on July 4th, 1999 in the hall", "July 4th, 1999"),
        ("due 2024/02/29", "2024/02/29"),
    ],
)
def test_dates_in_every_format_and_language(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert ("DATE_TIME", value) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "3 out of 5 people agreed, a 5 set match.",
        "you may 3 times try",
        "May I ask something?",
        "The version 3.11.4 was released.",
        "due 2023-02-29",  # no such day
        "I scored 2 of 3.",
    ],
)
def test_words_and_numbers_that_only_look_like_dates(detector: PresidioDetector, text: str) -> None:
    assert not {v for e, v in found(detector, text) if e == "DATE_TIME"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CA DL# A1234567", "A1234567"),
        ("NY driver license 123 456 789", "123 456 789"),
        ("Florida license number W426-545-30-761-0", "W426-545-30-761-0"),
        ("Illinois DL A123-4567-8901", "A123-4567-8901"),
        ("Her DLN is S530-4621-7789 issued in Wisconsin", "S530-4621-7789"),
        ("Texas DL 12345678", "12345678"),
        ("Washington driver license SMITHJ123AB", "SMITHJ123AB"),
        ("drivers lic. no D123-456-789-012", "D123-456-789-012"),
        ("D1234567 is her license", "D1234567"),
        ("Permit A1234567 was suspended by the DMV", "A1234567"),
    ],
)
def test_us_driver_licenses_by_state_format_with_their_label(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert ("US_DRIVER_LICENSE", value) in found(detector, text)


def test_a_licence_label_is_not_part_of_the_number(detector: PresidioDetector) -> None:
    spans = found(detector, "Texas DL 12345678")
    assert ("US_DRIVER_LICENSE", "DL 12345678") not in spans


# Key-shaped values are assembled at run time, so no file of the repository holds one whole.
_B64 = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"
_HEX = "8f14e45fceea167a" + "5a36dedd4bea2543"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f'"access_key": "{_B64}"', _B64),
        (f"x-api-key: {_HEX}", _HEX),
        (f"signing_key={_HEX}", _HEX),
        (f"cookie: sessionid={_HEX}", _HEX),
        (f"credentials: AKIA{'IOSFODNN7EXAMPLE'} / {_B64}", _B64),
        ("glpat-" + "AbCdEfGhIjKlMnOpQrSt", "glpat-AbCdEfGhIjKlMnOpQrSt"),
        (
            "npm_" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
            "npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        ),
        (
            "hook https://hooks.slack.com/services/" + "T0000/B0000/XXXXXXXXXXXXXXXXXXXX",
            "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXX",
        ),
        (
            "AccountName=acme;AccountKey=" + "Zm9vYmFyYmF6cXV4cXV1eGNvcmdl==;",
            "Zm9vYmFyYmF6cXV4cXV1eGNvcmdl==",
        ),
        (
            "mongodb+srv://admin:" + "hunter2pass@cluster0.example.net/test",
            "mongodb+srv://admin:hunter2pass@cluster0.example.net/test",  # the credential whole
        ),
        ("The passphrase is correct-horse-battery-staple", "correct-horse-battery-staple"),
        (f"the key is {_HEX}", _HEX),
    ],
)
def test_secrets_by_issuer_shape_and_key_name(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert ("SECRET", value) in found(detector, text)


def test_a_pgp_private_key_block_is_one_secret(detector: PresidioDetector) -> None:
    label = "PGP " + "PRIVATE KEY BLOCK"
    block = f"-----BEGIN {label}-----\nlQOYBF0abcdefgh\n=xyzw\n-----END {label}-----"
    assert ("SECRET", block) in found(detector, f"here:\n{block}\n")


@pytest.mark.parametrize(
    "text",
    [
        "Set the api_key: ${API_KEY} in your environment.",
        "token_type: bearer, expires_in: 3600",
        "The key is important_for_everyone_here",
        '"auth": "required", "cookie": "strict_same_site_only"',
        "passwords: see /etc/app/secrets/production/db.yaml",
        "session_timeout=1800000000000000",
        "the token was revoked yesterday",
    ],
)
def test_settings_placeholders_and_prose_are_not_secrets(
    detector: PresidioDetector, text: str
) -> None:
    assert not {v for e, v in found(detector, text) if e == "SECRET"}


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("김민준 님께서 문의하셨습니다.", "PERSON", "김민준"),
        ("김민준님께서 문의하셨습니다.", "PERSON", "김민준님께서"),
        ("My colleague 박서연 will call you.", "PERSON", "박서연"),
        ("이름: 최수아", "PERSON", "최수아"),
        ("주소: 서울특별시 강남구 테헤란로 123", "LOCATION", "서울특별시 강남구 테헤란로 123"),
        (
            "배송지는 부산광역시 해운대구 우동 1408 입니다.",
            "LOCATION",
            "부산광역시 해운대구 우동 1408",
        ),
        (
            "경기도 성남시 분당구 판교역로 235, 3층",
            "LOCATION",
            "경기도 성남시 분당구 판교역로 235, 3층",
        ),
    ],
)
def test_korean_names_and_addresses(
    detector: PresidioDetector, text: str, entity: str, value: str
) -> None:
    assert (entity, value) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    ["이것은 정말 좋은 제품입니다.", "이번 주에 시간이 있으세요?", "고객님 정보를 확인했습니다."],
)
def test_korean_words_that_start_like_a_family_name_stay(
    detector: PresidioDetector, text: str
) -> None:
    assert detector.detect(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ask Ludwig van der Berg about it.", "Ludwig van der Berg"),
        ("Meeting notes from J. R. R. Tolkien today.", "J. R. R. Tolkien"),
        ("Thanks, Siobhán Ní Bhriain", "Siobhán Ní Bhriain"),
        ("dear olusegun obasanjo", "olusegun obasanjo"),
        ("Please forward this to Faina D. Yefremova.", "Faina D. Yefremova"),
    ],
)
def test_names_with_particles_initials_and_after_a_greeting(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert ("PERSON", value) in found(detector, text)


def test_a_weekday_in_a_news_report_is_not_a_date(detector: PresidioDetector) -> None:
    text = "The ministry said on Saturday that talks would resume."
    assert not {v for e, v in found(detector, text) if e == "DATE_TIME"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ship it to Isebaan 275, 1824GH, Woudenberg please.", "Isebaan 275, 1824GH, Woudenberg"),
        ("Mannerheimintie 5 A 7, 00100 Helsinki", "Mannerheimintie 5 A 7, 00100 Helsinki"),
        (
            "ul. Marszałkowska 10/12 m. 5, 00-590 Warszawa",
            "ul. Marszałkowska 10/12 m. 5, 00-590 Warszawa",
        ),
        ("Postfach 1234, 80331 München", "Postfach 1234, 80331 München"),
        ("Unit 5/22 George St, Sydney", "Unit 5/22 George St, Sydney"),
        ("Flat 3, 14 Elm Grove, Leeds LS6 2AB", "Flat 3, 14 Elm Grove, Leeds LS6 2AB"),
        (
            "123 Rue Sainte-Catherine O, Montréal, QC H3B 1A7",
            "123 Rue Sainte-Catherine O, Montréal, QC H3B 1A7",
        ),
    ],
)
def test_an_address_on_one_line_is_one_span(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert ("LOCATION", value) in found(detector, text)


def test_cities_in_a_list_stay_apart(detector: PresidioDetector) -> None:
    spans = found(detector, "Offices in Paris, Berlin and Madrid.")
    assert ("LOCATION", "Paris, Berlin") not in spans


def test_every_word_list_is_a_data_file_named_in_sources() -> None:
    from importlib import resources

    from vault.adapters.detection._lexicon import load_words

    data = resources.files("vault.adapters.detection").joinpath("data")
    sources = data.joinpath("SOURCES").read_text(encoding="utf-8")
    lists = sorted(p.name for p in data.iterdir() if p.name.endswith(".txt"))
    assert len(lists) >= 15
    for name in lists:
        assert name in sources, name
        words = load_words(name)
        assert words and all(w == w.lower() and w.strip() == w for w in words), name


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Customer Thandiwe Mokoena complained twice.", "PERSON", "Thandiwe Mokoena"),
        ("thanks bongani, see you soon", "PERSON", "bongani"),
        ("ask priyanka to review the pr", "PERSON", "priyanka"),
        ("Summarize the complaint from Jörg Schäfer-Kühn.", "PERSON", "Jörg Schäfer-Kühn"),
    ],
)
def test_names_of_every_locale_in_english_sentences(
    detector: PresidioDetector, text: str, entity: str, value: str
) -> None:
    assert (entity, value) in found(detector, text)


def test_presidio_recognizers_read_only_the_tokens_that_may_hold_their_entity() -> None:
    from vault.adapters.detection.detector import _only_tokens_with

    text = "mail ann@x.org or\nbob@y.dev now"
    sparse = _only_tokens_with(text, re.compile("@"))
    assert sparse is not None and len(sparse) == len(text)
    assert sparse.split() == ["ann@x.org", "bob@y.dev"]
    assert sparse.index("bob@y.dev") == text.index("bob@y.dev")
    assert _only_tokens_with("no address here", re.compile("@")) is None


def _nhs(base: str) -> str:
    weighted = sum(int(c) * (10 - i) for i, c in enumerate(base))
    check = 11 - weighted % 11
    return base + str(0 if check == 11 else check)


def _pesel(base: str) -> str:
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    total = sum(int(c) * weights[i] for i, c in enumerate(base))
    return base + str((10 - total % 10) % 10)


def test_short_checksummed_numbers_stand_without_a_label_in_their_printed_form(
    detector: PresidioDetector,
) -> None:
    nhs = _nhs("943476591")
    grouped = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    assert ("UK_NHS", grouped) in found(detector, f"ref {grouped} on file")
    pesel = _pesel("9001011234")  # born 1990-01-01
    assert ("PL_PESEL", pesel) in found(detector, f"id {pesel} here")


def test_a_pesel_whose_date_cannot_be_stays_unlabelled(detector: PresidioDetector) -> None:
    pesel = _pesel("9013411234")  # month 13, day 41
    assert ("PL_PESEL", pesel) not in found(detector, f"id {pesel} here")
