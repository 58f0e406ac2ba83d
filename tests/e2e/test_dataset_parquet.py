"""Parquet datasets over HTTP: column by column with the CSV classification, nested values
walked like JSONL, schema and row groups kept, the re-identified download the original."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.e2e.apps import App, build_app
from vault.settings import Settings

NAMES = ["John Smith", "Mary Jones", "Ada Lovelace"]
SCHEMA = pa.schema(
    [
        pa.field("id", pa.int64(), nullable=False),
        pa.field("name", pa.string()),
        pa.field("email", pa.large_string()),
        pa.field("notes", pa.string()),
        pa.field("plan", pa.dictionary(pa.int32(), pa.string())),
        pa.field("tags", pa.list_(pa.string())),
        pa.field("contact", pa.struct([("phone", pa.string()), ("floor", pa.int32())])),
        pa.field("extra", pa.map_(pa.string(), pa.string())),
        pa.field("joined", pa.date32()),
        pa.field("amount", pa.float64()),
    ],
    metadata={b"origin": b"crm export"},
)


def table(rows: int) -> pa.Table:
    data = {
        "id": list(range(rows)),
        "name": [NAMES[i % 3] for i in range(rows)],
        "email": [f"user{i}@example.com" for i in range(rows)],
        "notes": [
            None if i % 7 == 0 else f"called {NAMES[i % 3]} about order {i}" for i in range(rows)
        ],
        "plan": [["free", "pro"][i % 2] for i in range(rows)],
        "tags": [["vip", NAMES[(i + 1) % 3]] if i % 2 else [] for i in range(rows)],
        "contact": [{"phone": f"+1 415 555 {1000 + i}", "floor": i % 9} for i in range(rows)],
        "extra": [[(f"boss{i}@example.com", "Mary Jones")] for i in range(rows)],
        "joined": [dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(rows)],
        "amount": [i / 4 for i in range(rows)],
    }
    return pa.table(
        {name: pa.array(values, type=SCHEMA.field(name).type) for name, values in data.items()},
        schema=SCHEMA,
    )


def parquet_bytes(data: pa.Table, *, row_group_size: int) -> bytes:
    out = io.BytesIO()
    pq.write_table(data, out, row_group_size=row_group_size, compression="zstd")
    return out.getvalue()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None, rate_limit_rpm=0)  # type: ignore[call-arg]
    built = build_app(settings, db_url=f"sqlite:///{tmp_path / 'meta.db'}")
    with built.client:
        yield built
    built.vault.close()


def upload(app: App, body: bytes, name: str = "crm.parquet") -> object:
    return app.client.post(
        "/v1/datasets",
        data={"name": "crm"},
        files={"file": (name, body, "application/vnd.apache.parquet")},
        headers=app.headers("acme", "uploader"),
    )


def content(app: App, dataset: str, *, view: str = "anonymized") -> bytes:
    answer = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/content",
        params={"view": view, "purpose": "support"} if view != "anonymized" else {},
        headers=app.headers("acme", "reidentifier" if view != "anonymized" else "analyst"),
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/vnd.apache.parquet"
    return answer.content


def test_parquet_round_trips_with_its_schema_and_row_groups(app: App) -> None:
    original = table(250)
    body = parquet_bytes(original, row_group_size=100)
    created = upload(app, body)
    assert created.status_code == 201, created.text
    dataset = created.json()["id"]

    stored = pq.ParquetFile(io.BytesIO(content(app, dataset)))
    assert stored.schema_arrow == SCHEMA and stored.schema_arrow.metadata == SCHEMA.metadata
    assert [stored.metadata.row_group(i).num_rows for i in range(stored.num_row_groups)] == [
        100,
        100,
        50,
    ]
    assert stored.metadata.row_group(0).column(0).compression == "ZSTD"
    anonymized = stored.read()
    raw = anonymized.to_pylist()
    flat = repr(raw)
    for secret in [*NAMES, "user17@example.com", "+1 415 555 1017", "boss3@example.com"]:
        assert secret not in flat
    # Types and values that are not text are kept as they were.
    for column in ("id", "joined", "amount"):
        assert anonymized.column(column) == original.column(column)
    assert [r["contact"]["floor"] for r in raw] == [i % 9 for i in range(250)]
    assert raw[0]["notes"] is None and raw[2]["tags"] == []
    # An identifier column is tokenized whole; the same name in notes gets the same token.
    for row in raw[1:10]:
        assert row["name"].startswith("PERSON_") and row["email"].startswith("EMAIL_ADDRESS_")
        if row["id"] % 7:
            assert row["notes"] == f"called {row['name']} about order {row['id']}"
    assert {r["plan"] for r in raw} == {"free", "pro"}

    report = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/report", headers=app.headers("acme", "analyst")
    ).json()["report"]
    assert report["rows"] == 250
    assert report["column_kinds"]["name"] == "entity:PERSON"
    assert report["column_kinds"]["email"] == "entity:EMAIL_ADDRESS"
    assert report["column_kinds"]["id"] == "keep" and report["column_kinds"]["joined"] == "keep"
    assert report["entities"]["extra"]["EMAIL_ADDRESS"] == 250

    restored = pq.ParquetFile(io.BytesIO(content(app, dataset, view="reidentified")))
    assert restored.schema_arrow == SCHEMA
    assert restored.num_row_groups == 3
    assert restored.read().to_pylist() == original.to_pylist()


def test_workers_give_the_same_parquet_bytes(tmp_path: Path) -> None:
    from tests.e2e.test_dataset_pool import UPLOADER, stored
    from tests.e2e.test_dataset_pool import upload as upload_with

    settings = Settings(data_dir=tmp_path / "data", _env_file=None, dataset_workers=2)  # type: ignore[call-arg]
    app = build_app(settings, db_url=f"sqlite:///{tmp_path / 'meta.db'}")
    try:
        parts = dataclasses.replace(app.vault.dataset_parts(), pool_after_chars=1000)
        assert parts.pool is not None
        body = parquet_bytes(table(6000), row_group_size=1500)
        pooled = upload_with(parts, "a.parquet", body)
        assert parts.pool.worker_pids()
        alone = upload_with(dataclasses.replace(parts, pool=None), "b.parquet", body)
        assert stored(parts, *pooled) == stored(parts, *alone)
        assert UPLOADER.tenant == "acme"
    finally:
        app.vault.close()


def test_a_file_that_is_not_parquet_is_refused_and_nothing_is_stored(app: App) -> None:
    answer = upload(app, b"id,name\n1,John Smith\n")
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "malformed_parquet"
    assert "John" not in answer.text
    listed = app.client.get("/v1/datasets", headers=app.headers("acme", "analyst")).json()
    assert listed["data"] == []


def test_a_binary_column_is_refused_naming_its_position(app: App) -> None:
    data = pa.table({"id": [1, 2], "blob": pa.array([b"John Smith", b"x"], type=pa.binary())})
    answer = upload(app, parquet_bytes(data, row_group_size=10))
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "column 2 " in message and "blob" not in message and "John" not in message


def test_the_column_policy_applies_to_parquet_columns(app: App) -> None:
    body = parquet_bytes(table(20), row_group_size=10)
    answer = app.client.post(
        "/v1/datasets",
        data={"name": "crm", "column_policy": '{"notes": "keep", "plan": "PERSON"}'},
        files={"file": ("crm.parquet", body, "application/octet-stream")},
        headers=app.headers("acme", "uploader"),
    )
    assert answer.status_code == 201, answer.text
    raw = pq.read_table(io.BytesIO(content(app, answer.json()["id"]))).to_pylist()
    assert raw[1]["notes"] == "called Mary Jones about order 1"  # kept as asked
    assert all(r["plan"].startswith("PERSON_") for r in raw)


def test_an_upload_over_http_waits_on_disk_sealed_and_is_deleted(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.test_parquet_spool import _Recorded
    from vault.crypto import SealedScratch

    spy = _Recorded()
    real_close = SealedScratch.close

    def close(self: SealedScratch) -> None:
        if self not in spy.scratches:
            spy.scratches.append(self)
            self._file.flush()
            spy.held.append(os.pread(self._file.fileno(), 1 << 30, 0))
        real_close(self)

    monkeypatch.setattr(SealedScratch, "close", close)
    original = table(400)
    body = parquet_bytes(original, row_group_size=100)
    created = upload(app, body)
    assert created.status_code == 201, created.text
    restored = content(app, created.json()["id"], view="reidentified")
    assert pq.read_table(io.BytesIO(restored)).to_pylist() == original.to_pylist()
    # One scratch file for the upload, one for the stored version read back; both gone.
    assert len(spy.held) == 2 and spy.all_closed
    assert len(spy.held[0]) > len(body)
    for held in spy.held:
        for secret in [*NAMES, "user17@example.com", "+1 415 555 1017", "PERSON_", "PAR1"]:
            assert secret.encode() not in held
