"""Parquet datasets: anonymized and re-identified row group by row group, column by column.

A Parquet file is read from its footer, so an upload is spooled whole before it is read: to a
`SealedScratch` (a temporary file sealed chunk by chunk under a one-off key held only in memory,
so nothing in the clear reaches the disk), from which pyarrow reads one row group at a time;
memory stays within a row group, whatever the file's size, up to `PARQUET_MAX_BYTES` (a larger
one is a 413). The output keeps
the input's schema (types, nesting, nullability, metadata) and its row groups, one output row
group per input row group. Top-level string columns are classified from a sample as CSV
columns are (`entity:<TYPE>` tokenized whole, `plain`, `text`) and honour the column policy;
strings inside nested types (lists, structs, maps: their keys too) are detected as JSONL
strings are; numbers, booleans, dates and timestamps keep their types and values, as in JSONL.
Binary columns are refused: they could hold text that detection cannot read. pyarrow is the
format library here as csv and json are for the other formats: no I/O of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from vault.crypto import SealedScratch
from vault.errors import InvalidRequest, PayloadTooLarge
from vault.services.dataset_formats import (
    _BATCH_ROWS,
    _MEMO_ENTRIES,
    _PLAIN_CELL,
    _SAMPLE_ROWS,
    CellWork,
    Pending,
    Report,
    _classify,
)

__all__ = [
    "FOOTER_TAIL",
    "PARQUET_MAX_BYTES",
    "ParquetLayout",
    "anonymize_parquet",
    "footer_length",
    "footer_schema",
    "has_field",
    "joined_parquet",
    "parquet_blocks",
    "parquet_rows",
    "reidentify_parquet",
    "schema_difference",
]

PARQUET_MAX_BYTES = 5 * 1024**3  # the default upload limit: the file waits on disk, sealed
_CELLS_PER_BATCH = _BATCH_ROWS * 4


@contextmanager
def _spooled(chunks: Iterable[bytes], limit: int) -> Iterator[Any]:
    """The file as pyarrow reads it (a ParquetFile over a sealed scratch file), deleted after."""
    with SealedScratch() as scratch:
        for chunk in chunks:
            scratch.write(chunk)
            if scratch.size > limit:
                raise PayloadTooLarge(f"a Parquet file may be at most {limit} bytes", param="file")
        if not scratch.size:
            raise InvalidRequest("file is empty", code="empty_file", param="file")
        with scratch.reader() as handle:
            yield _open(handle)


def _open(handle: Any) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(handle)
    except (pa.ArrowException, OSError, ValueError):
        raise InvalidRequest(
            "file is not a valid Parquet file", code="malformed_parquet", param="file"
        ) from None


def _row_group(source: Any, index: int) -> Any:
    """One row group as a table; a damaged one is a 400 naming it."""
    import pyarrow as pa

    try:
        return source.read_row_group(index)
    except (pa.ArrowException, OSError, ValueError):
        raise InvalidRequest(
            f"row group {index} of the Parquet file cannot be read",
            code="malformed_parquet",
            param="file",
        ) from None


def _is_text(kind: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind)) or (
        hasattr(pa.types, "is_string_view") and bool(pa.types.is_string_view(kind))
    )


def _children(kind: Any) -> list[Any]:
    """The types nested in `kind`, in the order `_walk` visits them."""
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        return [kind.value_type]
    if pa.types.is_map(kind):
        return [kind.key_type, kind.item_type]
    if pa.types.is_struct(kind):
        return [kind.field(i).type for i in range(kind.num_fields)]
    if hasattr(kind, "value_type"):  # list, large list, fixed-size list, list view
        return [kind.value_type]
    return []


def _holds(kind: Any, test: Callable[[Any], bool]) -> bool:
    return test(kind) or any(_holds(child, test) for child in _children(kind))


def _walk(value: Any, kind: Any, replace: Callable[[str], str]) -> Any:
    """`value` (as `to_pylist` gives it) with every string `replace`d, typed by `kind`."""
    import pyarrow as pa

    if value is None:
        return None
    if _is_text(kind):
        return replace(value)
    if pa.types.is_dictionary(kind):
        return _walk(value, kind.value_type, replace)
    if pa.types.is_map(kind):
        return [
            (_walk(k, kind.key_type, replace), _walk(v, kind.item_type, replace)) for k, v in value
        ]
    if pa.types.is_struct(kind):
        fields = [kind.field(i) for i in range(kind.num_fields)]
        return {f.name: _walk(value.get(f.name), f.type, replace) for f in fields}
    if _children(kind):
        return [_walk(item, kind.value_type, replace) for item in value]
    return value


def _rebuilt(values: list[Any], kind: Any) -> Any:
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        return pa.array(values, type=kind.value_type).dictionary_encode().cast(kind)
    return pa.array(values, type=kind)


class _Sink:
    """A writable file for pyarrow whose bytes are taken out after each row group."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._position = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def take(self) -> bytes:
        out, self._parts = b"".join(self._parts), []
        return out


def _compression(source: Any) -> str:
    """The codec the source's first column chunk was written with (pyarrow's name for it)."""
    compression = "snappy"
    if source.metadata.num_row_groups and source.metadata.num_columns:
        compression = source.metadata.row_group(0).column(0).compression.lower()
        if compression == "uncompressed":
            compression = "none"
    return str(compression)


def _writer(sink: _Sink, schema: Any, source: Any) -> Any:
    import pyarrow.parquet as pq

    return pq.ParquetWriter(sink, schema, compression=_compression(source))


def _check_columns(schema: Any) -> None:
    import pyarrow as pa

    for index, field in enumerate(schema):
        if _holds(field.type, lambda k: bool(pa.types.is_binary(k) or pa.types.is_large_binary(k))):
            # Named by position: a column's name may itself be data, as a CSV header may.
            raise InvalidRequest(
                f"column {index + 1} of the Parquet schema holds binary values, which cannot "
                "be read for PII; store them as strings",
                code="malformed_parquet",
                param="file",
            )


def anonymize_parquet(
    chunks: Iterable[bytes],
    *,
    work: CellWork,
    report: Report,
    overrides: dict[str, str],
    limit: int = PARQUET_MAX_BYTES,
) -> Iterator[bytes]:
    """The anonymized Parquet file in pieces (one per row group); fills `report`."""
    with _spooled(chunks, limit) as source:
        yield from _anonymized(source, work=work, report=report, overrides=overrides)


def _anonymized(
    source: Any, *, work: CellWork, report: Report, overrides: dict[str, str]
) -> Iterator[bytes]:
    import pyarrow as pa

    schema = source.schema_arrow
    _check_columns(schema)
    names = list(schema.names)
    unknown = set(overrides) - set(names)
    if unknown:
        raise InvalidRequest(
            f"column policy names unknown column(s): {', '.join(sorted(unknown))}",
            param="column_policy",
        )
    # Column names can hold data too, as CSV headers can.
    shown = [text for text, _ in work.submit([(name, None) for name in names]).result()]
    report.columns = shown
    kinds = _kinds(source, schema, work, overrides)
    for name, kind in zip(shown, kinds, strict=True):
        report.column_kinds[name] = kind
    renamed = shown != names
    out_schema = pa.schema(
        [field.with_name(name) for field, name in zip(schema, shown, strict=True)],
        # The metadata (pandas', say) repeats the column names: dropped if any was tokenized.
        metadata=None if renamed else schema.metadata,
    )
    memo: dict[tuple[int, str, str | None], tuple[Pending, int]] = {}
    sink = _Sink()
    writer = _writer(sink, out_schema, source)
    for group in range(source.num_row_groups):
        table = _row_group(source, group)
        if len(memo) > _MEMO_ENTRIES:
            memo.clear()
        # Every column's cells are submitted before any answer is awaited, so the workers
        # share the row group; the batches depend on the file alone.
        todo: dict[tuple[int, str, str | None], None] = {}
        columns = []
        for index, field in enumerate(schema):
            values = table.column(index).to_pylist()
            columns.append(values)
            kind = kinds[index]
            if kind == "keep":
                continue
            entity = kind.removeprefix("entity:") if kind.startswith("entity:") else None
            for text in _strings_of(values, field.type):
                if text and not (kind == "plain" and _PLAIN_CELL.fullmatch(text.strip())):
                    key = (index, text, entity)
                    if key not in memo:
                        todo[key] = None
        keys = list(todo)
        for start in range(0, len(keys), _CELLS_PER_BATCH):
            batch = keys[start : start + _CELLS_PER_BATCH]
            pending = work.submit([(text, entity) for _, text, entity in batch])
            memo.update((key, (pending, i)) for i, key in enumerate(batch))
        arrays = []
        for index, (field, values) in enumerate(zip(schema, columns, strict=True)):
            kind = kinds[index]
            if kind == "keep":
                arrays.append(table.column(index))
                continue
            entity = kind.removeprefix("entity:") if kind.startswith("entity:") else None
            restore = _restorer(memo, index, entity, report.entities[shown[index]])
            arrays.append(_rebuilt([_walk(v, field.type, restore) for v in values], field.type))
        writer.write_table(
            pa.Table.from_arrays(arrays, schema=out_schema), row_group_size=max(1, table.num_rows)
        )
        report.rows += table.num_rows
        yield sink.take()
    writer.close()
    yield sink.take()


def _strings_of(values: list[Any], kind: Any) -> list[str]:
    found: list[str] = []

    def note(text: str) -> str:
        found.append(text)
        return text

    for value in values:
        _walk(value, kind, note)
    return found


def _replaced(values: list[Any], kind: Any, replacements: Iterator[str]) -> list[Any]:
    """`values` with their strings taken in turn from `replacements` (as `_strings_of` found them)."""
    return [_walk(value, kind, lambda _: next(replacements)) for value in values]


def _restorer(
    memo: dict[tuple[int, str, str | None], tuple[Pending, int]],
    index: int,
    entity: str | None,
    counts: Counter[str],
) -> Callable[[str], str]:
    def restore(text: str) -> str:
        found = memo.get((index, text, entity))
        if found is None:
            return text  # never sent: empty, or a short number in a plain column
        pending, position = found
        anonymized, entity_counts = pending.result()[position]
        counts.update(entity_counts)
        return anonymized

    return restore


def _kinds(source: Any, schema: Any, work: CellWork, overrides: dict[str, str]) -> list[str]:
    """Each column's kind: an override, `keep` for columns without strings, `text` for
    nested ones, and for top-level strings what the first rows say (as for CSV)."""
    import pyarrow as pa

    sample = None
    if source.num_row_groups:
        sample = _row_group(source, 0).slice(0, _SAMPLE_ROWS)
    columns: dict[int, list[str]] = {}
    for index, field in enumerate(schema):
        kind = field.type.value_type if pa.types.is_dictionary(field.type) else field.type
        if field.name not in overrides and _is_text(kind) and sample is not None:
            columns[index] = [v for v in sample.column(index).to_pylist() if v is not None]
    sampled = sorted({v for values in columns.values() for v in values if v.strip()})
    results = work.submit([(v, None) for v in sampled]).result() if sampled else []
    done = dict(zip(sampled, results, strict=True))
    counts = {value: found for value, (_, found) in done.items()}
    whole = {value for value, (text, _) in done.items() if len(text.split()) <= 1}
    kinds = []
    for index, field in enumerate(schema):
        if field.name in overrides:
            kinds.append(overrides[field.name])
        elif not _holds(field.type, _is_text):
            kinds.append("keep")
        elif index in columns:
            kinds.append(_classify(columns[index], counts, whole))
        else:
            kinds.append("text")
    return kinds


def reidentify_parquet(
    chunks: Iterable[bytes],
    *,
    reidentify_many: Callable[[list[str]], list[str]],
    limit: int = PARQUET_MAX_BYTES,
) -> Iterator[bytes]:
    """The stored Parquet file with its tokens restored, row group by row group; the token
    store is asked once per column of a row group."""
    with _spooled(chunks, limit) as source:
        yield from _reidentified(source, reidentify_many)


def _reidentified(
    source: Any, reidentify_many: Callable[[list[str]], list[str]]
) -> Iterator[bytes]:
    import pyarrow as pa

    schema = source.schema_arrow
    names = reidentify_many(list(schema.names))
    out_schema = pa.schema(
        [field.with_name(name) for field, name in zip(schema, names, strict=True)],
        metadata=schema.metadata,
    )
    sink = _Sink()
    writer = _writer(sink, out_schema, source)
    for group in range(source.num_row_groups):
        table = _row_group(source, group)
        arrays = []
        for index, field in enumerate(schema):
            column = table.column(index)
            if not _holds(field.type, _is_text):
                arrays.append(column)
                continue
            values = column.to_pylist()
            restored = iter(reidentify_many(_strings_of(values, field.type)))
            arrays.append(_rebuilt(_replaced(values, field.type, restored), field.type))
        writer.write_table(
            pa.Table.from_arrays(arrays, schema=out_schema), row_group_size=max(1, table.num_rows)
        )
        yield sink.take()
    writer.close()
    yield sink.take()


# -- rows, for inference over a stored version ------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParquetLayout:
    """What a derived file copies from its source: the schema, row group sizes, codec."""

    schema: Any
    row_groups: list[int]
    compression: str

    @property
    def columns(self) -> list[str]:
        return list(self.schema.names)


def parquet_rows(
    chunks: Iterable[bytes], *, limit: int = PARQUET_MAX_BYTES
) -> tuple[ParquetLayout, Iterator[dict[str, Any]]]:
    """The file's layout and its rows as dicts (structs as nested dicts, as `to_pylist` gives
    them), read row group by row group from a sealed scratch file that the rows' iterator
    deletes when it ends or is closed."""
    rows = _rows(chunks, limit)
    layout = next(rows)
    assert isinstance(layout, ParquetLayout)
    return layout, rows  # type: ignore[return-value]


def _rows(chunks: Iterable[bytes], limit: int) -> Iterator[ParquetLayout | dict[str, Any]]:
    with _spooled(chunks, limit) as source:
        meta = source.metadata
        sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        yield ParquetLayout(source.schema_arrow, sizes, _compression(source))
        for group in range(source.num_row_groups):
            yield from _row_group(source, group).to_pylist()


def has_field(schema: Any, name: str) -> bool:
    """Whether `name` is a top-level column, or a dotted path through struct fields."""
    import pyarrow as pa

    if name in schema.names:
        return True
    kind: Any = None
    for depth, part in enumerate(name.split(".")):
        if depth == 0:
            if part not in schema.names:
                return False
            kind = schema.field(part).type
            continue
        if not pa.types.is_struct(kind) or kind.get_field_index(part) < 0:
            return False
        kind = kind.field(part).type
    return kind is not None


def parquet_blocks(
    layout: ParquetLayout, rows: Iterable[tuple[dict[str, Any], str]], output: str
) -> Iterator[bytes]:
    """Rows with one string column `output` added, as Parquet in pieces: the source's schema
    (and its metadata) plus that column, its row groups cut where the source's were (the last
    one short if fewer rows came), the source's codec."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = layout.schema.append(pa.field(output, pa.string()))
    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema, compression=layout.compression)
    sizes = iter([size for size in layout.row_groups if size > 0])
    held: list[tuple[dict[str, Any], str]] = []
    wanted = next(sizes, 0)

    def flush() -> bytes:
        arrays = [
            _rebuilt([row.get(field.name) for row, _ in held], field.type)
            for field in layout.schema
        ]
        arrays.append(pa.array([answer for _, answer in held], type=pa.string()))
        writer.write_table(pa.Table.from_arrays(arrays, schema=schema), row_group_size=len(held))
        held.clear()
        return sink.take()

    for item in rows:
        held.append(item)
        if len(held) >= wanted:
            yield flush()
            wanted = next(sizes, wanted)
    if held:
        yield flush()
    writer.close()
    yield sink.take()


# -- several files as one, for an import of the objects under a prefix ----------------------

FOOTER_TAIL = 64 * 1024  # the last bytes read first: a footer is nearly always shorter


def footer_length(tail: bytes) -> int:
    """The bytes a file's footer and its 8-byte trailer take, from at least its last 8."""
    if len(tail) < 8 or tail[-4:] != b"PAR1":
        raise InvalidRequest(
            "an object of the source is not a Parquet file",
            code="malformed_parquet",
            param="source",
        )
    return int.from_bytes(tail[-8:-4], "little") + 8


def footer_schema(tail: bytes) -> Any:
    """The Arrow schema of a file from its last bytes (at least `footer_length` of them)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_schema(pa.BufferReader(b"PAR1" + tail[-footer_length(tail) :]))
    except (pa.ArrowException, OSError, ValueError):
        raise InvalidRequest(
            "an object of the source is not a Parquet file",
            code="malformed_parquet",
            param="source",
        ) from None


def schema_difference(first: Any, other: Any) -> str | None:
    """Why `other` cannot follow `first` as more rows of one table (metadata aside), or None.
    Columns are named by position: a name may itself be data."""
    if first.equals(other, check_metadata=False):
        return None
    if len(first) != len(other):
        return f"{len(other)} columns against {len(first)}"
    for index, (a, b) in enumerate(zip(first, other, strict=True)):
        if not a.equals(b, check_metadata=False):
            return f"column {index + 1} differs ({b.type} against {a.type})"
    return "the schemas differ"


def joined_parquet(
    files: Iterable[Iterable[bytes]], *, limit: int = PARQUET_MAX_BYTES
) -> Iterator[bytes]:
    """Several Parquet files as one, in pieces: the first file's schema (its metadata too) and
    codec, then every file's row groups in turn, each as it was, so the result reads as one
    file holding all the rows. A file whose schema differs is a 400 naming `source`."""
    sink = _Sink()
    writer = None
    schema = None
    for number, chunks in enumerate(files, start=1):
        with _spooled(chunks, limit) as source:
            if schema is None:
                schema = source.schema_arrow
                writer = _writer(sink, schema, source)
            elif (why := schema_difference(schema, source.schema_arrow)) is not None:
                raise InvalidRequest(
                    f"object {number} of the source (in key order) has another Parquet schema "
                    f"than the first: {why}",
                    code="mixed_schemas",
                    param="source",
                )
            assert writer is not None
            for group in range(source.num_row_groups):
                table = _row_group(source, group).replace_schema_metadata(schema.metadata)
                writer.write_table(table, row_group_size=max(1, table.num_rows))
                yield sink.take()
    if writer is not None:
        writer.close()
    yield sink.take()
