"""The identifier registry: one entry per recognizer (entity, cheap prefilter, finder, post-filter).

Adding an identifier is one entry in `REGISTRY`. An entry's prefilter is searched first, so a text
without a candidate costs one regex scan. A match the finder calls *standing* (its checksum holds
and its shape cannot be an ordinary number) is kept as it is; any other match needs one of the
entry's context words shortly before it. Country entries run only for the regions of the tenant's
locales (`vault.domain.entities.REGION_OF`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import regex
from presidio_analyzer import PatternRecognizer
from presidio_analyzer import predefined_recognizers as presidio

from vault.adapters.detection._ages import keyed_ages
from vault.adapters.detection._checksums import (
    bech32_ok,
    bsn_ok,
    cpf_ok,
    dea_ok,
    dvla_date_ok,
    eip55_ok,
    iban_ok,
    icao_ok,
    kr_frn_ok,
    kr_rrn_ok,
    nir_ok,
    nric_ok,
)
from vault.adapters.detection._context import context_view, labelled, referenced
from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._patterns import Candidate, luhn_ok
from vault.adapters.detection._regex import trie
from vault.domain.entities import REGION_OF
from vault.domain.policy import DEFAULT_LOCALES

__all__ = [
    "REGISTRY",
    "IdentifierRecognizer",
    "IdentifierScan",
    "identifier_candidates",
    "phone_recognizer",
    "recognizers_for",
]

# (start, end, standing): a match and whether it stands without a context word.
Found = tuple[int, int, bool]
# Where a finder looks: (pos, endpos) windows around the digit runs, so a long text with a few
# numbers in it is scanned a few dozen characters at a time.
Windows = list[tuple[int, int]]
Finder = Callable[[str, Windows], Iterator[Found]]
_MARGIN = 40  # as far as a phone word may stand before its number
_STANDING_SCORE = 0.9  # above phone and bank-number rules: a valid identifier wins the overlap
_LABELLED_STANDING_SCORE = 0.93
_CONTEXT_SCORE = 0.78  # above the NANP phone layout, below the labelled US identifiers
_CONTEXT_BEFORE = 64
_CONTEXT_AFTER = 40  # "34071639731 (Australian Business Number)"


# Letters of scripts written without spaces, or with particles glued on ("…입니다", "号码…"):
# next to one a number still stands alone.
_UNSPACED_LETTER = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")


def _standalone(text: str, start: int, end: int) -> bool:
    """The match is not glued to a letter or digit on either side ("x123-45-6789y")."""
    return not (start > 0 and _glues(text[start - 1])) and not (
        end < len(text) and _glues(text[end])
    )


def _glues(ch: str) -> bool:
    return ch.isalnum() and _UNSPACED_LETTER.match(ch) is None


_RUN = re.compile(r"\d(?:[ .-]?\d)*")
_MIXED = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")


def _separators(run: str) -> int:
    return run.count(" ") + run.count(".") + run.count("-")


@dataclass(frozen=True, slots=True)
class _Features:
    """What every gate reads, computed once per text."""

    longest_run: int
    mixed: bool
    runs: tuple[tuple[int, int, int], ...]  # (start, end, digits) of each run of digits
    _windows: dict[int, Windows] = field(default_factory=dict)  # by min_run, filled on use

    @classmethod
    def of(cls, text: str) -> _Features:
        runs = tuple(
            (m.start(), m.end(), len(r) if r.isdigit() else len(r) - _separators(r))
            for m in _RUN.finditer(text)
            for r in (m.group(),)
        )
        longest = max([d for _, _, d in runs], default=0)
        return cls(longest, longest > 0 and _MIXED.search(text) is not None, runs)

    def windows(self, min_run: int, length: int) -> Windows:
        """Merged windows around the runs of at least `min_run` digits."""
        cached = self._windows.get(min_run)
        if cached is not None:
            return cached
        out: Windows = []
        for start, end, digits in self.runs:
            if digits < min_run:
                continue
            lo, hi = max(0, start - _MARGIN), min(length, end + _MARGIN)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        self._windows[min_run] = out
        return out


@dataclass(frozen=True, slots=True)
class IdentifierRecognizer:
    """One identifier: `prefilter` gates `find`; `post` vetoes a match by where it stands."""

    name: str
    entity_type: str
    prefilter: re.Pattern[str]
    find: Finder
    context: re.Pattern[str] | None = None
    post: Callable[[str, int, int], bool] = _standalone
    # The cheapest gate, checked before `prefilter`: the longest run of digits (spaces, dots and
    # hyphens between them allowed) the identifier needs, and whether a letter must touch a digit.
    min_run: int = 1
    mixed: bool = False
    context_score: float = _CONTEXT_SCORE
    checked: bool = False  # the finder yields only matches whose checksum holds

    @property
    def region(self) -> str | None:
        return REGION_OF.get(self.entity_type)

    def candidates(self, text: str, features: _Features | None = None) -> Iterator[Candidate]:
        features = features or _Features.of(text)
        if features.longest_run < self.min_run or (self.mixed and not features.mixed):
            return
        windows = features.windows(self.min_run, len(text))
        if any(self.prefilter.search(text, lo, hi) for lo, hi in windows):
            yield from self._found(text, windows)

    def _found(self, text: str, windows: Windows, view: str | None = None) -> Iterator[Candidate]:
        """The finder's matches that pass the post-filter and stand or have their context; a
        standing match with its own label too outranks one that only stands (a PESEL under
        "PESEL" is not also a Turkish id)."""
        for start, end, standing in self.find(text, windows):
            if not self.post(text, start, end):
                continue
            if self.context is None:
                labelled = False
            else:
                view = context_view(text) if view is None else view
                labelled = self._labelled(view, start, end)
            if standing or (labelled and self.checked):
                # A checksum that holds under its own label is the surest reading of a number.
                score = _LABELLED_STANDING_SCORE if labelled else _STANDING_SCORE
                yield Candidate(start, end, self.entity_type, score, self.name)
            elif labelled:
                yield Candidate(start, end, self.entity_type, self.context_score, self.name)

    def _labelled(self, view: str, start: int, end: int) -> bool:
        """One of the context words near the match, or in the header of its table column."""
        assert self.context is not None
        return labelled(
            self.context, view, start, end, before=_CONTEXT_BEFORE, after=_CONTEXT_AFTER
        )


# A word's edge inside a camelCase key: "steuer" and "idnr" in "steuerIdnr", "epic" in "epicNo".
_CAMEL = r"(?-i:(?<=[a-z])(?=[A-Z]))"


# A Korean label ends its word wherever a particle is glued to it ("주민등록번호는").
_HANGUL_END = r"(?<=[\uac00-\ud7a3])"


def _context(words: Collection[str]) -> re.Pattern[str]:
    """Any of `words`, not inside a longer word ("nhs_number" and "nhsNumber" count, "pinhsx"
    does not; a Korean word may have its particle after it).

    Only ever asked whether it matches, so the factored alternation is as good as the plain
    one; the first-letter lookahead spares the look-behind at every other position."""
    lowered = {w.lower() for w in words}
    first = "".join(sorted({re.escape(w[0]) for w in lowered}))
    return re.compile(
        rf"(?i)(?=[{first}])(?:(?<![^\W\d_])|{_CAMEL})(?:{trie(lowered)})"
        rf"(?:(?![^\W\d_])|{_CAMEL}|{_HANGUL_END})"
    )


def _shaped(shape: str) -> Callable[[str, int, int], bool]:
    """A post-filter: the match stands alone and has the identifier's printed shape."""
    compiled = re.compile(shape)

    def post(text: str, start: int, end: int) -> bool:
        return _standalone(text, start, end) and compiled.fullmatch(text, start, end) is not None

    return post


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _checksum_and_shape(value: str, valid: bool | None) -> bool:
    """Default standing: a checksum held and the value has letters or 13+ digits. A shorter
    number passes a one-digit checksum one time in ten, and phone numbers are everywhere, so it
    needs its label ("NHS number", "PESEL", "partita IVA")."""
    return valid is True and (any(ch.isalpha() for ch in value) or _digit_count(value) >= 13)


def _in_windows(pattern: Any, text: str, windows: Windows) -> Iterator[Any]:
    """Matches inside the windows; one that reaches a window's end inside the text is cut
    short by it and is left to the window that holds it whole (windows overlap nothing, and
    an identifier is far shorter than the margin)."""
    for pos, endpos in windows:
        for m in pattern.finditer(text, pos, endpos):
            if m.end() < endpos or endpos == len(text):
                yield m


def _compile(pattern: str, flags: int) -> Any:
    """The standard library's engine where it can read the pattern (faster on these short
    patterns), else the `regex` module Presidio writes for; I, M and S have the same values."""
    try:
        return re.compile(pattern, flags & (re.I | re.M | re.S))
    except re.error:
        return regex.compile(pattern, flags=flags)


_GROUP_SEPARATORS = re.compile(r"[ ./-]")


def _grouped(digits: int, *, first: str = r"\d", most: int | None = None) -> str:
    """`digits` (to `most`) digits as people group them ("12 345 678 901", "4264-96430-3"):
    the whole run of digits, not a part of a longer one."""
    more = f"{digits - 1},{most - 1}" if most else f"{digits - 1}"
    return rf"(?<![\w./-])(?<!\d ){first}(?:[ .-]?\d){{{more}}}(?![\w-]|[ ./]\d)"


def _presidio(
    recognizer: PatternRecognizer,
    *,
    stands: Callable[[str, bool | None], bool] = _checksum_and_shape,
    grouped: Collection[str] = (),
    prefix: str = "",
    undecided_ok: bool = False,
) -> Finder:
    """A finder from a Presidio pattern recognizer: its patterns, validation and invalidation,
    without the analyzer's per-call overhead. `grouped` patterns find the number as people print
    it; the recognizer judges it with its separators, and the country `prefix` it may be
    printed with (a VAT number's "IT"), taken out. `undecided_ok` keeps a number the checksum
    cannot judge (Presidio's None), for a context word to confirm."""
    patterns: list[Any] = vars(recognizer)["patterns"]  # untyped in presidio
    # A recognizer with a checksum must see it hold; Presidio's None ("cannot tell") is a miss.
    checks = type(recognizer).validate_result is not PatternRecognizer.validate_result
    compiled = [(_compile(p.regex, recognizer.global_regex_flags or 0), False) for p in patterns]
    compiled += [(re.compile(pattern), True) for pattern in grouped]

    def find(text: str, windows: Windows) -> Iterator[Found]:
        seen: set[tuple[int, int]] = set()
        for pattern, compact in compiled:
            for m in _in_windows(pattern, text, windows):
                start, end = m.span()
                value = m.group()
                # Some patterns take the space around the number with them.
                start += len(value) - len(value.lstrip())
                end -= len(value) - len(value.rstrip())
                if start >= end or (start, end) in seen:
                    continue
                seen.add((start, end))
                value = text[start:end]
                if not _HAS_DIGIT.search(value):
                    continue  # a weak pattern's plain word ("Onboarding" for a PAN's ten)
                if compact:
                    value = _GROUP_SEPARATORS.sub("", value)
                    if prefix and value[: len(prefix)].upper() == prefix:
                        value = value[len(prefix) :]
                valid = recognizer.validate_result(value)
                if valid is False or (checks and valid is not True and not undecided_ok):
                    continue
                if recognizer.invalidate_result(value):
                    continue
                yield start, end, stands(value, valid)

    return find


def _regex_finder(pattern: str, *, stands: Callable[[str], bool], flags: int = 0) -> Finder:
    compiled = re.compile(pattern, flags)

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            value = m.group()
            yield m.start(), m.end(), stands(value)

    return find


def _validated(pattern: str, check: Callable[[str], bool], *, flags: int = 0) -> Finder:
    """Matches of `pattern` whose checksum holds; they stand without context."""
    compiled = re.compile(pattern, flags)

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            if check(m.group()):
                yield m.start(), m.end(), True

    return find


def _checked(
    pattern: str, check: Callable[[str], bool], *, stands: Callable[[str], bool]
) -> Finder:
    """Matches of `pattern` whose checksum holds; `stands` says which need no context word."""
    compiled = re.compile(pattern)

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            value = m.group()
            if check(value):
                yield m.start(), m.end(), stands(value)

    return find


def _digits(n: int) -> str:
    """n digits, maybe grouped by spaces, dots or hyphens."""
    return rf"\d(?:[ .-]?\d){{{n - 1}}}"


# Prefilters are only asked whether they match, and most start at a digit ("\d(?<=[A-Za-z]{2}\d)
# \d{6}" for "[A-Za-z]{2}\d{7}"): the engine skips to the next digit instead of trying every
# letter. Their look-behind may see a little before a window; a gate that opens needlessly costs
# a finder run, never a result, since a prefilter is implied by every match of its finder.
def _pre(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# The IRS's group ranges: 50-65, 70-88, 90-92, 94-99.
_ITIN = r"(?<![\d-])9\d{2}([- ]?)(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\1\d{4}(?![\d-])"


def _itin_stands(value: str) -> bool:
    return not value.isdigit()  # 9XX-7X-XXXX has the shape; nine bare digits need a label


def _pan_stands(value: str, valid: bool | None) -> bool:
    # The fourth letter is the holder's kind: person, company, trust, firm, ...
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", value))


def _nino_stands(value: str, valid: bool | None) -> bool:
    return value.isupper() or value.replace(" ", "").isupper()


def _fi_stands(value: str, valid: bool | None) -> bool:
    return valid is True and bool(re.search(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]", value.upper()))


def _aadhaar_stands(value: str, valid: bool | None) -> bool:
    # Verhoeff holds, the number is printed as on the card (4-4-4) and starts as UIDAI's do.
    return valid is True and bool(re.fullmatch(r"[2-9]\d{3}([ -])\d{4}\1\d{4}", value))


def _nhs_stands(value: str, valid: bool | None) -> bool:
    # Mod 11 holds and the number is grouped 3-3-4 as the NHS prints it.
    return valid is True and bool(re.fullmatch(r"\d{3}([ -])\d{3}\1\d{4}", value))


def _birth_date_ok(yy: int, mm: int, dd: int, *, pesel: bool) -> bool:
    """A real day of birth; PESEL adds 20, 40, 60 or 80 to the month for other centuries."""
    century = 1900
    if pesel:
        century, mm = {0: 1900, 2: 2000, 4: 2100, 6: 2200, 8: 1800}.get(mm // 20 * 2, 0), mm % 20
        if not century:
            return False
    try:
        date(century + yy, mm, dd)
    except ValueError:
        return False
    return True


def _pesel_stands(value: str, valid: bool | None) -> bool:
    # Its check digit and the date of birth it begins with both hold.
    d = value
    return valid is True and _birth_date_ok(int(d[:2]), int(d[2:4]), int(d[4:6]), pesel=True)


def _se_stands(value: str, valid: bool | None) -> bool:
    # Luhn holds, the date is real (a samordningsnummer adds 60 to the day) and the number is
    # printed as Skatteverket prints it: a sign before the last four, or the century in front.
    m = re.fullmatch(r"(19|20)?(\d\d)(\d\d)(\d\d)([-+]?)\d{4}", value)
    if valid is not True or m is None or not (m.group(1) or m.group(5)):
        return False
    dd = int(m.group(4))
    return _birth_date_ok(int(m.group(2)), int(m.group(3)), dd - 60 if dd > 60 else dd, pesel=False)


def _kr_stands(value: str, valid: bool | None) -> bool:
    # Presidio leaves region digits over 95 undecided, yet writers of any sample draw them; a
    # bare run of thirteen digits stands on its date and check digit unless Luhn claims it too
    # (a South African id or a card is as likely).
    return valid is not False and kr_rrn_ok(value) and ("-" in value or not _luhn13(value))


def _luhn13(value: str) -> bool:
    return luhn_ok(re.sub(r"\D", "", value))


# CPF as printed ("529.982.247-25") or bare; NIR with or without its spaces, Corsica's 2A/2B
# in the department; BSN bare or grouped as 1234.56.782 or 123 456 782.
_CPF = r"(?<![\d.-])\d{3}([. ]?)\d{3}\1\d{3}[-. /]?\d{2}(?![\d-]|\.\d)"
_NIR = (
    r"(?<![\w.-])[1-478]( ?)\d{2}\1(?:0[1-9]|1[0-2]|[2-9]\d)\1(?:\d{2}|2[ABab])\1\d{3}\1\d{3}"
    r"\1\d{2}(?![\w-]|\.\d)"
)
_BSN = (
    r"(?<![\d.-])(?:\d{9}|\d{4}([. ])\d{2}\1\d{3}|\d{3}([ .-])\d{3}\2\d{3})"
    r"(?![\d-]|\.\d)"
)


def _not_a_reference(text: str, start: int, end: int) -> bool:
    """Stands alone and is not led by a reference label: "order 12345678909" is an order."""
    return _standalone(text, start, end) and not referenced(context_view(text), start)


def _cpf_stands(value: str) -> bool:
    # Two check digits: a number passes them by chance once in a hundred, and a phone number
    # read as a CPF is still masked.
    return len(set(_GROUP_SEPARATORS.sub("", value))) > 1


_IBAN = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?"
    r"(?![A-Za-z0-9])"
)
_IBAN_SEPARATOR = re.compile(r"[ -]")


def _iban_finder(text: str, windows: Windows) -> Iterator[Found]:
    for m in _in_windows(_IBAN, text, windows):
        value = m.group()
        # The whole match, then without its last group, and so on: the next word may have
        # been read as a group ("ES43 ... 8948 STATUS").
        cuts = [len(value), *[sep.start() for sep in _IBAN_SEPARATOR.finditer(value)][::-1]]
        for cut in cuts:
            if iban_ok(_IBAN_SEPARATOR.sub("", value[:cut])):
                yield m.start(), m.start() + cut, True
                break


# --- identity documents and ages (issue #13): shapes from the issuers' public specifications

_PASSPORT_WORDS = (
    "passport", "passport no", "passport number", "passport #", "travel document", "pp no",
    "passeport", "pasaporte", "passaporto", "passaporte", "paspoort", "paszport", "pass nr",
    "pasbort", "rhif pasbort", "passi", "pasaport", "cestovní pas",
)  # fmt: skip
# Labels of an identity document that do not say which: under one, a value of a document's
# letters-and-digits shape is that document ("ID=FJV1921108", "kyc_doc: C91809385").
_ANY_DOCUMENT_WORDS = (
    "id", "id no", "id number", "id doc", "doc", "document", "document no", "kyc", "kyc doc",
    "kyc_doc", "national id", "nationalid", "national_id", "identity", "identification",
    "id card", "identity document", "proof of id", "photo id",
)  # fmt: skip
_UK_PASSPORT_WORDS = (
    "uk passport", "british passport", "hm passport", "hmpo", "his majesty's passport",
    "her majesty's passport", "gb passport", "united kingdom passport", "uk pp", "pasbort",
    "rhif pasbort",
)  # fmt: skip
_LICENCE_WORDS = (
    "driving licence", "driving license", "driver's licence", "driver's license",
    "drivers licence", "drivers license", "driver licence", "driver license", "licence number",
    "license number", "licence no", "licence", "license", "dl", "dvla", "dln",
)  # fmt: skip
# A number under a document's own label outranks the generic labelled US passport and licence
# rules (0.91), which read any letters and digits after "passport" or "licence".
_DOCUMENT_SCORE = 0.92
_ANY_DOCUMENT_SCORE = 0.8  # under "ID", "doc", "kyc": a document, its type a guess
_DE_CARD_LETTERS = "CFGHJKLMNPRTVWXYZ"  # no vowels or look-alikes in a German serial number
_DE_ID_CARD_FIRST = "LMNPRTVWXYZ"  # identity cards issued since November 2010
_DE_PASSPORT_FIRST = "CFGHJK"  # passports


def _de_document(first: str) -> str:
    """A German document number (PAuswV, PassV: ICAO 9303): a letter of `first`, eight of the
    card alphabet or digits, the check digit of the machine-readable zone maybe after them.
    Read both ways: nine characters, the last the check digit ("L01X00T44"), or nine and the
    check digit ("L01X00T471"). A number with no digit in it is a word, not a serial."""
    return (
        rf"(?<![\w-])(?=[{_DE_CARD_LETTERS}]*\d)[{first}][{_DE_CARD_LETTERS}0-9]{{8}}\d?(?![\w-])"
    )


def _own_shape(value: str) -> bool:
    """Not one or two letters and then digits, nor three and six digits, as other countries'
    passport numbers are ("C12345678", "CF7302010", Spain's "JKZ647238"): letters among the
    digits ("L01X00T47") or most of it letters."""
    return re.fullmatch(r"[A-Z]{1,2}\d+|[A-Z]{3}\d{6}", value) is None


def _de_document_finder(first: str, *, own_shape: bool = False) -> Finder:
    """Numbers whose first letter is in `first`; one stands alone when its check digit holds
    and it has the German shape. `own_shape`: only those, which an English label ("passport",
    "document number") may then name as German."""
    compiled = re.compile(_de_document(first))

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            value = m.group()
            if own_shape and not _own_shape(value):
                continue
            yield m.start(), m.end(), _own_shape(value) and icao_ok(value)

    return find


# What makes a text British: a passport office, a country, a nation, a city, a dialling code,
# a currency. Nine digits under "passport" in such a text are a British passport number.
_BRITISH = re.compile(
    r"(?i)\b(?:uk|u\.k\.|gb|gbr|britain|british|united kingdom|england|english|scotland|scottish|"
    r"wales|welsh|northern ireland|london|manchester|birmingham|glasgow|edinburgh|cardiff|"
    r"belfast|leeds|liverpool|bristol|hmpo|dvla|hmrc|nhs|national insurance|postcode)\b"
    r"|\+44|£"
)


_NINE_DIGITS = re.compile(r"(?<![\w-])\d{9}(?![\w-])")


def _uk_passport_digits(text: str, windows: Windows) -> Iterator[Found]:
    if _BRITISH.search(text) is None:
        return
    for m in _in_windows(_NINE_DIGITS, text, windows):
        yield m.start(), m.end(), False


_MAC_WORDS = (
    "mac", "mac address", "macaddr", "mac_addr", "hwaddr", "hw addr", "hardware address",
    "physical address", "ethernet", "ether", "lladdr", "bssid", "chaddr", "client id",
    "station", "wifi mac", "wlan mac", "eth0", "wlan0", "burned-in address", "bia",
)  # fmt: skip


def _sg_uen_finder() -> Finder:
    # ACRA's three layouts: business (8 digits + letter), local company (year + 5 digits +
    # letter) and the others (T/S/R, year, entity type, 4 digits, letter).
    uen = presidio.SgUenRecognizer()
    compiled = re.compile(
        r"(?<![\w-])(?:\d{8}[A-Z]|(?:19|20)\d{7}[A-Z]|[TSR]\d{2}[A-Z]{2}\d{4}[A-Z])(?![\w-])"
    )

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            value = m.group()
            # ACRA does not publish its check letter: the layout under a label is enough,
            # and a ten-character number whose letter Presidio's reading accepts stands.
            yield m.start(), m.end(), len(value) == 10 and bool(uen.validate_result(value))

    return find


def _dvla_finder() -> Finder:
    # Surname (5, padded with 9), decade, month (+50 for a woman), day, year, two initials
    # (padded with 9), a digit and two check letters: the date must be a real day.
    compiled = re.compile(
        r"(?<![\w-])[A-Z9]{5}\d(?:[05][1-9]|[16][0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}"
        r"(?![\w-])"
    )

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            value = m.group()
            if dvla_date_ok(value) and not value[:5].isdigit():
                yield m.start(), m.end(), True

    return find


# Ages: a number of years right after its word ("aged 79", "Alter: 79", "edad 79", "idade 79")
# or right before a word that only an age takes ("79 years old", "a 79-year-old", "79ème",
# "79-jährig", "79 ans" after "a"); the number alone is the span.
_AGE_BEFORE = (
    "aged", "age", "ages", "alter", "âge", "edad", "idade", "età", "eta", "leeftijd", "ålder",
    "alder", "wiek", "věk", "vek", "életkor", "vârsta", "vârstă", "възраст", "ηλικία",
    "starost", "вік", "ikä", "vanus", "vecums", "amžius", "yaş", "나이", "อายุ", "lebensalter",
    "âgé", "âgée", "agé", "agée", "wieku", "возраст", "возрасте", "umur", "usia", "berusia", "lat",
    "turning", "turned", "turns", "cumple", "cumplió", "compie", "wird", "wurde",
    "उम्र", "आयु", "edat", "年齢", "年龄", "만", "yaşı", "leeftijd van", "aged about", "age approx",
    "berumur", "vo veku", "ve věku", "w wieku", "u dobi od", "patient_age", "pt_age",
    "client_age", "donor_age", "subject_age", "member_age", "applicant_age", "age_years",
    "patientage", "age_at_death", "age at death", "віком", "у віці",
    *load_words("age_words_before.txt"),
)  # fmt: skip
_AGE_AFTER = (
    "years old", "year old", "years of age", "year-old", "years-old", "yrs old", "yr old", "yo",
    "y/o", "jährig", "jährige", "jähriger", "jährigen", "jähriges", "jahre alt", "jaar oud",
    "år gammal", "vuotias", "aastane", "éves", "ετών", "χρονών", "세", "살", "yaşında", "letý",
    "letni", "річний", "річна", "річного", "år gammel", "years of age", "años de edad",
    "anos de idade", "anni di età", "let starý", "let stará", "y.o.", "yrs-old", "yr-old",
    "jarige", "jarig", "årig", "åring", "årige", "enne", "tuổi", "वर्षीय", "साल",
    "aastat vana", "oed", "mlwydd oed", "urteko", "urte zituen", "ročný", "ročná", "ročné",
    "letá", "godišnji", "godišnja", "godišnjak", "godišnjakinja", "yaşındaki", "évesen",
    "vuotiaana", "tahun umurnya", "sena", "gadus vecs", "gadus veca", "gadu vecumā", "ára",
    "ára gamall", "ára gömul", "metų amžiaus", "років", "години",
    *load_words("age_words_after.txt"),
)  # fmt: skip
# Years after a number are often a duration ("5 ans de garantie"); after "has", "is" in the
# language they are an age ("il a 79 ans", "tiene 79 años", "heeft 79 jaar", "ha 79 anni").
_AGE_VERB = (
    "a", "ha", "has", "have", "tiene", "tengo", "tem", "tenho", "heeft", "is", "ist", "bin", "är",
    "ma", "mam", "má", "mám", "are", "am", "има", "έχει", "ima", "має", "er", "on", "ont",
    "avait", "tenía", "tinha", "aveva", "was", "had", "und", "té", "tenia", "ему", "ей",
    "исполнилось", "com", "star", "stara", "berumur", "на", "عنده", "عندها", "عندو",
)  # fmt: skip
# "Of" and its years after a person are an age ("una donna di 79 anni", "een vrouw van 79
# jaar"); after anything else a duration ("Garantie de 5 ans").
_AGE_PERSONS = (
    "femme", "homme", "dame", "patient", "patiente", "retraité", "retraitée", "enfant",
    "garçon", "fille", "mujer", "hombre", "señora", "señor", "paciente", "niño", "niña",
    "anciano", "anciana", "chica", "chico", "donna", "uomo", "signora", "signore", "paziente",
    "ragazzo", "ragazza", "bambino", "bambina", "pensionato", "pensionata", "mulher", "homem",
    "senhora", "senhor", "menino", "menina", "idoso", "idosa", "vrouw", "man", "meisje",
    "jongen", "patiënt", "frau", "mann", "patientin", "mädchen", "junge", "rentner",
    "rentnerin", "kobieta", "mężczyzna", "pacjent", "pacjentka", "dona", "home", "noi", "noia",
)  # fmt: skip
_AGE_YEARS = (
    "ans", "años", "anos", "anni", "jaar", "jahre", "år", "lat", "let", "ani", "години",
    "godina", "років", "gadi", "metų", "ปี", "anys", "лет", "года", "год", "jahren", "tahun",
    "vuotta", "aastat", "urte", "rokov", "roky", "godine", "yıl", "év", "oed", "سنة", "سال",
)  # fmt: skip
# Armenian abbreviates its years to "տ." after a name ("Արմեն Պետրոսյան, 24 տ.,").
_AGE_SET_OFF = (
    *_AGE_YEARS, "years", "yrs", "y", "ans", "Jahre", "v", "роки", "рік", "χρονών", "տ",
)  # fmt: skip
# Chinese, Japanese and Korean write the age glued to its word and to what follows ("79歳の").
_AGE_GLUED = ("歳", "岁", "歲", "才", "세", "살", "周岁", "週歲", "周歲", "足歲")


def _words(words: Collection[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", "[ -]") for w in sorted(words, key=len)[::-1])


_AGE = re.compile(
    rf"(?i)(?<!\w)(?<!max-)(?<!min-)(?:{_words(_AGE_BEFORE)})[\"']?"
    r"[ \t]*(?:[:=(：՝-]|of|is|was|van|von|de|di|é|è|ist|est|es)?[ \t]*[\"']?(\d{1,3})(?![\d.,:/]?\d)"
    rf"|(?<![\w.,-])(\d{{1,3}})[ -]?(?:{_words(_AGE_AFTER)})(?!\w)"
    # ... not "il y a 5 ans" nor "5 jaar geleden": years ago are a time, not an age
    rf"|(?<!\w)(?<!y )(?:{_words(_AGE_VERB)})[ \t]+(\d{{1,3}})[ \t]+(?:{_words(_AGE_YEARS)})"
    r"(?!\w|[ \t]+(?:geleden|fa|sedan|siden|temu|nazad|назад|tagasi|sitten|önce)\b)"
    r"|(?<![\w.,-])(\d{1,3}(?:st|nd|rd|th))[ -]birthday(?!\w)"  # the ordinal is one word
    rf"|(?<![\d.,-])(\d{{1,3}}) ?(?:{_words(_AGE_GLUED)})"
    rf"|(?<!\w)(?:{_words(_AGE_PERSONS)})[ \t]+(?:de|di|da|van|von|z|of)[ \t]+(\d{{1,3}})"
    rf"[ \t]+(?:{_words(_AGE_YEARS)})(?!\w)"
    # After a name, set off by a comma or a bracket: "Félix Gauthier, 77 ans", "(57 Jahre)",
    # "Иван Петров, 36 лет", "Aino Virtanen (78 v.)".
    # A name in a caseless script counts as well ("عمرو سليمان، ٤٩ سنة", "زهرا کریمی, ۲۱ سال"),
    # and so does a bracket closing after a name ("Ingrid Johansson (Viktor Johansson), 63 år").
    rf"|(?:(?<![\w'’-])(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐΑ-Ω])[^\W\d_]+\)?"
    r"|(?<![\w'’-])[\u0620-\u064a\u067e-\u06cc\u0531-\u0587]{2,})(?:[,،][ \t]?|[ \t]\()"
    r"(?:(?:de|di|van|von|yn)[ \t])?"
    rf"(\d{{1,3}})[ \t]?"
    rf"(?:{_words(_AGE_SET_OFF)})(?=[ \t]*[,.;)،])"
)
# Implied by every age match: one of its words, searched near the numbers before the pattern.
_AGE_TRIGGER = _context(
    [
        *_AGE_BEFORE,
        *(w.split()[0] for w in _AGE_AFTER),
        *_AGE_SET_OFF,
        "birthday",
        "year",
        *_AGE_PERSONS,
    ]
)
_AGE_TRIGGER_ANY = f"{_AGE_TRIGGER.pattern}|{'|'.join(_AGE_GLUED)}"


def _age_finder(text: str, windows: Windows) -> Iterator[Found]:
    for m in _in_windows(_AGE, text, windows):
        group = next(g for g in range(1, 8) if m.group(g) is not None)
        if int(m.group(group).rstrip("stndrh")) <= 130:
            yield m.start(group), m.end(group), True


def _never(value: str) -> bool:
    return False


def _no_veto(text: str, start: int, end: int) -> bool:
    return True


def _document_entries(add: Callable[..., None]) -> None:
    """German, Indian, Italian, Korean, British and Singaporean documents, and ages."""
    de_card_words = [
        "personalausweis", "ausweis", "personalausweisnummer", "ausweisnummer", "ausweis-nr",
        "ausweisnr", "perso", "npa", "id-karte", "seriennummer", "dokumentennummer",
        "ausweisdokument", "personalausweis-nr", "perso-nr", "bundespersonalausweis",
        "german id", "german identity card",
    ]  # fmt: skip
    id_card_words = [
        "id card", "identity card", "carte d'identité", "identification card", "id card number",
        "national id", "id-nr", "id no", "id number", "identity document", "id document",
        "document number", "document no", "doc no", "national identity card",
    ]  # fmt: skip
    add(
        "de_id_card",
        "DE_ID_CARD",
        rf"[{_DE_ID_CARD_FIRST}][{_DE_CARD_LETTERS}0-9]{{8}}",
        _de_document_finder(_DE_ID_CARD_FIRST),
        de_card_words,
        run=1,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "de_id_card_english",  # under an English label only in the German shape
        "DE_ID_CARD",
        rf"[{_DE_ID_CARD_FIRST}][{_DE_CARD_LETTERS}0-9]{{8}}",
        _de_document_finder(_DE_ID_CARD_FIRST, own_shape=True),
        id_card_words,
        run=1,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "de_id_card_before_2010",  # T and eight digits, as printed: no check digit to read
        "DE_ID_CARD",
        r"\d(?<=T\d)\d{7}",
        _regex_finder(r"(?<![\w-])T\d{8}(?![\w-])", stands=lambda v: False),
        [*de_card_words, *id_card_words],
        run=8,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "de_id_card_old",  # before November 2010: authority code, serial and check digit
        "DE_ID_CARD",
        r"\d{10}",
        _checked(r"(?<![\w-])\d{10}(?![\w-])", icao_ok, stands=lambda v: False),
        [*de_card_words, *id_card_words],
        run=10,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "de_passport",
        "DE_PASSPORT",
        rf"[{_DE_PASSPORT_FIRST}][{_DE_CARD_LETTERS}0-9]{{8}}",
        _de_document_finder(_DE_PASSPORT_FIRST),
        ["reisepass", "reisepassnummer", "passnummer", "pass-nr", "pass nr", "german passport",
         "deutscher pass", "deutscher reisepass", "dokumentennummer", "reisepass-nr"],
        run=1,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )  # fmt: skip
    add(
        "de_passport_english",  # under "passport" only in the German shape
        "DE_PASSPORT",
        rf"[{_DE_PASSPORT_FIRST}][{_DE_CARD_LETTERS}0-9]{{8}}",
        _de_document_finder(_DE_PASSPORT_FIRST, own_shape=True),
        [*_PASSPORT_WORDS, "document number", "travel document number"],
        run=1,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "in_passport",
        "IN_PASSPORT",
        r"\d(?<=[A-Za-z]\d)(?:\d{6}|\d ?\d{5})",
        # A letter and seven digits (MEA); no check digit, so only under a passport label.
        _regex_finder(r"(?<![\w-])[A-PR-WYZ]\d{2} ?\d{5}(?![\w-])", stands=lambda v: False),
        [*_PASSPORT_WORDS, "indian passport", "पासपोर्ट", "passport file"],
        run=7,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "uk_passport_letters",
        "UK_PASSPORT",
        r"\d(?<=[A-Za-z]{2}\d)\d{6}",
        _regex_finder(r"(?<![\w-])[A-Z]{2}\d{7}(?![\w-])", stands=lambda v: False),
        [*_PASSPORT_WORDS, *_UK_PASSPORT_WORDS],
        run=7,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "uk_passport_digits",
        "UK_PASSPORT",
        r"\d{9}",
        _regex_finder(r"(?<![\w-])\d{9}(?![\w-])", stands=lambda v: False),
        _UK_PASSPORT_WORDS,  # nine digits are a US passport too: a British label says
        run=9,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "uk_passport_british_text",
        "UK_PASSPORT",
        r"\d{9}",
        _uk_passport_digits,  # ... or any passport label in a text that is British
        _PASSPORT_WORDS,
        run=9,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )
    add(
        "uk_driving_licence",
        "UK_DRIVING_LICENCE",
        r"\d(?<=[A-Za-z9]{5}\d)\d{5}",
        _dvla_finder(),
        _LICENCE_WORDS,
        run=6,
        mixed=True,
    )
    add(
        "it_driver_license",
        "IT_DRIVER_LICENSE",
        r"\d(?<=[A-Za-z]{2}\d)\d{6}|(?i:U1)",
        _regex_finder(
            r"(?<![\w-])(?:U1[A-Z0-9]{7}[A-Z]|[A-Z]{2}\d{7}[A-Z])(?![\w-])",
            stands=lambda v: v.startswith("U1") and _digit_count(v) >= 4,
        ),
        [*_LICENCE_WORDS, "patente", "patente di guida", "n. patente", "numero patente",
         "licenza di guida", "italian driving licence", "italian licence"],
        run=1,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )  # fmt: skip
    add(
        "kr_frn",
        "KR_FRN",
        r"\d{6}[- ]?[5-8]\d{6}",
        _checked(
            r"(?<![\d-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])([- ]?)[5-8]\d{6}(?![\d-])",
            kr_frn_ok,
            stands=lambda v: "-" in v or not _luhn13(v),
        ),
        ["외국인등록번호", "외국인 등록번호", "외국인번호", "frn", "foreigner registration",
         "foreign registration", "alien registration", "arc", "registration number",
         "korean frn", "foreign resident number", "foreign resident"],
        run=13,
        context_score=_DOCUMENT_SCORE,
    )  # fmt: skip
    add(
        "sg_uen",
        "SG_UEN",
        r"\d(?:\d{7,8}[A-Z]|(?<=[RST]\d)\d[A-Z]{2}\d{4})",
        _sg_uen_finder(),
        ["uen", "unique entity number", "acra", "business registration", "company registration",
         "registration no", "registration number", "entity number", "reg no", "co. reg",
         "uen no", "uen number", "company no", "business reg", "bizfile", "entity uen",
         "entityuen", "unique entity no", "unique entity"],
        run=2,
        mixed=True,
        checked=False,
    )  # fmt: skip
    add("age", "AGE", _AGE_TRIGGER_ANY, _age_finder, run=1, post=_no_veto)
    add("keyed_age", "AGE", r"(?i)age", keyed_ages, run=1, post=_no_veto)


def _entries() -> tuple[IdentifierRecognizer, ...]:
    p = presidio
    entries: list[IdentifierRecognizer] = []

    def add(
        name: str,
        entity: str,
        prefilter: str,
        find: Finder,
        context: Collection[str] = (),
        *,
        run: int,
        mixed: bool = False,
        flags: int = 0,
        checked: bool = True,
        post: Callable[[str, int, int], bool] = _standalone,
        context_score: float = _CONTEXT_SCORE,
    ) -> None:
        if mixed and context:
            # Under a label that does not say which document, the shape says; below every
            # document's own label, which says better.
            entries.append(
                IdentifierRecognizer(
                    f"{name}_any_document",
                    entity,
                    _pre(prefilter, flags),
                    find,
                    _context(_ANY_DOCUMENT_WORDS),
                    post=post,
                    min_run=run,
                    mixed=mixed,
                    checked=False,
                    context_score=_ANY_DOCUMENT_SCORE,
                )
            )
        entries.append(
            IdentifierRecognizer(
                name,
                entity,
                _pre(prefilter, flags),
                find,
                _context(context) if context else None,
                post=post,
                min_run=run,
                mixed=mixed,
                checked=checked,
                context_score=context_score,
            )
        )

    def from_presidio(
        entity: str,
        cls: Any,
        prefilter: str,
        extra_context: Collection[str] = (),
        *,
        run: int,
        mixed: bool = False,
        flags: int = 0,
        stands: Callable[[str, bool | None], bool] = _checksum_and_shape,
        grouped: Collection[str] = (),
        prefix: str = "",
        shape: str | None = None,
        context_score: float = _CONTEXT_SCORE,
        undecided_ok: bool = False,
    ) -> None:
        recognizer = cls()
        add(
            f"presidio_{entity.lower()}",
            entity,
            prefilter,
            _presidio(
                recognizer,
                stands=stands,
                grouped=grouped,
                prefix=prefix,
                undecided_ok=undecided_ok,
            ),
            [*recognizer.context, *extra_context],
            run=run,
            mixed=mixed,
            flags=flags,
            checked=type(recognizer).validate_result is not PatternRecognizer.validate_result,
            post=_shaped(shape) if shape else _standalone,
            context_score=context_score,
        )

    i = re.IGNORECASE
    # --- United States (own: ITIN ranges, DEA checksum)
    add(
        "us_itin",
        "US_ITIN",
        r"9\d\d[- ]?[5-9]\d",
        _regex_finder(_ITIN, stands=_itin_stands),
        [
            "itin",
            "taxpayer",
            "tax id",
            "tax identification",
            "tin",
            "w-7",
            "irs",
            "tax number",
            "individual taxpayer",
            "itin no",
            "itin number",
        ],
        run=9,
        checked=False,
    )
    add(
        "dea_number",
        "MEDICAL_LICENSE",
        r"\d(?<=[A-Za-z][A-Za-z9]\d)\d{6}",
        _validated(r"(?<![\w-])[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}(?![\w-])", dea_ok),
        run=7,
        mixed=True,
    )
    from_presidio(
        "US_NPI",
        p.UsNpiRecognizer,
        _digits(10),
        ["npi", "npi#", "prescriber", "rendering", "billing provider", "attending", "referring",
         "nppes", "type 1 npi", "individual npi", "organizational npi"],
        run=10,
        grouped=[_grouped(10, first="[12]")],
    )  # fmt: skip
    from_presidio(
        "ABA_ROUTING_NUMBER", p.AbaRoutingRecognizer, _digits(9),
        ["rtn", "routing transit", "routing transit number", "aba", "aba number", "routing no"],
        stands=lambda v, ok: False, run=9,
    )  # fmt: skip
    mbi_letter = f"[{p.UsMbiRecognizer.VALID_LETTERS}]"
    mbi_either = f"[{p.UsMbiRecognizer.VALID_ALPHANUMERIC}]"
    from_presidio(
        "US_MBI",
        p.UsMbiRecognizer,
        r"\d[A-Za-z][A-Za-z\d]\d",
        [
            "medicare number",
            "medicare id",
            "mbi#",
            "medicare beneficiary",
            "red white and blue",
            "medicare card",
        ],
        flags=i,
        run=1,
        mixed=True,
        # CMS's eleven positions (digit, letter, either, digit, letter, either, digit, two
        # letters, two digits, no S L O I B Z) in capitals are no word or count: they stand.
        stands=lambda v, ok: v.isupper(),
        grouped=[
            rf"(?<![\w-])[1-9]{mbi_letter}{mbi_either}\d([ -]?){mbi_letter}{mbi_either}\d\1"
            rf"{mbi_letter}{{2}}\d{{2}}(?![\w-])"
        ],
    )
    # --- United Kingdom
    from_presidio(
        "UK_NHS",
        p.NhsRecognizer,
        _digits(10),
        ["nhs no", "nhs number", "nhsnumber", "nhs_no", "rhif gig", "gig"],
        stands=_nhs_stands,
        run=10,
    )
    from_presidio(
        "UK_NINO",
        p.UkNinoRecognizer,
        r"\d(?:(?<=[A-Za-z]{2}\d)|(?<=[A-Za-z]{2} \d))\d ?\d{2} ?\d{2} ?[A-Da-d]",
        ["ni no", "nin", "insurance number"],
        stands=_nino_stands,
        run=6,
    )
    # --- Spain
    # DNI/NIF and NIE as printed: "12.345.678-Z", "X-1234567-L", "y 1234567 x", lower case too.
    from_presidio(
        "ES_NIF",
        p.EsNifRecognizer,
        r"\d{8}[- ]?[A-Za-z]|\d\.\d{3}\.\d{3}",
        ["nif", "dni", "d.n.i", "n.i.f", "id", "documento nacional", "identidad"],
        run=8,
        grouped=[r"(?<![\w.-])\d{1,2}\.?\d{3}\.?\d{3}[ -]?[A-Za-z](?![\w-])"],
    )
    from_presidio(
        "ES_NIE",
        p.EsNieRecognizer,
        r"[XYZxyz][- ]?\d{7}",
        [
            "nie",
            "n.i.e",
            "tie",
            "extranjero",
            "extranjería",
            "foreigner",
            "residencia",
            "residence",
        ],
        run=7,
        grouped=[r"(?<![\w-])[XYZxyz][ -]?\d{7}[ -]?[A-Za-z](?![\w-])"],
    )
    from_presidio(
        "ES_PASSPORT", p.EsPassportRecognizer, r"\d(?<=[A-Za-z]{3}\d)\d{5}", run=6, mixed=True
    )
    # Two or three letters and six digits under a Spanish label: above the generic labelled
    # passport rule, which would call it a US one.
    add(
        "es_passport_labelled",
        "ES_PASSPORT",
        r"\d(?<=[A-Za-z]{2}\d)\d{5}",
        _regex_finder(r"(?<![\w-])[A-Z]{2,3}\d{6}(?![\w-])", stands=_never),
        ["pasaporte", "spanish passport", "pasaporte español", "pasaporte espanol",
         "es passport", "passport (es)", "pasaporte no", "num pasaporte"],
        run=6,
        mixed=True,
        checked=False,
        context_score=_DOCUMENT_SCORE,
    )  # fmt: skip
    # --- Italy
    from_presidio(
        "IT_FISCAL_CODE",
        p.ItFiscalCodeRecognizer,
        r"[A-Za-z]{6}[\dA-Za-z]{2}[A-Za-z][\dA-Za-z]{2}[A-Za-z]",
        ["codice fiscale", "fiscal code", "tax code", "c.f."],
        run=1,
        mixed=True,
    )
    from_presidio(
        "IT_VAT_CODE",
        p.ItVatCodeRecognizer,
        _digits(11),
        ["p.iva", "vat", "partita iva", "vat it", "vat no", "vat number", "piva"],
        run=11,
        grouped=[r"(?<![\w-])(?:IT|it)[ ]?\d{11}(?![\w-])"],  # with its country prefix
        prefix="IT",
    )
    from_presidio(
        "IT_IDENTITY_CARD",
        p.ItIdentityCardRecognizer,
        r"\d(?:(?<=[A-Za-z]{2}\d)\d{4}|(?<=[A-Za-z]{2} \d)\d{6}|(?<=C[A-Z]\d))|\d{7}[A-Za-z]{2}",
        [
            "carta d'identità",
            "carta di identità",
            "carta identità",
            "numero carta",
            "c.i.",
            "documento d'identità",
            "documento di identità",
            "n. documento",
            "identity card",
            "id card",
            "carta d'identita",
            "cie n",
            "numero cie",
        ],
        run=5,  # "AA 1234567": no letter touches a digit
        # Under its label above a DEA number's checksum, which two letters and seven digits
        # pass one time in ten.
        context_score=_DOCUMENT_SCORE,
    )
    # --- India
    from_presidio(
        "IN_AADHAAR",
        p.InAadhaarRecognizer,
        _digits(12),
        [
            "aadhar",
            "uid",
            "aadhaar no",
            "aadhaar number",
            "aadhaar card",
            "आधार",
            "ஆதார்",
            "uid no",
            "uid number",
            "enrolment",
            "e-aadhaar",
            "masked aadhaar",
            "vid",
        ],
        stands=_aadhaar_stands,
        run=12,
    )
    from_presidio(
        "IN_PAN",
        p.InPanRecognizer,
        r"\d(?<=[A-Za-z]{5}\d)\d{3}[A-Za-z]",
        ["pan no"],
        stands=_pan_stands,
        run=4,
        mixed=True,
        # Presidio's weak PAN pattern is any ten characters ("Onboarding", "2026-03-02").
        shape=r"[A-Za-z]{5}\d{4}[A-Za-z]",
    )
    from_presidio(
        "IN_VOTER",
        p.InVoterRecognizer,
        r"\d(?<=[A-Za-z]{3}\d)\d{6}",
        [
            "voter id",
            "epic no",
            "epic",
            "voter card",
            "elector",
            "electoral",
            "voter",
            "मतदाता पहचान पत्र",
            "मतदाता",
            "वोटर आईडी",
            "निर्वाचक",
            "फोटो पहचान पत्र",
        ],
        run=7,
        mixed=True,
        context_score=_DOCUMENT_SCORE,
    )
    from_presidio("IN_GSTIN", p.InGstinRecognizer, r"\d{2}[A-Za-z]{5}\d{4}", run=2, mixed=True)
    # --- Poland, Singapore, Australia, Finland, Korea, Canada, Sweden
    from_presidio(
        "PL_PESEL", p.PlPeselRecognizer, r"\d{11}", ["pesel nr"], stands=_pesel_stands, run=11
    )
    add(
        "sg_nric_fin",
        "SG_NRIC_FIN",
        r"[STFGMstfgm]\d{7}[A-Za-z]",
        _validated(r"(?<![\w-])[STFGM]\d{7}[A-Z](?![\w-])", nric_ok),
        run=7,
        mixed=True,
    )
    from_presidio(
        "AU_TFN", p.AuTfnRecognizer, _digits(9), ["tax file", "ato"], run=9, grouped=[_grouped(9)]
    )
    from_presidio(
        "AU_ABN",
        p.AuAbnRecognizer,
        _digits(11),
        ["business number", "a.b.n"],
        run=11,
        grouped=[_grouped(11)],
    )
    from_presidio(
        "AU_ACN",
        p.AuAcnRecognizer,
        _digits(9),
        ["company number", "a.c.n"],
        run=9,
        grouped=[_grouped(9)],
    )
    # The card number, its check digit, and the holder's position on the card after it
    # ("2123 45670 1 1", "2123456701/1").
    from_presidio(
        "AU_MEDICARE",
        p.AuMedicareRecognizer,
        _digits(10),
        ["medicare card", "medicare", "irn"],
        run=10,
        grouped=[
            r"(?<![\w./-])(?<!\d )[2-6]\d{3}([ -]?)\d{5}\1\d(?:(?:\1|/)[1-9])?"
            r"(?![\w-]|[ ./]\d)"
        ],
    )
    from_presidio(
        "FI_PERSONAL_IDENTITY_CODE",
        p.FiPersonalIdentityCodeRecognizer,
        r"\d{6}[-+A-Fa-fU-Yu-y]\d{3}",
        ["henkilotunnus", "identity code", "personal id"],
        stands=_fi_stands,
        run=6,
    )
    from_presidio(
        "KR_RRN", p.KrRrnRecognizer, r"\d{6}[- ]?\d{7}",
        ["주민등록번호", "주민번호", "주민등록 번호", "resident registration", "rrn"],
        stands=_kr_stands, run=13, grouped=[r"(?<![\d-])\d{6} \d{7}(?![\d-])"],
        undecided_ok=True)  # fmt: skip  # numbers issued from October 2020 carry no checksum
    from_presidio("CA_SIN", p.CaSinRecognizer, _digits(9), ["sin no", "nas"], run=9)
    from_presidio(
        "SE_PERSONNUMMER",
        p.SePersonnummerRecognizer,
        r"\d{6}[-+]?\d{4}",
        ["personnummer", "personnr", "person nr", "samordningsnummer", "personal identity number",
         "swedish personal number", "personal number"],
        stands=_se_stands,
        run=6,  # "811218+9876": the century sign splits the run
    )  # fmt: skip
    # --- Germany, Turkey, Thailand, South Africa, Nigeria
    from_presidio(
        "DE_TAX_ID",
        p.DeTaxIdRecognizer,
        _digits(11),
        ["steuer-idnr", "idnr", "steuer-id", "steuer id", "st-idnr", "identifikationsnummer",
         "tax id", "tax identification", "tin", "taxpayer", "steuer", "bzst", "finanzamt"],
        run=11,
        grouped=[_grouped(11, first="[1-9]")],
    )  # fmt: skip
    from_presidio(
        "DE_SOCIAL_SECURITY",
        p.DeSocialSecurityRecognizer,
        r"\d{2} ?\d{6} ?[A-Za-z] ?\d{2} ?\d",
        ["rv-nummer", "rv-nr", "sv-nr", "versicherungsnr", "sozialversicherung", "rentenversicherung",
         "social security", "pension insurance", "insurance number", "svn"],
        run=6,  # "12 150385 M 12 7": no letter need touch a digit
        # Area, date of birth, initial, serial and check digit, grouped as on the card.
        grouped=[r"(?<![\w-])\d{2} \d{6} [A-Z] ?\d{2} ?\d(?![\w-])"],
    )  # fmt: skip
    from_presidio("TR_NATIONAL_ID", p.TrNationalIdRecognizer, r"\d{11}", ["tc kimlik no"], run=11)
    from_presidio(
        "TH_TNIN",
        p.ThTninRecognizer,
        _digits(13),
        # Thai words and "Thai ID" only: "ID number" labels South Africa's 13 digits too.
        ["thai id", "thai national id", "thai citizen id", "บัตรประชาชน", "เลขประจำตัว",
         "เลขที่บัตร", "หมายเลขบัตร"],
        run=13,
        # As the card prints it: 1 2345 67890 12 1, with spaces or hyphens.
        grouped=[r"(?<![\w-])[1-8]([ -]?)\d{4}\1\d{5}\1\d{2}\1\d(?![\w-])"],
    )  # fmt: skip
    from_presidio(
        "ZA_ID_NUMBER",
        p.ZaIdNumberRecognizer,
        _digits(13),
        ["sa id", "id-nommer", "id nommer", "identiteitsnommer", "identity no", "id no",
         "green id", "home affairs", "dha"],
        run=13,
        # Date of birth, sequence, citizenship and the Luhn digit, grouped as people write them.
        grouped=[r"(?<![\w-])\d{6}([ -])\d{4}\1\d{2}\1?\d(?![\w-])",
                 r"(?<![\w-])\d{6}([ -])\d{4}\1\d{3}(?![\w-])"],
    )  # fmt: skip
    add(
        # NIMC issues eleven random digits and publishes no check digit: the label says.
        "ng_nin",
        "NG_NIN",
        _digits(11),
        _regex_finder(_grouped(11), stands=lambda v: False),
        [*p.NgNinRecognizer.CONTEXT, "nin no", "nin number", "nin slip", "national id number",
         "nimc number", "national identification no", "vnin", "virtual nin"],
        run=11,
        checked=False,
    )  # fmt: skip
    # --- Brazil, France, the Netherlands (own checksums)
    add(
        "br_cpf",
        "BR_CPF",
        _digits(11),
        _checked(_CPF, cpf_ok, stands=_cpf_stands),
        [
            "cpf",
            "cadastro de pessoas",
            "cadastro de pessoa",
            "cic",
            "contribuinte",
            "cpf/mf",
            "cpf nº",
            "nº do cpf",
            "número do cpf",
            "inscrito no cpf",
            "portador do cpf",
            "brazilian taxpayer",
            "taxpayer no",
            "taxpayer number",
        ],
        run=11,
        post=_not_a_reference,
    )
    add(
        "fr_nir",
        "FR_NIR",
        r"\d{3} ?\d{3} ?\d{2}",
        # A two-digit key, a sex digit and a month: a 15-digit number passes by chance once
        # in thousands, so a valid one stands.
        _checked(_NIR, nir_ok, stands=lambda v: True),
        ["nir", "insee", "sécurité sociale", "securite sociale", "sécu", "secu", "carte vitale",
         "social security", "n° ss", "numéro ss"],
        run=8,
    )  # fmt: skip
    add(
        "nl_bsn",
        "NL_BSN",
        _digits(9),
        _checked(_BSN, bsn_ok, stands=lambda v: False),  # one nine-digit number in eleven passes
        [
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "sofi-nummer",
            "sofi",
            "citizen service",
            "burger service nummer",
            "burgerservice nummer",
            "bsn-nummer",
            "bsn nr",
            "bsn no",
            "persoonsnummer",
            "fiscaal nummer",
            "sofi nummer",
        ],
        run=9,
    )
    # --- everywhere: IBANs in any case and grouping, cut where the check holds ("iban=ES43...
    # status=ok" is not read on into the next word)
    add(
        "iban_grouped",
        "IBAN_CODE",
        r"\d(?<=[A-Za-z]{2}\d)\d",
        _iban_finder,
        run=2,
        mixed=True,
    )
    # --- everywhere: wallets and device addresses
    add(
        "bech32",
        "CRYPTO",
        r"(?i)1(?:(?<=\b(?:bc|tb)1)|(?<=\bltc1))",
        _validated(
            r"(?<![\w])(?:bc|tb|ltc|BC|TB|LTC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}\b", bech32_ok
        ),
        run=1,
        mixed=True,
    )
    add(
        "ethereum",
        "CRYPTO",
        r"0x[0-9a-fA-F]{40}",
        _validated(r"(?<![\w])0x[0-9a-fA-F]{40}(?![\w])", eip55_ok),
        run=1,
        mixed=True,
    )
    from_presidio(
        "MAC_ADDRESS",
        p.MacAddressRecognizer,
        r"[:-](?<=[0-9A-Fa-f]{2}[:-])[0-9A-Fa-f]{2}[:-]|\.(?<=[0-9A-Fa-f]{4}\.)[0-9A-Fa-f]{4}\.",
        [*_MAC_WORDS],
        # Six pairs stand; Cisco's three dotted quads when they mix hex letters into digits
        # (a version or a date is digits alone).
        stands=lambda v, ok: len(v) >= 17 or any(ch.isalpha() for ch in v),
        run=1,  # "a4:5e:6f:c2:1f:9b": no two digits need touch
    )
    add(
        "mac_bare",  # twelve hex digits with no separators, as switches and DHCP logs print them
        "MAC_ADDRESS",
        r"[0-9A-Fa-f]{12}",
        _regex_finder(r"(?<![\w:.-])[0-9A-Fa-f]{12}(?![\w:.-])", stands=lambda v: False),
        _MAC_WORDS,
        run=1,
        checked=False,
    )
    _document_entries(add)
    return tuple(entries)


REGISTRY: tuple[IdentifierRecognizer, ...] = _entries()
_HAS_DIGIT = re.compile(r"\d")


@cache
def recognizers_for(
    regions: frozenset[str] | None, entities: frozenset[str]
) -> tuple[IdentifierRecognizer, ...]:
    """The entries a tenant needs: its entity types, in its regions (None: every region)."""
    return tuple(
        r
        for r in REGISTRY
        if r.entity_type in entities
        and (regions is None or r.region is None or r.region in regions)
    )


class IdentifierScan:
    """A tenant's entries gated together: one pass over the digit runs per text, then each
    distinct prefilter searched once, and only the entries whose gate holds run their finder.

    Gives exactly what the entries' `candidates` give one by one, in the same order."""

    def __init__(self, recognizers: Collection[IdentifierRecognizer]) -> None:
        self.recognizers = tuple(recognizers)
        keys: dict[tuple[re.Pattern[str], int], int] = {}
        plan: list[tuple[IdentifierRecognizer, int | None]] = []
        for r in self.recognizers:
            # n digits with optional separators is exactly what a run of n digits guarantees.
            implied = r.prefilter.pattern == _digits(r.min_run) and not r.prefilter.flags & ~re.U
            plan.append(
                (r, None if implied else keys.setdefault((r.prefilter, r.min_run), len(keys)))
            )
        self._plan = tuple(plan)

    def candidates(self, text: str) -> list[Candidate]:
        """Every entry's candidates in `text`; a text without a digit costs one scan."""
        if not _HAS_DIGIT.search(text):
            return []
        features = _Features.of(text)
        longest, mixed, length = features.longest_run, features.mixed, len(text)
        gates: dict[int, bool] = {}
        windows_by_run: dict[int, Windows] = {}
        out: list[Candidate] = []
        view = context_view(text)
        for r, key in self._plan:
            if longest < r.min_run or (r.mixed and not mixed):
                continue
            windows = windows_by_run.get(r.min_run)
            if windows is None:
                windows = windows_by_run[r.min_run] = features.windows(r.min_run, length)
            if key is not None:
                held = gates.get(key)
                if held is None:
                    search = r.prefilter.search
                    held = gates[key] = any(search(text, lo, hi) for lo, hi in windows)
                if not held:
                    continue
            out.extend(r._found(text, windows, view))
        return out


def identifier_candidates(
    text: str, recognizers: tuple[IdentifierRecognizer, ...]
) -> list[Candidate]:
    """Every entry's candidates in `text` (`IdentifierScan` once per tenant is faster)."""
    return IdentifierScan(recognizers).candidates(text)


# --- phone numbers in national formats, checked against the tenant's regions

_PHONE_CANDIDATE = (
    r"(?<![\w+.,/-])\(?\d{1,5}\)?(?:/\d{2,4}(?=[ ]\d))?(?:[ .-]?\d{2,8}){1,4}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!(?![\uac00-\ud7a3])\w|-\d|[.,/]\d)"
)
_PHONE_WORDS = load_words("phone_words.txt")
_DATE_LIKE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")


@cache
def _valid_somewhere(digits: str, regions: tuple[str, ...]) -> bool:
    import phonenumbers  # here, not at the top: its metadata loads on first use

    for region in regions:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def phone_recognizer(regions: Collection[str] | None) -> IdentifierRecognizer:
    """National-format phone numbers with a phone word near them, valid (by `phonenumbers`)
    in at least one of `regions` (None: every region in the default locales)."""
    ordered = tuple(sorted(regions or {tag.rpartition("-")[2] for tag in DEFAULT_LOCALES}))
    compiled = re.compile(_PHONE_CANDIDATE)

    words = _context(_PHONE_WORDS)

    def find(text: str, windows: Windows) -> Iterator[Found]:
        for m in _in_windows(compiled, text, windows):
            value = m.group()
            count = _digit_count(re.sub(r"\s?(?:x|ext\.?)\s?\d{1,5}$", "", value))
            if not 6 <= count <= 15 or _DATE_LIKE.fullmatch(value):
                continue
            # The phone word is checked before the (slower) parse, not after it.
            start, end = m.span()
            window = (max(0, start - _CONTEXT_BEFORE), min(len(text), end + _CONTEXT_AFTER))
            if words.search(text, *window) and _valid_somewhere(re.sub(r"\D", "", value), ordered):
                yield start, end, False

    return IdentifierRecognizer(
        "phone_national",
        "PHONE_NUMBER",
        words,  # no phone word anywhere, no national-format phone number
        find,
        words,
        min_run=6,
        context_score=0.72,  # below every labelled identifier, which a phone word also precedes
    )
