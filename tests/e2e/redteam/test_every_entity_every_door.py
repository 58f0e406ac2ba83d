"""Every entity type through every door: text, proxy (plain, streamed, a tool call's arguments),
datasets (CSV, JSONL, text) and transcription prompts.

Each (entity, door) pair is a tenant of its own. Each request must succeed, leave a token of the
entity's type where the value was (in the answer, in what Groq received, in the stored dataset),
leave the value nowhere, and add exactly one audit record.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Proxy, Upstream
from tests.e2e.redteam.leak import leak_forms
from vault.services.apikeys import create_api_key

MODEL = "llama-3.3-70b-versatile"

# entity type → (value, a sentence that gives it context)
ENTITIES: dict[str, tuple[str, str]] = {
    "PERSON": ("Priya Patel", "My name is Priya Patel and I need help with my order."),
    "LOCATION": ("Lisbon", "She moved to Lisbon, Portugal, last year."),
    "EMAIL_ADDRESS": (
        "liam.oconnor@fabrikam.net",
        "Please write to liam.oconnor@fabrikam.net about the refund.",
    ),
    "PHONE_NUMBER": ("212-555-0187", "Call me on (212) 555-0187 tomorrow morning."),
    "US_SSN": ("536-90-4399", "My social security number is 536-90-4399."),
    "CREDIT_CARD": ("5500005555555559", "Charge my credit card 5500 0055 5555 5559, please."),
    "IBAN_CODE": (
        "DE89370400440532013000",
        "Wire the refund to IBAN DE89 3704 0044 0532 0130 00.",
    ),
    "IP_ADDRESS": ("203.0.113.45", "The login came from IP address 203.0.113.45 last night."),
    "URL": (
        "https://www.linkedin.com/in/priya-patel-4821",
        "My profile is at https://www.linkedin.com/in/priya-patel-4821 if you need it.",
    ),
    "DATE_TIME": ("March 12, 1984", "I was born on March 12, 1984, in a small town."),
    "US_PASSPORT": ("C03005988", "My US passport number is C03005988."),
    "US_DRIVER_LICENSE": ("D6101407", "My driver's license number is D6101407."),
    "US_BANK_NUMBER": ("738412093657", "My bank account number is 738412093657."),
    "CRYPTO": (
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "Send the bitcoin to wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT today.",
    ),
    "SECRET": (
        "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",
        "Here is my Groq API key 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, keep it safe.",
    ),
    "MEDICAL_LICENSE": ("BJ4821903", "The prescriber's DEA number is BJ4821903."),
    "US_ITIN": ("912-78-4563", "My ITIN is 912-78-4563 for the tax form."),
}
DOORS = (
    "anonymize",
    "proxy-sync",
    "proxy-stream",
    "tool-call-arguments",
    "dataset-csv",
    "dataset-jsonl",
    "dataset-text",
    "transcription",
)


def token_pattern(entity: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![A-Za-z0-9_]){re.escape(entity)}_[0-9A-HJKMNP-TV-Z]{{10}}(?![0-9A-Za-z])"
    )


def wait_for(condition: Callable[[], bool], *, tries: int = 500) -> bool:
    """Poll `condition` for up to about ten seconds; a bound against hangs, not a speed goal."""
    pause = threading.Event()
    for _ in range(tries):
        if condition():
            return True
        pause.wait(0.02)
    return condition()


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(60, connect=5)) as http:
        yield http


class Door:
    """One (entity, door) run: its own tenant, its keys, and the audit count around a request."""

    def __init__(self, proxy: Proxy, upstream: Upstream, client: httpx.Client, name: str) -> None:
        self.proxy, self.upstream, self.client = proxy, upstream, client
        self.tenant = f"door-{name}-{uuid.uuid4().hex[:8]}".lower()

    def key(self, *roles: str) -> dict[str, str]:
        _, secret = create_api_key(self.proxy.vault.api_keys, tenant=self.tenant, roles=roles)
        return {"Authorization": f"Bearer {secret}"}

    def audit_count(self) -> int:
        return sum(1 for _ in self.proxy.vault.audit.records(self.tenant))

    def request(self, method: str, path: str, **options: Any) -> tuple[httpx.Response, bytes]:
        """Send one request; return its answer and what Groq got. Checks its one audit record."""
        before = self.audit_count()
        mark = len(self.upstream.received)
        url = self.proxy.url + path
        if options.pop("stream", False):
            with self.client.stream(method, url, **options) as answer:
                answer.read()
        else:
            answer = self.client.request(method, url, **options)
        sent = self.upstream.bodies_since(mark)
        # A finished proxy request is stored just after its answer went back: wait for it,
        # then give a second record the same time to show up.
        wait_for(lambda: self.audit_count() > before)
        threading.Event().wait(0.2)
        added = self.audit_count() - before
        assert added == 1, f"{method} {path} added {added} audit records, not one"
        return answer, sent


def assert_tokenized(where: str, text: str | bytes, entity: str, value: str) -> None:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    forms = leak_forms(text, value)
    assert not forms, f"{entity} leaked in {where} as {', '.join(forms)}"
    assert token_pattern(entity).search(text), f"no {entity} token in {where}"


def chat(content: str, **extra: Any) -> dict[str, Any]:
    return {"model": MODEL, "messages": [{"role": "user", "content": content}], **extra}


def run_anonymize(door: Door, entity: str, value: str, sentence: str) -> None:
    answer, _ = door.request(
        "POST", "/v1/anonymize", json={"text": sentence}, headers=door.key("analyst")
    )
    assert answer.status_code == 200, f"anonymize answered {answer.status_code}"
    assert_tokenized("the anonymized text", answer.json()["text"], entity, value)


def run_proxy(door: Door, entity: str, value: str, body: dict[str, Any], *, stream: bool) -> None:
    answer, sent = door.request(
        "POST",
        "/openai/v1/chat/completions",
        json={**body, "stream": stream},
        headers=door.key("analyst", "reidentifier"),
        stream=stream,
    )
    assert 200 <= answer.status_code < 300, f"the proxy answered {answer.status_code}"
    assert sent, "nothing reached Groq"
    assert_tokenized("what Groq received", sent, entity, value)


def run_tool_call(door: Door, entity: str, value: str, sentence: str) -> None:
    body = {
        "model": MODEL,
        "messages": [
            {"role": "user", "content": "Please file this for me."},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_k3v9q2x7a",
                        "type": "function",
                        "function": {
                            "name": "file_note",
                            "arguments": json.dumps({"note": sentence}),
                        },
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_k3v9q2x7a", "content": "filed"},
            {"role": "user", "content": "Thanks."},
        ],
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "file_note",
                    "description": "File a note.",
                    "parameters": {"type": "object", "properties": {"note": {"type": "string"}}},
                },
            }
        ],
    }
    run_proxy(door, entity, value, body, stream=False)


def dataset_file(kind: str, sentence: str) -> tuple[str, bytes, str]:
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows([["id", "note"], ["1", sentence], ["2", "nothing to see here"]])
        return "notes.csv", out.getvalue().encode(), "text/csv"
    if kind == "jsonl":
        lines = [json.dumps({"id": 1, "note": sentence}), json.dumps({"id": 2, "note": "none"})]
        return "notes.jsonl", ("\n".join(lines) + "\n").encode(), "application/x-ndjson"
    return (
        "notes.txt",
        f"Ticket 1: {sentence}\nTicket 2: nothing to see here\n".encode(),
        "text/plain",
    )


def run_dataset(door: Door, entity: str, value: str, sentence: str, kind: str) -> None:
    uploader = door.key("uploader")
    created, _ = door.request(
        "POST",
        "/v1/datasets",
        data={"name": f"notes-{kind}"},
        files={"file": dataset_file(kind, sentence)},
        headers=uploader,
    )
    assert created.status_code == 201, f"the upload answered {created.status_code}"
    dataset = created.json()["id"]
    version = created.json()["version"]["version"]
    content, _ = door.request(
        "GET", f"/v1/datasets/{dataset}/versions/{version}/content", headers=uploader
    )
    assert content.status_code == 200, f"the download answered {content.status_code}"
    assert_tokenized(f"the anonymized {kind} dataset", content.content, entity, value)


def run_transcription(door: Door, entity: str, value: str, sentence: str) -> None:
    answer, sent = door.request(
        "POST",
        "/openai/v1/audio/transcriptions",
        data={"model": "whisper-large-v3", "prompt": sentence, "response_format": "json"},
        files={"file": ("memo.wav", b"Thanks for calling, goodbye.", "audio/wav")},
        headers=door.key("analyst"),
    )
    assert 200 <= answer.status_code < 300, f"transcription answered {answer.status_code}"
    assert sent, "nothing reached Groq"
    assert_tokenized("the transcription request Groq received", sent, entity, value)


@pytest.mark.parametrize("door_name", DOORS)
@pytest.mark.parametrize("entity", ENTITIES)
def test_every_entity_through_every_door(
    entity: str,
    door_name: str,
    proxy: Proxy,
    upstream: Upstream,
    client: httpx.Client,
) -> None:
    value, sentence = ENTITIES[entity]
    door = Door(proxy, upstream, client, f"{entity}-{door_name}")
    if door_name == "anonymize":
        run_anonymize(door, entity, value, sentence)
    elif door_name in ("proxy-sync", "proxy-stream"):
        run_proxy(door, entity, value, chat(sentence), stream=door_name == "proxy-stream")
    elif door_name == "tool-call-arguments":
        run_tool_call(door, entity, value, sentence)
    elif door_name.startswith("dataset-"):
        run_dataset(door, entity, value, sentence, door_name.removeprefix("dataset-"))
    else:
        run_transcription(door, entity, value, sentence)
