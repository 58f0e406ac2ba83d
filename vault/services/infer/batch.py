"""Rows sent as a Groq batch: one uploaded file, the batch watched upstream, its output read."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from vault.domain.principal import Principal
from vault.errors import UpstreamError
from vault.ports import BatchObject
from vault.services.infer.answers import content, guarded
from vault.services.infer.plan import InferParts, Outcome, Plan, Row, upstream
from vault.services.infer.template import rendered
from vault.services.upload_job import JobCancelled, UploadJob

_BATCH_URL = "/v1/chat/completions"
_BATCH_DONE = frozenset({"completed", "failed", "expired", "cancelled"})
# How long a cancelled batch is waited for to stop upstream, so its partial output is kept.
_CANCEL_GRACE = 30.0


def send_batch(
    vault: InferParts, plan: Plan, job: UploadJob, outcome: Outcome, *, poll: float
) -> Iterator[tuple[Row, str]]:
    """Rows with their answers through a Groq batch: the rendered requests uploaded as one
    file, the batch watched until it ends, its output read back. A cancel cancels the batch
    upstream; whatever it had answered by then is kept."""
    llm = upstream(vault)
    principal = plan.principal
    lines = bytearray()
    for item in rendered(vault, plan):
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
        file_entry = _remember(vault, principal, "file", uploaded.json, lines=plan.rows)
        created = llm.create_batch(
            json.dumps(
                {
                    "input_file_id": file_entry.upstream_id,
                    "endpoint": _BATCH_URL,
                    "completion_window": "24h",
                }
            ).encode()
        )
        batch_entry = _remember(vault, principal, "batch", created.json, lines=plan.rows)
        outcome.batch_id, outcome.upstream_batch_id = batch_entry.id, batch_entry.upstream_id
        batch = _watch(vault, batch_entry.upstream_id, job, outcome, poll=poll)
        outcome.batch_status = str(batch.get("status"))
        for key in ("output_file_id", "error_file_id"):
            if isinstance(batch.get(key), str):
                _read_output(vault, plan, llm.file_content(batch[key]), answers, outcome)
        if outcome.batch_status in ("failed", "expired") and outcome.stop is None:
            ended = UpstreamError(f"the upstream batch {outcome.batch_status}", status=502)
            ended.code = f"batch_{outcome.batch_status}"
            outcome.stop = ended
    except Exception as exc:
        outcome.stop = outcome.stop or exc
    if not answers:
        return
    for item in rendered(vault, plan):
        if item.number in answers:
            text, error = answers[item.number]
            if error is None:
                outcome.answered += 1
            else:
                outcome.errors[error] += 1
            yield item.row, text


def _watch(
    vault: InferParts, upstream_id: str, job: UploadJob, outcome: Outcome, *, poll: float
) -> dict[str, Any]:
    """The batch once it has ended; a cancel of the job cancels it upstream first."""
    llm = upstream(vault)
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
        time.sleep(poll)


def _read_output(
    vault: InferParts,
    plan: Plan,
    raw: bytes,
    answers: dict[int, tuple[str, str | None]],
    outcome: Outcome,
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
            answers[number] = (guarded(vault, plan, content(body), outcome), None)
        else:
            # A line's error is Groq's: on the line (an expired request) or in its body.
            error = item.get("error")
            if not isinstance(error, dict) and isinstance(body, dict):
                error = body.get("error")
            code = error.get("code") if isinstance(error, dict) else None
            valid = isinstance(code, str) and re.fullmatch(r"[a-z0-9_]{1,64}", code)
            answers[number] = ("", code if valid and isinstance(code, str) else "batch_error")


def _remember(
    vault: InferParts, principal: Principal, kind: str, answer: Any, *, lines: int
) -> BatchObject:
    """The upstream's file or batch under a vault id, so the batch API shows it too."""
    upstream_id = answer.get("id") if isinstance(answer, dict) else None
    if not isinstance(upstream_id, str) or not upstream_id:
        raise UpstreamError("the upstream answered without an id", status=502)
    return vault.batch_objects.add(
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
