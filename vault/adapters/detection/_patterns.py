"""Our own regex recognizers: secrets, phones, addresses, dates and context-bound US identifiers."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from re import _parser  # type: ignore[attr-defined]  # sre's own width reckoning

from vault.adapters.detection._context import column_header, context_view, labelled
from vault.adapters.detection._lexicon import load_words

__all__ = ["RULES", "Candidate", "PatternRule", "RuleSet", "luhn_ok", "run_rules"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible span before overlap resolution; `source` says which rule found it."""

    start: int
    end: int
    entity_type: str
    score: float
    source: str


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A regex for one entity. Group `group` is the span; `validate` may veto a match.

    A rule with `context` words scores `score` only when one of them appears within
    `window` characters before the match (or `base` when none does), which replaces
    Presidio's context enhancer with a linear look-behind.
    """

    name: str
    entity_type: str
    regex: re.Pattern[str]
    score: float
    group: int = 0
    validate: Callable[[str], bool] | None = None
    context: re.Pattern[str] | None = None
    # A label that makes the match something else: checked before it (and in its column's
    # header) and, for `veto_after`, just after it.
    veto: re.Pattern[str] | None = None
    veto_after: re.Pattern[str] | None = None
    base: float = 0.0
    window: int = 48
    after: int = 0  # characters after the match a context word may also stand in
    # Cheap gates, each implied by every match (or, for a rule that needs its context word, by
    # every match it keeps): one of `trigger` occurs in the text (in its case-folded copy when
    # `folded`, for (?i) patterns), and a run of `min_run` digits, with spaces, dots or hyphens
    # between them allowed, occurs.
    trigger: tuple[str, ...] = ()
    folded: bool = False
    min_run: int = 0


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn checksum."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# How cards print their digits: in fours (Visa, Mastercard, Discover, JCB, UnionPay; the last
# group shorter), 4-6-5 (Amex) or 4-6-4 (Diners); or not grouped at all.
_CARD_GROUPS = re.compile(r"\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?|\d{4}[ -]\d{6}[ -]\d{4,5}")


def _card_ok(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if digits != text and not _CARD_GROUPS.fullmatch(text):
        return False  # "2 56 05 52 788 830 74" is grouped as no card is
    # Issuer prefixes 2-6 cover Mastercard, Visa, Amex, Diners, Discover, JCB, UnionPay, Maestro;
    # thirteen digits only ever an old Visa, so a 13-digit number that starts otherwise (a South
    # African or Thai id) is no card.
    if len(digits) == 13 and (digits[0] != "4" or _za_id_shape(digits)):
        return False
    # Turkey's Troy cards start 9792.
    issuer = digits[0] in "23456" or (len(digits) == 16 and digits.startswith("9792"))
    return 13 <= len(digits) <= 19 and issuer and luhn_ok(digits)


def _za_id_shape(digits: str) -> bool:
    """A South African id's shape: a birth date, a citizenship digit 0 or 1 and the 8 or 9 of
    its race digit (all ids since 1980s carry 8), as "4703040429081" is; no Visa card now has
    thirteen digits."""
    try:
        date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return False
    return digits[10] in "01" and digits[11] in "89"


_DATE_LIKE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
_IP_LIKE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


_DIGIT_RUN = re.compile(r"\d(?:[ .-]?\d)*")
_EXTENSION = re.compile(r"\s?(?:x|ext\.?)\s?\d{1,5}$")


def _calendar_ok(text: str) -> bool:
    """A numeric date that names a real day, read year first or as day/month either way."""
    parts = [int(p) for p in re.split(r"[-./]", text)]
    if len(parts) != 3:
        return False
    if parts[0] > 31:
        orders = [(parts[0], parts[1], parts[2])]
    else:
        year = parts[2] if parts[2] >= 100 else 2000 + parts[2]
        orders = [(year, parts[1], parts[0]), (year, parts[0], parts[1])]
    for y, m, d in orders:
        try:
            date(y, m, d)
        except ValueError:
            continue
        return True
    return False


_GLUED_PHONE_WORDS = load_words("phone_labels_glued.txt")
_GLUED_PHONE_LABELS = "|".join(
    re.escape(w) for w in sorted(_GLUED_PHONE_WORDS, key=len, reverse=True)
)


def _phone_digits_ok(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in _EXTENSION.sub("", text))
    return 7 <= digits <= 15 and not _DATE_LIKE.match(text) and not _IP_LIKE.match(text)


def _phone_ok(text: str) -> bool:
    # A run of equal groups of three like "100 200 300" reads as numbers, not a phone.
    return _phone_digits_ok(text) and not re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", text)


def _url_password(url: str) -> str:
    """The password of "scheme://user:password@host...": between the user's colon and the
    last "@" before the host."""
    rest = url.split("://", 1)[1]
    return rest[rest.find(":") + 1 : rest.rfind("@")]


def _ctx(words: str) -> re.Pattern[str]:
    """The words at a word's start, also a camelCase key's part ("usPassportNo")."""
    return re.compile(rf"(?i)(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:{words})", re.ASCII)


_PHONE_CTX = _ctx(
    r"phone|tel|telephone|mobile|cell|call|fax|whatsapp|sms|text me|text|contact|reach|dial|"
    r"ph|mob|number|landline|hotline|ring|answer|voicemail|signal|telegram|viber|office|home|"
    r"work|direct|switchboard|reception|desk|helpline|support line|on"
)
_SSN_CTX = _ctx(r"ssn|social security|social sec|ss#|ss #|tax id|taxpayer")
_PASSPORT_CTX = _ctx(
    r"passport|travel document|pp ?#|pp no|pp number|reisepass|pasaporte|passeport|passaporto|"
    r"paspoort|paszport|passaporte|pass nr"
)
_DL_CTX = _ctx(
    r"driver'?s?\s*licen[cs]e|driving licen[cs]e|licen[cs]e|lic\b|lic\.|dl\b|dln|dl#|d/l\b|"
    r"cdl\b|permit\b|dmv\b|driver'?s?\s*(?:id|number|no\b)"
)
# What US states print on a licence: a letter or two and 4-14 digits (A1234567, AB123456), the
# digits alone (123456789, 123 456 789), grouped (W426-545-30-761-0, A123-4567-8901,
# 99-123-4567), Washington's name-coded WDL (SMITHJ123AB), New Hampshire's 12ABC34567. The
# label itself ("DL 1234567", "no. 123") is never the start of one.
_DL_NUMBER = (
    r"(?<![\w-])(?!(?i:dln?|cdl|no|nr|id|lic|num)(?:[\s#:.-]|\d))"
    r"(?:[A-Za-z][- ]?\d{2,5}(?:[- ]\d{2,5}){2,4}(?:[- ]\d)?"
    r"|[A-Za-z]{1,2}[- ]?\d{4,14}[A-Za-z]?"
    r"|\d{1,3}(?:[- ]\d{2,4}){2,4}"
    r"|\d{6,14}"
    r"|(?=[A-Z*]{5,7}\d{3}[A-Z\d]{2}(?![\w-]))[A-Z]{3}[A-Z*]{2,4}\d{3}[A-Z\d]{2}|WDL[A-Z\d]{9}"
    r"|\d{2}[A-Z]{3}\d{5}|\d{3}[A-Z]{2}\d{4}|\d{7,9}[A-Z])(?![\w-])"  # NH, IA, digits+letter
)
_BANK_CTX = _ctx(
    r"account|acct|a/c|routing|aba|bank|checking|savings|deposit|wire|ach\b|konto|compte|cuenta|"
    r"conta\b|rekening|conto|rachunek|kontonr"
)
# A number under its label ("Passport #", "drivers_license:", a "DLN" column) outranks a
# checksum that holds by chance without one (a DE passport digit, a DEA number, a PESEL).
_LABELLED_SCORE = 0.91
# A bank account number right after its label is not a card, even when its digits pass Luhn.
_ACCOUNT_LABEL = re.compile(
    r"(?i)(?<![a-z])(?<!card )(?:(?:bank )?account|acct|a/c|konto|kontonummer|routing|checking|"
    r"savings|deposit)(?:[ ]?(?:number|no\.?|num|nr\.?|#))?[ \t:=#\"'(]*$"
)
_ACCOUNT_LABEL_AFTER = re.compile(r"(?i)[ \t\"')]*\((?:bank )?(?:account|acct)")
_DOB_CTX = _ctx(r"born|birth|dob|d\.o\.b|birthday|date of birth|age")

# The stem of a key-ish name, anywhere in it (stripeKey, DB_AUTH_TOKEN, x-session-id); the
# first-letter lookahead lets every other position fail at once.
_KEYISH = (
    r"(?=[kstacpdhKSTACPDH])(?:key|secret|token|auth|sessid|session|cookie|credential|"
    r"signature|sig|hmac|salt|passphrase|passwd|password|pwd|pat(?![a-z]))"  # a personal access token
)
_KEYISH_TRIGGERS = (
    "key", "secret", "token", "auth", "sess", "cookie", "credential", "sig", "hmac", "salt",
    "pass", "pwd", "pat",
)  # fmt: skip


def _mixed_case_digits(value: str) -> bool:
    return (
        any(ch.isupper() for ch in value)
        and any(ch.islower() for ch in value)
        and any(ch.isdigit() for ch in value)
    )


def _entropy(value: str) -> float:
    counts: dict[str, int] = {}
    for ch in value:
        counts[ch] = counts.get(ch, 0) + 1
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _generated(value: str) -> bool:
    """A value that looks machine-made: 32+ hex digits, or 16+ characters mixing letters and
    digits (or both cases) with the spread of a random string, not a word, path or URL."""
    if len(value) < 16 or "://" in value or value.count(".") > 3:
        return False
    if re.fullmatch(r"[0-9a-fA-F]{32,}", value):
        return True
    letters = sum(ch.isalpha() for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    upper = any(ch.isupper() for ch in value)
    lower = any(ch.islower() for ch in value)
    if letters < 4 or not (digits >= 2 or (upper and lower)):
        return False
    if re.fullmatch(r"[a-z]+(?:[_.-][a-z]+)*", value):
        return False  # snake_case words: a setting's name, not its secret
    if re.fullmatch(r"[\w.-]*/[\w./-]*", value) and not _mixed_case_digits(value):
        return False  # a path
    return _entropy(value) >= 3.3


# Password words of every locale, for keys ("mot_de_passe=", "DB_PASS:") and for prose.
_PASSWORD_WORDS = sorted(load_words("password_words.txt"), key=len, reverse=True)
_PASSWORD_KEY = "|".join(re.escape(w).replace(r"\ ", "[ _-]?") for w in _PASSWORD_WORDS)
_PASSWORD_PROSE = "|".join(re.escape(w) for w in _PASSWORD_WORDS if len(w) > 3)
_PASSWORD_TRIGGERS = tuple(sorted({w.split()[0][:4] for w in _PASSWORD_WORDS}))

_PLACEHOLDER = re.compile(r"[$%]\{[^}]*\}|\{\{.*\}\}|<[^>]*>|%\(\w+\)s|\*{3,}|x{4,}|X{4,}")


def _not_placeholder(value: str) -> bool:
    """Not a template's slot (${API_KEY}, {{ token }}, <password>) or a mask (*****)."""
    return _PLACEHOLDER.search(value) is None


def _symbol_digit_word(value: str) -> bool:
    """Letters, a digit and a symbol in one word ("cobalt?1552velvet", "Maple%799tundra")."""
    return (
        sum(ch.isalpha() for ch in value) >= 3
        and any(ch.isdigit() for ch in value)
        and any(not ch.isalnum() for ch in value)
        and re.fullmatch(r"[\w.-]+@[\w.-]+|\w+://\S+|[\w/.-]+\.\w{2,4}", value) is None
    )


def _password_like(value: str) -> bool:
    """A password as people choose them: letters with digits or symbols, or words joined by
    hyphens ("correct-horse-battery-staple")."""
    if re.fullmatch(r"[a-z]{3,}(?:-[a-z]{3,}){2,}", value):
        return True
    has_letter = any(ch.isalpha() for ch in value)
    has_other = any(ch.isdigit() or not (ch.isalnum() or ch in "_-") for ch in value)
    return has_letter and has_other and not re.fullmatch(r"\d+(?:\.\d+)*|[a-z]+\d?", value)


_STREET = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    r"terrace|ter|parkway|pkwy|circle|cir|square|sq|highway|hwy|trail|trl|alley|crescent|close|"
    r"row|plaza|route|rte|strasse|straße|str|gasse|weg|platz|rue|calle|via|avenida|rua)"
)

RULES: tuple[PatternRule, ...] = (
    # --- secrets: high-entropy credentials with a recognisable shape
    PatternRule(
        "aws_access_key",
        "SECRET",
        re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b"),
        0.95,
        trigger=("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"),
    ),
    PatternRule(
        "aws_secret",
        "SECRET",
        re.compile(
            r"(?i)aws_?secret_?(?:access_?)?key[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"
        ),
        0.95,
        group=1,
        trigger=("aws",),
        folded=True,
    ),
    PatternRule(
        "openai_key",
        "SECRET",
        re.compile(r"(?<![\w-])sk-(?:proj-|ant-(?:api\d\d-)?|live-|svcacct-)?[A-Za-z0-9_-]{20,}"),
        0.95,
        trigger=("sk-",),
    ),
    PatternRule(
        "groq_key",
        "SECRET",
        re.compile(r"\bgsk_[A-Za-z0-9]{20,}"),
        0.95,
        trigger=("gsk_",),
    ),
    PatternRule(
        "github_token",
        "SECRET",
        re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"),
        0.95,
        trigger=("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    ),
    PatternRule(
        "slack_token",
        "SECRET",
        re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
        0.95,
        trigger=("xox",),
    ),
    PatternRule(
        "stripe_key",
        "SECRET",
        re.compile(r"\b(?:sk|rk|pk|whsec)_(?:live|test)_[A-Za-z0-9]{16,}"),
        0.95,
        trigger=("_live_", "_test_"),
    ),
    PatternRule(
        "google_api_key",
        "SECRET",
        re.compile(r"\bAIza[0-9A-Za-z_-]{35}"),
        0.95,
        trigger=("AIza",),
    ),
    PatternRule(
        "hf_token",
        "SECRET",
        re.compile(r"\bhf_[A-Za-z0-9]{30,}"),
        0.95,
        trigger=("hf_",),
    ),
    PatternRule(
        "jwt",
        "SECRET",
        re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"),
        0.95,
        trigger=("eyJ",),
    ),
    PatternRule(
        "bearer",
        "SECRET",
        re.compile(r"(?i)\b(?:bearer|token)\s+([A-Za-z0-9._~+/-]{16,}=*)"),
        0.9,
        group=1,
        trigger=("bearer", "token"),
        folded=True,
    ),
    PatternRule(
        "basic_auth",
        "SECRET",
        re.compile(r"(?i)\bbasic\s+([A-Za-z0-9+/]{12,}={0,2})"),
        0.85,
        group=1,
        trigger=("basic",),
        folded=True,
    ),
    PatternRule(
        # A URL with its password is a credential whole, user, host and database with it
        # ("postgresql://app:s3cret@db.internal:5432/core"); the password may hold "@".
        "url_password",
        "SECRET",
        re.compile(
            r"\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@]{0,64}:[^\s]{3,128}@"
            r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?::\d{1,5})?"
            r"(?:/(?:[^\s\"'<>)\],;]*[^\s\"'<>)\],;.])?)?"
        ),
        0.95,
        # Not a port and a path ("https://host:8080/a@b"); a password may hold "/" and "+".
        validate=lambda v: re.match(r"\d+(?:/|$)", _url_password(v)) is None,
        trigger=("://",),
    ),
    PatternRule(
        "assigned_secret",
        "SECRET",
        re.compile(
            rf"(?i)(?:\b|_)(?:{_PASSWORD_KEY}|secret|api[_-]?key|apikey|"
            r"access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key|"
            r"secret[_-]?key)[\"']?\s*(?::=|=>|[:=])\s*[\"']?([^\s\"',;]{6,200})"
        ),
        0.9,
        group=1,
        validate=_not_placeholder,
        trigger=("secret", "api", "token", "private", *_PASSWORD_TRIGGERS),
        folded=True,
    ),
    PatternRule(
        # A quoted value with spaces under a password key: passphrase "correct horse battery
        # staple", password: 'my dog has fleas'.
        "quoted_passphrase",
        "SECRET",
        re.compile(
            rf"(?i)(?:(?:\b|_)(?:{_PASSWORD_KEY}|secret)[\"']?[ \t]*(?::=|=>|[:=])"
            r"|\bpass ?phrase[\"']?[ \t]*(?::=|=>|[:=])?)[ \t]*([\"'])((?:(?!\1)[^\n]){6,200}?)\1"
        ),
        0.9,
        group=2,
        validate=lambda v: " " in v.strip() and _not_placeholder(v),
        trigger=("secret", "phrase", *_PASSWORD_TRIGGERS),
        folded=True,
    ),
    PatternRule(
        # In markup: <password>...</password>, <apiKey>...</apiKey>, <ns:Token>...</ns:Token>.
        "markup_secret",
        "SECRET",
        re.compile(
            rf"(?i)<((?:[\w-]+:)?(?:{_PASSWORD_KEY}|passphrase|secret|api[_-]?key|access[_-]?key|"
            r"access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key|secret[_-]?key|"
            r"token|credential))(?:\s[^>]{0,200})?>([^<\n]{4,400})</\1>"
        ),
        0.92,
        group=2,
        validate=lambda v: bool(v.strip()) and _not_placeholder(v),
        trigger=("secret", "key", "token", "credential", "phrase", *_PASSWORD_TRIGGERS),
        folded=True,
    ),
    PatternRule(
        # A password on a command line: curl -u user:pw, --user user:pw, wget --password=pw.
        "command_line_password",
        "SECRET",
        re.compile(r"(?:\s-u|--user)[ =]['\"]?[^\s:'\"]{1,64}:([^\s'\"]{3,128})"),
        0.9,
        group=1,
        validate=lambda v: _password_like(v) and _not_placeholder(v),
        trigger=("-u", "--user"),
    ),
    PatternRule(
        # An environment variable named for its secret without a separator: PGPASSWORD=...,
        # REDISPASS=...; upper case only, so "bypass: on" in prose is not one.
        "env_secret",
        "SECRET",
        re.compile(
            r"\b[A-Z][A-Z0-9]*(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN)[\"']?\s*[:=]\s*[\"']?"
            r"([^\s\"',;]{6,200})"
        ),
        0.9,
        group=1,
        validate=_not_placeholder,
        trigger=("PASS", "PWD", "SECRET", "TOKEN"),
    ),
    PatternRule(
        "pem_private_key",
        "SECRET",
        re.compile(
            r"-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,10000}?"
            r"-----END [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----"
        ),
        1.0,
        trigger=("PRIVATE KEY",),
    ),
    PatternRule(
        # A block cut short (pasted without its END line): the header and its base64 lines.
        "pem_private_key_cut",
        "SECRET",
        re.compile(
            r"-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----"
            r"(?:\r?\n(?:[A-Za-z0-9+/=]{8,100}|[\w-]{1,40}: [^\n]{1,200}|\\n)){1,200}"
        ),
        0.99,
        trigger=("PRIVATE KEY",),
    ),
    PatternRule(
        # Issuers' own prefixes: GitLab, npm, PyPI, SendGrid, Shopify, DigitalOcean, Square,
        # Google OAuth, Twilio, Mailgun, age, Doppler, Vault, Atlassian, Discord and Slack webhooks.
        "prefixed_token",
        "SECRET",
        re.compile(
            r"(?<![\w-])(?:glpat-[A-Za-z0-9_-]{20,}|gl(?:ptt|dt|rt|cbt)-[A-Za-z0-9_-]{20,}"
            r"|npm_[A-Za-z0-9]{36}|pypi-AgE[A-Za-z0-9_-]{50,}"
            r"|SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}"
            r"|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|do[por]_v1_[a-f0-9]{64}"
            r"|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}|ya29\.[A-Za-z0-9_-]{20,}"
            r"|SK[0-9a-f]{32}|key-[0-9a-f]{32}|AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}"
            r"|dp\.(?:pt|st|sa)\.[A-Za-z0-9]{40,}|hvs\.[A-Za-z0-9_-]{24,}|ATATT3[A-Za-z0-9_=-]{50,}"
            r"|xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,}"
            # xAI, Replicate, Perplexity, Databricks, Grafana, Sentry, Linear, Figma, Mailchimp,
            # Telegram bots, Meta's access tokens.
            r"|xai-[A-Za-z0-9]{40,}|r8_[A-Za-z0-9]{30,}|pplx-[A-Za-z0-9]{40,}|dapi[a-f0-9]{32}"
            r"|glsa_[A-Za-z0-9_]{32,}|sntr[ysu]_[A-Za-z0-9+/=_-]{30,}|lin_api_[A-Za-z0-9]{30,}"
            r"|figd_[A-Za-z0-9_-]{30,}|[a-f0-9]{32}-us\d{1,2}\b|\d{8,10}:AA[A-Za-z0-9_-]{33}"
            r"|EAA[A-Za-z0-9]{80,}"
            # Sourcegraph and SonarQube.
            r"|sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}|sq[uap]_[a-f0-9]{40}"
            r"|https://(?:hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}"
            r"|(?:discord|discordapp)\.com/api/webhooks/\d+/[A-Za-z0-9_-]{30,}))"
        ),
        0.96,
        trigger=(
            "glpat-",
            "glptt-",
            "gldt-",
            "glrt-",
            "glcbt-",
            "npm_",
            "pypi-",
            "SG.",
            "shp",
            "_v1_",
            "sq0",
            "ya29.",
            "SK",
            "key-",
            "AGE-SECRET",
            "dp.",
            "hvs.",
            "ATATT3",
            "xapp-",
            "xai-",
            "r8_",
            "pplx-",
            "dapi",
            "glsa_",
            "sntr",
            "lin_api_",
            "figd_",
            "-us",
            ":AA",
            "EAA",
            "sgp_",
            "sqp_",
            "squ_",
            "sqa_",
            "hooks.slack.com",
            "/api/webhooks/",
        ),
    ),
    PatternRule(
        # A high-entropy value under a key-ish name: access_key, AccountKey=, sessionid=,
        # signing_key:, "private_key_id":, x-auth: ...; the value must look generated.
        "keyish_secret",
        "SECRET",
        re.compile(
            rf"(?i){_KEYISH}[\w.-]{{0,30}}?[\"']?\s*(?::=|=>|[:=])\s*[\"']?"
            r"([A-Za-z0-9+/_.~!@#$%^*-]{16,400}={0,2})"
        ),
        0.9,
        group=1,
        validate=_generated,
        trigger=_KEYISH_TRIGGERS,
        folded=True,
    ),
    PatternRule(
        # Said in prose: "the password is x7!pQ...", "the key is 9c1185a5...".
        "prose_secret",
        "SECRET",
        re.compile(
            rf"(?i)\b(?:{_PASSWORD_PROSE}|pin|secret|api key|key|token|login)"
            r"(?:[ ]+[\w'’-]+){0,4}?"  # "the key for the staging box is ..."
            r"\s+(?:is|is now|was|=|:|reads|will be|set to|changed to|reset to|to|lautet|ist|war|"
            r"es|era|est|était|é|è|jest|är|er|on|wordt|sera|será)"
            r"\s+[\"'“]?([^\s\"'”,;]{6,200}?)[\"'”]?(?=[\s,;)]|\.?$|\.\s)"
        ),
        0.88,
        group=1,
        validate=lambda v: _not_placeholder(v) and (_generated(v) or _password_like(v)),
        trigger=("pin", "secret", "key", "token", "login", *_PASSWORD_TRIGGERS),
        folded=True,
    ),
    PatternRule(
        # A password word and the password itself right after it: "login failed for ann with
        # password cobalt?1552velvet". Only a value with a digit and a symbol among its letters,
        # which no word of a sentence has ("password reset", "password policy").
        "password_then_value",
        "SECRET",
        re.compile(
            rf"(?i)\b(?:{_PASSWORD_PROSE})[ \t]+[\"'“]?([^\s\"'”,;]{{6,128}}?)[\"'”]?"
            r"(?=[\s,;)]|\.?$|\.\s)"
        ),
        0.86,
        group=1,
        validate=lambda v: _not_placeholder(v) and _symbol_digit_word(v),
        trigger=_PASSWORD_TRIGGERS,
        folded=True,
    ),
    PatternRule(
        # On a command line: "mysql -pS3cr3t!", "--password=...", "--api-key ghp_...".
        "cli_secret",
        "SECRET",
        re.compile(
            r"(?<![\w-])(?:-p|--(?:password|passwd|pass|token|api-key|apikey|secret|auth-token|"
            r"access-token|client-secret)[= ])[\"']?([^\s\"']{6,200})"
        ),
        0.9,
        group=1,
        validate=lambda v: _not_placeholder(v) and (_generated(v) or _password_like(v)),
        trigger=("-p", "--"),
    ),
    PatternRule(
        # A credential pasted on its own ("here you go: uV5Tktkb..."): 24 to 128 characters of
        # both cases and digits with the spread of a random string; hex alone (a digest, a
        # commit) is not enough.
        "bare_token",
        "SECRET",
        re.compile(r"(?<![\w+/=.-])[A-Za-z0-9][A-Za-z0-9+/_-]{22,127}={0,2}(?![\w+/=-]|\.\w)"),
        0.7,
        validate=lambda v: _mixed_case_digits(v) and _entropy(v) >= 4.0 and _generated(v),
        min_run=1,
    ),
    PatternRule(
        # The secret half of an AWS key pair, written beside its access key id.
        "aws_secret_near_key",
        "SECRET",
        re.compile(r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
        0.9,
        validate=lambda v: _generated(v) and _mixed_case_digits(v),
        context=_ctx(r"akia|asia|aws|secret|credential"),
        window=120,
        min_run=1,
    ),
    PatternRule(
        # Mailboxes on internal or reserved domains (.local, .corp, .example), which Presidio's
        # public-suffix check rejects, still belong to a person.
        "email_any_domain",
        "EMAIL_ADDRESS",
        re.compile(
            r"(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+"
        ),
        0.9,
        trigger=("@",),
    ),
    # --- checksummed and structured identifiers
    PatternRule(
        "card",
        "CREDIT_CARD",
        re.compile(r"(?<![\d.-])\d(?:[ -]?\d){12,18}(?![\d-])"),
        1.0,
        validate=_card_ok,
        veto=_ACCOUNT_LABEL,
        veto_after=_ACCOUNT_LABEL_AFTER,
        min_run=13,
    ),
    PatternRule(
        "mac_free_ssn",
        "US_SSN",
        re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- .])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])"),
        0.85,
        min_run=9,
    ),
    PatternRule(
        "bare_ssn",
        "US_SSN",
        re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4}(?![\d-])"),
        _LABELLED_SCORE,
        context=_SSN_CTX,
        min_run=9,
        trigger=("ssn", "social sec", "ss#", "ss #", "tax id", "taxpayer"),
        folded=True,
    ),
    # --- phones: international and national layouts; a context word or a clear layout needed
    PatternRule(
        "phone_intl",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}"
            r"(?:[\s.-]?\d{2,4}){1,4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!(?![\uac00-\ud7a3])\w)"
        ),  # a Korean particle may follow ("+82 10-1234-5678로")
        0.85,
        validate=_phone_ok,
        min_run=1,
        trigger=("+", "00"),
    ),
    PatternRule(
        # Chinese, Japanese, Korean and Thai glue the number to its label: "电话131-9207-2510",
        # "手提5331-5372"; a name of two to four Han may stand between a contact word and the
        # colon before the number ("聯絡陳大文：9123 4567").
        "phone_glued_label",
        "PHONE_NUMBER",
        re.compile(
            rf"(?:{_GLUED_PHONE_LABELS})(?:[\u4e00-\u9fff]{{2,4}}(?=[：:]))?[：:]?[ ]?"
            r"(\+?(?:\(\d{1,4}\)[ ]?)?\d{1,5}(?:[ -]?\d{2,5}){0,4})(?![\d-])"
        ),
        0.85,
        group=1,
        validate=_phone_digits_ok,
        min_run=1,
        trigger=tuple(_GLUED_PHONE_WORDS),
    ),
    PatternRule(
        "phone_paren",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w)])\(\d{2,5}\)[\s.-]?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}"
            r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w)"
        ),
        0.8,
        validate=_phone_ok,
        min_run=2,
        trigger=("(",),
    ),
    PatternRule(
        "phone_nanp",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w.-])(?:(?:1|001)[\s.-])?\d{3}[\s.-]\d{3}[\s.-]\d{4}"
            r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w|-\d)"
        ),
        0.75,
        validate=_phone_ok,
        min_run=1,
    ),
    PatternRule(
        "phone_loose",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w.+/-])\d{2,5}(?:[ .-]\d{2,4}){1,4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w|[/-]\d)"
        ),
        0.7,
        validate=_phone_digits_ok,
        context=_PHONE_CTX,
        base=0.0,
        window=40,
        min_run=1,
    ),
    PatternRule(
        # A national number with its trunk 0 and separators: "020 7946 0958", "06 12 34 56 78".
        "phone_trunk",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w.+/-])\(?0\d{1,4}\)?(?:/\d{2,4}(?=[ ]\d))?(?:[ .-]\d{2,8}){1,4}"
            r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!(?![\uac00-\ud7a3])\w|[/-]\d|[.,]\d)"
        ),
        0.7,
        validate=lambda s: 8 <= sum(ch.isdigit() for ch in s) <= 13 and _phone_digits_ok(s),
        min_run=1,
    ),
    PatternRule(
        # Mobile numbers whose national layout tells them apart with no word near them: Indian
        # (98692 15811), Korean (010-1993-0996) and Spanish (606 06 17 45).
        "phone_mobile",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w+.,/-])(?:[6-9]\d{4}[ -]\d{5}|01[016-9]-\d{3,4}-\d{4}|[67]\d\d(?: \d\d){3})"
            r"(?!(?![\uac00-\ud7a3])\w|[-/.,]\d)"
        ),
        0.72,
        min_run=2,
    ),
    PatternRule(
        # A number labelled by what follows it, as in signatures: "089 72 63 41 office".
        "phone_labelled",
        "PHONE_NUMBER",
        re.compile(
            r"(?<![\w.+/-])\+?[\d(][\d() .-]{5,20}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?"
            r"(?=[ ]?[-(/]?[ ]?(?i:office|fax|mobile|cell|home|work|tel|phone|landline|direct|"
            r"main|private|whatsapp)\b)"
        ),
        0.92,  # the label outranks an address block the number sits under
        validate=lambda s: 6 <= sum(ch.isdigit() for ch in s) <= 15 and not _DATE_LIKE.match(s),
        min_run=1,
        trigger=(
            "office",
            "fax",
            "mobile",
            "cell",
            "home",
            "work",
            "tel",
            "phone",
            "landline",
            "direct",
            "main",
            "private",
            "whatsapp",
        ),
        folded=True,
    ),
    # --- dates: full dates only; bare years and weekdays are not personal data on their own
    PatternRule(
        "date_numeric",
        "DATE_TIME",
        re.compile(
            # the year may be of the Thai Buddhist era (2484 is 1941); Hebrew joins a prefix
            # with a hyphen ("ב-23/04/2024": on, "ל-": for)
            r"(?:(?<![\d./-])|(?<=[\u05d0-\u05ea]-))(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20|24|25)?\d{2})"
            r"(?!\d|[./-]\d|[T ]\d{1,2}:)"  # not the date of a log timestamp
        ),
        0.65,
        validate=lambda s: not _IP_LIKE.match(s) and _calendar_ok(s),
        min_run=1,
    ),
    PatternRule(
        # A timestamp is personal when a label says it is an event's date, not a log line's.
        "datetime_labelled",
        "DATE_TIME",
        re.compile(
            r"(?<![\d./-])\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
            r"(?:Z|[+-]\d{2}:?\d{2})?(?!\d)"
        ),
        0.65,
        context=_ctx(r"date|when|time|scheduled|appointment|born|dob|birth|visit|admitted|meeting"),
        window=24,
        min_run=4,
        trigger=(
            "date",
            "when",
            "time",
            "scheduled",
            "appointment",
            "born",
            "dob",
            "birth",
            "visit",
            "admitted",
            "meeting",
        ),
        folded=True,
    ),
    # Ages are the identifier registry's ("aged 79", "Alter 79", "79 ans").
    # --- US identifiers that are only numbers: the context word is what makes them PII
    PatternRule(
        "us_passport",
        "US_PASSPORT",
        re.compile(r"\b(?:[A-Za-z]{1,2}\d{6,9}|\d{9})\b"),
        _LABELLED_SCORE,
        context=_PASSPORT_CTX,
        after=24,
        min_run=6,
        trigger=(
            "passport",
            "travel doc",
            "pp",
            "reisepass",
            "pasaport",
            "passeport",
            "passaport",
            "paspoort",
            "paszport",
            "pass nr",
        ),
        folded=True,
    ),
    PatternRule(
        "us_driver_license",
        "US_DRIVER_LICENSE",
        re.compile(_DL_NUMBER),
        _LABELLED_SCORE,
        validate=lambda s: sum(ch.isdigit() for ch in s) + sum(ch.isalpha() for ch in s) >= 6,
        context=_DL_CTX,
        after=24,
        min_run=3,
        trigger=("licen", "dl", "lic", "d/l", "permit", "dmv"),
        folded=True,
    ),
    PatternRule(
        "us_bank_number",
        "US_BANK_NUMBER",
        re.compile(r"(?<![\d-])\d{8,17}(?![\d-])"),
        _LABELLED_SCORE,
        context=_BANK_CTX,
        after=24,
        min_run=8,
        trigger=(
            "ach",
            "konto",
            "compte",
            "cuenta",
            "conta",
            "rekening",
            "conto",
            "rachunek",
            "account",
            "acct",
            "a/c",
            "routing",
            "aba",
            "bank",
            "checking",
            "savings",
            "deposit",
            "wire",
        ),
        folded=True,
    ),
    # --- street addresses and PO boxes
    PatternRule(
        "street_address",
        "LOCATION",
        re.compile(
            rf"(?i)\b\d{{1,6}}[a-z]?(?:[ ,]+[A-Za-zÀ-ÿ][\w'.-]*){{0,4}}[ ]+{_STREET}\b\.?"
            r"(?:,?\s+(?:apt|apartment|suite|ste|unit|fl|floor|#)\.?\s*#?\w{1,6})?"
        ),
        0.8,
        min_run=1,
    ),
    PatternRule(
        "titled_name",
        "PERSON",
        re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?[ ]+[A-Z][\w'-]+(?:[ ]+[A-Z][\w'-]+)?"),
        0.8,
        trigger=("Mr", "Ms", "Mx", "Miss", "Dr", "Prof"),
    ),
    PatternRule(
        "po_box",
        "LOCATION",
        re.compile(
            r"(?i)\b(?:p\.?\s?o\.?\s*box|unit\s+\d{1,6}\s+box|psc\s+\d{1,6}(?:,\s*box)?)\s*\d{1,6}\b"
        ),
        0.8,
        min_run=1,
        trigger=("box", "psc"),
        folded=True,
    ),
    PatternRule(
        "unit",
        "LOCATION",
        re.compile(r"(?i)\b(?:apt|apartment|suite|ste|unit|flat)\.?\s*#?\d{1,6}[a-z]?\b"),
        0.7,
        min_run=1,
        trigger=("apt", "suite", "ste", "unit", "flat"),
        folded=True,
    ),
    PatternRule(
        "us_state_zip",
        "LOCATION",
        re.compile(
            r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|"
            r"O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|AE|AP|AA)\s+\d{5}(?:-\d{4})?\b"
        ),
        0.8,
        min_run=5,
    ),
)


def _folded(text: str) -> str:
    """A copy in which a (?i) pattern's letters can be looked up as substrings: casefold()
    maps "ſ" to "s" and the Kelvin sign to "k"; (?i) also reads a dotless "ı" as "i"."""
    return text.casefold().replace("\u0131", "i")


def _vetoed(rule: PatternRule, view: str, start: int, end: int) -> bool:
    assert rule.veto is not None
    if rule.veto.search(view, max(0, start - rule.window), start):
        return True
    if rule.veto_after is not None and rule.veto_after.match(view, end, end + rule.window):
        return True
    return rule.veto.search(column_header(view, start)) is not None


class RuleSet:
    """Rules prepared to run together. A rule runs only when its gates hold: its digit run, the
    shortest text its regex can match, and one of its triggers, each distinct trigger looked up
    once per text (in the text or its folded copy). Gives exactly what running each rule in
    turn gives, in that order."""

    def __init__(self, rules: Iterable[PatternRule]) -> None:
        self.rules = tuple(rules)
        self._top = max((r.min_run for r in self.rules), default=0)
        # The shortest match each regex can make (lookarounds count nothing), as sre reckons it.
        self._widths = tuple(
            _parser.parse(r.regex.pattern, r.regex.flags).getwidth()[0] for r in self.rules
        )
        self._lengths = sorted(set(self._widths))
        by_trigger: dict[tuple[bool, str], set[int]] = {}
        for index, rule in enumerate(self.rules):
            for t in rule.trigger:
                by_trigger.setdefault((rule.folded, t), set()).add(index)
        self._by_trigger = {key: frozenset(indices) for key, indices in by_trigger.items()}
        self._plans: dict[tuple[int, int], _Plan] = {}

    def _plan(self, longest: int, length: int) -> _Plan:
        """What to look up for a text whose longest digit run and length are these: the rules
        with no trigger that may match, and the triggers of the others, plain and folded."""
        key = (min(longest, self._top), bisect.bisect_right(self._lengths, length))
        plan = self._plans.get(key)
        if plan is None:
            within = [
                i
                for i, r in enumerate(self.rules)
                if r.min_run <= key[0] and self._widths[i] <= length
            ]
            plan = self._plans[key] = _Plan(
                frozenset(i for i in within if not self.rules[i].trigger),
                *(
                    tuple(
                        dict.fromkeys(
                            t
                            for i in within
                            if self.rules[i].folded is folded
                            for t in self.rules[i].trigger
                        )
                    )
                    for folded in (False, True)
                ),
            )
        return plan

    def run(self, text: str) -> Iterator[Candidate]:
        """Every match of every rule in `text`, scored; linear in `len(text)` for each rule.
        A rule whose trigger is absent is not run: its regex could not match."""
        rules, widths, length = self.rules, self._widths, len(text)
        # Characters, not digits: an upper bound on each run's digits is all a gate needs.
        longest = max(map(len, _DIGIT_RUN.findall(text)), default=0)
        plan = self._plan(longest, length)
        chosen = set(plan.ungated)
        by_trigger = self._by_trigger
        for t in plan.plain:
            if t in text:
                chosen.update(by_trigger[False, t])
        if plan.folded:
            # Case-folded, and with `_` as a space, so "social_security_no" holds its trigger.
            folded = _folded(context_view(text))
            for t in plan.folded:
                if t in folded:
                    chosen.update(by_trigger[True, t])
        view: str | None = None
        for index in sorted(chosen):
            rule = rules[index]
            if rule.min_run > longest or widths[index] > length:
                continue
            for match in rule.regex.finditer(text):
                start, end = match.span(rule.group)
                if start < 0 or start == end:
                    continue
                value = text[start:end]
                if rule.validate is not None and not rule.validate(value):
                    continue
                if rule.veto is not None:
                    view = context_view(text) if view is None else view
                    if _vetoed(rule, view, start, end):
                        continue
                score = rule.score
                if rule.context is not None:
                    if view is None:
                        view = context_view(text)
                    held = labelled(
                        rule.context, view, start, end, before=rule.window, after=rule.after
                    )
                    score = score if held else rule.base
                    if score <= 0:
                        continue
                yield Candidate(start, end, rule.entity_type, score, rule.name)


@dataclass(frozen=True, slots=True)
class _Plan:
    ungated: frozenset[int]
    plain: tuple[str, ...]
    folded: tuple[str, ...]


def run_rules(text: str, rules: tuple[PatternRule, ...] = RULES) -> Iterator[Candidate]:
    """Every match of every rule in `text`, scored (a `RuleSet` kept for many texts is faster)."""
    return RuleSet(rules).run(text)
