"""The chat request walk: closed fields refused precisely, every other string, key and long
number a slot, and a slot's rewrite lands exactly where the value stood."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vault.domain.policy import RequestPolicy
from vault.errors import InvalidRequest
from vault.services.chat.request import SlotKind, walk_request

TOKENIZE = RequestPolicy(unknown_fields="tokenize")
REJECT = RequestPolicy(unknown_fields="reject")
MARK = "PLANTED"


def _body(**extra: Any) -> dict[str, Any]:
    return {
        "model": "llama-3.3-70b-versatile",
        "messages": [{"role": "user", "content": "hi"}],
    } | extra


def _rewritten(body: dict[str, Any], policy: RequestPolicy = TOKENIZE) -> str:
    """The body after every slot holding MARK is rewritten, as JSON."""
    walked = walk_request(body, policy)
    for slot in walked.slots:
        if MARK in slot.text:
            slot.write(slot.text.replace(MARK, "TOKEN"))
    walked.finish()
    return json.dumps(body)


PLACES = {
    "stop": _body(stop=[f"{MARK} end"]),
    "metadata value": _body(metadata={"customer": MARK}),
    "metadata key": _body(metadata={MARK: 1}),
    "user": _body(user=MARK),
    "unknown field": _body(extra_field={"deep": [MARK]}),
    "unknown message key": _body(messages=[{"role": "user", "content": "hi", "note": MARK}]),
    "other part type": _body(
        messages=[{"role": "user", "content": [{"type": "input_text", "input_text": MARK}]}]
    ),
    "image URL": _body(
        messages=[
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": f"https://x.test/{MARK}.png"}}]}
        ]
    ),
    "tool schema key": _body(
        tools=[{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {MARK: {"type": "string"}}, "required": [MARK]}}}]
    ),
    "tool schema pattern and custom keyword": _body(
        tools=[{"type": "function", "function": {"name": "f", "parameters": {"pattern": MARK, "x-owner": MARK, "$comment": MARK}}}]
    ),
    "function name": _body(tools=[{"type": "function", "function": {"name": f"lookup_{MARK}"}}]),
    "tool choice": _body(tool_choice={"type": "function", "function": {"name": f"f_{MARK}"}}),
    "tool-call arguments key and value": _body(
        messages=[
            {"role": "assistant", "tool_calls": [{"id": f"call_{MARK}", "type": "function", "function": {"name": "f", "arguments": json.dumps({MARK: MARK})}}]}
        ]
    ),
    "response format": _body(
        response_format={"type": "json_schema", "json_schema": {"name": f"n_{MARK}", "schema": {"properties": {MARK: {}}}}}
    ),
    "data URL": _body(
        messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:text/plain," + MARK}}]}]
    ),
}  # fmt: skip


@pytest.mark.parametrize("place", PLACES)
def test_every_place_that_can_hold_data_is_a_slot(place: str) -> None:
    out = _rewritten(PLACES[place])
    assert MARK not in out
    assert "TOKEN" in out


def test_identifier_numbers_are_slots_and_short_ones_are_not() -> None:
    walked = walk_request(_body(metadata={"phone": 4155550132, "count": 3}), TOKENIZE)
    numbers = [slot for slot in walked.slots if slot.kind is SlotKind.NUMBER]
    assert [(s.text, s.view) for s in numbers] == [("4155550132", "phone: 4155550132")]


def test_a_seed_never_leaves_as_given() -> None:
    walked = walk_request(_body(seed=4111111111111111), TOKENIZE)
    assert walked.stand_ins == [(walked.stand_ins[0][0], "seed")]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (_body(model="john smith"), "model"),
        (_body(model="x" * 257), "model"),
        (_body(messages=[]), "messages"),
        (_body(messages=[{"role": ["user"]}]), "messages.0.role"),
        (_body(temperature=3), "temperature"),
        (_body(tools={"a": 1}), "tools"),
        (_body(messages=[{"role": "assistant", "tool_calls": {"a": 1}}]), "messages.0.tool_calls"),
        (_body(logit_bias={"4111111111111111": 1}), "logit_bias.<key>"),
        (_body(seed="42"), "seed"),
        (_body(reasoning_effort="max"), "reasoning_effort"),
        (_body(stop=[1]), "stop"),
    ],
)
def test_closed_fields_are_refused_naming_the_path(body: dict[str, Any], param: str) -> None:
    with pytest.raises(InvalidRequest) as refused:
        walk_request(body, TOKENIZE)
    assert refused.value.param == param


def test_unknown_fields_are_refused_by_policy_without_naming_a_key_that_could_be_data() -> None:
    with pytest.raises(InvalidRequest) as refused:
        walk_request(_body(**{"jane@example.com": 1}), REJECT)
    assert refused.value.param == "(key)"
    assert "jane" not in str(refused.value)
    with pytest.raises(InvalidRequest) as named:
        walk_request(_body(extra_field=1), REJECT)
    assert named.value.param == "extra_field"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(extra=st.dictionaries(st.text(max_size=10), _JSON, max_size=4))
def test_any_extra_json_is_walked_or_refused_never_crashed(extra: dict[str, Any]) -> None:
    body = _body() | extra
    try:
        walked = walk_request(body, TOKENIZE)
    except InvalidRequest as refused:
        refusal = refused
    else:
        refusal = None
    if refusal is not None:
        assert refusal.param  # a refusal always names the field
        return
    for slot in walked.slots:
        slot.write(slot.text)
    walked.finish()
    json.dumps(body)
