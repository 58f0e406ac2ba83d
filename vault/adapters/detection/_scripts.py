"""Names written in a script other than Latin (Han, Kana, Hangul, Hebrew, Arabic, Georgian,
Greek, Cyrillic, Thai), which the English NER model cannot read, under a key or label that says
the value is a name: `studentName: "李雅婷"`, `driver_name => <<"שירה כהן"/utf8>>`,
`ex:clientName "陳詩涵"`, `氏名：山田 太郎`, `الاسم: سعيد الكتبي`."""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import key_word_before, load_words
from vault.adapters.detection._patterns import Candidate

__all__ = ["keyed_script_names"]

_SCORE = 0.85
# A letter of no Latin script: neither ASCII nor Latin-1 to Latin Extended-B nor the
# Latin Extended Additional block.
_LETTER = r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
_LABELS = "|".join(re.escape(w) for w in sorted(load_words("name_labels.txt"), key=len)[::-1])
_KEYED = re.compile(
    # a key whose last word is "name": "student_name", "studentName", "NAME", "guest name"
    rf"(?:(?:(?<=[a-z])N|(?<![^\W_])(?i:n))(?i:ame)(?![^\W\d_])|(?<!\w)(?:{_LABELS}))"
    r"(?:[ \t\"'`:=>|]|<<|：|chr(?= )){1,16}"
    rf"(?P<value>{_LETTER}+(?:[ ·・]{_LETTER}+){{0,3}})"
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
