"""The Responses API (`POST /openai/v1/responses`) at the chat door.

A Responses request is read whole and rebuilt as a chat request — instructions, text input or
input items (messages, function calls and their outputs), function tools, tool choice, text
format, sampling and token limits — and anything else is refused with a 400 naming its field,
so nothing is forwarded that the vault did not understand. The chat request then goes through
the chat door itself (`ProxyChat`: redact → guard → forward → restore → account → audit), and
its answer comes back as a response object, or as the Responses event stream.

The upstream is asked through its chat completions endpoint: what reaches it is exactly what the
chat door would send for the same conversation.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from vault.domain.audit import AuditEvent
from vault.domain.principal import Principal
from vault.domain.sse import encode_event
from vault.errors import InvalidRequest
from vault.ports import LlmStream
from vault.services.proxy_chat import Completed, Prepared, ProxyChat, Recorder

__all__ = ["ProxyResponses", "ResponsesRequest", "chat_request", "response_object"]

_TOP = frozenset(
    {
        "model",
        "input",
        "instructions",
        "tools",
        "tool_choice",
        "stream",
        "temperature",
        "top_p",
        "max_output_tokens",
        "parallel_tool_calls",
        "text",
        "store",
    }
)
_ROLES = {"user": "user", "system": "system", "developer": "system", "assistant": "assistant"}
_TEXT_PARTS = frozenset({"input_text", "output_text"})


def _refuse(where: str, what: str) -> InvalidRequest:
    return InvalidRequest(f"'{where}' {what}", param=where)


def _only(item: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    extra = sorted(set(item) - allowed)
    if extra:
        name = extra[0] if extra[0].isidentifier() and len(extra[0]) <= 64 else "(a field)"
        raise _refuse(f"{where}.{name}", "is not understood by this vault, so it is refused")


@dataclass
class ResponsesRequest:
    """A Responses request as understood: the chat body it becomes, and what the answer echoes."""

    chat: dict[str, Any]
    stream: bool
    echo: dict[str, Any] = field(default_factory=dict)


def _text_of(content: Any, where: str) -> str | list[dict[str, Any]]:
    if isinstance(content, str):
        return content
    if not isinstance(content, list) or not content:
        raise _refuse(where, "must be a string or a non-empty array of text parts")
    parts = []
    for index, part in enumerate(content):
        at = f"{where}[{index}]"
        if not isinstance(part, dict) or part.get("type") not in _TEXT_PARTS:
            raise _refuse(f"{at}.type", "must be input_text or output_text (others are refused)")
        _only(part, frozenset({"type", "text", "annotations"}), at)
        if not isinstance(part.get("text"), str):
            raise _refuse(f"{at}.text", "must be a string")
        if part.get("annotations"):
            raise _refuse(f"{at}.annotations", "are refused")
        parts.append({"type": "text", "text": part["text"]})
    return parts


def _messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    instructions = body.get("instructions")
    if instructions is not None:
        if not isinstance(instructions, str):
            raise _refuse("instructions", "must be a string")
        messages.append({"role": "system", "content": instructions})
    given = body.get("input")
    if isinstance(given, str):
        messages.append({"role": "user", "content": given})
        return messages
    if not isinstance(given, list) or not given:
        raise _refuse("input", "must be a string or a non-empty array of input items")
    for index, item in enumerate(given):
        where = f"input[{index}]"
        if not isinstance(item, dict):
            raise _refuse(where, "must be an object")
        kind = item.get("type", "message")
        if kind == "message":
            _only(item, frozenset({"type", "role", "content", "id", "status"}), where)
            role = _ROLES.get(item.get("role"))  # type: ignore[arg-type]
            if role is None:
                raise _refuse(f"{where}.role", "must be user, system, developer or assistant")
            content = _text_of(item.get("content"), f"{where}.content")
            if role == "assistant" and isinstance(content, list):
                content = "".join(part["text"] for part in content)
            messages.append({"role": role, "content": content})
        elif kind == "function_call":
            _only(item, frozenset({"type", "call_id", "name", "arguments", "id", "status"}), where)
            for key in ("call_id", "name", "arguments"):
                if not isinstance(item.get(key), str):
                    raise _refuse(f"{where}.{key}", "must be a string")
            call = {
                "id": item["call_id"],
                "type": "function",
                "function": {"name": item["name"], "arguments": item["arguments"]},
            }
            last = messages[-1] if messages else None
            if last is not None and last["role"] == "assistant" and "tool_calls" in last:
                last["tool_calls"].append(call)
            else:
                messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
        elif kind == "function_call_output":
            _only(item, frozenset({"type", "call_id", "output", "id", "status"}), where)
            if not isinstance(item.get("call_id"), str) or not isinstance(item.get("output"), str):
                raise _refuse(where, "needs call_id and output as strings")
            messages.append(
                {"role": "tool", "tool_call_id": item["call_id"], "content": item["output"]}
            )
        else:
            raise _refuse(f"{where}.type", "must be message, function_call or function_call_output")
    return messages


def _tools(tools: Any) -> list[dict[str, Any]]:
    if not isinstance(tools, list):
        raise _refuse("tools", "must be an array")
    out = []
    for index, tool in enumerate(tools):
        where = f"tools[{index}]"
        if not isinstance(tool, dict) or tool.get("type") != "function":
            raise _refuse(f"{where}.type", "must be function (built-in tools are refused)")
        _only(tool, frozenset({"type", "name", "description", "parameters", "strict"}), where)
        function = {
            k: tool[k] for k in ("name", "description", "parameters", "strict") if k in tool
        }
        out.append({"type": "function", "function": function})
    return out


def _tool_choice(choice: Any) -> Any:
    if choice in ("auto", "none", "required"):
        return choice
    if isinstance(choice, dict) and choice.get("type") == "function":
        _only(choice, frozenset({"type", "name"}), "tool_choice")
        if isinstance(choice.get("name"), str):
            return {"type": "function", "function": {"name": choice["name"]}}
    raise _refuse("tool_choice", "must be auto, none, required or a function by name")


def _response_format(text: Any) -> dict[str, Any] | None:
    if not isinstance(text, dict):
        raise _refuse("text", "must be an object")
    _only(text, frozenset({"format"}), "text")
    spec = text.get("format")
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise _refuse("text.format", "must be an object")
    kind = spec.get("type")
    if kind == "text":
        _only(spec, frozenset({"type"}), "text.format")
        return None
    if kind == "json_object":
        _only(spec, frozenset({"type"}), "text.format")
        return {"type": "json_object"}
    if kind == "json_schema":
        _only(spec, frozenset({"type", "name", "schema", "strict", "description"}), "text.format")
        schema = {k: spec[k] for k in ("name", "schema", "strict", "description") if k in spec}
        return {"type": "json_schema", "json_schema": schema}
    raise _refuse("text.format.type", "must be text, json_object or json_schema")


def chat_request(body: dict[str, Any]) -> ResponsesRequest:
    """The chat body a Responses request becomes; InvalidRequest naming the field for anything
    the vault does not understand (it is refused, never forwarded)."""
    _only(body, _TOP, "body")
    if body.get("store"):
        raise _refuse("store", "must be false: this vault keeps no responses")
    chat: dict[str, Any] = {"model": body.get("model"), "messages": _messages(body)}
    echo: dict[str, Any] = {}
    if "tools" in body:
        chat["tools"] = _tools(body["tools"])
        echo["tools"] = body["tools"]
    if "tool_choice" in body:
        chat["tool_choice"] = _tool_choice(body["tool_choice"])
        echo["tool_choice"] = body["tool_choice"]
    if "text" in body:
        response_format = _response_format(body["text"])
        if response_format is not None:
            chat["response_format"] = response_format
    for ours, theirs in (
        ("temperature", "temperature"),
        ("top_p", "top_p"),
        ("max_output_tokens", "max_completion_tokens"),
        ("parallel_tool_calls", "parallel_tool_calls"),
    ):
        if ours in body:
            chat[theirs] = body[ours]
            echo[ours] = body[ours]
    stream = bool(body.get("stream"))
    if stream:
        chat["stream"] = True
        chat["stream_options"] = {"include_usage": True}
    return ResponsesRequest(chat=chat, stream=stream, echo=echo)


def _usage(usage: Any) -> dict[str, Any] | None:
    if not isinstance(usage, dict):
        return None
    prompt = int(usage.get("prompt_tokens") or 0)
    completion = int(usage.get("completion_tokens") or 0)
    return {
        "input_tokens": prompt,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": completion,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": int(usage.get("total_tokens") or prompt + completion),
    }


def _message_item(item_id: str, text: str, status: str = "completed") -> dict[str, Any]:
    return {
        "type": "message",
        "id": item_id,
        "status": status,
        "role": "assistant",
        "content": [{"type": "output_text", "text": text, "annotations": []}],
    }


def _call_item(item_id: str, call: dict[str, Any], status: str = "completed") -> dict[str, Any]:
    function = call.get("function") or {}
    return {
        "type": "function_call",
        "id": item_id,
        "call_id": call.get("id") or item_id,
        "name": function.get("name") or "",
        "arguments": function.get("arguments") or "",
        "status": status,
    }


def _shell(
    response_id: str, model: str, created: int, request: ResponsesRequest, status: str
) -> dict[str, Any]:
    return {
        "id": response_id,
        "object": "response",
        "created_at": created,
        "status": status,
        "model": model,
        "output": [],
        "error": None,
        "incomplete_details": None,
        "instructions": None,
        "metadata": {},
        "parallel_tool_calls": request.echo.get("parallel_tool_calls", True),
        "temperature": request.echo.get("temperature"),
        "top_p": request.echo.get("top_p"),
        "max_output_tokens": request.echo.get("max_output_tokens"),
        "tool_choice": request.echo.get("tool_choice", "auto"),
        "tools": request.echo.get("tools", []),
        "text": {"format": {"type": "text"}},
        "usage": None,
    }


def _new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


def response_object(completion: Any, request: ResponsesRequest) -> dict[str, Any]:
    """A (restored) chat completion as a Responses response object."""
    completion = completion if isinstance(completion, dict) else {}
    choices = completion.get("choices") or [{}]
    choice = choices[0] if isinstance(choices[0], dict) else {}
    message = choice.get("message") or {}
    finish = choice.get("finish_reason")
    response = _shell(
        _new_id("resp"),
        str(completion.get("model") or request.chat.get("model")),
        int(completion.get("created") or time.time()),
        request,
        "incomplete" if finish == "length" else "completed",
    )
    if finish == "length":
        response["incomplete_details"] = {"reason": "max_output_tokens"}
    output: list[dict[str, Any]] = []
    if isinstance(message.get("content"), str) and message["content"]:
        output.append(_message_item(_new_id("msg"), message["content"]))
    for call in message.get("tool_calls") or []:
        if isinstance(call, dict):
            output.append(_call_item(_new_id("fc"), call))
    response["output"] = output
    response["usage"] = _usage(completion.get("usage"))
    return response


class _Events:
    """Chat chunks (restored) in, Responses stream events out, numbered in order."""

    def __init__(self, request: ResponsesRequest, model: str) -> None:
        self.request = request
        self.sequence = 0
        self.response = _shell(_new_id("resp"), model, int(time.time()), request, "in_progress")
        self.text: str | None = None
        self.text_id = _new_id("msg")
        self.text_index = -1
        self.calls: dict[int, tuple[int, dict[str, Any]]] = {}  # chat index → (output, item)
        self.items = 0
        self.usage: Any = None
        self.finish: str | None = None

    def event(self, kind: str, **fields: Any) -> bytes:
        data = {"type": kind, "sequence_number": self.sequence, **fields}
        self.sequence += 1
        return encode_event(json.dumps(data, ensure_ascii=False, separators=(",", ":")), event=kind)

    def start(self) -> list[bytes]:
        return [
            self.event("response.created", response=self.response),
            self.event("response.in_progress", response=self.response),
        ]

    def chunk(self, chunk: dict[str, Any]) -> list[bytes]:
        out: list[bytes] = []
        if isinstance(chunk.get("usage"), dict):
            self.usage = chunk["usage"]
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            self.finish = choice.get("finish_reason") or self.finish
            delta = choice.get("delta") or {}
            content = delta.get("content")
            if isinstance(content, str) and content:
                if self.text is None:
                    self.text, self.text_index = "", self.items
                    self.items += 1
                    out.append(
                        self.event(
                            "response.output_item.added",
                            output_index=self.text_index,
                            item={**_message_item(self.text_id, "", "in_progress"), "content": []},
                        )
                    )
                    out.append(
                        self.event(
                            "response.content_part.added",
                            item_id=self.text_id,
                            output_index=self.text_index,
                            content_index=0,
                            part={"type": "output_text", "text": "", "annotations": []},
                        )
                    )
                self.text += content
                out.append(
                    self.event(
                        "response.output_text.delta",
                        item_id=self.text_id,
                        output_index=self.text_index,
                        content_index=0,
                        delta=content,
                        logprobs=[],
                    )
                )
            for call in delta.get("tool_calls") or []:
                out += self._call(call)
        return out

    def _call(self, call: dict[str, Any]) -> list[bytes]:
        out: list[bytes] = []
        index = call.get("index", 0)
        function = call.get("function") or {}
        if index not in self.calls:
            item = _call_item(_new_id("fc"), call, "in_progress")
            item["arguments"] = ""
            self.calls[index] = (self.items, item)
            self.items += 1
            out.append(
                self.event("response.output_item.added", output_index=self.items - 1, item=item)
            )
        output_index, item = self.calls[index]
        piece = function.get("arguments")
        if isinstance(piece, str) and piece:
            item["arguments"] += piece
            out.append(
                self.event(
                    "response.function_call_arguments.delta",
                    item_id=item["id"],
                    output_index=output_index,
                    delta=piece,
                )
            )
        return out

    def end(self) -> list[bytes]:
        out: list[bytes] = []
        output: list[tuple[int, dict[str, Any]]] = []
        if self.text is not None:
            part = {"type": "output_text", "text": self.text, "annotations": []}
            item = _message_item(self.text_id, self.text)
            common = {"item_id": self.text_id, "output_index": self.text_index, "content_index": 0}
            out.append(self.event("response.output_text.done", **common, text=self.text))
            out.append(self.event("response.content_part.done", **common, part=part))
            out.append(
                self.event("response.output_item.done", output_index=self.text_index, item=item)
            )
            output.append((self.text_index, item))
        for output_index, item in self.calls.values():
            item["status"] = "completed"
            out.append(
                self.event(
                    "response.function_call_arguments.done",
                    item_id=item["id"],
                    output_index=output_index,
                    arguments=item["arguments"],
                )
            )
            out.append(
                self.event("response.output_item.done", output_index=output_index, item=item)
            )
            output.append((output_index, item))
        response = self.response
        response["output"] = [item for _, item in sorted(output, key=lambda pair: pair[0])]
        response["usage"] = _usage(self.usage)
        if self.finish == "length":
            response["status"] = "incomplete"
            response["incomplete_details"] = {"reason": "max_output_tokens"}
            out.append(self.event("response.incomplete", response=response))
        else:
            response["status"] = "completed"
            out.append(self.event("response.completed", response=response))
        return out

    def error(self, body: Any) -> list[bytes]:
        error = body.get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        self.response["status"] = "failed"
        self.response["error"] = {
            "code": error.get("code") or "server_error",
            "message": error.get("message") or "the stream failed",
        }
        return [
            self.event(
                "error",
                code=error.get("code"),
                message=error.get("message") or "the stream failed",
                param=error.get("param"),
            ),
            self.event("response.failed", response=self.response),
        ]


class _ResponsesRecorder:
    """The chat door's recorder, its records marked as the Responses door's."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def event(self, action: str, **fields: Any) -> AuditEvent:
        details = fields.get("details")
        if action == "proxy.request":
            fields["details"] = {**(details or {}), "door": "responses"}
        return self._recorder.event(action, **fields)

    def count(self, name: str, label: str, amount: int) -> None:
        self._recorder.count(name, label, amount)


class ProxyResponses:
    """`POST /openai/v1/responses` through the chat door of one wired vault."""

    def __init__(self, door: ProxyChat) -> None:
        self._door = door

    def understand(self, body: dict[str, Any]) -> ResponsesRequest:
        return chat_request(body)

    def recorder(self, recorder: Recorder) -> Recorder:
        return _ResponsesRecorder(recorder)

    def prepare(
        self,
        principal: Principal,
        request: ResponsesRequest,
        *,
        purpose: str | None,
        recorder: Recorder,
    ) -> Prepared:
        return self._door.prepare(principal, request.chat, purpose=purpose, recorder=recorder)

    def complete(self, prepared: Prepared, request: ResponsesRequest) -> Completed:
        """The whole answer, restored by the chat door, as a response object."""
        completed = self._door.complete(prepared)
        if 200 <= completed.status < 300:
            completed.body = response_object(completed.body, request)
        return completed

    async def relay(
        self, prepared: Prepared, stream: LlmStream, request: ResponsesRequest
    ) -> AsyncIterator[bytes]:
        """The chat door's restored stream as Responses events: created, output items and
        their deltas, then completed (or an error event and failed)."""
        events = _Events(request, str(request.chat.get("model")))
        for piece in events.start():
            yield piece
        async for raw in self._door.relay(prepared, stream):
            kind, data = _parse_sse(raw)
            if data == "[DONE]":
                for piece in events.end():
                    yield piece
                return
            try:
                parsed = json.loads(data)
            except ValueError:
                continue
            if kind == "error":
                for piece in events.error(parsed):
                    yield piece
                return
            if isinstance(parsed, dict):
                for piece in events.chunk(parsed):
                    yield piece


def _parse_sse(raw: bytes) -> tuple[str | None, str]:
    kind: str | None = None
    data: list[str] = []
    for line in raw.decode().split("\n"):
        if line.startswith("event:"):
            kind = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
    return kind, "\n".join(data)
