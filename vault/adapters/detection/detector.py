"""The vault's PII detector: Presidio recognizers, lean spaCy NER and our own rules, no overlaps."""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

import regex
from presidio_analyzer import PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    CryptoRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    UrlRecognizer,
)

from vault.adapters.detection._addresses import (
    address_candidates,
    cued_place_candidates,
    place_candidates,
)
from vault.adapters.detection._dates import date_candidates
from vault.adapters.detection._focus import ner_focus
from vault.adapters.detection._identifiers import (
    IdentifierScan,
    phone_recognizer,
    recognizers_for,
)
from vault.adapters.detection._keyed import keyed_address_candidates
from vault.adapters.detection._korean import korean_candidates
from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._offline import make_tldextract_offline
from vault.adapters.detection._patterns import RULES, Candidate, RuleSet
from vault.adapters.detection._people import (
    implausible_person,
    label_not_person,
    name_candidates,
    place_not_person,
    repeated_names,
)
from vault.adapters.detection._script_places import script_place_candidates
from vault.adapters.detection._scripts import script_name_candidates
from vault.adapters.detection._tables import column_candidates
from vault.adapters.detection._thai import thai_candidates
from vault.adapters.detection._tokens import TOKEN_RE
from vault.adapters.detection._transcripts import transcript_candidates
from vault.adapters.detection._version import detector_version
from vault.domain.entities import DETECTED_TYPES
from vault.domain.spans import Span
from vault.errors import InvalidRequest

__all__ = ["SUPPORTED_ENTITIES", "PresidioDetector"]

# The catalogue is the domain's; the detector finds every type it marks as detected.
SUPPORTED_ENTITIES = DETECTED_TYPES

# NER chunks: long enough for context, short enough that nothing grows with the document.
_CHUNK_CHARS = 2000
_NER_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}
_NER_SCORE = 0.85
# Characters per spaCy batch: 256 cells of ~100 characters take 15-25% less NER CPU each than
# 32 did, while 2,000-character chunks cost most in batches of a few (the arrays outgrow the
# caches): a batch is bounded by its text, not by its count.
_NER_BATCH_CHARS = 32_000
_CLAIM_SCORE = 0.75
# Characters spaCy must not see: C0/C1 controls (bar tab/newline/CR) and lone surrogates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_A_NAME = re.compile(r"[\d@_/=\\<>{}\[\]|#$%^*+~`]")
_LETTER = re.compile(r"[^\W\d_]")
_CELL_END = re.compile(r",(?! )|[\t;|\n]")
# Names of languages, tools, platforms and config keys the small model takes for places or people.
_NOT_PLACES_OR_PEOPLE = load_words("not_places_or_people.txt")
_EDGE_JUNK = " \t\r\n\"'`.,;:!?()[]{}<>-"
# Not the year of a date that follows the place ("Warsaw,1985-11-02" in a CSV row).
_POSTCODE_AFTER = re.compile(
    r"[ ,\n]{1,3}(\d{4,6}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
    r"|(?<=[A-Z]\d[A-Z] )\d[A-Z]\d)\b"  # the second half of a Canadian code cut at its space
    r"(?![-./]\d)"
)
# Cheap tests that a text may hold what a Presidio recognizer looks for; each recognizer costs
# ~0.1 ms a call, mostly overhead, and most prompts hold no IBAN, wallet or IP address.
_MAY_HOLD = {
    "EMAIL_ADDRESS": re.compile(r"@"),
    "IBAN_CODE": re.compile(r"[A-Za-z]{2}\d{2}"),
    "IP_ADDRESS": re.compile(r"\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f:]"),
    "URL": re.compile(r"\w\.\w"),
    "CRYPTO": re.compile(r"[13][a-km-zA-HJ-NP-Z1-9]{25}|bc1[a-z0-9]{20}", re.IGNORECASE),
}
# Schemeless "URLs" ending in a source-file extension that is also a TLD (setup.py, README.md).
_FILE_TLDS = frozenset(
    {"py", "md", "sh", "rs", "pl", "so", "cs", "ts", "ps", "mk", "rb", "kt", "sc"}
)


@cache
def _compiled_patterns(recognizer: PatternRecognizer) -> tuple[tuple[Any, float], ...]:
    """The recognizer's patterns compiled as Presidio compiles them (the `regex` module, its
    flags), with each pattern's score."""
    flags = recognizer.global_regex_flags or 0
    patterns: list[Any] = vars(recognizer)["patterns"]  # untyped in presidio
    return tuple((regex.compile(p.regex, flags=flags), float(p.score)) for p in patterns)


def _pattern_matches(recognizer: PatternRecognizer, text: str) -> Iterator[tuple[int, int, float]]:
    """What `recognizer.analyze` finds, as (start, end, score), without its per-call cost
    (explanations, timing, logging): a validated match scores 1.0, an invalid one is dropped."""
    for compiled, score in _compiled_patterns(recognizer):
        for m in compiled.finditer(text):
            start, end = m.span()
            if start == end:
                continue
            value = text[start:end]
            valid = recognizer.validate_result(value)
            found = score if valid is None else (1.0 if valid else 0.0)
            if recognizer.invalidate_result(value):
                found = 0.0
            if found > 0.0:
                yield start, end, found


def _only_tokens_with(text: str, gate: re.Pattern[str]) -> str | None:
    """A same-length copy of `text` keeping only the whitespace-free tokens in which `gate`
    matches, the rest blanked; None when there is none. An address, URL or wallet never holds
    a space, so a recognizer finds in it what it finds in the text, in a fraction of the time
    its regex takes over the whole prompt."""
    kept: list[tuple[int, int]] = []
    for m in gate.finditer(text):
        if kept and m.start() < kept[-1][1]:
            continue
        start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        end = len(text)
        for sep in (" ", "\n"):
            at = text.find(sep, m.end())
            if 0 <= at < end:
                end = at
        kept.append((start, end))
    if not kept:
        return None
    parts, last = [], 0
    for start, end in kept:
        parts.append(" " * (start - last))
        parts.append(text[start:end])
        last = end
    parts.append(" " * (len(text) - last))
    return "".join(parts)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _sanitize(text: str) -> str:
    """Same-length copy with controls, lone surrogates and vault tokens turned into spaces."""
    return TOKEN_RE.sub(_blank, _UNSAFE.sub(" ", text))


def _chunks(text: str, size: int = _CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split at a newline, sentence end or space near `size`, so each chunk stays small."""
    out: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            half = start + size // 2
            cut = max(text.rfind("\n", half, end), text.rfind(". ", half, end))
            if cut < 0:
                cut = text.rfind(" ", half, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, text[start:end]))
        start = end
    return out


def _batches(texts: list[str], budget: int) -> Iterator[list[str]]:
    """`texts` in order, cut into runs of at most `budget` characters (or one longer text)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > budget:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


_CAPS_RUN = re.compile(r"[A-Z]{3}")
_CAPS_WORD = re.compile(r"[^\W\d_]+")


def _title_word(match: re.Match[str]) -> str:
    word = match.group()
    titled = word[0] + "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in word[1:])
    return titled if len(titled) == len(word) else word


def _title_case_caps_lines(chunk: str) -> str | None:
    """Same-length copy with ALL-CAPS lines title-cased and other lines blanked; None if none."""
    if not _CAPS_RUN.search(chunk):
        return None
    lines = chunk.split("\n")
    found = False
    for i, line in enumerate(lines):
        letters = [ch for ch in line if ch.isalpha()]
        upper = sum(ch.isupper() for ch in letters)
        if len(letters) >= 6 and upper >= 0.9 * len(letters) and " " in line.strip():
            lines[i] = _CAPS_WORD.sub(_title_word, line)
            found = True
        else:
            lines[i] = " " * len(line)
    return "\n".join(lines) if found else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    if text[max(start, end - 2) : end].lower() in ("'s", "’s"):
        end -= 2
    return start, end


# What every address `address_candidates` finds has besides its number: a space or the mark
# after a postcode label ("zip:94105"), or a box ("BOX12", "Postfach12").
_ADDRESS_GLUE = re.compile(r"[\s:#=\"']")
_BOX = re.compile(r"(?i)box|postfach|postbus")
# What every name the lists and cues find needs (`name_candidates`): a word in title or lower
# case, or the space, punctuation or line break that a cue, title, initial or user name has.
_NAME_GLUE = re.compile(r"[ \t\n\"':,=._’：]")
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")  # the words `name_candidates` reads


def _may_name(text: str) -> bool:
    """False only for a text in which `name_candidates` finds nothing (an id such as
    "CUST-00000123": one word in capitals, no space or punctuation)."""
    if _NAME_GLUE.search(text):
        return True
    return any(
        word.islower() or (word[0].isupper() and not (len(word) > 1 and word.isupper()))
        for word in _NAME_WORD.findall(text)
    )


class PresidioDetector:
    """Finds PII spans in text; spans never overlap and come sorted by start."""

    def __init__(
        self,
        nlp: Any,
        *,
        entities: Collection[str] | None = None,
        score_threshold: float = 0.5,
        allow_list: Collection[str] = (),
        deny_list: Mapping[str, Collection[str]] | None = None,
        regions: Collection[str] | None = None,
    ) -> None:
        """`regions` (ISO 3166 codes from the policy's locales) choose the country recognizers
        and phone formats; None runs them all."""
        make_tldextract_offline()
        self._nlp = nlp
        self._entities = frozenset(entities) if entities is not None else SUPPORTED_ENTITIES
        self._threshold = score_threshold
        self._allow = frozenset(value.strip().casefold() for value in allow_list)
        self._deny = [
            (entity, re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"))
            for entity, words in (deny_list or {}).items()
            if words
        ]
        # (recognizer, entity, score given to a validated match)
        self._presidio: list[tuple[PatternRecognizer, str, float]] = [
            (EmailRecognizer(), "EMAIL_ADDRESS", 0.95),
            (IbanRecognizer(), "IBAN_CODE", 1.0),
            (IpRecognizer(), "IP_ADDRESS", 0.8),
            (UrlRecognizer(), "URL", 0.75),  # above listed names inside it (github.com/aiko4)
            (CryptoRecognizer(), "CRYPTO", 1.0),
        ]
        self._regions = frozenset(r.upper() for r in regions) if regions is not None else None
        identifiers = recognizers_for(self._regions, self._entities)
        if "PHONE_NUMBER" in self._entities:
            identifiers += (phone_recognizer(self._regions),)
        self._identifiers = IdentifierScan(identifiers)
        self._rules = RuleSet(r for r in RULES if r.entity_type in self._entities)
        self._use_ner = bool({"PERSON", "LOCATION"} & self._entities)
        self.version = detector_version(
            nlp,
            entities=self._entities,
            threshold=score_threshold,
            allow_list=self._allow,
            deny_list=deny_list or {},
            regions=self._regions,
        )

    def detect(self, text: str) -> list[Span]:
        """PII spans of `text`. InvalidRequest if `text` is not a str."""
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`detect` for many texts, batching the NER over all of them."""
        for text in texts:
            if not isinstance(text, str):
                raise InvalidRequest("text must be a string", param="text")
        cleaned = [_sanitize(text) for text in texts]
        rules = [self._candidates(clean) for clean in cleaned]
        ner = self._ner_many(cleaned, rules) if self._use_ner else [[] for _ in cleaned]
        return [
            self._finish(clean, found + more, original=text)
            for text, clean, found, more in zip(texts, cleaned, rules, ner, strict=True)
        ]

    # --- candidates

    def _ner_many(self, cleaned: list[str], rules: list[list[Candidate]]) -> list[list[Candidate]]:
        jobs: list[tuple[int, int, str]] = []
        for index, clean in enumerate(cleaned):
            # Words a confident rule already claims need no second opinion from the model.
            claimed = bytearray(len(clean))
            for c in rules[index]:
                # A full name from the lists counts; a lone given name may have a surname NER
                # would add.
                if c.score >= _CLAIM_SCORE or (
                    c.source == "names" and " " in clean[c.start : c.end]
                ):
                    claimed[c.start : c.end] = b"\x01" * (c.end - c.start)
            for offset, chunk in _chunks(clean):
                focused = ner_focus(chunk, claimed=claimed, offset=offset)
                if focused is not None:
                    jobs.append((index, offset, focused))
                if re.search(r"[^\W\d_]{2}", chunk):
                    # The model reads ALL-CAPS headlines as acronyms; show it a title-case copy.
                    titled = _title_case_caps_lines(chunk)
                    if titled is not None:
                        jobs.append((index, offset, titled))
        out: list[list[Candidate]] = [[] for _ in cleaned]
        found = self._entities_in([chunk for _, _, chunk in jobs])
        for index, offset, chunk in jobs:
            text = cleaned[index]
            for ent_start, ent_end, entity in found[chunk]:
                ent_start, ent_end = offset + ent_start, offset + ent_end
                # A line break or table delimiter ends a name, whatever the model thinks
                # ("Lena Vogt\nKastanienallee", "Zhytomyr,20"): keep each piece on its own.
                pieces = _CELL_END.split(text[ent_start:ent_end])
                pos = ent_start
                for piece in pieces:
                    start, end = _trim(text, pos, pos + len(piece))
                    pos += len(piece) + 1
                    if end - start < 2:
                        continue
                    value = text[start:end]
                    if value.lower() in _NOT_PLACES_OR_PEOPLE or not _LETTER.search(value):
                        continue
                    if entity == "PERSON" and (
                        implausible_person(value) or label_not_person(text, start, end)
                    ):
                        continue
                    if entity == "PERSON" and (title := _TITLE_FIRST.match(value)):
                        start, value = start + title.end(), value[title.end() :]  # "Բարև Անի"
                    if entity == "PERSON":
                        # "de Barcelona", "Kraków": the model's name is a place.
                        lead = _LEADING_PARTICLE.match(value)
                        if place_not_person(value[lead.end() if lead else 0 :]):
                            entity, start = "LOCATION", start + (lead.end() if lead else 0)
                    if entity == "LOCATION" and re.search(r"[@_/=\\<>{}\[\]|]", value):
                        continue
                    out[index].append(Candidate(start, end, entity, _NER_SCORE, "ner"))
        return out

    def _entities_in(self, chunks: list[str]) -> dict[str, list[tuple[int, int, str]]]:
        """The model's PERSON and LOCATION entities of each distinct chunk, as (start, end,
        type) within it: a value repeated down a column is read once."""
        distinct = list(dict.fromkeys(chunks))
        if not distinct:
            return {}
        # One chunk (a prompt) skips the batching machinery, a tenth of its NER time.
        docs: Iterable[Any] = (
            [self._nlp(distinct[0])]
            if len(distinct) == 1
            else (
                doc
                for batch in _batches(distinct, _NER_BATCH_CHARS)
                for doc in self._nlp.pipe(batch, batch_size=len(batch))
            )
        )
        return {
            chunk: [
                (ent.start_char, ent.end_char, _NER_LABELS[ent.label_])
                for ent in doc.ents
                if ent.label_ in _NER_LABELS
            ]
            for chunk, doc in zip(distinct, docs, strict=True)
        }

    def _candidates(self, text: str) -> list[Candidate]:
        if not text.strip():
            return []
        found = list(self._rules.run(text))
        found.extend(self._identifiers.candidates(text))
        for recognizer, entity, score in self._presidio:
            if entity not in self._entities:
                continue
            if entity == "IBAN_CODE":
                if not _MAY_HOLD[entity].search(text):
                    continue
                # IBANs are often typed in lower case; upper() keeps offsets when lengths match.
                upper = text.upper()
                subject = upper if len(upper) == len(text) else text
            else:
                sparse = _only_tokens_with(text, _MAY_HOLD[entity])
                if sparse is None:
                    continue
                subject = sparse
            for start, end, found_score in _pattern_matches(recognizer, subject):
                if entity == "IBAN_CODE" and found_score < 1.0:
                    continue  # only checksum-valid IBANs
                if entity == "URL" and (
                    self._looks_like_file(text[start:end])
                    or self._cut_from_code(text, start, end)
                    or _NAMESPACE.search(text, max(0, start - 32), start) is not None
                ):
                    continue
                if entity == "IP_ADDRESS" and _LOOPBACK.fullmatch(text, start, end):
                    continue  # this machine itself (a shell prompt's 127.0.0.1): no one's
                if entity == "EMAIL_ADDRESS":
                    # "email=ann@x.org" in a log: the key is not part of the address.
                    start = max(start, text.rfind("=", start, text.find("@", start, end)) + 1)
                    while start < end and _UNSPACED.match(text, start):
                        start += 1  # "邮箱ann@x.org": the label glued to it is no part
                while end > start and text[end - 1] in ".,;:!?)]}'\"":
                    end -= 1  # sentence punctuation is not part of the URL or address
                found.append(Candidate(start, end, entity, score, "presidio"))
        # "scheme://user:pw@host": the password is a secret, not the local part of an address.
        in_url = [c for c in found if c.source == "url_password"]
        if in_url:
            found = [
                c
                for c in found
                if c.entity_type != "EMAIL_ADDRESS"
                or not any(u.start < c.end and c.start < u.end for u in in_url)
            ]
        # Table headers, places, streets, cues and names are all made of letters: a cell without
        # one (a number, a date, a phone) holds none of them. An address also needs a number.
        letters = _LETTER.search(text) is not None
        if letters:
            found.extend(c for c in column_candidates(text) if c.entity_type in self._entities)
        if "DATE_TIME" in self._entities:
            found.extend(date_candidates(text))
        places = place_candidates(text) if self._use_ner and letters else []
        if "LOCATION" in self._entities and letters:
            if _HAS_DIGIT.search(text):
                if _ADDRESS_GLUE.search(text) or _BOX.search(text):
                    found.extend(address_candidates(text))
                found.extend(keyed_address_candidates(text))
            found.extend(places)
            if " " in text:  # every cue is words before the place
                found.extend(cued_place_candidates(text))
            found.extend(script_place_candidates(text))
        if "PERSON" in self._entities and letters and _may_name(text):
            found.extend(name_candidates(text, places=places))
            found.extend(transcript_candidates(text))
        if "PERSON" in self._entities and letters and not text.isascii():
            found.extend(script_name_candidates(text))  # every such name has a letter past ASCII
        if self._use_ner and letters:
            found.extend(c for c in korean_candidates(text) if c.entity_type in self._entities)
            found.extend(c for c in thai_candidates(text) if c.entity_type in self._entities)
        for entity, pattern in self._deny:
            found.extend(Candidate(*m.span(), entity, 1.0, "deny") for m in pattern.finditer(text))
        return found

    @staticmethod
    def _cut_from_code(text: str, start: int, end: int) -> bool:
        """A schemeless "URL" cut out of a longer word: "o.cu" from "o.customer_id"."""
        value = text[start:end]
        if "://" in value or value.lower().startswith("www."):
            return False
        if len(value.split(".")[0]) < 2:
            return True  # "c.id", "o.cu": a one-letter alias and a column, not a host
        return end < len(text) and (text[end].isalnum() or text[end] == "_")

    @staticmethod
    def _looks_like_file(value: str) -> bool:
        if "://" in value or value.lower().startswith("www."):
            return False
        return value.rsplit(".", 1)[-1].lower() in _FILE_TLDS

    # --- resolution

    def _finish(self, text: str, found: list[Candidate], *, original: str) -> list[Span]:
        found = [_without_open_bracket(text, c) for c in found if c.entity_type in self._entities]
        found.extend(self._postcodes(text, found))
        found.extend(
            repeated_names(
                text, [c for c in found if c.entity_type == "PERSON" and c.score >= self._threshold]
            )
        )
        found = [
            c
            for c in found
            if c.score >= self._threshold
            and text[c.start : c.end].strip().casefold() not in self._allow
        ]
        return _join_places(text, _resolve(text, _merge_same_type(_whole_words(original, found))))

    @staticmethod
    def _postcodes(text: str, found: Iterable[Candidate]) -> list[Candidate]:
        out = []
        for c in found:
            if c.entity_type == "LOCATION":
                m = _POSTCODE_AFTER.match(text, c.end)
                if m:
                    out.append(Candidate(m.start(1), m.end(1), "LOCATION", c.score, "postcode"))
        return out


_PLACE_GLUE = re.compile(r"[ ]?,?[ ]{0,2}(?:[-–/][ ]?)?")
_HAS_DIGIT = re.compile(r"\d")


def _without_open_bracket(text: str, c: Candidate) -> Candidate:
    """A phone number without the bracket it opens a remark with: "(2488 2783)" is no "(2488"
    area code."""
    if (
        c.entity_type == "PHONE_NUMBER"
        and text[c.start] == "("
        and ")" not in text[c.start : c.end]
    ):
        return dataclasses.replace(c, start=c.start + 1)
    return c


def _join_places(text: str, spans: list[Span]) -> list[Span]:
    """Parts of one address on one line ("Isebaan 275", ", ", "1824GH", ", ", "Woudenberg")
    become one span, so the commas between them are masked too and one token stands for it."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.entity_type == span.entity_type == "LOCATION"
            and 0 < span.start - last.end <= 4
            and _PLACE_GLUE.fullmatch(text, last.end, span.start)
            # From a numbered street or postcode on: an address, not "Paris, France" or the
            # company before it ("Solarlist, 04 55 Halsey Road").
            and _HAS_DIGIT.search(text, last.start, last.end)
        ):
            out[-1] = Span(last.start, span.end, "LOCATION", max(last.score, span.score))
        else:
            out.append(span)
    return out


def _merge_same_type(found: list[Candidate]) -> list[Candidate]:
    """Union overlapping candidates of one type (a street rule and NER on the same address)."""
    merged: list[Candidate] = []
    for c in sorted(found, key=lambda c: (c.entity_type, c.start, -c.end)):
        last = merged[-1] if merged else None
        if last is not None and last.entity_type == c.entity_type and c.start < last.end:
            merged[-1] = Candidate(
                last.start,
                max(last.end, c.end),
                c.entity_type,
                max(last.score, c.score),
                last.source,
            )
        else:
            merged.append(c)
    return merged


# A greeting or title of the scripts with capitals the model takes into the name after it.
_TITLE_FIRST = re.compile(
    "(?i:"
    + "|".join(re.escape(w) for w in sorted(load_words("name_greetings.txt"), key=len)[::-1])
    + r")\.?[ ]+(?=\w)"
)
_LEADING_PARTICLE = re.compile(r"(?:de|di|da|du|del|van|von|in|aus|en|à|a)[ ]+")
_JOINERS = frozenset("\u200c\u200d\u2060")
# Identifiers glued to a prefix ("SSN123-45-6789") grow to the whole word; names and places,
# which a cue regex could cut out of an ordinary word ("hi|nge"), are dropped instead.
# An XML or RDF namespace names a vocabulary, no one's page: xmlns="…", @prefix ex: <…>.
_NAMESPACE = re.compile(
    r"(?:xmlns(?::[\w.-]+)?[ ]?=[ ]?[\"']?|@prefix[ ]+[\w-]*:[ ]*<)(?:[a-z]+://)?\Z"
)
_LOOPBACK = re.compile(r"127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0")
_SOFT_TYPES = frozenset({"PERSON", "LOCATION", "DATE_TIME"})  # an age grows: "79enne"
# Values a file format glues to their field's code (QIF's "D07/30/2024", MT940's ":60F:C241129").
_GLUED_BY_FORMAT = frozenset({"date_qif", "date_mt940"})
_MAX_GROWTH = 64


# Scripts written without spaces between words (Thai, kana, Han, Hangul syllables with their
# particles): any boundary next to one of their letters may end a word ("79歳の", "김민수는").
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")


def _joined(before: str, after: str) -> bool:
    """True when a boundary between these two characters would split a word, a grapheme
    (a combining mark, a joiner) or a surrogate pair."""
    if after in _JOINERS or before in _JOINERS or unicodedata.category(after).startswith("M"):
        return True
    if before.isalnum() and after.isalnum():
        return not (_UNSPACED.match(before) or _UNSPACED.match(after))
    return "\ud800" <= before <= "\udbff" and "\udc00" <= after <= "\udfff"


def _mid_word(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and _joined(text[pos - 1], text[pos])


def _whole_words(text: str, found: list[Candidate]) -> list[Candidate]:
    """Candidates whose both ends fall between words: identifiers grow to the word they sit
    in (at most 64 characters each way), soft types that would cut a word are dropped."""
    out: list[Candidate] = []
    for c in found:
        start, end = c.start, c.end
        if not (_mid_word(text, start) or _mid_word(text, end)):
            out.append(c)
            continue
        if c.source in _GLUED_BY_FORMAT:
            out.append(c)
            continue
        if c.entity_type in _SOFT_TYPES:
            continue
        floor, ceiling = max(0, start - _MAX_GROWTH), min(len(text), end + _MAX_GROWTH)
        while start > floor and _mid_word(text, start):
            start -= 1
        while end < ceiling and _mid_word(text, end):
            end += 1
        if not (_mid_word(text, start) or _mid_word(text, end)):
            # A grown match is less sure than one that stood alone: an IBAN whose digits pass
            # Luhn is an IBAN, not a card.
            out.append(Candidate(start, end, c.entity_type, c.score - 0.1, c.source))
    return out


def _resolve(text: str, found: list[Candidate]) -> list[Span]:
    """Keep the best of overlapping spans: higher score, then longer, then earlier, then by name.

    A candidate partly covered by a better one keeps its uncovered whole words, so a name the
    model ran into an address line ("Lena Vogt" before "Kastanienallee 17") is not lost.
    """
    starts: list[int] = []
    kept: list[Candidate] = []
    queue = deque(sorted(found, key=lambda c: (-c.score, c.start - c.end, c.start, c.entity_type)))
    while queue:
        c = queue.popleft()
        i = bisect.bisect_left(starts, c.start)
        before = kept[i - 1] if i > 0 and kept[i - 1].end > c.start else None
        after = kept[i] if i < len(kept) and kept[i].start < c.end else None
        if before is None and after is None:
            starts.insert(i, c.start)
            kept.insert(i, c)
            continue
        rest_start = before.end if before is not None else c.start
        rest_end = after.start if after is not None else c.end
        if (after is not None and after.end < c.end) or rest_end - rest_start < 2:
            continue  # the remainder would be split or empty: drop it as before
        rest_start, rest_end = _trim(text, rest_start, rest_end)
        if rest_end - rest_start < 2 or (rest_start, rest_end) == (c.start, c.end):
            continue
        if _mid_word(text, rest_start) or _mid_word(text, rest_end):
            continue
        if c.entity_type in ("PERSON", "LOCATION") and implausible_person(
            text[rest_start:rest_end]
        ):
            continue  # "In" left of "May 2021", "with Dr" right of a date: ordinary words
        rest = Candidate(rest_start, rest_end, c.entity_type, c.score, c.source)
        queue.appendleft(rest)
    return [Span(c.start, c.end, c.entity_type, c.score) for c in kept]
