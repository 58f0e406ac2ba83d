"""`make bench`: every speed and memory goal, each beside its baseline measured in the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Row", "percentile", "time_calls"]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the bench table. `ratio` is computed so that > 1 means the vault is better."""

    section: str
    metric: str
    vault: float
    baseline: float | None
    unit: str
    goal: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.vault == 0 or self.baseline == 0:
            return None
        return self.vault / self.baseline if self.higher_is_better else self.baseline / self.vault


def time_calls(fn: Callable[[], object], *, repeat: int, warmup: int = 3) -> list[float]:
    """Wall-clock seconds of `repeat` calls of `fn`, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100) of `samples`."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[max(0, min(98, round(q) - 1))]
