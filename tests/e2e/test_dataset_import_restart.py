"""A real `vault serve` killed (SIGKILL) mid-import from moto S3: the restarted server takes the
same job up again from its source, and the version it stores is an uninterrupted import's."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest

from tests.e2e.test_dataset_import import csv_part
from tests.serve import free_port, start_vault_serve
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import build_vault


def _serve(tmp_path: Path, port: int, name: str, moto: str) -> subprocess.Popen[bytes]:
    values = {
        "VAULT_DATA_DIR": str(tmp_path / "data"),
        "VAULT_S3_ENDPOINT_URL": moto,
        "VAULT_DATASET_WORKERS": "1",
        "VAULT_RATE_LIMIT_RPM": "0",
    }
    return start_vault_serve(tmp_path, values, port=port, name=name)


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as stack:
        yield stack


def _job(url: str, key: str, job_id: str) -> dict[str, Any]:
    answer = httpx.get(f"{url}/v1/jobs/{job_id}", headers=_auth(key), timeout=30)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _auth(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


def _finished(url: str, key: str, job_id: str) -> dict[str, Any]:
    for _ in range(6000):
        job = _job(url, key, job_id)
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def _content(url: str, key: str, job: dict[str, Any]) -> bytes:
    path = f"/v1/datasets/{job['dataset_id']}/versions/{job['version']}/content"
    answer = httpx.get(f"{url}{path}", headers=_auth(key), timeout=120)
    assert answer.status_code == 200, answer.text
    return answer.content


def test_a_killed_server_resumes_its_import_and_stores_the_same_bytes(
    tmp_path: Path, moto_endpoint: str, stack: ExitStack
) -> None:
    bucket = f"restart-{uuid.uuid4().hex[:10]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    s3.create_bucket(Bucket=bucket)
    for index in range(6):  # about 6 MB: seconds of work, so the kill lands mid-import
        s3.put_object(
            Bucket=bucket, Key=f"big/part-{index}.csv", Body=csv_part(index * 15000, 15000)
        )
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    setup = build_vault(settings)
    _, writer = create_api_key(setup.api_keys, tenant="acme", roles=["uploader", "analyst"])
    setup.close()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    first = _serve(tmp_path, port, "first", moto_endpoint)
    stack.callback(lambda: first.poll() is None and first.kill())
    body = {"source": f"s3://{bucket}/big/", "name": "big"}
    started = httpx.post(f"{url}/v1/datasets/import", json=body, headers=_auth(writer), timeout=60)
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    for _ in range(3000):
        seen = _job(url, writer, job_id)
        if seen["rows_done"] > 0:
            break
        assert seen["state"] == "running", seen
        time.sleep(0.05)
    first.kill()
    first.wait(30)
    assert seen["state"] == "running" and seen["rows_done"] < 90000

    second = _serve(tmp_path, port, "second", moto_endpoint)
    stack.callback(lambda: second.poll() is None and second.kill())
    resumed = _finished(url, writer, job_id)
    assert resumed["state"] == "succeeded", resumed["error"]
    assert resumed["id"] == job_id and resumed["rows_done"] == 90000
    assert resumed["attempts"] == 2  # the second server started it again
    again = httpx.post(
        f"{url}/v1/datasets/import", json={**body, "name": "again"}, headers=_auth(writer)
    )
    assert again.status_code == 202, again.text
    uninterrupted = _finished(url, writer, again.json()["id"])
    assert uninterrupted["state"] == "succeeded", uninterrupted["error"]
    assert uninterrupted["attempts"] == 1
    assert _content(url, writer, resumed) == _content(url, writer, uninterrupted)
    listed = httpx.get(f"{url}/v1/datasets", headers=_auth(writer), timeout=30).json()["data"]
    assert sorted(d["name"] for d in listed) == ["again", "big"]  # the first attempt's is gone
    second.terminate()
    second.wait(60)

    check = build_vault(settings)
    try:
        events = [r.event for r in check.audit.records("acme") if r.event.object == job_id]
    finally:
        check.close()
    resumes = [e for e in events if e.action == "job.resume"]
    assert len(resumes) == 1 and resumes[0].details == {"kind": "dataset.import", "attempt": 2}
    assert [e.action for e in events].count("job.finish") == 1
