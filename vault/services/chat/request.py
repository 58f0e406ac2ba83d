"""A chat request, walked whole: closed fields validated, every other string, key and number a slot.

Groq's wire format (`groq-api.md`) has two kinds of field. Closed ones have a grammar — `model`,
`role`, part and tool `type`s, enums, booleans, numbers with a range — and are checked here and
refused with a 400 naming the field when they do not fit; they pass as they are. Everything else,
known field or not, at any depth, is user data: each string, each object key of a free object
(metadata, schema properties, tool-call arguments), each number long enough to be an identifier,
each function or participant name, becomes a *slot* that detection reads and tokenization rewrites.
Tool-call arguments and `data:` URLs holding text are decoded and walked as what they hold.

Fields the grammar does not know are walked as free data or refused, as the policy says
(`requests.unknown_fields`); image content is passed or refused likewise (`requests.images`).
Errors name the field's JSON path and what is wrong with it, never its value.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any
from urllib.parse import quote, unquote_to_bytes

from vault.domain.policy import RequestPolicy
from vault.errors import InvalidRequest

__all__ = ["Slot", "SlotKind", "Walked", "walk_request"]

MODEL_ID = re.compile(r"[A-Za-z0-9._:/-]{1,256}")
_PART_TYPE = re.compile(r"[a-z][a-z0-9_]{0,31}")
_LOGIT_BIAS_KEY = re.compile(r"[0-9]{1,7}")
_FIELD_NAME = re.compile(r"[a-z_$][a-z0-9_]{0,40}")
# Integers with this many digits may be an identifier (a phone, a card, an account number).
_IDENTIFIER_DIGITS = 6
_CONTEXT_KEY = re.compile(r"[A-Za-z][A-Za-z0-9 _.-]{0,39}")
_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
# Fields these objects know, which may be null; any other key is walked, null or not.
_MESSAGE_FIELDS = frozenset(
    {"content", "name", "tool_call_id", "reasoning", "tool_calls", "function_call"}
)
_TOOL_CALL_FIELDS = frozenset({"type", "index", "id", "function"})
_FUNCTION_CALL_FIELDS = frozenset({"name", "arguments"})
_FUNCTION_FIELDS = frozenset({"name", "description", "parameters", "schema", "strict"})
_JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})


class SlotKind(Enum):
    """What a slot holds, which decides how detection reads it."""

    TEXT = "text"  # a string value
    KEY = "key"  # an object key of free data
    NUMBER = "number"  # an integer long enough to be an identifier; becomes a token string
    NAME = "name"  # an identifier (`lookup_John_Smith`): read with its separators as spaces
    ADDRESS = "address"  # a URL: read with its path and query separators as spaces
    CLOSED = "closed"  # a closed field that must not carry personal data: refused if it does


# Characters read as spaces, one for one, so that words glued into an identifier or a URL path
# (`lookup_John_Smith`, `/people/Maria_Garcia/`) are read as words and offsets do not move.
_SPACED = str.maketrans("_-", "  ")
_SPACED_URL = str.maketrans("/_-?=&+#", "        ")


@dataclass(slots=True)
class Slot:
    """One place in the request that can carry user data.

    `view` is what detection reads: `text` itself, or `text` after a short context (`phone: `
    before a bare number) and with an identifier's separators read as spaces; `text` begins at
    `offset` in it and keeps its length, so a span of the view is a span of `text`. A URL's view
    holds it twice, as written and spaced, one line each: a span of the second line is a span of
    `text` one line further on.
    """

    text: str
    path: str
    kind: SlotKind
    write: Callable[[str], None] = field(repr=False)
    view: str = ""
    offset: int = 0
    # Entity types that describe the slot's form rather than data in it (an image URL is a URL).
    ignore: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.view:
            self.view = self.text


@dataclass(slots=True)
class Walked:
    """The slots of one request, and what to run once they are rewritten (inner first)."""

    slots: list[Slot] = field(default_factory=list)
    finishers: list[Callable[[], None]] = field(default_factory=list)
    images: int = 0
    # Closed integers that go upstream as a keyed stand-in, never as given (`seed`).
    stand_ins: list[tuple[dict[str, Any], str]] = field(default_factory=list)

    def finish(self) -> None:
        for finisher in reversed(self.finishers):
            finisher()


def walk_request(body: dict[str, Any], policy: RequestPolicy) -> Walked:
    """Every slot of a chat request `body` (already parsed, and safe to rewrite in place).

    Raises InvalidRequest naming the JSON path of the first field that does not fit.
    """
    walker = _Walker(policy)
    walker.request(body)
    return walker.walked


def _child(path: str, key: str | int) -> str:
    """The JSON path of `key` under `path`. A key that is not a plain field name may itself be
    personal data (`{"jane@example.com": ...}`), so a path never spells it out."""
    name = str(key) if isinstance(key, int) or _FIELD_NAME.fullmatch(key) else "(key)"
    return f"{path}.{name}" if path else name


def _fields(value: Any, path: str, known: frozenset[str]) -> Iterator[tuple[str, Any, str]]:
    """The fields of an object, each with its path, less the `known` ones that are null; a 400
    naming `path` if `value` is not an object. An unknown key is given even when null: the
    key itself may be personal data, and it goes upstream."""
    if not isinstance(value, dict):
        raise _bad(path, "must be an object")
    for name in list(value):
        if value[name] is not None or name not in known:
            yield name, value[name], _child(path, name)


def _bad(path: str, why: str) -> InvalidRequest:
    return InvalidRequest(f"'{path}' {why}", param=path)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_bool(value: Any, path: str) -> None:
    if not isinstance(value, bool):
        raise _bad(path, "must be a boolean")


def _number_in(low: float, high: float, *, integer: bool = False) -> Callable[[Any, str], None]:
    def check(value: Any, path: str) -> None:
        if not _is_number(value) or (integer and not isinstance(value, int)):
            raise _bad(path, f"must be {'an integer' if integer else 'a number'}")
        if not low <= value <= high:
            raise _bad(path, f"must be between {low:g} and {high:g}")

    return check


def _one_of(*choices: str) -> Callable[[Any, str], None]:
    def check(value: Any, path: str) -> None:
        if value not in choices:
            raise _bad(path, f"must be one of {', '.join(choices)}")

    return check


# Top-level fields with a closed grammar, and their checks. `null` is accepted for each.
_CLOSED: dict[str, Callable[[Any, str], None]] = {
    "stream": _check_bool,
    "parallel_tool_calls": _check_bool,
    "disable_tool_validation": _check_bool,
    "include_reasoning": _check_bool,
    "logprobs": _check_bool,
    "store": _check_bool,
    "temperature": _number_in(0, 2),
    "top_p": _number_in(0, 1),
    "frequency_penalty": _number_in(-2, 2),
    "presence_penalty": _number_in(-2, 2),
    "max_tokens": _number_in(1, 10_000_000, integer=True),
    "max_completion_tokens": _number_in(1, 10_000_000, integer=True),
    "n": _number_in(1, 128, integer=True),
    "top_logprobs": _number_in(0, 20, integer=True),
    "reasoning_format": _one_of("hidden", "raw", "parsed"),
    "reasoning_effort": _one_of("none", "default", "minimal", "low", "medium", "high"),
    "service_tier": _one_of("auto", "on_demand", "flex", "performance"),
}


class _Walker:
    def __init__(self, policy: RequestPolicy) -> None:
        self._policy = policy
        self.walked = Walked()

    # ------------------------------------------------------------------ slots

    def _slot(
        self,
        container: dict[str, Any] | list[Any],
        key: Any,
        path: str,
        kind: SlotKind = SlotKind.TEXT,
        *,
        context: str = "",
        ignore: frozenset[str] = frozenset(),
    ) -> None:
        value = container[key]
        text = value if isinstance(value, str) else str(value)
        view = text
        if kind is SlotKind.NAME:
            view = text.translate(_SPACED)
        elif kind is SlotKind.ADDRESS:
            # Read twice: as written (a key in a query string) and with its separators as
            # spaces (a name in a path); see `Slot.twin`.
            view = f"{text}\n{text.translate(_SPACED_URL)}"

        def write(new: str) -> None:
            if new != text:
                container[key] = new

        self.walked.slots.append(
            Slot(text, path, kind, write, context + view, len(context), ignore)
        )

    def _key_slot(self, container: dict[str, Any], key: str, path: str) -> None:
        """A key of free data; renamed, keeping its place, once the walk is rewritten."""
        renamed: list[str] = []

        def rename() -> None:
            if renamed and renamed[0] != key and key in container:
                items = [(renamed[0] if k == key else k, v) for k, v in container.items()]
                container.clear()
                container.update(items)

        self.walked.slots.append(Slot(key, f"{path}.<key>", SlotKind.KEY, renamed.append))
        self.walked.finishers.append(rename)

    # ------------------------------------------------------------------ free data

    def free(
        self, container: dict[str, Any] | list[Any], key: Any, path: str, *, about: str = ""
    ) -> None:
        """Any JSON under `container[key]`: every string, key and identifier-like number.
        A scalar is read after the name of what it is about (its key, or `about` for the
        items of a list and a schema's values: `phone: 4155550132`)."""
        value = container[key]
        name = key if isinstance(key, str) else about
        context = f"{name}: " if name and _CONTEXT_KEY.fullmatch(name) else ""
        if isinstance(value, str):
            self._slot(container, key, path, context=context)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, int) and len(str(abs(value))) >= _IDENTIFIER_DIGITS:
            self._slot(container, key, path, SlotKind.NUMBER, context=context)
        elif isinstance(value, float) and value.is_integer() and abs(value) >= 10**5:
            container[key] = int(value)
            self._slot(container, key, path, SlotKind.NUMBER, context=context)
        elif isinstance(value, dict):
            for name in list(value):
                self._key_slot(value, name, path)
                self.free(value, name, _child(path, name))
        elif isinstance(value, list):
            for i in range(len(value)):
                self.free(value, i, _child(path, i), about=name)

    def unknown(self, container: dict[str, Any], key: str, path: str) -> None:
        """A field the grammar does not know: walked as free data, or refused by policy."""
        if self._policy.unknown_fields == "reject":
            raise _bad(
                path,
                "is not a field of a chat request (this vault's policy refuses unknown fields)",
            )
        self._key_slot(container, key, path)
        self.free(container, key, path)

    def json_text(self, container: dict[str, Any], key: str, path: str) -> None:
        """A string that holds JSON (tool-call arguments): its contents are walked, and it is
        written back as JSON once they are rewritten. A string that is not JSON is text."""
        raw = container[key]
        try:
            document = json.loads(raw)
        except ValueError:
            document = None
        if not isinstance(document, dict | list):
            self._slot(container, key, path)
            return
        holder = {"json": document}

        def dump() -> None:
            container[key] = json.dumps(holder["json"], ensure_ascii=False)

        self.walked.finishers.append(dump)
        self.free(holder, "json", path)

    # ------------------------------------------------------------------ the request

    def request(self, body: dict[str, Any]) -> None:
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise _bad("messages", "must be a non-empty array")
        model = body.get("model")
        if not isinstance(model, str) or not MODEL_ID.fullmatch(model):
            raise _bad("model", "must be a model id: 1 to 256 of A-Z a-z 0-9 . _ : / -")
        self._slot(body, "model", "model", SlotKind.CLOSED)
        for key in list(body):
            value = body[key]
            if key in ("model", "messages"):
                continue
            handler = _TOP_LEVEL.get(key)
            if key in _CLOSED:
                if value is not None:
                    _CLOSED[key](value, key)
            elif handler is not None:
                if value is not None:
                    handler(self, body, key)
            else:
                self.unknown(body, key, _child("", key))
        for i in range(len(messages)):
            self.message(messages, i)

    def message(self, messages: list[Any], i: int) -> None:
        where = f"messages.{i}"
        message = messages[i]
        if not isinstance(message, dict):
            raise _bad(where, "must be an object")
        role = message.get("role")
        if not isinstance(role, str) or role not in _ROLES:
            raise _bad(f"{where}.role", f"must be one of {', '.join(sorted(_ROLES))}")
        for key in list(message):
            value = message[key]
            path = _child(where, key)
            if key == "role" or (value is None and key in _MESSAGE_FIELDS):
                continue
            if key == "content":
                self.content(message, path)
            elif key in ("name", "tool_call_id", "reasoning"):
                if not isinstance(value, str):
                    raise _bad(path, "must be a string")
                kind = SlotKind.TEXT if key == "reasoning" else SlotKind.NAME
                self._slot(message, key, path, kind)
            elif key == "tool_calls":
                if not isinstance(value, list):
                    raise _bad(path, "must be an array")
                for j in range(len(value)):
                    self.tool_call(value, j, _child(path, j))
            elif key == "function_call":
                self.function_call(message, key, path)
            else:
                self.unknown(message, key, path)

    def content(self, message: dict[str, Any], path: str) -> None:
        content = message["content"]
        if isinstance(content, str):
            self._slot(message, "content", path)
            return
        if not isinstance(content, list):
            raise _bad(path, "must be a string or an array of content parts")
        for k, part in enumerate(content):
            self.part(part, _child(path, k))

    def part(self, part: Any, path: str) -> None:
        if not isinstance(part, dict):
            raise _bad(path, "must be a content part object")
        kind = part.get("type")
        if not isinstance(kind, str) or not _PART_TYPE.fullmatch(kind):
            raise _bad(f"{path}.type", "must be a content part type such as 'text'")
        for key in list(part):
            value = part[key]
            where = _child(path, key)
            if key == "type" or (value is None and key in ("text", "image_url", kind)):
                continue
            if key == "text":
                if not isinstance(value, str):
                    raise _bad(where, "must be a string")
                self._slot(part, key, where)
            elif key == "image_url":
                self.image(part, where)
            elif kind != "text" and key == kind:
                self.free(part, key, where)  # the body of a part of another type
            else:
                self.unknown(part, key, where)

    def image(self, part: dict[str, Any], path: str) -> None:
        image = part["image_url"]
        if isinstance(image, str):  # a bare URL, as some clients send
            part["image_url"] = image = {"url": image}
        if not isinstance(image, dict) or not isinstance(image.get("url"), str):
            raise _bad(f"{path}.url", "must be a string")
        for key in list(image):
            if key == "url":
                self.url(image, f"{path}.url")
            elif key == "detail":
                _one_of("auto", "low", "high")(image[key], f"{path}.detail")
            else:
                self.unknown(image, key, _child(path, key))

    def url(self, image: dict[str, Any], path: str) -> None:
        url: str = image["url"]
        if not url.startswith("data:"):
            self.walked.images += 1
            # The address is text (its path and query can carry data); the URL as a whole is
            # the address of the image, not data to hide.
            self._slot(image, "url", path, SlotKind.ADDRESS, ignore=frozenset({"URL"}))
            return
        header, comma, payload = url.partition(",")
        media = header[5:].split(";")[0].strip().lower() or "text/plain"
        if not comma:
            raise _bad(path, "is not a valid data URL")
        if media.startswith(("image/", "audio/", "video/")):
            self.walked.images += 1
            return
        encoded = header.endswith(";base64")
        try:
            raw = base64.b64decode(payload, validate=True) if encoded else unquote_to_bytes(payload)
            text = raw.decode("utf-8")
        except (binascii.Error, ValueError):
            raise _bad(path, "is a data URL whose text is not valid base64 UTF-8") from None
        holder = {"text": text}

        def encode() -> None:
            data = holder["text"].encode()
            body = base64.b64encode(data).decode() if encoded else quote(data, safe="")
            image["url"] = f"{header},{body}"

        self.walked.finishers.append(encode)
        self._slot(holder, "text", path)

    def tool_call(self, calls: list[Any], j: int, path: str) -> None:
        call = calls[j]
        for key, value, where in _fields(call, path, _TOOL_CALL_FIELDS):
            if key == "type":
                _one_of("function")(value, where)
            elif key == "index":
                _number_in(0, 1024, integer=True)(value, where)
            elif key == "id":
                if not isinstance(value, str):
                    raise _bad(where, "must be a string")
                self._slot(call, key, where, SlotKind.NAME)
            elif key == "function":
                self.function_call(call, key, where)
            else:
                self.unknown(call, key, where)

    def function_call(self, container: dict[str, Any], key: str, path: str) -> None:
        function = container[key]
        for name, value, where in _fields(function, path, _FUNCTION_CALL_FIELDS):
            if name == "name":
                self.name(function, where)
            elif name == "arguments":
                if not isinstance(value, str):
                    raise _bad(where, "must be a string")
                self.json_text(function, name, where)
            else:
                self.unknown(function, name, where)

    def name(self, container: dict[str, Any], path: str) -> None:
        if not isinstance(container["name"], str):
            raise _bad(path, "must be a string")
        self._slot(container, "name", path, SlotKind.NAME)

    def tools(self, body: dict[str, Any], key: str) -> None:
        tools = body[key]
        if not isinstance(tools, list):
            raise _bad(key, "must be an array")
        for i, tool in enumerate(tools):
            path = _child(key, i)
            if not isinstance(tool, dict):
                raise _bad(path, "must be an object")
            if key == "functions":  # the deprecated form: a bare function definition
                self.function_definition(tools, i, path)
                continue
            for name in list(tool):
                where = _child(path, name)
                if name == "type":
                    if not isinstance(tool[name], str) or not _PART_TYPE.fullmatch(tool[name]):
                        raise _bad(where, "must be a tool type such as 'function'")
                elif name == "function":
                    self.function_definition(tool, name, where)
                else:
                    self.unknown(tool, name, where)

    def function_definition(
        self, container: dict[str, Any] | list[Any], key: Any, path: str
    ) -> None:
        function = container[key]
        for name, value, where in _fields(function, path, _FUNCTION_FIELDS):
            if name == "name":
                self.name(function, where)
            elif name == "description":
                self.free(function, name, where)
            elif name in ("parameters", "schema"):
                self.schema(function, name, where)
            elif name == "strict":
                _check_bool(value, where)
            else:
                self.unknown(function, name, where)

    def tool_choice(self, body: dict[str, Any], key: str) -> None:
        choice = body[key]
        if isinstance(choice, str):
            _one_of("none", "auto", "required")(choice, key)
            return
        if not isinstance(choice, dict):
            raise _bad(key, "must be 'none', 'auto', 'required' or an object")
        for name in list(choice):
            where = _child(key, name)
            if name == "type":
                _one_of("function")(choice[name], where)
            elif name == "function" and isinstance(choice[name], dict):
                function = choice[name]
                for inner in list(function):
                    if inner == "name":
                        self.name(function, f"{where}.name")
                    else:
                        self.unknown(function, inner, _child(where, inner))
            else:
                self.unknown(choice, name, where)

    def legacy_function_call(self, body: dict[str, Any], key: str) -> None:
        if isinstance(body[key], str):
            _one_of("none", "auto")(body[key], key)
        else:
            self.tool_choice({key: {"type": "function", "function": body[key]}}, key)

    def response_format(self, body: dict[str, Any], key: str) -> None:
        response_format = body[key]
        if not isinstance(response_format, dict):
            raise _bad(key, "must be an object")
        for name in list(response_format):
            where = _child(key, name)
            if name == "type":
                _one_of("text", "json_object", "json_schema")(response_format[name], where)
            elif name == "json_schema":
                self.function_definition(response_format, name, where)
            else:
                self.unknown(response_format, name, where)

    def logit_bias(self, body: dict[str, Any], key: str) -> None:
        bias = body[key]
        if not isinstance(bias, dict):
            raise _bad(key, "must be an object")
        for token, weight in bias.items():
            if not _LOGIT_BIAS_KEY.fullmatch(token):
                raise _bad(f"{key}.<key>", "must be token ids (digits)")
            _number_in(-100, 100)(weight, _child(key, token))

    def seed(self, body: dict[str, Any], key: str) -> None:
        value = body[key]
        if not isinstance(value, int) or isinstance(value, bool):
            raise _bad(key, "must be an integer")
        self.walked.stand_ins.append((body, key))

    def stop(self, body: dict[str, Any], key: str) -> None:
        stop = body[key]
        if isinstance(stop, str):
            self._slot(body, key, key)
        elif isinstance(stop, list) and all(isinstance(s, str) for s in stop):
            for i in range(len(stop)):
                self._slot(stop, i, _child(key, i))
        else:
            raise _bad(key, "must be a string or an array of strings")

    def stream_options(self, body: dict[str, Any], key: str) -> None:
        options = body[key]
        if not isinstance(options, dict):
            raise _bad(key, "must be an object")
        for name in list(options):
            if name == "include_usage":
                _check_bool(options[name], _child(key, name))
            else:
                self.unknown(options, name, _child(key, name))

    def user(self, body: dict[str, Any], key: str) -> None:
        if not isinstance(body[key], str):
            raise _bad(key, "must be a string")
        self._slot(body, key, key)

    def free_field(self, body: dict[str, Any], key: str) -> None:
        self.free(body, key, key)

    # ------------------------------------------------------------------ JSON Schema

    def schema(
        self, container: dict[str, Any] | list[Any], key: Any, path: str, *, about: str = ""
    ) -> None:
        """A JSON Schema: keywords are vocabulary; property names, patterns, descriptions,
        examples, defaults, enums, comments and custom keywords are data, each read after the
        name of the property it is about."""
        node = container[key]
        if isinstance(node, bool):
            return
        if not isinstance(node, dict):
            self.free(container, key, path)
            return
        for name in list(node):
            value = node[name]
            where = _child(path, name)
            if name in _SCHEMA_MAPS and isinstance(value, dict):
                for prop in list(value):
                    self._key_slot(value, prop, where)
                    self.schema(value, prop, _child(where, prop), about=prop)
            elif name in _SCHEMA_ONE:
                self.schema(node, name, where, about=about)
            elif name in _SCHEMA_MANY and isinstance(value, list):
                for i in range(len(value)):
                    self.schema(value, i, _child(where, i), about=about)
            elif name == "type" and _is_json_type(value):
                continue
            elif name in _SCHEMA_WORDS:
                self._schema_value(node, name, where, about)
            else:
                self._key_slot(node, name, path)  # a custom keyword (`x-owner`): data too
                self.free(node, name, where)

    def _schema_value(self, node: dict[str, Any], name: str, path: str, about: str) -> None:
        """A keyword's value (`default`, `examples`, `enum`...), read after its property's name."""
        if about and isinstance(node[name], list):
            for i in range(len(node[name])):
                self.free(node[name], i, _child(path, i), about=about)
        elif about and not isinstance(node[name], dict):
            holder = {about: node[name]}
            self.free(holder, about, path)
            self.walked.finishers.append(lambda: node.__setitem__(name, holder[about]))
        else:
            self.free(node, name, path)


def _is_json_type(value: Any) -> bool:
    if isinstance(value, str):
        return value in _JSON_TYPES
    return isinstance(value, list) and all(isinstance(v, str) and v in _JSON_TYPES for v in value)


_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)
_SCHEMA_ONE = frozenset(
    {"items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
     "unevaluatedProperties", "unevaluatedItems", "additionalItems"}
)  # fmt: skip
_SCHEMA_MANY = frozenset({"anyOf", "oneOf", "allOf", "prefixItems"})
_SCHEMA_COUNTS = frozenset(
    {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
     "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains",
     "maxContains"}
)  # fmt: skip
# Keywords whose values are written by a person: text, examples, patterns, references.
_SCHEMA_WORDS = frozenset(
    {"description", "title", "default", "examples", "example", "enum", "const", "pattern",
     "format", "$comment", "$id", "$ref", "$schema", "$anchor", "required", "contentMediaType",
     "contentEncoding", "deprecated", "readOnly", "writeOnly", "uniqueItems", "type",
     "dependentRequired"} | _SCHEMA_COUNTS
)  # fmt: skip

_TOP_LEVEL: dict[str, Callable[[_Walker, dict[str, Any], str], None]] = {
    "tools": _Walker.tools,
    "functions": _Walker.tools,
    "tool_choice": _Walker.tool_choice,
    "function_call": _Walker.legacy_function_call,
    "response_format": _Walker.response_format,
    "logit_bias": _Walker.logit_bias,
    "seed": _Walker.seed,
    "stop": _Walker.stop,
    "stream_options": _Walker.stream_options,
    "user": _Walker.user,
    "metadata": _Walker.free_field,
    "documents": _Walker.free_field,
    "search_settings": _Walker.free_field,
    "citation_options": _Walker.free_field,
    "compound_custom": _Walker.free_field,
}


def iter_strings(node: Any) -> Iterator[str]:
    """Every string and object key in parsed JSON, at any depth: what a full re-scan reads."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from iter_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from iter_strings(item)
