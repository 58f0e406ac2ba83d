"""Stream a dataset through anonymization or re-identification, format by format.

Every transform takes and yields bytes in bounded pieces, so a file larger than memory flows
through. Errors name the line (or row) and what was wrong, never the content.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from vault.errors import InvalidRequest, UnsupportedMediaType

__all__ = [
    "DELIMITERS",
    "FORMATS",
    "CellWork",
    "Pending",
    "Report",
    "anonymize_stream",
    "decode_lines",
    "detect_format",
    "parse_delimiter",
    "reidentify_stream",
    "sniff_delimiter",
]

FORMATS = ("csv", "jsonl", "text", "parquet")
# The CSV delimiters sniffed or named, by the names a `delimiter` form field may use.
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}
_SNIFF_LINES = 50
_BLOCK = 64 * 1024
_SAMPLE_ROWS = 200
# Short numbers (counts, amounts, small ids) and flags carry no PII; anything longer, such as a
# phone number, an SSN or a date, goes through detection.
_PLAIN_CELL = re.compile(
    r"-?\d{1,6}(?:[.,]\d{1,4})?|true|false|yes|no|null|none|n/?a|", re.IGNORECASE
)
_MAX_LINE = 8 * 1024 * 1024  # characters; a longer "line" is not a CSV row or a JSON record
_IDENTIFIER_SHARE = 0.8
_MEMO_ENTRIES = 100_000  # distinct cells remembered per upload; bounds memory, not correctness

# [(text, whole-value entity type or None to detect)] -> [(anonymized text, entity counts)]
AnonymizeMany = Callable[[list[tuple[str, str | None]]], list[tuple[str, dict[str, int]]]]
# Texts -> the same texts with their tokens restored, in order.
ReidentifyMany = Callable[[list[str]], list[str]]
_T = TypeVar("_T")
_P = TypeVar("_P")
_R = TypeVar("_R")
_BATCH_ROWS = 512


@dataclass
class Report:
    """What was found where: counts only."""

    rows: int = 0
    columns: list[str] | None = None
    delimiter: str | None = None  # CSV only: the one the upload was read with
    column_kinds: dict[str, str] = field(default_factory=dict)
    entities: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "columns": self.columns,
            **({"delimiter": self.delimiter} if self.delimiter is not None else {}),
            "column_kinds": self.column_kinds,
            "entities": {where: dict(c) for where, c in self.entities.items()},
        }


def detect_format(filename: str | None, content_type: str | None) -> str:
    """csv, jsonl, text or parquet, from the file name first and the declared content type
    second."""
    name = (filename or "").lower()
    kind = (content_type or "").split(";")[0].strip().lower()
    if name.endswith((".parquet", ".pq")) or kind in (
        "application/vnd.apache.parquet",
        "application/x-parquet",
    ):
        return "parquet"
    if name.endswith(".csv") or kind in ("text/csv", "application/csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson")) or kind in (
        "application/jsonl",
        "application/x-ndjson",
    ):
        return "jsonl"
    if name.endswith((".txt", ".text", ".log", ".md")) or kind.startswith("text/plain"):
        return "text"
    raise UnsupportedMediaType(
        "unsupported file type: upload .csv, .jsonl, .txt or .parquet (text/csv, "
        "application/jsonl, text/plain, application/vnd.apache.parquet)",
        param="file",
    )


def decode_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 lines, each with its own line ending; invalid UTF-8 is a 400 naming the line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    line_number = 1
    for chunk in chunks:
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            # `exc.object` is what the decoder held (a partial character at most) plus `chunk`.
            bad_line = line_number + pending.count("\n") + exc.object[: exc.start].count(b"\n")
            raise InvalidRequest(
                f"file is not valid UTF-8 (line {bad_line})", code="invalid_encoding", param="file"
            ) from None
        if "\x00" in text:
            raise InvalidRequest(
                "file holds NUL bytes: binary files are not accepted", param="file"
            )
        pending += text
        if "\n" not in text:
            if len(pending) > _MAX_LINE:
                raise InvalidRequest(
                    f"line {line_number} is longer than {_MAX_LINE} characters", param="file"
                )
            continue
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
            line_number += 1
    try:
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InvalidRequest(
            f"file is not valid UTF-8 (truncated character at line {line_number})",
            code="invalid_encoding",
            param="file",
        ) from None
    if pending:
        yield pending


def _blocks(lines: Iterable[str]) -> Iterator[str]:
    """Lines gathered into blocks of about 64 KiB, cut only at line ends."""
    block: list[str] = []
    size = 0
    for line in lines:
        block.append(line)
        size += len(line)
        if size >= _BLOCK:
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


def _nonempty(chunks: Iterable[bytes]) -> Iterator[bytes]:
    seen = 0
    for chunk in chunks:
        seen += len(chunk)
        yield chunk
    if seen == 0:
        raise InvalidRequest("file is empty", code="empty_file", param="file")


class Pending(Protocol):
    """A batch of cells handed to `CellWork.submit`; `result()` waits for its answer."""

    def result(self) -> list[tuple[str, dict[str, int]]]: ...


class CellWork(Protocol):
    """Anonymizes batches of cells, here or in other processes. Batches are submitted in file
    order and their results read in that order; up to `depth` may be in flight at once."""

    @property
    def depth(self) -> int: ...

    def submit(self, cells: list[tuple[str, str | None]]) -> Pending: ...


class _Ready:
    def __init__(self, done: list[tuple[str, dict[str, int]]]) -> None:
        self._done = done

    def result(self) -> list[tuple[str, dict[str, int]]]:
        return self._done


class _Inline:
    """CellWork over a plain function: each batch done as it is submitted."""

    depth = 0

    def __init__(self, anonymize_many: AnonymizeMany) -> None:
        self._anonymize_many = anonymize_many

    def submit(self, cells: list[tuple[str, str | None]]) -> Pending:
        return _Ready(self._anonymize_many(cells))


def _in_order(
    items: Iterable[_T], plan: Callable[[_T], _P], finish: Callable[[_P], _R], work: CellWork
) -> Iterator[_R]:
    """`finish(plan(item))` for each item, in order, with up to `work.depth` planned items
    waiting (their work running elsewhere meanwhile); what still waits is cancelled on an error."""
    held: deque[_P] = deque()
    try:
        for item in items:
            held.append(plan(item))
            while len(held) > work.depth:
                yield finish(held.popleft())
        while held:
            yield finish(held.popleft())
    finally:
        for planned in held:
            for pending in getattr(planned, "pending", ()):
                cancel = getattr(pending, "cancel", None)
                if cancel is not None:
                    cancel()


def anonymize_stream(
    fmt: str,
    chunks: Iterable[bytes],
    *,
    report: Report,
    anonymize_many: AnonymizeMany | None = None,
    work: CellWork | None = None,
    column_overrides: dict[str, str] | None = None,
    delimiter: str | None = None,
) -> Iterator[bytes]:
    """The anonymized file, as UTF-8 bytes in blocks; fills `report` as it goes.

    The cells go to `work` (or to `anonymize_many`, one batch at a time) in batches whose
    make-up depends only on the file, so where they are done does not change a byte.
    CSV is read with `delimiter`, or the one sniffed from its first lines, and written with
    commas (RFC 4180); `report.delimiter` says which was read.
    """
    if work is None:
        if anonymize_many is None:
            raise TypeError("anonymize_stream needs anonymize_many or work")
        work = _Inline(anonymize_many)
    if fmt == "parquet":
        from vault.services.dataset_parquet import anonymize_parquet

        return anonymize_parquet(chunks, work=work, report=report, overrides=column_overrides or {})
    lines = decode_lines(_nonempty(chunks))
    if fmt == "text":
        return _anonymize_text(lines, work, report)
    if fmt == "jsonl":
        return _anonymize_jsonl(lines, work, report)
    return _anonymize_csv(lines, work, report, column_overrides or {}, delimiter)


@dataclass
class _Planned:
    """A batch on its way: what finishing it needs, and the work it waits for."""

    rows: list[Any]
    pending: list[Pending]
    cells: dict[Any, tuple[Pending, int]] = field(default_factory=dict)


def _anonymize_text(lines: Iterable[str], work: CellWork, report: Report) -> Iterator[bytes]:
    def plan(block: str) -> _Planned:
        return _Planned([block], [work.submit([(block, None)])])

    def finish(planned: _Planned) -> bytes:
        [(text, counts)] = planned.pending[0].result()
        report.entities["text"].update(counts)
        report.rows += planned.rows[0].count("\n")
        return text.encode()

    return _in_order(_blocks(lines), plan, finish, work)


def _strings(value: Any, found: list[str]) -> None:
    """Collect the strings of a JSON value, object keys included, depth first."""
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            found.append(key)
            _strings(item, found)


def _replace_strings(value: Any, replacements: Iterator[str]) -> Any:
    """`value` with its strings and keys replaced, in the order `_strings` found them."""
    if isinstance(value, str):
        return next(replacements)
    if isinstance(value, list):
        return [_replace_strings(item, replacements) for item in value]
    if isinstance(value, dict):
        out = {}
        for item in value.values():
            new_key = next(replacements)  # the key comes first, as `_strings` listed it
            out[new_key] = _replace_strings(item, replacements)
        return out
    return value


def _jsonl_records(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidRequest(
                f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})",
                code="malformed_jsonl",
                param="file",
            ) from None


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _anonymize_jsonl(lines: Iterable[str], work: CellWork, report: Report) -> Iterator[bytes]:
    def plan(batch: list[tuple[int, Any]]) -> _Planned:
        # Every string of every field of the batch goes through one anonymize call.
        cells: list[tuple[str, str | None]] = []  # every key and string, in walk order
        for number, record in batch:
            if not isinstance(record, dict):
                raise InvalidRequest(
                    f"line {number} must be a JSON object", code="malformed_jsonl", param="file"
                )
            found: list[str] = []
            _strings(record, found)
            cells += [(text, None) for text in found]
        return _Planned([record for _, record in batch], [work.submit(cells)])

    def finish(planned: _Planned) -> bytes:
        done = planned.pending[0].result()
        replacements = iter(text for text, _ in done)
        out = [
            json.dumps(_replace_strings(record, replacements), ensure_ascii=False) + "\n"
            for record in planned.rows
        ]
        # Counts per top-level field (as stored), found again from the same batch results.
        position = 0
        for record in planned.rows:
            for key, value in record.items():
                found = [key]
                _strings(value, found)
                stored_key = done[position][0]
                for _, counts in done[position : position + len(found)]:
                    report.entities[stored_key].update(counts)
                position += len(found)
        report.rows += len(planned.rows)
        return "".join(out).encode()

    return _in_order(_batches(_jsonl_records(lines), _BATCH_ROWS), plan, finish, work)


def _csv_rows(lines: Iterable[str], delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on (a quoted field may run over several lines)."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidRequest(
            f"malformed CSV in the row starting at line {start}: {exc}",
            code="malformed_csv",
            param="file",
        ) from None


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter (of `DELIMITERS`) that splits the sampled lines into the most fields, the
    same number in every row; a comma when none does. `lines` may end mid-row."""
    best, best_fields = ",", 1
    for delimiter in DELIMITERS.values():
        try:
            rows = list(csv.reader(lines, delimiter=delimiter, strict=True))
        except csv.Error:
            continue  # a sample cut inside a quoted field: judge by the other rows
        if len(rows) > 1:
            rows = rows[:-1]  # the last sampled row may be cut short
        widths = {len(row) for row in rows if row}
        if len(widths) == 1 and (fields := widths.pop()) > best_fields:
            best, best_fields = delimiter, fields
    return best


def parse_delimiter(raw: str | None) -> str | None:
    """The delimiter a `delimiter` form field names (`,` `;` `|` a tab, or its name), None if
    the field is absent or empty; InvalidRequest for anything else."""
    if raw is None or raw == "":
        return None
    named = DELIMITERS.get(raw.strip().lower(), raw if raw in DELIMITERS.values() else None)
    if named is None:
        raise InvalidRequest(
            "delimiter must be one of: comma (,), semicolon (;), tab, pipe (|)",
            param="delimiter",
        )
    return named


def _classify(
    column: list[str], counts: dict[str, dict[str, int]], whole: Collection[str] = ()
) -> str:
    """`plain`, `entity:<TYPE>` (an identifier column, tokenized whole) or `text`.

    `counts` maps each sampled value to the entity counts detection found in it; `whole` holds
    the values that one entity covers whole. Only those count towards an identifier column: a
    note that names one person ("spoke with Ada Lovelace today") is free text, whose words
    around the name are kept, and whose name gets the same token as in a name column.
    """
    values = [v for v in column if v.strip()]
    if all(_PLAIN_CELL.fullmatch(v.strip()) and not counts.get(v) for v in values):
        return "plain"
    types: Counter[str] = Counter()
    for value in values:
        found = counts.get(value, {})
        if len(found) == 1 and sum(found.values()) == 1 and value in whole:
            types.update(found)
    if types and values:
        entity, hits = types.most_common(1)[0]
        if hits / len(values) >= _IDENTIFIER_SHARE:
            return f"entity:{entity}"
    return "text"


def _anonymize_csv(
    lines: Iterable[str],
    work: CellWork,
    report: Report,
    overrides: dict[str, str],
    delimiter: str | None,
) -> Iterator[bytes]:
    lines = iter(lines)
    head = list(itertools.islice(lines, _SNIFF_LINES))
    report.delimiter = delimiter or sniff_delimiter(head)
    rows = _csv_rows(itertools.chain(head, lines), report.delimiter)
    try:
        _, header = next(rows)
    except StopIteration:
        raise InvalidRequest(
            "CSV file has no header row", code="malformed_csv", param="file"
        ) from None
    unknown = set(overrides) - set(header)
    if unknown:
        raise InvalidRequest(
            f"column policy names unknown column(s): {', '.join(sorted(unknown))}",
            param="column_policy",
        )
    # Header cells can hold data too (or the file has no header and this is a data row).
    shown = [text for text, _ in work.submit([(name, None) for name in header]).result()]
    report.columns = shown
    sample: list[tuple[int, list[str]]] = []
    for item in rows:
        sample.append(item)
        if len(sample) >= _SAMPLE_ROWS:
            break

    sampled = sorted({value for _, row in sample for value in row if value.strip()})
    sample_results = work.submit([(v, None) for v in sampled]).result() if sampled else []
    sample_done = dict(zip(sampled, sample_results, strict=True))
    sample_counts = {value: counts for value, (_, counts) in sample_done.items()}
    # One word left (the token, a mask) or none: the entity was the whole value.
    whole = {value for value, (text, _) in sample_done.items() if len(text.split()) <= 1}
    kinds = []
    for index, name in enumerate(header):
        column = [row[index] for _, row in sample if index < len(row)]
        kind = overrides.get(name) or _classify(column, sample_counts, whole)
        kinds.append(kind)
        report.column_kinds[shown[index]] = kind
    entities = [
        kind.removeprefix("entity:") if kind.startswith("entity:") else None for kind in kinds
    ]

    # Columns repeat values (statuses, names, cities): each distinct cell is done once, in
    # the batch that first holds it; later batches read its answer from that one.
    memo: dict[tuple[int, str], tuple[Pending, int]] = {}

    # Which cells are worked on: none of a kept column, of a plain one those that are not plain.
    kept = [kind == "keep" for kind in kinds]
    plain = [kind == "plain" for kind in kinds]

    def plan(batch: list[tuple[int, list[str]]]) -> _Planned:
        needed: dict[tuple[int, str], str | None] = {}
        for line_number, row in batch:
            if len(row) != len(header):
                raise InvalidRequest(
                    f"CSV row at line {line_number} has {len(row)} fields, the header has {len(header)}",
                    code="malformed_csv",
                    param="file",
                )
            for index, value in enumerate(row):
                if not value or kept[index]:
                    continue
                if plain[index] and _PLAIN_CELL.fullmatch(value.strip()):
                    continue
                needed[(index, value)] = entities[index]
        todo = [cell for cell in needed if cell not in memo]
        if len(memo) + len(todo) > _MEMO_ENTRIES:
            memo.clear()  # forget older cells only: this batch's are all redone below
            todo = list(needed)
        planned = _Planned([row for _, row in batch], [])
        if todo:
            pending = work.submit([(value, needed[(index, value)]) for index, value in todo])
            planned.pending.append(pending)
            memo.update((cell, (pending, i)) for i, cell in enumerate(todo))
        planned.cells = {cell: memo[cell] for cell in needed}
        return planned

    def finish(planned: _Planned) -> list[list[str]]:
        out = []
        answers: dict[int, list[tuple[str, dict[str, int]]]] = {}  # by id of their Pending
        # Counts gathered per column in the order the cells come, then added to the report
        # once per batch: the report's keys come in the same order as cell by cell.
        tally: dict[str, Counter[str]] = {}
        cells = planned.cells
        for row in planned.rows:
            converted = []
            for index, value in enumerate(row):
                cell = cells.get((index, value))
                if cell is None:  # a cell `plan` left as it is
                    converted.append(value)
                    continue
                pending, position = cell
                done = answers.get(id(pending))
                if done is None:
                    done = answers[id(pending)] = pending.result()
                text, counts = done[position]
                converted.append(text)
                column = tally.get(shown[index])
                if column is None:
                    column = tally[shown[index]] = Counter()
                for entity, count in counts.items():  # Counter.update checks its argument
                    column[entity] += count
            out.append(converted)
        for name, counted in tally.items():
            report.entities[name].update(counted)
        report.rows += len(planned.rows)
        return out

    converted = (
        row
        for rows_done in _in_order(
            _batches(itertools.chain(sample, rows), _BATCH_ROWS), plan, finish, work
        )
        for row in rows_done
    )
    yield from _csv_blocks(itertools.chain([shown], converted))


def _csv_blocks(rows: Iterable[list[str]]) -> Iterator[bytes]:
    """Rows written as CSV, in UTF-8 blocks of about 64 KiB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        if buffer.tell() >= _BLOCK:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


def reidentify_stream(
    fmt: str, chunks: Iterable[bytes], *, reidentify_many: ReidentifyMany
) -> Iterator[bytes]:
    """The re-identified file: text byte for byte, CSV and JSONL value for value. Each block's
    cells go to `reidentify_many` together, so the token store is asked once per block."""
    if fmt == "parquet":
        from vault.services.dataset_parquet import reidentify_parquet

        yield from reidentify_parquet(chunks, reidentify_many=reidentify_many)
        return
    lines = decode_lines(chunks)
    if fmt == "text":
        for block in _blocks(lines):
            yield reidentify_many([block])[0].encode()
        return
    if fmt == "jsonl":
        for batch in _batches(_jsonl_records(lines), _BATCH_ROWS):
            found: list[str] = []
            for _, record in batch:
                _strings(record, found)
            restored = iter(reidentify_many(found))
            out = [
                json.dumps(_replace_strings(record, restored), ensure_ascii=False) + "\n"
                for _, record in batch
            ]
            yield "".join(out).encode()
        return
    yield from _csv_blocks(_reidentified_rows(_csv_rows(lines), reidentify_many))


def _reidentified_rows(
    rows: Iterable[tuple[int, list[str]]], reidentify_many: ReidentifyMany
) -> Iterator[list[str]]:
    for batch in _batches(rows, _BATCH_ROWS):
        cells = [cell for _, row in batch for cell in row if cell]
        restored = iter(reidentify_many(cells))
        for _, row in batch:
            yield [next(restored) if cell else cell for cell in row]
