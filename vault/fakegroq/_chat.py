"""What the fake Groq model says: request validation, the echo reply, tool calls, usage numbers."""

from __future__ import annotations

import json
import re
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "EMBEDDING_MODELS",
    "MODELS",
    "ChatRequestError",
    "Reply",
    "plan_reply",
    "split_text",
    "usage",
    "validate",
]

# The models the fake serves, as GET /openai/v1/models lists them (groq-api.md §7).
MODELS: dict[str, dict[str, Any]] = {
    model_id: {
        "id": model_id,
        "object": "model",
        "created": created,
        "owned_by": owner,
        "active": True,
        "context_window": context,
        "public_apps": None,
        "max_completion_tokens": max_out,
    }
    for model_id, owner, created, context, max_out in [
        ("llama-3.1-8b-instant", "Meta", 1693721698, 131072, 131072),
        ("llama-3.3-70b-versatile", "Meta", 1733447754, 131072, 32768),
        ("openai/gpt-oss-120b", "OpenAI", 1754408224, 131072, 65536),
        ("openai/gpt-oss-20b", "OpenAI", 1754407957, 131072, 65536),
        ("qwen/qwen3-32b", "Alibaba Cloud", 1748396646, 131072, 40960),
        ("whisper-large-v3", "OpenAI", 1693721698, 448, 448),
        ("whisper-large-v3-turbo", "OpenAI", 1728413088, 448, 448),
        ("nomic-embed-text-v1_5", "Nomic", 1714078800, 8192, 8192),
    ]
}
SPEECH_MODELS = frozenset({"whisper-large-v3", "whisper-large-v3-turbo"})
EMBEDDING_MODELS = frozenset({"nomic-embed-text-v1_5"})

_FIELDS = frozenset(
    [
        "model",
        "messages",
        "temperature",
        "top_p",
        "max_completion_tokens",
        "max_tokens",
        "stop",
        "seed",
        "stream",
        "stream_options",
        "n",
        "user",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "disable_tool_validation",
        "response_format",
        "reasoning_format",
        "include_reasoning",
        "reasoning_effort",
        "service_tier",
        "frequency_penalty",
        "presence_penalty",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "metadata",
        "documents",
        "citation_options",
        "search_settings",
        "compound_custom",
        "include_domains",
        "exclude_domains",
        "functions",
        "function_call",
    ]
)
_MESSAGE_FIELDS = {
    "system": {"role", "content", "name"},
    "developer": {"role", "content", "name"},
    "user": {"role", "content", "name"},
    "assistant": {"role", "content", "name", "tool_calls", "reasoning", "function_call"},
    "tool": {"role", "content", "tool_call_id", "name"},
    "function": {"role", "content", "name"},
}
_ID_ALPHABET = string.ascii_lowercase + string.digits


class ChatRequestError(Exception):
    """A request Groq would refuse with 400/404: the Groq error body fields."""

    def __init__(
        self, message: str, *, status: int = 400, code: str | None = None, param: str | None = None
    ) -> None:
        super().__init__(message)
        self.message, self.status, self.code, self.param = message, status, code, param


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def validate(body: Any) -> None:
    """Raise ChatRequestError for what Groq rejects: unknown fields, wrong types, n ≠ 1, ..."""
    if not isinstance(body, dict):
        raise ChatRequestError("'$' : value must be an object")
    for name in body:
        if name not in _FIELDS:
            hint = " did you mean 'stop'?" if name == "store" else ""
            raise ChatRequestError(f"property '{name}' is unsupported,{hint}".rstrip(","))
    if not isinstance(body.get("model"), str):
        raise ChatRequestError("'model' : value must be a string", param="model")
    if body["model"] not in MODELS or body["model"] in SPEECH_MODELS | EMBEDDING_MODELS:
        raise ChatRequestError(
            f"The model `{body['model']}` does not exist or you do not have access to it.",
            status=404,
            code="model_not_found",
        )
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ChatRequestError("'messages' : minimum number of items is 1", param="messages")
    for index, message in enumerate(messages):
        _validate_message(index, message)
    checks: dict[str, Callable[[Any], bool]] = {
        "stream": lambda v: isinstance(v, bool),
        "temperature": lambda v: _is_number(v) and 0 <= v <= 2,
        "top_p": lambda v: _is_number(v) and 0 <= v <= 1,
        "seed": _is_int,
        "max_tokens": lambda v: _is_int(v) and v > 0,
        "max_completion_tokens": lambda v: _is_int(v) and v > 0,
        "stop": lambda v: isinstance(v, str) or (isinstance(v, list) and len(v) <= 4),
        "user": lambda v: isinstance(v, str),
        "tools": lambda v: isinstance(v, list) and all(_valid_tool(t) for t in v),
        "tool_choice": lambda v: v in ("none", "auto", "required") or isinstance(v, dict),
        "parallel_tool_calls": lambda v: isinstance(v, bool),
        "response_format": lambda v: (
            isinstance(v, dict) and v.get("type") in ("text", "json_object", "json_schema")
        ),
        "stream_options": lambda v: isinstance(v, dict),
        "logprobs": lambda v: v is False,
    }
    for name, check in checks.items():
        value = body.get(name)
        if value is not None and not check(value):
            raise ChatRequestError(f"'{name}' : value is not valid", param=name)
    if body.get("n") not in (None, 1):
        raise ChatRequestError("'n' : number must be at most 1", param="n")
    limit = MODELS[body["model"]]["max_completion_tokens"]
    if (body.get("max_completion_tokens") or 0) > limit:
        raise ChatRequestError(
            f"`max_completion_tokens` must be less than or equal to `{limit}`",
            param="max_completion_tokens",
        )


def _validate_message(index: int, message: Any) -> None:
    where = f"'messages.{index}'"
    if not isinstance(message, dict) or message.get("role") not in _MESSAGE_FIELDS:
        raise ChatRequestError(f"{where} : discriminator property 'role' has invalid value")
    role = message["role"]
    for name in message:
        if name not in _MESSAGE_FIELDS[role]:
            raise ChatRequestError(
                f"{where} : for 'role:{role}' the following must be satisfied"
                f"[({where} : property '{name}' is unsupported)]"
            )
    content = message.get("content")
    if content is None and not (role == "assistant" and message.get("tool_calls")):
        raise ChatRequestError(f"{where} : property 'content' is missing")
    if content is not None and not isinstance(content, str | list):
        raise ChatRequestError(f"{where}.content : value must be a string or an array")
    for number, part in enumerate(content if isinstance(content, list) else []):
        if not isinstance(part, dict) or not isinstance(part.get("type"), str):
            raise ChatRequestError(f"{where}.content.{number} : value must be a content part")
        if part["type"] == "text" and not isinstance(part.get("text"), str):
            raise ChatRequestError(f"{where}.content.{number}.text : value must be a string")
    if role == "tool" and not isinstance(message.get("tool_call_id"), str):
        raise ChatRequestError(f"{where} : property 'tool_call_id' is missing")


def _valid_tool(tool: Any) -> bool:
    if not isinstance(tool, dict) or tool.get("type") not in ("function", "browser_search"):
        return False
    if tool["type"] != "function":
        return True
    function = tool.get("function")
    return isinstance(function, dict) and isinstance(function.get("name"), str)


def text_of(content: Any) -> str:
    """The text in a message's content: the string, or its text parts joined."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text"
        )
    return ""


@dataclass(frozen=True, slots=True)
class Reply:
    """What the model answers: text, or one tool call; and why it stopped."""

    content: str | None
    tool_call: dict[str, Any] | None
    finish_reason: str
    completion_tokens: int


def plan_reply(body: dict[str, Any]) -> Reply:
    """The deterministic answer to a validated request.

    The last message decides: a tool result → "Tool said: <result>"; a user message that names
    one of the request's tools (or any with tool_choice "required"/a named function) → a call
    to that tool with the message text as its first parameter; else "You said: <text>", as a
    JSON object `{"you_said": ...}` when response_format asks for JSON. max_tokens truncates.
    """
    last = body["messages"][-1]
    text = text_of(last.get("content"))
    tool = _chosen_tool(body, text) if last["role"] == "user" else None
    if tool is not None:
        function = tool["function"]
        properties = (function.get("parameters") or {}).get("properties") or {}
        argument = next(iter(properties), "input")
        arguments = json.dumps({argument: text})
        call = {
            "id": "".join(secrets.choice(_ID_ALPHABET) for _ in range(9)),
            "type": "function",
            "function": {"name": function["name"], "arguments": arguments},
        }
        return Reply(None, call, "tool_calls", _count(arguments))
    reply = f"Tool said: {text}" if last["role"] == "tool" else f"You said: {text}"
    if (body.get("response_format") or {}).get("type") in ("json_object", "json_schema"):
        reply = json.dumps({"you_said": text})
    words = split_text(reply, None)
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    if limit is not None and len(words) > limit:
        return Reply("".join(words[:limit]), None, "length", limit)
    return Reply(reply, None, "stop", len(words))


def _chosen_tool(body: dict[str, Any], text: str) -> dict[str, Any] | None:
    tools = [t for t in body.get("tools") or [] if t.get("type") == "function"]
    choice = body.get("tool_choice", "auto")
    if not tools or choice == "none":
        return None
    if isinstance(choice, dict):
        name = (choice.get("function") or {}).get("name")
        return next((t for t in tools if t["function"]["name"] == name), None)
    mentioned = next((t for t in tools if t["function"]["name"] in text), None)
    if mentioned is None and choice == "required":
        mentioned = tools[0]
    return dict(mentioned) if mentioned is not None else None


def split_text(text: str, size: int | None) -> list[str]:
    """Stream pieces: `size` characters each, or one word (with its trailing space) each."""
    if size is not None:
        return [text[i : i + size] for i in range(0, len(text), size)] or [""]
    return re.findall(r"\s*\S+\s*", text) or [text]


def _count(text: str) -> int:
    return max(1, len(text.split()))


def usage(body: dict[str, Any], completion_tokens: int) -> dict[str, Any]:
    """Groq's usage object, its key order included; timings are made up but consistent."""
    prompt = sum(_count(text_of(m.get("content"))) + 4 for m in body["messages"])
    prompt_time, completion_time = round(prompt * 1e-5, 6), round(completion_tokens * 4e-4, 6)
    return {
        "queue_time": 0.00012,
        "prompt_tokens": prompt,
        "prompt_time": prompt_time,
        "completion_tokens": completion_tokens,
        "completion_time": completion_time,
        "total_tokens": prompt + completion_tokens,
        "total_time": round(prompt_time + completion_time, 6),
    }
