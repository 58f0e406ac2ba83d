"""The validated inference (what to read, render and write), what a run did, and its lineage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from vault.domain.audit import validate_details
from vault.domain.policy import AccessPolicy
from vault.domain.principal import Principal
from vault.errors import UpstreamUnavailable
from vault.ports import BatchObjects, DatasetInfo, JobStore, LlmClient, VersionInfo
from vault.services.anonymize import Anonymizer
from vault.services.chat import ChatRedactor
from vault.services.dataset_parquet import ParquetLayout
from vault.services.infer.options import InferOptions
from vault.services.ingest_dataset import DatasetParts
from vault.services.upload_job import JobRunner

# (action, outcome, object id, details) → one audit record for the caller's tenant.
InferRecorder = Callable[[str, str, str | None, dict[str, Any]], None]
Row = dict[str, Any]


class _Limiter(Protocol):
    def check_tokens(self, key_id: str) -> float: ...

    def spend_tokens(self, key_id: str, tokens: int) -> None: ...


class InferParts(Protocol):
    """What the use case is built from (the wired vault)."""

    llm: LlmClient | None
    access_policy: AccessPolicy

    def dataset_parts(self) -> DatasetParts: ...
    @property
    def anonymizer(self) -> Anonymizer: ...
    @property
    def chat_redactor(self) -> ChatRedactor: ...
    @property
    def rate_limiter(self) -> _Limiter: ...
    @property
    def batch_objects(self) -> BatchObjects: ...
    @property
    def jobs(self) -> JobStore: ...
    @property
    def job_runner(self) -> JobRunner: ...


@dataclass
class Plan:
    """A validated inference over one version: what to read, how to render, where to write."""

    principal: Principal
    options: InferOptions
    source: DatasetInfo
    version: VersionInfo
    pieces: list[tuple[str, str | None]]  # the template, its literal text tokenized
    template_digest: str
    rows: int  # how many rows will be sent (max_rows applied)
    columns: list[str] | None
    out_format: str
    target: DatasetInfo | None = None
    layout: ParquetLayout | None = None  # a Parquet source's schema and row groups

    @property
    def source_ref(self) -> str:
        return f"{self.version.dataset_id}/v{self.version.number}"


@dataclass
class Rendered:
    number: int  # the row's number in the version, from 1
    row: Row
    payload: bytes


@dataclass
class Outcome:
    """What a run did (counts and ids only)."""

    answered: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    guarded: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    stop: BaseException | None = None  # why it ended before the last row
    batch_id: str | None = None
    upstream_batch_id: str | None = None
    batch_status: str | None = None

    @property
    def rows(self) -> int:
        return self.answered + sum(self.errors.values())


def upstream(vault: InferParts) -> LlmClient:
    """The configured LLM upstream; UpstreamUnavailable when there is none."""
    if vault.llm is None:
        raise UpstreamUnavailable("no LLM upstream is configured: set GROQ_API_KEY")
    return vault.llm


def lineage(plan: Plan, *, job_id: str | None = None) -> dict[str, Any]:
    """Where the derived version came from (source, template digest, model, mode), audit-safe."""
    lineage: dict[str, Any] = {
        "source": plan.source_ref,
        "template_sha256": plan.template_digest,
        "model": plan.options.model,
        "mode": plan.options.mode,
        "rows_total": plan.rows,
    }
    if job_id is not None:
        lineage["job"] = job_id
    validate_details(lineage)
    return lineage


def counts(outcome: Outcome) -> dict[str, Any]:
    """What a run did, as counts and ids only (never a row or an answer)."""
    counts: dict[str, Any] = {
        "answered": outcome.answered,
        "errors": sum(outcome.errors.values()),
        "usage_tokens": outcome.tokens,
    }
    if outcome.guarded:
        counts["answer_guard"] = dict(outcome.guarded)
    if outcome.batch_id is not None:
        counts["batch_id"] = outcome.batch_id
        counts["upstream_batch_id"] = outcome.upstream_batch_id
        counts["batch_status"] = outcome.batch_status
    return counts
