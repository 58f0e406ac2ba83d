"""Anonymize dataset blocks on every core: a pool of worker processes, each with its own detector.
The same workers detect the texts of a batch file's lines (`find_spans`) for the chat redactor.

Each worker builds one Anonymizer when it starts (the detector loaded once) from a picklable
recipe that the wiring provides, so workers reach the same token store and tenant keys as the
process that reads the file. Tokens are a keyed HMAC of the value under the tenant's key, so
two workers give a value the same token without talking; each batch's new tokens are written
in one idempotent insert. Batches are submitted in file order and their results read back in
that order, so the output is the same bytes whichever worker did which batch.

Raw cells travel to a worker over a pipe and anonymized cells back; nothing is written to disk.
A worker that dies fails the batches it held (and the pool, which is rebuilt for the next
upload) with `WorkerDied`, a ServiceUnavailable naming no content.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Generic, TypeVar

from vault.errors import ServiceUnavailable

if TYPE_CHECKING:
    from vault.domain.spans import Span
    from vault.services.anonymize import Anonymizer

__all__ = [
    "AnonymizerRecipe",
    "Cells",
    "DatasetPool",
    "Done",
    "Submitted",
    "WorkerDied",
    "anonymize_cells",
]

# (text, whole-value entity type or None to detect) -> (anonymized text, entity counts)
Cells = list[tuple[str, str | None]]
Done = list[tuple[str, dict[str, int]]]
# Builds a worker's Anonymizer; pickled into each worker process, so it must be importable.
AnonymizerRecipe = Callable[[], "Anonymizer"]

_T = TypeVar("_T")

_worker_anonymizer: Anonymizer | None = None
_WARM_UP = "warm up: Ada Lovelace, ada@example.com, +1 202-555-0143, 12 Oak Street"
_DIED = (
    "a dataset worker process stopped (or could not start) in the middle of the upload; "
    "nothing was stored"
)


class WorkerDied(ServiceUnavailable):
    """A dataset worker process ended while it held part of an upload; nothing was stored."""

    default_code = "dataset_worker_died"


def anonymize_cells(anonymizer: Anonymizer, tenant: str, cells: Cells) -> Done:
    """One batch of cells anonymized in one call: a cell given an entity type is tokenized as
    a whole value of that type (no detection); the others are detected. The same function runs
    in the upload's own process and in a worker, so both give the same bytes."""
    from vault.domain.spans import Span

    whole: dict[tuple[int, str], Span] = {}  # spans are immutable: one per length and type
    spans: list[list[Span] | None] = []
    for text, entity in cells:
        if entity is None:
            spans.append(None)
            continue
        span = whole.get((len(text), entity))
        if span is None:
            span = whole[(len(text), entity)] = Span(0, len(text), entity)
        spans.append([span])
    done = anonymizer.anonymize_many(tenant, [text for text, _ in cells], spans=spans)
    return [(result.text, result.counts()) for result in done]


def _start_worker(recipe: AnonymizerRecipe) -> None:
    global _worker_anonymizer  # one Anonymizer per worker process, by design
    _worker_anonymizer = recipe()


def _anonymizer() -> Anonymizer:
    if _worker_anonymizer is None:  # the initializer failed: say so rather than guess
        raise RuntimeError("dataset worker has no anonymizer")
    return _worker_anonymizer


def _work(tenant: str, cells: Cells) -> Done:
    return anonymize_cells(_anonymizer(), tenant, cells)


def _find_spans(texts: list[str]) -> list[list[Span]]:
    return _anonymizer().find_spans_many(texts)


def _ready() -> bool:
    time.sleep(0.2)  # held a moment, so each worker gets one of the warm-up calls
    if _worker_anonymizer is None:
        return False
    # The detector's first call pays its lazy set-up; a warmed worker has paid it already.
    _worker_anonymizer.find_spans(_WARM_UP)
    return True


class Submitted(Generic[_T]):
    """A submitted batch; `result()` waits for it and translates a dead worker."""

    def __init__(self, future: Future[_T], pool: DatasetPool) -> None:
        self._future = future
        self._pool = pool

    def result(self) -> _T:
        try:
            return self._future.result()
        except BrokenProcessPool:
            self._pool.broken()
            raise WorkerDied(_DIED) from None

    def cancel(self) -> None:
        self._future.cancel()


class DatasetPool:
    """`workers` processes started on first use (spawned, so no lock or connection of this
    process is inherited) and kept for the vault's life; safe to share between uploads."""

    def __init__(self, recipe: AnonymizerRecipe, *, workers: int) -> None:
        if workers < 1:
            raise ValueError("a dataset pool needs at least one worker")
        self.workers = workers
        self._recipe = recipe
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    @property
    def depth(self) -> int:
        """Batches an upload keeps in flight: enough that no worker waits, few enough that
        what is held stays a handful of blocks."""
        return 2 * self.workers

    def submit(self, tenant: str, cells: Cells) -> Submitted[Done]:
        """Anonymize a batch of cells in a worker."""
        return self._submit(_work, tenant, cells)

    def find_spans(self, texts: list[str]) -> Submitted[list[list[Span]]]:
        """The spans the policy acts on in each text (`Anonymizer.find_spans_many`), detected in
        a worker: pure, so the same spans as in this process."""
        return self._submit(_find_spans, texts)

    def _submit(self, work: Callable[..., _T], *args: object) -> Submitted[_T]:
        executor = self._running()
        try:
            future = executor.submit(work, *args)
        except BrokenProcessPool:
            self.broken()
            raise WorkerDied(_DIED) from None
        return Submitted(future, self)

    def worker_pids(self) -> list[int]:
        """The live workers' process ids (for operators and tests)."""
        executor = self._executor
        processes = getattr(executor, "_processes", None) or {}
        return sorted(processes)

    @property
    def started(self) -> bool:
        """Whether the workers are up (or starting): an upload may use them from its start."""
        return self._executor is not None

    @property
    def recipe(self) -> AnonymizerRecipe:
        return self._recipe

    def warm(self) -> None:
        """Start every worker now (each loading its detector and running it once) rather than
        on first use."""
        executor = self._running()
        for future in [executor.submit(_ready) for _ in range(self.workers)]:
            try:
                future.result()
            except BrokenProcessPool:
                self.broken()
                raise WorkerDied("a dataset worker process could not start") from None

    def broken(self) -> None:
        """Drop a pool that lost a worker; the next upload starts a fresh one."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _running(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self._recipe,),
                )
            return self._executor
