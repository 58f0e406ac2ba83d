"""The load bench's soak reads each worker's resident memory from /proc: a server's spawned
workers are found (not its resource tracker, not the server itself), and growth is per worker."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from vault.bench.load import Soak, Step, _rss, _worker_pids

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")

# A parent that spawns two workers the way uvicorn's --workers does, then waits.
_SERVER = """
import multiprocessing, sys, time
def work():
    time.sleep(600)
if __name__ == "__main__":
    spawn = multiprocessing.get_context("spawn")
    children = [spawn.Process(target=work, daemon=True) for _ in range(2)]
    for child in children:
        child.start()
    print(" ".join(str(c.pid) for c in children), flush=True)
    time.sleep(600)
"""


def test_the_workers_of_a_spawning_server_are_its_spawned_children(tmp_path: Path) -> None:
    script = tmp_path / "server.py"
    script.write_text(_SERVER)
    server = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        spawned = {int(pid) for pid in server.stdout.readline().split()}
        assert len(spawned) == 2
        for _ in range(600):  # until each child has exec'd into spawn_main and mapped its image
            if set(_worker_pids(server.pid)) == spawned and all(
                _rss(pid) > 1024 * 1024 for pid in spawned
            ):
                break
            time.sleep(0.05)
        assert set(_worker_pids(server.pid)) == spawned
        assert all(_rss(pid) > 1024 * 1024 for pid in spawned)
    finally:
        server.kill()
        server.wait(30)


def test_a_server_without_workers_is_its_own_worker() -> None:
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        for _ in range(100):  # until the interpreter has replaced the forked image
            if b"sleep" in Path(f"/proc/{server.pid}/cmdline").read_bytes():
                break
            time.sleep(0.05)
        assert _worker_pids(server.pid) == [server.pid]
    finally:
        server.kill()
        server.wait(30)


def test_growth_is_per_worker_and_the_worst_is_the_one_that_grew_most() -> None:
    step = Step("2 workers soak", 10.0, ok=100, errors=0, seconds=10.0, latencies=[0.01] * 100)
    soak = Soak(step, start={1: 100 * 2**20, 2: 200 * 2**20}, end={1: 105 * 2**20, 2: 230 * 2**20})
    assert soak.growth(1) == pytest.approx(5.0)
    assert soak.growth(2) == pytest.approx(15.0)
    assert soak.worst == 2
