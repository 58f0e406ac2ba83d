"""The chat door under fuzzing: bodies built from Groq's wire format (`groq-api.md` §2), then
broken the ways a caller can break them — wrong types at any field, deep nesting, unknown fields,
odd numbers and strings, duplicate keys, bytes that are not JSON at all.

Whatever arrives, the vault answers below 500: an error is Groq's JSON shape
`{"error": {"message", "type", "code"}}`, and a streamed 200 ends with `data: [DONE]` or an
`event: error` frame.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.e2e.conftest import TENANT, Proxy, Upstream, start_proxy
from tests.fakes import RegexDetector
from vault.services.apikeys import create_api_key

CHAT = "/openai/v1/chat/completions"
MAX_BODY = 200_000
SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

# ---------------------------------------------------------------------------------- raw JSON


@dataclass(frozen=True)
class Raw:
    """JSON text written as it stands: numbers Python would not write (`1e400`, `NaN`)."""

    text: str


@dataclass(frozen=True)
class Nested:
    """`value` inside `depth` arrays (or objects `{"a": ...}`), written as text: a leaf to the
    test's own walks, so the test never recurses as deep as the body it sends."""

    value: Any
    depth: int
    kind: str  # "list" or "dict"


class DupDict(dict[str, Any]):
    """An object whose JSON text repeats keys: `extra` is written after its own items."""

    extra: list[tuple[str, Any]]


def dump(value: Any, *, ascii_only: bool) -> str:
    """JSON text of `value`, honouring Raw and DupDict; lone surrogates become `\\ud800`
    escapes when `ascii_only`, and stay raw (for `surrogatepass`) otherwise."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Nested):
        opening, closing = ("[", "]") if value.kind == "list" else ('{"a":', "}")
        inner = dump(value.value, ascii_only=ascii_only)
        return opening * value.depth + inner + closing * value.depth
    if isinstance(value, dict):
        items = [*value.items(), *getattr(value, "extra", [])]
        return (
            "{"
            + ",".join(
                f"{json.dumps(k, ensure_ascii=ascii_only)}:{dump(v, ascii_only=ascii_only)}"
                for k, v in items
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + ",".join(dump(v, ascii_only=ascii_only) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


# ---------------------------------------------------------------------------------- leaves

ODD_STRINGS = [
    "",
    " ",
    "NaN",
    "Infinity",
    "-Infinity",
    "null",
    "true",
    "1e308",
    "-0",
    "\x00",
    "a\x00b",
    "\u202eJohn Smith\u202c",
    "\u2066\u2067\u2068\u2069\u200f\u061c",
    "\ufeff",
    "\u200b\u200c\u200d\u2060",
    "\ud800",
    "\udfff",
    "x\udc00y",
    "\ud83d",
    "😀",
    "\U0010ffff",
    "𝔍𝔬𝔥𝔫 𝔖𝔪𝔦𝔱𝔥",
    "Ј0hn Ѕmith",
    "John Smith",
    "john.smith@example.com",
    "4111 1111 1111 1111",
    "+44 20 7946 0958",
    "123-45-6789",
    "PERSON_0123456789",
    "EMAIL_ADDRESS_ABCDEFGHJK",
    '{"a": 1}',
    "[1, 2",
    "data:text/plain,John%20Smith",
    "data:text/plain;base64,Sm9obiBTbWl0aA==",
    "data:image/png;base64,AAAA",
    "data:",
    "data:text/plain;base64,!!!",
    "data:text/plain,%ff%fe",
    "data:;base64,",
    "https://example.com/a?email=john.smith@example.com",
    "%00%ud800",
    "&#x0;&#55296;&amp;",
    "Sm9obiBTbWl0aCwgam9obi5zbWl0aEBleGFtcGxlLmNvbQ==",
    "\r\n\t\x0b\x0c\x1c\x85\u2028\u2029",
    "$ref",
    "__proto__",
]

texts = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(exclude_categories=()), max_size=20),  # every category, Cs too
    st.sampled_from(ODD_STRINGS),
)
long_texts = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(["a", "John Smith ", "\u202e", "é", "😀", "4111 1111 1111 1111 ", "\x00"]),
    st.integers(1_000, 6_000),
)
numbers = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from(
        [0, -1, 1, 2, 3, 21, 129, 1024, 10**5, 10**6, 2**53 + 1, 2**63, 2**64, 10**19, 10**300]
    ),
    st.sampled_from([1e308, -1e308, 5e-324, -0.0, 0.5, 1.5, 2.0000001, 1e5, 123456.0, 1e22]),
    st.floats(allow_nan=False, allow_infinity=False),
)
raw_numbers = st.sampled_from(
    ["1e400", "-1e400", "1E-400", "NaN", "Infinity", "-Infinity", "-0", "1.0e+308", "9" * 4301]
).map(Raw)
scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
    max_leaves=12,
)
# Names that mean something somewhere in the wire format, or to a JSON library.
KNOWN_NAMES = [
    "id",
    "type",
    "role",
    "content",
    "name",
    "text",
    "url",
    "function",
    "arguments",
    "tool_calls",
    "index",
    "store",
    "$ref",
    "__proto__",
    "prototype",
    "x-groq",
]
field_names = st.sampled_from(KNOWN_NAMES) | texts


# ---------------------------------------------------------------------------------- bodies

MODELS = ["llama-3.1-8b-instant", "llama-3.3-70b-versatile", "openai/gpt-oss-20b"]
ROLES = ["system", "developer", "user", "assistant", "tool", "function"]


def optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


schema_leaf = st.fixed_dictionaries(
    {"type": st.sampled_from(["string", "number", "integer", "boolean", "null"])},
    optional={
        "description": texts,
        "enum": st.lists(texts, max_size=3),
        "pattern": texts,
        "default": scalars,
        "minimum": numbers,
        "format": st.sampled_from(["email", "date-time", "uri"]),
    },
)
schemas = st.recursive(
    schema_leaf,
    lambda inner: st.one_of(
        st.fixed_dictionaries(
            {
                "type": st.just("object"),
                "properties": st.dictionaries(texts, inner, max_size=3),
            },
            optional={
                "required": st.lists(texts, max_size=3),
                "additionalProperties": st.booleans() | inner,
            },
        ),
        st.fixed_dictionaries({"type": st.just("array"), "items": inner}),
        st.fixed_dictionaries({"anyOf": st.lists(inner, max_size=3)}),
        st.fixed_dictionaries({"$defs": st.dictionaries(texts, inner, max_size=2)}),
    ),
    max_leaves=6,
)
functions = st.fixed_dictionaries(
    {"name": st.from_regex(r"[a-zA-Z0-9_-]{1,64}", fullmatch=True) | texts},
    optional={"description": texts, "parameters": schemas, "strict": st.booleans()},
)
tools = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["function", "browser_search", "code_interpreter"]),
        "function": functions,
    }
)
arguments = st.one_of(
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False)),
    st.dictionaries(texts, scalars, max_size=3).map(json.dumps),
    texts,
)
tool_calls = st.fixed_dictionaries(
    {
        "id": texts,
        "type": st.just("function"),
        "function": st.fixed_dictionaries({"name": texts, "arguments": arguments}),
    },
    optional={"index": st.integers(0, 4)},
)
text_parts = st.fixed_dictionaries({"type": st.just("text"), "text": texts})
image_parts = st.fixed_dictionaries(
    {
        "type": st.just("image_url"),
        "image_url": st.fixed_dictionaries(
            {
                "url": st.sampled_from(
                    [
                        "https://example.com/cat.png",
                        "data:image/png;base64,iVBORw0KGgo=",
                        "data:text/plain;base64,Sm9obiBTbWl0aA==",
                        "data:text/plain,john.smith%40example.com",
                        "data:,",
                    ]
                )
                | texts
            },
            optional={"detail": st.sampled_from(["auto", "low", "high"])},
        )
        | texts,
    }
)
other_parts = st.sampled_from(["document", "input_audio", "file", "video_url", "refusal"]).flatmap(
    lambda kind: st.fixed_dictionaries({"type": st.just(kind), kind: json_values})
)
parts = st.lists(st.one_of(text_parts, image_parts, other_parts), max_size=4)
contents = st.one_of(texts, parts)


def _message(role: str) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {"name": texts}
    if role == "assistant":
        fields |= {
            "tool_calls": st.lists(tool_calls, max_size=3),
            "reasoning": texts,
            "function_call": st.fixed_dictionaries({"name": texts, "arguments": arguments}),
        }
    if role in ("tool", "function"):
        fields["tool_call_id"] = texts
    content = st.none() | contents if role == "assistant" else contents
    return st.fixed_dictionaries({"role": st.just(role), "content": content}, optional=fields)


messages = st.sampled_from(ROLES).flatmap(_message)
tool_choices = st.one_of(
    st.sampled_from(["none", "auto", "required"]),
    st.fixed_dictionaries(
        {"type": st.just("function"), "function": st.fixed_dictionaries({"name": texts})}
    ),
)
response_formats = st.one_of(
    st.fixed_dictionaries({"type": st.sampled_from(["text", "json_object"])}),
    st.fixed_dictionaries(
        {
            "type": st.just("json_schema"),
            "json_schema": st.fixed_dictionaries(
                {"name": texts}, optional={"schema": schemas, "strict": st.booleans()}
            ),
        }
    ),
)
wire_bodies = st.fixed_dictionaries(
    {
        "model": st.sampled_from(MODELS) | texts,
        "messages": st.lists(messages, min_size=1, max_size=4),
    },
    optional={
        "stream": st.booleans(),
        "stream_options": st.fixed_dictionaries({"include_usage": st.booleans()}),
        "temperature": st.floats(0, 2),
        "top_p": st.floats(0, 1),
        "max_completion_tokens": st.integers(1, 200),
        "max_tokens": st.integers(1, 200),
        "n": st.just(1),
        "stop": texts | st.lists(texts, max_size=4),
        "seed": st.integers(-(2**63), 2**63),
        "user": texts,
        "metadata": st.dictionaries(texts, texts, max_size=4),
        "logit_bias": st.dictionaries(
            st.integers(0, 10**6).map(str), st.integers(-100, 100), max_size=3
        ),
        "tools": st.lists(tools, max_size=3),
        "tool_choice": tool_choices,
        "parallel_tool_calls": st.booleans(),
        "response_format": response_formats,
        "reasoning_format": st.sampled_from(["hidden", "raw", "parsed"]),
        "reasoning_effort": st.sampled_from(["none", "default", "low", "medium", "high"]),
        "service_tier": st.sampled_from(["auto", "on_demand", "flex", "performance"]),
        "frequency_penalty": st.floats(-2, 2),
        "presence_penalty": st.floats(-2, 2),
        "logprobs": st.booleans(),
        "top_logprobs": st.integers(0, 20),
        "documents": st.lists(json_values, max_size=2),
        "search_settings": json_values,
    },
)


# ---------------------------------------------------------------------------------- mutations


def _places(node: Any, into: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) in `node`: where a mutation can land."""
    if isinstance(node, dict):
        for key in list(node):
            into.append((node, key))
            _places(node[key], into)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            into.append((node, i))
            _places(item, into)
    return into


depths = st.integers(1, 200) | st.sampled_from([500, 900, 990, 2_000, 20_000])
nestings = st.sampled_from(["list", "dict"])
wrong_values = st.one_of(
    scalars, raw_numbers, json_values, st.builds(Nested, json_values, depths, nestings)
)


@st.composite
def mutated_bodies(draw: st.DrawFn) -> Any:
    """A wire-format body with up to five mutations, each at any place in it."""
    root = {"body": draw(wire_bodies)}
    long_used = False
    for _ in range(draw(st.integers(1, 6))):
        container, key = draw(st.sampled_from(_places(root, [])))
        value = container[key]
        action = draw(
            st.sampled_from(["wrong type", "unknown field", "delete", "nest", "duplicate", "long"])
        )
        if action == "wrong type":
            container[key] = draw(wrong_values)
        elif action == "unknown field" and isinstance(value, dict):
            value[draw(field_names)] = draw(wrong_values)
        elif action == "delete" and container is not root:
            del container[key]
        elif action == "nest":
            container[key] = Nested(value, draw(depths), draw(nestings))
        elif action == "duplicate" and isinstance(value, dict):
            copy = DupDict(value)
            name = draw(st.sampled_from(list(value)) | field_names) if value else draw(field_names)
            copy.extra = [(name, draw(wrong_values))]
            container[key] = copy
        elif action == "long" and not long_used:
            long_used = True
            container[key] = draw(long_texts)
    return root["body"]


@st.composite
def encoded(draw: st.DrawFn, bodies: st.SearchStrategy[Any]) -> bytes:
    """A body as the bytes on the wire: escaped ASCII, UTF-8 (lone surrogates passed through
    as CESU-8 bytes), UTF-8 with a BOM, or UTF-16."""
    body = draw(bodies)
    how = draw(st.sampled_from(["ascii", "utf-8", "utf-8-sig", "utf-16"]))
    text = dump(body, ascii_only=how == "ascii")
    codec = "utf-8" if how == "ascii" else how
    return text.encode(codec, "surrogatepass")


def _truncated(raw: bytes, cut: int) -> bytes:
    return raw[: max(0, len(raw) - 1 - cut % max(1, len(raw)))]


not_objects = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [
            b"",
            b" \r\n",
            b"null",
            b"[]",
            b"[{}]",
            b'"model"',
            b"1",
            b"1e400",
            b"NaN",
            b"true",
            b"{",
            b"}",
            b'{"model":}',
            b'{"model": "llama-3.1-8b-instant",}',
            b"\xef\xbb\xbf{}",
            b'{"a":1}{"b":2}',
            b"{'model': 'llama-3.1-8b-instant'}",
            b'{"messages": [{"role": "user", "content": "hi"}], "model": "llama-3.1-8b-instant"',
            b"\x00" * 64,
            b"\xff\xfe\x00\x00",
            b"[" * 5_000 + b"]" * 5_000,
            b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
            b"[" * 100_000,
        ]
    ),
    json_values.map(lambda v: json.dumps(v).encode()).filter(lambda b: not b.startswith(b"{")),
    st.builds(_truncated, encoded(wire_bodies), st.integers(0, 10**6)),
)
# Mostly mutated bodies: they reach furthest into the vault.
raw_bodies = (
    st.sampled_from([*[encoded(mutated_bodies())] * 3, encoded(wire_bodies), not_objects])
    .flatmap(lambda bodies: bodies)
    .filter(lambda raw: len(raw) <= MAX_BODY)
)
content_types = st.sampled_from(
    ["application/json", "application/json", "application/json; charset=utf-8", "text/plain", None]
)


# ---------------------------------------------------------------------------------- the checks


def assert_error_shape(response: httpx.Response) -> None:
    body = response.json()
    assert isinstance(body, dict), body
    error = body.get("error")
    assert isinstance(error, dict), body
    assert isinstance(error.get("message"), str), body
    assert isinstance(error.get("type"), str), body
    # Groq's own refusals are passed back as Groq wrote them, and Groq's `code` is optional
    # (groq-api.md §5); every error the vault writes itself names its code.
    if "x-groq-region" not in response.headers:
        assert isinstance(error.get("code"), str), body


def assert_stream_ends(text: str) -> None:
    frames = [f for f in text.replace("\r\n", "\n").split("\n\n") if f.strip()]
    assert frames, "a streamed 200 with no frames"
    last = frames[-1]
    if last.startswith("event: error"):
        payload = json.loads(last.split("data: ", 1)[1])
        assert isinstance(payload.get("error"), dict), last
        return
    assert last == "data: [DONE]", f"a stream that ends with {last[:200]!r}"


def check_answer(client: httpx.Client, raw: bytes, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.post(CHAT, content=raw, headers=headers)
    assert response.status_code < 500, (response.status_code, response.text[:500])
    kind = response.headers.get("content-type", "")
    if response.status_code >= 400:
        assert kind.startswith("application/json"), kind
        assert_error_shape(response)
    elif kind.startswith("text/event-stream"):
        assert response.status_code == 200
        assert_stream_ends(response.text)
    else:
        assert kind.startswith("application/json"), kind
        assert isinstance(response.json(), dict)


# ---------------------------------------------------------------------------------- the runs


@pytest.fixture(scope="module")
def fast_proxy(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    """A vault of its own with the regex detector, so thousands of bodies take minutes; no
    per-key request limit, which would turn most of them into 429s."""
    with ExitStack() as stack, pytest.MonkeyPatch.context() as patch:
        patch.setenv("VAULT_RATE_LIMIT_RPM", "0")
        yield start_proxy(
            stack,
            tmp_path_factory.mktemp("fuzz-vault"),
            groq_url=upstream.url,
            detector=RegexDetector(),
        )


def _client(proxy: Proxy, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=proxy.url, headers={"authorization": f"Bearer {key}"}, timeout=60.0
    )


@pytest.fixture(scope="module")
def fast_client(fast_proxy: Proxy) -> Iterator[httpx.Client]:
    with _client(fast_proxy, fast_proxy.keys["analyst"]) as client:
        yield client


@pytest.fixture(scope="module")
def real_client(proxy: Proxy) -> Iterator[httpx.Client]:
    # A key of its own: the session's analyst key has other tests' requests in its minute.
    _, key = create_api_key(proxy.vault.api_keys, tenant=TENANT, roles=["analyst"])
    with _client(proxy, key) as client:
        yield client


def _fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    # No explain phase: on a 5xx it replays every shrunk example again, for minutes.
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=SUPPRESSED,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    )


@pytest.mark.slow
@_fuzz(5_000)
@given(raw=raw_bodies, content_type=content_types)
def test_no_body_gets_a_5xx(
    fast_client: httpx.Client, raw: bytes, content_type: str | None
) -> None:
    check_answer(fast_client, raw, content_type)


@pytest.mark.slow
@_fuzz(300)
@given(raw=raw_bodies, content_type=content_types)
def test_no_body_gets_a_5xx_with_the_real_detector(
    real_client: httpx.Client, raw: bytes, content_type: str | None
) -> None:
    check_answer(real_client, raw, content_type)
