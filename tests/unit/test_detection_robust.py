"""The detector on hostile and unusual text: spans never cut a word, a grapheme or a surrogate
pair; any script, controls and one character repeated a mebibyte finish and never raise."""

from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vault.adapters.detection import PresidioDetector
from vault.domain.spans import Span


def _unspaced(ch: str) -> bool:
    """A letter of a script written without spaces between words: Thai, kana, Han, Hangul."""
    return unicodedata.name(ch, "").startswith(("THAI", "HIRAGANA", "KATAKANA", "CJK", "HANGUL"))


def _cuts(text: str, pos: int) -> bool:
    """A boundary at `pos` with a letter or digit on both sides (where a word of a spaced
    script goes on), inside a surrogate pair, or before a combining mark."""
    if not 0 < pos < len(text):
        return False
    before, after = text[pos - 1], text[pos]
    if before.isalnum() and after.isalnum() and not (_unspaced(before) or _unspaced(after)):
        return True
    if "\ud800" <= before <= "\udbff" and "\udc00" <= after <= "\udfff":
        return True
    return unicodedata.category(after).startswith("M")


def _assert_whole(text: str, spans: list[Span]) -> None:
    for s in spans:
        assert not _cuts(text, s.start), (text, s, text[s.start : s.end])
        assert not _cuts(text, s.end), (text, s, text[s.start : s.end])


# Cue words, names, glued look-alikes ("hinge", "Hithere"), identifiers and other scripts.
_PIECES = [
    "hi", "Hi", "hinge", "Hithere", "hello", "hellothere", "Dear", "dearest", "hey", "heyday",
    "name:", "named", "namesake", "my name is", "Anna", "anna", "Faina D. Yefremova", "van der",
    "Berg", "José", "Zoë", "Müller", "42", "Baker", "Street", "Straße", "Rosa-Dippel-Straße 2/3",
    "99433", "1824GH", "London", "said", "Keiko", "said", "x", "123-45-6789", "SSN123-45-6789",
    "4111111111111111", "+44 20 7946 0958", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "AB123456C", "12345678Z", "e\u0301", "\u0301", "😀", "\ud83d\ude00", "\ud83d", "a\u200db",
    "Привет", "Иван", "你好", "王伟", "مرحبا", "नमस्ते", "\x00", "\x07", ",", ".", ":", "'s",
    "@", "=", "\n", "\t", "-", "_", "75001", "Le", "De", "la", "PLZ", "79歳", "นาย", "สมชาย",
    "Nguyễn", "WANJIRU,", "SMITH/JANE", "L01X00T471", "1-1012-00001-23-8", "aged", "ans",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", ", ", "\n"])),
        min_size=1,
        max_size=14,
    )
)
def test_no_span_starts_or_ends_inside_a_word(
    detector: PresidioDetector, parts: list[tuple[str, str]]
) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    _assert_whole(text, detector.detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "hinge on the door",
        "the hinge broke; hiking later",
        "Hellothere, Anna",
        "heyday of dearest friends",
        "sheila and hinges",
    ],
)
def test_a_cue_glued_to_a_word_finds_no_name_inside_it(
    detector: PresidioDetector, text: str
) -> None:
    spans = detector.detect(text)
    _assert_whole(text, spans)
    for word in ("inge", "nge", "ing", "lothere", "day", "est", "la"):
        assert word not in {text[s.start : s.end] for s in spans}


_MIB = 1 << 20


@pytest.mark.parametrize(
    "text",
    [
        "a" * _MIB,
        "\x00" * _MIB,
        "".join(chr(i) for i in range(32)) * (_MIB // 32),
        " " * _MIB,
        "😀" * (_MIB // 4),
        "\ud83d\ude00x" * (_MIB // 3),
    ],
    ids=["letter", "nul", "controls", "space", "emoji", "surrogate-pairs"],
)
@pytest.mark.slow
def test_a_mebibyte_of_one_character_finishes(detector: PresidioDetector, text: str) -> None:
    started = time.perf_counter()
    spans = detector.detect(text)
    assert time.perf_counter() - started < 120
    _assert_whole(text, spans)


@pytest.mark.parametrize(
    "text",
    [
        "Привет, меня зовут Иван Петров, я живу в Москве. " * 40,
        "我叫王伟，住在北京市朝阳区。电话 010 6552 9988。" * 40,
        "اسمي أحمد وأعيش في القاهرة. " * 40,
        "Ich heiße Jürgen Groß und wohne in der Rosa-Dippel-Straße 2/3, 99433 Grevesmühlen. " * 40,
        "e\u0301" * 5000 + " Anna " + "\u0301" * 5000,
        "\ud83d" * 3000 + " John Smith " + "\ude00" * 3000,
        "Mixed Ελληνικά русский 日本語 עברית हिन्दी ไทย 한국어 " * 60,
        "\x00John\x00Smith\x00lives\x00at\x0042\x00Baker\x00Street\x01\x02\x7f" * 50,
    ],
    ids=["cyrillic", "chinese", "arabic", "german", "combining", "lone-surrogates", "mixed", "nul"],
)
def test_any_script_and_controls_never_raise(detector: PresidioDetector, text: str) -> None:
    spans = detector.detect(text)
    _assert_whole(text, spans)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_detection_time_grows_linearly_on_capitalised_words_and_digits(
    detector: PresidioDetector,
) -> None:
    for unit in ("Lorem Ipsum Dolor Sit ", "12 34 56 78 90 "):
        small, large = unit * (4096 // len(unit)), unit * (32768 // len(unit))
        detector.detect(small)  # warm caches
        started = time.perf_counter()
        detector.detect(small)
        t_small = time.perf_counter() - started
        started = time.perf_counter()
        detector.detect(large)
        t_large = time.perf_counter() - started
        # Eight times the text: allow generous noise, but not the 64x of a quadratic scan.
        assert t_large < 24 * t_small + 0.5, (unit, t_small, t_large)


@pytest.mark.parametrize("text", ["75001 Le", "PLZ 12345 De", "Adresse: 28013 La"])
def test_a_postcode_before_an_article_alone_never_raises(
    detector: PresidioDetector, text: str
) -> None:
    _assert_whole(text, detector.detect(text))
