"""The use case: authorize, validate every row, start the job, store its answers, audit it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vault.domain.ids import is_dataset_id
from vault.domain.policy import Action
from vault.domain.principal import Principal
from vault.errors import InvalidRequest, NotFound, PermissionDenied
from vault.ports import VersionInfo
from vault.services.failures import failure_details
from vault.services.infer.batch import send_batch
from vault.services.infer.job import InferJob, Stopped, job_audit
from vault.services.infer.online import send_online
from vault.services.infer.options import MAX_NAME, InferOptions, parse_options, parse_template
from vault.services.infer.plan import (
    InferParts,
    InferRecorder,
    Outcome,
    Plan,
    counts,
    lineage,
    upstream,
)
from vault.services.infer.store import store_answers
from vault.services.infer.template import rendered
from vault.services.ingest_dataset import require_dataset
from vault.services.read_dataset import open_version
from vault.services.upstream_models import require_served


@dataclass(frozen=True, slots=True)
class Started:
    """An inference job just begun: the job, the derived dataset and how many rows it sends.
    `work()` runs it in the caller's thread when `start` was asked not to run it."""

    job: InferJob
    dataset_id: str
    rows_total: int
    source: str
    work: Callable[[], tuple[str, int, int]]


class InferDataset:
    """Inference over stored datasets for one wired vault. `start` blocks (call it from a
    worker thread) and raises VaultError subclasses only; the job then runs in its own thread."""

    def __init__(self, vault: InferParts, *, poll_seconds: float = 1.0) -> None:
        self._vault = vault
        self._poll = poll_seconds

    def start(
        self,
        principal: Principal,
        dataset_id: str,
        number: int | None,
        body: Any,
        *,
        record: InferRecorder,
        run: bool = True,
    ) -> Started:
        """Authorize, validate every row, create the job (and the derived dataset), audit it,
        then run it in a thread of its own (`run=False`: the caller runs `work(job)`).
        Raises PermissionDenied, InvalidRequest (naming the field and row), NotFound or an
        upstream error; each is audited once before it is raised, and then nothing was sent."""
        object_id = f"{dataset_id}/v{number}" if is_dataset_id(dataset_id) and number else None
        try:
            self._authorize(principal)
            plan = self._plan(principal, dataset_id, number, parse_options(body))
        except Exception as exc:
            outcome = "denied" if isinstance(exc, PermissionDenied) else "error"
            record("dataset.infer", outcome, object_id, failure_details(exc))
            raise
        parts = self._vault.dataset_parts()
        created = plan.target is None
        if plan.target is None:
            name = plan.options.name or f"{plan.source.name} · {plan.options.output_column}"
            plan.target = parts.catalog.create_dataset(
                tenant=principal.tenant, name=name[:MAX_NAME], created_by=principal.key_id
            )
        target = plan.target
        runner = self._vault.job_runner
        job = InferJob(
            runner.store,
            dataset_id=target.id,
            rows_total=plan.rows,
            tenant=principal.tenant,
            kind="dataset.infer",
            created_by=principal.key_id,
            owner=runner.owner,
            bytes_total=None,
            audit=lambda job_id: job_audit(record, job_id),
        )
        try:
            job.begin()
        except BaseException:
            if created:
                parts.catalog.delete_dataset_if_empty(principal.tenant, target.id)
            raise
        record("dataset.infer", "ok", plan.source_ref, lineage(plan, job_id=job.id))
        started = Started(
            job=job,
            dataset_id=target.id,
            rows_total=plan.rows,
            source=plan.source_ref,
            work=lambda: self.work(plan, job, record=record, created=created),
        )
        if run:
            runner.run(job, lambda _: started.work())
        return started

    def _authorize(self, principal: Principal) -> None:
        policy = self._vault.access_policy
        for action in (Action.INFER, Action.DATASET_WRITE):
            if not policy.allows(principal.roles, action):
                needed = " or ".join(policy.roles_allowing(action)) or "no role"
                raise PermissionDenied(
                    f"inference over a dataset needs {action.value}, which a key with the role "
                    f"{needed} has, beside infer and dataset.write"
                )

    def _plan(
        self, principal: Principal, dataset_id: str, number: int | None, options: InferOptions
    ) -> Plan:
        parts = self._vault.dataset_parts()
        if number is None:
            raise NotFound("dataset version not found")
        source = require_dataset(parts.catalog, principal.tenant, dataset_id)
        version = open_version(parts, principal, dataset_id, number)
        target = None
        if options.output_dataset_id is not None:
            target = require_dataset(parts.catalog, principal.tenant, options.output_dataset_id)
            if target.id == source.id:
                raise InvalidRequest(
                    "output_dataset_id must be another dataset than the source",
                    param="output_dataset_id",
                )
        tenant = principal.tenant
        pieces = parse_template(options.template)
        anonymizer = self._vault.anonymizer
        # The template's own text is the caller's: tokenized once, as any text sent would be.
        literals = anonymizer.anonymize_many(tenant, [literal for literal, _ in pieces])
        pieces = [(done.text, name) for done, (_, name) in zip(literals, pieces, strict=True)]
        out_column = anonymizer.anonymize(tenant, options.output_column)
        if out_column.text != options.output_column:
            raise InvalidRequest(
                "output_column looks like personal data; name the column otherwise",
                param="output_column",
            )
        digest = hashlib.sha256(
            json.dumps([[lit, name] for lit, name in pieces], ensure_ascii=False).encode()
        ).hexdigest()
        plan = Plan(
            principal=principal,
            options=options,
            source=source,
            version=version,
            pieces=pieces,
            template_digest=digest,
            rows=0,
            columns=None,
            out_format=version.format if version.format in ("csv", "parquet") else "jsonl",
            target=target,
        )
        require_served(upstream(self._vault), options.model)  # asked before any row is sent
        # Every row rendered and guarded before anything is sent: a bad one is this request's
        # 4xx, naming it. Nothing is kept: the rows are read again when the job sends them.
        for _ in rendered(self._vault, plan):
            plan.rows += 1
        if plan.rows == 0:
            raise InvalidRequest(
                f"dataset {version.dataset_id} version {version.number} holds no rows",
                param="dataset",
            )
        return plan

    def work(
        self, plan: Plan, job: InferJob, *, record: InferRecorder, created: bool
    ) -> tuple[str, int, int]:
        """The job's body: send every row, store the answers, audit the lineage. Returns
        (dataset id, version, rows); raises `Stopped` for a job that ended early."""
        assert plan.target is not None
        outcome = Outcome()
        parts = self._vault.dataset_parts()
        tenant = plan.principal.tenant
        if plan.options.mode == "online":
            answered = send_online(self._vault, plan, job, outcome)
        else:
            answered = send_batch(self._vault, plan, job, outcome, poll=self._poll)
        version: VersionInfo | None = None
        try:
            version = store_answers(self._vault, plan, answered, outcome)
        except BaseException as exc:
            outcome.stop = outcome.stop or exc
        if version is None and created:
            parts.catalog.delete_dataset_if_empty(tenant, plan.target.id)
        state = "succeeded" if outcome.stop is None else "stopped"
        details = {
            **lineage(plan, job_id=job.id),
            **counts(outcome),
            "state": state,
            **({"output": f"{plan.target.id}/v{version.number}"} if version else {}),
            **({"error": getattr(outcome.stop, "code", "cancelled")} if outcome.stop else {}),
        }
        object_id = f"{plan.target.id}/v{version.number}" if version else plan.target.id
        record(
            "dataset.infer.finish", "ok" if outcome.stop is None else "error", object_id, details
        )
        if outcome.stop is not None:
            raise Stopped(
                outcome.stop,
                dataset_id=plan.target.id,
                version=version.number if version else None,
                rows=outcome.rows if version else 0,
            )
        assert version is not None
        return plan.target.id, version.number, outcome.rows
