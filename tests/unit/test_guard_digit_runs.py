"""The guard's digit runs of an ASCII payload: the [0-9] pattern finds exactly the runs the
Unicode-digit pattern finds there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vault.services.chat.guard import _ASCII_DIGIT_RUN, _DIGIT_RUN

_PIECES = st.sampled_from(["0", "41", "4111", " ", "  ", ".", "-", "/", "_", "(", ")", "+",
                           "\t", "\n", "\x1c", "x", "a", ":", "4111 1111 1111 1111"])  # fmt: skip
_ASCII_TEXTS = st.lists(_PIECES, max_size=40).map("".join) | st.text(
    st.characters(max_codepoint=127), max_size=120
)


@given(_ASCII_TEXTS)
def test_ascii_runs_are_the_unicode_patterns(text: str) -> None:
    def runs(pattern: object) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(text)]  # type: ignore[attr-defined]

    assert runs(_ASCII_DIGIT_RUN) == runs(_DIGIT_RUN)
