"""Load: `vault serve` with 1 and N workers under increasing load, beside the fake Groq called
directly and the detector's own rate in process, all measured in the same run.

Every request carries a unique prompt of about 200 characters with a name, a mail address and a
phone number, so the detection cache never helps. The load generator is our own asyncio client
in a process of its own, pinned to one core (`os.sched_setaffinity`): first a closed loop (so
many connections, each sending as soon as its answer is in) finds the maximum rate, then open
loops at fixed fractions of it measure latency from each request's scheduled time, so a server
that falls behind is charged for the queue it builds. Several workers need a database server
and share Redis, as in production: PostgreSQL (a fresh schema) and Redis (a fresh prefix) at
VAULT_BENCH_DATABASE_URL and VAULT_BENCH_REDIS_URL, local defaults; without PostgreSQL only the
single worker on SQLite is measured.

Kept short by default (VAULT_BENCH_LOAD_SECONDS=5 per step). VAULT_BENCH_HOLD_SECONDS (default
0, off; the goal's "at least 60 s" is 60) adds, after each ramp, a step that long at 70% of the
maximum it found, for the fake Groq and every server, and the 70% rows read it instead of the
ramp's short step. VAULT_BENCH_SOAK_SECONDS (default 0, off; the goal's soak is 600) adds a soak
of the last server measured at 50% of its maximum rate: each worker's resident memory (RSS, from
/proc) at its start and end, the largest growth as a row, and the soak's own latencies.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from itertools import count
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

from vault.bench import Row, percentile
from vault.bench.proc import cpu_seconds
from vault.bench.proxy import prompt
from vault.settings import Settings

__all__ = ["Soak", "Step", "run"]

_SECTION = "load"
_MODEL = "llama-3.1-8b-instant"
_CHAT = "/openai/v1/chat/completions"
_PROMPT_CHARS = 200
_CONNECTIONS = 16
_FRACTIONS = (0.5, 0.7, 0.9)
_START_SECONDS = 600


@dataclass(frozen=True, slots=True)
class Step:
    """What one load step measured: answered requests, failures, latencies in seconds."""

    target: str
    offered: float | None  # requests/s; None for the closed loop
    ok: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def ms(self, q: float) -> float:
        return percentile(self.latencies, q) * 1000 if self.latencies else float("nan")


def _body(serial: int) -> dict[str, Any]:
    text = prompt(serial, _PROMPT_CHARS)
    return {"model": _MODEL, "messages": [{"role": "user", "content": text}]}


async def _load(
    url: str, key: str, *, rate: float | None, seconds: float, first_serial: int
) -> tuple[int, int, float, list[float]]:
    limits = httpx.Limits(max_connections=_CONNECTIONS, max_keepalive_connections=_CONNECTIONS)
    headers = {"authorization": f"Bearer {key}"}
    latencies: list[float] = []
    errors = 0
    serials = count(first_serial)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:

        async def one(scheduled: float) -> None:
            nonlocal errors
            try:
                answer = await client.post(_CHAT, json=_body(next(serials)), headers=headers)
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - scheduled)
            else:
                errors += 1

        started = time.perf_counter()
        deadline = started + seconds
        if rate is None:

            async def connection() -> None:
                while time.perf_counter() < deadline:
                    await one(time.perf_counter())

            await asyncio.gather(*(connection() for _ in range(_CONNECTIONS)))
        else:
            pending: set[asyncio.Task[None]] = set()
            for n in count():
                scheduled = started + n / rate
                if scheduled >= deadline:
                    break
                delay = scheduled - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                task = asyncio.create_task(one(scheduled))
                pending.add(task)
                task.add_done_callback(pending.discard)
            await asyncio.gather(*pending)
        elapsed = time.perf_counter() - started
    return len(latencies), errors, elapsed, latencies


def _generate(
    channel: Connection, url: str, key: str, rate: float | None, seconds: float, first_serial: int
) -> None:
    """In a child process pinned to one core: one load step; sends back what it measured."""
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})
    channel.send(
        asyncio.run(_load(url, key, rate=rate, seconds=seconds, first_serial=first_serial))
    )


class _Generator:
    """Runs load steps in a fresh process each; serials never repeat within a run."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._serials = count(1_000_000, 1_000_000)

    def step(
        self, target: str, url: str, key: str, rate: float | None, seconds: float | None = None
    ) -> Step:
        spawn = multiprocessing.get_context("spawn")
        parent, child = spawn.Pipe()
        length = self._seconds if seconds is None else seconds
        args = (child, url, key, rate, length, next(self._serials))
        process = spawn.Process(target=_generate, args=args, daemon=True)
        process.start()
        ok, errors, elapsed, latencies = parent.recv()
        process.join(timeout=60)
        step = Step(target, rate, ok, errors, elapsed, latencies)
        offered = "max" if rate is None else f"{rate:,.0f}/s"
        print(
            f"bench: load {target:<14} offered {offered:>8}  {step.throughput:8,.0f} req/s  "
            f"p50 {step.ms(50):7.1f}  p95 {step.ms(95):7.1f}  p99 {step.ms(99):7.1f} ms  "
            f"errors {errors}",
            file=sys.stderr,
            flush=True,
        )
        return step

    def ramp(self, target: str, url: str, key: str) -> list[Step]:
        """The closed-loop maximum, then open loops at each fraction of it."""
        top = self.step(target, url, key, None)
        return [top] + [
            self.step(target, url, key, max(1.0, top.throughput * f)) for f in _FRACTIONS
        ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes], path: str = "/readyz") -> None:
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"a bench server exited with {process.returncode}")
        try:
            if httpx.get(f"{url}{path}", timeout=5).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("a bench server did not start")


def _environment(values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")} | values


@contextmanager
def _process(
    args: list[str], env: dict[str, str], url: str, ready: str
) -> Iterator[subprocess.Popen[bytes]]:
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(  # noqa: S603 - this Python running the vault CLI, fixed argv
            [sys.executable, "-m", "vault.cli", *args], env=env, stdout=log, stderr=log
        )
        try:
            _wait(url, process, ready)
        except RuntimeError:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-3000:])
            raise
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=60)


@contextmanager
def _postgres_schema(base: str) -> Iterator[str | None]:
    """A fresh schema on `base`, dropped afterwards; None where PostgreSQL does not answer."""
    from sqlalchemy import text

    from vault.adapters.database import create_db_engine

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception:  # no PostgreSQL here: the N-worker rows are left out
        admin.dispose()
        yield None
        return
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _redis_answers(url: str) -> bool:
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


@dataclass(frozen=True, slots=True)
class Served:
    """What one `vault serve --workers N` measured: its ramp, its 70% step, its soak if asked,
    and the CPU its workers spent per answered request over the ramp (ms, from /proc)."""

    steps: list[Step]
    at70: Step
    soak: Soak | None
    cpu_ms: float


@dataclass(frozen=True, slots=True)
class Soak:
    """A long step at a fixed rate and each worker's RSS in bytes at its start and end."""

    step: Step
    start: dict[int, int]
    end: dict[int, int]

    def growth(self, pid: int) -> float:
        """How much `pid`'s RSS grew over the soak, in percent of its start."""
        return 100.0 * (self.end[pid] - self.start[pid]) / self.start[pid]

    @property
    def worst(self) -> int:
        return max(self.start, key=self.growth)


def _worker_pids(server: int) -> list[int]:
    """The processes that answer requests: `vault serve`'s spawned workers, else itself."""
    children: list[int] = []
    for task in Path(f"/proc/{server}/task").iterdir():
        children += [int(pid) for pid in (task / "children").read_text().split()]
    workers = [
        pid for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    return workers or [server]


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _soak(
    generator: _Generator,
    target: str,
    url: str,
    key: str,
    *,
    server: int,
    rate: float,
    seconds: float,
) -> Soak:
    pids = _worker_pids(server)
    start = {pid: _rss(pid) for pid in pids}
    step = generator.step(f"{target} soak", url, key, rate, seconds)
    soak = Soak(step, start, {pid: _rss(pid) for pid in pids})
    for pid in pids:
        print(
            f"bench: load soak worker {pid}: RSS {start[pid] / 2**20:,.1f} MB -> "
            f"{soak.end[pid] / 2**20:,.1f} MB ({soak.growth(pid):+.1f}%)",
            file=sys.stderr,
            flush=True,
        )
    return soak


def _ramp_and_hold(
    generator: _Generator, target: str, url: str, key: str, hold_seconds: float
) -> tuple[list[Step], Step]:
    """The ramp, and the step at 70% of its maximum that the 70% rows read: a hold of
    `hold_seconds` if asked, else the ramp's own step nearest 70%."""
    steps = generator.ramp(target, url, key)
    if hold_seconds <= 0:
        return steps, _at(steps, 0.7)
    rate = max(1.0, 0.7 * steps[0].throughput)
    return steps, generator.step(f"{target} hold", url, key, rate, hold_seconds)


def _serve_and_ramp(
    generator: _Generator,
    *,
    workers: int,
    groq_url: str,
    database_url: str | None,
    redis_url: str | None,
    data_dir: Path,
    hold_seconds: float = 0.0,
    soak_seconds: float = 0.0,
) -> Served:
    """The ramp and the 70% step on a fresh `vault serve --workers N`; then, if
    `soak_seconds`, a soak at 50% of the maximum it found."""
    from vault.services.apikeys import create_api_key
    from vault.wiring import build_vault

    values = {
        "VAULT_DATA_DIR": str(data_dir),
        "VAULT_RATE_LIMIT_RPM": "0",  # one client sending thousands of requests a minute
        "VAULT_UPSTREAM_URL": f"{groq_url}/openai/v1",
        "GROQ_API_KEY": "gsk_bench",
    }
    if database_url is not None:
        values["VAULT_DATABASE_URL"] = database_url
    if redis_url is not None:
        values |= {"VAULT_REDIS_URL": redis_url, "VAULT_REDIS_PREFIX": f"bench:{uuid.uuid4().hex}:"}
    settings = Settings(data_dir=data_dir, database_url=database_url, _env_file=None)
    vault = build_vault(settings)
    try:
        _, key = create_api_key(vault.api_keys, tenant="bench", roles=["analyst"])
    finally:
        vault.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    args = ["serve", "--port", str(port), "--workers", str(workers)]
    target = f"{workers} worker" + ("s" if workers > 1 else "")
    with _process(args, _environment(values), url, "/readyz") as server:
        generator.step(f"{target} warm", url, key, 10.0)  # first requests load lazy parts
        pids = _worker_pids(server.pid)
        spent = sum(cpu_seconds(pid) for pid in pids)
        steps, at70 = _ramp_and_hold(generator, target, url, key, hold_seconds)
        spent = sum(cpu_seconds(pid) for pid in pids) - spent
        cpu_ms = 1000 * spent / max(1, sum(step.ok for step in [*steps, at70]))
        print(f"bench: load {target}: {cpu_ms:.2f} CPU ms per request", file=sys.stderr)
        if soak_seconds <= 0:
            return Served(steps, at70, None, cpu_ms)
        rate = max(1.0, 0.5 * steps[0].throughput)
        soak = _soak(
            generator, target, url, key, server=server.pid, rate=rate, seconds=soak_seconds
        )
        return Served(steps, at70, soak, cpu_ms)


def _detector_rate(requests: int, *, answered: bool = False) -> float:
    """The vault's detector on the same prompts, in this process, one after another: texts per
    CPU second of this process, so other engineers' load on the machine does not count. With
    `answered`, each prompt's answer from the fake Groq ("You said: …", values restored) is
    detected too, as the answer guard reads every answer: the detection a request needs."""
    from vault.wiring import build_detectors

    detector, _ = build_detectors(baseline=False)
    texts = [prompt(serial, _PROMPT_CHARS) for serial in range(50_000_000, 50_000_000 + requests)]
    for text in texts[:20]:
        detector.detect(text)
    started = time.process_time()
    for text in texts:
        detector.detect(text)
        if answered:
            detector.detect(f"You said: {text}")
    return requests / (time.process_time() - started)


def _at(steps: list[Step], fraction: float) -> Step:
    top = steps[0].throughput
    return min(steps[1:], key=lambda s: abs((s.offered or 0) - top * fraction))


def run() -> list[Row]:
    seconds = float(os.environ.get("VAULT_BENCH_LOAD_SECONDS", "5"))
    soak_seconds = float(os.environ.get("VAULT_BENCH_SOAK_SECONDS", "0"))
    hold_seconds = float(os.environ.get("VAULT_BENCH_HOLD_SECONDS", "0"))
    database = os.environ.get(
        "VAULT_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    redis_url = os.environ.get("VAULT_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    cores = len(os.sched_getaffinity(0))
    generator = _Generator(seconds)
    detector = _detector_rate(300)
    exchange = _detector_rate(300, answered=True)
    print(f"bench: load detector in process {detector:,.0f} texts/s", file=sys.stderr)
    rows: list[Row] = []
    with ExitStack() as stack:
        # One data dir for every server: its local KMS key wraps the keys in the shared schema.
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        groq_port = _free_port()
        groq_url = f"http://127.0.0.1:{groq_port}"
        stack.enter_context(
            _process(["fake-groq", "--port", str(groq_port)], _environment({}), groq_url, "/")
        )
        direct, direct70 = _ramp_and_hold(
            generator, "fake Groq", groq_url, "gsk_bench", hold_seconds
        )
        database_url = stack.enter_context(_postgres_schema(database))
        shared = redis_url if database_url is not None and _redis_answers(redis_url) else None
        several = database_url is not None and cores > 1
        served = _serve_and_ramp(
            generator,
            workers=1,
            groq_url=groq_url,
            database_url=database_url,
            redis_url=shared,
            data_dir=tmp / "data",
            hold_seconds=hold_seconds,
            soak_seconds=0.0 if several else soak_seconds,
        )
        one, one70, soak = served.steps, served.at70, served.soak
        rows.append(
            Row(
                _SECTION,
                "max req/s, 1 worker vs detector in process",
                one[0].throughput,
                detector,
                "req/s",
                "≥ 0.90 × detector",
                higher_is_better=True,
            )
        )
        rows.append(
            Row(
                _SECTION,
                "max req/s, 1 worker vs detector on prompt and answer",
                one[0].throughput,
                exchange,
                "req/s",
                "(the answer guard detects every answer)",
                higher_is_better=True,
            )
        )
        rows.append(_cpu_row(one[0].target, served.cpu_ms, detector))
        rows += _at70_rows(one[0].target, one70, direct70)
        final = one
        if several:
            served = _serve_and_ramp(
                generator,
                workers=cores,
                groq_url=groq_url,
                database_url=database_url,
                redis_url=shared,
                data_dir=tmp / "data",
                hold_seconds=hold_seconds,
                soak_seconds=soak_seconds,
            )
            many, many70, soak = served.steps, served.at70, served.soak
            rows.append(
                Row(
                    _SECTION,
                    f"max req/s, {cores} workers vs {cores} × 1 worker",
                    many[0].throughput,
                    cores * one[0].throughput,
                    "req/s",
                    f"≥ 0.85 × {cores} × 1 worker",
                    higher_is_better=True,
                )
            )
            rows.append(_cpu_row(many[0].target, served.cpu_ms, detector))
            rows += _at70_rows(many[0].target, many70, direct70)
            final = many
        else:
            print("bench: load: one worker only (no PostgreSQL, or one core)", file=sys.stderr)
        who = final[0].target
        rows.append(
            Row(
                _SECTION,
                f"max req/s, {who} vs fake Groq direct",
                final[0].throughput,
                direct[0].throughput,
                "req/s",
                "(the upstream's own ceiling)",
                higher_is_better=True,
            )
        )
        if soak is not None:
            rows += _soak_rows(soak, who, direct70)
    return rows


def _cpu_row(who: str, cpu_ms: float, detector: float) -> Row:
    """The CPU a server's workers spent per answered request, beside the detector's own CPU per
    prompt in process: what the serving path costs on top of detection, whatever the load."""
    return Row(
        _SECTION,
        f"CPU ms per request, {who} vs detector per prompt",
        cpu_ms,
        1000 / detector,
        "ms",
        "≤ 1.11 × detector",
    )


def _at70_rows(who: str, at70: Step, direct70: Step) -> list[Row]:
    """Latency and errors at 70% of a server's maximum, beside the fake Groq's at 70% of its."""
    return [
        Row(_SECTION, f"p50 at 70% of max, {who}", at70.ms(50), direct70.ms(50), "ms"),
        Row(_SECTION, f"p95 at 70% of max, {who}", at70.ms(95), direct70.ms(95), "ms"),
        Row(
            _SECTION,
            f"p99 at 70% of max, {who}",
            at70.ms(99),
            direct70.ms(99),
            "ms",
            f"≤ 3 × p50 = {3 * at70.ms(50):.1f} ms",
        ),
        Row(
            _SECTION,
            f"errors at 70% of max, {who} ({at70.seconds:.0f} s)",
            float(at70.errors),
            float(direct70.errors),
            "requests",
            "0 (over ≥ 60 s)",
        ),
    ]


def _soak_rows(soak: Soak, who: str, direct: Step) -> list[Row]:
    """Each worker's RSS at the soak's end against its start (the worst against the goal), the
    soak's latencies beside the fake Groq's at 70%, and the soak's errors."""
    worst = soak.worst
    length = f"{soak.step.seconds:.0f} s at 50% of max"
    step = soak.step
    return [
        *(
            Row(
                _SECTION,
                f"RSS end vs start, worker {n} of {who} ({length})",
                soak.end[pid] / 2**20,
                soak.start[pid] / 2**20,
                "MB",
                f"{soak.growth(pid):+.1f}%",
            )
            for n, pid in enumerate(sorted(soak.start), start=1)
        ),
        Row(
            _SECTION,
            f"req/s in the soak, {who} ({length})",
            step.throughput,
            step.offered,
            "req/s",
            "(beside: offered)",
            higher_is_better=True,
        ),
        *(
            Row(
                _SECTION,
                f"p{q} in the soak, {who} vs fake Groq at 70%",
                step.ms(q),
                direct.ms(q),
                "ms",
            )
            for q in (50, 95, 99)
        ),
        Row(
            _SECTION,
            f"RSS end vs start, worst of {who} ({length})",
            soak.end[worst] / 2**20,
            soak.start[worst] / 2**20,
            "MB",
            f"growth < 10% (this run {soak.growth(worst):+.1f}%)",
        ),
        Row(
            _SECTION,
            f"errors in the soak, {who} ({length})",
            float(soak.step.errors),
            None,
            "requests",
            "0",
        ),
    ]


if __name__ == "__main__":
    from vault.bench.__main__ import print_table

    print_table(run())
