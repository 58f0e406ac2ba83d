"""Where a value's label may stand: the words around it, read with `_` as a space, and the header
of the table column it sits in.

A label is as often a key (`drivers_license: ...`, `"us_passport_number": ...`) or a column header
(`| Name | Medicare | Ref |`) as words in a sentence. `context_view` gives a same-length copy in
which a key's parts are words, so one context regex reads prose and keys alike;
`column_header` gives the header cell above a table cell, so a label far above its value counts.
"""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._regex import trie

__all__ = ["column_header", "context_view", "labelled", "referenced"]

_DELIMITERS = ("|", "\t", ";", ",")
_MAX_LINES_UP = 64  # a header this far above a cell is still its table's; bounds the walk
_MAX_HEADER_CELL = 80
_MAX_LINE = 4096  # a longer line is no table row
_RULE_CHARS = frozenset("|-:+= \t")  # a Markdown table's rule line (|---|:---:|)


def context_view(text: str) -> str:
    """`text` with `_` read as a space: "us_passport_number" holds the words of its label."""
    return text.replace("_", " ") if "_" in text else text


def _line_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """[start, end) of the line holding `pos`; None for a line longer than a table row, so
    a long text without line breaks costs a bounded look each time."""
    floor, ceiling = max(0, pos - _MAX_LINE), min(len(text), pos + _MAX_LINE)
    start = text.rfind("\n", floor, pos) + 1
    if start == 0 and floor > 0:
        return None
    end = text.find("\n", pos, ceiling)
    if end < 0:
        if ceiling < len(text):
            return None
        end = len(text)
    return start, end


def column_header(text: str, start: int) -> str:
    """The header cell of the column the cell at `start` sits in ("" when it sits in no table).

    A table is consecutive lines with the same count of one delimiter; its first line (above any
    Markdown rule line) is the header. The walk up is bounded, so a long table costs at most
    `_MAX_LINES_UP` lines a call."""
    bounds = _line_bounds(text, start)
    if bounds is None:
        return ""
    line_start, line_end = bounds
    line = text[line_start:line_end]
    for delimiter in _DELIMITERS:
        count = line.count(delimiter)
        if count == 0:
            continue
        column = line.count(delimiter, 0, start - line_start)
        header = None
        top = line_start
        for _ in range(_MAX_LINES_UP):
            if top == 0:
                break
            above = _line_bounds(text, top - 1)
            if above is None:
                break
            prev_start, prev_end = above
            prev = text[prev_start:prev_end]
            if prev.count(delimiter) != count:
                break
            if not set(prev) <= _RULE_CHARS:
                header = prev
            top = prev_start
        else:
            continue  # the table's first line is further up than the walk goes
        if header is None:
            continue
        cells = header.split(delimiter)
        if column < len(cells):
            return cells[column].strip()[:_MAX_HEADER_CELL]
    return ""


_OTHER_NUMBER = re.compile(r"\d{3}")
_REFERENCE = re.compile(
    r"(?i)(?<![^\W\d_])(?:" + trie(load_words("reference_labels.txt")) + r")"
    r"(?:[ ]?(?:no\.?|nr\.?|number|num|id|#))?[ \t#:=\"'-]*$"
)
_REFERENCE_REACH = 40


def referenced(view: str, start: int) -> bool:
    """The value at `start` of `view` is led by a reference label ("order", "SKU", "invoice")."""
    return _REFERENCE.search(view, max(0, start - _REFERENCE_REACH), start) is not None


def labelled(
    context: re.Pattern[str], view: str, start: int, end: int, *, before: int, after: int
) -> bool:
    """One of `context`'s words labels the value at [start, end) of `view`: just before it or
    just after it with no other number between them, or heading its table column; never when
    the value is led by a reference label of its own ("SKU 29147370" under "acct #: ...")."""
    if referenced(view, start):
        return False
    last = None
    for last in context.finditer(view, max(0, start - before), start):  # noqa: B007
        pass
    if last is not None and not _OTHER_NUMBER.search(view, last.end(), start):
        return True
    if after:
        m = context.search(view, end, min(len(view), end + after))
        if m is not None and not _OTHER_NUMBER.search(view, end, m.start()):
            return True
    return context.search(column_header(view, start)) is not None
