"""Uploads as jobs, over real HTTP: 202 and a job for large or `Prefer: respond-async` uploads,
progress while they run, cancel, failures naming their row, tenancy, restarts, and the CLI."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import httpx
import pytest
import uvicorn
from sqlalchemy.exc import OperationalError

from tests.fakes import RegexDetector
from vault.adapters.database import create_db_engine
from vault.adapters.jobs_sql import SqlJobStore
from vault.api import create_app
from vault.domain.spans import Span
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import Vault, build_vault

ASYNC = {"Prefer": "respond-async"}
TEXT_NOTES = {"column_policy": json.dumps({"notes": "text"})}


class PacedDetector(RegexDetector):
    """The test regexes, each call slowed by `delay` seconds, so a job is seen running."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def detect(self, text: str) -> list[Span]:
        if self.delay:
            time.sleep(self.delay)
        return super().detect(text)


def table(rows: int, *, bad_row: int | None = None) -> bytes:
    """A CSV with unique free-text notes; row `bad_row` (line bad_row + 1) has a field too many."""
    lines = ["id,notes"]
    for i in range(1, rows + 1):
        if i == bad_row:
            lines.append(f"{i},broken,row")
        else:
            lines.append(f"{i},ticket {i}: write to user{i}@example.com about order {i}")
    return ("\n".join(lines) + "\n").encode()


@contextmanager
def serve(vault: Vault) -> Iterator[str]:
    """The vault's app on a free loopback port, its start-up (lifespan) included."""
    config = uvicorn.Config(
        create_app(vault=vault), host="127.0.0.1", port=0, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the vault did not start"
        time.sleep(0.01)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class Client:
    """httpx against a served vault, with one key per (tenant, role)."""

    def __init__(self, vault: Vault, url: str) -> None:
        self.vault = vault
        self.http = httpx.Client(base_url=url, timeout=60)
        self._keys: dict[tuple[str, str], str] = {}

    def headers(self, tenant: str = "acme", role: str = "uploader") -> dict[str, str]:
        if (tenant, role) not in self._keys:
            _, secret = create_api_key(self.vault.api_keys, tenant=tenant, roles=[role])
            self._keys[(tenant, role)] = secret
        return {"Authorization": f"Bearer {self._keys[(tenant, role)]}"}

    def upload(
        self,
        content: bytes,
        *,
        filename: str = "table.csv",
        content_type: str = "text/csv",
        headers: dict[str, str] | None = None,
        dataset: str | None = None,
        fields: dict[str, str] | None = None,
    ) -> httpx.Response:
        data = dict(fields or {})
        if dataset is None:
            data["name"] = "customers"
        path = "/v1/datasets" if dataset is None else f"/v1/datasets/{dataset}/versions"
        return self.http.post(
            path,
            data=data,
            files={"file": (filename, content, content_type)},
            headers=self.headers() | (headers or {}),
        )

    def job(self, job_id: str, tenant: str = "acme") -> httpx.Response:
        return self.http.get(f"/v1/jobs/{job_id}", headers=self.headers(tenant))

    def wait(self, job_id: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id).json()
            if job["state"] not in ("queued", "running"):
                return job  # type: ignore[no-any-return]
            assert time.monotonic() < deadline, job
            time.sleep(0.05)

    def content(self, dataset: str, version: int = 1) -> bytes:
        answer = self.http.get(
            f"/v1/datasets/{dataset}/versions/{version}/content",
            headers=self.headers(role="analyst"),
        )
        assert answer.status_code == 200, answer.text
        return answer.content

    def datasets(self, tenant: str = "acme") -> list[dict[str, Any]]:
        answer = self.http.get("/v1/datasets", headers=self.headers(tenant, "analyst"))
        return answer.json()["data"]  # type: ignore[no-any-return]


@pytest.fixture
def detector() -> PacedDetector:
    return PacedDetector()


@pytest.fixture
def client(detector: PacedDetector, db_url: str, tmp_path: Path) -> Iterator[Client]:
    settings = Settings(
        data_dir=tmp_path / "data", _env_file=None, rate_limit_rpm=0, async_upload_bytes=16_384
    )
    vault = build_vault(settings, engine=create_db_engine(db_url), detector_override=detector)
    with serve(vault) as url:
        client = Client(vault, url)
        yield client
        client.http.close()
    vault.close()


def audit_actions(vault: Vault, tenant: str = "acme") -> list[tuple[str, str, Any]]:
    return [
        (r.event.action, r.event.outcome, dict(r.event.details))
        for r in vault.audit.records(tenant)
        if r.event.action.startswith("job.")
    ]


def stored_files(vault: Vault) -> list[Path]:
    root = vault.settings.data_dir / "objects"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_small_upload_is_201_and_a_job_stores_the_same_content(client: Client) -> None:
    small = table(40)
    assert len(small) < 16_384
    at_once = client.upload(small)
    assert at_once.status_code == 201, at_once.text
    assert "version" in at_once.json()

    answer = client.upload(small, headers=ASYNC)
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert job["object"] == "job" and job["id"].startswith("job_")
    assert answer.headers["location"] == f"/v1/jobs/{job['id']}"
    assert answer.headers["preference-applied"] == "respond-async"
    done = client.wait(job["id"])
    assert done["state"] == "succeeded", done
    assert done["rows_done"] == 40 and done["error"] is None
    assert done["bytes_done"] == done["bytes_total"] > len(small)
    assert client.content(done["dataset_id"], done["version"]) == client.content(
        at_once.json()["id"]
    )

    large = table(600)  # over the 16 KiB threshold: a job without asking for one
    by_size = client.upload(large, dataset=done["dataset_id"])
    assert by_size.status_code == 202, by_size.text
    second = client.wait(by_size.json()["id"])
    assert (second["state"], second["version"], second["rows_done"]) == ("succeeded", 2, 600)
    assert b"user7@example.com" not in client.content(done["dataset_id"], 2)

    listed = client.http.get("/v1/jobs", headers=client.headers()).json()["data"]
    assert [j["id"] for j in listed] == [by_size.json()["id"], job["id"]]
    actions = audit_actions(client.vault)
    assert [(a, o) for a, o, _ in actions] == [
        ("job.create", "ok"),
        ("job.finish", "ok"),
        ("job.create", "ok"),
        ("job.finish", "ok"),
    ]
    assert actions[1][2] == {"state": "succeeded", "rows": 40, "bytes": done["bytes_done"]}


def test_progress_is_visible_while_the_job_runs(client: Client, detector: PacedDetector) -> None:
    detector.delay = 0.002  # about 3 s for the file: one block of 512 rows at a time
    answer = client.upload(table(1500), headers=ASYNC, fields=TEXT_NOTES)
    assert answer.status_code == 202, answer.text
    job_id = answer.json()["id"]
    seen = []
    while (job := client.job(job_id).json())["state"] == "running":
        seen.append(job)
        time.sleep(0.1)
    assert (job["state"], job["attempts"]) == ("succeeded", 1), job
    moving = [j for j in seen if 0 < j["rows_done"] < 1500]
    assert moving, seen
    assert all(j["rate_bytes_per_second"] and j["eta_seconds"] is not None for j in moving)
    assert all(j["bytes_total"] == job["bytes_total"] for j in seen)
    # An upload knows its rows only once it has read its file.
    assert all(j["rows_total"] is None for j in seen)
    assert job["rows_done"] == job["rows_total"] == 1500 and job["eta_seconds"] is None


def test_cancel_stops_the_job_and_leaves_no_version(
    client: Client, detector: PacedDetector
) -> None:
    detector.delay = 0.002
    answer = client.upload(table(3000), headers=ASYNC, fields=TEXT_NOTES)
    assert answer.status_code == 202, answer.text
    job_id = answer.json()["id"]
    cancelled = client.http.post(f"/v1/jobs/{job_id}/cancel", headers=client.headers())
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["state"] == "cancelled"
    assert cancelled.json()["cancel_requested"] is True
    assert client.job(job_id).json()["error"]["code"] == "cancelled"
    assert client.datasets() == []
    assert stored_files(client.vault) == []
    again = client.http.delete(f"/v1/jobs/{job_id}", headers=client.headers())
    assert again.status_code == 409 and again.json()["error"]["code"] == "job_finished"
    # The cancel is recorded once the job has stopped, with the state it stopped in.
    assert audit_actions(client.vault)[1:] == [
        ("job.finish", "ok", {"state": "cancelled", "rows": ANY, "bytes": ANY}),
        ("job.cancel", "ok", {"state": "cancelled"}),
        ("job.cancel", "error", {"error": "job_finished"}),
    ]


def test_a_malformed_row_fails_the_job_naming_its_line(client: Client) -> None:
    answer = client.upload(table(1200, bad_row=900), headers=ASYNC)
    assert answer.status_code == 202, answer.text
    job = client.wait(answer.json()["id"])
    assert job["state"] == "failed"
    assert job["error"]["code"] == "malformed_csv"
    assert "line 901" in job["error"]["message"]
    assert "broken" not in json.dumps(job)
    assert job["dataset_id"] is None and job["version"] is None
    assert client.datasets() == []
    assert stored_files(client.vault) == []
    finish = audit_actions(client.vault)[-1]
    assert finish[:2] == ("job.finish", "error") and finish[2]["error"] == "malformed_csv"


def test_what_is_wrong_with_the_request_itself_is_its_own_error(client: Client) -> None:
    wrong_type = client.upload(
        table(10), filename="table.exe", content_type="application/octet-stream", headers=ASYNC
    )
    assert wrong_type.status_code == 415, wrong_type.text
    unknown = client.upload(table(10), headers=ASYNC, dataset="ds_" + "0" * 32)
    assert unknown.status_code == 404
    assert client.http.get("/v1/jobs", headers=client.headers()).json()["data"] == []


def test_another_tenants_job_is_not_found(client: Client) -> None:
    answer = client.upload(table(20), headers=ASYNC)
    job_id = answer.json()["id"]
    assert client.wait(job_id)["state"] == "succeeded"
    other = client.headers("globex")
    assert client.job(job_id, tenant="globex").status_code == 404
    cancel = client.http.post(f"/v1/jobs/{job_id}/cancel", headers=other)
    assert cancel.status_code == 404
    assert client.http.get("/v1/jobs", headers=other).json()["data"] == []
    for bad in ("job_nothex", "job_" + "A" * 32, "ds_" + "0" * 32):
        assert client.job(bad).status_code == 404
    analyst = client.http.get(f"/v1/jobs/{job_id}", headers=client.headers(role="analyst"))
    assert analyst.status_code == 403


# The CLI, run as a user would, on a paced test detector rather than spaCy (faster to load).
_LAUNCH = """
import sys, time
import vault.wiring as wiring
from tests.fakes import RegexDetector

DELAY = float(sys.argv[1])

class Paced(RegexDetector):
    def detect(self, text):
        time.sleep(DELAY)
        return super().detect(text)

build = wiring.build_vault
wiring.build_vault = lambda settings, **kw: build(settings, detector_override=Paced(), **kw)
sys.argv = ["vault", *sys.argv[2:]]
from vault.cli import main
main()
"""


def vault_cli(args: list[str], data_dir: Path, *, delay: float = 0.0, wait: bool = True) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")}
    env |= {"VAULT_DATA_DIR": str(data_dir), "COLUMNS": "120"}
    command = [sys.executable, "-c", _LAUNCH, str(delay), *args]
    repo = Path(__file__).resolve().parents[2]
    if not wait:
        return subprocess.Popen(command, env=env, cwd=repo, stdout=subprocess.PIPE)
    return subprocess.run(
        command, env=env, cwd=repo, capture_output=True, text=True, timeout=300, check=False
    )


def test_cli_upload_shows_progress_and_jobs_list_and_show(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    source = tmp_path / "people.csv"
    source.write_bytes(table(300))
    uploaded = vault_cli(
        ["datasets", "upload", str(source), "--tenant", "acme", "--name", "people"], data_dir
    )
    assert uploaded.returncode == 0, uploaded.stderr
    dataset = uploaded.stdout.split()[0]
    assert uploaded.stdout.startswith(f"{dataset} version 1 (")
    size = len(table(300))
    # rich's bar on stderr, as a terminal would end up showing it: all of 17.9 kB, 300 rows.
    assert re.search(r"uploading \S+ 17\.9/17\.9 kB .* 300 rows$", uploaded.stderr.strip())

    listed = vault_cli(["jobs", "list", "--tenant", "acme"], data_dir)
    assert listed.returncode == 0, listed.stderr
    job_id, state, kind, rest = listed.stdout.strip().split("\t")
    assert (state, kind) == ("succeeded", "dataset.create")
    assert f"300 rows, {size}/{size} bytes {dataset} version 1" == rest

    shown = vault_cli(["jobs", "show", job_id, "--tenant", "acme"], data_dir)
    assert shown.returncode == 0, shown.stderr
    job = json.loads(shown.stdout)
    assert (job["state"], job["dataset_id"], job["version"]) == ("succeeded", dataset, 1)
    assert vault_cli(["jobs", "show", job_id, "--tenant", "globex"], data_dir).returncode == 1
    cancel = vault_cli(["jobs", "cancel", job_id, "--tenant", "acme"], data_dir)
    assert cancel.returncode == 1 and "already succeeded" in cancel.stderr

    broken = tmp_path / "broken.csv"
    broken.write_bytes(table(700, bad_row=650))
    failed = vault_cli(
        ["datasets", "upload", str(broken), "--tenant", "acme", "--dataset", dataset], data_dir
    )
    assert failed.returncode == 1 and "line 651" in failed.stderr
    newest = vault_cli(["jobs", "list", "--tenant", "acme"], data_dir).stdout.splitlines()[0]
    assert "\tfailed\tdataset.version\t" in newest and "malformed_csv" in newest


def test_a_job_whose_process_died_is_failed_as_interrupted(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    source = tmp_path / "big.csv"
    source.write_bytes(table(20_000))
    running = vault_cli(
        ["datasets", "upload", str(source), "--tenant", "acme", "--name", "big"],
        data_dir,
        delay=0.002,
        wait=False,
    )
    settings = Settings(data_dir=data_dir, _env_file=None, rate_limit_rpm=0)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert running.poll() is None, "the upload ended before it could be interrupted"
            assert time.monotonic() < deadline, "the upload never showed progress"
            if (data_dir / "vault.db").exists():
                # Read only: the CLI may still be migrating the schema it has just created.
                engine = create_db_engine(settings.resolved_database_url)
                try:
                    jobs = SqlJobStore(engine).recent("acme")
                except OperationalError:
                    jobs = []
                finally:
                    engine.dispose()
                if jobs and jobs[0].rows_done > 0:
                    break
            time.sleep(0.2)
    finally:
        running.send_signal(signal.SIGKILL)
        running.wait()
    job_id = jobs[0].id

    vault = build_vault(settings, detector_override=RegexDetector())
    with serve(vault) as url:  # the start-up finds the dead process's job
        client = Client(vault, url)
        job = client.job(job_id).json()
        assert job["state"] == "failed", job
        assert job["error"]["code"] == "interrupted"
        assert job["rows_done"] > 0 and job["version"] is None
        assert all(d["latest_version"] == 0 for d in client.datasets())
        client.http.close()
    assert audit_actions(vault)[-1] == (
        "job.finish",
        "error",
        {
            "state": "failed",
            "rows": job["rows_done"],
            "bytes": job["bytes_done"],
            "error": "interrupted",
        },
    )
    vault.close()
