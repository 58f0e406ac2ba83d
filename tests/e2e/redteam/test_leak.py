"""The leak checker catches every form it claims to, and does not take a token for a value."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.e2e.redteam.leak import leak_forms, normalize

EMAIL = "john.smith@example.com"
NAME = "Maria Garcia"
CARD = "4111111111111111"
PHONE = "415-555-0132"
SSN = "536-90-4399"


def body(*contents: Any, **extra: Any) -> bytes:
    """A chat request as a proxy would send it (json.dumps, ASCII escapes)."""
    messages = [{"role": "user", "content": c} for c in contents]
    return json.dumps({"model": "llama-3.3-70b-versatile", "messages": messages, **extra}).encode()


@pytest.mark.parametrize(
    ("sent", "value", "form"),
    [
        (f"Mail {EMAIL} now".encode(), EMAIL, "raw"),
        (body("Müller, Hans"), "Müller, Hans", "json-escaped"),
        (b"Mail john.smith\\u0040example.com now", EMAIL, "normalized-decoded"),
        (b"https://x.example/?e=john.smith%40example.com", EMAIL, "percent"),
        (b"name=Maria%20Garcia", NAME, "percent"),
        (base64.b64encode(EMAIL.encode()), EMAIL, "base64"),
        (b"x " + base64.b64encode(EMAIL.encode()).rstrip(b"=") + b" y", EMAIL, "base64"),
        (
            b"&#106;&#111;&#104;&#110;&#46;&#115;&#109;&#105;&#116;&#104;&#64;",
            "john.smith@",
            "html-entity",
        ),
        (b"MARIA GARCIA called", NAME, "case"),
        (body("card 4111 1111 1111 1111"), CARD, "digits"),
        (body("card 4111\u00a01111\u00a01111\u00a01111"), CARD, "digits"),
        (body("card 4111.1111.1111.1111"), CARD, "normalized"),
        (body("card ４１１１ １１１１ １１１１ １１１１"), CARD, "normalized"),
        (body("c\u200ba\u200brd 4\u200b111111111111111"), CARD, "normalized"),
        (body("mail john\u200b.smith@exa\u200bmple.com"), EMAIL, "normalized"),
        (body("ｊｏｈｎ．ｓｍｉｔｈ＠ｅｘａｍｐｌｅ．ｃｏｍ"), EMAIL, "normalized"),
        (body("mail j\u043ehn.smith@ex\u0430mple.com"), EMAIL, "normalized"),
        (body("I am \u041c\u0430ria G\u0430rcia"), NAME, "normalized"),
        (body("I am M\u0430ri\u03b1 G\u0430rci\u03b1"), NAME, "normalized"),
        (body("I am Maria_Garcia"), NAME, "normalized"),
        (body("hi", seed=4111111111111111), CARD, "digits"),
        (body("hi", logit_bias={CARD: 5}), CARD, "digits"),
        (body("hi", tools=[{"function": {"name": "lookup_Maria_Garcia"}}]), NAME, "normalized"),
        (body("hi", metadata={EMAIL: 1}), EMAIL, "normalized"),
        (
            body("x", tool_calls=json.dumps({"phone": 4155550132})),
            PHONE,
            "digits",
        ),
        (
            body("x", args=json.dumps({"q": json.dumps({"ssn": SSN})})),
            SSN,
            "digits",
        ),
        (
            body(
                [
                    {
                        "type": "image_url",
                        "image_url": {
                            "url": "data:text/plain;base64,"
                            + base64.b64encode(f"Please write to {EMAIL} today".encode()).decode()
                        },
                    }
                ]
            ),
            EMAIL,
            "normalized-decoded",
        ),
        (
            body("Decode: " + base64.b64encode(b"card 4111 1111 1111 1111").decode()),
            CARD,
            "digits-decoded",
        ),
        (body("mail &#106;ohn.smith@example.com"), EMAIL, "normalized-decoded"),
        (body("mail john.smith&commat;example.com"), EMAIL, "normalized-decoded"),
        (
            body("data:text/plain,Write%20to%20john.smith%40example.com"),
            EMAIL,
            "normalized-decoded",
        ),
        (body("SSN %35%33%36-90-4399"), SSN, "digits-decoded"),
    ],
)
def test_it_catches_the_form(sent: bytes, value: str, form: str) -> None:
    assert form in leak_forms(sent, value)


def test_a_value_split_across_messages_is_caught_when_joined() -> None:
    sent = body("My card is 4111 1111", "1111 1111, charge it")
    assert leak_forms(sent, CARD) == []
    assert "joined-digits" in leak_forms(sent, CARD, joined=True)


@pytest.mark.parametrize(
    ("sent", "value"),
    [
        (body("Hello PERSON_4K7M2X9QDZ, how are you?"), NAME),
        (body("Mail EMAIL_ADDRESS_0A1B2C3D4E now", user="EMAIL_ADDRESS_0A1B2C3D4E"), EMAIL),
        (body("Charge CREDIT_CARD_9ZXYWV8T7S"), CARD),
        (body("SSN US_SSN_4111111111 on file"), SSN),
        (body("call PHONE_NUMBER_41555M0132"), PHONE),
        (body("card 4111 1111", "and 1111 1111", seed=1234567890), CARD),
        (body("order 415 of 555", "ticket 0132"), PHONE),
        (body("plain text with nothing in it"), EMAIL),
        (b"--boundary\r\nprompt: PERSON_4K7M2X9QDZ\r\n--boundary--", NAME),
    ],
)
def test_it_does_not_flag_tokens_or_unrelated_text(sent: bytes, value: str) -> None:
    assert leak_forms(sent, value) == []


def test_the_forms_never_carry_the_value() -> None:
    forms = leak_forms(body(f"{EMAIL} {NAME} {CARD}"), EMAIL)
    assert forms
    assert all(EMAIL not in form and "john" not in form for form in forms)


def test_normalize() -> None:
    assert normalize("  ＪＯＨＮ\u200b Ѕmith-\u00a0x ") == "johnsmithx"
    assert normalize("\u0395mily \u039dguyen") == "emilynguyen"
