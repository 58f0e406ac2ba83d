"""The PII detector: each entity in realistic context, checksums, tokens, offline, bad input."""

from __future__ import annotations

import itertools
import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vault.adapters.detection import TOKEN_RE, PresidioDetector, build_detector
from vault.domain.spans import Span
from vault.errors import InvalidRequest


def found(detector: PresidioDetector, text: str) -> set[tuple[str, str]]:
    return {(s.entity_type, text[s.start : s.end]) for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Hi, I'm John Smith and I need help.", "PERSON", "John Smith"),
        ("can you ask maria garcia to call back", "PERSON", "maria garcia"),
        ("17,sarah connor,active", "PERSON", "sarah connor"),
        ('user = {"name": "Nadia Haddad", "plan": "pro"}', "PERSON", "Nadia Haddad"),
        ("I live at 42 Baker Street, London.", "LOCATION", "42 Baker Street, London"),
        ("Flights to Berlin are cheap.", "LOCATION", "Berlin"),
        ("mail me: jane.doe@example.co.uk thanks", "EMAIL_ADDRESS", "jane.doe@example.co.uk"),
        ("call +44 20 7946 0958 today", "PHONE_NUMBER", "+44 20 7946 0958"),
        ("phone: (555) 123-4567", "PHONE_NUMBER", "(555) 123-4567"),
        ("SSN 123-45-6789 on file", "US_SSN", "123-45-6789"),
        ("card 4111 1111 1111 1111 declined", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN_CODE", "GB82 WEST 1234 5698 7654 32"),
        ("my iban is gb82west12345698765432", "IBAN_CODE", "gb82west12345698765432"),
        ("host 192.168.10.20 down", "IP_ADDRESS", "192.168.10.20"),
        ("v6 2001:db8::8a2e:370:7334 up", "IP_ADDRESS", "2001:db8::8a2e:370:7334"),
        ("see https://github.com/jdoe42 for details", "URL", "https://github.com/jdoe42"),
        ("I was born on 12/04/1985 in Lagos", "DATE_TIME", "12/04/1985"),
        ("passport number C12345678 expires", "US_PASSPORT", "C12345678"),
        ("driver's license D1234567 from Ohio", "US_DRIVER_LICENSE", "D1234567"),
        ("account number 123456789012 at my bank", "US_BANK_NUMBER", "123456789012"),
        (
            "send to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
            "CRYPTO",
            "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        ),
        ("key AKIAIOSFODNN7EXAMPLE leaked", "SECRET", "AKIAIOSFODNN7EXAMPLE"),
        (
            'Groq(api_key="gsk_abcdefghijklmnopqrstuvwxyz0123")',
            "SECRET",
            "gsk_abcdefghijklmnopqrstuvwxyz0123",
        ),
        (
            "token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "SECRET",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        ),
        # a URL with its password is a credential whole
        (
            "postgresql://admin:s3cretPass@db:5432/app",
            "SECRET",
            "postgresql://admin:s3cretPass@db:5432/app",
        ),
        ("Authorization: Bearer abcdef0123456789abcdef", "SECRET", "abcdef0123456789abcdef"),
    ],
)
def test_finds_each_entity_in_context(
    detector: PresidioDetector, text: str, entity: str, value: str
) -> None:
    assert (entity, value) in found(detector, text)


def test_pem_private_key_is_one_secret(detector: PresidioDetector) -> None:
    # Assembled here so no file of the repository holds a key-shaped block.
    label = "RSA " + "PRIVATE KEY"
    pem = f"-----BEGIN {label}-----\nMIIEowIBAAKCAQEA0abc\nxyz==\n-----END {label}-----"
    assert ("SECRET", pem) in found(detector, f"key:\n{pem}\nthanks")


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112 declined",  # Luhn fails
        "IBAN GB83 WEST 1234 5698 7654 32 please",  # mod-97 fails
        "version 3.11.4 released, 42 tests, 100 200 300 items",
        "2024-05-01T12:03:44Z INFO request ok latency=35ms",
        "write a haiku about autumn leaves and the rain",
        "the number 123456789 appears in the report",
    ],
)
def test_no_pii_in_ordinary_or_invalid_text(detector: PresidioDetector, text: str) -> None:
    assert detector.detect(text) == []


def test_vault_tokens_are_not_pii(detector: PresidioDetector) -> None:
    text = " ".join(["PERSON_7KQ2M9XD0A", "EMAIL_ADDRESS_0K3M9T2QZ7", "US_SSN_ABCDEFGH12"] * 50)
    assert all(TOKEN_RE.fullmatch(t) for t in text.split())
    assert detector.detect(text) == []
    mixed = "Hi PERSON_7KQ2M9XD0A, call +44 20 7946 0958"
    assert found(detector, mixed) == {("PHONE_NUMBER", "+44 20 7946 0958")}


def test_empty_and_blank_text(detector: PresidioDetector) -> None:
    assert detector.detect("") == []
    assert detector.detect(" \n\t ") == []


def test_non_string_is_rejected(detector: PresidioDetector) -> None:
    with pytest.raises(InvalidRequest):
        detector.detect(b"bytes")  # type: ignore[arg-type]


def test_long_text_is_chunked_and_offsets_hold(detector: PresidioDetector) -> None:
    line = "Ticket from Maria Garcia, card 4111 1111 1111 1111, nothing else.\n"
    text = line * 2000  # ~130 KB
    spans = detector.detect(text)
    cards = [s for s in spans if s.entity_type == "CREDIT_CARD"]
    assert len(cards) == 2000
    assert all(text[s.start : s.end] == "4111 1111 1111 1111" for s in cards)


def test_detect_many_matches_detect(detector: PresidioDetector) -> None:
    texts = ["call john smith at (555) 123-4567", "", "IBAN GB82 WEST 1234 5698 7654 32"]
    assert detector.detect_many(texts) == [detector.detect(t) for t in texts]


def test_entity_filter_threshold_allow_and_deny_lists() -> None:
    d = build_detector(
        entities={"EMAIL_ADDRESS", "PERSON"},
        allow_list=["support@acme.io"],
        deny_list={"PERSON": ["Project Falcon"]},
    )
    text = "mail support@acme.io or bob@x.org about Project Falcon, card 4111 1111 1111 1111"
    assert found(d, text) == {("EMAIL_ADDRESS", "bob@x.org"), ("PERSON", "Project Falcon")}
    assert build_detector(score_threshold=1.01).detect(text) == []


def test_works_with_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    d = build_detector()
    text = "mail jane@example.co.uk, see https://example.org/x"
    assert found(d, text) == {
        ("EMAIL_ADDRESS", "jane@example.co.uk"),
        ("URL", "https://example.org/x"),
    }


def _check(text: str, spans: list[Span]) -> None:
    assert spans == sorted(spans)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_sorted_disjoint_spans(detector: PresidioDetector, text: str) -> None:
    _check(text, detector.detect(text))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "john smith",
                "4111 1111 1111 1111",
                "+1 555 123 4567",
                "\x00",
                "\x1b[31m",
                " ",
                "\n",
                "PERSON_7KQ2M9XD0A",
                "bob@x.org",
                "42 Baker Street",
                "é",
                "𝔘",
                "sk-proj-abcdefghijklmnopqrstuv",
            ]
        ),
        max_size=30,
    )
)
def test_pii_soup_gives_sorted_disjoint_spans(detector: PresidioDetector, parts: list[str]) -> None:
    text = "".join(parts)
    _check(text, detector.detect(text))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # An address block: each line below the street is part of the address.
        (
            "Karin Olsen\n78 Camiño Ancho 91\n Suite 286\n El Tornadizo\n Gabon 66298\n",
            ["78 Camiño Ancho 91", "Suite 286", "El Tornadizo", "Gabon 66298"],
        ),
        ("she lives at 95 Lille Vibyvej 8, Måløv", ["95 Lille Vibyvej 8", "Måløv"]),
        ("ship it to 12 Rue de la Paix, Paris", ["12 Rue de la Paix", "Paris"]),
        ("new office: Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5"]),
        ("send it to 18 15 Millicent Drive Apt. 4", ["18 15 Millicent Drive Apt. 4"]),
        ("5 Main St\nSpringfield, IL 62704", ["5 Main St", "Springfield, IL 62704"]),
        ("My zip code is 35649", ["35649"]),
        ("My friend lives in PUNKAHARJU", ["PUNKAHARJU"]),
        ("i grew up in onnezies.", ["onnezies"]),
        ("we flew from macedonia to vanuatu", ["macedonia", "vanuatu"]),
    ],
)
def test_addresses_and_places(detector: PresidioDetector, text: str, values: list[str]) -> None:
    spans = [text[s.start : s.end] for s in detector.detect(text) if s.entity_type == "LOCATION"]
    covered = "\n".join(spans)
    for value in values:
        assert value in covered, (value, spans)


@pytest.mark.parametrize(
    "text",
    [
        "I have 3 apples and 5",
        "we waited 3 days, then 5",
        "I am in charge of the release",
        "retry 3 times with 20",
    ],
)
def test_numbers_and_phrases_are_not_addresses(detector: PresidioDetector, text: str) -> None:
    assert not [s for s in detector.detect(text) if s.entity_type == "LOCATION"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("020 7946 0958", "020 7946 0958"),
        ("reach me on 06 12 34 56 78", "06 12 34 56 78"),
        ("Tanzania\n089 72 63 41 office", "089 72 63 41"),
        ("001-748-088-2851x818", "001-748-088-2851x818"),
        ("They're not answering at 0487 23 46 71", "0487 23 46 71"),
        ("555.123.4567", "555.123.4567"),
    ],
)
def test_phone_numbers_without_context(detector: PresidioDetector, text: str, value: str) -> None:
    assert ("PHONE_NUMBER", value) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can u check why lucas's refund hasn't arrived", "lucas"),
        ("They had 6: Malon, Mark, Kaylee, Brandi, Miguel and Jennifer.", "Malon"),
        ("Mimount, can I please speak to your boss?", "Mimount"),
        ("As promised, here's Zlata's address:", "Zlata"),
        ("Aki shouted at Amanda", "Aki"),
        ("Her maiden name is Hale", "Hale"),
        ("mr. martin is a 50 year old man", "mr. martin"),
        ("Somerset 174 ( P. Simmons 4-38 )", "P. Simmons"),
        ("Sjöberg and Cantu were precision engineers.", "Sjöberg"),
        ("SOCCER - PANAMA 'S ROBERTO DURAN FIGHTS ON .", "ROBERTO DURAN"),
    ],
)
def test_names_the_model_misses(detector: PresidioDetector, text: str, value: str) -> None:
    spans = [text[s.start : s.end] for s in detector.detect(text) if s.entity_type == "PERSON"]
    assert any(value in span for span in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "will you mark the june release as done? we may ship in april",
        "git log: commit 3f2a9c1",
        "Tel (667) 640-2067",
        "the bill was paid by the court in august",
        "Summarize Pride and Prejudice in three sentences.",
    ],
)
def test_ordinary_words_are_not_names(detector: PresidioDetector, text: str) -> None:
    assert not [s for s in detector.detect(text) if s.entity_type == "PERSON"]


def test_table_columns_under_name_and_address_headers(detector: PresidioDetector) -> None:
    text = 'id,name,city,amount\n1,Kateryna Bondarenko,Zhytomyr,20\n2,"Xu, Wei",Qufu,31\n'
    assert {("PERSON", "Kateryna Bondarenko"), ("LOCATION", "Zhytomyr")} <= found(detector, text)
    assert {("PERSON", "Xu, Wei"), ("LOCATION", "Qufu")} <= found(detector, text)
    assert not {v for _, v in found(detector, text)} & {"20", "31", "1", "2"}


def test_ner_focus_keeps_offsets_and_skips_plain_text() -> None:
    from vault.adapters.detection._focus import ner_focus

    assert ner_focus("all lower case words and numbers 42 here") is None
    text = "x = 1; y = 2; z = 3; w = 4; v = 5; u = 6; then we met Olga Petrova in town"
    focused = ner_focus(text)
    assert focused is not None
    assert len(focused) == len(text)
    assert focused[text.index("Olga") :].startswith("Olga Petrova")
    assert focused.startswith(" ")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT name FROM orders o JOIN customers c ON o.customer_id = c.id",
        "TypeError at UserList.render (UserList.jsx:42:17)",
    ],
)
def test_code_is_not_urls(detector: PresidioDetector, text: str) -> None:
    assert not [s for s in detector.detect(text) if s.entity_type == "URL"]


def test_mailbox_on_an_internal_domain(detector: PresidioDetector) -> None:
    text = "From: Grace Liu <grace.liu@northwind.corp>"
    assert ("EMAIL_ADDRESS", "grace.liu@northwind.corp") in found(detector, text)


def test_dates_are_not_streets_and_log_keys_are_not_addresses(detector: PresidioDetector) -> None:
    text = "your visit at 14 Harley Street is on 3 September 2024; log: email=d.kowalczyk@poczta.pl"
    assert {
        ("LOCATION", "14 Harley Street"),
        ("DATE_TIME", "3 September 2024"),
        ("EMAIL_ADDRESS", "d.kowalczyk@poczta.pl"),
    } <= found(detector, text)


def test_a_date_after_a_place_is_a_date_not_its_postcode(detector: PresidioDetector) -> None:
    text = "5646,Siobhan Kelly,Warsaw,1985-11-02,active"
    assert ("DATE_TIME", "1985-11-02") in found(detector, text)
    assert ("LOCATION", "1985") not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("PGPASSWORD=Zx9kQ2mm psql -h db", "Zx9kQ2mm"),
        ('REDISPASS: "k8sPa55wd"', "k8sPa55wd"),
        # a password with no user name; a URL with its password is a credential whole
        ("redis://:p4ssw0rdX@cache:6379", "redis://:p4ssw0rdX@cache:6379"),
        (
            "DATABASE_URL=postgres://admin:s3cr3tPw@db.internal:5432/app",
            "postgres://admin:s3cr3tPw@db.internal:5432/app",
        ),
    ],
)
def test_secrets_in_environment_and_connection_strings(
    detector: PresidioDetector, text: str, secret: str
) -> None:
    assert ("SECRET", secret) in found(detector, text)


def test_a_lower_case_word_ending_in_pass_is_not_a_secret_key(detector: PresidioDetector) -> None:
    assert not {e for e, _ in found(detector, "bypass: enabledfoo")} & {"SECRET"}
