"""A key the chat grammar does not know is walked even when its value is null: it goes upstream."""

from __future__ import annotations

from typing import Any

import pytest

from vault.domain.policy import RequestPolicy
from vault.errors import InvalidRequest
from vault.services.chat.request import SlotKind, walk_request


def key_slots(body: dict[str, Any], policy: RequestPolicy | None = None) -> list[str]:
    walked = walk_request(body, policy or RequestPolicy())
    return [slot.text for slot in walked.slots if slot.kind is SlotKind.KEY]


def message(**fields: Any) -> dict[str, Any]:
    return {"model": "llama-3.1-8b-instant", "messages": [{"role": "user", **fields}]}


def test_a_null_unknown_key_of_a_message_is_a_slot() -> None:
    assert key_slots(message(content="hi", **{"jane@example.com": None})) == ["jane@example.com"]


def test_null_known_fields_are_left_alone() -> None:
    assert key_slots(message(content="hi", name=None, tool_calls=None)) == []


def test_null_unknown_keys_of_parts_and_tool_calls_are_slots() -> None:
    body = message(
        content=[{"type": "text", "text": "hi", "Maria Garcia": None}],
        tool_calls=[
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "f", "arguments": "{}", "John Smith": None},
                "index": None,
                "+44 20 7946 0012": None,
            }
        ],
    )
    assert sorted(key_slots(body)) == ["+44 20 7946 0012", "John Smith", "Maria Garcia"]


def test_a_null_unknown_key_is_refused_when_the_policy_refuses_unknown_fields() -> None:
    with pytest.raises(InvalidRequest):
        walk_request(message(content="hi", extra=None), RequestPolicy(unknown_fields="reject"))
