"""Answers on the way back: tokens restored for callers allowed to see them, whole or streamed."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from vault.domain.spans import Span
from vault.domain.tokens import TokenGrammar
from vault.ports import TenantKeys, TokenStore
from vault.services.chat.answers import AnswerGuard, GuardedStream
from vault.services.reidentify import Reidentified, Reidentifier, StreamReidentifier

__all__ = ["Answer", "PrimedReidentifier", "ResponseRestorer", "StreamRestorer"]

# A string as `json.dumps(value, ensure_ascii=False)` writes it, without building an encoder.
_json_string = json.encoder.encode_basestring


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer's text as it went to the caller, for the next turn's detection cache: where
    restored values stand in it, and every span detection found if it was read whole already
    (None: it must be detected)."""

    text: str
    restored: list[Span]
    detected: list[Span] | None = None


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

    @property
    def own_values(self) -> list[str]:
        """The values this request carried: the caller's own, whatever an answer does with them."""
        return list(self._primed.values())

    def _resolve(self, tenant: str, tokens: Iterable[str]) -> dict[str, str]:
        wanted = set(tokens)
        found = {token: self._primed[token] for token in wanted if token in self._primed}
        rest = wanted - found.keys()
        return found | super()._resolve(tenant, rest) if rest else found


def _json_escape(value: str) -> str:
    """A value as it stands inside a JSON string (tool-call arguments)."""
    return _json_string(value)[1:-1]


class _Restorer:
    """What restoring one answer needs: whose tokens, which types the caller may see, and the
    answer guard (None: answers are only restored)."""

    def __init__(
        self,
        reidentifier: Reidentifier,
        tenant: str,
        reveal: frozenset[str] | None,
        guard: AnswerGuard | None = None,
    ):
        self._reidentifier = reidentifier
        self._tenant = tenant
        self._reveal = reveal
        self._guard = guard


class ResponseRestorer(_Restorer):
    """Re-identifies a whole (non-streamed) completion in place; with a guard, PII the model
    wrote itself is tokenized (`AnswerGuard`)."""

    def __init__(
        self,
        reidentifier: Reidentifier,
        tenant: str,
        reveal: frozenset[str] | None,
        guard: AnswerGuard | None = None,
    ):
        super().__init__(reidentifier, tenant, reveal, guard)
        self.counts: Counter[str] = Counter()
        # Each message content as it went to the caller.
        self.answers: list[Answer] = []

    def _text(self, text: str, *, in_json: bool = False) -> str:
        restored = self._restored(text, in_json=in_json)
        return self._guarded(restored.text, restored.spans)

    def _guarded(self, text: str, restored: list[Span]) -> str:
        return self._guard.whole(text, restored)[0] if self._guard is not None else text

    def _restored(self, text: str, *, in_json: bool = False) -> Reidentified:
        escape = _json_escape if in_json else None
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
                if self._guard is None:
                    message["content"] = content.text
                    self.answers.append(Answer(content.text, content.spans))
                else:
                    text, found = self._guard.whole(content.text, content.spans)
                    message["content"] = text
                    # Read whole already, unless the guard changed it.
                    self.answers.append(
                        Answer(text, content.spans, found)
                        if text == content.text
                        else Answer(text, [])
                    )
            if isinstance(message.get("reasoning"), str):
                message["reasoning"] = self._text(message["reasoning"])
            for call in message.get("tool_calls") or []:
                function = call.get("function") if isinstance(call, dict) else None
                if not isinstance(function, dict):
                    continue
                if isinstance(function.get("name"), str):
                    function["name"] = self._restored(function["name"]).text
                if isinstance(function.get("arguments"), str):
                    function["arguments"] = self._text(function["arguments"], in_json=True)
        return completion


class StreamRestorer(_Restorer):
    """Re-identifies streamed chunks, holding back only what might be the start of a token
    (and, with a guard, a bounded window the guard reads)."""

    def __init__(
        self,
        reidentifier: Reidentifier,
        tenant: str,
        reveal: frozenset[str] | None,
        guard: AnswerGuard | None = None,
    ):
        super().__init__(reidentifier, tenant, reveal, guard)
        self._streams: dict[tuple[Any, ...], StreamReidentifier] = {}
        self._guarded: dict[tuple[Any, ...], GuardedStream] = {}

    def _stream(self, key: tuple[Any, ...], *, in_json: bool) -> StreamReidentifier:
        stream = self._streams.get(key)
        if stream is None:
            escape = _json_escape if in_json else None
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
    def answers(self) -> list[Answer]:
        """Each choice's content as it went to the caller."""
        answers = []
        for key, stream in self._streams.items():
            if key[1] != "content":
                continue
            guarded = self._guarded.get(key)
            if guarded is None:
                answers.append(Answer(stream.text, stream.spans))
            elif guarded.changed:
                answers.append(Answer("".join(guarded.out), []))
            else:
                answers.append(Answer(stream.text, stream.spans, list(guarded.detected.values())))
        return answers

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
            if choice.get("finish_reason") is not None and self._guard is not None:
                return True  # the guard reads what it holds
            for key, value in delta.items():
                guarded = self._guarded.get((choice.get("index", 0), key))
                if isinstance(value, str) and guarded is not None and guarded.will_read(value):
                    return True  # the guard reads a window: detection, worth a thread
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
                    delta[key] = self._through_guard((index, key), stream, stream.feed(delta[key]))
                if finishing:
                    rest = self._through_guard((index, key), stream, stream.flush(), end=True)
                    if rest:
                        delta[key] = (delta.get(key) or "") + rest
            for call in delta.get("tool_calls") or []:
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict) and isinstance(function.get("name"), str):
                    # A function's name comes whole, in the call's first chunk.
                    restored = self._reidentifier.reidentify(
                        self._tenant, function["name"], reveal=self._reveal
                    )
                    function["name"] = restored.text
                if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                    stream = self._stream((index, "tool", call.get("index", 0)), in_json=True)
                    function["arguments"] = stream.feed(function["arguments"])
            if finishing:
                self._flush_tool_calls(index, delta)
        return chunk

    def _through_guard(
        self, key: tuple[Any, ...], stream: StreamReidentifier, text: str, *, end: bool = False
    ) -> str:
        """`text` restored, as the guard lets it go (all it holds, at the end)."""
        if self._guard is None:
            return text
        guarded = self._guarded.get(key)
        if guarded is None:
            guarded = self._guarded[key] = self._guard.stream()
        released = guarded.feed(text, stream.spans) if text else ""
        return released + guarded.flush(stream.spans) if end else released

    def _flush_tool_calls(self, index: Any, delta: dict[str, Any]) -> None:
        for (choice, kind, *rest), stream in self._streams.items():
            if choice != index or kind != "tool":
                continue
            tail = stream.flush()
            if tail:
                delta.setdefault("tool_calls", []).append(
                    {"index": rest[0], "function": {"arguments": tail}}
                )

    def leftovers(self, *, cut: bool = False) -> Iterator[tuple[tuple[Any, ...], str]]:
        """Text still held back when a stream ended without a finish chunk. When the stream
        was `cut` (an error), a token's start held back is dropped, not sent half-restored."""
        for key, stream in self._streams.items():
            held = "" if cut else stream.flush()
            tool = key[1] == "tool"
            tail = held if tool else self._through_guard(key, stream, held, end=True)
            if tail:
                yield key, tail
