"""Names written in a script other than Latin, which the English NER model cannot read: under a
key or label that says the value is a name (Han, Kana, Hangul, Hebrew, Arabic, Georgian, Greek,
Cyrillic, Thai: `studentName: "李雅婷"`, `driver_name => <<"שירה כהן"/utf8>>`, `氏名：山田 太郎`,
`الاسم: سعيد الكتبي`); before an honorific or after a greeting of their language (`田中 真央様`,
`劉怡君您好`, `שלום דניאל פרץ`, `عزيزي محمد الكتبي`, `გამარჯობა, ანა კაპანაძე`); and standing
in a sentence of Latin letters (`Refund for מיכל כהן`, `Escalated by 伊藤 拓也`)."""

from __future__ import annotations

import re
import unicodedata

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
# or Thai word, which is a mark and no letter to `re` ("गुप्ता", "مُحَمَّد", "บุญมา").
NON_LATIN_LETTER = (
    r"(?:[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
    r"|[\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    r"\u0981-\u0983\u09bc-\u09d7\u0a01-\u0a03\u0a3c-\u0a51\u0a81-\u0a83\u0abc-\u0acd"
    r"\u0b01-\u0b03\u0b3c-\u0b57\u0b82\u0bbe-\u0bcd\u0c00-\u0c04\u0c3e-\u0c56"
    r"\u0c81-\u0c83\u0cbc-\u0cd6\u0d00-\u0d03\u0d3e-\u0d57\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    r"\u200c\u200d])"
)
# The syntax of records in code between a key and its value: Objective-C's @"…", a tuple's or a
# property call's comma ('age', '54'), Tcl's braces, DOT's [label="…"], COBOL's PIC X(10) VALUE,
# the line break after a key alone on its line (POD's =item, troff's .B), Armenian's comma (՝).
RECORD_SYNTAX = r"[@{(,\u055d\n]|\[label=|[ \t]PIC[ \t][X9]\(\d{1,3}\)[ \t]VALUE(?=[ \t])"
# What stands between a key and its value: quotes, colons, arrows, Erlang's brackets, R's `chr`.
KEY_TO_VALUE = rf"(?:[ \t\"'`:=>|]|<<|：|chr(?= )|{RECORD_SYNTAX}){{1,16}}"


def _alternation(name: str) -> str:
    """The entries of `data/<name>` as one regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(load_words(name), key=len, reverse=True))


_LABELS = _alternation("name_labels.txt")
_KEYED = re.compile(
    # a key whose last word is "name": "student_name", "studentName", "NAME", "guest name"
    rf"(?:(?:(?<=[a-z])N|(?<![^\W_])(?i:n))(?i:ame)(?![^\W\d_])|(?<!\w)(?i:{_LABELS}))"
    + KEY_TO_VALUE
    + rf"(?P<value>{NON_LATIN_LETTER}+(?:[ ·・]{NON_LATIN_LETTER}+){{0,3}})"
    r"(?![\w])"
)
_LONGEST = 40
# Keys whose name is a thing's: "fileName", "host_name", "cityName".
_NOT_A_PERSON = load_words("name_keys_not_personal.txt")


def keyed_script_names(text: str) -> list[Candidate]:
    """PERSON candidates for the values of name keys and labels written in such a script, up
    to the label of the next field ("ชื่อ อนุชา บุญมา วันเกิด …")."""
    out = []
    for m in _KEYED.finditer(text):
        start, end = m.span("value")
        words = text[start:end].split(" ")
        cut = next((i for i, word in enumerate(words) if word.lower() in _LABEL_WORDS), None)
        if cut is not None:
            end = start + len(" ".join(words[:cut]))
        if (
            start < end
            and end - start <= _LONGEST
            and key_word_before(text, m.start()) not in _NOT_A_PERSON
        ):
            out.append(Candidate(start, end, "PERSON", _SCORE, "keyed_script_name"))
    return out


_HAN = "\u4e00-\u9fff"
_KANA = "\u3040-\u30ff"
# Scripts whose words in an English sentence are a name more often than anything else; a Han
# or Kana place ends with its unit and is the place rules'. Hebrew, Arabic (Persian's letters
# and the zero-width non-joiner too), Georgian, Armenian, Devanagari and Thai with their vowel
# signs.
_SPACED_SCRIPT = (
    "\u05d0-\u05ea\u05f3\u0620-\u065f\u066e-\u06d3\u0670\u200c\u10d0-\u10ff"
    "\u0531-\u0556\u0561-\u0587\u0900-\u0963\u0971-\u097f\u0e01-\u0e3a\u0e40-\u0e4e"
)
_SPACED_NAME = rf"[{_SPACED_SCRIPT}]+(?:[ ][{_SPACED_SCRIPT}]+){{0,2}}"
# A family name and a given name: apart in Han or Kana, or glued in Han.
_CJK_NAME = rf"[{_HAN}]{{1,3}}[ \u3000][{_HAN}{_KANA}]{{1,4}}|[{_HAN}]{{1,4}}"
_HAN_HONORIFICS = _alternation("han_name_honorifics.txt")
_HONORIFIC = re.compile(rf"(?<![{_HAN}])(?P<name>{_CJK_NAME})(?:{_HAN_HONORIFICS})")
# An honorific glued to a run of Han: the name is the listed family name and its given name
# right before it ("请联系杨磊先生", "会员赵丽华小姐"), read back from the honorific.
_GLUED_HONORIFIC = re.compile(rf"(?<=[{_HAN}]{{5}})(?:{_HAN_HONORIFICS})")
# A role glued before a name, the name ending at a bracket or a comma ("會員林志明，").
_ROLE = re.compile(
    rf"(?:{_alternation('han_name_roles.txt')})(?P<name>[{_HAN}]{{2,4}})(?=[（(，,、。：: ]|$)"
)
_GREETING = re.compile(
    rf"(?<![^\W\d_])(?i:{_alternation('name_greetings.txt')})[ ,،]+(?P<name>{_SPACED_NAME})"
)
_NOT_OF_THE_NAME = load_words("name_words_after.txt")
# A name before an honorific of its language: one word, or two at the start of a line or
# clause ("अंजलि जी का", "प्रिया शर्मा जी,", "مریم خانم").
_HONORED = re.compile(
    rf"(?:(?:^|(?<=[\n,،:;।(]))[ ]?(?P<two>[{_SPACED_SCRIPT}]+[ ][{_SPACED_SCRIPT}]+)"
    rf"|(?<![{_SPACED_SCRIPT}])(?P<one>[{_SPACED_SCRIPT}]+))"
    rf"[ ](?:{_alternation('name_honorifics_after.txt')})(?![{_SPACED_SCRIPT}])",
    re.MULTILINE,
)
# A given name in kana before an honorific ("さくらちゃん", "はなこさん").
_KANA_HONORED = re.compile(
    rf"(?<![{_KANA}{_HAN}])(?P<name>[\u3041-\u3096]{{2,4}}|[\u30a1-\u30fa]{{2,5}})"
    r"(?=ちゃん|くん|さん|様|さま)"
)
# Label words among Latin words ("Ms. Rao's पैन", "मतदाता पहचान पत्र RLU…"), and the names of
# months and weekdays: no one's name.
_LABEL_WORDS = frozenset(
    word
    for name in (
        "script_label_words.txt",
        "field_labels.txt",
        "name_labels.txt",
        "place_labels.txt",
        "months.txt",
        "weekdays.txt",
    )
    for label in load_words(name)
    for word in label.split()
)
# The next word after them holds a figure: the words were an identifier's label.
_FIGURE_NEXT = re.compile(r"[ \t]*[^\s:：(（]*\d")
# A cell of a line set off by middle dots or bars, all of it two or three such words: the
# person of a log line ("2024-05-01 10:15 · دانیال رحیمی · کارت 6037… · 0912…").
_CELL = re.compile(
    rf"(?:^|(?<=[·•|] ))(?P<name>[{_SPACED_SCRIPT}]+(?:[ ][{_SPACED_SCRIPT}]+){{1,2}})"
    r"(?=[ ][·•|])",
    re.MULTILINE,
)
_IN_LATIN = re.compile(
    rf"(?<![\w])(?P<name>{_SPACED_NAME}"
    rf"|[{_HAN}]{{1,3}}[ ][{_HAN}{_KANA}]{{1,4}}|(?P<glued>[{_HAN}]{{2,4}}))(?![\w])"
)
_HAN_SURNAMES = load_words("han_surnames.txt")
_KO_SURNAMES = load_words("ko_surnames.txt")
# The same cell in Han, Kana or Hangul: a family name of the lists first ("· 伊藤結衣 ·",
# "· 中村 大輔 ·", "남궁 재원 | 020424-…").
_HANGUL = "\uac00-\ud7a3"
_CJK_CELL = re.compile(
    rf"(?:^|(?<=[·•|] ))(?P<name>[{_HAN}]{{2,4}}|[{_HAN}]{{1,2}}[ ][{_HAN}{_KANA}]{{1,3}}"
    rf"|[{_HANGUL}]{{2,4}}|[{_HANGUL}]{{1,2}}[ ][{_HANGUL}]{{1,2}})(?=[ ][·•|])",
    re.MULTILINE,
)
# A Devanagari word before a listed Indian family name ("सुरेश पांडे (नागपुर)", "नेहा गुप्ता's").
_DEVANAGARI_WORD = "[\u0900-\u0963\u0971-\u097f]"
_HI_FAMILY = re.compile(
    rf"(?<!{_DEVANAGARI_WORD})(?P<name>{_DEVANAGARI_WORD}+[ ](?:{_alternation('hi_surnames.txt')}))"
    rf"(?!{_DEVANAGARI_WORD})"
)
_DEVANAGARI = re.compile("[\u0900-\u097f]")
_PLACE_UNIT = re.compile(r"[市縣県都府区區町村郡]$")
_PROSE_SCORE = 0.75  # below a place's reading of the same words
_CUED_SCORE = 0.85


def script_name_candidates(text: str) -> list[Candidate]:
    """PERSON candidates for names before an honorific, after a greeting, a title or a role,
    or standing among Latin words; the text needs a character of such a script."""
    out = keyed_script_names(text)
    cued = [
        m.span("name")
        for m in _HONORIFIC.finditer(text)
        if " " in m["name"] or "\u3000" in m["name"] or _han_surname_first(m["name"])
    ]
    cued.extend(_before_glued_honorific(text))
    cued.extend(m.span("name") for m in _ROLE.finditer(text) if _han_surname_first(m["name"]))
    cued.extend(_without_words_after(text, *m.span("name")) for m in _GREETING.finditer(text))
    cued.extend(m.span("name") for m in _CELL.finditer(text))
    cued.extend(
        m.span("name")
        for m in _CJK_CELL.finditer(text)
        if _han_surname_first(m["name"])
        or m["name"][:1] in _KO_SURNAMES
        or m["name"][:2] in _KO_SURNAMES
    )
    cued.extend(m.span("two") if m["two"] else m.span("one") for m in _HONORED.finditer(text))
    cued.extend(m.span("name") for m in _KANA_HONORED.finditer(text))
    if _DEVANAGARI.search(text):
        cued.extend(m.span("name") for m in _HI_FAMILY.finditer(text))
    out.extend(
        Candidate(start, end, "PERSON", _CUED_SCORE, "script_cued_name")
        for start, end in cued
        if start < end and not _has_label_word(text[start:end])
    )
    for m in _IN_LATIN.finditer(text):
        start, end = m.span("name")
        glued = m.group("glued")
        if glued and not _han_surname_first(glued):
            continue  # "牛肉麵" on a menu: no family name first
        if (
            not _PLACE_UNIT.search(m.group("name"))
            and not _in_abbreviation(text, start, end)
            and _mostly_latin(text, start, end)
            and not _has_label_word(m.group("name"))
            and not _FIGURE_NEXT.match(text, end)
        ):
            out.append(Candidate(start, end, "PERSON", _PROSE_SCORE, "script_name_in_latin"))
    return out


def _in_abbreviation(text: str, start: int, end: int) -> bool:
    """A piece of a Hebrew abbreviation, cut at its gershayim or geresh ("ד" and "ר כהן" of
    'ד"ר כהן')."""
    marks = "\"'״׳"
    return (start > 1 and text[start - 1] in marks and _hebrew(text[start - 2])) or (
        end + 1 < len(text) and text[end] in marks and _hebrew(text[end + 1])
    )


def _hebrew(ch: str) -> bool:
    return "\u05d0" <= ch <= "\u05ea"


def _has_label_word(name: str) -> bool:
    return any(word.lower() in _LABEL_WORDS for word in name.split())


def _han_surname_first(name: str) -> bool:
    return name[:1] in _HAN_SURNAMES or name[:2] in _HAN_SURNAMES


def _before_glued_honorific(text: str) -> list[tuple[int, int]]:
    """The name before each honorific glued to a longer run of Han: a two-character family
    name and two more or one, a family name and two, or a family name and one, in that order;
    a family name is taken for the first of three only when the second is none ("和王磊先生"
    is 王磊 after "and")."""
    out = []
    for m in _GLUED_HONORIFIC.finditer(text):
        end = m.start()
        if text[end - 4 : end - 2] in _HAN_SURNAMES:
            out.append((end - 4, end))
        elif text[end - 3 : end - 1] in _HAN_SURNAMES or (
            text[end - 3] in _HAN_SURNAMES and text[end - 2] not in _HAN_SURNAMES
        ):
            out.append((end - 3, end))
        elif text[end - 2] in _HAN_SURNAMES:
            out.append((end - 2, end))
    return out


def _without_words_after(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) less its last words when they follow a name and are none of it ("सिंह
    जी का", "محمدی عزیز")."""
    while True:
        cut = text.rfind(" ", start, end)
        if cut < 0 or text[cut + 1 : end].lower() not in _NOT_OF_THE_NAME:
            return start, end
        end = cut


def _mostly_latin(text: str, start: int, end: int) -> bool:
    """The words around [start, end) are in Latin letters: a name in an English sentence."""
    around = text[max(0, start - 40) : start] + text[end : end + 40]
    latin = sum(ch.isascii() and ch.isalpha() for ch in around)
    other = sum(
        not ch.isascii() and (ch.isalpha() or unicodedata.category(ch).startswith("M"))
        for ch in around
    )
    return latin >= 6 and other * 2 <= latin
