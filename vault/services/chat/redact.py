"""Redacted chat requests: every slot tokenized, known values tokenized where they stand, the
exact bytes that leave guarded.

One request is worked in five steps: walk it (`request.walk_request`: closed fields validated,
every other string, key, name and identifier-like number a slot); detect every slot in one batch
through a per-tenant cache, so a conversation's earlier turns are not detected again; add the
places where a value found anywhere in the request, or one the tenant sent before, stands again;
tokenize all slots in one call; then serialize once and let the guard read those bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from vault.domain.entities import LITERAL_TOKEN_TYPE
from vault.domain.policy import Operator
from vault.domain.spans import Span
from vault.errors import InvalidRequest, OutboundBlocked, PersonalDataInField, VaultError
from vault.ports import SpanCacheStore
from vault.services.anonymize import AnonymizedText, Anonymizer
from vault.services.chat.guard import Forms, KnownValues, PayloadCheck
from vault.services.chat.known import KnownMemory
from vault.services.chat.request import Slot, SlotKind, Walked, iter_strings, walk_request
from vault.services.chat.restore import Answer

__all__ = ["ChatRedactor", "RedactedRequest"]

_CACHE_ENTRIES = 50_000
# Where two adjacent texts meet, this much of each is read together for a value cut in two.
_JOIN_WINDOW = 32
_MIN_AGAIN = 3  # a shorter value found again would be ordinary text as often as PII
_DIGITS_AT_END = re.compile(r"\d[\s.-]*$")
_DIGITS_AT_START = re.compile(r"[\s.-]*\d")
# `json.dumps(body, ensure_ascii=False, separators=(",", ":"))` with its encoder built once.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass
class RedactedRequest:
    """The body to send upstream, and what was done to produce it (counts only)."""

    body: dict[str, Any]
    payload: bytes
    counts: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    detected: int = 0  # texts run through the detector; the others came from the cache
    cached: int = 0
    detect_seconds: float = 0.0  # time spent detecting (cache look-ups and re-scan included)
    # Token → the value it replaced in this request: lets the answer be restored without a
    # token-store round trip. Held for the request only; never logged.
    values: dict[str, str] = field(default_factory=dict, repr=False)


class SpanCache:
    """Spans by a keyed hash of (tenant, text): a text one tenant sent tells another nothing,
    and the key (a per-process secret) keeps PII out of memory dumps of the keys.

    The hash is keyed BLAKE2b, a MAC by design, rather than HMAC-SHA-256: OpenSSL looks its
    HMAC up anew on every call, which cost twice the hash itself over a 1 KB text (three keys
    per proxied request)."""

    def __init__(self, entries: int = _CACHE_ENTRIES) -> None:
        self._secret = os.urandom(32)
        self._entries = entries
        self._data: OrderedDict[bytes, list[Span]] = OrderedDict()
        self._lock = threading.Lock()

    def key(self, tenant: str, text: str) -> bytes:
        data = f"{tenant}\x00{text}".encode()
        return hashlib.blake2b(data, key=self._secret, digest_size=32).digest()

    def get_many(self, keys: Sequence[bytes]) -> list[list[Span] | None]:
        with self._lock:
            found = [self._data.get(key) for key in keys]
            for key, spans in zip(keys, found, strict=True):
                if spans is not None:
                    self._data.move_to_end(key)
            return found

    def put_many(self, entries: Mapping[bytes, list[Span]]) -> None:
        with self._lock:
            self._data.update(entries)
            while len(self._data) > self._entries:
                self._data.popitem(last=False)


def _copy_json(value: Any) -> Any:
    """A deep copy of parsed JSON: only dicts and lists are mutable there."""
    if isinstance(value, dict):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


class ChatRedactor:
    """Tokenizes chat requests for one policy; one detection cache and one memory of known
    values per tenant, shared across requests."""

    def __init__(
        self,
        anonymizer: Anonymizer,
        *,
        full_rescan: bool = False,
        cache: SpanCacheStore | None = None,
        known: KnownMemory | None = None,
    ) -> None:
        self._anonymizer = anonymizer
        self._policy = anonymizer.policy
        # In process by default; a store shared by workers (Redis) when one is given.
        self._cache: SpanCacheStore = cache or SpanCache()
        self._full_rescan = full_rescan or anonymizer.policy.full_outbound_rescan
        self._known = known or KnownMemory()
        self._known_lock = threading.Lock()

    def redact(self, tenant: str, body: dict[str, Any], *, owned: bool = False) -> RedactedRequest:
        """The body with every slot anonymized. `owned`: the body is the caller's to give
        (freshly parsed, read by no one after), so it is rewritten in place, not copied.

        Raises InvalidRequest naming the field for a request that does not fit Groq's grammar,
        or a closed field (`model`, `seed`) that carries personal data; OutboundBlocked if the
        guard finds PII left in the exact bytes that would be sent.
        """
        if not owned:
            body = _copy_json(body)
        walked = self._walk(body)
        self._known.refresh(tenant)
        slots = walked.slots
        started = time.perf_counter()
        spans, detected = self._spans(tenant, slots, self._cache)
        result = RedactedRequest(
            body=body,
            payload=b"",
            detected=detected,
            cached=len(slots) - detected,
            detect_seconds=time.perf_counter() - started,
        )
        _refuse_closed(slots, spans)
        spans, values = self._settle(tenant, walked, spans)
        with self._known_lock:
            earlier = self._known.get(tenant)
            work = self._plan(slots, spans, values, earlier)
        done = self._anonymizer.anonymize_many(
            tenant, [slot.text for slot, _ in work], spans=[found for _, found in work]
        )
        for (slot, found), anonymized in zip(work, done, strict=True):
            _write_anonymized(result, slot, found, anonymized)
        walked.finish()
        payload = _encode(body)
        result.payload = payload.encode()
        forms: Forms = {}  # each value's folded form and digits, worked out once for both
        self._guard(tenant, payload, values, forms=forms)
        if self._full_rescan:
            # Every string and key of the body as it leaves, known field or not.
            self._rescan(result, list(dict.fromkeys(iter_strings(body))))
        self._remember(tenant, values, forms=forms)
        self._known.publish(tenant)
        return result

    def redact_many(
        self, tenant: str, bodies: list[dict[str, Any]], *, cache: SpanCacheStore | None = None
    ) -> tuple[list[RedactedRequest], tuple[int, VaultError] | None]:
        """`redact` for many requests in order (a batch file's lines), the same bytes as one
        `redact` call after another, with one detection batch and one tokenization for all.
        `cache`: where detected spans are kept instead of the conversations' cache (a batch
        file's own, so its unique lines do not push the conversations out).

        `bodies` are rewritten in place (freshly parsed: they are not copied). Returns the
        redacted requests of the bodies before the first that fails, and that body's index
        with the error `redact` would have raised for it (InvalidRequest, PersonalDataInField,
        OutboundBlocked). Other errors (detection, the token store) propagate.
        """
        walks: list[Walked] = []
        failed: tuple[int, VaultError] | None = None
        for i, body in enumerate(bodies):
            try:
                walked = self._walk(body)
            except InvalidRequest as exc:
                failed = (i, exc)
                break
            walks.append(walked)
        self._known.refresh(tenant)
        started = time.perf_counter()
        every = [slot for walked in walks for slot in walked.slots]
        found_all, detected = self._spans(tenant, every, cache or self._cache)
        share = (time.perf_counter() - started) / max(len(walks), 1)
        # Each request's slots and spans, then what to replace: values found earlier in the
        # batch are looked for where they stand, as `redact` after `redact` would.
        planned: list[tuple[Walked, list[tuple[Slot, list[Span]]], dict[str, str]]] = []
        cursor = 0
        for i, walked in enumerate(walks):
            slots = walked.slots
            spans = found_all[cursor : cursor + len(slots)]
            cursor += len(slots)
            try:
                _refuse_closed(slots, spans)
            except InvalidRequest as exc:
                failed = (i, exc)
                break
            spans, values = self._settle(tenant, walked, spans)
            with self._known_lock:
                known = self._known.of(tenant)
                planned.append((walked, self._plan(slots, spans, values, known), values))
                known.add_written(values)
        work = [item for _, plan, _ in planned for item in plan]
        done = iter(
            self._anonymizer.anonymize_many(
                tenant, [slot.text for slot, _ in work], spans=[found for _, found in work]
            )
        )
        results = []
        # Each value's folded form and digits, worked out once for the call: held no longer.
        forms: Forms = {}
        for walked, plan, _ in planned:
            result = RedactedRequest(
                body={}, payload=b"", cached=len(walked.slots), detect_seconds=share
            )
            for slot, found in plan:
                _write_anonymized(result, slot, found, next(done))
            walked.finish()
            results.append(result)
        payloads = []
        for result, body in zip(results, bodies, strict=False):
            result.body = body
            payload = _encode(body)
            result.payload = payload.encode()
            payloads.append(payload)
        every_values = [values for _, _, values in planned]
        if not self._full_rescan and self._all_clear(tenant, payloads, every_values, forms):
            with self._known_lock:
                known = self._known.of(tenant)
                for values in every_values:
                    known.add_guarded(values, forms=forms)
        else:
            # Something stands somewhere: each request guarded as `redact` guards it, against
            # what was known before it.
            for i, (values, result, payload) in enumerate(
                zip(every_values, results, payloads, strict=True)
            ):
                try:
                    self._guard(tenant, payload, values, forms=forms)
                    if self._full_rescan:
                        self._rescan(result, list(dict.fromkeys(iter_strings(result.body))))
                except InvalidRequest as exc:  # OutboundBlocked: this body is the first to fail
                    self._known.publish(tenant)
                    return results[:i], (i, exc)
                with self._known_lock:
                    known = self._known.of(tenant)
                    known.add_guarded(values, forms=forms)
        self._known.publish(tenant)
        if results:
            results[0].detected = detected
            results[0].cached -= detected
        return results, failed

    def views(self, bodies: list[dict[str, Any]]) -> list[str]:
        """The texts `redact_many` would detect for these bodies, in order, up to the first
        body it would refuse: for detecting them elsewhere first (their spans then given to it
        through its cache). The bodies are read, not rewritten."""
        texts = []
        for body in bodies:
            try:
                walked = self._walk(body)
            except InvalidRequest:
                break
            texts += [slot.view for slot in walked.slots]
        return texts

    def _walk(self, body: dict[str, Any]) -> Walked:
        """The body's slots and stand-ins; InvalidRequest naming the field for a request this
        vault refuses (an image under `requests.images: reject`, a value too large to keep)."""
        walked = walk_request(body, self._policy.requests)
        if walked.images and self._policy.requests.images == "reject":
            raise InvalidRequest(
                "image content is refused by this vault's policy (requests.images)",
                param="messages",
            )
        for slot in walked.slots:
            _check_storable(slot)
        return walked

    def _settle(
        self, tenant: str, walked: Walked, spans: list[list[Span]]
    ) -> tuple[list[list[Span]], dict[str, str]]:
        """The spans to replace in each slot (values split across slots joined, what is not PII
        dropped), with the stand-in numbers keyed; and each value to guard with its type."""
        slots = walked.slots
        self._join_split_values(slots, spans)
        spans = [
            self._without_not_pii(tenant, slot, found)
            for slot, found in zip(slots, spans, strict=True)
        ]
        for container, key in walked.stand_ins:
            container[key] = self._anonymizer.keyed_number(tenant, container[key])
        values = {
            slot.text[s.start : s.end]: s.entity_type
            for slot, found in zip(slots, spans, strict=True)
            for s in found
            # Look-alikes of tokens are not PII: guarding them would block the vault's own tokens.
            if s.entity_type != LITERAL_TOKEN_TYPE
            and self._policy.rule_for(s.entity_type).operator is not Operator.KEEP
        }
        return spans, values

    def _plan(
        self,
        slots: list[Slot],
        spans: list[list[Span]],
        values: dict[str, str],
        earlier: KnownValues | None,
    ) -> list[tuple[Slot, list[Span]]]:
        """Each slot with something to replace, and its spans: those detected, plus every place
        a value detected elsewhere in the request, or known from before, stands again."""
        again = _ValuesAgain(values)
        work = []
        for slot, found in zip(slots, spans, strict=True):
            if slot.kind is SlotKind.CLOSED:
                continue
            extra = again.places(slot.text)
            if earlier is not None:
                extra += earlier.occurrences(slot.text)
            extra = [e for e in extra if e[2] not in slot.ignore]
            if extra:
                # `_without_overlaps`, a Span made only for what is kept: most places found
                # again are those detected already.
                taken = [(s.start, s.end) for s in found]
                added = []
                for start, end, kind in extra:
                    if not any(a < end and start < b for a, b in taken):
                        taken.append((start, end))
                        added.append(Span(start, end, kind, 1.0))
                found = sorted(found + added)
            if found:
                work.append((slot, found))
        return work

    def _without_not_pii(self, tenant: str, slot: Slot, spans: list[Span]) -> list[Span]:
        """Spans less those of texts the tenant said are not personal data."""
        return [
            s
            for s in spans
            if s.entity_type == LITERAL_TOKEN_TYPE
            or not self._anonymizer.is_not_pii(tenant, slot.text[s.start : s.end])
        ]

    def _join_split_values(self, slots: list[Slot], spans: list[list[Span]]) -> None:
        """A value cut in two across adjacent texts (a card number over two messages or two
        parts) is read where they meet; each piece is then replaced like a value of its own."""
        pairs = [
            (i, slots[i].text[-_JOIN_WINDOW:], slots[i + 1].text[:_JOIN_WINDOW])
            for i in range(len(slots) - 1)
            if slots[i].kind is SlotKind.TEXT
            and slots[i + 1].kind is SlotKind.TEXT
            and _DIGITS_AT_END.search(slots[i].text)
            and _DIGITS_AT_START.match(slots[i + 1].text)
        ]
        if not pairs:
            return
        glue = [
            " " if tail[-1:].isdigit() and head[:1].isdigit() else "" for _, tail, head in pairs
        ]
        found = self._anonymizer.find_spans_many(
            [tail + g + head for (_, tail, head), g in zip(pairs, glue, strict=True)]
        )
        for (i, tail, _), g, joined in zip(pairs, glue, found, strict=True):
            cut = len(tail)
            for span in joined:
                if span.entity_type == LITERAL_TOKEN_TYPE or not span.start < cut < span.end:
                    continue
                first, second = slots[i].text, slots[i + 1].text
                start = len(first) - cut + span.start
                end = span.end - cut - len(g)
                if end <= 0:
                    continue
                spans[i] = _preferred(
                    spans[i], Span(start, len(first), span.entity_type, span.score)
                )
                spans[i + 1] = _preferred(
                    spans[i + 1], Span(0, min(end, len(second)), span.entity_type, span.score)
                )

    def remember_answers(self, tenant: str, answers: Iterable[Answer]) -> None:
        """Note where the PII stands in answers the vault gave, so an answer sent back in the
        next turn is not detected again. An answer is detected whole — the model may have
        written PII that was never in the prompt — unless the answer guard read it already; the
        values the vault restored are kept where they stand. Blocking (it may run detection):
        call it once the answer has gone. An edited answer is another text, detected as usual."""
        answers = [answer for answer in answers if answer.text]
        unread = [answer for answer in answers if answer.detected is None]
        anonymizer = self._anonymizer
        fresh = iter(anonymizer.raw_spans_many([a.text for a in unread]) if unread else [])
        noted: dict[bytes, list[Span]] = {}
        for answer in answers:
            if answer.detected is not None:
                found = answer.detected
                kept = anonymizer.select_spans(answer.text, answer.restored)
            else:  # what `find_spans` gives, and the restored values, from one reading
                found, kept = anonymizer.select_pair(answer.text, next(fresh), answer.restored)
            noted[self._cache.key(tenant, answer.text)] = _without_overlaps(kept, found)
        if noted:
            self._cache.put_many(noted)

    def known_spans(self, tenant: str, text: str) -> list[Span] | None:
        """The spans of `text` if this tenant's cache holds them (an answer given before)."""
        return self._cache.get_many([self._cache.key(tenant, text)])[0]

    def _spans(
        self, tenant: str, slots: list[Slot], cache: SpanCacheStore
    ) -> tuple[list[list[Span]], int]:
        """Each slot's spans (in its own text), and how many views had to be detected."""
        keys = [cache.key(tenant, slot.view) for slot in slots]
        found = cache.get_many(keys) if keys else []
        missing = [i for i, spans in enumerate(found) if spans is None]
        if missing:
            fresh = self._anonymizer.find_spans_many([slots[i].view for i in missing])
            for i, spans in zip(missing, fresh, strict=True):
                found[i] = spans
            cache.put_many({keys[i]: found[i] or [] for i in missing})
        return [_in_slot(slot, spans or []) for slot, spans in zip(slots, found, strict=True)], len(
            missing
        )

    def check_outbound(self, tenant: str, payload: str) -> None:
        """The guard alone, for a payload built from text tokenized already (a stored dataset's
        rows): OutboundBlocked if a value this tenant is known to hold stands in it, or, under
        a policy that re-scans everything, if detection finds PII in any of its strings."""
        self._known.refresh(tenant)
        self._guard(tenant, payload, {})
        if self._full_rescan:
            result = RedactedRequest(body={}, payload=b"")
            self._rescan(result, list(dict.fromkeys(iter_strings(json.loads(payload)))))

    def _guard(
        self,
        tenant: str,
        payload: str,
        values: dict[str, str],
        *,
        forms: Forms | None = None,
    ) -> None:
        """Refuse if a value detected in this request, or one this tenant sent before, still
        stands in the payload in any form the fold undoes. `forms`: values' folded forms and
        digits worked out before (see KnownValues.add)."""
        check = PayloadCheck(payload)
        memo: Forms = {} if forms is None else forms
        with self._known_lock:
            earlier = self._known.get(tenant)
            # Values the tenant sent before, as a conversation sends them turn after turn,
            # are read by the tenant's memory already. (A memory shared by workers may drop
            # a value another worker forgot while it is read: its values are read again.)
            if type(earlier) is KnownValues and earlier.covers(values, memo):
                leaked = earlier.found_in(check)
            else:
                here = KnownValues()
                here.add_guarded(values, forms=memo)  # the half found_in reads
                leaked = here.found_in(check) or (earlier is not None and earlier.found_in(check))
        if leaked:
            raise OutboundBlocked(
                "the outbound guard found PII left in the request; nothing was sent"
            )

    def _all_clear(
        self,
        tenant: str,
        payloads: list[str],
        every_values: list[dict[str, str]],
        forms: Forms,
    ) -> bool:
        """Whether no value of any of these requests, nor any this tenant sent before, stands in
        any of their payloads: then each request passes its own guard, which reads a part of
        those values in one of those payloads. False says only that one may not."""
        block = KnownValues(limit=sum(len(values) for values in every_values) + 1)
        for values in every_values:
            block.add_guarded(values, forms=forms)
        joined = PayloadCheck.joined(payloads)
        with self._known_lock:
            earlier = self._known.get(tenant)
            return not (
                block.found_in(joined) or (earlier is not None and earlier.found_in(joined))
            )

    def _rescan(self, result: RedactedRequest, texts: list[str]) -> None:
        """The strict policy's second look: full detection over every text that leaves."""
        started = time.perf_counter()
        found = self._anonymizer.find_spans_many(texts)
        result.detect_seconds += time.perf_counter() - started
        # The vault's own tokens are look-alikes to the scanner, not PII left behind.
        if any(s.entity_type != LITERAL_TOKEN_TYPE for spans in found for s in spans):
            raise OutboundBlocked(
                "the outbound re-scan found PII left in the request; nothing was sent"
            )

    def _remember(self, tenant: str, values: dict[str, str], *, forms: Forms) -> None:
        with self._known_lock:
            self._known.of(tenant).add(values, forms=forms)

    def forget_values(self, values: list[str], *, tenant: str) -> None:
        """Drop values from the guard's memory (an erasure, or a value wrongly taken for PII)."""
        with self._known_lock:
            known = self._known.get(tenant)
            if known is not None:
                known.discard(values)
        self._known.publish(tenant)


def _write_anonymized(
    result: RedactedRequest, slot: Slot, spans: list[Span], anonymized: AnonymizedText
) -> None:
    """Write a slot's anonymized text, keeping each new token's value and the counts."""
    for span, entity in zip(spans, anonymized.entities, strict=True):
        if entity.token is not None:
            result.values[entity.token] = slot.text[span.start : span.end]
    result.counts.update(anonymized.counts())
    result.tokens += len(anonymized.tokens())
    slot.write(anonymized.text)


def _check_storable(slot: Slot) -> None:
    try:
        slot.text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequest(
            f"'{slot.path}' holds an unpaired surrogate", param=slot.path
        ) from None


def _in_slot(slot: Slot, spans: list[Span]) -> list[Span]:
    """Spans of a slot's view, as spans of its text: the context before it cut away, a second
    reading of it (a URL spaced out) folded onto the first, and types that describe the slot's
    form rather than data in it left out."""
    if not slot.offset and not slot.ignore and len(slot.view) == len(slot.text):
        return spans
    length = len(slot.text)
    inside: list[Span] = []
    for span in spans:
        start, end = span.start - slot.offset, span.end - slot.offset
        if start > length:  # on the second reading
            start, end = start - length - 1, end - length - 1
        start, end = max(start, 0), min(end, length)
        if end > start and span.entity_type not in slot.ignore:
            inside.append(Span(start, end, span.entity_type, span.score))
    return _without_overlaps([], sorted(inside, key=lambda s: s.start - s.end))


def _refuse_closed(slots: list[Slot], spans: list[list[Span]]) -> None:
    """A closed field (a model id, a seed) goes as it is, so it must not carry PII."""
    for slot, found in zip(slots, spans, strict=True):
        if slot.kind is not SlotKind.CLOSED:
            continue
        kinds = sorted({s.entity_type for s in found if s.entity_type != LITERAL_TOKEN_TYPE})
        if kinds:
            raise PersonalDataInField(
                f"'{slot.path}' looks like personal data ({', '.join(kinds)}); "
                "it would be sent as it is, so it is refused",
                param=slot.path,
                entity_types=tuple(kinds),
            )


def _preferred(spans: list[Span], span: Span) -> list[Span]:
    """`spans` with `span` in place of any it overlaps."""
    return sorted([s for s in spans if not s.overlaps(span)] + [span])


class _ValuesAgain:
    """Where a request's values stand again in a text: whole words (not touching an ASCII
    letter or digit), whatever their case, leftmost first and the longest at each place, with
    the entity type of the value written that way.

    That is what one case-insensitive alternation of the values, longest first, finds; where
    the text and the values are ASCII (nearly always) the same places are found by `str.find`
    in the lowered text, as a pattern led by a look-behind is tried at every position.
    """

    def __init__(self, values: dict[str, str]) -> None:
        kept = [value for value in values if len(value) >= _MIN_AGAIN]
        self._types = {value.lower(): entity_type for value, entity_type in values.items()}
        self._lowered = sorted({value.lower() for value in kept}, key=len, reverse=True)
        self._ascii = all(value.isascii() for value in kept)
        self._pattern: re.Pattern[str] | None = None
        if kept and not self._ascii:
            alternation = "|".join(re.escape(v) for v in sorted(kept, key=len, reverse=True))
            self._pattern = re.compile(
                rf"(?<![0-9A-Za-z])(?:{alternation})(?![0-9A-Za-z])", re.IGNORECASE
            )

    def places(self, text: str) -> list[tuple[int, int, str]]:
        if not self._lowered:
            return []
        if self._pattern is not None or not text.isascii():
            return self._matched(text)
        lowered = text.lower()
        length = len(lowered)
        found = []
        for value in self._lowered:
            at = lowered.find(value)
            while at != -1:
                end = at + len(value)
                if not (at and lowered[at - 1].isalnum()) and not (
                    end < length and lowered[end].isalnum()
                ):
                    found.append((at, -len(value), value))
                at = lowered.find(value, at + 1)
        places = []
        cursor = 0
        for at, negative, value in sorted(found):
            if at >= cursor:
                cursor = at - negative
                places.append((at, cursor, self._types[value]))
        return places

    def _matched(self, text: str) -> list[tuple[int, int, str]]:
        if self._pattern is None:
            alternation = "|".join(re.escape(v) for v in self._lowered)
            self._pattern = re.compile(
                rf"(?<![0-9A-Za-z])(?:{alternation})(?![0-9A-Za-z])", re.IGNORECASE
            )
        return [
            (m.start(), m.end(), self._types[m.group().lower()])
            for m in self._pattern.finditer(text)
        ]


def _without_overlaps(found: list[Span], extra: list[Span]) -> list[Span]:
    """`found`, plus each of `extra` that overlaps none of it (nor an earlier one), in order."""
    kept = list(found)
    for span in extra:
        if not any(s.start < span.end and span.start < s.end for s in kept):
            kept.append(span)
    return sorted(kept)
