"""Ages under a record's key that names whose age it is ("patient_age": 43, plotHolderAge = "82",
CHORISTER_AGE=51, "guest age:[/i] 39"): the number alone is the span."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vault.adapters.detection._lexicon import key_word_before, load_words
from vault.adapters.detection._scripts import RECORD_SYNTAX

__all__ = ["keyed_ages"]

# "age" closing a key: after an underscore, a space or nothing ("voter_age", "guest age", "AGE"),
# or a lower-case letter in camelCase ("debtorAge"); never inside a word ("page", "usage").
# Between the key and its number: quotes, colons, arrows, pipes, a table's next line, a BBCode
# tag, Erlang's binary brackets, R's `chr` ("age   : chr \"26\""), the syntax of records in code:
# a shell array's `[age]="37"`, Ada's `Age => +"75"`, Lisp's `(age . "24")`, Smalltalk's `put:`.
_KEYED_AGE = re.compile(
    r"(?:(?<=[a-z])Age|(?<![^\W_])(?i:age))(?![^\W\d_])"
    rf"(?:[ \t\"'`:=>|\]+]|\[/?[a-z]\]|<<|chr(?= )|put:|[ \t]\.(?=[ \t])|{RECORD_SYNTAX}){{1,24}}"
    r"(?P<age>\d{1,3})(?![\d%]|[.,:/-]\d|[^\W\d_])"
)
# Keys whose age is no person's: a cache's, a token's, a file's ("max_age=60", "cacheAge: 30").
_NOT_A_PERSON = load_words("age_keys_not_personal.txt")
_OLDEST = 130
# POD's "=item age" and Texinfo's "@item age": the word before the key is the markup's.
_POD_ITEM = re.compile(r"(?:^|\n)[=@]item[ ]$")


def keyed_ages(text: str, windows: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """(start, end, standing) of each age under its key inside the windows."""
    for pos, endpos in windows:
        for m in _KEYED_AGE.finditer(text, pos, endpos):
            if int(m.group("age")) > _OLDEST:
                continue
            if not _POD_ITEM.search(text, max(0, m.start() - 7), m.start()) and (
                key_word_before(text, m.start()) in _NOT_A_PERSON
            ):
                continue
            yield m.start("age"), m.end("age"), True
