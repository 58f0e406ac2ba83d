"""A Parquet upload waits on disk sealed, never in the clear, and memory stays flat in its size:
the sealed scratch file read at random, tampering refused, the anonymizer's peak measured."""

from __future__ import annotations

import gc
import io
import os
import random
import tracemalloc
from collections.abc import Generator, Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vault.crypto import SealedScratch
from vault.errors import IntegrityError, PayloadTooLarge
from vault.services import dataset_parquet
from vault.services.dataset_formats import Report, anonymize_stream, reidentify_stream

CHUNK = 4096


def _token(text: str) -> str:
    return f"TOKEN_{abs(hash(text)) % 10**8:08d}"


def _anonymize_many(cells: list[tuple[str, str | None]]) -> list[tuple[str, dict[str, int]]]:
    # A stand-in for the detector: every string with a digit becomes one token (column names stay).
    return [
        (_token(text), {"PERSON": 1}) if any(c.isdigit() for c in text) else (text, {})
        for text, _ in cells
    ]


class _Recorded:
    """Every scratch file the vault opens, with what it held on disk just before it closed."""

    def __init__(self) -> None:
        self.scratches: list[SealedScratch] = []
        self.held: list[bytes] = []

    @property
    def all_closed(self) -> bool:
        return all(s._file.closed for s in self.scratches)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> _Recorded:
    spy = _Recorded()
    real_init, real_close = SealedScratch.__init__, SealedScratch.close

    def init(self: SealedScratch, **kwargs: Any) -> None:
        real_init(self, **kwargs)
        spy.scratches.append(self)

    def close(self: SealedScratch) -> None:
        if not self._file.closed:
            self._file.flush()
            spy.held.append(os.pread(self._file.fileno(), 1 << 30, 0))
        real_close(self)

    monkeypatch.setattr(SealedScratch, "__init__", init)
    monkeypatch.setattr(SealedScratch, "close", close)
    return spy


def _parquet(rows: int, *, group: int, seed: int = 7) -> tuple[bytes, list[str]]:
    rng = random.Random(seed)
    names = [f"Customer{rng.randrange(10**9):09d} Surname{i}" for i in range(rows)]
    data = pa.table(
        {
            "id": pa.array(range(rows), type=pa.int64()),
            "name": pa.array(names),
            "notes": pa.array([f"call {n} at {rng.randrange(10**10):010d}" for n in names]),
        }
    )
    out = io.BytesIO()
    pq.write_table(data, out, row_group_size=group, compression="none")
    return out.getvalue(), names


def test_the_scratch_file_reads_back_at_any_position_and_holds_only_ciphertext() -> None:
    plain = bytes(random.Random(1).randrange(256) for _ in range(CHUNK * 5 + 123))
    with SealedScratch(chunk_size=CHUNK) as scratch:
        for start in range(0, len(plain), 1000):
            scratch.write(plain[start : start + 1000])
        reader = scratch.reader()
        assert reader.seek(0, io.SEEK_END) == len(plain)
        for position in (0, CHUNK - 3, CHUNK * 3, len(plain) - 10, CHUNK * 2 + 7):
            reader.seek(position)
            assert reader.read(CHUNK + 9) == plain[position : position + CHUNK + 9]
        reader.seek(0)
        assert reader.read() == plain
        on_disk = os.pread(scratch._file.fileno(), 1 << 20, 0)
        assert len(on_disk) == len(plain) + 6 * 16  # six sealed chunks, a tag each
        assert plain[:64] not in on_disk and plain[CHUNK * 2 : CHUNK * 2 + 64] not in on_disk


@pytest.mark.parametrize("size", [0, CHUNK, CHUNK * 2])
def test_the_last_chunk_is_sealed_as_the_last_whatever_the_size(size: int) -> None:
    plain = b"x" * size
    with SealedScratch(chunk_size=CHUNK) as scratch:
        scratch.write(plain)
        assert scratch.reader().read() == plain


def test_a_changed_or_cut_scratch_file_fails_to_open() -> None:
    with SealedScratch(chunk_size=CHUNK) as scratch:
        scratch.write(b"Mary Jones " * 1000)
        scratch.finish()
        handle = scratch._file
        byte = os.pread(handle.fileno(), 1, CHUNK + 20)
        os.pwrite(handle.fileno(), bytes([byte[0] ^ 1]), CHUNK + 20)
        reader = scratch.reader()
        assert reader.read(10) == b"Mary Jones"  # chunk 0 untouched
        reader.seek(CHUNK + 1)
        with pytest.raises(IntegrityError):
            reader.read(10)
        handle.truncate(CHUNK + 16 + 100)
        reader.seek(0, io.SEEK_END)
        reader.seek(-5, io.SEEK_CUR)
        with pytest.raises(IntegrityError):
            reader.read()


def _drain(chunks: Iterator[bytes]) -> int:
    return sum(len(chunk) for chunk in chunks)


def test_a_parquet_upload_never_reaches_the_disk_in_the_clear(recorded: _Recorded) -> None:
    body, names = _parquet(3000, group=500)
    report = Report()
    out = b"".join(
        anonymize_stream(
            "parquet",
            (body[i : i + 10_000] for i in range(0, len(body), 10_000)),
            report=report,
            anonymize_many=_anonymize_many,
        )
    )
    assert report.rows == 3000
    stored = pq.read_table(io.BytesIO(out)).to_pylist()
    assert [row["name"] for row in stored] == [_token(n) for n in names]
    assert len(recorded.scratches) == 1 and recorded.all_closed
    (held,) = recorded.held
    assert len(held) >= len(body)  # the whole upload waited there, sealed
    for name in names[::97]:
        assert name.encode() not in held
    assert body[:4] == b"PAR1" and b"PAR1" not in held and b"Customer" not in held

    # Reading a stored version back spools it sealed too, and deletes it after.
    restored = b"".join(reidentify_stream("parquet", [out], reidentify_many=lambda xs: xs))
    assert pq.read_table(io.BytesIO(restored)).to_pylist() == stored
    assert len(recorded.held) == 2 and b"TOKEN_" not in recorded.held[1]
    assert recorded.all_closed


def test_a_parquet_stopped_midway_deletes_its_scratch_file(recorded: _Recorded) -> None:
    body, _ = _parquet(2000, group=200)
    pieces = anonymize_stream("parquet", [body], report=Report(), anonymize_many=_anonymize_many)
    assert isinstance(pieces, Generator)
    next(pieces)
    pieces.close()
    assert recorded.scratches and recorded.all_closed


def test_a_parquet_over_the_limit_is_refused_with_its_scratch_file_gone(
    recorded: _Recorded,
) -> None:
    body, _ = _parquet(500, group=100)
    chunks = (body[i : i + 1000] for i in range(0, len(body), 1000))
    with pytest.raises(PayloadTooLarge) as refused:
        _drain(
            dataset_parquet.anonymize_parquet(
                chunks, work=_inline(), report=Report(), overrides={}, limit=len(body) // 2
            )
        )
    assert refused.value.param == "file"
    assert recorded.all_closed


def _inline() -> Any:
    from vault.services.dataset_formats import _Inline

    return _Inline(_anonymize_many)


def _wide(rows: int) -> bytes:
    """Numbers that do not compress beside a few names repeated: the file grows, the memo of
    distinct cells does not (it is bounded on its own, apart from the file)."""
    rng = random.Random(rows)
    pool = [f"Customer{i:04d} Surname" for i in range(300)]
    columns: dict[str, Any] = {"name": pa.array([pool[i % 300] for i in range(rows)])}
    for k in range(4):
        columns[f"m{k}"] = pa.array([rng.random() for _ in range(rows)], type=pa.float64())
    out = io.BytesIO()
    pq.write_table(pa.table(columns), out, row_group_size=10_000, compression="none")
    return out.getvalue()


def _peak(body: bytes) -> int:
    chunks = (body[i : i + 64 * 1024] for i in range(0, len(body), 64 * 1024))
    gc.collect()
    tracemalloc.start()
    try:
        _drain(anonymize_stream("parquet", chunks, report=Report(), anonymize_many=_anonymize_many))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_is_flat_in_the_file_size() -> None:
    small, large = _wide(40_000), _wide(160_000)
    assert len(large) > 60 * 64 * 1024  # many times the scratch chunk
    small_peak, large_peak = _peak(small), _peak(large)
    print(f"parquet peak: {len(small)} B file {small_peak} B, {len(large)} B file {large_peak} B")
    # Four times the file, about the same peak: a row group is held, never the file.
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)
    assert large_peak < len(large), (large_peak, len(large))  # held whole, it was twice that
