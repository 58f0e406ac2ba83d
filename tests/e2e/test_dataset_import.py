"""`POST /v1/datasets/import`: objects under an S3 prefix (moto over HTTP) become a dataset as a
job, stored byte for byte as an upload of the joined file; bad sources are a 4xx and no job."""

from __future__ import annotations

import io
import json
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.e2e.apps import App, build_app
from tests.e2e.test_cli_remote import run
from vault.api import create_app
from vault.fakegroq import serve_in_thread
from vault.settings import Settings

NAMES = ["John Smith", "Mary Jones", "Ada Lovelace"]


def csv_part(start: int, rows: int) -> bytes:
    lines = ["id,name,email,notes"]
    for i in range(start, start + rows):
        name = NAMES[i % 3]
        lines.append(f"{i},{name},user{i}@example.com,spoke with {name} at user{i}@example.com")
    return ("\n".join(lines) + "\n").encode()


def jsonl_part(start: int, rows: int) -> bytes:
    return "".join(
        json.dumps({"n": i, "who": NAMES[i % 3], "mail": f"user{i}@example.com"}) + "\n"
        for i in range(start, start + rows)
    ).encode()


def parquet_table(start: int, rows: int) -> pa.Table:
    return pa.table(
        {
            "id": list(range(start, start + rows)),
            "name": [NAMES[i % 3] for i in range(start, start + rows)],
            "email": [f"user{i}@example.com" for i in range(start, start + rows)],
        }
    )


def parquet_file(rows: int, *, row_group_size: int = 50, extra: bool = False) -> bytes:
    table = parquet_table(0, rows)
    if extra:  # one more column: another schema
        table = table.append_column("plan", pa.array(["pro"] * rows))
    out = io.BytesIO()
    pq.write_table(table, out, row_group_size=row_group_size)
    return out.getvalue()


def parquet_groups(groups: list[tuple[int, int]]) -> bytes:
    """One file whose row groups are the (start, rows) slices given, in order."""
    out = io.BytesIO()
    with pq.ParquetWriter(out, parquet_table(0, 1).schema) as writer:
        for start, rows in groups:
            writer.write_table(parquet_table(start, rows), row_group_size=rows)
    return out.getvalue()


@pytest.fixture
def bucket(moto_endpoint: str) -> str:
    name = f"imports-{uuid.uuid4().hex[:10]}"
    boto3.client("s3", endpoint_url=moto_endpoint).create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3(moto_endpoint: str) -> Any:
    return boto3.client("s3", endpoint_url=moto_endpoint)


@pytest.fixture
def app(tmp_path: Path, moto_endpoint: str) -> Iterator[App]:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        _env_file=None,
        dataset_workers=1,
        rate_limit_rpm=0,
        s3_endpoint_url=moto_endpoint,
    )
    built = build_app(settings, db_url=f"sqlite:///{tmp_path / 'meta.db'}")
    with built.client:
        yield built
    built.vault.close()


def finished(app: App, job_id: str) -> dict[str, Any]:
    headers = app.headers("acme", "uploader")
    for _ in range(1200):
        seen = app.client.get(f"/v1/jobs/{job_id}", headers=headers).json()
        if seen["state"] not in ("queued", "running"):
            return dict(seen)
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def imported(app: App, body: dict[str, Any]) -> dict[str, Any]:
    answer = app.client.post(
        "/v1/datasets/import", json=body, headers=app.headers("acme", "uploader")
    )
    assert answer.status_code == 202, answer.text
    assert answer.headers["location"] == f"/v1/jobs/{answer.json()['id']}"
    job = finished(app, answer.json()["id"])
    assert job["state"] == "succeeded", job["error"]
    return job


def content(app: App, dataset_id: str, number: int = 1) -> bytes:
    answer = app.client.get(
        f"/v1/datasets/{dataset_id}/versions/{number}/content",
        headers=app.headers("acme", "analyst"),
    )
    assert answer.status_code == 200, answer.text
    return answer.content


def uploaded(app: App, filename: str, body: bytes, media: str) -> bytes:
    dataset = app.create_dataset("uploaded", (filename, body, media))
    return content(app, dataset)


@pytest.mark.parametrize(
    ("fmt", "parts", "joined", "media"),
    [
        (
            "csv",
            [csv_part(0, 300), csv_part(300, 300)[:-1], csv_part(600, 5)],
            csv_part(0, 605),
            "text/csv",
        ),
        (  # objects of more than one read chunk (1 MiB)
            "csv",
            [csv_part(0, 15000), csv_part(15000, 15000)],
            csv_part(0, 30000),
            "text/csv",
        ),
        (
            "jsonl",
            [jsonl_part(0, 200), jsonl_part(200, 200)],
            jsonl_part(0, 400),
            "application/jsonl",
        ),
        ("parquet", [parquet_file(240)], parquet_file(240), "application/vnd.apache.parquet"),
        (  # several objects read as one table, each keeping its row groups
            "parquet",
            [
                parquet_groups([(0, 50), (50, 30)]),
                parquet_groups([(80, 50)]),
                parquet_groups([(130, 7)]),
            ],
            parquet_groups([(0, 50), (50, 30), (80, 50), (130, 7)]),
            "application/vnd.apache.parquet",
        ),
    ],
)
def test_an_import_stores_what_an_upload_of_the_joined_file_stores(
    app: App, s3: Any, bucket: str, fmt: str, parts: list[bytes], joined: bytes, media: str
) -> None:
    for index, part in enumerate(parts):
        s3.put_object(Bucket=bucket, Key=f"exports/2026/part-{index:03d}.{fmt}", Body=part)
    s3.put_object(Bucket=bucket, Key="exports/2026/", Body=b"")  # a folder marker, skipped
    s3.put_object(Bucket=bucket, Key="elsewhere/other.csv", Body=b"a\n1\n")
    job = imported(app, {"source": f"s3://{bucket}/exports/2026/", "name": "customers"})
    assert job["kind"] == "dataset.import"
    assert job["bytes_total"] == sum(len(p) for p in parts)
    stored = content(app, job["dataset_id"], job["version"])
    assert stored == uploaded(app, f"joined.{fmt}", joined, media)
    for secret in [*NAMES, "user17@example.com"]:
        assert secret.encode() not in stored
    listed = app.client.get("/v1/datasets", headers=app.headers("acme", "analyst")).json()
    assert "customers" in [d["name"] for d in listed["data"]]


def test_the_import_is_audited_once_with_the_bucket_and_never_the_prefix(
    app: App, s3: Any, bucket: str
) -> None:
    s3.put_object(Bucket=bucket, Key="John Smith/people.csv", Body=csv_part(0, 20))
    job = imported(app, {"source": f"s3://{bucket}/John Smith/", "name": "people"})
    records = [r.event for r in app.vault.audit.records("acme")]
    imports = [e for e in records if e.action == "dataset.import"]
    assert len(imports) == 1
    assert imports[0].outcome == "ok"
    assert imports[0].object == f"{job['dataset_id']}/v1"
    assert imports[0].details["bucket"] == bucket
    assert imports[0].details["objects"] == 1 and imports[0].details["format"] == "csv"
    assert [e.action for e in records].count("job.finish") == 1
    exported = app.client.get(
        "/v1/audit/export?format=jsonl", headers=app.headers("acme", "auditor")
    )
    assert exported.status_code == 200
    assert "John" not in exported.text and "people.csv" not in exported.text


@pytest.mark.parametrize(
    ("source", "fmt", "param", "code"),
    [
        ("https://example.com/data.csv", None, "source", "invalid_request"),
        ("s3://{bucket}", None, "source", "empty_prefix"),
        ("s3://{bucket}/", None, "source", "empty_prefix"),
        ("s3://no-such-bucket-{bucket}/data/", None, "source", "bucket_not_found"),
        ("s3://{bucket}/nothing-here/", None, "source", "empty_source"),
        ("s3://{bucket}/mixed/", None, "source", "mixed_formats"),
        ("s3://{bucket}/mixed/", "xml", "format", "invalid_request"),
        ("s3://{bucket}/unnamed/", None, "format", "invalid_request"),
        ("s3://{bucket}/jsonl/", "csv", "format", "mixed_formats"),
        ("s3://{bucket}/parquets/", None, "source", "mixed_schemas"),
    ],
)
def test_a_bad_source_is_a_400_naming_the_field_and_leaves_no_job(
    app: App, s3: Any, bucket: str, source: str, fmt: str | None, param: str, code: str
) -> None:
    s3.put_object(Bucket=bucket, Key="mixed/a.csv", Body=csv_part(0, 3))
    s3.put_object(Bucket=bucket, Key="mixed/b.jsonl", Body=jsonl_part(0, 3))
    s3.put_object(Bucket=bucket, Key="unnamed/data.bin", Body=b"x")
    s3.put_object(Bucket=bucket, Key="jsonl/a.jsonl", Body=jsonl_part(0, 3))
    s3.put_object(Bucket=bucket, Key="parquets/a.parquet", Body=parquet_file(3))
    s3.put_object(Bucket=bucket, Key="parquets/b.parquet", Body=parquet_file(3, extra=True))
    body = {"source": source.format(bucket=bucket), "name": "bad"}
    if fmt is not None:
        body["format"] = fmt
    answer = app.client.post(
        "/v1/datasets/import", json=body, headers=app.headers("acme", "uploader")
    )
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert (error["param"], error["code"]) == (param, code)
    assert "a.csv" not in error["message"] and "testing" not in error["message"]
    assert app.client.get("/v1/jobs", headers=app.headers("acme", "uploader")).json()["data"] == []
    assert app.vault.datasets.list_datasets("acme") == []
    imports = [r.event for r in app.vault.audit.records("acme")]
    assert [(e.action, e.outcome) for e in imports] == [("dataset.import", "error")]
    assert imports[0].details["error"] == code


def test_a_key_that_may_not_write_datasets_is_refused(app: App, bucket: str) -> None:
    answer = app.client.post(
        "/v1/datasets/import",
        json={"source": f"s3://{bucket}/x/", "name": "n"},
        headers=app.headers("acme", "analyst"),
    )
    assert answer.status_code == 403


def test_a_part_with_another_header_fails_the_job_and_leaves_no_version(
    app: App, s3: Any, bucket: str
) -> None:
    s3.put_object(Bucket=bucket, Key="p/1.csv", Body=csv_part(0, 10))
    s3.put_object(Bucket=bucket, Key="p/2.csv", Body=b"id,who\n1,John Smith\n")
    answer = app.client.post(
        "/v1/datasets/import",
        json={"source": f"s3://{bucket}/p/", "name": "people"},
        headers=app.headers("acme", "uploader"),
    )
    assert answer.status_code == 202, answer.text
    job = finished(app, answer.json()["id"])
    assert job["state"] == "failed" and job["error"]["code"] == "malformed_csv"
    assert "John" not in job["error"]["message"]
    assert app.vault.datasets.list_datasets("acme") == []


def test_the_cli_imports_against_a_remote_vault_and_a_local_one(
    app: App, s3: Any, bucket: str, moto_endpoint: str, tmp_path: Path
) -> None:
    s3.put_object(Bucket=bucket, Key="cli/a.csv", Body=csv_part(0, 30))
    s3.put_object(Bucket=bucket, Key="cli/b.csv", Body=csv_part(30, 30))
    source = f"s3://{bucket}/cli/"
    with serve_in_thread(create_app(vault=app.vault)) as url:
        key = app.key("acme", "uploader")
        remote = run(
            ["--url", url, "--key", key, "datasets", "import", source, "--name", "r"], tmp_path
        )
        assert remote.returncode == 0, remote.stderr
        dataset_id = remote.stdout.split()[0]
        assert remote.stdout.startswith(f"{dataset_id} version 1 (")
        assert content(app, dataset_id) == uploaded(app, "j.csv", csv_part(0, 60), "text/csv")
        refused = run(
            ["--url", url, "--key", key, "datasets", "import", "s3://no/", "--name", "r"],
            tmp_path,
        )
        assert refused.returncode != 0 and "source" in refused.stderr
    local = run(
        ["datasets", "import", source, "--name", "l", "--tenant", "acme"],
        tmp_path,
        VAULT_DATA_DIR=str(tmp_path / "local"),
        VAULT_S3_ENDPOINT_URL=moto_endpoint,
    )
    assert local.returncode == 0, local.stderr
    assert re.fullmatch(r"ds_\w+ version 1 \(\d+ bytes sealed\)", local.stdout.strip())


def stopped_import(app: App, s3: Any, bucket: str, key: str) -> str:
    """An import's job, its runner stopped mid-import as a clean stop does."""
    for index in range(3):
        s3.put_object(Bucket=bucket, Key=f"big/{index}.csv", Body=csv_part(index * 15000, 15000))
    answer = app.client.post(
        "/v1/datasets/import",
        json={"source": f"s3://{bucket}/big/", "name": "big"},
        headers={"authorization": f"Bearer {key}"},
    )
    assert answer.status_code == 202, answer.text
    job_id = str(answer.json()["id"])
    while app.vault.jobs.get("acme", job_id).rows_done == 0:  # type: ignore[union-attr]
        time.sleep(0.05)
    app.vault.job_runner.close()
    return job_id


def test_a_server_that_stops_cleanly_leaves_its_import_to_be_resumed(
    app: App, s3: Any, bucket: str
) -> None:
    from vault.services.dataset_import import resume_imports

    job_id = stopped_import(app, s3, bucket, app.key("acme", "uploader"))
    released = app.vault.jobs.get("acme", job_id)
    assert released is not None
    assert (released.state, released.owner, released.rows_done) == ("queued", "", 0), released
    assert app.vault.datasets.list_datasets("acme") == []  # the attempt left nothing
    assert resume_imports(app.vault) == 1
    job = finished(app, job_id)
    assert job["state"] == "succeeded", job["error"]
    assert content(app, job["dataset_id"]) == uploaded(app, "j.csv", csv_part(0, 45000), "text/csv")
    actions = [r.event.action for r in app.vault.audit.records("acme") if r.event.object == job_id]
    assert actions == ["job.create", "job.resume", "job.finish"]


def test_an_import_whose_key_was_revoked_is_not_resumed(app: App, s3: Any, bucket: str) -> None:
    from vault.services.dataset_import import resume_imports

    key = app.key("acme", "uploader")
    job_id = stopped_import(app, s3, bucket, key)
    job = app.vault.jobs.get("acme", job_id)
    assert job is not None
    app.vault.api_keys.revoke(job.created_by, at=datetime.now(UTC))
    assert resume_imports(app.vault) == 1
    ended = app.vault.jobs.get("acme", job_id)  # the key that could read it is revoked
    assert ended is not None
    assert (ended.state, ended.error_code) == ("failed", "permission_denied")
    assert app.vault.datasets.list_datasets("acme") == []
