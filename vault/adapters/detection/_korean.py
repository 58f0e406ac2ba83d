"""Korean names and addresses, which the English NER model cannot read: a family name and one
or two syllables with an honorific, a cue or an English sentence around them; administrative
units (시, 구, 군, 동) down to a road (로, 길) and its building number."""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._patterns import Candidate

__all__ = ["korean_candidates"]

_HANGUL = "\uac00-\ud7a3"
_SYL = f"[{_HANGUL}]"
_SURNAMES = load_words("ko_surnames.txt")
_SURNAME = "(?:" + "|".join(sorted(_SURNAMES, key=lambda s: (-len(s), s))) + ")"
# Titles and honorifics that follow a name, then the particle that may be glued to them.
_HONORIFIC = (
    r"(?:님|씨|선생님?|고객님?|교수님?|대표님?|사장님?|과장님?|부장님?|팀장님?|대리님?|"
    r"실장님?|원장님?|박사님?|의사|변호사|환자분?|회원님?|학생)"
)
_PARTICLE = r"(?:께서|께|은|는|이|가|을|를|의|에게|에게서|한테|과|와|도|만|이랑|랑|으로|로)?"
# A family name and one or two syllables, glued or apart ("박지훈", "남궁 재원"), then what is
# glued to them.
_NAME_WORD = re.compile(
    rf"(?<![{_HANGUL}])(?P<name>{_SURNAME}(?P<gap>[ ]?){_SYL}{{1,2}})(?P<rest>{_SYL}*)"
    rf"(?![{_HANGUL}])"
)
# A family name alone before a title: "정 선생님", "김 교수님께".
_SURNAME_TITLED = re.compile(rf"(?<![{_HANGUL}\w])(?P<name>{_SURNAME})(?=[ ]+{_HONORIFIC})")
_HONORIFIC_REST = re.compile(rf"{_HONORIFIC}{_PARTICLE}")
_FOLLOWING_HONORIFIC = re.compile(rf"[ ]+{_HONORIFIC}{_PARTICLE}(?![{_HANGUL}])")
# Labels a name follows: 이름, 성명, 고객명, 담당자, 작성자, 수신, 발신, 보호자, "name:".
_CUE_BEFORE = re.compile(
    r"(?:이름|성명|성함|고객명|고객|회원|손님|학생|담당자|작성자|신청인|수신|발신|보호자|환자|대표자|예금주|"
    r"받는\s?분|보내는\s?분|(?i:name|customer|contact|patient|from|to|dear|hi|hello))"
    r"[\s:：=\"']*$"
)
_ADMIN = (
    rf"(?:{_SYL}{{1,8}}(?:특별시|광역시|특별자치시|특별자치도|도)"
    rf"|{_SYL}{{1,6}}(?:시|군|구)"
    rf"|{_SYL}{{1,6}}(?:읍|면))"
)
_ROAD = rf"(?:[{_HANGUL}\d]{{1,12}}(?:대로|로|길|동|리|가)(?:\d{{1,3}}(?:번?길|가))?)"
_NUMBER = r"(?:산[ ]?)?\d{1,5}(?:-\d{1,5})?(?:번지)?"
# Two administrative units, or one and a road with its number; a unit or floor after it.
_ADDRESS = re.compile(
    rf"(?<![{_HANGUL}\w])(?:{_ADMIN}[ ]+){{1,4}}"
    rf"(?:{_ROAD}(?:[ ]+{_NUMBER})?|{_ADMIN})"
    rf"(?:,?[ ]*(?:\d{{1,4}}(?:동|층|호)|\({_SYL}{{1,8}}(?:동|가)?(?:,[ ]?{_SYL}{{1,10}})?\)))*"
    rf"(?![{_HANGUL}\w])"
)
_NAME_SCORE = 0.8
_ADDRESS_SCORE = 0.88


def _mostly_latin(text: str, start: int, end: int) -> bool:
    """The words around [start, end) are not Korean: a Korean name in an English sentence."""
    around = text[max(0, start - 40) : start] + text[end : end + 40]
    hangul = sum(_HANGUL[0] <= ch <= _HANGUL[-1] for ch in around)
    latin = sum(ch.isascii() and ch.isalpha() for ch in around)
    return latin >= 6 and hangul * 4 <= latin  # "... on 2025년 2월 27일" is still English


def korean_candidates(text: str) -> list[Candidate]:
    """PERSON and LOCATION candidates in Korean script; nothing for a text without Hangul."""
    if not re.search(_SYL, text):
        return []
    out: list[Candidate] = []
    for m in _ADDRESS.finditer(text):
        out.append(Candidate(m.start(), m.end(), "LOCATION", _ADDRESS_SCORE, "ko_address"))
    for m in _NAME_WORD.finditer(text):
        name, rest = m.group("name"), m.group("rest")
        start, end = m.span()
        length = len(name) - len(m.group("gap"))
        if m.group("gap") and not all(ch in _GIVEN_SYLLABLES for ch in name.split(" ", 1)[1]):
            continue  # "이 사람": "this person", no Lee
        if rest and not _HONORIFIC_REST.fullmatch(rest):
            # "김민준이" is a name only with a cue; longer words are other words.
            if not (length == 3 and re.fullmatch(_PARTICLE, rest) and _cued(text, start)):
                continue
        elif not rest and not (
            (
                length == 3
                and (
                    _mostly_latin(text, start, end)
                    or _field(text, start, end)
                    or _AGED.match(text, end) is not None
                )
            )
            or _FOLLOWING_HONORIFIC.match(text, end)
            or _cued(text, start)
        ):
            continue
        out.append(Candidate(start, end, "PERSON", _NAME_SCORE, "ko_name"))
    out.extend(
        Candidate(*m.span("name"), "PERSON", _NAME_SCORE, "ko_titled_surname")
        for m in _SURNAME_TITLED.finditer(text)
    )
    return out


_FIELD_BEFORE = re.compile(r"(?:^|[\n,;|:\"(\t&])[ ]*$")
_FIELD_AFTER = re.compile(r"[ ]*(?:$|[\n,;|\")]|\\\\)")
# The age after a name: "김민서 (만 63세)", "정지우, 만 51세", "박지훈(44살)", "(나이: 45)".
_AGED = re.compile(r"[ ]*[(,]?[ ]*(?:만?[ ]?\d{1,3}[ ]?[세살]|나이[ ]?[:：]?[ ]?\d{1,3}(?!\d))")


_GIVEN_SYLLABLES = load_words("ko_given_syllables.txt")


def _field(text: str, start: int, end: int) -> bool:
    """A family name and two given-name syllables that are a whole field of a record or a
    list ("정민준, 70살", "|최지우|", "FN:정민준"): a name there takes no particle."""
    return (
        all(syllable in _GIVEN_SYLLABLES for syllable in text[end - 2 : end])
        and _FIELD_BEFORE.search(text, max(0, start - 3), start) is not None
        and _FIELD_AFTER.match(text, end) is not None
    )


def _cued(text: str, start: int) -> bool:
    return _CUE_BEFORE.search(text[max(0, start - 16) : start]) is not None
