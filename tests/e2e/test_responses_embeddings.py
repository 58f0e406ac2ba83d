"""The Responses API and embeddings through the vault with the official openai SDK, only
`base_url` changed, against the fake Groq over HTTP and the real detector: what the fake receives
holds no planted value, answers come back restored for a reidentifier and tokenized for an
analyst, anything not understood is a 400 naming the field that reaches nothing upstream."""

from __future__ import annotations

import json

import httpx
import openai
import pytest

from tests.e2e.conftest import GROQ_KEY, TENANT, Proxy, Upstream
from tests.e2e.test_proxy_chat import (
    CARD,
    EMAIL,
    MODEL,
    NAME,
    PROMPT,
    TOKEN,
    VALUES,
    assert_no_values,
    openai_sdk,
)
from vault.fakegroq._embeddings import vector_of

EMBEDDING_MODEL = "nomic-embed-text-v1_5"


def _since(upstream: Upstream, mark: int, suffix: str) -> list[bytes]:
    return [r.body for r in upstream.received[mark:] if r.path.endswith(suffix)]


def test_a_text_response_is_restored_for_a_reidentifier(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "reidentifier")
    response = client.responses.create(model=MODEL, instructions="Answer briefly.", input=PROMPT)
    assert response.object == "response" and response.status == "completed"
    assert response.output_text == f"You said: {PROMPT}"
    assert response.usage is not None and response.usage.total_tokens > 0
    [sent] = _since(upstream, mark, "/chat/completions")
    assert_no_values(upstream.bodies_since(mark))
    body = json.loads(sent)
    assert body["messages"][0] == {"role": "system", "content": "Answer briefly."}
    assert TOKEN.search(body["messages"][1]["content"])
    actions = [
        (r.event.action, r.event.details.get("door")) for r in proxy.vault.audit.records(TENANT)
    ]
    assert ("proxy.request", "responses") in actions


def test_an_analyst_gets_tokens_and_input_items_are_understood(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "analyst")
    response = client.responses.create(
        model=MODEL,
        input=[
            {"role": "user", "content": [{"type": "input_text", "text": f"Hi, I am {NAME}."}]},
            {"type": "message", "role": "assistant", "content": "Hello."},
            {"role": "user", "content": f"Mail {EMAIL} about card {CARD}."},
        ],
    )
    text = response.output_text
    assert text.startswith("You said: Mail ")
    for value in VALUES:
        assert value not in text
    assert TOKEN.search(text)
    assert_no_values(upstream.bodies_since(mark))
    [sent] = _since(upstream, mark, "/chat/completions")
    roles = [m["role"] for m in json.loads(sent)["messages"]]
    assert roles == ["user", "assistant", "user"]


def test_a_streamed_response_is_restored_event_by_event(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "reidentifier")
    events = list(client.responses.create(model=MODEL, input=PROMPT, stream=True))
    kinds = [event.type for event in events]
    assert kinds[:2] == ["response.created", "response.in_progress"]
    assert kinds[-1] == "response.completed"
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas == f"You said: {PROMPT}"
    done = events[-1].response
    assert done.output_text == f"You said: {PROMPT}"
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert_no_values(upstream.bodies_since(mark))


def test_function_tools_round_trip(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "reidentifier")
    tools = [
        {
            "type": "function",
            "name": "charge_card",
            "description": "Charge a card",
            "parameters": {"type": "object", "properties": {"note": {"type": "string"}}},
        }
    ]
    response = client.responses.create(
        model=MODEL, input=f"charge_card {CARD} for {NAME}", tools=tools, tool_choice="required"
    )
    [call] = [item for item in response.output if item.type == "function_call"]
    assert call.name == "charge_card"
    assert json.loads(call.arguments) == {"note": f"charge_card {CARD} for {NAME}"}
    followed = client.responses.create(
        model=MODEL,
        tools=tools,
        input=[
            {"role": "user", "content": f"charge_card {CARD} for {NAME}"},
            {
                "type": "function_call",
                "call_id": call.call_id,
                "name": call.name,
                "arguments": call.arguments,
            },
            {"type": "function_call_output", "call_id": call.call_id, "output": f"done, {NAME}"},
        ],
    )
    assert followed.output_text == f"Tool said: done, {NAME}"
    assert_no_values(upstream.bodies_since(mark))


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"previous_response_id": "resp_1"}, "body.previous_response_id"),
        ({"tools": [{"type": "web_search"}]}, "tools[0].type"),
        ({"input": [{"type": "input_image", "image_url": "x"}]}, "input[0].type"),
        ({"input": [{"role": "user", "content": "hi", "extra": 1}]}, "input[0].extra"),
        ({"store": True}, "store"),
        ({"text": {"format": {"type": "grammar"}}}, "text.format.type"),
    ],
)
def test_anything_not_understood_is_a_400_naming_it_and_nothing_is_sent(
    body: dict[str, object], param: str, proxy: Proxy, upstream: Upstream
):
    mark = len(upstream.received)
    request = {"model": MODEL, "input": PROMPT, **body}
    answer = httpx.post(
        f"{proxy.url}/openai/v1/responses",
        json=request,
        headers={"Authorization": f"Bearer {proxy.keys['analyst']}"},
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["param"] == param
    assert_no_values(answer.content)
    assert len(upstream.received) == mark


def test_embeddings_embed_the_tokenized_text(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "analyst")
    texts = [f"{NAME} wrote from {EMAIL}", "a plain sentence"]
    result = client.embeddings.create(model=EMBEDDING_MODEL, input=texts)
    assert [item.index for item in result.data] == [0, 1]
    [sent] = _since(upstream, mark, "/embeddings")
    assert_no_values(upstream.bodies_since(mark))
    sent_body = json.loads(sent)
    embedded = sent_body["input"]
    assert TOKEN.search(embedded[0]) and embedded[1] == "a plain sentence"
    assert set(sent_body) <= {"model", "input", "encoding_format", "dimensions"}
    for item, text in zip(result.data, embedded, strict=True):
        assert item.embedding == pytest.approx(vector_of(text), abs=1e-6)
    again = client.embeddings.create(model=EMBEDDING_MODEL, input=f"{NAME} wrote from {EMAIL}")
    assert again.data[0].embedding == result.data[0].embedding  # same value, same token
    records = [r.event for r in proxy.vault.audit.records(TENANT)]
    assert any(e.action == "proxy.embeddings" and e.outcome == "ok" for e in records)


def test_embeddings_refuse_what_they_do_not_understand(proxy: Proxy, upstream: Upstream):
    mark = len(upstream.received)
    client = openai_sdk(proxy, "analyst")
    with pytest.raises(openai.BadRequestError) as caught:
        client.embeddings.create(model=EMBEDDING_MODEL, input=[[1, 2, 3]])  # type: ignore[list-item]
    assert caught.value.body["param"] == "input[0]"  # type: ignore[index]
    with pytest.raises(openai.BadRequestError) as caught:
        client.embeddings.create(model=EMBEDDING_MODEL, input="x", user=NAME)
    assert caught.value.body["param"] == "user"  # type: ignore[index]
    assert NAME not in str(caught.value)
    assert len(upstream.received) == mark


def test_any_other_openai_path_is_a_groq_shaped_404_that_reaches_nothing(
    proxy: Proxy, upstream: Upstream
):
    mark = len(upstream.received)
    for method, path in (("POST", "/openai/v1/assistants"), ("GET", f"/openai/v1/x/{EMAIL}")):
        answer = httpx.request(
            method,
            f"{proxy.url}{path}",
            headers={"Authorization": f"Bearer {proxy.keys['analyst']}"},
        )
        assert answer.status_code == 404
        error = answer.json()["error"]
        assert error["code"] == "unknown_url" and error["type"] == "invalid_request_error"
        assert error["message"].startswith(f"Unknown request URL: {method}")
        assert EMAIL not in answer.text
    assert len(upstream.received) == mark


def test_the_fake_groq_serves_responses_and_embeddings_to_the_sdk(upstream: Upstream):
    with openai.OpenAI(base_url=f"{upstream.url}/openai/v1", api_key=GROQ_KEY) as direct:
        response = direct.responses.create(model=MODEL, input="Hello there")
        assert response.output_text == "You said: Hello there"
        events = list(direct.responses.create(model=MODEL, input="Hi", stream=True))
        assert events[-1].type == "response.completed"
        text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
        assert text == "You said: Hi"
        followed = direct.responses.create(
            model=MODEL,
            input=[{"type": "function_call_output", "call_id": "c1", "output": "42"}],
        )
        assert followed.output_text == "Tool said: 42"
        with pytest.raises(openai.NotFoundError):
            direct.responses.create(model="no-such-model", input="x")
        embedded = direct.embeddings.create(model=EMBEDDING_MODEL, input=["a", "b"])
        assert embedded.data[1].embedding == pytest.approx(vector_of("b"), abs=1e-6)
