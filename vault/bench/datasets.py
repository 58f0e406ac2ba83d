"""Bench section: dataset upload/download throughput and peak memory, beside a plain file copy.

The CSV is generated (identifier columns, amounts, short notes), written to a temporary file and
streamed through the whole upload path in a child process, so the child's peak RSS is the
upload's own. `VAULT_BENCH_CSV_MB` sets the size (default 64; the goal is stated for 2 GB).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from vault.bench import Row

__all__ = ["run"]

SECTION = "datasets"
_FIRST = [
    "Anna",
    "Robert",
    "Wei",
    "Maria",
    "James",
    "Fatima",
    "Lucas",
    "Hannah",
    "Ivan",
    "Sofia",
    "David",
    "Aisha",
    "Thomas",
    "Elena",
    "Daniel",
    "Priya",
    "Michael",
    "Laura",
    "Omar",
    "Julia",
]
_LAST = [
    "Smith",
    "Johnson",
    "Okafor",
    "Novak",
    "Silva",
    "Berg",
    "Khan",
    "Moreau",
    "Garcia",
    "Brown",
    "Miller",
    "Nguyen",
    "Rossi",
    "Schmidt",
    "Kowalski",
    "Tanaka",
    "Murphy",
    "Jensen",
    "Lopez",
    "Adams",
]


def _write_csv(path: Path, megabytes: int) -> None:
    rng = random.Random(7)  # noqa: S311 - test data, not a secret
    people = [f"{first} {last}" for first in _FIRST for last in _LAST]
    with path.open("w", encoding="utf-8") as out:
        out.write("id,name,email,amount,status\n")
        row = 0
        while out.tell() < megabytes * 1024 * 1024:
            person = rng.choice(people)
            email = person.lower().replace(" ", ".") + f"{rng.randint(1, 9)}@example.com"
            out.write(
                f"{row},{person},{email},{rng.randint(1, 99999) / 100},{rng.choice(['ok', 'late'])}\n"
            )
            row += 1


def _peak_rss_mb() -> float:
    """This process's own peak RSS. ru_maxrss is not used: Linux carries it across the exec of a
    spawned child, so it would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _upload_in_child(path: str, data_dir: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from vault.domain.principal import Principal, Role
    from vault.services.ingest_dataset import IngestRequest, create_dataset
    from vault.services.read_dataset import open_version, read_version
    from vault.settings import Settings
    from vault.wiring import build_vault

    vault = build_vault(Settings(data_dir=Path(data_dir), _env_file=None))
    parts = vault.dataset_parts()
    operator = Principal(tenant="bench", roles=frozenset({Role.UPLOADER}), key_id="bench")
    baseline_rss = _peak_rss_mb()

    def chunks() -> object:
        with open(path, "rb") as handle:
            while chunk := handle.read(1024 * 1024):
                yield chunk

    started = time.perf_counter()
    info, version, _ = create_dataset(
        parts,
        operator,
        name="bench",
        upload=IngestRequest("bench.csv", "text/csv", chunks()),  # type: ignore[arg-type]
    )
    upload_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for _ in read_version(parts, operator, open_version(parts, operator, info.id, version.number)):
        pass
    download_seconds = time.perf_counter() - started
    peak = _peak_rss_mb()
    queue.put((upload_seconds, download_seconds, peak, baseline_rss, version.size))


def _seal_seconds(path: Path) -> float:
    """Sealing alone, on bytes of the same size, to put a share on encryption."""
    from vault.adapters.kms_local import LocalKeyService
    from vault.crypto import EncryptionContext, seal_stream

    with tempfile.TemporaryDirectory() as scratch:
        keys = LocalKeyService(data_dir=Path(scratch))
        context = EncryptionContext(tenant="bench", object_id="ds", version=1, purpose="dataset")

        def chunks() -> object:
            with path.open("rb") as handle:
                while chunk := handle.read(1024 * 1024):
                    yield chunk

        started = time.perf_counter()
        for _ in seal_stream(chunks(), keys=keys, context=context):  # type: ignore[arg-type]
            pass
        return time.perf_counter() - started


def run() -> list[Row]:
    megabytes = int(os.environ.get("VAULT_BENCH_CSV_MB", "64"))
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "bench.csv"
        _write_csv(source, megabytes)
        size_mb = source.stat().st_size / 1024 / 1024

        started = time.perf_counter()
        with source.open("rb") as src, (Path(scratch) / "copy.csv").open("wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        copy_seconds = time.perf_counter() - started

        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        child = context.Process(
            target=_upload_in_child, args=(str(source), str(Path(scratch) / "vault"), queue)
        )
        child.start()
        upload_s, download_s, peak_mb, start_mb, _sealed = queue.get()
        child.join()
        seal_s = _seal_seconds(source)

    return [
        Row(
            SECTION,
            f"upload throughput ({size_mb:.0f} MB CSV)",
            size_mb / upload_s,
            size_mb / copy_seconds,
            "MB/s",
            "vs plain copy",
            higher_is_better=True,
        ),
        Row(
            SECTION,
            f"download throughput ({size_mb:.0f} MB CSV)",
            size_mb / download_s,
            size_mb / copy_seconds,
            "MB/s",
            "vs plain copy",
            higher_is_better=True,
        ),
        Row(
            SECTION,
            "peak RSS during upload+download",
            peak_mb,
            start_mb,
            "MB",
            "< 300 MB for 2 GB (baseline: RSS before upload)",
        ),
        Row(
            SECTION,
            "share of upload time in encryption",
            100 * seal_s / upload_s,
            None,
            "%",
            "< 5%",
        ),
    ]
