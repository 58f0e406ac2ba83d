"""What the model wrote: read from a completion, guarded (made-up PII tokenized) for storage."""

from __future__ import annotations

import threading
from typing import Any

from vault.services.chat.answers import AnswerGuard
from vault.services.infer.plan import InferParts, Outcome, Plan

COUNT_LOCK = threading.Lock()


def content(completion: dict[str, Any]) -> str:
    """The first choice's message text of a completion, or "" when it has none."""
    choices = completion.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return ""
    message = choices[0].get("message")
    content = message.get("content") if isinstance(message, dict) else None
    return content if isinstance(content, str) else ""


def guarded(vault: InferParts, plan: Plan, text: str, outcome: Outcome) -> str:
    """What the model wrote, as it may be stored: PII it made up tokenized."""
    if not text:
        return text
    guard = AnswerGuard(vault.anonymizer, plan.principal.tenant, ())
    stored, _ = guard.whole(text, [])
    if guard.counts:
        with COUNT_LOCK:
            outcome.guarded.update(guard.counts)
    return stored
