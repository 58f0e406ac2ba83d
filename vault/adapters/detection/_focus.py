"""What the NER needs to see: only the words around capitalised, unusual words; the rest blanked."""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._names import GIVEN_NAMES, SURNAMES
from vault.adapters.detection._people import LABEL_WORDS
from vault.adapters.detection._words import COMMON_WORDS

__all__ = ["ner_focus"]

_TOKEN = re.compile(r"\S+")
_ALPHA = re.compile(r"[^\W\d_]+")
# Where a capital may stand: every character `str.isupper` takes for one is A-Z or not ASCII.
_UPPER = re.compile(r"[A-Z\u0080-\U0010ffff]")
_CODE = re.compile(r"[=/@_{}<>\\]|[a-z]{3}[A-Z]")  # camelCase, not McKenzie or MacArthur
# The small model's tok2vec sees four tokens either side; a little more keeps its view intact.
_WINDOW = 4
# Capitalised words that are never a name or a place themselves, whatever lists they are also on:
# line labels ("Tel", "Ping"), the greeting's "My" and "Dear" (census surnames both), and the
# tools, languages and header words whose NER readings the detector drops anyway ("Bearer").
# A prompt whose only unusual capitals are these needs no model.
_NEVER_TRIGGERS = LABEL_WORDS | {"my", "dear"} | load_words("not_places_or_people.txt")


def _trigger(token: str) -> bool:
    """A capitalised word that is not an ordinary word: what NER can turn into a name or place."""
    if _CODE.search(token):
        return False  # identifiers, paths, key=value pairs and addresses: other rules cover them
    for run in _ALPHA.findall(token):
        if not run[0].isupper():
            continue
        low = run.lower()
        if low in _NEVER_TRIGGERS:
            continue
        if run.isupper() and len(run) <= 4:
            continue  # acronyms (API, HTTP, USD); short place codes are found by the gazetteer
        if low not in COMMON_WORDS or low in GIVEN_NAMES or low in SURNAMES:
            return True
    return False


def ner_focus(text: str, *, claimed: bytes | bytearray = b"", offset: int = 0) -> str | None:
    """Same-length copy keeping only tokens near a trigger word (newlines stay); None if none.

    spaCy's NER cost grows with the number of tokens, and a run of blanks is one token, so this
    cuts NER time on prompts that are mostly code, logs or ordinary words, without moving offsets.
    A word whose first character is set in `claimed` (at `offset` + its position) is no trigger.
    """
    if not _UPPER.search(text):
        return None  # no capital, so no trigger: most dataset cells (ids, e-mails, numbers)
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    hits = [
        i
        for i, (s, e) in enumerate(tokens)
        if not (claimed and claimed[offset + s]) and _trigger(text[s:e])
    ]
    if not hits:
        return None
    keep = bytearray(len(tokens))
    for i in hits:
        keep[max(0, i - _WINDOW) : i + _WINDOW + 1] = b"\x01" * (
            min(len(tokens), i + _WINDOW + 1) - max(0, i - _WINDOW)
        )
    if all(keep):
        return text
    out = list(text)
    for i, (s, e) in enumerate(tokens):
        if not keep[i]:
            out[s:e] = " " * (e - s)
    return "".join(out)
