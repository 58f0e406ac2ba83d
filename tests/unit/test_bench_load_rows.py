"""The load bench's rows: every worker's RSS growth in the soak, the worst against the goal, the
soak's own rate and latencies beside the fake Groq's, and the workers' CPU per request."""

from __future__ import annotations

from vault.bench.load import Soak, Step, _cpu_row, _soak_rows


def _step(target: str, rate: float, latencies: list[float], *, errors: int = 0) -> Step:
    return Step(target, rate, len(latencies), errors, 10.0, latencies)


def test_each_worker_has_its_row_and_the_worst_is_held_to_the_goal() -> None:
    mb = 2**20
    soak = Soak(
        _step("2 workers soak", 5.0, [0.01 * n for n in range(1, 51)], errors=1),
        start={41: 200 * mb, 42: 100 * mb},
        end={41: 202 * mb, 42: 115 * mb},
    )
    direct = _step("fake Groq hold", 40.0, [0.002] * 400)
    rows = {row.metric: row for row in _soak_rows(soak, "2 workers", direct)}

    one = rows["RSS end vs start, worker 1 of 2 workers (10 s at 50% of max)"]
    two = rows["RSS end vs start, worker 2 of 2 workers (10 s at 50% of max)"]
    assert (one.vault, one.baseline, one.goal) == (202, 200, "+1.0%")
    assert (two.vault, two.baseline, two.goal) == (115, 100, "+15.0%")
    worst = rows["RSS end vs start, worst of 2 workers (10 s at 50% of max)"]
    assert worst.vault == 115 and "+15.0%" in worst.goal
    rate = rows["req/s in the soak, 2 workers (10 s at 50% of max)"]
    assert (rate.vault, rate.baseline) == (5.0, 5.0)
    p99 = rows["p99 in the soak, 2 workers vs fake Groq at 70%"]
    assert (
        p99.baseline == 2.0
        and p99.vault > rows["p50 in the soak, 2 workers vs fake Groq at 70%"].vault
    )
    assert rows["errors in the soak, 2 workers (10 s at 50% of max)"].vault == 1


def test_the_cpu_row_sets_a_workers_cpu_per_request_beside_the_detectors_per_prompt() -> None:
    row = _cpu_row("1 worker", 12.5, 250.0)  # the detector at 250 prompts/s: 4 ms each

    assert row.metric == "CPU ms per request, 1 worker vs detector per prompt"
    assert (row.vault, row.baseline, row.unit) == (12.5, 4.0, "ms")
    assert row.ratio == 4.0 / 12.5  # lower is better: below 1 the serving path costs more
