"""The Ray dataset engine on a real local Ray cluster: the same bytes as the local engine, a
cluster that cannot be reached is a 503, one lost mid-job fails the job and leaves no version,
nothing of the input in the clear reaches Ray's object store or its spill files, and no secret
from the settings reaches the cluster's state."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.e2e.apps import App, build_app
from tests.e2e.test_dataset_import import NAMES, parquet_file
from tests.fakes import RegexDetector
from vault.domain.principal import Principal, Role
from vault.domain.spans import Span
from vault.errors import ServiceUnavailable
from vault.services.ingest_dataset import DatasetParts, IngestRequest, create_dataset
from vault.services.read_dataset import open_version, read_version
from vault.settings import Settings

ray = pytest.importorskip("ray", reason="the vault[ray] extra is not installed")

UPLOADER = Principal(tenant="acme", roles=frozenset({Role.UPLOADER}), key_id="test")
POISON = "poison-pill-value"
REPO = Path(__file__).resolve().parents[2]


class DyingDetector(RegexDetector):
    """The test regexes; the actor process that meets the poison value dies on the spot."""

    def detect(self, text: str) -> list[Span]:
        if POISON in text:
            os._exit(17)
        return super().detect(text)


class SlowDetector(RegexDetector):
    """The test regexes, two milliseconds a text, and three seconds before an actor's first:
    batches wait in the actors' queues meanwhile, so the tiny object store has something to
    spill however busy the machine is."""

    started = False

    def detect(self, text: str) -> list[Span]:
        if not self.started:
            self.started = True
            time.sleep(3)
        time.sleep(0.002)
        return super().detect(text)


def customers(rows: int, *, poison_at: int | None = None) -> bytes:
    lines = ["id,name,email,phone,notes"]
    for i in range(rows):
        name = NAMES[i % 3]
        note = POISON if i == poison_at else f"spoke with {name} at user{i}@example.com"
        lines.append(f"{i},{name},user{i}@example.com,+1 415 555 {1000 + i % 9000},{note}")
    return ("\n".join(lines) + "\n").encode()


def jsonl(rows: int) -> bytes:
    return "".join(
        json.dumps({"n": i, "who": NAMES[i % 3], "notes": [f"mail user{i}@example.com"]}) + "\n"
        for i in range(rows)
    ).encode()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Path]:
    """A local Ray cluster of 2 CPUs whose object store is small and spills almost at once
    (objects of more than 1 KiB go to the shared store), into a directory the tests read."""
    root = Path(tempfile.mkdtemp(prefix="ray", dir="/tmp"))  # Ray's socket paths must be short
    spill = root / "spill"
    previous = os.environ.get("PYTHONPATH")
    # The workers import the test doubles (tests.fakes, this module's) as this process does.
    here = str(Path(__file__).parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), here, previous]))
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=80 * 1024 * 1024,
        _temp_dir=str(root),
        log_to_driver=False,
        _system_config={
            "max_direct_call_object_size": 1024,
            "min_spilling_size": 0,
            "object_spilling_threshold": 0.0001,
            "object_spilling_config": json.dumps(
                {"type": "filesystem", "params": {"directory_path": str(spill)}}
            ),
        },
    )
    try:
        yield root
    finally:
        ray.shutdown()
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous
        shutil.rmtree(root, ignore_errors=True)


def ray_app(tmp_path: Path, **options: Any) -> App:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        _env_file=None,
        dataset_workers=1,
        rate_limit_rpm=0,
        dataset_engine="ray",
        ray_workers=2,
        **options,
    )
    # The vault's database is the one its settings name (SQLite in the data dir): the actors,
    # which read their settings from their own environment, reach the same one.
    return build_app(settings)


@pytest.fixture(scope="module")
def app(cluster: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    built = ray_app(tmp_path_factory.mktemp("ray-vault"))
    with built.client:
        yield built
    built.vault.close()


def upload(parts: DatasetParts, name: str, body: bytes) -> tuple[str, int]:
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    info, version, _ = create_dataset(
        parts, UPLOADER, name=name, upload=IngestRequest(name, None, iter(chunks))
    )
    return info.id, version.number


def stored(parts: DatasetParts, dataset: str, number: int) -> bytes:
    return b"".join(read_version(parts, UPLOADER, open_version(parts, UPLOADER, dataset, number)))


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("people.csv", customers(3000)),
        ("people.jsonl", jsonl(2500)),
        ("people.parquet", parquet_file(2000, row_group_size=400)),
    ],
)
def test_the_ray_engine_stores_the_same_bytes_as_the_local_engine(
    app: App, name: str, body: bytes
) -> None:
    on_ray = app.vault.dataset_parts()
    assert on_ray.engine is not None
    local = dataclasses.replace(on_ray, engine=None, pool=None)
    ray_id, ray_n = upload(on_ray, name, body)
    assert len(app.vault.dataset_engine.worker_pids()) == 2  # type: ignore[union-attr]
    local_id, local_n = upload(local, name, body)
    anonymized = stored(on_ray, ray_id, ray_n)
    assert anonymized == stored(local, local_id, local_n)
    assert b"Mary Jones" not in anonymized and b"user1999@example.com" not in anonymized


def imported_on_ray(app: App, bucket: str) -> dict[str, Any]:
    headers = app.headers("acme", "uploader")
    answer = app.client.post(
        "/v1/datasets/import",
        json={"source": f"s3://{bucket}/people/", "name": "people"},
        headers=headers,
    )
    assert answer.status_code == 202, answer.text
    job: dict[str, Any] = answer.json()
    for _ in range(2400):
        job = app.client.get(f"/v1/jobs/{job['id']}", headers=headers).json()
        if job["state"] not in ("queued", "running"):
            break
        time.sleep(0.05)
    return job


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_socket()]


class SpillWatch:
    """Reads every spill file while a job runs: Ray deletes a spilled object's file as soon as
    nothing refers to it any more, so a look once the job is done may find the directory empty
    however much was spilled."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.seen: dict[Path, bytes] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> SpillWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()
        self._look()

    def _watch(self) -> None:
        while not self._done.wait(0.005):
            self._look()

    def _look(self) -> None:
        if not self.directory.exists():
            return
        for path in _files(self.directory):
            try:
                data = path.read_bytes()
            except FileNotFoundError:  # deleted between the listing and the read
                continue
            if len(data) > len(self.seen.get(path, b"")):
                self.seen[path] = data


def test_an_import_on_ray_leaves_no_raw_value_in_the_object_store_or_its_spill_files(
    app: App, cluster: Path, moto_endpoint: str, tmp_path: Path
) -> None:
    bucket = f"ray-{uuid.uuid4().hex[:10]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    s3.create_bucket(Bucket=bucket)
    body = customers(12000)
    s3.put_object(Bucket=bucket, Key="people/part-0.csv", Body=body)
    app.vault.dataset_engine.close()  # type: ignore[union-attr]  # its CPUs, for these actors
    slow = ray_app(tmp_path, s3_endpoint_url=moto_endpoint)
    slow.vault.detector_override = SlowDetector()
    slow.vault.__dict__.pop("anonymizer", None)
    try:
        with slow.client, SpillWatch(cluster / "spill") as spill:
            job = imported_on_ray(slow, bucket)
    finally:
        slow.vault.close()
    assert job["state"] == "succeeded", job["error"]
    assert spill.seen, "the tiny object store spilled nothing: the check below would prove nothing"
    planted = [
        *(n.encode() for n in NAMES),
        b"user17@example.com",
        b"user11999@example.com",
        b"+1 415 555 1017",
    ]
    # Every file Ray wrote (spill files, logs, session data) and its shared-memory store.
    shm = [p for p in Path("/dev/shm").glob("*") if p.is_file() and "plasma" in p.name]
    written = {path: path.read_bytes() for path in [*_files(cluster), *shm]} | spill.seen
    for path, data in written.items():
        for secret in planted:
            assert secret not in data, f"{secret!r} in {path.relative_to(path.anchor)}"


def test_a_cluster_that_cannot_be_reached_is_a_503_before_any_job(
    cluster: Path, tmp_path: Path, moto_endpoint: str
) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    built = ray_app(
        tmp_path,
        ray_address=f"127.0.0.1:{port}",
        s3_endpoint_url=moto_endpoint,
        groq_api_key="gsk_never_in_ray",
    )
    try:
        with built.client:
            headers = built.headers("acme", "uploader")
            upload_answer = built.client.post(
                "/v1/datasets",
                data={"name": "people"},
                files={"file": ("people.csv", customers(10), "text/csv")},
                headers={**headers, "Prefer": "respond-async"},
            )
            bucket = f"down-{uuid.uuid4().hex[:10]}"
            s3 = boto3.client("s3", endpoint_url=moto_endpoint)
            s3.create_bucket(Bucket=bucket)
            s3.put_object(Bucket=bucket, Key="p/a.csv", Body=customers(10))
            import_answer = built.client.post(
                "/v1/datasets/import",
                json={"source": f"s3://{bucket}/p/", "name": "people"},
                headers=headers,
            )
            for answer in (upload_answer, import_answer):
                assert answer.status_code == 503, answer.text
                error = answer.json()["error"]
                assert error["code"] == "ray_unavailable"
                assert "Ray" in error["message"] and str(port) not in error["message"]
            assert built.client.get("/v1/jobs", headers=headers).json()["data"] == []
            assert built.vault.datasets.list_datasets("acme") == []
            outcomes = [
                (r.event.action, r.event.outcome) for r in built.vault.audit.records("acme")
            ]
            assert outcomes == [("dataset.create", "error"), ("dataset.import", "error")]
    finally:
        built.vault.close()


def test_a_worker_lost_mid_job_fails_the_job_and_leaves_no_version(
    app: App, tmp_path: Path
) -> None:
    app.vault.dataset_engine.close()  # type: ignore[union-attr]  # its CPUs, for these actors
    built = ray_app(tmp_path)
    built.vault.detector_override = DyingDetector()
    built.vault.__dict__.pop("anonymizer", None)
    try:
        parts = built.vault.dataset_parts()
        with pytest.raises(ServiceUnavailable) as caught:
            upload(parts, "people.csv", customers(3000, poison_at=2500))
        assert caught.value.code == "ray_unavailable"
        assert POISON not in caught.value.message
        assert built.vault.datasets.list_datasets("acme") == []
        assert [p for p in (tmp_path / "data" / "objects").rglob("*") if p.is_file()] == []
    finally:
        built.vault.close()


def _memory(pid: int) -> Iterator[bytes]:
    """The readable memory of process `pid`, one mapping at a time."""
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb") as mem:
        for line in maps:
            span, perms = line.split()[:2]
            if "r" not in perms:
                continue
            low, high = (int(bound, 16) for bound in span.split("-"))
            try:
                mem.seek(low)
                yield mem.read(high - low)
            except (OSError, ValueError, OverflowError):  # a guard page or a kernel mapping
                continue


def _is_ray_server(proc: Path, cluster: Path) -> bool:
    """Whether /proc entry `proc` is the test cluster's GCS server or raylet."""
    try:
        name = (proc / "comm").read_text().strip()
        command = (proc / "cmdline").read_bytes()
    except OSError:  # gone meanwhile
        return False
    return name in ("gcs_server", "raylet") and str(cluster).encode() in command


def test_actors_are_given_no_secret_and_refused_if_they_reach_another_database(
    app: App, cluster: Path, tmp_path: Path
) -> None:
    """The actors read the database from their own environment, so Ray's cluster state holds
    no secret from the vault's settings; this vault's database is not the one their environment
    names (none: SQLite in the data dir), so they are stopped before any job."""
    password = f"pw-{uuid.uuid4().hex}"
    database_url = f"postgresql+psycopg://vault:{password}@db.internal:5432/vault"
    secrets = {
        "database_url": database_url,
        "groq_api_key": f"gsk_{uuid.uuid4().hex}",
        "upstream_api_key": f"up_{uuid.uuid4().hex}",
        "fallback_api_key": f"fb_{uuid.uuid4().hex}",
        "metrics_token": f"mt_{uuid.uuid4().hex}",
        "redis_url": f"redis://:rp{uuid.uuid4().hex}@127.0.0.1:6379/0",
    }
    app.vault.dataset_engine.close()  # type: ignore[union-attr]  # its CPUs, for these actors
    data_dir = tmp_path / f"data-{uuid.uuid4().hex}"
    built = build_app(
        Settings(  # type: ignore[call-arg]
            data_dir=data_dir,
            _env_file=None,
            dataset_workers=1,
            rate_limit_rpm=0,
            dataset_engine="ray",
            ray_workers=2,
            **secrets,
        ),
        db_url=f"sqlite:///{tmp_path / 'meta.db'}",  # the vault itself on SQLite here
    )
    try:
        engine = built.vault.dataset_engine
        assert engine is not None
        with pytest.raises(ServiceUnavailable) as refused:
            engine.actors()  # type: ignore[attr-defined]
        assert refused.value.code == "ray_unavailable"
        assert "another database" in refused.value.message
        assert password not in refused.value.message
        # Ray's cluster state lives in its GCS server's memory: the (started) actors' specs.
        # Their larger arguments go to the object store, which the raylet maps.
        ray_processes = [
            int(proc.name)
            for proc in Path("/proc").iterdir()
            if proc.name.isdigit() and _is_ray_server(proc, cluster)
        ]
        assert len(ray_processes) == 2
        held = [chunk for pid in ray_processes for chunk in _memory(pid)]
        # The non-secret options the actors were given are there: the search reaches the specs.
        assert any(data_dir.name.encode() in chunk for chunk in held)
        planted = {"database password": password, **secrets}
        leaked = [
            name
            for name, secret in planted.items()
            if any(secret.encode() in chunk for chunk in held)
        ]
        assert leaked == [], "these settings are in Ray's cluster state"
    finally:
        built.vault.close()
