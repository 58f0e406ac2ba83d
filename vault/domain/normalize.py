"""What a detector should read: text with its disguises taken off, and the way back to the original.

A careless user or an attacker can hide a value from pattern and model detection without hiding it
from a reader (or an LLM): full-width digits, a no-break space or a zero-width character between
digits, a Cyrillic "о" inside a Latin e-mail address, percent escapes, HTML entities, base64. The
*view* of a text undoes each of these — NFKC, format (Cf) characters dropped, look-alike letters
folded in mixed-script words, percent escapes and character references decoded — and remembers, for
every stretch of the view, which stretch of the original it came from, so a span found in the view
becomes a span of exactly what was sent. Base64 runs are decoded apart (`encoded_runs`): a run whose
plain text holds PII is replaced as a whole.

Pure functions; the common case (ASCII text with nothing to decode) costs one regex search.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import html
import json
import re
import string
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

__all__ = ["EncodedRun", "View", "encoded_runs", "fold", "view_of"]

# Each unit begins with a plain character (no look-behind first), so the regex engine can skip
# ahead to the characters that may begin one.
_PERCENT = r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*"
_REFERENCE = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ESCAPE = r"\\u[0-9A-Fa-f]{4}(?:\\u[0-9A-Fa-f]{4})*"  # `\u004a` typed as text: JSON-style escapes
# Digit groups joined by separators detectors do not expect: 4111.1111.1111.1111, 4111/1111/...,
# 415_555_0100, 5105-1051.0510 5100.
_GROUPED = r"\d(?<![\d.]\d)\d{1,5}(?:[._/ -]\d{2,6}){2,}(?!\d)"
_ODD_SEPARATOR = re.compile(r"[._/]")
# Anything that may need undoing: a non-ASCII character, an escape, a character reference, or
# digit groups joined by a separator detectors do not expect. Each is looked for on its own, only
# where the text holds its first character: one alternation tried at every position of a 1 KB
# text costs more than the rest of the view.
_PERCENT_ONE = re.compile(r"%[0-9A-Fa-f]{2}")
_REFERENCE_ONE = re.compile(_REFERENCE)
_ESCAPE_ONE = re.compile(r"\\u[0-9A-Fa-f]{4}")
# `\d[._/]\d`, as one pattern per separator that begins with it (a literal the engine skips to).
_DIGITS_SEPARATED = tuple(
    re.compile(rf"{re.escape(sep)}(?<=\d{re.escape(sep)})(?=\d)") for sep in "._/"
)
# The units a view rewrites, in order of precedence where two begin at one place; each is
# searched for only when the text holds the character it needs (a scan per unit in C is far
# cheaper than one alternation tried at every position).
_UNITS: tuple[tuple[str, re.Pattern[str], Callable[[str], bool]], ...] = (
    ("pct", re.compile(_PERCENT), lambda text: "%" in text),
    ("ref", re.compile(_REFERENCE), lambda text: "&" in text),
    ("esc", re.compile(_ESCAPE), lambda text: "\\u" in text),
    ("grouped", re.compile(_GROUPED), lambda text: True),
    ("wide", re.compile(r"[^\x00-\x7f]+"), lambda text: not text.isascii()),
)
_GROUPED_UNIT = _UNITS[3][1]
# What digit groups are made of: a grouped unit is a stretch of these characters.
_GROUP_CHARACTERS = frozenset("0123456789._/ -")
_IPV4_LIKE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# A word that mixes Latin letters with Cyrillic or Greek ones is disguised, not foreign.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Look-alikes of Latin letters that NFKC leaves alone (Cyrillic, Greek), folded to Latin.
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅУαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXIJSYabeikvoptuxABEZHIKMNOPTYX",
)
_LATIN = re.compile(r"[A-Za-z]")
_LOOK_ALIKES = "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅУαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
# A word holding at least one look-alike letter: the only words the fold has to look at.
_ANY_LOOK_ALIKE = re.compile(f"[{_LOOK_ALIKES}]")
_WORD_WITH_LOOK_ALIKE = re.compile(rf"[^\W\d_]*[{_LOOK_ALIKES}][^\W\d_]*")
_FORMAT_CHARACTERS = re.compile(
    r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# A base64 run is a whole stretch of base64 characters ("=" included) that is 12 or more of them
# and then at most two "=". Stretches are found in a copy where each such character is "a" (a
# plain substring search in C, where a pattern with a look-behind is tried at every position),
# then checked whole.
_BASE64_CHARACTERS = string.ascii_letters + string.digits + "+/=_-"
_AS_STRETCH = str.maketrans(dict.fromkeys(_BASE64_CHARACTERS, "a"))
_STRETCH_START = "a" * 12
_STRETCH_END = re.compile(r"[^a]")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{12,}={0,2}")
_DECODE_LIMIT = 64  # base64 runs decoded per text, so a hostile text cannot make this quadratic


@dataclass(frozen=True, slots=True)
class View:
    """A text as a detector should read it, with the way back to the original's offsets.

    `_pieces` are (view start, view end, original start, original end) of each stretch that was
    rewritten, in order; between them the view and the original agree character for character.
    """

    text: str
    original_length: int
    _view_starts: tuple[int, ...]
    _pieces: tuple[tuple[int, int, int, int], ...]  # view start, view end, original start, end
    _view_ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range that view range `[start, end)` came from; a rewritten stretch is
        taken whole, so a span never cuts an escape or a character in two."""
        return self._start(start), self._end(end)

    def _locate(self, at: int) -> tuple[int, int, int, int] | None:
        i = bisect.bisect_right(self._view_starts, at) - 1
        return self._pieces[i] if i >= 0 else None

    def _shift(self, at: int) -> int:
        """Where a view offset outside every rewritten stretch stands in the original."""
        i = bisect.bisect_right(self._view_ends, at) - 1
        if i < 0:
            return at
        _, view_end, _, end = self._pieces[i]
        return end + (at - view_end)

    def _start(self, at: int) -> int:
        piece = self._locate(at)
        if piece is not None and piece[0] <= at < piece[1]:
            return piece[2]
        return self._shift(at)

    def _end(self, at: int) -> int:
        piece = self._locate(at - 1)
        if piece is not None and piece[0] <= at - 1 < piece[1]:
            return piece[3]
        return min(self._shift(at), self.original_length)


def view_of(text: str) -> View | None:
    """The view of `text`, or None when it would be the text itself (the common case)."""
    if not _needs_view(text):
        return None
    # Look-alike letters are never ASCII: an ASCII text is not searched for them.
    disguised = (
        _disguised_letters(text)
        if not text.isascii() and _ANY_LOOK_ALIKE.search(text)
        else frozenset()
    )
    out: list[str] = []
    starts: list[int] = []
    pieces: list[tuple[int, int, int, int]] = []
    length = 0
    cursor = 0
    for kind, match in _units(text):
        if match.start() < cursor:
            continue  # inside a unit already rewritten
        if match.start() > cursor:
            out.append(text[cursor : match.start()])
            length += match.start() - cursor
        for original_start, original_end, rewritten in _rewrite(kind, match, disguised):
            if rewritten == text[original_start:original_end]:
                out.append(rewritten)
                length += len(rewritten)
                continue
            starts.append(length)
            pieces.append((length, length + len(rewritten), original_start, original_end))
            out.append(rewritten)
            length += len(rewritten)
        cursor = match.end()
    out.append(text[cursor:])
    view = "".join(out)
    if not pieces:
        return None
    return View(view, len(text), tuple(starts), tuple(pieces), tuple(p[1] for p in pieces))


def _needs_view(text: str) -> bool:
    """Whether `text` may hold anything a view rewrites (see `_UNITS`). Digit groups count only
    where one would be regrouped: a version or a model id (`llama-3.1`) is read as written, and
    so is the payload that names it."""
    return (
        not text.isascii()
        or ("%" in text and _PERCENT_ONE.search(text) is not None)
        or ("&" in text and _REFERENCE_ONE.search(text) is not None)
        or ("\\u" in text and _ESCAPE_ONE.search(text) is not None)
        or any(_regrouped(unit.group()) != unit.group() for unit in _grouped(text))
    )


def _disguised_letters(text: str) -> frozenset[int]:
    """Positions of look-alike letters inside words that also hold Latin ones ("jоhn" with a
    Cyrillic о): a disguise, where a word all in Cyrillic or Greek is simply foreign."""
    found: set[int] = set()
    for word in _WORD_WITH_LOOK_ALIKE.finditer(text):
        letters = word.group()
        if not _LATIN.search(letters):
            continue
        found.update(
            word.start() + i for i, c in enumerate(letters) if c.translate(_CONFUSABLES) != c
        )
    return frozenset(found)


def _units(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every unit of `text` to rewrite, by where it begins (then by precedence)."""
    found = [
        (match.start(), rank, kind, match)
        for rank, (kind, pattern, present) in enumerate(_UNITS)
        if present(text)
        for match in (_grouped(text) if pattern is _GROUPED_UNIT else pattern.finditer(text))
    ]
    found.sort(key=lambda unit: unit[:2])
    return [(kind, match) for _, _, kind, match in found]


def _grouped(text: str) -> Iterator[re.Match[str]]:
    """The grouped units of `text` that may change it. In an ASCII text only digit groups
    joined by `.`, `/` or `_` are rewritten (others read as they are written), so only the
    stretches of group characters around such a join are searched: the same units, where a
    pattern led by a digit would be tried at every digit of the text."""
    if not text.isascii():
        yield from _GROUPED_UNIT.finditer(text)
        return
    joins = sorted(m.start() for pattern in _DIGITS_SEPARATED for m in pattern.finditer(text))
    end = 0
    for at in joins:
        if at < end:
            continue  # in the stretch searched already
        start = at
        while start and text[start - 1] in _GROUP_CHARACTERS:
            start -= 1
        end = at + 1
        while end < len(text) and text[end] in _GROUP_CHARACTERS:
            end += 1
        # A unit never leaves its stretch; its look-behind and look-ahead see past its ends.
        yield from _GROUPED_UNIT.finditer(text, start, end)


def _rewrite(
    kind: str, match: re.Match[str], disguised: frozenset[int]
) -> Iterator[tuple[int, int, str]]:
    """(original start, original end, what the view holds instead) for one unit."""
    if kind == "pct":
        decoded = unquote(match.group(), errors="strict") if _utf8(match.group()) else None
        yield match.start(), match.end(), decoded if decoded is not None else match.group()
    elif kind == "ref":
        decoded = html.unescape(match.group())
        yield match.start(), match.end(), "" if _invisible(decoded) else _plain(decoded)
    elif kind == "esc":
        try:
            decoded = json.loads(f'"{match.group()}"')
            decoded.encode("utf-8")
        except (ValueError, UnicodeEncodeError):
            decoded = match.group()  # a lone surrogate: left as written
        yield match.start(), match.end(), _plain(decoded)
    elif kind == "grouped":
        yield match.start(), match.end(), _regrouped(match.group())
    else:
        run = match.group()
        start = match.start()
        if (
            unicodedata.is_normalized("NFKC", run)
            and _FORMAT_CHARACTERS.search(run) is None
            and not any(start <= at < match.end() for at in disguised)
        ):
            yield start, match.end(), run  # accented letters, other scripts: nothing to undo
            return
        for offset, char in enumerate(run):
            at = start + offset
            yield at, at + 1, char.translate(_CONFUSABLES) if at in disguised else _plain(char)


def _regrouped(digits: str) -> str:
    """Digit groups as detectors expect them (odd separators read as "-"), unless they are an
    IPv4 address or too few digits to be an identifier (a date, a version)."""
    plain = _plain(digits)  # full-width digits are digits too
    if _IPV4_LIKE.fullmatch(plain) or sum(c.isdigit() for c in plain) < 9:
        return plain
    return _ODD_SEPARATOR.sub("-", plain)


def _utf8(escapes: str) -> bool:
    try:
        bytes.fromhex(escapes.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _invisible(char: str) -> bool:
    return len(char) == 1 and unicodedata.category(char) == "Cf"


def _plain(chars: str) -> str:
    """NFKC without format characters: full-width digits become digits, a no-break space a
    space, a zero-width joiner nothing."""
    folded = unicodedata.normalize("NFKC", chars)
    return "".join(c for c in folded if unicodedata.category(c) != "Cf")


def fold(text: str) -> str:
    """The view's text, case-folded, with look-alike letters of mixed-script words made Latin:
    the form the outbound guard compares values in."""
    view = view_of(text)
    plain = (view.text if view is not None else text).casefold()
    if plain.isascii() or _ANY_LOOK_ALIKE.search(plain) is None:
        return plain
    return _WORD_WITH_LOOK_ALIKE.sub(_fold_word, plain)


def _fold_word(match: re.Match[str]) -> str:
    word = match.group()
    folded = word.translate(_CONFUSABLES)
    # Only a word that has Latin letters or becomes all Latin is a disguise; Russian stays Russian.
    if folded != word and (_LATIN.search(word) or folded.isascii()):
        return folded
    return word


@dataclass(frozen=True, slots=True)
class EncodedRun:
    """A base64 run of a text and the plain text it decodes to."""

    start: int
    end: int
    plain: str


def encoded_runs(text: str) -> list[EncodedRun]:
    """Base64 (standard or URL-safe) runs of `text` that decode to readable UTF-8 text."""
    runs: list[EncodedRun] = []
    flat = text.translate(_AS_STRETCH)
    start = flat.find(_STRETCH_START)
    while start != -1 and len(runs) < _DECODE_LIMIT:
        after = _STRETCH_END.search(flat, start + len(_STRETCH_START))
        end = len(flat) if after is None else after.start()
        run = text[start:end]
        # An "=" inside, or more than two at its end, is not one encoding.
        plain = _decode_base64(run) if _BASE64_RUN.fullmatch(run) else None
        if plain is not None:
            runs.append(EncodedRun(start, end, plain))
        start = flat.find(_STRETCH_START, end)
    return runs


def _decode_base64(run: str) -> str | None:
    body = run.rstrip("=")
    if not re.search(r"[0-9+/_-]", body) and not re.search(r"[a-z].*[A-Z]|[A-Z].*[a-z]", body):
        return None  # one long word, not an encoding
    try:
        raw = base64.urlsafe_b64decode(
            body.replace("+", "-").replace("/", "_") + "=" * (-len(body) % 4)
        )
        plain = raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    printable = sum(c.isprintable() or c in "\n\t\r" for c in plain)
    if len(plain) < 4 or printable < len(plain) or not re.search(r"[^\W_]{2}", plain):
        return None
    return plain
