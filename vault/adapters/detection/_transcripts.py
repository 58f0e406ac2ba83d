"""Speakers and names that a transcript's or record's own layout marks: WebVTT voices
(`<v Rhys>`), chat-export speakers after their date and time (`[27/11/2024, 17:10] Sanne:`), IRC
nicks after their clock (`[20:45] <diya>`), and DICOM person names (`PN [FAMILY^GIVEN]`), in any
script."""

from __future__ import annotations

import re

from vault.adapters.detection._patterns import Candidate

__all__ = ["transcript_candidates"]

_SCORE = 0.85  # the layout says who speaks, as a key says what its value is
_VOICE = re.compile(r"<v(?:\.[\w-]+)*[ \t]+(?P<name>[^<>\n]{1,60}?)[ \t]*>")
_CHAT = re.compile(
    r"^[ \t]*\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]?[APap]\.?[Mm]\.?)?\]?[ \t]*(?:-[ \t]*)?(?P<name>[^\W\d_][^\n:]{0,39}?):[ \t]",
    re.MULTILINE,
)
_IRC = re.compile(
    r"^[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*<[@+%~&]?(?P<name>[^\W\d][^\s<>]{0,29})>[ \t]",
    re.MULTILINE,
)
_DICOM_NAME = re.compile(r"(?<![\w])PN[ \t]+\[(?P<value>[^\]\n]{1,120})\]")
_COMPONENT = re.compile(r"=|\^|[^\^=]+")
_DICOM_NAME_PARTS = 3  # family, given, middle; prefix and suffix ("Dr", "Jr") name no one
_DICOM_SCORE = 0.9  # above the model's reading of "KOWALSKA^ANNA" as a place


def transcript_candidates(text: str) -> list[Candidate]:
    """PERSON candidates for the speakers and names these layouts mark."""
    out: list[Candidate] = []
    if "<v" in text:
        out.extend(_named(m, "voice") for m in _VOICE.finditer(text))
    if ":" in text:
        out.extend(_named(m, "chat_speaker") for m in _CHAT.finditer(text))
        if "] <" in text:
            out.extend(_named(m, "irc_nick") for m in _IRC.finditer(text))
    if "PN" in text:
        for m in _DICOM_NAME.finditer(text):
            out.extend(_dicom_parts(m))
    return out


def _named(m: re.Match[str], source: str) -> Candidate:
    return Candidate(m.start("name"), m.end("name"), "PERSON", _SCORE, source)


def _dicom_parts(m: re.Match[str]) -> list[Candidate]:
    """Family, given and middle names of each component group (alphabetic, ideographic,
    phonetic), each its own span."""
    out: list[Candidate] = []
    part = 0
    base = m.start("value")
    for c in _COMPONENT.finditer(m.group("value")):
        if c.group() == "=":
            part = 0
        elif c.group() == "^":
            part += 1
        elif part < _DICOM_NAME_PARTS and c.group().strip():
            out.append(
                Candidate(base + c.start(), base + c.end(), "PERSON", _DICOM_SCORE, "dicom_name")
            )
    return out
