"""Anonymize text: detect PII, apply the policy's operators, keep token values sealed."""

from __future__ import annotations

import bisect
import hashlib
import hmac
import time
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

from vault.domain.entities import ENTITY_TYPES, LITERAL_TOKEN_TYPE
from vault.domain.normalize import View, encoded_runs, view_of
from vault.domain.operators import apply_one_way
from vault.domain.policy import AnonymizationPolicy, Operator
from vault.domain.spans import Span
from vault.domain.tokens import TokenGrammar, make_token
from vault.errors import Conflict, InvalidRequest, ServiceUnavailable
from vault.ports import Detector, Keyring, NotPiiStore, TenantKeys, TokenRecord, TokenStore
from vault.services.turns import Turns

__all__ = [
    "ERASED",
    "AnonymizedText",
    "Anonymizer",
    "AppliedEntity",
    "check_text",
    "token_value_context",
]

_KNOWN_TOKENS_CACHE = 100_000
_NOT_PII_REFRESH = 30.0  # seconds a tenant's not-PII list is trusted before it is read again
_RUN_CONTEXT = 40  # characters before an encoded run read with its decoded text
# One detection at a time in this process (`vault.services.turns`); a long list of texts takes
# a turn for each part of about this many characters, so a prompt never waits for a whole upload.
_DETECTING = Turns()
_TURN_CHARS = 32_000
# The value digest of a tombstone: the token was erased (data-subject request) and its sealed
# value destroyed; the row stays only so the token is never issued again.
ERASED = "erased"


def token_value_context(tenant: str, token: str) -> dict[str, str]:
    """The context a token's value is sealed in: it opens for this tenant and token only."""
    return {"tenant": tenant, "object": token, "purpose": "token-value"}


def value_digest(keyring: Keyring, value: str) -> str:
    """A keyed digest of a value, type-independent, to find all its tokens (data-subject requests)."""
    return hmac.new(keyring.hmac_key("value-digest"), value.encode(), hashlib.sha256).hexdigest()


def _records(
    keyring: Keyring, tenant: str, values: dict[str, tuple[str, str]]
) -> dict[str, TokenRecord]:
    """The records of new tokens (token -> (entity type, value)): each value's digest (as
    `value_digest` gives it) and the value sealed in its token's context, all in one batch."""
    digest_mac = hmac.new(keyring.hmac_key("value-digest"), digestmod=hashlib.sha256)
    tokens = list(values)
    plain = [values[token][1].encode() for token in tokens]
    sealed = keyring.seal_small_many(
        plain, contexts=[token_value_context(tenant, token) for token in tokens]
    )
    records = {}
    for token, encoded, blob in zip(tokens, plain, sealed, strict=True):
        keyed = digest_mac.copy()
        keyed.update(encoded)
        records[token] = TokenRecord(
            token=token,
            entity_type=values[token][0],
            value_digest=keyed.hexdigest(),
            sealed_value=blob,
        )
    return records


class AppliedEntity(NamedTuple):
    """What was done to one detected entity. Positions are in the anonymized text. (A tuple:
    made for every value tokenized, where a frozen dataclass costs twice as much to build.)"""

    entity_type: str
    operator: Operator
    start: int
    end: int
    score: float
    token: str | None = None


@dataclass(frozen=True, slots=True)
class AnonymizedText:
    text: str
    entities: list[AppliedEntity] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for entity in self.entities:
            found[entity.entity_type] = found.get(entity.entity_type, 0) + 1
        return found

    def tokens(self) -> set[str]:
        return {e.token for e in self.entities if e.token}


class _Planned(NamedTuple):
    span: Span
    value: str
    digest: bytes
    operator: Operator
    token: str | None


def check_text(text: object) -> None:
    """InvalidRequest unless `text` is a str that can be UTF-8 (no unpaired surrogates)."""
    if not isinstance(text, str):
        raise InvalidRequest("text must be a string", param="text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidRequest(
            f"text holds an unpaired surrogate at position {exc.start}", param="text"
        ) from None


def _parts(texts: list[str], chars: int) -> list[list[str]]:
    """`texts` in order, in parts of at most `chars` characters (a longer text is a part alone)."""
    parts: list[list[str]] = []
    size = 0
    for text in texts:
        if not parts or size + len(text) > chars:
            parts.append([])
            size = 0
        parts[-1].append(text)
        size += len(text)
    return parts


class Anonymizer:
    """Turns text into its anonymized form under one policy, for any tenant."""

    def __init__(
        self,
        *,
        detector: Detector,
        token_store: TokenStore,
        tenant_keys: TenantKeys,
        policy: AnonymizationPolicy,
        entity_types: Collection[str] = ENTITY_TYPES,
        not_pii: NotPiiStore | None = None,
    ) -> None:
        self._detector = detector
        self._tokens = token_store
        self._keys = tenant_keys
        self.policy = policy
        self.grammar = TokenGrammar(
            {*entity_types, *policy.entities, *policy.deny_list, LITERAL_TOKEN_TYPE}
        )
        self._allow = frozenset(policy.allow_list)
        self._operators: dict[str, Operator] = {}  # by entity type, as the policy says
        # Tokens already in the store: lets a repeated value skip sealing and the write.
        # Keys are (tenant, token) — keyed hashes, never values.
        self._known: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._not_pii_store = not_pii
        # Each tenant's not-PII digests and when they were read: re-read now and then, so a
        # mark made by another worker is honoured here too.
        self._not_pii: dict[str, tuple[float, frozenset[str]]] = {}

    def find_spans(self, text: str) -> list[Span]:
        """The spans the policy acts on: detections above threshold, deny-list hits, look-alikes.
        Detection reads the text's view (`vault.domain.normalize`): a value disguised by
        full-width or zero-width characters, look-alike letters, escapes or base64 is found,
        and its span covers exactly the characters that were sent."""
        return self.find_spans_many([text])[0]

    def select_spans(self, text: str, detected: list[Span]) -> list[Span]:
        """The spans the policy acts on, given what a detector found in `text`."""
        return _merge(self._forced(text), self._kept(text, detected))

    def select_pair(
        self, text: str, detected: list[Span], other: list[Span]
    ) -> tuple[list[Span], list[Span]]:
        """`(select_spans(text, detected), select_spans(text, other))`, the text read once."""
        forced = self._forced(text)
        return _merge(forced, self._kept(text, detected)), _merge(forced, self._kept(text, other))

    def _forced(self, text: str) -> list[Span]:
        """Token look-alikes and deny-list words: acted on whatever detection says."""
        forced = [Span(m.start, m.end, LITERAL_TOKEN_TYPE, 1.0) for m in self.grammar.find(text)]
        if self.policy.deny_list:
            forced += self._deny_list_spans(text)
        return forced

    def _kept(self, text: str, detected: list[Span]) -> list[Span]:
        return [
            s
            for s in detected
            if s.score >= self.policy.threshold_for(s.entity_type)
            and text[s.start : s.end] not in self._allow
        ]

    def find_spans_many(self, texts: list[str]) -> list[list[Span]]:
        """`find_spans` for many texts, detected in one batch where the detector can."""
        return [
            self.select_spans(text, found)
            for text, found in zip(texts, self.raw_spans_many(texts), strict=True)
        ]

    def raw_spans_many(self, texts: list[str]) -> list[list[Span]]:
        """What detection finds in each text, read through its view and its decoded runs, before
        the policy selects (`select_spans`): `find_spans_many` is this, then that."""
        if not texts:
            return []
        views = [view_of(text) for text in texts]
        runs = [encoded_runs(text) for text in texts]
        # A decoded run is read after the words before it ("SSN as base64: ..."), for context.
        contexts = [
            text[max(0, run.start - _RUN_CONTEXT) : run.start]
            for text, found in zip(texts, runs, strict=True)
            for run in found
        ]
        plains = [run.plain for found in runs for run in found]
        readable = [v.text if v else t for t, v in zip(texts, views, strict=True)]
        detected = self._detect_many(
            readable + [c + p for c, p in zip(contexts, plains, strict=True)]
        )
        decoded = iter(zip(contexts, detected[len(texts) :], strict=True))
        chosen = []
        for view, found, encoded in zip(views, detected[: len(texts)], runs, strict=True):
            if view is not None:
                found = [_mapped(view, s) for s in found]
            for run in encoded:
                context, inner = next(decoded)
                inside = self._pii_in([s for s in inner if s.end > len(context)])
                if inside:
                    found = [
                        *found,
                        Span(run.start, run.end, inside[0].entity_type, inside[0].score),
                    ]
            chosen.append(found)
        return chosen

    def _detect_many(self, texts: list[str]) -> list[list[Span]]:
        found: list[list[Span]] = []
        for part in _parts(texts, _TURN_CHARS):
            with _DETECTING.turn():
                found += self._detect_part(part)
        return found

    def _detect_part(self, texts: list[str]) -> list[list[Span]]:
        detect_many = getattr(self._detector, "detect_many", None)
        if detect_many is None or len(texts) < 2:
            return [self._detector.detect(t) for t in texts]
        return list(detect_many(texts))

    def _pii_in(self, spans: list[Span]) -> list[Span]:
        """What a decoded run holds that the policy acts on, most confident first."""
        kept = [s for s in spans if s.score >= self.policy.threshold_for(s.entity_type)]
        return sorted(kept, key=lambda s: -s.score)

    def anonymize(
        self, tenant: str, text: str, *, spans: list[Span] | None = None
    ) -> AnonymizedText:
        """Replace every span the policy acts on; new token values are sealed and stored first.

        Raises InvalidRequest for text that is not a str; errors of the key service or the token
        store propagate, so nothing is returned unless every token can be re-identified later.
        """
        return self.anonymize_many(tenant, [text], spans=[spans])[0]

    def anonymize_many(
        self, tenant: str, texts: list[str], *, spans: list[list[Span] | None] | None = None
    ) -> list[AnonymizedText]:
        """`anonymize` for many texts: one detection batch and one token-store write for all.

        `spans[i]`, when given, replaces detection for `texts[i]`.
        """
        given = spans if spans is not None else [None] * len(texts)
        for text in texts:
            check_text(text)
        undetected = [i for i, found in enumerate(given) if found is None]
        chosen = list(given)
        if undetected:
            detected = self.find_spans_many([texts[i] for i in undetected])
            for i, spans_found in zip(undetected, detected, strict=True):
                chosen[i] = spans_found
        if self._not_pii_digests(tenant):
            chosen = [
                [
                    s
                    for s in found or ()
                    if s.entity_type == LITERAL_TOKEN_TYPE
                    or not self.is_not_pii(tenant, text[s.start : s.end])
                ]
                for text, found in zip(texts, chosen, strict=True)
            ]
        if not any(chosen):
            return [AnonymizedText(text) for text in texts]
        keyring = self._keys.keyring(tenant)
        token_mac = hmac.new(keyring.hmac_key("token"), digestmod=hashlib.sha256)
        new_values: dict[str, tuple[str, str]] = {}  # token -> (entity type, value)
        plans: list[list[_Planned]] = []
        # A value repeated across the texts (a chat history) is worked out once.
        decided: dict[tuple[str, str], tuple[bytes, Operator, str | None]] = {}
        known = self._known
        for text, found in zip(texts, chosen, strict=True):
            plan = []
            for span in found or ():
                value = text[span.start : span.end]
                choice = decided.get((span.entity_type, value))
                if choice is None:
                    choice = decided[(span.entity_type, value)] = self._decide(
                        token_mac, span.entity_type, value
                    )
                digest, operator, token = choice
                if token and token not in new_values and (tenant, token) not in known:
                    new_values[token] = (span.entity_type, value)
                plan.append(_Planned(span, value, digest, operator, token))
            plans.append(plan)
        erased = (
            self._persist(tenant, _records(keyring, tenant, new_values)) if new_values else set()
        )
        return [self._render(text, plan, erased) for text, plan in zip(texts, plans, strict=True)]

    def _decide(
        self, token_mac: hmac.HMAC, entity_type: str, value: str
    ) -> tuple[bytes, Operator, str | None]:
        """The value's keyed digest, the operator its type gets, and its token if tokenized."""
        keyed = token_mac.copy()  # the key schedule is computed once per call, not per value
        keyed.update(f"{entity_type}\x00{value}".encode())
        digest = keyed.digest()
        operator = self._operator(entity_type)
        token = make_token(entity_type, digest) if operator is Operator.TOKENIZE else None
        return digest, operator, token

    def _operator(self, entity_type: str) -> Operator:
        """The operator the policy gives a type (a token look-alike is always tokenized)."""
        operator = self._operators.get(entity_type)
        if operator is None:
            operator = self.policy.rule_for(entity_type).operator
            if entity_type == LITERAL_TOKEN_TYPE:
                operator = Operator.TOKENIZE
            self._operators[entity_type] = operator
        return operator

    def _render(self, text: str, plan: list[_Planned], erased: set[str]) -> AnonymizedText:
        pieces: list[str] = []
        applied: list[AppliedEntity] = []
        cursor = 0
        out_length = 0
        for span, value, digest, operator, token in plan:
            if token in erased:
                # An erased value is never tokenized again: its old tokens must stay dead.
                operator, token = Operator.REDACT, None
            if token is not None:
                replacement = token
            else:
                rule = self.policy.rule_for(span.entity_type).model_copy(
                    update={"operator": operator}
                )
                replacement = apply_one_way(span.entity_type, value, digest=digest, rule=rule)
            pieces.append(text[cursor : span.start])
            out_length += span.start - cursor
            pieces.append(replacement)
            applied.append(
                AppliedEntity(
                    entity_type=span.entity_type,
                    operator=operator,
                    start=out_length,
                    end=out_length + len(replacement),
                    score=span.score,
                    token=token,
                )
            )
            out_length += len(replacement)
            cursor = span.end
        pieces.append(text[cursor:])
        return AnonymizedText("".join(pieces), applied)

    def _persist(self, tenant: str, records: dict[str, TokenRecord]) -> set[str]:
        """Store new tokens; returns those that were erased and must not be used again."""
        existing = self._tokens.fetch(tenant, records.keys())
        erased = {t for t, r in existing.items() if r.value_digest == ERASED}
        for token, record in existing.items():
            if token not in erased and record.value_digest != records[token].value_digest:
                # Two values under one ~48-bit id: refuse rather than re-identify wrongly.
                raise Conflict("token id collision; value not tokenized", code="token_collision")
        self._tokens.save(tenant, [r for t, r in records.items() if t not in existing])
        for token in records.keys() - erased:
            self._known[(tenant, token)] = None
        while len(self._known) > _KNOWN_TOKENS_CACHE:
            self._known.popitem(last=False)
        return erased

    def forget(self, tenant: str, tokens: Collection[str]) -> None:
        """Drop erased tokens from the cache so a later value is sealed and stored afresh."""
        for token in tokens:
            self._known.pop((tenant, token), None)

    def mark_not_pii(self, tenant: str, value: str) -> None:
        """Record that `value` is not personal data for `tenant` (by keyed digest, never the
        text): from now on it is left as it is, however detection reads it."""
        if self._not_pii_store is None:
            raise ServiceUnavailable("this vault keeps no not-PII list")
        digest = value_digest(self._keys.keyring(tenant), value)
        self._not_pii_store.add(tenant, digest)
        self._not_pii.pop(tenant, None)

    def is_not_pii(self, tenant: str, value: str) -> bool:
        """Whether the tenant said `value` is not personal data. Free for a tenant who never did."""
        digests = self._not_pii_digests(tenant)
        return bool(digests) and value_digest(self._keys.keyring(tenant), value) in digests

    def _not_pii_digests(self, tenant: str) -> frozenset[str]:
        if self._not_pii_store is None:
            return frozenset()
        read = self._not_pii.get(tenant)
        now = time.monotonic()
        if read is None or now - read[0] > _NOT_PII_REFRESH:
            read = (now, self._not_pii_store.digests(tenant))
            self._not_pii[tenant] = read
        return read[1]

    def keyed_number(self, tenant: str, number: int) -> int:
        """A stand-in for a number that goes upstream in a closed field (a sampling seed): the
        same number gets the same stand-in within a tenant, so answers stay reproducible, and a
        31-bit integer that tells nothing of the number (a card or a phone given as a seed)."""
        key = self._keys.keyring(tenant).hmac_key("number")
        digest = hmac.digest(key, str(number).encode(), "sha256")
        return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF

    def _deny_list_spans(self, text: str) -> list[Span]:
        spans = []
        lowered = text.lower()
        for entity_type, words in self.policy.deny_list.items():
            for word in words:
                needle = word.lower()
                start = lowered.find(needle)
                while needle and start != -1:
                    spans.append(Span(start, start + len(needle), entity_type, 1.0))
                    start = lowered.find(needle, start + len(needle))
        return spans


def _mapped(view: View, span: Span) -> Span:
    start, end = view.to_original(span.start, span.end)
    return Span(start, max(end, start + 1), span.entity_type, span.score)


def _merge(forced: list[Span], detected: list[Span]) -> list[Span]:
    """Non-overlapping spans in order; forced spans win, then longer, then higher-scoring ones."""
    ranked = sorted(forced, key=lambda s: (s.start - s.end, s.start)) + sorted(
        detected, key=lambda s: (s.start - s.end, -s.score, s.start)
    )
    chosen: list[Span] = []  # kept sorted by start, so each check is a bisection
    starts: list[int] = []
    for span in ranked:
        i = bisect.bisect_left(starts, span.start)
        if i > 0 and chosen[i - 1].end > span.start:
            continue
        if i < len(chosen) and chosen[i].start < span.end:
            continue
        chosen.insert(i, span)
        starts.insert(i, span.start)
    return chosen
