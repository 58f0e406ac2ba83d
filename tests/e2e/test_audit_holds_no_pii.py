"""The audit trail and the logs hold no PII, whatever a caller puts where.

A values-planting workload sends personal data in every field a caller controls (chat bodies,
headers, query strings, path ids, dataset and file names, transcription fields, key labels,
DSR requests, idempotency keys) through every door, with a key of every role and with none,
refused and failing requests included. Then the tenant's audit export (JSONL and CSV), every
stored record, the vault's log lines and the public /metrics are searched for each planted value
in every form it could take. Messages name the field a value was planted in, never the value.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from tests.e2e.conftest import GROQ_KEY, Upstream
from vault.api import create_app
from vault.api.access_log import AccessLog
from vault.api.deps import SYSTEM_TENANT
from vault.fakegroq import serve_in_thread
from vault.ports import Detector
from vault.services.apikeys import create_api_key
from vault.settings import Settings
from vault.wiring import Vault, build_vault

TENANT = "planted"
ROLES = ("admin", "uploader", "analyst", "reidentifier", "auditor")
MODEL = "llama-3.1-8b-instant"
CHAT = "/openai/v1/chat/completions"
LOGGERS = ("vault", "uvicorn", "uvicorn.error", "uvicorn.access")
_FIRST = ("Hedda", "Osric", "Marit", "Tobin", "Ilsa", "Caspar", "Wenna", "Ludo")


def _letters(n: int) -> str:
    out = ""
    n += 26 * 26  # at least three letters
    while n:
        n, r = divmod(n, 26)
        out = chr(ord("a") + r) + out
    return out


@dataclass
class Plants:
    """Every planted value, by the field it was planted in; each is unique to its field."""

    values: dict[str, list[str]] = field(default_factory=dict)
    planted: int = 0

    def _add(self, where: str, *values: str) -> int:
        self.values.setdefault(where, []).extend(values)
        self.planted += 1
        return self.planted

    def name(self, where: str) -> str:
        n = self.planted
        surname = f"Vexl{_letters(n)}"
        full = f"{_FIRST[n % len(_FIRST)]} {surname}"
        self._add(where, full, surname)
        return full

    def email(self, where: str) -> str:
        value = f"q.wyth{_letters(self.planted)}@example.com"
        self._add(where, value)
        return value

    def number(self, where: str, digits: int = 12) -> str:
        # Digits drawn from the count, not the count itself: a run of zeros could appear in
        # the export's timestamps once their separators are read through.
        spread = (self.planted * 2_654_435_761 + 97_531) % 10 ** (digits - 1)
        value = f"9{spread:0{digits - 1}d}"
        self._add(where, value)
        return value

    def text(self, where: str) -> str:
        """A sentence carrying a name, an e-mail address and a long number."""
        name, mail = self.name(where), self.email(where)
        return f"Please call {name} at {mail} about account {self.number(where)}."


@dataclass
class Served:
    vault: Vault
    url: str
    keys: dict[str, str]
    upstream: Upstream
    plants: Plants
    logs: list[str]
    answers: list[tuple[str, int]]  # (what was sent, status) for every request


class _Lines(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(self.format(record))


def _forms(value: str) -> set[str]:
    """The forms a value could be written in: raw, lower-case, JSON-escaped, percent-encoded."""
    forms = {value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}
    forms |= {quote(value), quote(value, safe=""), quote_plus(value)}
    return {f.lower() for f in forms}


_BETWEEN_DIGITS = re.compile(r"(?<=\d)[\s.\-/_()+%,]+(?=\d)")


def leaked(plants: Plants, haystack: str) -> list[str]:
    """The fields whose planted values appear in `haystack` in any form; a number of eight
    digits or more also when its digits are split by separators."""
    folded = haystack.lower()
    digits = _BETWEEN_DIGITS.sub("", folded)
    found = []
    for where, values in plants.values.items():
        for value in values:
            if any(form in folded for form in _forms(value)) or (
                value.isdigit() and len(value) >= 8 and value in digits
            ):
                found.append(where)
                break
    return found


def _chat_body(plants: Plants, where: str, **extra: Any) -> dict[str, Any]:
    """A chat request with a planted value in every field of the wire format that takes one."""
    arguments = json.dumps({"customer": plants.text(f"{where}.tool_call.arguments")})
    return {
        "model": MODEL,
        "messages": [
            {"role": "system", "content": plants.text(f"{where}.system")},
            {
                "role": "user",
                "content": plants.text(f"{where}.messages.content"),
                "name": f"user_{plants.name(f'{where}.messages.name').replace(' ', '_')}",
            },
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": f"call_{plants.number(f'{where}.tool_call.id')}",
                        "type": "function",
                        "function": {"name": "lookup_customer", "arguments": arguments},
                    }
                ],
            },
            {
                "role": "tool",
                "tool_call_id": "call_1",
                "content": plants.text(f"{where}.tool.content"),
            },
            {"role": "user", "content": [{"type": "text", "text": plants.text(f"{where}.part")}]},
        ],
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "lookup_customer",
                    "description": plants.text(f"{where}.tools.description"),
                    "parameters": {
                        "type": "object",
                        "properties": {
                            "customer": {
                                "type": "string",
                                "description": plants.text(f"{where}.tools.property"),
                            }
                        },
                    },
                },
            }
        ],
        "stop": [plants.email(f"{where}.stop")],
        "metadata": {"note": plants.text(f"{where}.metadata")},
        "user": plants.email(f"{where}.user"),
        "seed": int(plants.number(f"{where}.seed")),
        **extra,
    }


def _workload(served: Served, client: httpx.Client, key: str | None, role: str) -> None:
    """Every door, with planted values in every field, as `role` (or with no key at all)."""
    plants = served.plants

    def send(label: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {})}
        if key is not None:
            headers["authorization"] = f"Bearer {key}"
        if kwargs.pop("stream", False):
            with client.stream(method, url, headers=headers, **kwargs) as answer:
                answer.read()
        else:
            answer = client.request(method, url, headers=headers, **kwargs)
        served.answers.append((f"{role}: {label}", answer.status_code))
        return answer

    p = f"{role}"
    # The text door: body, purpose in the body, the header and the query string.
    for door in ("scan", "anonymize", "reidentify"):
        send(door, "POST", f"/v1/{door}", json={"text": plants.text(f"{p}.{door}.text")})
        send(
            f"{door} body purpose",
            "POST",
            f"/v1/{door}",
            json={"text": "hello", "purpose": plants.email(f"{p}.{door}.purpose")},
        )
        send(
            f"{door} header purpose",
            "POST",
            f"/v1/{door}",
            json={"text": plants.text(f"{p}.{door}.text2"), "purpose": "support"},
            headers={"x-vault-purpose": plants.name(f"{p}.{door}.header_purpose")},
        )
        send(
            f"{door} query purpose",
            "POST",
            f"/v1/{door}",
            params={"purpose": plants.email(f"{p}.{door}.query_purpose")},
            json={"text": "hello"},
        )
    # The proxy: a full body, sync and stream; a purpose that is a name or a mail address; a
    # model that carries PII; a query string; an upstream that fails.
    for stream in (False, True):
        s = "stream" if stream else "sync"
        send(f"chat {s}", "POST", CHAT, json=_chat_body(plants, f"{p}.chat.{s}", stream=stream),
             stream=stream)  # fmt: skip
        send(
            f"chat {s} header purpose",
            "POST",
            CHAT,
            json=_chat_body(plants, f"{p}.chat.{s}.h", stream=stream),
            headers={"x-vault-purpose": plants.email(f"{p}.chat.{s}.purpose")},
            stream=stream,
        )
        send(
            f"chat {s} query purpose",
            "POST",
            CHAT,
            params={"purpose": plants.email(f"{p}.chat.{s}.query")},
            json=_chat_body(plants, f"{p}.chat.{s}.q", stream=stream),
            stream=stream,
        )
        for model in (
            f"llama-{plants.number(f'{p}.chat.{s}.model_number', 16)}",
            plants.email(f"{p}.chat.{s}.model_email"),
            plants.name(f"{p}.chat.{s}.model_name"),
        ):
            send(f"chat {s} model", "POST", CHAT,
                 json=_chat_body(plants, f"{p}.chat.{s}.m", model=model, stream=stream),
                 stream=stream)  # fmt: skip
        served.upstream.behaviour.fail_next(3, status=500)
        send(f"chat {s} upstream fails", "POST", CHAT,
             json=_chat_body(plants, f"{p}.chat.{s}.f", stream=stream), stream=stream)  # fmt: skip
        served.upstream.behaviour.reset()
    send("models path id", "GET", f"/openai/v1/models/{plants.email(f'{p}.models.id')}")

    # Transcription: file name, prompt, language, an unknown field, the purpose header.
    def audio(where: str) -> dict[str, tuple[str, bytes]]:
        return {"file": (f"{plants.email(f'{p}.transcription.{where}')}.wav", b"RIFF0000WAVE")}

    prompt = {"model": "whisper-large-v3", "prompt": plants.text(f"{p}.transcription.prompt")}
    send("transcription", "POST", "/openai/v1/audio/transcriptions", data=prompt,
         files=audio("filename"), headers={"x-vault-purpose": "support"})  # fmt: skip
    send(
        "transcription fields",
        "POST",
        "/openai/v1/audio/transcriptions",
        data={
            **prompt,
            "language": plants.name(f"{p}.transcription.language"),
            "note": plants.text(f"{p}.transcription.unknown"),
        },
        files=audio("filename2"),
    )
    send("transcription header purpose", "POST", "/openai/v1/audio/transcriptions",
         data=prompt, files=audio("filename3"),
         headers={"x-vault-purpose": plants.name(f"{p}.transcription.purpose")})  # fmt: skip
    # Datasets: name, file name, content, options, Idempotency-Key, then ids in paths.
    created = send(
        "dataset upload",
        "POST",
        "/v1/datasets",
        data={"name": plants.text(f"{p}.dataset.name")},
        files={
            "file": (
                f"{plants.email(f'{p}.dataset.filename')}.csv",
                f"name,email\n{plants.name(f'{p}.dataset.cell')},"
                f"{plants.email(f'{p}.dataset.cell2')}\n".encode(),
                "text/csv",
            )
        },
        headers={"idempotency-key": plants.email(f"{p}.dataset.idempotency_key")},
    )
    send(
        "dataset upload, bad options",
        "POST",
        "/v1/datasets",
        data={
            "name": "ok",
            "delimiter": plants.email(f"{p}.dataset.delimiter"),
            "column_policy": json.dumps({plants.name(f"{p}.dataset.column"): "keep"}),
        },
        files={"file": ("a.csv", b"a,b\n1,2\n", "text/csv")},
    )
    bad_id = plants.email(f"{p}.dataset.path_id")
    send("version into a typed id", "POST", f"/v1/datasets/{bad_id}/versions",
         files={"file": ("a.txt", b"hello\n", "text/plain")})  # fmt: skip
    send("dataset typed id", "GET", f"/v1/datasets/{bad_id}")
    send("versions typed id", "GET", f"/v1/datasets/{bad_id}/versions")
    send("content typed id", "GET", f"/v1/datasets/{bad_id}/versions/1/content")
    dataset = created.json().get("id") if created.status_code in (200, 201, 202) else None
    dataset = dataset or "ds_" + "0" * 32
    number = plants.number(f"{p}.dataset.version_number", 12)
    send("content typed number", "GET", f"/v1/datasets/{dataset}/versions/{number}/content")
    send("report typed number", "GET", f"/v1/datasets/{dataset}/versions/{number}/report")
    send(
        "content query purpose",
        "GET",
        f"/v1/datasets/{dataset}/versions/1/content",
        params={"view": "reidentified", "purpose": plants.email(f"{p}.content.purpose")},
    )
    send(
        "content header purpose",
        "GET",
        f"/v1/datasets/{dataset}/versions/1/content",
        params={"view": "reidentified"},
        headers={"x-vault-purpose": plants.name(f"{p}.content.header_purpose")},
    )
    send(
        "content typed view",
        "GET",
        f"/v1/datasets/{dataset}/versions/1/content",
        params={"view": plants.email(f"{p}.content.view")},
    )
    # Keys: a label, roles and ids that carry PII.
    send(
        "apikey label",
        "POST",
        "/v1/apikeys",
        json={"roles": ["admin"], "label": plants.text(f"{p}.apikey.label")},
    )
    send("apikey role", "POST", "/v1/apikeys", json={"roles": [plants.email(f"{p}.apikey.role")]})
    key_path = plants.email(f"{p}.apikey.path_id")
    send("apikey patch id", "PATCH", f"/v1/apikeys/{key_path}", json={"roles": ["analyst"]})
    send("apikey delete id", "DELETE", f"/v1/apikeys/{key_path}")
    # Data subject requests carry the value itself: it must never be written down.
    for door in ("find", "erase"):
        send(f"dsr {door}", "POST", f"/v1/dsr/{door}",
             json={"value": plants.email(f"{p}.dsr.{door}")})  # fmt: skip
        send(f"dsr {door} name", "POST", f"/v1/dsr/{door}",
             json={"value": plants.name(f"{p}.dsr.{door}.name")})  # fmt: skip
    # Compliance and operations with PII in the query, and a path nothing serves.
    send(
        "export query",
        "GET",
        "/v1/audit/export",
        params={"format": plants.email(f"{p}.export.format"), "since": plants.name(f"{p}.since")},
    )
    send("metrics query", "GET", "/metrics", params={"q": plants.email(f"{p}.metrics.query")})
    send("unknown path", "GET", f"/v1/{plants.email(f'{p}.unknown.path')}")


@pytest.fixture(scope="module")
def served(
    upstream: Upstream, real_detector: Detector, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """A vault served as `vault serve` serves it (with its access log), after the workload."""
    settings = Settings(
        data_dir=Path(tmp_path_factory.mktemp("planted")),
        groq_base_url=upstream.url,
        groq_api_key=GROQ_KEY,
        groq_max_retries=0,
        rate_limit_rpm=0,
        _env_file=None,
    )
    logs: list[str] = []
    handler = _Lines(logs)
    with ExitStack() as stack:
        for name in LOGGERS:
            logger = logging.getLogger(name)
            previous = logger.level
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
            stack.callback(logger.setLevel, previous)
            stack.callback(logger.removeHandler, handler)
        vault = build_vault(settings, detector_override=real_detector)
        stack.callback(vault.close)
        url = stack.enter_context(serve_in_thread(AccessLog(create_app(vault=vault))))
        keys = {
            role: create_api_key(vault.api_keys, tenant=TENANT, roles=[role])[1] for role in ROLES
        }
        both = create_api_key(vault.api_keys, tenant=TENANT, roles=["admin", "reidentifier"])[1]
        result = Served(vault, url, keys, upstream, Plants(), logs, [])
        with httpx.Client(base_url=url, timeout=60) as client:
            for role, key in [*keys.items(), ("admin+reidentifier", both), ("no key", None)]:
                _workload(result, client, key, role)
            _workload(result, client, "vk_" + "a" * 12 + "_" + "b" * 43, "unknown key")
            pii_key = result.plants.email("authorization.bearer")
            _workload(result, client, pii_key, "pii as key")
        yield result


def _export(served: Served, fmt: str) -> str:
    answer = httpx.get(
        f"{served.url}/v1/audit/export",
        params={"format": fmt},
        headers={"authorization": f"Bearer {served.keys['auditor']}"},
        timeout=60,
    )
    assert answer.status_code == 200
    return answer.text


def _records(served: Served) -> Iterator[tuple[str, str]]:
    for tenant in (TENANT, SYSTEM_TENANT):
        for record in served.vault.audit.records(tenant):
            event = record.event
            yield (
                f"{tenant} {event.action}",
                json.dumps(
                    {
                        "action": event.action,
                        "object": event.object,
                        "purpose": event.purpose,
                        "actor": event.actor,
                        "source": event.source,
                        "details": event.details,
                    },
                    default=str,
                ),
            )


def test_the_search_finds_a_planted_value_in_every_form() -> None:
    plants = Plants()
    name, mail, number = plants.name("a"), plants.email("b"), plants.number("c")
    assert leaked(plants, f"x {name.upper()} y") == ["a"]
    assert leaked(plants, json.dumps({"k": f"<{mail}>"})) == ["b"]
    assert leaked(plants, quote(f"?{mail}", safe="")) == ["b"]
    assert leaked(plants, f"{number[:4]}-{number[4:8]} {number[8:]}") == ["c"]
    assert leaked(plants, "nothing planted here 2026-01-02T10:11:12.930000+00:00") == []


def test_the_workload_reached_every_door(served: Served) -> None:
    statuses = {status for _, status in served.answers}
    assert {200, 400, 401, 403, 404} <= statuses
    answered = dict(served.answers)
    for done in (
        "analyst: chat sync",
        "analyst: chat stream",
        "reidentifier: chat sync",
        "reidentifier: chat stream",
        "analyst: transcription",
        "admin: dsr find",
        "admin: dsr erase",
        "analyst: anonymize",
        "reidentifier: reidentify header purpose",
    ):
        assert answered[done] == 200, done
    assert answered["uploader: dataset upload"] in (201, 202)
    assert answered["admin: apikey label"] == 201
    assert sum(1 for _ in served.vault.audit.records(TENANT)) > 100


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_audit_export_holds_no_planted_value(served: Served, fmt: str) -> None:
    exported = _export(served, fmt)
    assert exported.count("\n") > 100
    assert leaked(served.plants, exported) == []


def test_no_stored_audit_record_holds_a_planted_value(served: Served) -> None:
    found = sorted({f"{what}: {where}" for what, record in _records(served)
                    for where in leaked(served.plants, record)})  # fmt: skip
    assert found == []


def test_the_logs_hold_no_planted_value(served: Served) -> None:
    assert any(line.startswith("vault.access") for line in served.logs)
    found = sorted({where for line in served.logs for where in leaked(served.plants, line)})
    assert found == []


def test_the_public_metrics_hold_no_planted_value(served: Served) -> None:
    metrics = httpx.get(f"{served.url}/metrics", timeout=60).text
    assert leaked(served.plants, metrics) == []


def test_no_planted_request_is_answered_with_a_server_error(served: Served) -> None:
    # An upstream that fails is a 502/503/504 by design; nothing else may be a 5xx.
    failed = sorted(
        f"{what}: {status}"
        for what, status in served.answers
        if status >= 500 and not what.endswith("upstream fails")
    )
    assert failed == []
