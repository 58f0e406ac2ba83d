"""Bench rows for the Ray dataset engine: the same table uploaded with 2 Ray actors beside 1.

Each measure runs in a spawned child that starts its own local Ray cluster (as many CPUs as
actors), so the two runs share nothing. The actors are started and have loaded the detector
before the clock starts, as a server's are before its uploads. Beside the wall-clock rate, the
rate per CPU second of the busiest process (the upload's own or an actor) is what the machine's
load cannot skew. Rows are left out, with a note, where Ray is not installed.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from vault.bench import Row
from vault.bench.proc import cpu_seconds

__all__ = ["ray_rows"]

SECTION = "datasets"


def _upload_on_ray(
    path: str,
    data_dir: str,
    actors: int,
    queue: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    import ray

    from vault.domain.principal import Principal, Role
    from vault.services.ingest_dataset import IngestRequest, create_dataset
    from vault.settings import Settings
    from vault.wiring import build_vault

    ray_dir = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # Ray's socket paths must be short
    ray.init(num_cpus=actors, include_dashboard=False, log_to_driver=False, _temp_dir=ray_dir)
    vault = build_vault(
        Settings(
            data_dir=Path(data_dir),
            _env_file=None,
            dataset_workers=1,
            dataset_engine="ray",
            ray_workers=actors,
        )
    )
    try:
        engine: Any = vault.dataset_engine
        engine.actors()  # started, each with its detector loaded
        pids = engine.worker_pids()
        parts = vault.dataset_parts()
        operator = Principal(tenant="bench", roles=frozenset({Role.UPLOADER}), key_id="bench")

        def chunks() -> Any:
            with open(path, "rb") as handle:
                while chunk := handle.read(1024 * 1024):
                    yield chunk

        actors_before = [cpu_seconds(pid) for pid in pids]
        main_before = time.process_time()
        started = time.perf_counter()
        create_dataset(
            parts, operator, name="bench", upload=IngestRequest("bench.csv", "text/csv", chunks())
        )
        upload_s = time.perf_counter() - started
        main_cpu = time.process_time() - main_before
        actor_cpu = [cpu_seconds(p) - b for p, b in zip(pids, actors_before, strict=True)]
        queue.put({"upload_s": upload_s, "critical_cpu_s": max([main_cpu, *actor_cpu])})
    finally:
        vault.close()
        ray.shutdown()
        shutil.rmtree(ray_dir, ignore_errors=True)


def _measure(source: Path, scratch: Path, actors: int) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    data_dir = scratch / f"vault-ray-{time.monotonic_ns()}"
    child = context.Process(target=_upload_on_ray, args=(str(source), str(data_dir), actors, queue))
    child.start()
    results: dict[str, float] = queue.get()
    child.join()
    shutil.rmtree(data_dir, ignore_errors=True)
    return results


def ray_rows(table: Path, scratch: Path) -> list[Row]:
    """The Ray rows for `table` (a generated customer table), or none without Ray."""
    try:
        import ray  # noqa: F401 - only whether the vault[ray] extra is there
    except ImportError:
        print("bench: no Ray rows (install the vault[ray] extra)", file=sys.stderr)
        return []
    mb = table.stat().st_size / 1024 / 1024
    one = _measure(table, scratch, 1)
    two = _measure(table, scratch, 2)
    return [
        Row(
            SECTION,
            "upload on Ray with 2 actors (vs 1)",
            mb / two["upload_s"],
            mb / one["upload_s"],
            "MB/s",
            ">= 1.7x",
            higher_is_better=True,
        ),
        Row(
            SECTION,
            "upload on Ray with 2 actors (vs 1), MB per CPU second of the busiest process",
            mb / two["critical_cpu_s"],
            mb / one["critical_cpu_s"],
            "MB/s",
            ">= 1.7x (the rate with a core per process; load-independent)",
            higher_is_better=True,
        ),
    ]


if __name__ == "__main__":  # python -m vault.bench.datasets_ray: these rows alone
    import os

    from vault.bench.datasets import write_customers

    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        source = scratch / "customers.csv"
        write_customers(source, float(os.environ.get("VAULT_BENCH_DATASET_MB", "4")))
        for row in ray_rows(source, scratch):
            print(row)
