"""Dates and times as a grammar: day, month and year in the orders and languages people write
them, ISO and RFC 2822 timestamps, log formats, CJK dates, and weekdays a temporal word leads."""

from __future__ import annotations

import re
from datetime import date

from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._patterns import Candidate
from vault.adapters.detection._regex import trie

__all__ = ["date_candidates"]

# A whole date with its year outranks NER's reading of it ("In May 2021" is no person) and a
# street rule ("05/03/2021 14:05 with Dr" is no drive); checksummed identifiers still win.
_DATED_SCORE = 0.86
_SCORE = 0.66  # a day and month, or a time: above a list name, below NER
_CUED_SCORE = 0.6
_BARE_SCORE = 0.55  # a clock time with nothing to say so: below every other reading of it


# A word character of no script that writes without spaces: Chinese and Japanese glue a figure
# to the words around it ("电话于2024/01/30来电"), so their letters end no date.
_SPACED_WORD = r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]"
# Digits of other scripts read as ASCII ones, one character for one: "۱۲ فروردین ۱۴۰۳".
_ASCII_DIGITS = {
    base + i: ord("0") + i for base in (0x0660, 0x06F0, 0x0966, 0xFF10) for i in range(10)
}


def _alternation(words: frozenset[str]) -> str:
    """The words as one alternation factored by shared prefixes, longest match first, so a
    position that starts no word fails on its first character."""
    return trie(words)


# Month names in every locale language we serve, full forms and the common abbreviations; one
# per line in the data file, with the abbreviations that are also ordinary words marked apart.
_MONTHS_FULL = load_words("months.txt")
_MONTHS_ABBR = load_words("months_abbr.txt")
_MONTHS_AMBIGUOUS = load_words("months_abbr_ambiguous.txt")
_WEEKDAYS = load_words("weekdays.txt")
_WEEKDAYS_ABBR = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)

_MONTH_FULL = rf"(?:{_alternation(_MONTHS_FULL)})"
_MONTH = rf"(?:{_alternation(_MONTHS_FULL | _MONTHS_ABBR)})"
_MONTH_ANY = rf"(?:{_alternation(_MONTHS_FULL | _MONTHS_ABBR | _MONTHS_AMBIGUOUS)})"
_WEEKDAY = rf"(?:{_alternation(_WEEKDAYS)})"
_WEEKDAY_ANY = rf"(?:{_alternation(_WEEKDAYS | _WEEKDAYS_ABBR)})"
# 1st, 2nd, 3rd, 4th, 1er (fr), 1º/1ª (es, pt), 1° (it), 1. (de, fi, pl, nordic).
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|re|e|º|ª|°|\.)?"
# And the Thai Buddhist era, and the Solar Hijri years of Iran (1300-1499).
_YEAR = r"(?:1[3-9]\d\d|2[01]\d\d|24\d\d|25\d\d)"
_YEAR_ANY = rf"(?:{_YEAR}|'\d\d)"
_ZONE = r"(?:\s?(?:Z|UTC|GMT|[ECMP][SD]T|CES?T|BST|IST|JST|KST|[+-]\d\d:?\d\d)(?![\w]))"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?(?:\s?[ap]\.?m\.?(?!\w))?"
    r"|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?(?!\w))"
)
_TIME = rf"(?:{_CLOCK}{_ZONE}?)"
# What may join a date to its time: ", 14:05", " at 3pm", " um 10:30", " à 9h30", " alle 18:00".
_AT = r"(?:,?\s+(?:at|um|à|a\s+las|a\s+la|alle|om|kl\.?|klo|o|às|godz\.?)\s+|,?\s+|T)"
_TAIL = rf"(?:{_AT}{_TIME})?"
_LEAD = rf"(?:{_WEEKDAY_ANY}\.?,?\s+(?:(?:the|den|der|le|el|il)\s+)?)?"

# "3 May 2021", "3rd of May", "3. März 2021", "3 de marzo de 2021", "3-Mar-21", "1er mars",
# "3 maja 2021 r.", "3. maaliskuuta 2021"; with a weekday before it and a time after it. An
# abbreviation that is also a word ("3 out of 5", "a 5 set match") needs its year.
_DAY_MONTH_SEP = r"(?:\s*-\s*|\s+(?:of|de|di|del|ta['’])\s+|\s*)"
_YEAR_SEP = r"(?:,?\s+|\s*-\s*|\s+de\s+|\s+del\s+|\s+of\s+)"
_DAY_FIRST = (
    rf"{_LEAD}(?:the\s+)?(?<![\w.,/:-]){_DAY}{_DAY_MONTH_SEP}"
    rf"(?:{_MONTH}\.?(?:{_YEAR_SEP}{_YEAR_ANY}(?:\s?r\.)?)?"
    rf"|{_MONTH_ANY}\.?{_YEAR_SEP}{_YEAR_ANY}(?:\s?r\.)?)"
    rf"(?!\w){_TAIL}"
)
# "May 3rd, 2021", "March 3", "Mar 5 2024 10:22:01" (syslog), "Tue Mar 5 2024".
_MONTH_FIRST = (
    rf"{_LEAD}(?<![\w.-])(?:{_MONTH}\.?\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?"
    rf"|{_MONTH_ANY}\.?\s+{_DAY}(?!\d),?\s+{_YEAR}"
    rf"|{_MONTH_ANY}\s+{_DAY}(?=\s+\d\d:\d\d:\d\d))(?![\w:.]\d|\w){_TAIL}"
)
# Year first: "2024. március 5." (hu), "2024 m. kovo 5 d." (lt), "2025eko martxoaren 4an" (eu),
# "2024 թ. մայիսի 4-ին" (hy).
_YEAR_FIRST = (
    rf"(?<![\w.-]){_YEAR}(?:\.|\s?m\.|e?ko|\s?թ\.)?\s+{_MONTH_FULL}\s+{_DAY}"
    r"(?:\s?d\.|-?(?:jén|án|én|ig|an|ean|a|i|ին))?(?!\w)"
)
# "May 2021", "März 2021", "marzo de 2021", "maaliskuussa 2021"; full names only, so a
# word such as "set" or "mar" before a year is not taken for a month.
_MONTH_YEAR = rf"(?<![\w-]){_MONTH_FULL}\.?,?\s+(?:de\s+|of\s+)?{_YEAR}(?!\w)"
# ISO 8601 and its relatives: 2021-03-05, 2021/03/05, 2021.03.05, with a time and zone.
_ISO = (
    rf"(?<!{_SPACED_WORD})(?<![./:-])(?P<y>{_YEAR})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=s)"
    r"(?P<d>[12]\d|3[01]|0?[1-9])"
    rf"(?:(?:T|\s+|_)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{{1,9}})?)?{_ZONE}?)?"
    rf"(?!{_SPACED_WORD}|[./-]\d)"
)
# 20210305T102201Z (ISO basic).
_ISO_BASIC = rf"(?<![\w])(?P<y>{_YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>[12]\d|3[01]|0[1-9])T\d{{4,6}}(?:Z|[+-]\d{{4}})?(?!\w)"
# A date in figures without separators under a date's key: "<QSO_DATE:8>20250226",
# "DOB=19710527", "dtstart: 20240601", OFX's "<DTPOSTED>20250307", DICOM's "DA [20240426]".
_COMPACT_KEYED = (
    r"(?:(?i:date|dob|birth|born|dt(?:start|end|posted|user|server|avail|asof)|geb)"
    r"|(?<![A-Za-z])DA \[)[\w:>=\"' ]{0,10}?(?<!\d)"
    rf"(?P<y>{_YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>[12]\d|3[01]|0[1-9])(?![\dT])"
)
# 05/03/2021 14:05, 3.5.21 um 10:30 (the date alone is the numeric rule's).
_NUMERIC_TIMED = (
    r"(?<![\w./:-])(?:[12]\d|3[01]|0?[1-9])([/.-])(?:[12]\d|3[01]|0?[1-9])\1(?:\d{4}|\d\d)"
    rf"(?:{_AT}){_TIME}(?!\w)"
)
# Apache and nginx access logs: 05/Mar/2021:10:22:01 +0000.
_CLF = rf"(?<![\w/])\d\d/{_MONTH_ANY}/{_YEAR}:\d\d:\d\d:\d\d(?:\s[+-]\d{{4}})?(?!\w)"
# A month and year in figures: "exp 05/2026", "since 11/2019".
_MONTH_YEAR_NUMERIC = rf"(?<![\w./-])(?:0?[1-9]|1[0-2])[/.-]{_YEAR}(?![\w]|[./-]\d)"
# 2021年3月5日, 2021년 3월 5일, 3월 5일, 2021年3月 (the whole word, with a particle after it).
# Chinese and Japanese glue a date with its month to the words around it ("為2024年3月5日的"); a
# year alone stands apart.
_CJK = (
    r"(?<![0-9A-Za-z_.,/-])(?:(?:\d{4}|\d\d)\s?[年년]\s?\d{1,2}\s?[月월](?:\s?\d{1,2}\s?[日일])?"
    r"|\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일])[\uac00-\ud7a3]{0,3}(?![0-9A-Za-z])"
    r"|(?<!\w)(?:\d{4}|\d\d)\s?[年년][\uac00-\ud7a3]{0,3}(?!\w)"
)
# A clock time in Chinese, Japanese, Korean and Thai words: "上午11点30分", "下午3點", "14時45分",
# "오후 9시 50분", "17.15 น.".
_CJK_TIME = (
    r"(?:(?:上午|下午|中午|晚上|早上|凌晨|傍晚|午前|午後)\s?(?:[01]?\d|2[0-3])[点點時时](?:\d{1,2}分)?"
    r"|(?<!\d)(?:[01]?\d|2[0-3])[時时][0-5]?\d分"
    r"|(?<![\uac00-\ud7a3])(?:오전|오후)\s?(?:1[0-2]|0?\d)시(?:\s?[0-5]?\d분)?"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d\s?น\.)"
)
# Taiwan's Minguo years: "民國113年5月27日", "113/11/02" (year 113 is 2024).
_ROC = (
    r"(?:民國|民国)\s?\d{2,3}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?"
    r"|(?<![\d/.-])1[01]\d/(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9])(?![\d/])"
)
# Korean and Hungarian figures, year first with a dot and a space after each part: "2025. 4. 17."
_YEAR_DOTTED = (
    rf"(?<![\w.,-])(?P<y>{_YEAR})\.[ ]?(?P<m>1[0-2]|0?[1-9])\.[ ](?P<d>[12]\d|3[01]|0?[1-9])\.?"
    r"(?!\w|\.?\d)"
)
# Bank statement formats that write a date right after a field's code: QIF's "D07/30/2024"
# ("D7/30'24") on its own line, SWIFT MT940's balance lines ":60F:C241129EUR" and statement
# lines ":61:2411291129C…" (YYMMDD).
_QIF_DATE = r"(?m)^D(?P<qif>\d{1,2}/\d{1,2}(?:/|'[ ]?)\d{2,4})[ \t]*$"
_MT940_DATE = (
    r"(?m)^:(?:6[02][FM]:[CD]|61:|64:[CD]|65:[CD])"
    r"(?P<y>\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>[12]\d|3[01]|0[1-9])"
)
# A time on its own when it says it is one: "at 3pm", "10:30 a.m.", "14:05 UTC".
_TIME_ALONE = (
    r"(?<![\w:.])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s?(?:[ap]\.?m\.?(?!\w)|"
    rf"{_ZONE})|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?(?!\w))"
)
# A time on its own, "14:05", "9:30:15": no part of a longer run of colons or dots (MAC and
# IPv6 addresses, versions, NMEA fields).
_TIME_BARE = (
    r"(?<![\w:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
    r"(?![0-9A-Za-z_À-ɏ]|:[\da-fA-F]|[.,]\d)"  # Japanese glues "です" to it
)
# Vietnamese: "ngày 5 tháng 3 năm 2024", "5 tháng 3", "tháng 3/2024", "tháng 3 năm 2024".
_VIET = (
    r"(?<!\w)(?:(?:ngày\s+)?(?:[12]\d|3[01]|0?[1-9])\s+tháng\s+(?:1[0-2]|0?[1-9])"
    rf"(?:(?:\s+năm\s+|\s*[/,]\s*){_YEAR})?|tháng\s+(?:1[0-2]|0?[1-9])(?:\s+năm\s+|/){_YEAR})"
    r"(?!\w)"
)
# A weekday becomes a date when a temporal word leads it ("on Monday", "next friday",
# "meet Sunday", "am Montag", "le lundi"), lists of them too ("Monday and Tuesday").
# Only words that make it an arrangement: "on Saturday" in a news report is no one's data.
_WEEKDAY_CUE = (
    r"(?i:\b(?:next|this|every|each|until|till|til|by|meet|coming|due|am|ab|bis|dès|este|"
    r"próximo|op|på|ensi|see\s+you|starting|as\s+of)\s+)"
)
_WEEKDAY_CUED = (
    rf"(?<=\b){_WEEKDAY_CUE}(?P<day>{_WEEKDAY}(?:(?:,\s*|\s+(?:and|or|&|to|und|oder|et|ou|y|o|e|"
    rf"en|of|i|lub|ja|tai)\s+|\s?[-–]\s?){_WEEKDAY})*"
    rf"(?:\s+(?:morning|afternoon|evening|night|noon))?)(?!\w){_TAIL}"
)

_FLAGS = re.IGNORECASE
_GRAMMAR = re.compile(
    "|".join(
        f"(?P<{name}>{body})"
        for name, body in (
            ("day_first", _DAY_FIRST),
            ("month_first", _MONTH_FIRST),
            ("year_first", _YEAR_FIRST),
            ("month_year", _MONTH_YEAR),
            ("clf", _CLF),
        )
    ),
    _FLAGS,
)
_ISO_RE = re.compile(_ISO, _FLAGS)
_ISO_BASIC_RE = re.compile(_ISO_BASIC)
_COMPACT_KEYED_RE = re.compile(_COMPACT_KEYED)
_NUMERIC_TIMED_RE = re.compile(_NUMERIC_TIMED, _FLAGS)
_MONTH_YEAR_NUMERIC_RE = re.compile(_MONTH_YEAR_NUMERIC)
_CJK_RE = re.compile(_CJK)
_YEAR_DOTTED_RE = re.compile(_YEAR_DOTTED)
_CJK_TIME_RE = re.compile(_CJK_TIME)
_ROC_RE = re.compile(_ROC)
_HAN_OR_THAI = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_QIF_DATE_RE = re.compile(_QIF_DATE)
_MT940_DATE_RE = re.compile(_MT940_DATE)
_TIME_ALONE_RE = re.compile(_TIME_ALONE, _FLAGS)
_WEEKDAY_RE = re.compile(_WEEKDAY_CUED, _FLAGS)
_TIME_BARE_RE = re.compile(_TIME_BARE)
_VIET_RE = re.compile(_VIET, _FLAGS)
_HAS_DIGIT = re.compile(r"\d")
_LEVELS = r"(?:INFO|WARN|WARNING|ERROR|ERR|DEBUG|TRACE|FATAL|CRITICAL|NOTICE)"
_LEVEL_AFTER = re.compile(rf"\]?[ \t]+\[?{_LEVELS}\b")
_LEVEL_BEFORE = re.compile(rf"(?:^|\n)[ \t]*\[?{_LEVELS}\]?[ \t]+\Z")
_YEAR_IN = re.compile(rf"(?<!\d){_YEAR}(?!\d)|'\d\d\b")


# A word a date needs before its regexes run: a month or weekday name, or a digit at all.
def _initials(*groups: frozenset[str]) -> str:
    letters = {w[0] for g in groups for w in g} | {w[0].upper() for g in groups for w in g}
    return "".join(sorted(re.escape(ch) for ch in letters))


_MONTH_INITIALS = _initials(_MONTHS_FULL, _MONTHS_ABBR, _MONTHS_AMBIGUOUS)
_WEEKDAY_INITIALS = _initials(_WEEKDAYS)
_MONTH_WORD = re.compile(rf"(?i)(?=[{_MONTH_INITIALS}])(?<![^\W\d_]){_MONTH_ANY}(?![^\W\d_])")
_WEEKDAY_WORD = re.compile(rf"(?i)(?=[{_WEEKDAY_INITIALS}])(?<![^\W\d_]){_WEEKDAY}(?![^\W\d_])")
_MAY_DATED = re.compile(rf"{_YEAR}|\d(?:st|nd|rd|th)")


def _real(y: str, m: str, d: str) -> bool:
    try:
        date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _month_windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around the month names, wide enough for a weekday and day before one
    and a year, time and zone after it: the grammar runs only there."""
    out: list[tuple[int, int]] = []
    for m in _MONTH_WORD.finditer(text):
        lo, hi = max(0, m.start() - 40), min(len(text), m.end() + 64)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _grammar(text: str, out: list[Candidate]) -> None:
    for lo, hi in _month_windows(text):
        for m in _GRAMMAR.finditer(text, lo, hi):
            if m.end() < hi or hi == len(text):
                _grammar_match(text, m, out)


def _grammar_match(text: str, m: re.Match[str], out: list[Candidate]) -> None:
    value = m.group()
    kind = m.lastgroup or ""
    # "may 3 people": lower-case "may" with a bare number is a verb, not May 3rd.
    if kind == "month_first" and value[:3] == "may" and not _MAY_DATED.search(value):
        return
    dated = kind == "clf" or _YEAR_IN.search(value) is not None
    out.append(_candidate(text, *m.span(), _DATED_SCORE if dated else _SCORE, f"date_{kind}"))


def _candidate(text: str, start: int, end: int, score: float, source: str) -> Candidate:
    """A candidate without the sentence's full stop or comma the grammar took with it ("May.",
    "10am."); the dots of "a.m." stay."""
    while (
        end > start and text[end - 1] in " ,." and text[max(start, end - 3) : end].lower() != ".m."
    ):
        end -= 1
    return Candidate(start, end, "DATE_TIME", score, source)


def _own_clock(text: str, start: int, end: int) -> bool:
    """A log line's or a chat line's own clock ("10:10:07 INFO", "[09:14] kofi:"), no event's."""
    if _LEVEL_AFTER.match(text, end):
        return True
    line = text.rfind("\n", 0, start) + 1
    return text[line:start].strip() in ("[", "") and text.startswith("]", end)


def date_candidates(text: str) -> list[Candidate]:
    """DATE_TIME candidates; linear in `len(text)` (each regex is anchored by a bounded,
    unnested run), and a text with neither a digit nor a month or weekday name costs two scans."""
    out: list[Candidate] = []
    digits = _HAS_DIGIT.search(text) is not None
    if digits and not text.isascii():
        text = text.translate(_ASCII_DIGITS)
    if digits and _HAN_OR_THAI.search(text):
        for pattern, name in ((_CJK_TIME_RE, "time_cjk"), (_ROC_RE, "date_roc")):
            out.extend(_candidate(text, *m.span(), _SCORE, name) for m in pattern.finditer(text))
    if digits:
        _grammar(text, out)
        for m in _ISO_RE.finditer(text):
            if _LEVEL_AFTER.match(text, m.end()) or _LEVEL_BEFORE.search(text, 0, m.start()):
                continue  # a log line's own clock ("2024-05-01T12:03:44Z INFO ..."), no event's
            if _real(m.group("y"), m.group("m"), m.group("d")):
                out.append(_candidate(text, *m.span(), _DATED_SCORE, "date_iso"))
        for m in _ISO_BASIC_RE.finditer(text):
            if _real(m.group("y"), m.group("m"), m.group("d")):
                out.append(_candidate(text, *m.span(), _DATED_SCORE, "date_iso_basic"))
        if "!Type:" in text:
            for m in _QIF_DATE_RE.finditer(text):
                out.append(_candidate(text, *m.span("qif"), _DATED_SCORE, "date_qif"))
        if ":6" in text:
            for m in _MT940_DATE_RE.finditer(text):
                if _real("20" + m.group("y"), m.group("m"), m.group("d")):
                    out.append(
                        _candidate(text, m.start("y"), m.end("d"), _DATED_SCORE, "date_mt940")
                    )
        for m in _YEAR_DOTTED_RE.finditer(text):
            if _real(m.group("y"), m.group("m"), m.group("d")):
                out.append(_candidate(text, *m.span(), _DATED_SCORE, "date_year_dotted"))
        for m in _COMPACT_KEYED_RE.finditer(text):
            if _real(m.group("y"), m.group("m"), m.group("d")):
                out.append(_candidate(text, m.start("y"), m.end("d"), _DATED_SCORE, "date_keyed"))
        for pattern, score, name in (
            (_NUMERIC_TIMED_RE, _DATED_SCORE, "date_timed"),
            (_MONTH_YEAR_NUMERIC_RE, _SCORE, "date_month_year"),
            (_CJK_RE, _SCORE, "date_cjk"),
            (_TIME_ALONE_RE, _CUED_SCORE, "time"),
        ):
            out.extend(_candidate(text, *m.span(), score, name) for m in pattern.finditer(text))
        for m in _TIME_BARE_RE.finditer(text):
            if not _own_clock(text, m.start(), m.end()):
                out.append(_candidate(text, *m.span(), _BARE_SCORE, "time_bare"))
        if "háng" in text:
            out.extend(
                _candidate(text, *m.span(), _SCORE, "date_vi") for m in _VIET_RE.finditer(text)
            )
    if _WEEKDAY_WORD.search(text):
        for m in _WEEKDAY_RE.finditer(text):
            out.append(_candidate(text, m.start("day"), m.end(), _CUED_SCORE, "weekday"))
    return out
