"""Prompts over a stored dataset, as a job: each row of an anonymized version rendered into a
prompt, sent to the model online or as a Groq batch, the answers written as a new version of a
derived dataset with its lineage.

Rows are read as they are stored, already tokenized: nothing is detected again, but every
payload is read by the chat door's outbound guard before it leaves. The template's own text is
the caller's, so it is tokenized once, like any text sent. What the model writes is stored
through the answer guard (PII it made up tokenized), never restored: the derived version is
tokenized like every version, and its re-identified view is read like any other.

A template field is a CSV column, a JSON key or a Parquet column, or a dotted path into nested
JSON objects or Parquet structs. CSV and JSONL versions are read line by line; a Parquet one
row group by row group (spooled sealed, as uploads are), and its answers are written as Parquet
with the source's schema, metadata, codec and row groups plus the output column (a string).

Everything the caller can get wrong is refused before anything is sent, each a 4xx naming the
field (and the row): an unknown option, a template field no column has, a model the upstream
does not serve, a bad `max_rows`. A job cancelled (or cut by the upstream) midway keeps the rows
it had answered as its version and says so.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import string
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from vault.crypto import read_header, seal_stream
from vault.domain.audit import validate_details
from vault.domain.ids import is_dataset_id
from vault.domain.jobs import JobInfo
from vault.domain.policy import AccessPolicy, Action
from vault.domain.principal import Principal
from vault.errors import (
    InvalidRequest,
    NotFound,
    PermissionDenied,
    UpstreamError,
    UpstreamUnavailable,
    VaultError,
)
from vault.ports import (
    BatchObject,
    BatchObjects,
    DatasetInfo,
    JobStore,
    LlmClient,
    VersionInfo,
)
from vault.services.anonymize import Anonymizer
from vault.services.chat import ChatRedactor
from vault.services.chat.answers import AnswerGuard
from vault.services.dataset_formats import decode_lines
from vault.services.dataset_parquet import ParquetLayout, has_field, parquet_blocks, parquet_rows
from vault.services.failures import failure_details
from vault.services.ingest_dataset import DatasetParts, dataset_context, require_dataset
from vault.services.read_dataset import open_version, read_version
from vault.services.upload_job import JobAudit, JobCancelled, JobRunner, UploadJob

__all__ = [
    "InferDataset",
    "InferJob",
    "InferOptions",
    "InferParts",
    "InferRecorder",
    "Started",
    "parse_options",
    "parse_template",
]

MODES = ("online", "batch")
MAX_CONCURRENCY = 32
MAX_ROWS = 1_000_000
_OPTIONS = frozenset(
    {
        "model",
        "template",
        "output_column",
        "mode",
        "concurrency",
        "max_rows",
        "name",
        "output_dataset_id",
        "max_tokens",
        "temperature",
    }
)
_MODEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")
_MAX_TEMPLATE = 16 * 1024
_MAX_COLUMN = 128
_MAX_NAME = 256
_BLOCK = 64 * 1024
_BATCH_URL = "/v1/chat/completions"
_BATCH_DONE = frozenset({"completed", "failed", "expired", "cancelled"})
# How long a cancelled batch is waited for to stop upstream, so its partial output is kept.
_CANCEL_GRACE = 30.0

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


# -- the request ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InferOptions:
    """One inference request over a dataset version, validated."""

    model: str
    template: str
    output_column: str = "answer"
    mode: str = "online"
    concurrency: int = 4
    max_rows: int | None = None
    name: str | None = None
    output_dataset_id: str | None = None
    max_tokens: int | None = None
    temperature: float | None = None


def _integer(body: dict[str, Any], key: str, low: int, high: int) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidRequest(f"{key} must be an integer from {low} to {high}", param=key)
    return value


def parse_options(body: Any) -> InferOptions:
    """The request body as options; InvalidRequest naming the field at fault."""
    if not isinstance(body, dict):
        raise InvalidRequest("request body must be a JSON object")
    unknown = sorted(set(body) - _OPTIONS)
    if unknown:
        shown = unknown[0][:64] if unknown[0].isidentifier() else "(a field)"
        raise InvalidRequest(
            f"unknown field {shown}: an inference takes " + ", ".join(sorted(_OPTIONS)),
            param=shown if unknown[0].isidentifier() else None,
        )
    model = body.get("model")
    if not isinstance(model, str) or not _MODEL.fullmatch(model):
        raise InvalidRequest("model must be a model id such as llama-3.1-8b-instant", param="model")
    template = body.get("template")
    if not isinstance(template, str) or not template.strip():
        raise InvalidRequest("template must be a non-empty string", param="template")
    if len(template) > _MAX_TEMPLATE:
        raise InvalidRequest(
            f"template is longer than {_MAX_TEMPLATE} characters", param="template"
        )
    output = body.get("output_column", "answer")
    if not isinstance(output, str) or not output.strip() or len(output) > _MAX_COLUMN:
        raise InvalidRequest(
            f"output_column must be a column name of 1 to {_MAX_COLUMN} characters",
            param="output_column",
        )
    mode = body.get("mode", "online")
    if mode not in MODES:
        raise InvalidRequest("mode must be 'online' or 'batch'", param="mode")
    concurrency = _integer(body, "concurrency", 1, MAX_CONCURRENCY)
    max_rows = _integer(body, "max_rows", 1, MAX_ROWS)
    max_tokens = _integer(body, "max_tokens", 1, 131_072)
    temperature = body.get("temperature")
    if temperature is not None and (
        isinstance(temperature, bool)
        or not isinstance(temperature, int | float)
        or not 0 <= temperature <= 2
    ):
        raise InvalidRequest("temperature must be a number from 0 to 2", param="temperature")
    name = body.get("name")
    if name is not None and (not isinstance(name, str) or not 0 < len(name.strip()) <= _MAX_NAME):
        raise InvalidRequest(f"name must be 1 to {_MAX_NAME} characters", param="name")
    target = body.get("output_dataset_id")
    if target is not None and not is_dataset_id(target):
        raise InvalidRequest("output_dataset_id must be a dataset id", param="output_dataset_id")
    if target is not None and name is not None:
        raise InvalidRequest(
            "give name (a new dataset) or output_dataset_id (its next version), not both",
            param="name",
        )
    return InferOptions(
        model=model,
        template=template,
        output_column=output,
        mode=mode,
        concurrency=concurrency or 4,
        max_rows=max_rows,
        name=name.strip() if isinstance(name, str) else None,
        output_dataset_id=target,
        max_tokens=max_tokens,
        temperature=float(temperature) if temperature is not None else None,
    )


def parse_template(template: str) -> list[tuple[str, str | None]]:
    """`"Classify: {notes}"` as [(literal text, field name or None)]; `{{` and `}}` are
    braces. InvalidRequest for a template Python's format grammar refuses, an empty `{}`, or a
    format spec or conversion (a field is a column name, nothing more)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise InvalidRequest(f"template is not valid: {exc}", param="template") from None
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (not name.strip() or spec or conversion):
            raise InvalidRequest(
                "template fields must name a column, as {notes}: no empty {}, format specs "
                "or conversions",
                param="template",
            )
        pieces.append((literal, name))
    if not any(name for _, name in pieces):
        raise InvalidRequest("template names no column, as {notes}", param="template")
    return pieces


def _shown(name: str) -> str:
    """A field name as an error may echo it: short, printable."""
    clean = "".join(c if c.isprintable() else "?" for c in name)
    return clean[:64] + ("…" if len(clean) > 64 else "")


# -- rows of a stored version -----------------------------------------------------------------


def _stored_rows(
    fmt: str, chunks: Iterable[bytes]
) -> tuple[list[str] | None, Iterator[Row], ParquetLayout | None]:
    """The version's columns (CSV, Parquet; None for JSONL and text), its rows as stored
    (tokens), and a Parquet version's layout."""
    if fmt == "parquet":
        layout, records = parquet_rows(chunks)
        return layout.columns, records, layout
    lines = decode_lines(chunks)
    if fmt == "csv":
        reader = csv.reader(lines, strict=True)
        header = next(reader, None)
        if header is None:
            return [], iter(()), None
        return header, (dict(zip(header, row, strict=False)) for row in reader), None
    if fmt == "jsonl":
        return None, (json.loads(line) for line in lines if line.strip()), None
    return None, ({"text": line.rstrip("\n")} for line in lines if line.strip()), None


def _value(row: Row, name: str) -> Any:
    """The field `name` of a row: a column, a JSON key, or a dotted path into nested objects."""
    if name in row:
        return row[name]
    value: Any = row
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(name)
        value = value[part]
    return value


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, dict | list | tuple | bool | int | float):
        # A Parquet struct or list may hold dates or decimals: written as their text.
        return json.dumps(value, ensure_ascii=False, default=str)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)  # a Parquet date


@dataclass
class _Plan:
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
class _Rendered:
    number: int  # the row's number in the version, from 1
    row: Row
    payload: bytes


@dataclass
class _Outcome:
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


@dataclass(frozen=True, slots=True)
class Started:
    """An inference job just begun: the job, the derived dataset and how many rows it sends.
    `work()` runs it in the caller's thread when `start` was asked not to run it."""

    job: InferJob
    dataset_id: str
    rows_total: int
    source: str
    work: Callable[[], tuple[str, int, int]]


class _Stopped(JobCancelled):
    """A job that ended before its last row, its version holding the rows done (or none)."""

    def __init__(self, reason: BaseException, *, dataset_id: str, version: int | None, rows: int):
        super().__init__()
        self.reason = reason
        self.dataset_id = dataset_id
        self.version = version
        self.rows = rows


class InferJob(UploadJob):
    """An inference job: begun when its request is accepted, its rows counted as answered. A
    job stopped midway (cancelled, interrupted, or cut by the upstream) ends with the version
    that holds what was done, and its message says how much that was."""

    def __init__(self, store: JobStore, *, dataset_id: str, rows_total: int, **kwargs: Any):
        super().__init__(store, **kwargs)
        self._template = replace(self._template, dataset_id=dataset_id)
        self.rows_total = rows_total
        self._stopped_by_server = False

    def begin(self) -> None:
        self._begin()

    def interrupt(self) -> None:
        self._stopped_by_server = True
        super().interrupt()

    def fail(self, exc: BaseException) -> JobInfo:
        if not isinstance(exc, _Stopped):
            return super().fail(exc)
        self.error = exc
        self.rows_done = exc.rows
        kept = (
            f"version {exc.version} holds the {exc.rows} of {self.rows_total} rows done"
            if exc.version is not None
            else f"no row of {self.rows_total} was done, so no version was stored"
        )
        fields: dict[str, Any] = {"dataset_id": exc.dataset_id, "version": exc.version}
        if isinstance(exc.reason, JobCancelled) and not self._stopped_by_server:
            return self._finish(
                "cancelled", error_code="cancelled", error_message=f"cancelled; {kept}", **fields
            )
        if isinstance(exc.reason, JobCancelled):
            code, why = "interrupted", "the job was interrupted (its server stopped)"
        elif isinstance(exc.reason, VaultError):
            code, why = exc.reason.code, exc.reason.message
        else:
            code, why = "internal_error", f"the inference failed ({type(exc.reason).__name__})"
        return self._finish("failed", error_code=code, error_message=f"{why}; {kept}", **fields)


# -- the use case -----------------------------------------------------------------------------


class InferDataset:
    """Inference over stored datasets for one wired vault. `start` blocks (call it from a
    worker thread) and raises VaultError subclasses only; the job then runs in its own thread."""

    def __init__(self, vault: InferParts, *, poll_seconds: float = 1.0) -> None:
        self._vault = vault
        self._poll = poll_seconds

    def _upstream(self) -> LlmClient:
        if self._vault.llm is None:
            raise UpstreamUnavailable("no LLM upstream is configured: set GROQ_API_KEY")
        return self._vault.llm

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
                tenant=principal.tenant, name=name[:_MAX_NAME], created_by=principal.key_id
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
            audit=lambda job_id: _job_audit(record, job_id),
        )
        try:
            job.begin()
        except BaseException:
            if created:
                parts.catalog.delete_dataset_if_empty(principal.tenant, target.id)
            raise
        record("dataset.infer", "ok", plan.source_ref, self._lineage(plan, job_id=job.id))
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
    ) -> _Plan:
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
        plan = _Plan(
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
        self._check_model(options.model)
        # Every row rendered and guarded before anything is sent: a bad one is this request's
        # 4xx, naming it. Nothing is kept: the rows are read again when the job sends them.
        for _ in self._rendered(plan):
            plan.rows += 1
        if plan.rows == 0:
            raise InvalidRequest(
                f"dataset {version.dataset_id} version {version.number} holds no rows",
                param="dataset",
            )
        return plan

    def _check_model(self, model: str) -> None:
        """The upstream must serve `model`: asked before any row is sent."""
        try:
            self._upstream().get_model(model)
        except UpstreamError as exc:
            if exc.status in (400, 404):
                raise InvalidRequest(
                    "model is not one the upstream serves (GET /openai/v1/models lists them)",
                    code="model_not_found",
                    param="model",
                ) from None
            raise

    def _rendered(self, plan: _Plan) -> Iterator[_Rendered]:
        """Each row to send, rendered and read by the outbound guard; the version's columns in
        `plan.columns`. InvalidRequest naming the field and the row for a field a row lacks."""
        parts = self._vault.dataset_parts()
        principal = plan.principal
        chunks = read_version(parts, principal, plan.version)
        columns, rows, layout = _stored_rows(plan.version.format, chunks)
        plan.columns, plan.layout = columns, layout
        fields = [name for _, name in plan.pieces if name is not None]
        output = plan.options.output_column
        if columns is not None:
            missing = [
                name
                for name in fields
                if not (has_field(layout.schema, name) if layout else name in columns)
            ]
            if missing:
                raise InvalidRequest(
                    f"template names column {_shown(missing[0])!r}, which the version does not "
                    "have; its columns: " + ", ".join(_shown(c) for c in columns),
                    code="unknown_column",
                    param="template",
                )
            if output in columns:
                raise InvalidRequest(
                    f"output_column {_shown(output)!r} is a column of the version already",
                    param="output_column",
                )
        redactor = self._vault.chat_redactor
        limit = plan.options.max_rows
        for number, row in enumerate(rows, start=1):
            if limit is not None and number > limit:
                return
            if not isinstance(row, dict):
                raise InvalidRequest(f"row {number} is not a JSON object", param="dataset")
            if columns is None and output in row:
                raise InvalidRequest(
                    f"output_column {_shown(output)!r} is a field of row {number} already",
                    param="output_column",
                )
            prompt = []
            for literal, name in plan.pieces:
                prompt.append(literal)
                if name is None:
                    continue
                try:
                    prompt.append(_as_text(_value(row, name)))
                except KeyError:
                    raise InvalidRequest(
                        f"template names field {_shown(name)!r}, which row {number} does not have",
                        code="unknown_column",
                        param="template",
                    ) from None
            payload = _payload(plan.options, "".join(prompt))
            try:
                redactor.check_outbound(principal.tenant, payload.decode())
            except VaultError as exc:
                exc.message = f"row {number}: {exc.message}"
                exc.args = (exc.message,)
                raise
            yield _Rendered(number, row, payload)

    # -- the job ----------------------------------------------------------------------------

    def work(
        self, plan: _Plan, job: InferJob, *, record: InferRecorder, created: bool
    ) -> tuple[str, int, int]:
        """The job's body: send every row, store the answers, audit the lineage. Returns
        (dataset id, version, rows); raises `_Stopped` for a job that ended early."""
        assert plan.target is not None
        outcome = _Outcome()
        parts = self._vault.dataset_parts()
        tenant = plan.principal.tenant
        if plan.options.mode == "online":
            answered = self._online(plan, job, outcome)
        else:
            answered = self._batch(plan, job, outcome)
        version: VersionInfo | None = None
        try:
            version = self._store(plan, answered, outcome)
        except BaseException as exc:
            outcome.stop = outcome.stop or exc
        if version is None and created:
            parts.catalog.delete_dataset_if_empty(tenant, plan.target.id)
        state = "succeeded" if outcome.stop is None else "stopped"
        details = {
            **self._lineage(plan, job_id=job.id),
            **self._counts(outcome),
            "state": state,
            **({"output": f"{plan.target.id}/v{version.number}"} if version else {}),
            **({"error": getattr(outcome.stop, "code", "cancelled")} if outcome.stop else {}),
        }
        object_id = f"{plan.target.id}/v{version.number}" if version else plan.target.id
        record(
            "dataset.infer.finish", "ok" if outcome.stop is None else "error", object_id, details
        )
        if outcome.stop is not None:
            raise _Stopped(
                outcome.stop,
                dataset_id=plan.target.id,
                version=version.number if version else None,
                rows=outcome.rows if version else 0,
            )
        assert version is not None
        return plan.target.id, version.number, outcome.rows

    def _online(self, plan: _Plan, job: InferJob, outcome: _Outcome) -> Iterator[tuple[Row, str]]:
        """Rows with their answers, in order, `concurrency` requests in flight. A cancel, or
        an upstream that fails past its retries, stops the sending; what was answered is kept."""
        window: deque[tuple[_Rendered, Future[tuple[str, str | None]]]] = deque()
        ahead = plan.options.concurrency * 2
        with ThreadPoolExecutor(plan.options.concurrency, thread_name_prefix="vault-infer") as pool:
            try:
                for item in self._rendered(plan):
                    window.append((item, pool.submit(self._ask, plan, item.payload, outcome)))
                    while len(window) >= ahead or (window and window[0][1].done()):
                        yield self._answered(window.popleft(), outcome)
                        job.rows(outcome.rows)
                while window:
                    yield self._answered(window.popleft(), outcome)
                    job.rows(outcome.rows)
            except JobCancelled as exc:
                outcome.stop = exc
                try:  # what is in flight was sent: its answers are kept
                    while window:
                        yield self._answered(window.popleft(), outcome)
                except Exception as cut:
                    outcome.stop = cut if isinstance(cut, VaultError) else exc
            except Exception as exc:
                outcome.stop = exc
            finally:
                for _, future in window:
                    future.cancel()

    def _ask(self, plan: _Plan, payload: bytes, outcome: _Outcome) -> tuple[str, str | None]:
        """One row's answer (tokenized), or the upstream's error code for a row it refused.
        An upstream that is unavailable, or fails past its retries, raises."""
        limiter = self._vault.rate_limiter
        key_id = plan.principal.key_id
        while (wait := limiter.check_tokens(key_id)) > 0:
            time.sleep(min(wait, 1.0))
        try:
            answer = self._upstream().chat(payload)
        except UpstreamError as exc:
            if 400 <= exc.status < 500 and exc.status != 429:
                return "", _upstream_code(exc)
            raise
        body = answer.json if isinstance(answer.json, dict) else {}
        usage = body.get("usage")
        if isinstance(usage, dict) and isinstance(usage.get("total_tokens"), int):
            limiter.spend_tokens(key_id, usage["total_tokens"])
            with _COUNT_LOCK:
                outcome.tokens += usage["total_tokens"]
        return self._guarded(plan, _content(body), outcome), None

    def _guarded(self, plan: _Plan, text: str, outcome: _Outcome) -> str:
        """What the model wrote, as it may be stored: PII it made up tokenized."""
        if not text:
            return text
        guard = AnswerGuard(self._vault.anonymizer, plan.principal.tenant, ())
        stored, _ = guard.whole(text, [])
        if guard.counts:
            with _COUNT_LOCK:
                outcome.guarded.update(guard.counts)
        return stored

    def _answered(
        self, entry: tuple[_Rendered, Future[tuple[str, str | None]]], outcome: _Outcome
    ) -> tuple[Row, str]:
        item, future = entry
        text, error = future.result()
        if error is None:
            outcome.answered += 1
        else:
            outcome.errors[error] += 1
        return item.row, text

    def _batch(self, plan: _Plan, job: InferJob, outcome: _Outcome) -> Iterator[tuple[Row, str]]:
        """Rows with their answers through a Groq batch: the rendered requests uploaded as one
        file, the batch watched until it ends, its output read back. A cancel cancels the batch
        upstream; whatever it had answered by then is kept."""
        llm = self._upstream()
        principal = plan.principal
        lines = bytearray()
        for item in self._rendered(plan):
            lines += (
                b'{"custom_id":"row-%d","method":"POST","url":"%s","body":'
                % (item.number, _BATCH_URL.encode())
                + item.payload
                + b"}\n"
            )
        answers: dict[int, tuple[str, str | None]] = {}
        try:
            uploaded = llm.upload_file(bytes(lines), filename="infer.jsonl", purpose="batch")
            del lines
            file_entry = self._remember(principal, "file", uploaded.json, lines=plan.rows)
            created = llm.create_batch(
                json.dumps(
                    {
                        "input_file_id": file_entry.upstream_id,
                        "endpoint": _BATCH_URL,
                        "completion_window": "24h",
                    }
                ).encode()
            )
            batch_entry = self._remember(principal, "batch", created.json, lines=plan.rows)
            outcome.batch_id, outcome.upstream_batch_id = batch_entry.id, batch_entry.upstream_id
            batch = self._watch(batch_entry.upstream_id, job, outcome)
            outcome.batch_status = str(batch.get("status"))
            for key in ("output_file_id", "error_file_id"):
                if isinstance(batch.get(key), str):
                    self._read_output(plan, llm.file_content(batch[key]), answers, outcome)
            if outcome.batch_status in ("failed", "expired") and outcome.stop is None:
                ended = UpstreamError(f"the upstream batch {outcome.batch_status}", status=502)
                ended.code = f"batch_{outcome.batch_status}"
                outcome.stop = ended
        except Exception as exc:
            outcome.stop = outcome.stop or exc
        if not answers:
            return
        for item in self._rendered(plan):
            if item.number in answers:
                text, error = answers[item.number]
                if error is None:
                    outcome.answered += 1
                else:
                    outcome.errors[error] += 1
                yield item.row, text

    def _watch(self, upstream_id: str, job: InferJob, outcome: _Outcome) -> dict[str, Any]:
        """The batch once it has ended; a cancel of the job cancels it upstream first."""
        llm = self._upstream()
        cancelled_at: float | None = None
        while True:
            batch = llm.get_batch(upstream_id).json
            batch = batch if isinstance(batch, dict) else {}
            counts = batch.get("request_counts")
            if isinstance(counts, dict) and isinstance(counts.get("completed"), int):
                job.rows_done = counts["completed"]
            if batch.get("status") in _BATCH_DONE:
                return batch
            if cancelled_at is not None and time.monotonic() - cancelled_at > _CANCEL_GRACE:
                return batch
            try:
                if cancelled_at is None:
                    job.rows(job.rows_done)
            except JobCancelled as exc:
                outcome.stop = exc
                cancelled_at = time.monotonic()
                llm.cancel_batch(upstream_id)
                continue
            time.sleep(self._poll)

    def _read_output(
        self,
        plan: _Plan,
        raw: bytes,
        answers: dict[int, tuple[str, str | None]],
        outcome: _Outcome,
    ) -> None:
        for line in raw.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            custom_id = item.get("custom_id") if isinstance(item, dict) else None
            if not isinstance(custom_id, str) or not custom_id.startswith("row-"):
                continue
            number = int(custom_id[4:]) if custom_id[4:].isdigit() else 0
            response = item.get("response")
            body = response.get("body") if isinstance(response, dict) else None
            status = response.get("status_code") if isinstance(response, dict) else None
            if isinstance(body, dict) and status in (None, 200) and "choices" in body:
                usage = body.get("usage")
                if isinstance(usage, dict) and isinstance(usage.get("total_tokens"), int):
                    outcome.tokens += usage["total_tokens"]
                answers[number] = (self._guarded(plan, _content(body), outcome), None)
            else:
                # A line's error is Groq's: on the line (an expired request) or in its body.
                error = item.get("error")
                if not isinstance(error, dict) and isinstance(body, dict):
                    error = body.get("error")
                code = error.get("code") if isinstance(error, dict) else None
                valid = isinstance(code, str) and re.fullmatch(r"[a-z0-9_]{1,64}", code)
                answers[number] = ("", code if valid and isinstance(code, str) else "batch_error")

    def _remember(self, principal: Principal, kind: str, answer: Any, *, lines: int) -> BatchObject:
        """The upstream's file or batch under a vault id, so the batch API shows it too."""
        upstream_id = answer.get("id") if isinstance(answer, dict) else None
        if not isinstance(upstream_id, str) or not upstream_id:
            raise UpstreamError("the upstream answered without an id", status=502)
        return self._vault.batch_objects.add(
            BatchObject(
                id=f"{kind}_{uuid.uuid4().hex}",
                tenant=principal.tenant,
                kind=kind,
                purpose="batch",
                upstream_id=upstream_id,
                created_by=principal.key_id,
                created_at=datetime.now(UTC),
                lines=lines,
            )
        )

    def _store(
        self, plan: _Plan, answered: Iterator[tuple[Row, str]], outcome: _Outcome
    ) -> VersionInfo | None:
        """The rows done as the target's next version, sealed as they come; None (and nothing
        stored) if no row was done."""
        assert plan.target is not None
        parts = self._vault.dataset_parts()
        principal = plan.principal
        first = next(answered, None)
        if first is None:
            return None
        rows = _chain(first, answered)
        columns = self._out_columns(plan)
        output = plan.options.output_column
        if plan.out_format == "parquet":
            assert plan.layout is not None
            body = parquet_blocks(plan.layout, rows, output)
        elif plan.out_format == "csv":
            body = _csv_blocks(columns, rows, output)
        else:
            body = _jsonl_blocks(rows, output)
        target = plan.target
        pending = parts.catalog.reserve_version(
            VersionInfo(
                dataset_id=target.id,
                tenant=principal.tenant,
                number=0,
                state="pending",
                object_key=f"{principal.tenant}/{target.id}/{uuid.uuid4().hex}",
                format=plan.out_format,
                policy=parts.anonymizer.policy.name,
                detector_version=parts.detector_version,
                uploaded_by=principal.key_id,
                created_at=datetime.now(UTC),
                parent_version=target.latest_version or None,
            )
        )
        stored = None
        digest = hashlib.sha256()
        size = 0

        def counted(chunks: Iterator[bytes]) -> Iterator[bytes]:
            nonlocal size
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                yield chunk

        try:
            sealed = seal_stream(
                body,
                keys=parts.keys,
                context=dataset_context(principal.tenant, target.id, pending.number),
            )
            header = next(sealed)
            stored = parts.store.put(pending.object_key, counted(sealed))
            report = {
                "rows": outcome.rows,
                "columns": columns,
                "lineage": {
                    **self._lineage(plan),
                    **self._counts(outcome),
                    "complete": outcome.stop is None,
                },
            }
            return parts.catalog.commit_version(
                replace(
                    pending,
                    object_version_id=stored.version_id,
                    size=stored.size,
                    sha256=digest.hexdigest(),
                    columns=columns,
                    report=report,
                    kms_key_id=read_header(header).key_id,
                    header=header,
                )
            )
        except BaseException:
            try:
                if stored is not None:
                    parts.store.delete_version(pending.object_key, stored.version_id)
            finally:
                parts.catalog.discard_version(target.id, pending.number)
            raise

    def _out_columns(self, plan: _Plan) -> list[str] | None:
        if plan.out_format not in ("csv", "parquet") or plan.columns is None:
            return None
        return [*plan.columns, plan.options.output_column]

    def _lineage(self, plan: _Plan, *, job_id: str | None = None) -> dict[str, Any]:
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

    def _counts(self, outcome: _Outcome) -> dict[str, Any]:
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


_COUNT_LOCK = threading.Lock()


def _job_audit(record: InferRecorder, job_id: str) -> JobAudit:
    def audit(action: str, outcome: str, details: dict[str, Any]) -> None:
        record(action, outcome, job_id, details)

    return audit


def _upstream_code(exc: UpstreamError) -> str:
    """The error code the upstream gave (an identifier, as Groq's are), else a generic one."""
    error = exc.body.get("error") if isinstance(exc.body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    if isinstance(code, str) and re.fullmatch(r"[a-z0-9_]{1,64}", code):
        return code
    return "upstream_error"


def _payload(options: InferOptions, prompt: str) -> bytes:
    body: dict[str, Any] = {
        "model": options.model,
        "messages": [{"role": "user", "content": prompt}],
    }
    if options.max_tokens is not None:
        body["max_tokens"] = options.max_tokens
    if options.temperature is not None:
        body["temperature"] = options.temperature
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _content(completion: dict[str, Any]) -> str:
    choices = completion.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return ""
    message = choices[0].get("message")
    content = message.get("content") if isinstance(message, dict) else None
    return content if isinstance(content, str) else ""


def _chain(first: tuple[Row, str], rest: Iterator[tuple[Row, str]]) -> Iterator[tuple[Row, str]]:
    yield first
    yield from rest


def _csv_blocks(
    columns: list[str] | None, rows: Iterator[tuple[Row, str]], output: str
) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = columns or [output]
    writer.writerow(header)
    for row, answer in rows:
        writer.writerow([*(row.get(name, "") for name in header[:-1]), answer])
        if buffer.tell() >= _BLOCK:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


def _jsonl_blocks(rows: Iterator[tuple[Row, str]], output: str) -> Iterator[bytes]:
    block: list[str] = []
    size = 0
    for row, answer in rows:
        line = json.dumps({**row, output: answer}, ensure_ascii=False) + "\n"
        block.append(line)
        size += len(line)
        if size >= _BLOCK:
            yield "".join(block).encode()
            block, size = [], 0
    if block:
        yield "".join(block).encode()
