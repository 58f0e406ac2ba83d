"""The view's cheap pre-checks and the base64 scan find what the single patterns they replace
found: "needs a view" skips only texts the full view leaves as they are, one look-around pattern
finds the base64 runs, and the digit-group pattern over the whole text the grouped units."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vault.domain import normalize
from vault.domain.normalize import encoded_runs, view_of

# The patterns as they were written before the pre-checks, kept here as the oracle.
_REFERENCE = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ONE_PATTERN = re.compile(
    rf"[^\x00-\x7f]|%[0-9A-Fa-f]{{2}}|{_REFERENCE}|\\u[0-9A-Fa-f]{{4}}|\d[._/]\d"
)
_LOOK_AROUND_RUN = re.compile(
    r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{12,}={0,2}(?![A-Za-z0-9+/=_-])"
)

# Characters the patterns turn on, so that random texts hit every branch often.
_PIECES = st.sampled_from(
    [
        "a", "Z", "q", "0", "7", "٣", "%", "4", "1", "F", "&", "#", "x", ";", "amp", "\\u",
        "\\u00e9", "%41", "&#74;", ".", "/", "_", "-", "+", "=", "==", " ", "\n", "é", "а",
        "\u200b", "1.2", "9/9", "3_4", "am9obkBleGFtcGxlLmNvbQ==", "aGVsbG8gd29ybGQgaGVsbG8",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=200)

# Digit groups of every shape: joined by spaces and dashes (read as written) or by `.`, `/`, `_`.
_GROUP_PIECES = st.sampled_from(
    ["0", "41", "4111", "415", "555", "0100", "12345", "1234567", " ", "-", ".", "/", "_", "x",
     "a", ":", "%41", "&#52;", "\\u0034", "４", "é", "\u200b", "\n", "1.2", "9/9", "3_4",
     "192.168.0.1", "4111.1111.1111.1111", "415_555_0100", "+44 20 7946 0958"]
)  # fmt: skip
_GROUP_TEXTS = st.lists(_GROUP_PIECES, max_size=40).map("".join) | _TEXTS


def _runs_by_look_around(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _LOOK_AROUND_RUN.finditer(text):
        if len(found) >= 64:
            break
        plain = normalize._decode_base64(match.group())
        if plain is not None:
            found.append((match.start(), match.end(), plain))
    return found


def _full_view(text: str) -> normalize.View | None:
    """The view worked out with no pre-check: every unit found and rewritten."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(normalize, "_needs_view", lambda _: True)
        return view_of(text)


@given(_GROUP_TEXTS)
def test_needs_view_skips_only_texts_the_view_leaves_as_they_are(text: str) -> None:
    # What it may pass to the view is at most what the one pattern flags; what it skips, the
    # full view would not have changed.
    if normalize._needs_view(text):
        assert _ONE_PATTERN.search(text) is not None
    else:
        assert _full_view(text) is None


@given(_TEXTS)
def test_base64_runs_agree_with_the_look_around_pattern(text: str) -> None:
    found = [(run.start, run.end, run.plain) for run in encoded_runs(text)]
    assert found == _runs_by_look_around(text)


def test_examples_of_each_branch() -> None:
    assert not normalize._needs_view("Ticket 12: call 555 0100 at 10am, ok.")
    for text in ("café", "%4A", "&amp;", "\\u004a", "4111.1111.1111.1111", "415_555_0100"):
        assert normalize._needs_view(text), text
    for text in ("100%", "a & b", "\\user", "1. 2", "v/2", "_9", "llama-3.1-8b", "12/34"):
        assert not normalize._needs_view(text), text
    mail = "am9obkBleGFtcGxlLmNvbQ=="  # john@example.com
    assert [(r.start, r.end, r.plain) for r in encoded_runs(f"see {mail}.")] == [
        (4, 4 + len(mail), "john@example.com")
    ]
    assert encoded_runs(f"x{mail}=") == []  # three "=": not one encoding
    assert encoded_runs(f"={mail}") == []  # the stretch begins with "="
    assert encoded_runs(mail[:10] + "=" + mail[10:]) == []  # an "=" inside


def test_the_decode_limit_holds() -> None:
    text = " ".join(["am9obkBleGFtcGxlLmNvbQ=="] * 100)
    assert len(encoded_runs(text)) == 64 == len(_runs_by_look_around(text))


@given(_GROUP_TEXTS)
def test_the_grouped_units_are_those_the_whole_text_search_finds(text: str) -> None:
    fast = view_of(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(normalize, "_grouped", normalize._GROUPED_UNIT.finditer)
        whole = view_of(text)
    assert fast == whole
