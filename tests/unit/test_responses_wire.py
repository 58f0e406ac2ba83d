"""The Responses wire format rebuilt as a chat request, and a chat answer as a response."""

from __future__ import annotations

import pytest

from vault.errors import InvalidRequest
from vault.services.responses import chat_request, response_object


def test_instructions_items_tools_and_options_become_one_chat_request():
    understood = chat_request(
        {
            "model": "m",
            "instructions": "Be brief.",
            "input": [
                {"role": "developer", "content": [{"type": "input_text", "text": "Rules."}]},
                {"type": "message", "role": "user", "content": "Hi"},
                {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
                {"type": "function_call", "call_id": "c2", "name": "g", "arguments": "{}"},
                {"type": "function_call_output", "call_id": "c1", "output": "ok"},
            ],
            "tools": [{"type": "function", "name": "f", "parameters": {"type": "object"}}],
            "tool_choice": {"type": "function", "name": "f"},
            "text": {"format": {"type": "json_object"}},
            "max_output_tokens": 50,
            "temperature": 0.5,
            "stream": True,
        }
    )
    chat = understood.chat
    assert [m["role"] for m in chat["messages"]] == [
        "system",
        "system",
        "user",
        "assistant",
        "tool",
    ]
    assert chat["messages"][1]["content"] == [{"type": "text", "text": "Rules."}]
    assert [c["id"] for c in chat["messages"][3]["tool_calls"]] == ["c1", "c2"]
    assert chat["tools"] == [
        {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
    ]
    assert chat["tool_choice"] == {"type": "function", "function": {"name": "f"}}
    assert chat["response_format"] == {"type": "json_object"}
    assert chat["max_completion_tokens"] == 50 and chat["temperature"] == 0.5
    assert chat["stream"] is True and chat["stream_options"] == {"include_usage": True}
    assert understood.stream


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"input": 3}, "input"),
        ({"input": []}, "input"),
        ({"input": [{"role": "tool", "content": "x"}]}, "input[0].role"),
        (
            {"input": [{"role": "user", "content": [{"type": "input_file"}]}]},
            "input[0].content[0].type",
        ),
        ({"input": "x", "reasoning": {}}, "body.reasoning"),
        ({"input": "x", "tool_choice": "sometimes"}, "tool_choice"),
        ({"input": "x", "tools": [{"type": "function", "name": "f", "x": 1}]}, "tools[0].x"),
        ({"input": "x", "instructions": ["a"]}, "instructions"),
    ],
)
def test_what_is_not_understood_is_refused_naming_it(body: dict[str, object], param: str):
    with pytest.raises(InvalidRequest) as caught:
        chat_request({"model": "m", **body})
    assert caught.value.param == param


def test_a_chat_answer_becomes_a_response_object():
    understood = chat_request({"model": "m", "input": "Hi", "max_output_tokens": 3})
    completion = {
        "model": "m",
        "created": 1,
        "choices": [
            {
                "message": {
                    "content": "Hello",
                    "tool_calls": [
                        {
                            "id": "c1",
                            "type": "function",
                            "function": {"name": "f", "arguments": "{}"},
                        }
                    ],
                },
                "finish_reason": "length",
            }
        ],
        "usage": {"prompt_tokens": 2, "completion_tokens": 3, "total_tokens": 5},
    }
    response = response_object(completion, understood)
    assert response["object"] == "response" and response["status"] == "incomplete"
    assert response["incomplete_details"] == {"reason": "max_output_tokens"}
    message, call = response["output"]
    assert message["content"][0] == {"type": "output_text", "text": "Hello", "annotations": []}
    assert (call["type"], call["call_id"], call["name"]) == ("function_call", "c1", "f")
    assert response["usage"]["input_tokens"] == 2 and response["usage"]["total_tokens"] == 5
    assert response["max_output_tokens"] == 3
