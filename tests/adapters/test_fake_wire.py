"""The fake Groq's JSON endpoints refuse a bad request the same way, in Groq's words: a body that
is not JSON or not an object, an unknown property, a model that is not a string or not served."""

from __future__ import annotations

import httpx
import pytest

from tests.adapters.conftest import FAKE_GROQ_KEY

HEADERS = {"authorization": f"Bearer {FAKE_GROQ_KEY}", "content-type": "application/json"}
CHAT_MODEL = "llama-3.3-70b-versatile"
EMBEDDING_MODEL = "nomic-embed-text-v1_5"
ENDPOINTS = [
    ("embeddings", EMBEDDING_MODEL, CHAT_MODEL),
    ("responses", CHAT_MODEL, EMBEDDING_MODEL),
]


def _post(url: str, path: str, content: bytes) -> httpx.Response:
    return httpx.post(f"{url}/openai/v1/{path}", content=content, headers=HEADERS)


@pytest.mark.parametrize(("path", "served", "other"), ENDPOINTS)
def test_a_model_endpoint_refuses_each_bad_request_in_groq_words(
    url: str, path: str, served: str, other: str
) -> None:
    cases = [
        (b"{not json", 400, "We could not parse the JSON body of your request.", None, None),
        (b"[1, 2]", 400, "'$' : value must be an object", None, None),
        (
            b'{"model": "%s", "colour": 1}' % served.encode(),
            400,
            "property 'colour' is unsupported",
            None,
            None,
        ),
        (b'{"model": 7}', 400, "'model' : value must be a string", "model", None),
        (
            b'{"model": "%s", "input": "hi"}' % other.encode(),
            404,
            f"The model `{other}` does not exist or you do not have access to it.",
            None,
            "model_not_found",
        ),
    ]
    for content, status, message, param, code in cases:
        answer = _post(url, path, content)
        assert answer.status_code == status, (content, answer.text)
        error = answer.json()["error"]
        assert error["message"] == message
        assert error["type"] == "invalid_request_error"
        assert error.get("param") == param
        assert error.get("code") == code


@pytest.mark.parametrize(("path", "served", "other"), ENDPOINTS)
def test_a_model_endpoint_answers_a_good_request(
    url: str, path: str, served: str, other: str
) -> None:
    answer = _post(url, path, b'{"model": "%s", "input": "hi"}' % served.encode())
    assert answer.status_code == 200, answer.text
    assert answer.json()["model"] == served


def test_a_batch_refuses_a_body_that_is_not_a_json_object(url: str) -> None:
    for content, message in [
        (b"{not json", "We could not parse the JSON body of your request."),
        (b'"a string"', "'$' : value must be an object"),
    ]:
        answer = _post(url, "batches", content)
        assert answer.status_code == 400, answer.text
        assert answer.json() == {"error": {"message": message, "type": "invalid_request_error"}}
