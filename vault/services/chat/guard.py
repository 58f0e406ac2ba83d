"""The outbound guard: the exact bytes about to leave, read for values known to be PII.

Two memories serve it. `KnownValues` holds values as written, with their entity types, so that a
value the tenant sent before is *tokenized* where it stands in a new request (found, not refused).
The guard then folds the serialized payload (`vault.domain.normalize.fold`: NFKC, format characters
dropped, look-alikes folded, case-folded) and looks for every value detected in this request and
every value the tenant is known to hold, in the same folded form, and for their digits however
they are separated. What it finds there could not be tokenized: the request is refused.
"""

from __future__ import annotations

import json
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping

from vault.domain.normalize import fold

__all__ = ["Forms", "KnownValues", "PayloadCheck", "digits_of", "folded_value"]

# Each value's folded form and digits (None: not a value in digits), worked out once for a call
# that guards the same values more than once (a batch's block, then the tenant's memory).

_KNOWN_VALUES = 5_000
# Up to this many values, searching for each is cheaper than indexing the text searched.
_SEARCH_EACH = 24
_MIN_LENGTH = 3  # shorter values cannot be told from ordinary text
_MIN_DIGITS = 8  # a value this long in digits is found however its digits are separated
_SEPARATORS = re.compile(r"[\s.\-/_()+]")
_DIGIT_RUN = re.compile(r"\d(?:[\s.\-/_()+]{0,3}\d)+")
# The same runs in an ASCII text, where `\d` is [0-9]: a set the engine scans for faster than
# the Unicode digit category (a third less time over a 1 KB payload).
_ASCII_DIGIT_RUN = re.compile(r"[0-9](?:[\s.\-/_()+]{0,3}[0-9])+")
# Where a value may begin: not right after a letter or digit.
_WORD_START = re.compile(r"(?<![^\W_])")
# The three characters after each character that is not a letter or digit: with the text's first
# three, the prefixes of every place a value may begin, found in one pass in C.
_AFTER_BOUNDARY = re.compile(r"[\W_](?=(.{3}))", re.DOTALL)
# A string as `json.dumps(value, ensure_ascii=False)` writes it, without building an encoder.
_json_string = json.encoder.encode_basestring

# Each value's folded form and its digits (None: not a value in digits), worked out once for a
# call that guards the same values twice (a batch's block, then the tenant's memory).
Forms = dict[str, tuple[str, str | None]]


def _prefixes(text: str) -> set[str]:
    prefixes = set(_AFTER_BOUNDARY.findall(text))
    if len(text) >= 3:
        prefixes.add(text[:3])
    return prefixes


def _continues(text: str, end: int) -> bool:
    return end < len(text) and text[end].isalnum()


def digits_of(value: str) -> str | None:
    """The digits of a value written in digits and separators (a card, a phone), else None."""
    bare = _SEPARATORS.sub("", value)
    return bare if len(bare) >= _MIN_DIGITS and bare.isdigit() else None


class _Index:
    """Strings indexed by their first three characters and then by length: finding which stand
    in a text as whole words costs one set look-up per length at each place a shared prefix
    begins, however many strings share it (a tenant's thousands of phone numbers all begin
    "+44"). Holds at most `limit` strings, the least recently added dropped first."""

    def __init__(self, limit: int, *, search_each: int = _SEARCH_EACH) -> None:
        self._limit = limit
        self._search_each = search_each
        self._forms: OrderedDict[str, str] = OrderedDict()  # form -> what it stands for
        self._index: dict[str, dict[int, set[str]]] = {}

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, form: str) -> bool:
        return form in self._forms

    def add(self, form: str, meaning: str) -> None:
        if len(form) < _MIN_LENGTH:
            return
        if form in self._forms:
            self._forms.move_to_end(form)
            self._forms[form] = meaning
            return
        self._forms[form] = meaning
        self._index.setdefault(form[:3], {}).setdefault(len(form), set()).add(form)
        while len(self._forms) > self._limit:
            self.discard(next(iter(self._forms)))

    def discard(self, form: str) -> None:
        if self._forms.pop(form, None) is None:
            return
        by_length = self._index.get(form[:3], {})
        bucket = by_length.get(len(form))
        if bucket is not None:
            bucket.discard(form)
            if not bucket:
                del by_length[len(form)]
            if not by_length:
                del self._index[form[:3]]

    def occurrences(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, meaning) of each form standing in `text` as a whole word."""
        if not self._forms:
            return
        if len(self._forms) <= self._search_each:
            for form, meaning in self._forms.items():
                at = text.find(form)
                while at != -1:
                    if _WORD_START.match(text, at) and not _continues(text, at + len(form)):
                        yield at, at + len(form), meaning
                    at = text.find(form, at + 1)
            return
        starts = _prefixes(text)
        index = self._index
        # Walk the smaller side: a tenant may hold thousands of prefixes.
        if len(starts) <= len(index):
            shared = [prefix for prefix in starts if prefix in index]
        else:
            shared = [prefix for prefix in index if prefix in starts]
        for prefix in shared:
            by_length = index[prefix]
            at = text.find(prefix)
            while at != -1:
                if _WORD_START.match(text, at):
                    for length, bucket in by_length.items():
                        end = at + length
                        form = text[at:end]
                        if form in bucket and not _continues(text, end):
                            yield at, end, self._forms[form]
                at = text.find(prefix, at + 1)

    def meanings(self) -> Iterable[str]:
        return self._forms.values()


class KnownValues:
    """Values known to be PII, with their entity types: as written (to tokenize them where they
    stand), folded as the guard reads a payload, and by their digits. Not thread-safe."""

    def __init__(self, limit: int = _KNOWN_VALUES, *, search_each: int = _SEARCH_EACH) -> None:
        self._written = _Index(limit, search_each=search_each)
        self._folded = _Index(limit, search_each=search_each)
        self._digits: OrderedDict[str, None] = OrderedDict()
        self._digit_lengths: Counter[int] = Counter()
        self._limit = limit
        # Each value guarded, with its folded form and digits: a value sent again is not
        # folded again (`covers`). The same values the indexes hold, and no more of them.
        self._forms: OrderedDict[str, tuple[str, str | None]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._written)

    def add(self, values: Mapping[str, str], *, forms: Forms | None = None) -> None:
        """Remember each value → entity type. `forms`, when given, keeps each value's folded
        form and digits for the next call (a batch's values are guarded twice)."""
        self.add_written(values)
        self.add_guarded(values, forms=forms)

    def add_written(self, values: Mapping[str, str]) -> None:
        """The half of `add` that `occurrences` reads. The two halves keep apart, so a batch
        can find values where they stand line after line before it guards the lines."""
        for value, entity_type in values.items():
            if len(value) >= _MIN_LENGTH:
                self._written.add(value, entity_type)

    def add_guarded(self, values: Iterable[str], *, forms: Forms | None = None) -> None:
        """The half of `add` that `found_in` reads."""
        memo: Forms = {} if forms is None else forms
        for value in values:
            if len(value) < _MIN_LENGTH:
                continue
            known = memo.get(value) or self._forms.get(value)
            if known is None:
                known = memo[value] = (folded_value(value), digits_of(value))
            self._forms[value] = known
            self._forms.move_to_end(value)
            form, digits = known
            self._folded.add(form, value)
            if digits is not None:
                if digits not in self._digits:
                    self._digit_lengths[len(digits)] += 1
                self._digits[digits] = None
                self._digits.move_to_end(digits)
        while len(self._digits) > self._limit:
            self._forget_digits(next(iter(self._digits)))
        while len(self._forms) > self._limit:
            self._forms.popitem(last=False)

    def covers(self, values: Iterable[str], forms: Forms) -> bool:
        """Whether `found_in` reads every one of `values` already — its folded form, and its
        digits if it is a value in digits — so that guarding those values on their own could
        find nothing it does not. The forms of the values held are put in `forms`."""
        covered = True
        for value in values:
            if len(value) < _MIN_LENGTH:
                continue
            known = forms.get(value) or self._forms.get(value)
            if known is None:
                covered = False
                continue
            forms[value] = known
            form, digits = known
            if (len(form) >= _MIN_LENGTH and form not in self._folded) or (
                digits is not None and digits not in self._digits
            ):
                covered = False
        return covered

    def _forget_digits(self, digits: str) -> None:
        if self._digits.pop(digits, False) is None:
            self._digit_lengths[len(digits)] -= 1
            if not self._digit_lengths[len(digits)]:
                del self._digit_lengths[len(digits)]

    def discard(self, values: Iterable[str]) -> None:
        for value in values:
            self._forms.pop(value, None)
            self._written.discard(value)
            self._folded.discard(folded_value(value))
            digits = digits_of(value)
            if digits is not None:
                self._forget_digits(digits)

    def occurrences(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, entity type) of each known value standing in `text` as written."""
        return self._written.occurrences(text)

    def found_in(self, check: PayloadCheck) -> bool:
        """Whether any known value stands in the checked payload, in any form the fold
        undoes, or as its digits however they are separated."""
        if any(True for _ in self._folded.occurrences(check.folded)):
            return True
        if not self._digits:
            return False
        return any(
            run[i : i + length] in self._digits
            for run in check.digit_runs
            for length in self._digit_lengths
            for i in range(len(run) - length + 1)
        )


def folded_value(value: str) -> str:
    """A value as it reads in a folded JSON payload."""
    return fold(_json_string(value)[1:-1])


class PayloadCheck:
    """A payload read once for every memory the guard consults: folded, and its digit runs."""

    def __init__(self, payload: str) -> None:
        self.folded = fold(payload)
        digit_run = _ASCII_DIGIT_RUN if self.folded.isascii() else _DIGIT_RUN
        runs = (_SEPARATORS.sub("", m.group()) for m in digit_run.finditer(self.folded))
        self.digit_runs = [run for run in runs if len(run) >= _MIN_DIGITS]

    @classmethod
    def joined(cls, payloads: list[str]) -> PayloadCheck:
        """Several JSON payloads read as one, a line break between each: a value standing in
        one of them stands in it (a line break is no letter or digit, as the ends of a text are
        not). Read in one pass: the fold rewrites runs of escapes, digit groups and letters,
        none of which holds a line break or a payload's braces, so it folds each payload as it
        would alone; a digit run does not cross "}\n{" either."""
        return cls("\n".join(payloads))
