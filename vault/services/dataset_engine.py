"""Where a dataset's cell batches are anonymized when it is not this machine's worker pool.

The ingest reads and parses the input where it arrives, as it always does (the format, the
CSV sample that classifies columns, the row numbers of errors), and hands each batch of cells
to an engine: by default the local pool (`dataset_pool`), or with `VAULT_DATASET_ENGINE=ray`
the actors of a Ray cluster (`vault.adapters.ray_engine`). Batches are the same and come back
in the same order whichever engine did them, so the stored bytes are too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from vault.errors import ServiceUnavailable
from vault.services.dataset_formats import CellWork, Pending, Report

__all__ = ["DatasetEngine", "EngineUnavailable", "engine_work"]


class EngineUnavailable(ServiceUnavailable):
    """The dataset engine's cluster cannot be reached, or went away during a job; nothing of
    that job was stored."""

    default_code = "ray_unavailable"


class DatasetEngine(Protocol):
    """A cluster that anonymizes cell batches; each worker loads the detector once."""

    def check(self) -> None:
        """Connect if need be; EngineUnavailable (503) naming the cluster if it cannot."""
        ...

    def work(self, tenant: str) -> CellWork:
        """Batches of `tenant`'s cells, submitted in file order, their results read in it."""
        ...


class _Counted:
    """CellWork that reports the rows done before each batch (a job's progress and cancel)."""

    def __init__(
        self, work: CellWork, report: Report, progress: Callable[[int], None] | None
    ) -> None:
        self._work = work
        self._report = report
        self._progress = progress

    @property
    def depth(self) -> int:
        return self._work.depth

    def submit(self, cells: list[tuple[str, str | None]]) -> Pending:
        if self._progress is not None:
            self._progress(self._report.rows)
        return self._work.submit(cells)


def engine_work(
    engine: DatasetEngine,
    tenant: str,
    *,
    report: Report,
    progress: Callable[[int], None] | None,
) -> CellWork:
    """The engine's CellWork for one upload, its progress hook called as `_UploadWork` does."""
    return _Counted(engine.work(tenant), report, progress)
