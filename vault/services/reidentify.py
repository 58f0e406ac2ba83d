"""Re-identify text: tokens back to their values, for the types the caller may see."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vault.domain.entities import LITERAL_TOKEN_TYPE
from vault.domain.spans import Span
from vault.domain.tokens import TokenGrammar, TokenMatch
from vault.errors import Gone
from vault.ports import TenantKeys, TokenStore
from vault.services.anonymize import ERASED, token_value_context

__all__ = ["Reidentified", "Reidentifier", "StreamReidentifier"]


@dataclass(frozen=True, slots=True)
class Reidentified:
    text: str
    counts: dict[str, int] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    withheld: int = 0
    # Where the values stand in `text`, typed by their tokens: what detection would look for.
    spans: list[Span] = field(default_factory=list)


class Reidentifier:
    """Resolves tokens of one tenant; a token issued to another tenant never resolves."""

    def __init__(self, *, token_store: TokenStore, tenant_keys: TenantKeys, grammar: TokenGrammar):
        self._tokens = token_store
        self._keys = tenant_keys
        self.grammar = grammar

    def reidentify(
        self,
        tenant: str,
        text: str,
        *,
        reveal: frozenset[str] | None = None,
        escape: Callable[[str], str] | None = None,
    ) -> Reidentified:
        """`text` with tokens of the revealable types (None: all) replaced by their values.

        Tokens this tenant never issued, or whose values were erased, stay as they are and are
        listed in `unresolved`. Look-alikes escaped at anonymization always come back. `escape`
        transforms each value before it is inserted (e.g. JSON string escaping).
        """
        matches = list(self.grammar.find(text))
        if not matches:
            return Reidentified(text)
        values = self._resolve(tenant, {m.token for m in matches})
        return self._restore(text, matches, values, reveal=reveal, escape=escape)

    def reidentify_many(
        self,
        tenant: str,
        texts: list[str],
        *,
        reveal: frozenset[str] | None = None,
        known: dict[str, str | None] | None = None,
    ) -> list[str]:
        """`reidentify(...).text` for many texts (a block of a dataset) with one token-store
        query for all of them. `known`, when given, holds values already resolved (None for a
        token that does not resolve) and is filled with those this call resolves, so a token
        repeated across blocks is fetched once; the caller bounds it."""
        # One scan of the block: no token spans a line break (its type and id hold none), so
        # the texts joined by one give each text the matches it gives alone.
        joined = "\n".join(texts)
        matches = list(self.grammar.find(joined))
        if not matches:
            return list(texts)
        cache = known if known is not None else {}
        missing = {m.token for m in matches} - cache.keys()
        if missing:
            resolved = self._resolve(tenant, missing)
            cache.update({token: resolved.get(token) for token in missing})
        # The whole block restored at once, then cut back into its texts.
        pieces: list[str] = []
        kept: list[TokenMatch] = []  # the tokens restored, in order
        cursor = 0
        for match in matches:
            start, end, token, entity_type = match
            value = cache[token]
            if value is None or not (
                reveal is None or entity_type in reveal or entity_type == LITERAL_TOKEN_TYPE
            ):
                continue  # left as it is, as `reidentify` leaves it
            pieces += (joined[cursor:start], value)
            cursor = end
            kept.append(match)
        if not kept:
            return list(texts)
        pieces.append(joined[cursor:])
        restored = "".join(pieces)
        if restored.count("\n") == len(texts) - 1:  # no text or value holds a line break
            return restored.split("\n")
        # Each text's end moves by how much longer the tokens before it came back.
        starts = [m.start for m in kept]
        shifts = [0]
        values = pieces[1::2]
        shifts += itertools.accumulate(
            len(value) - (m.end - m.start) for m, value in zip(kept, values, strict=True)
        )
        out: list[str] = []
        begin = end = 0
        for text in texts:
            end += len(text)
            stop = end + shifts[bisect.bisect_left(starts, end)]
            out.append(restored[begin:stop])
            begin = stop + 1
            end += 1
        return out

    def _restore(
        self,
        text: str,
        matches: list[TokenMatch],
        values: dict[str, str],
        *,
        reveal: frozenset[str] | None,
        escape: Callable[[str], str] | None = None,
    ) -> Reidentified:
        pieces: list[str] = []
        counts: dict[str, int] = {}
        spans: list[Span] = []
        unresolved: list[str] = []
        withheld = 0
        cursor = written = 0
        for match in matches:
            value = values.get(match.token)
            if value is None:
                unresolved.append(match.token)
                continue
            if not _may_reveal(match, reveal):
                withheld += 1
                continue
            before = text[cursor : match.start]
            inserted = escape(value) if escape else value
            pieces += (before, inserted)
            written += len(before)
            if match.entity_type != LITERAL_TOKEN_TYPE:
                counts[match.entity_type] = counts.get(match.entity_type, 0) + 1
                spans.append(Span(written, written + len(inserted), match.entity_type, 1.0))
            written += len(inserted)
            cursor = match.end
        pieces.append(text[cursor:])
        return Reidentified("".join(pieces), counts, sorted(set(unresolved)), withheld, spans)

    def _resolve(self, tenant: str, tokens: Iterable[str]) -> dict[str, str]:
        records = {
            token: record
            for token, record in self._tokens.fetch(tenant, set(tokens)).items()
            if record.value_digest != ERASED
        }
        if not records:
            return {}
        try:
            keyring = self._keys.keyring(tenant)
        except Gone:
            return {}
        tokens = list(records)
        opened = keyring.open_small_many(
            [records[token].sealed_value for token in tokens],
            contexts=[token_value_context(tenant, token) for token in tokens],
        )
        return {token: value.decode() for token, value in zip(tokens, opened, strict=True)}

    def stream(
        self,
        tenant: str,
        *,
        reveal: frozenset[str] | None = None,
        escape: Callable[[str], str] | None = None,
    ) -> StreamReidentifier:
        return StreamReidentifier(self, tenant, reveal, escape)


def _may_reveal(match: TokenMatch, reveal: frozenset[str] | None) -> bool:
    return reveal is None or match.entity_type == LITERAL_TOKEN_TYPE or match.entity_type in reveal


class StreamReidentifier:
    """Re-identifies a text that arrives in pieces, holding back only a possible token start."""

    def __init__(
        self,
        reidentifier: Reidentifier,
        tenant: str,
        reveal: frozenset[str] | None,
        escape: Callable[[str], str] | None = None,
    ):
        self._reidentifier = reidentifier
        self._tenant = tenant
        self._reveal = reveal
        self._escape = escape
        self._pending = ""
        self.counts: Counter[str] = Counter()
        self.unresolved: set[str] = set()
        # The whole re-identified text so far, and where its values stand in it.
        self.emitted: list[str] = []
        self.spans: list[Span] = []
        self._length = 0

    def feed(self, piece: str) -> str:
        """The re-identified text that is safe to emit now."""
        ready, self._pending = self._reidentifier.grammar.split_safe_prefix(self._pending + piece)
        return self._emit(ready)

    def holds(self, text: str) -> bool:
        """Whether `text` is in what this stream holds back."""
        return text in self._pending

    def flush(self) -> str:
        """Whatever is still held back, at the end of the stream."""
        ready, self._pending = self._pending, ""
        return self._emit(ready)

    def _emit(self, text: str) -> str:
        if not text:
            return ""
        result = self._reidentifier.reidentify(
            self._tenant, text, reveal=self._reveal, escape=self._escape
        )
        self.counts.update(result.counts)
        self.unresolved.update(result.unresolved)
        offset = self._length
        self.spans += [
            Span(s.start + offset, s.end + offset, s.entity_type, s.score) for s in result.spans
        ]
        self.emitted.append(result.text)
        self._length += len(result.text)
        return result.text

    @property
    def text(self) -> str:
        """Everything emitted so far, as one text."""
        return "".join(self.emitted)
