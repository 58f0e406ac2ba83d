"""Redacted chat: tokenize every user-data string of a request, guard what leaves, restore answers.

The request is walked once to collect the strings that can carry user data — message contents
(plain or text parts), names, tool-call arguments (the JSON values inside them), tool results.
Detection runs on those strings in one batch, through a cache keyed by a keyed hash of each string,
so a conversation's earlier turns are not detected again. Values found anywhere in the request are
then replaced everywhere in it, and the outbound guard checks the exact bytes about to leave.
"""

from __future__ import annotations

import functools
import hmac
import json
import os
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from vault.domain.entities import LITERAL_TOKEN_TYPE
from vault.domain.policy import Operator
from vault.domain.spans import Span
from vault.domain.tokens import TokenGrammar
from vault.errors import InvalidRequest, OutboundBlocked
from vault.ports import TenantKeys, TokenStore
from vault.services.anonymize import Anonymizer, check_text
from vault.services.reidentify import Reidentified, Reidentifier, StreamReidentifier

__all__ = [
    "ChatRedactor",
    "PrimedReidentifier",
    "RedactedRequest",
    "ResponseRestorer",
    "StreamRestorer",
]

_ROLES = {"system", "developer", "user", "assistant", "tool", "function"}
_CACHE_ENTRIES = 50_000
_KNOWN_VALUES = 5_000
# Up to this many remembered values, searching for each is cheaper than indexing the payload.
_SEARCH_EACH = 24


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


class _SpanCache:
    """Spans by keyed hash of the text; the key (a per-process secret) keeps PII out.

    An entry is detected (any tenant may use it) or known from an answer the vault restored
    (its tenant's alone: see `ChatRedactor.remember_answers`).
    """

    def __init__(self, entries: int = _CACHE_ENTRIES) -> None:
        self._secret = os.urandom(32)
        self._entries = entries
        self._data: OrderedDict[bytes, tuple[list[Span], str | None]] = OrderedDict()
        self._lock = threading.Lock()

    def key(self, text: str) -> bytes:
        return hmac.digest(self._secret, text.encode(), "sha256")

    def get(self, key: bytes, tenant: str) -> list[Span] | None:
        with self._lock:
            entry = self._data.get(key)
            if entry is None or entry[1] not in (None, tenant):
                return None
            self._data.move_to_end(key)
            return entry[0]

    def put(self, key: bytes, spans: list[Span], *, tenant: str | None = None) -> None:
        with self._lock:
            self._data[key] = (spans, tenant)
            while len(self._data) > self._entries:
                self._data.popitem(last=False)


def _copy_json(value: Any) -> Any:
    """A deep copy of parsed JSON: only dicts and lists are mutable there, so this is all
    `copy.deepcopy` would do, without its bookkeeping."""
    if isinstance(value, dict):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


# A slot is a place in the body holding a user-data string: (get, set).
_Slot = tuple[Callable[[], str], Callable[[str], None]]


def _slots(body: dict[str, Any]) -> list[_Slot]:
    """Every user-data string in a chat request, validating the shape on the way."""
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise InvalidRequest("'messages' must be a non-empty array", param="messages")
    if not isinstance(body.get("model"), str) or not body["model"]:
        raise InvalidRequest("'model' must be a non-empty string", param="model")
    slots: list[_Slot] = []
    for i, message in enumerate(messages):
        where = f"messages.{i}"
        if not isinstance(message, dict):
            raise InvalidRequest(f"'{where}' must be an object", param=where)
        if message.get("role") not in _ROLES:
            raise InvalidRequest(
                f"'{where}.role' must be one of {', '.join(sorted(_ROLES))}", param=f"{where}.role"
            )
        slots += _string_or_parts(message, "content", where)
        if isinstance(message.get("name"), str):
            slots.append(_item_slot(message, "name"))
        for j, call in enumerate(message.get("tool_calls") or []):
            function = call.get("function") if isinstance(call, dict) else None
            if not isinstance(function, dict) or not isinstance(function.get("arguments", ""), str):
                raise InvalidRequest(
                    f"'{where}.tool_calls.{j}.function.arguments' must be a string",
                    param=f"{where}.tool_calls",
                )
            if "arguments" in function:
                slots += _json_string_slots(function, "arguments")
        legacy = message.get("function_call")  # the deprecated single function call
        if isinstance(legacy, dict) and isinstance(legacy.get("arguments"), str):
            slots += _json_string_slots(legacy, "arguments")
    if isinstance(body.get("user"), str):
        slots.append(_item_slot(body, "user"))
    # Tool and schema definitions are written by developers, but their descriptions, examples
    # and defaults are free text that can carry data too; names and schema keys stay as they are.
    for tool in body.get("tools") or []:
        if isinstance(tool, dict):
            slots += _schema_text_slots(tool.get("function"))
    response_format = body.get("response_format")
    if isinstance(response_format, dict):
        slots += _schema_text_slots(response_format.get("json_schema"))
    return slots


_SCHEMA_TEXT_KEYS = frozenset({"description", "title", "default", "examples", "enum", "const"})


def _schema_text_slots(node: Any) -> list[_Slot]:
    """Free-text strings of a tool or JSON-schema definition (descriptions, examples, defaults)."""
    slots: list[_Slot] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _SCHEMA_TEXT_KEYS:
                slots += _strings_in(node, key)
            else:
                slots += _schema_text_slots(value)
    elif isinstance(node, list):
        for item in node:
            slots += _schema_text_slots(item)
    return slots


def _strings_in(container: dict[str, Any] | list[Any], key: Any) -> list[_Slot]:
    value = container[key]
    if isinstance(value, str):
        return [_item_slot(container, key)]
    if isinstance(value, list):
        return [slot for i in range(len(value)) for slot in _strings_in(value, i)]
    if isinstance(value, dict):
        return [slot for k in value for slot in _strings_in(value, k)]
    return []


def _item_slot(container: dict[str, Any] | list[Any], key: Any) -> _Slot:
    def get() -> str:
        return container[key]  # type: ignore[no-any-return]

    def set_(value: str) -> None:
        container[key] = value

    return get, set_


def _string_or_parts(message: dict[str, Any], key: str, where: str) -> list[_Slot]:
    content = message.get(key)
    if content is None:
        return []
    if isinstance(content, str):
        return [_item_slot(message, key)]
    if not isinstance(content, list):
        raise InvalidRequest(
            f"'{where}.{key}' must be a string or an array of parts", param=f"{where}.{key}"
        )
    slots = []
    for k, part in enumerate(content):
        if not isinstance(part, dict) or not isinstance(part.get("type"), str):
            raise InvalidRequest(
                f"'{where}.{key}.{k}' must be a content part object", param=f"{where}.{key}"
            )
        if part["type"] == "text":
            if not isinstance(part.get("text"), str):
                raise InvalidRequest(
                    f"'{where}.{key}.{k}.text' must be a string", param=f"{where}.{key}"
                )
            slots.append(_item_slot(part, "text"))
    return slots


def _json_string_slots(function: dict[str, Any], key: str) -> list[_Slot]:
    """Strings inside a JSON document held as a string (tool-call arguments); the document is
    rewritten after its strings are. Arguments that are not JSON are treated as plain text."""
    raw = function[key]
    try:
        document = json.loads(raw)
    except ValueError:
        return [_item_slot(function, key)]
    holder = {"doc": document}
    slots: list[_Slot] = []

    def walk(container: dict[str, Any] | list[Any]) -> None:
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for k, value in list(items):
            if isinstance(value, str):
                get, set_ = _item_slot(container, k)

                def set_and_dump(text: str, set_: Callable[[str], None] = set_) -> None:
                    set_(text)
                    function[key] = json.dumps(holder["doc"], ensure_ascii=False)

                slots.append((get, set_and_dump))
            elif isinstance(value, (dict, list)):
                walk(value)

    if not isinstance(document, (dict, list)):
        # A bare JSON scalar: tokens are plain words, so anonymizing the raw text keeps it JSON.
        return [_item_slot(function, key)]
    walk(document)
    return slots


class ChatRedactor:
    """Tokenizes chat requests for one policy; shares its detection cache across requests."""

    def __init__(self, anonymizer: Anonymizer, *, full_rescan: bool = False) -> None:
        self._anonymizer = anonymizer
        self._cache = _SpanCache()
        self._full_rescan = full_rescan or anonymizer.policy.full_outbound_rescan
        self._known: dict[str, _KnownValues] = {}
        self._known_lock = threading.Lock()

    def redact(self, tenant: str, body: dict[str, Any]) -> RedactedRequest:
        """The body with every user-data string anonymized; OutboundBlocked if the guard finds
        PII left in the exact bytes that would be sent."""
        body = _copy_json(body)
        slots = _slots(body)
        texts = [get() for get, _ in slots]
        for text in texts:
            check_text(text)
        started = time.perf_counter()
        spans, detected = self._spans(tenant, texts)
        detect_seconds = time.perf_counter() - started
        values = {
            text[s.start : s.end]: s.entity_type
            for text, found in zip(texts, spans, strict=True)
            for s in found
            # Look-alikes of tokens are not PII: guarding them would block the vault's own tokens.
            if s.entity_type != LITERAL_TOKEN_TYPE
            and self._anonymizer.policy.rule_for(s.entity_type).operator is not Operator.KEEP
        }
        result = RedactedRequest(
            body=body,
            payload=b"",
            detected=detected,
            cached=len(texts) - detected,
            detect_seconds=detect_seconds,
        )
        pattern = _values_pattern(values)
        work = []  # (setter, text, spans) of every slot with something to replace
        for (_, set_), text, found in zip(slots, texts, spans, strict=True):
            if pattern is not None:
                found = _with_repeats(text, found, pattern, values)
            if found:
                work.append((set_, text, found))
        # One call for the whole request: one token-store write, however many slots.
        done = self._anonymizer.anonymize_many(
            tenant, [text for _, text, _ in work], spans=[found for _, _, found in work]
        )
        for (set_, text, found), anonymized in zip(work, done, strict=True):
            for span, entity in zip(found, anonymized.entities, strict=True):
                if entity.token is not None:
                    result.values[entity.token] = text[span.start : span.end]
            result.counts.update(anonymized.counts())
            result.tokens += len(anonymized.tokens())
            set_(anonymized.text)
        result.payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        self._guard(tenant, result, values)
        self._remember(tenant, values)
        return result

    def remember_answers(self, tenant: str, answers: Iterable[tuple[str, list[Span]]]) -> None:
        """Note where the values stand in answers the vault restored, so that an answer sent
        back in the next turn is not detected again. Only the restored values can be PII that
        Groq has not seen: the rest of an answer is Groq's own text. An answer edited by the
        caller is another text, and is detected as usual; the note serves its tenant alone."""
        for text, values in answers:
            spans = self._anonymizer.select_spans(text, values)
            self._cache.put(self._cache.key(text), spans, tenant=tenant)

    def _spans(self, tenant: str, texts: list[str]) -> tuple[list[list[Span]], int]:
        """The spans of each text, and how many texts had to be detected (cache misses)."""
        keys = [self._cache.key(t) for t in texts]
        found: list[list[Span] | None] = [self._cache.get(k, tenant) for k in keys]
        missing = [i for i, spans in enumerate(found) if spans is None]
        if missing:
            fresh = self._anonymizer.find_spans_many([texts[i] for i in missing])
            for i, spans in zip(missing, fresh, strict=True):
                found[i] = spans
                self._cache.put(keys[i], spans)
        return [spans or [] for spans in found], len(missing)

    def _guard(self, tenant: str, result: RedactedRequest, values: dict[str, str]) -> None:
        """Block if a value detected in this request, or one this tenant sent before, is still
        in the payload; under a strict policy, also if a full re-scan finds anything."""
        payload = result.payload.decode()
        # Worked out only if a memory of values is large enough to search through its index.
        prefixes = functools.cache(lambda: _word_start_prefixes(payload))
        here = _KnownValues()
        here.add(values)
        with self._known_lock:
            earlier = self._known.get(tenant)
            leaked = here.found_in(payload, prefixes) or (
                earlier is not None and earlier.found_in(payload, prefixes)
            )
        if leaked:
            raise OutboundBlocked(
                "the outbound guard found PII left in the request; nothing was sent"
            )
        if self._full_rescan:
            texts = [get() for get, _ in _slots(result.body)]
            started = time.perf_counter()
            found = self._anonymizer.find_spans_many(texts)
            result.detect_seconds += time.perf_counter() - started
            # The vault's own tokens are look-alikes to the scanner, not PII left behind.
            if any(s.entity_type != LITERAL_TOKEN_TYPE for spans in found for s in spans):
                raise OutboundBlocked(
                    "the outbound re-scan found PII left in the request; nothing was sent"
                )

    def _remember(self, tenant: str, values: dict[str, str]) -> None:
        with self._known_lock:
            self._known.setdefault(tenant, _KnownValues()).add(values)

    def forget_values(self, values: list[str], *, tenant: str) -> None:
        """Drop erased values from the guard's memory (a data-subject erasure)."""
        with self._known_lock:
            known = self._known.get(tenant)
            if known is not None:
                known.discard(values)


# Where a value may begin in the payload: not right after a letter or digit.
_WORD_START = re.compile(r"(?<![^\W_])")
# The three characters after each character that is not a letter or digit: with the text's
# first three, the prefixes of every place a value may begin, found in one pass in C.
_AFTER_BOUNDARY = re.compile(r"[\W_](?=(.{3}))", re.DOTALL)


def _word_start_prefixes(payload: str) -> set[str]:
    prefixes = set(_AFTER_BOUNDARY.findall(payload))
    if len(payload) >= 3:
        prefixes.add(payload[:3])
    return prefixes


class _KnownValues:
    """Values as they would appear in the JSON payload, indexed by their first three characters
    and then by length. Checking a payload intersects its word-start prefixes with the index;
    at each place a shared prefix stands, one set look-up per length decides. So the cost does
    not grow with how many values share a prefix (a tenant's thousands of phone numbers all
    begin "+44"). Up to `search_each` values are simply searched for one by one: cheaper than
    finding the prefixes of a whole payload.
    Holds at most `limit` values, the least recently seen dropped first. Not thread-safe."""

    def __init__(self, limit: int = _KNOWN_VALUES, *, search_each: int = _SEARCH_EACH) -> None:
        self._limit = limit
        self._search_each = search_each
        self._escaped: OrderedDict[str, str] = OrderedDict()
        self._index: dict[str, dict[int, set[str]]] = {}

    def add(self, values: Iterable[str]) -> None:
        for value in values:
            if len(value) < 3:
                continue  # too short to tell from ordinary text
            if value in self._escaped:
                self._escaped.move_to_end(value)
                continue
            escaped = json.dumps(value, ensure_ascii=False)[1:-1]
            self._escaped[value] = escaped
            by_length = self._index.setdefault(escaped[:3], {})
            by_length.setdefault(len(escaped), set()).add(escaped)
        while len(self._escaped) > self._limit:
            self._drop(self._escaped.popitem(last=False)[1])

    def discard(self, values: Iterable[str]) -> None:
        for value in values:
            escaped = self._escaped.pop(value, None)
            if escaped is not None:
                self._drop(escaped)

    def _drop(self, escaped: str) -> None:
        by_length = self._index.get(escaped[:3], {})
        bucket = by_length.get(len(escaped))
        if bucket is not None:
            bucket.discard(escaped)
            if not bucket:
                del by_length[len(escaped)]
            if not by_length:
                del self._index[escaped[:3]]

    def found_in(self, payload: str, prefixes: Callable[[], set[str]] | None = None) -> bool:
        """Whether a value stands in `payload` as a whole word (no letter or digit around it).
        `prefixes`: gives `_word_start_prefixes(payload)`, when the caller can share them."""
        if len(self._escaped) <= self._search_each:
            return any(_stands_in(payload, escaped) for escaped in self._escaped.values())
        starts = prefixes() if prefixes is not None else _word_start_prefixes(payload)
        index = self._index
        # Walk the smaller side: `keys() & starts` would copy every key of a tenant holding
        # thousands of values into a new set on each request.
        if len(starts) <= len(index):
            shared = [prefix for prefix in starts if prefix in index]
        else:
            shared = [prefix for prefix in index if prefix in starts]
        for prefix in shared:
            by_length = index[prefix]
            at = payload.find(prefix)
            while at != -1:
                if _WORD_START.match(payload, at):
                    for length, bucket in by_length.items():
                        end = at + length
                        if payload[at:end] in bucket and not _continues(payload, end):
                            return True
                at = payload.find(prefix, at + 1)
        return False


def _continues(payload: str, end: int) -> bool:
    """Whether a letter or digit follows `end`: then what ends there is part of a longer word."""
    return end < len(payload) and payload[end].isalnum()


def _stands_in(payload: str, escaped: str) -> bool:
    at = payload.find(escaped)
    while at != -1:
        if _WORD_START.match(payload, at) and not _continues(payload, at + len(escaped)):
            return True
        at = payload.find(escaped, at + 1)
    return False


def _values_pattern(values: dict[str, str]) -> re.Pattern[str] | None:
    if not values:
        return None
    alternation = "|".join(
        re.escape(v) for v in sorted(values, key=len, reverse=True) if len(v) >= 3
    )
    if not alternation:
        return None
    return re.compile(rf"(?<![0-9A-Za-z])(?:{alternation})(?![0-9A-Za-z])")


def _with_repeats(
    text: str, found: list[Span], pattern: re.Pattern[str], values: dict[str, str]
) -> list[Span]:
    """Add spans for values detected elsewhere in the request that this string repeats."""
    extra = [
        Span(m.start(), m.end(), values[m.group()], 1.0)
        for m in pattern.finditer(text)
        if not any(s.start < m.end() and m.start() < s.end for s in found)
    ]
    return sorted(found + extra) if extra else found


class PrimedReidentifier(Reidentifier):
    """A Reidentifier that knows the tokens one request issued, and asks the token store only
    about the others (tokens from earlier turns). Same reveal rules, same results."""

    def __init__(
        self,
        *,
        token_store: TokenStore,
        tenant_keys: TenantKeys,
        grammar: TokenGrammar,
        known: Mapping[str, str],
    ) -> None:
        super().__init__(token_store=token_store, tenant_keys=tenant_keys, grammar=grammar)
        self._primed = dict(known)

    def _resolve(self, tenant: str, tokens: Iterable[str]) -> dict[str, str]:
        wanted = set(tokens)
        found = {token: self._primed[token] for token in wanted if token in self._primed}
        rest = wanted - found.keys()
        return found | super()._resolve(tenant, rest) if rest else found


class ResponseRestorer:
    """Re-identifies a whole (non-streamed) completion in place."""

    def __init__(self, reidentifier: Reidentifier, tenant: str, reveal: frozenset[str] | None):
        self._reidentifier = reidentifier
        self._tenant = tenant
        self._reveal = reveal
        self.counts: Counter[str] = Counter()
        # Each message content as restored, with where its values stand.
        self.answers: list[tuple[str, list[Span]]] = []

    def _text(self, text: str, *, in_json: bool = False) -> str:
        return self._restored(text, in_json=in_json).text

    def _restored(self, text: str, *, in_json: bool = False) -> Reidentified:
        escape = (lambda v: json.dumps(v, ensure_ascii=False)[1:-1]) if in_json else None
        result = self._reidentifier.reidentify(
            self._tenant, text, reveal=self._reveal, escape=escape
        )
        self.counts.update(result.counts)
        return result

    def restore(self, completion: dict[str, Any]) -> dict[str, Any]:
        for choice in completion.get("choices") or []:
            message = choice.get("message") if isinstance(choice, dict) else None
            if not isinstance(message, dict):
                continue
            if isinstance(message.get("content"), str):
                content = self._restored(message["content"])
                message["content"] = content.text
                self.answers.append((content.text, content.spans))
            if isinstance(message.get("reasoning"), str):
                message["reasoning"] = self._text(message["reasoning"])
            for call in message.get("tool_calls") or []:
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                    function["arguments"] = self._text(function["arguments"], in_json=True)
        return completion


class StreamRestorer:
    """Re-identifies streamed chunks, holding back only what might be the start of a token."""

    def __init__(self, reidentifier: Reidentifier, tenant: str, reveal: frozenset[str] | None):
        self._reidentifier = reidentifier
        self._tenant = tenant
        self._reveal = reveal
        self._streams: dict[tuple[Any, ...], StreamReidentifier] = {}

    def _stream(self, key: tuple[Any, ...], *, in_json: bool) -> StreamReidentifier:
        stream = self._streams.get(key)
        if stream is None:
            escape = (lambda v: json.dumps(v, ensure_ascii=False)[1:-1]) if in_json else None
            stream = self._reidentifier.stream(self._tenant, reveal=self._reveal, escape=escape)
            self._streams[key] = stream
        return stream

    @property
    def counts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for stream in self._streams.values():
            total.update(stream.counts)
        return total

    @property
    def answers(self) -> list[tuple[str, list[Span]]]:
        """Each choice's content as restored so far, with where its values stand."""
        return [
            (stream.text, stream.spans)
            for (_, kind, *_), stream in self._streams.items()
            if kind == "content"
        ]

    def needs_token_store(self, chunk: dict[str, Any]) -> bool:
        """Whether restoring `chunk` might look a token up in the store (I/O). Every token has an
        underscore: with none in the chunk's text nor in what is held back, restoring is pure
        computation, cheap enough for the event loop."""
        if any(stream.holds("_") for stream in self._streams.values()):
            return True
        for choice in chunk.get("choices") or []:
            delta = choice.get("delta") if isinstance(choice, dict) else None
            if not isinstance(delta, dict):
                continue
            for value in delta.values():
                # Tool calls and anything else not a plain string are looked at in full.
                if value is not None and (not isinstance(value, str) or "_" in value):
                    return True
        return False

    def restore(self, chunk: dict[str, Any]) -> dict[str, Any]:
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict) or not isinstance(choice.get("delta"), dict):
                continue
            index = choice.get("index", 0)
            delta = choice["delta"]
            finishing = choice.get("finish_reason") is not None
            for key in ("content", "reasoning"):
                stream = self._stream((index, key), in_json=False)
                if isinstance(delta.get(key), str):
                    delta[key] = stream.feed(delta[key])
                if finishing:
                    rest = stream.flush()
                    if rest:
                        delta[key] = (delta.get(key) or "") + rest
            for call in delta.get("tool_calls") or []:
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                    stream = self._stream((index, "tool", call.get("index", 0)), in_json=True)
                    function["arguments"] = stream.feed(function["arguments"])
            if finishing:
                self._flush_tool_calls(index, delta)
        return chunk

    def _flush_tool_calls(self, index: Any, delta: dict[str, Any]) -> None:
        for (choice, kind, *rest), stream in self._streams.items():
            if choice != index or kind != "tool":
                continue
            tail = stream.flush()
            if tail:
                delta.setdefault("tool_calls", []).append(
                    {"index": rest[0], "function": {"arguments": tail}}
                )

    def leftovers(self) -> Iterator[tuple[tuple[Any, ...], str]]:
        """Text still held back when a stream ended without a finish chunk."""
        for key, stream in self._streams.items():
            tail = stream.flush()
            if tail:
                yield key, tail
