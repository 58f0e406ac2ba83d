"""Rows sent online: chat completions, concurrency requests in flight, answers kept in row order."""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from vault.errors import UpstreamError, VaultError
from vault.services.infer.answers import COUNT_LOCK, content, guarded
from vault.services.infer.plan import InferParts, Outcome, Plan, Rendered, Row, upstream
from vault.services.infer.template import rendered
from vault.services.upload_job import JobCancelled, UploadJob


def send_online(
    vault: InferParts, plan: Plan, job: UploadJob, outcome: Outcome
) -> Iterator[tuple[Row, str]]:
    """Rows with their answers, in order, `concurrency` requests in flight. A cancel, or
    an upstream that fails past its retries, stops the sending; what was answered is kept."""
    window: deque[tuple[Rendered, Future[tuple[str, str | None]]]] = deque()
    ahead = plan.options.concurrency * 2
    with ThreadPoolExecutor(plan.options.concurrency, thread_name_prefix="vault-infer") as pool:
        try:
            for item in rendered(vault, plan):
                window.append((item, pool.submit(_ask, vault, plan, item.payload, outcome)))
                while len(window) >= ahead or (window and window[0][1].done()):
                    yield _answered(window.popleft(), outcome)
                    job.rows(outcome.rows)
            while window:
                yield _answered(window.popleft(), outcome)
                job.rows(outcome.rows)
        except JobCancelled as exc:
            outcome.stop = exc
            try:  # what is in flight was sent: its answers are kept
                while window:
                    yield _answered(window.popleft(), outcome)
            except Exception as cut:
                outcome.stop = cut if isinstance(cut, VaultError) else exc
        except Exception as exc:
            outcome.stop = exc
        finally:
            for _, future in window:
                future.cancel()


def _ask(vault: InferParts, plan: Plan, payload: bytes, outcome: Outcome) -> tuple[str, str | None]:
    """One row's answer (tokenized), or the upstream's error code for a row it refused.
    An upstream that is unavailable, or fails past its retries, raises."""
    limiter = vault.rate_limiter
    key_id = plan.principal.key_id
    while (wait := limiter.check_tokens(key_id)) > 0:
        time.sleep(min(wait, 1.0))
    try:
        answer = upstream(vault).chat(payload)
    except UpstreamError as exc:
        if 400 <= exc.status < 500 and exc.status != 429:
            return "", _upstream_code(exc)
        raise
    body = answer.json if isinstance(answer.json, dict) else {}
    usage = body.get("usage")
    if isinstance(usage, dict) and isinstance(usage.get("total_tokens"), int):
        limiter.spend_tokens(key_id, usage["total_tokens"])
        with COUNT_LOCK:
            outcome.tokens += usage["total_tokens"]
    return guarded(vault, plan, content(body), outcome), None


def _answered(
    entry: tuple[Rendered, Future[tuple[str, str | None]]], outcome: Outcome
) -> tuple[Row, str]:
    item, future = entry
    text, error = future.result()
    if error is None:
        outcome.answered += 1
    else:
        outcome.errors[error] += 1
    return item.row, text


def _upstream_code(exc: UpstreamError) -> str:
    """The error code the upstream gave (an identifier, as Groq's are), else a generic one."""
    error = exc.body.get("error") if isinstance(exc.body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    if isinstance(code, str) and re.fullmatch(r"[a-z0-9_]{1,64}", code):
        return code
    return "upstream_error"
