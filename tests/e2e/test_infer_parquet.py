"""Prompts over a stored Parquet version, end to end (vault and fake Groq over HTTP, the real
detector): rows rendered from the anonymized table's columns and struct fields by dotted path,
each reaching the fake Groq tokenized byte for byte, the answers written as Parquet with the
source's schema and row groups plus the output column, re-identified row for row."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.e2e.conftest import Proxy, Upstream
from tests.e2e.test_infer_dataset import EMAILS, NAMES, _Caller, _chats, _payload, _sent
from tests.e2e.test_proxy_chat import MODEL, TOKEN, assert_no_values

SCHEMA = pa.schema(
    [
        pa.field("id", pa.int64(), nullable=False),
        pa.field("name", pa.string()),
        pa.field("notes", pa.string()),
        pa.field("plan", pa.dictionary(pa.int32(), pa.string())),
        pa.field("contact", pa.struct([("email", pa.string()), ("floor", pa.int32())])),
        pa.field("joined", pa.date32()),
        pa.field("amount", pa.float64()),
    ],
    metadata={b"origin": b"crm export"},
)
TEMPLATE = "Case {id} for {name} ({contact.email}, floor {contact.floor}) on {plan}: {notes}"


def _table(rows: int) -> pa.Table:
    data = {
        "id": list(range(rows)),
        "name": [NAMES[i % len(NAMES)] for i in range(rows)],
        "notes": [f"{NAMES[i % len(NAMES)]} cannot log in, ticket {i}" for i in range(rows)],
        "plan": [["free", "pro"][i % 2] for i in range(rows)],
        "contact": [{"email": EMAILS[i % len(EMAILS)], "floor": i % 5} for i in range(rows)],
        "joined": [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(rows)],
        "amount": [i / 4 for i in range(rows)],
    }
    return pa.table(
        {name: pa.array(values, type=SCHEMA.field(name).type) for name, values in data.items()},
        schema=SCHEMA,
    )


def _rendered(row: dict[str, Any]) -> str:
    contact = row["contact"]
    return (
        f"Case {row['id']} for {row['name']} ({contact['email']}, floor {contact['floor']}) "
        f"on {row['plan']}: {row['notes']}"
    )


def _upload(caller: _Caller, data: pa.Table, *, group: int) -> str:
    out = io.BytesIO()
    pq.write_table(data, out, row_group_size=group, compression="zstd")
    answer = caller.http.post(
        "/v1/datasets",
        data={"name": "crm"},
        files={"file": ("crm.parquet", out.getvalue(), "application/vnd.apache.parquet")},
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _read(raw: bytes) -> pq.ParquetFile:
    return pq.ParquetFile(io.BytesIO(raw))


@pytest.fixture(scope="module")
def caller(proxy: Proxy) -> Iterator[_Caller]:
    made = _Caller(proxy)
    yield made
    made.http.close()


@pytest.mark.parametrize("mode", ["online", "batch"])
def test_every_parquet_row_reaches_groq_tokenized_and_comes_back_row_for_row(
    mode: str, caller: _Caller, proxy: Proxy, upstream: Upstream
) -> None:
    original = _table(12)
    dataset_id = _upload(caller, original, group=5)
    stored = _read(caller.content(dataset_id, 1)).read().to_pylist()
    mark = len(upstream.received)

    answer = caller.infer(
        dataset_id, model=MODEL, template=TEMPLATE, output_column="category", mode=mode
    )
    assert answer.status_code == 202, answer.text
    assert answer.json()["rows_total"] == 12
    job = caller.wait(answer.json()["id"])
    assert job["state"] == "succeeded", job
    assert job["rows_done"] == 12

    expected = [_payload(_rendered(row)) for row in stored]
    sent = _sent(upstream, mark, mode)
    assert sorted(sent) == sorted(expected)  # the exact bytes, every row once
    assert_no_values(upstream.bodies_since(mark), (*NAMES, *EMAILS))
    assert all(TOKEN.search(body.decode()) for body in sent)

    derived = job["dataset_id"]
    tokenized = _read(caller.content(derived, 1))
    out_schema = SCHEMA.append(pa.field("category", pa.string()))
    assert tokenized.schema_arrow == out_schema
    assert tokenized.schema_arrow.metadata == SCHEMA.metadata
    assert [tokenized.metadata.row_group(i).num_rows for i in range(3)] == [5, 5, 2]
    assert tokenized.metadata.row_group(0).column(0).compression == "ZSTD"
    rows = tokenized.read().to_pylist()
    assert [{k: v for k, v in r.items() if k != "category"} for r in rows] == stored
    assert [r["category"] for r in rows] == [f"You said: {_rendered(r)}" for r in stored]

    restored = _read(caller.content(derived, 1, view="reidentified"))
    assert restored.schema_arrow == out_schema
    again = restored.read().to_pylist()
    originals = original.to_pylist()
    assert [{k: v for k, v in r.items() if k != "category"} for r in again] == originals
    assert [r["category"] for r in again] == [f"You said: {_rendered(r)}" for r in originals]

    report = caller.http.get(f"/v1/datasets/{derived}/versions/1/report").json()
    lineage = report["report"]["lineage"] if "report" in report else report["lineage"]
    assert lineage["source"] == f"{dataset_id}/v1" and lineage["mode"] == mode
    assert lineage["answered"] == 12 and lineage["complete"] is True
    finish = [
        r.event
        for r in proxy.vault.audit.records("acme")
        if r.event.action == "dataset.infer.finish" and r.event.details.get("job") == job["id"]
    ]
    assert len(finish) == 1 and finish[0].details["output"] == f"{derived}/v1"


def test_a_parquet_inference_cut_by_max_rows_keeps_its_row_groups_as_far_as_it_went(
    caller: _Caller, upstream: Upstream
) -> None:
    dataset_id = _upload(caller, _table(9), group=4)
    mark = len(upstream.received)
    template = "{notes} (since {joined}, owes {amount}, {contact})"
    answer = caller.infer(dataset_id, model=MODEL, template=template, max_rows=6)
    assert answer.status_code == 202, answer.text
    job = caller.wait(answer.json()["id"])
    assert job["state"] == "succeeded", job
    sent = [json.loads(body)["messages"][0]["content"] for body in _chats(upstream, mark)]
    assert len(sent) == 6
    # Dates and numbers as their text, a struct as JSON (its tokens as stored).
    assert sorted(s.split(" (since ")[1][:10] for s in sent) == [
        f"2024-01-0{day}" for day in range(1, 7)
    ]
    assert any(", owes 1.25, {" in s for s in sent)
    assert all('"floor": ' in s and '"email": "EMAIL_ADDRESS_' in s for s in sent)
    derived = _read(caller.content(job["dataset_id"], 1))
    assert [derived.metadata.row_group(i).num_rows for i in range(derived.num_row_groups)] == [
        4,
        2,
    ]
    assert derived.read().column("id").to_pylist() == list(range(6))


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("Sort {notes} by {priority}", "'priority'"),
        ("Write to {contact.fax}", "'contact.fax'"),
        ("Floor {contact.floor.level}", "'contact.floor.level'"),
    ],
)
def test_a_template_naming_a_field_the_parquet_lacks_is_a_400_before_anything_is_sent(
    template: str, shown: str, caller: _Caller, upstream: Upstream
) -> None:
    dataset_id = _upload(caller, _table(3), group=2)
    mark = len(upstream.received)
    answer = caller.infer(dataset_id, model=MODEL, template=template)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["param"] == "template" and error["code"] == "unknown_column"
    assert shown in error["message"] and "contact" in error["message"]
    assert_no_values(answer.content, (*NAMES, *EMAILS))
    assert not [r for r in upstream.received[mark:] if r.method == "POST"]


def test_an_output_column_the_parquet_has_is_a_400(caller: _Caller, upstream: Upstream) -> None:
    dataset_id = _upload(caller, _table(3), group=2)
    mark = len(upstream.received)
    answer = caller.infer(dataset_id, model=MODEL, template="{notes}", output_column="plan")
    assert answer.status_code == 400
    assert answer.json()["error"]["param"] == "output_column"
    assert not [r for r in upstream.received[mark:] if r.method == "POST"]
