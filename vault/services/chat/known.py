"""The guard's memory of each tenant's known values: in process, or shared by every worker.

`KnownMemory` keeps one `KnownValues` per tenant in this process. `SharedKnownMemory` puts the
same in-process tier in front of a store every worker and replica shares (`KnownValueStore`,
Redis), which holds only keyed digests of the values, under a key of the tenant's own, each with
its length and entity type. Before a request is redacted the worker catches up on what the others
added or forgot since it last asked (`refresh`: one round trip); after, it sends what it learned
(`publish`: one more, only when there is something new). A digest it cannot place — a value
another worker saw — is looked for in the texts and payloads it reads by hashing every stretch of
a length some such digest has that begins and ends at a word edge; a value found where it stands
is from then on held as written, like one this worker saw itself.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping

from vault.ports import KnownDigests, KnownValueStore, TenantKeys
from vault.services.chat.guard import Forms, KnownValues, PayloadCheck, digits_of, folded_value

__all__ = ["KnownMemory", "SharedKnownMemory"]

_PURPOSE = "known-values"  # the tenant's HMAC key for the digests
_MIN_LENGTH = 3
# Kinds of digest: a value as written, as the guard's fold reads it, and its digits.
_WRITTEN, _FOLDED, _DIGITS = "w", "f", "d"
_PERSON = {kind: f"vault-known-{kind}".encode() for kind in (_WRITTEN, _FOLDED, _DIGITS)}
# Where a value may begin (not right after a letter or digit) and end (not before one).
_STARTS = re.compile(r"(?<![^\W_])\S")
_ENDS = re.compile(r"\S(?![^\W_])")


class KnownMemory:
    """One `KnownValues` per tenant, in this process. Not thread-safe: the redactor locks."""

    def __init__(self) -> None:
        self._tenants: dict[str, KnownValues] = {}

    def get(self, tenant: str) -> KnownValues | None:
        return self._tenants.get(tenant)

    def of(self, tenant: str) -> KnownValues:
        known = self._tenants.get(tenant)
        if known is None:
            known = self._tenants[tenant] = self._new(tenant)
        return known

    def _new(self, tenant: str) -> KnownValues:
        return KnownValues()

    def refresh(self, tenant: str) -> None:
        """Catch up with what other workers learned (nothing to do in process)."""

    def publish(self, tenant: str) -> None:
        """Tell other workers what this one learned (nothing to do in process)."""


class SharedKnownMemory(KnownMemory):
    """`KnownMemory` whose tenants' values every worker sharing `store` knows. `refresh` and
    `publish` raise ServiceUnavailable when the store fails: nothing is redacted then."""

    def __init__(self, store: KnownValueStore, tenant_keys: TenantKeys, *, limit: int) -> None:
        super().__init__()
        self._store = store
        self._tenant_keys = tenant_keys
        self._limit = limit
        self._lock = threading.Lock()

    def get(self, tenant: str) -> KnownValues | None:
        return self.of(tenant)

    def of(self, tenant: str) -> SharedValues:
        with self._lock:
            known = super().of(tenant)
        assert isinstance(known, SharedValues)
        return known

    def _new(self, tenant: str) -> KnownValues:
        return SharedValues(lambda: self._key(tenant), limit=self._limit)

    def _key(self, tenant: str) -> bytes:
        return self._tenant_keys.keyring(tenant).hmac_key(_PURPOSE)

    def refresh(self, tenant: str) -> None:
        known = self.of(tenant)
        known.catch_up(self._store.changes(tenant, since=known.since), key=self._key(tenant))

    def publish(self, tenant: str) -> None:
        known = self.of(tenant)
        added, gone = known.take_news()
        try:
            self._store.record(tenant, added=added, gone=gone)
        except Exception:
            known.put_back(added, gone)
            raise


class SharedValues(KnownValues):
    """A tenant's `KnownValues` with a mirror of the shared digests it cannot place yet.

    The digests of values held here as written are this worker's own (`_mine`, with the value,
    so that one forgotten elsewhere is forgotten here); the others (`_foreign`) are looked for
    by length in what is read. Both are bounded like the in-process tier."""

    def __init__(self, key: Callable[[], bytes], *, limit: int) -> None:
        super().__init__()
        self._key_source = key
        self._key: bytes | None = None
        self._limit = limit
        self._lock = threading.Lock()
        self.since = 0  # the store's clock (ms) at the last catch-up
        self._mine: OrderedDict[str, tuple[str, str]] = OrderedDict()  # digest -> value, meta
        self._epoch: str | None = None  # which life of the store the mirror follows
        self._foreign: OrderedDict[str, tuple[int, str]] = OrderedDict()  # digest -> length, type
        self._lengths: dict[str, Counter[int]] = {_WRITTEN: Counter(), _FOLDED: Counter()}
        self._lengths[_DIGITS] = Counter()
        self._added: dict[str, str] = {}  # to publish: digest -> "length:entity type"
        self._gone: set[str] = set()
        # Values other workers forgot, dropped from the in-process tier at its next use: that
        # tier is read and written only under the redactor's lock, which a catch-up does not hold.
        self._forgotten: list[str] = []

    # ------------------------------------------------------------ digests

    def _digest(self, kind: str, form: str) -> str:
        """A keyed hash (BLAKE2b's keyed mode, a MAC, twice as fast here as HMAC-SHA256: the
        look-ups hash hundreds of stretches a request) under the tenant's own key."""
        key = self._key
        if key is None:
            key = self._key = self._key_source()
        raw = hashlib.blake2b(
            form.encode("utf-8", "surrogatepass"), key=key, digest_size=16, person=_PERSON[kind]
        )
        return f"{kind}:{raw.hexdigest()}"

    def _digests(self, value: str) -> list[tuple[str, int]]:
        """(digest, length) of each form the guard keeps of `value`."""
        forms = [(_WRITTEN, value), (_FOLDED, folded_value(value))]
        digits = digits_of(value)
        if digits is not None:
            forms.append((_DIGITS, digits))
        return [(self._digest(kind, form), len(form)) for kind, form in forms]

    # ------------------------------------------------------------ the mirror

    def catch_up(self, changes: KnownDigests, *, key: bytes) -> None:
        with self._lock:
            self._key = key
            for digest in changes.gone:
                mine = self._mine.pop(digest, None)
                if mine is not None and digest not in self._added:
                    self._forgotten.append(mine[0])
                self._forget_foreign(digest)
            for digest, meta in changes.added.items():
                if digest in self._mine or digest in self._gone:
                    continue
                length, _, entity_type = meta.partition(":")
                if not length.isdigit():
                    continue  # an entry this version cannot read: another worker's to place
                self._forget_foreign(digest)
                self._foreign[digest] = (int(length), entity_type)
                self._lengths[digest[0]][int(length)] += 1
            while len(self._foreign) > self._limit:
                self._forget_foreign(next(iter(self._foreign)))
            self.since = changes.now
            if changes.epoch != self._epoch:
                if self._epoch is not None:
                    # The store lost what it held (Redis restarted empty): tell it again what
                    # this worker knows, and read it whole next time.
                    self._added.update({digest: meta for digest, (_, meta) in self._mine.items()})
                    self.since = 0
                self._epoch = changes.epoch

    def _forget_foreign(self, digest: str) -> None:
        entry = self._foreign.pop(digest, None)
        if entry is not None:
            lengths = self._lengths[digest[0]]
            lengths[entry[0]] -= 1
            if not lengths[entry[0]]:
                del lengths[entry[0]]

    def take_news(self) -> tuple[dict[str, str], set[str]]:
        with self._lock:
            added, gone = self._added, self._gone
            self._added, self._gone = {}, set()
            return added, gone

    def put_back(self, added: Mapping[str, str], gone: Iterable[str]) -> None:
        with self._lock:
            self._added = {**added, **self._added}
            self._gone |= set(gone) - set(self._added)

    def _learn(self, value: str, entity_type: str | None) -> None:
        """Note `value`'s digests as this worker's own, to publish those not known before."""
        for digest, length in self._digests(value):
            self._gone.discard(digest)
            mine = self._mine.get(digest)
            if mine is None:
                kind_type = entity_type if digest[0] == _WRITTEN and entity_type else ""
                meta = f"{length}:{kind_type}"
                if digest not in self._foreign:
                    self._added[digest] = meta
                self._forget_foreign(digest)
                self._mine[digest] = (value, meta)
            self._mine.move_to_end(digest)
        while len(self._mine) > self._limit:
            self._mine.popitem(last=False)

    # ------------------------------------------------------------ KnownValues

    def _drop_forgotten(self) -> None:
        with self._lock:
            forgotten, self._forgotten = self._forgotten, []
        if forgotten:
            super().discard(forgotten)

    def add_written(self, values: Mapping[str, str]) -> None:
        self._drop_forgotten()
        super().add_written(values)
        with self._lock:
            for value, entity_type in values.items():
                if len(value) >= _MIN_LENGTH:
                    self._learn(value, entity_type)

    def add_guarded(self, values: Iterable[str], *, forms: Forms | None = None) -> None:
        self._drop_forgotten()
        values = list(values)
        super().add_guarded(values, forms=forms)
        with self._lock:
            for value in values:
                if len(value) >= _MIN_LENGTH:
                    self._learn(value, None)

    def discard(self, values: Iterable[str]) -> None:
        values = list(values)
        super().discard(values)
        with self._lock:
            for value in values:
                for digest, _ in self._digests(value):
                    self._mine.pop(digest, None)
                    self._added.pop(digest, None)
                    self._forget_foreign(digest)
                    self._gone.add(digest)

    def occurrences(self, text: str) -> Iterator[tuple[int, int, str]]:
        self._drop_forgotten()
        yield from super().occurrences(text)
        with self._lock:
            found = list(self._foreign_in(text, _WRITTEN))
        for start, end, entity_type in found:
            value = text[start:end]
            # Held as written from now on: the in-process tier finds it next time.
            KnownValues.add_written(self, {value: entity_type})
            KnownValues.add_guarded(self, [value])
            with self._lock:
                self._learn(value, entity_type)
            yield start, end, entity_type

    def found_in(self, check: PayloadCheck) -> bool:
        self._drop_forgotten()
        if super().found_in(check):
            return True
        with self._lock:
            if any(True for _ in self._foreign_in(check.folded, _FOLDED)):
                return True
            lengths = self._lengths[_DIGITS]
            if not lengths:
                return False
            return any(
                self._digest(_DIGITS, run[i : i + length]) in self._foreign
                for run in check.digit_runs
                for length in lengths
                for i in range(len(run) - length + 1)
            )

    def _foreign_in(self, text: str, kind: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, entity type) of each stretch of `text` whose digest of `kind` is one
        of the foreign ones: those of the lengths they have, between word edges."""
        lengths = self._lengths[kind]
        if not lengths:
            return
        ends = {m.end() for m in _ENDS.finditer(text)}
        sizes = list(lengths)
        for start in (m.start() for m in _STARTS.finditer(text)):
            for length in sizes:
                end = start + length
                if end in ends:
                    entry = self._foreign.get(self._digest(kind, text[start:end]))
                    if entry is not None:
                        yield start, end, entry[1]
