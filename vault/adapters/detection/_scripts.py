"""Names written in a script other than Latin, which the English NER model cannot read: under a
key or label that says the value is a name (Han, Kana, Hangul, Hebrew, Arabic, Georgian, Greek,
Cyrillic, Thai: `studentName: "李雅婷"`, `driver_name => <<"שירה כהן"/utf8>>`, `氏名：山田 太郎`,
`الاسم: سعيد الكتبي`); before an honorific or after a greeting of their language (`田中 真央様`,
`劉怡君您好`, `שלום דניאל פרץ`, `عزيزي محمد الكتبي`, `გამარჯობა, ანა კაპანაძე`); and standing
in a sentence of Latin letters (`Refund for מיכל כהן`, `Escalated by 伊藤 拓也`)."""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import key_word_before, load_words
from vault.adapters.detection._patterns import Candidate

__all__ = [
    "KEY_TO_VALUE",
    "NON_LATIN_LETTER",
    "RECORD_SYNTAX",
    "keyed_script_names",
    "script_name_candidates",
]

_SCORE = 0.85
# A letter of no Latin script: neither ASCII nor Latin-1 to Latin Extended-B nor the
# Latin Extended Additional block; or a vowel sign or point of an Indic, Arabic or Hebrew word,
# which is a mark and no letter to `re` ("गुप्ता", "مُحَمَّد").
NON_LATIN_LETTER = (
    r"(?:[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
    r"|[\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    r"\u0981-\u0983\u09bc-\u09d7\u0a01-\u0a03\u0a3c-\u0a51\u0a81-\u0a83\u0abc-\u0acd"
    r"\u0b01-\u0b03\u0b3c-\u0b57\u0b82\u0bbe-\u0bcd\u0c00-\u0c04\u0c3e-\u0c56"
    r"\u0c81-\u0c83\u0cbc-\u0cd6\u0d00-\u0d03\u0d3e-\u0d57\u200c\u200d])"
)
# The syntax of records in code between a key and its value: Objective-C's @"…", a tuple's or a
# property call's comma ('age', '54'), Tcl's braces, DOT's [label="…"], COBOL's PIC X(10) VALUE,
# the line break after a key alone on its line (POD's =item, troff's .B), Armenian's comma (՝).
RECORD_SYNTAX = r"[@{(,\u055d\n]|\[label=|[ \t]PIC[ \t][X9]\(\d{1,3}\)[ \t]VALUE(?=[ \t])"
# What stands between a key and its value: quotes, colons, arrows, Erlang's brackets, R's `chr`.
KEY_TO_VALUE = rf"(?:[ \t\"'`:=>|]|<<|：|chr(?= )|{RECORD_SYNTAX}){{1,16}}"
_LABELS = "|".join(re.escape(w) for w in sorted(load_words("name_labels.txt"), key=len)[::-1])
_KEYED = re.compile(
    # a key whose last word is "name": "student_name", "studentName", "NAME", "guest name"
    rf"(?:(?:(?<=[a-z])N|(?<![^\W_])(?i:n))(?i:ame)(?![^\W\d_])|(?<!\w)(?:{_LABELS}))"
    + KEY_TO_VALUE
    + rf"(?P<value>{NON_LATIN_LETTER}+(?:[ ·・]{NON_LATIN_LETTER}+){{0,3}})"
    r"(?![\w])"
)
_LONGEST = 40
# Keys whose name is a thing's: "fileName", "host_name", "cityName".
_NOT_A_PERSON = load_words("name_keys_not_personal.txt")


def keyed_script_names(text: str) -> list[Candidate]:
    """PERSON candidates for the values of name keys and labels written in such a script."""
    return [
        Candidate(m.start("value"), m.end("value"), "PERSON", _SCORE, "keyed_script_name")
        for m in _KEYED.finditer(text)
        if len(m.group("value")) <= _LONGEST
        and key_word_before(text, m.start()) not in _NOT_A_PERSON
    ]


_HAN = "\u4e00-\u9fff"
_KANA = "\u3040-\u30ff"
# Scripts whose words in an English sentence are a name more often than anything else; a Han
# or Kana place ends with its unit and is the place rules'.
_RTL_OR_GEORGIAN = "\u05d0-\u05ea\u05f3\u0620-\u064a\u066e-\u06d3\u10d0-\u10ff"
# A family name and a given name: apart in Han or Kana, or glued in Han.
_CJK_NAME = rf"[{_HAN}]{{1,3}}[ \u3000][{_HAN}{_KANA}]{{1,4}}|[{_HAN}]{{1,4}}"
_HONORIFIC = re.compile(
    rf"(?<![{_HAN}])(?P<name>{_CJK_NAME})(?:様|さま|さん|氏|殿|先生|女士|小姐|您好)"
)
_GREETINGS = "|".join(re.escape(w) for w in sorted(load_words("name_greetings.txt"), key=len)[::-1])
_GREETING = re.compile(
    rf"(?:{_GREETINGS})"
    rf"[ ,،]+(?P<name>[{_RTL_OR_GEORGIAN}]+(?:[ ][{_RTL_OR_GEORGIAN}]+){{0,2}})"
)
_IN_LATIN = re.compile(
    rf"(?<![\w])(?P<name>[{_RTL_OR_GEORGIAN}]+(?:[ ][{_RTL_OR_GEORGIAN}]+){{0,2}}"
    rf"|[{_HAN}]{{1,3}}[ ][{_HAN}{_KANA}]{{1,4}}|(?P<glued>[{_HAN}]{{2,4}}))(?![\w])"
)
_HAN_SURNAMES = load_words("han_surnames.txt")
_PLACE_UNIT = re.compile(r"[市縣県都府区區町村郡]$")
_PROSE_SCORE = 0.75  # below a place's reading of the same words
_CUED_SCORE = 0.85


def script_name_candidates(text: str) -> list[Candidate]:
    """PERSON candidates for names before an honorific, after a greeting, or standing among
    Latin words; the text needs a character of such a script."""
    out = keyed_script_names(text)
    for pattern in (_HONORIFIC, _GREETING):
        out.extend(
            Candidate(m.start("name"), m.end("name"), "PERSON", _CUED_SCORE, "script_cued_name")
            for m in pattern.finditer(text)
            if m.group("name")
        )
    for m in _IN_LATIN.finditer(text):
        start, end = m.span("name")
        glued = m.group("glued")
        if glued and not (glued[:1] in _HAN_SURNAMES or glued[:2] in _HAN_SURNAMES):
            continue  # "牛肉麵" on a menu: no family name first
        if not _PLACE_UNIT.search(m.group("name")) and _mostly_latin(text, start, end):
            out.append(Candidate(start, end, "PERSON", _PROSE_SCORE, "script_name_in_latin"))
    return out


def _mostly_latin(text: str, start: int, end: int) -> bool:
    """The words around [start, end) are in Latin letters: a name in an English sentence."""
    around = text[max(0, start - 40) : start] + text[end : end + 40]
    latin = sum(ch.isascii() and ch.isalpha() for ch in around)
    other = sum(ch.isalpha() and not ch.isascii() for ch in around)
    return latin >= 6 and other * 2 <= latin
