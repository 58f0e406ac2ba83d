"""Prompts over a stored dataset, end to end: vault over HTTP → fake Groq over HTTP, with the real
detector. The fake records every request: each rendered row must reach it tokenized, byte for
byte as built from the anonymized version, and the re-identified result must hold the answers
row for row."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import GROQ_KEY, TENANT, Proxy, Upstream
from tests.e2e.test_jobs import _LAUNCH
from tests.e2e.test_proxy_chat import MODEL, TOKEN, assert_no_values
from vault.services.apikeys import create_api_key

NAMES = ["Maria Garcia", "John Smith", "Aiko Tanaka", "Pierre Dubois"]
EMAILS = ("maria.garcia@example.com", "john.smith@example.org", "aiko@example.net", "pd@example.fr")
TEMPLATE = "Classify this ticket from {name}: {notes}"


def _csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "email", "notes"])
    for i in range(rows):
        name, email = NAMES[i % len(NAMES)], EMAILS[i % len(EMAILS)]
        writer.writerow([name, email, f"Ticket {i}: {name} cannot log in, write to {email}"])
    return out.getvalue().encode()


def _rows(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode())))


class _Caller:
    def __init__(self, proxy: Proxy) -> None:
        _, self.key = create_api_key(
            proxy.vault.api_keys, tenant=TENANT, roles=["uploader", "analyst", "reidentifier"]
        )
        self.http = httpx.Client(
            base_url=proxy.url, headers={"Authorization": f"Bearer {self.key}"}, timeout=60
        )

    def upload(self, content: bytes, name: str = "tickets") -> str:
        answer = self.http.post(
            "/v1/datasets", data={"name": name}, files={"file": ("t.csv", content, "text/csv")}
        )
        assert answer.status_code == 201, answer.text
        return str(answer.json()["id"])

    def infer(self, dataset_id: str, **body: Any) -> httpx.Response:
        return self.http.post(f"/v1/datasets/{dataset_id}/versions/1/infer", json=body)

    def wait(self, job_id: str) -> dict[str, Any]:
        for _ in range(600):
            job = self.http.get(f"/v1/jobs/{job_id}").json()
            if job["state"] not in ("queued", "running"):
                return job  # type: ignore[no-any-return]
            time.sleep(0.05)
        raise AssertionError("the job never ended")

    def content(self, dataset_id: str, version: int, *, view: str = "anonymized") -> bytes:
        answer = self.http.get(
            f"/v1/datasets/{dataset_id}/versions/{version}/content",
            params={"view": view, "purpose": "analytics"},
        )
        assert answer.status_code == 200, answer.text
        return answer.content


@pytest.fixture(scope="module")
def caller(proxy: Proxy) -> Any:
    made = _Caller(proxy)
    yield made
    made.http.close()


def _payload(prompt: str) -> bytes:
    body = {"model": MODEL, "messages": [{"role": "user", "content": prompt}]}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _chats(upstream: Upstream, mark: int) -> list[bytes]:
    return [r.body for r in upstream.received[mark:] if r.path.endswith("/chat/completions")]


def _sent(upstream: Upstream, mark: int, mode: str) -> list[bytes]:
    """The chat request bodies the vault sent the fake Groq since `mark`: each chat call's body
    online; in batch mode each line's body in the one uploaded batch file (and no chat call)."""
    if mode == "online":
        return _chats(upstream, mark)
    [upload] = [r for r in upstream.received[mark:] if r.path.endswith("/files")]
    assert not _chats(upstream, mark)
    return [
        json.dumps(json.loads(line)["body"], ensure_ascii=False, separators=(",", ":")).encode()
        for line in upload.body.split(b"\r\n\r\n", 2)[-1].splitlines()
        if line.startswith(b'{"custom_id"')
    ]


@pytest.mark.parametrize("mode", ["online", "batch"])
def test_every_row_reaches_groq_tokenized_and_the_answers_come_back_row_for_row(
    mode: str, caller: _Caller, proxy: Proxy, upstream: Upstream
):
    source = _csv(12)
    dataset_id = caller.upload(source)
    stored = _rows(caller.content(dataset_id, 1))
    mark = len(upstream.received)

    answer = caller.infer(
        dataset_id, model=MODEL, template=TEMPLATE, output_column="category", mode=mode
    )
    assert answer.status_code == 202, answer.text
    started = answer.json()
    assert started["rows_total"] == 12 and started["source"] == f"{dataset_id}/v1"
    # The jobs route knows the total from the start: the source version's rows.
    assert caller.http.get(f"/v1/jobs/{started['id']}").json()["rows_total"] == 12
    job = caller.wait(started["id"])
    assert job["state"] == "succeeded", job
    assert job["rows_done"] == job["rows_total"] == 12

    expected = [_payload(TEMPLATE.format(**row)) for row in stored]
    sent = _sent(upstream, mark, mode)
    assert sorted(sent) == sorted(expected)  # the exact bytes, every row once
    assert_no_values(upstream.bodies_since(mark), (*NAMES, *EMAILS))
    assert all(TOKEN.search(body.decode()) for body in sent)

    derived = job["dataset_id"]
    assert derived != dataset_id and job["version"] == 1
    tokenized = _rows(caller.content(derived, 1))
    assert [r["category"] for r in tokenized] == [
        "You said: " + TEMPLATE.format(**row) for row in stored
    ]
    restored = _rows(caller.content(derived, 1, view="reidentified"))
    originals = _rows(source)
    assert len(restored) == len(originals)
    for got, row in zip(restored, originals, strict=True):
        assert {k: got[k] for k in row} == row
        assert got["category"] == "You said: " + TEMPLATE.format(**row)

    report = caller.http.get(f"/v1/datasets/{derived}/versions/1/report").json()
    lineage = report["report"]["lineage"] if "report" in report else report["lineage"]
    assert lineage["source"] == f"{dataset_id}/v1"
    assert lineage["model"] == MODEL and lineage["mode"] == mode
    assert lineage["answered"] == 12 and lineage["complete"] is True
    assert len(lineage["template_sha256"]) == 64
    if mode == "batch":
        assert lineage["batch_id"].startswith("batch_") and lineage["upstream_batch_id"]
    finish = [
        r.event
        for r in proxy.vault.audit.records(TENANT)
        if r.event.action == "dataset.infer.finish" and r.event.details.get("job") == job["id"]
    ]
    assert len(finish) == 1
    assert finish[0].details["source"] == f"{dataset_id}/v1"
    assert finish[0].details["output"] == f"{derived}/v1"


def test_bad_input_is_a_4xx_naming_the_field_before_anything_is_sent(
    caller: _Caller, upstream: Upstream
):
    dataset_id = caller.upload(_csv(3))
    mark = len(upstream.received)

    missing = caller.infer(dataset_id, model=MODEL, template="Sort {notes} by {priority}")
    assert missing.status_code == 400
    assert missing.json()["error"]["param"] == "template"
    assert "'priority'" in missing.json()["error"]["message"]

    unknown_model = caller.infer(dataset_id, model="no-such-model", template="{notes}")
    assert unknown_model.status_code == 400
    assert unknown_model.json()["error"]["param"] == "model"
    assert unknown_model.json()["error"]["code"] == "model_not_found"

    for bad in (0, -1, "10", 10**9):
        answer = caller.infer(dataset_id, model=MODEL, template="{notes}", max_rows=bad)
        assert answer.status_code == 400
        assert answer.json()["error"]["param"] == "max_rows"

    clash = caller.infer(dataset_id, model=MODEL, template="{notes}", output_column="email")
    assert clash.status_code == 400 and clash.json()["error"]["param"] == "output_column"
    extra = caller.infer(dataset_id, model=MODEL, template="{notes}", stream=True)
    assert extra.status_code == 400 and extra.json()["error"]["param"] == "stream"
    mode = caller.infer(dataset_id, model=MODEL, template="{notes}", mode="sometimes")
    assert mode.status_code == 400 and mode.json()["error"]["param"] == "mode"

    assert not _chats(upstream, mark)
    assert not [r for r in upstream.received[mark:] if r.method == "POST"]
    for answer in (missing, unknown_model, clash):
        assert_no_values(answer.content, (*NAMES, *EMAILS))


def test_max_rows_sends_only_that_many(caller: _Caller, upstream: Upstream):
    dataset_id = caller.upload(_csv(8))
    mark = len(upstream.received)
    answer = caller.infer(dataset_id, model=MODEL, template="{notes}", max_rows=3)
    assert answer.status_code == 202, answer.text
    job = caller.wait(answer.json()["id"])
    assert job["state"] == "succeeded"
    assert len(_chats(upstream, mark)) == 3
    assert len(_rows(caller.content(job["dataset_id"], 1))) == 3


def test_a_job_cancelled_midway_keeps_what_was_done_and_says_so(
    caller: _Caller, upstream: Upstream
):
    dataset_id = caller.upload(_csv(40))
    upstream.behaviour.latency = 0.1
    answer = caller.infer(dataset_id, model=MODEL, template="{notes}", concurrency=1)
    assert answer.status_code == 202, answer.text
    job_id = answer.json()["id"]
    for _ in range(400):
        if caller.http.get(f"/v1/jobs/{job_id}").json()["rows_done"] >= 3:
            break
        time.sleep(0.05)
    cancelled = caller.http.post(f"/v1/jobs/{job_id}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    job = caller.wait(job_id)
    assert job["state"] == "cancelled"
    done = job["rows_done"]
    assert 3 <= done < 40
    assert job["version"] == 1
    assert f"version 1 holds the {done} of 40 rows done" in job["error"]["message"]
    kept = _rows(caller.content(job["dataset_id"], 1))
    assert len(kept) == done
    assert all(row["answer"].startswith("You said: ") for row in kept)
    report = caller.http.get(f"/v1/datasets/{job['dataset_id']}/versions/1/report").json()
    lineage = report["report"]["lineage"] if "report" in report else report["lineage"]
    assert lineage["complete"] is False and lineage["answered"] == done


def test_infer_needs_infer_and_dataset_write(caller: _Caller, proxy: Proxy):
    dataset_id = caller.upload(_csv(2))
    with httpx.Client(
        base_url=proxy.url, headers={"Authorization": f"Bearer {proxy.keys['analyst']}"}
    ) as analyst:
        answer = analyst.post(
            f"/v1/datasets/{dataset_id}/versions/1/infer",
            json={"model": MODEL, "template": "{notes}"},
        )
    assert answer.status_code == 403
    assert "dataset.write" in answer.json()["error"]["message"]


def _cli(args: list[str], data_dir: Path, upstream: Upstream) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")}
    env |= {
        "VAULT_DATA_DIR": str(data_dir),
        "VAULT_GROQ_BASE_URL": upstream.url,
        "GROQ_API_KEY": GROQ_KEY,
        "COLUMNS": "120",
    }
    command = [sys.executable, "-c", _LAUNCH, "0", *args]
    repo = Path(__file__).resolve().parents[2]
    return subprocess.run(
        command, env=env, cwd=repo, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_cli_infers_with_a_progress_bar(tmp_path: Path, upstream: Upstream):
    data_dir = tmp_path / "data"
    source = tmp_path / "tickets.csv"
    source.write_bytes(_csv(6))
    uploaded = _cli(
        ["datasets", "upload", str(source), "--tenant", "acme", "--name", "t"], data_dir, upstream
    )
    assert uploaded.returncode == 0, uploaded.stderr
    dataset = uploaded.stdout.split()[0]
    mark = len(upstream.received)
    args = ["datasets", "infer", dataset, "1", "--tenant", "acme", "--model", MODEL]
    inferred = _cli([*args, "--template", TEMPLATE], data_dir, upstream)
    assert inferred.returncode == 0, inferred.stderr
    assert re.search(r"inferring .* 6/6", inferred.stderr)
    derived, _, number = inferred.stdout.split()[:3]
    assert derived.startswith("ds_") and derived != dataset and number == "1"
    assert len(_chats(upstream, mark)) == 6
    # The CLI here runs the regex detector, which finds e-mail addresses but not names.
    assert_no_values(upstream.bodies_since(mark), EMAILS)

    refused = _cli([*args, "--template", "{nowhere}"], data_dir, upstream)
    assert refused.returncode == 1 and "'nowhere'" in refused.stderr
    assert len(_chats(upstream, mark)) == 6


def _jsonl_upload(caller: _Caller, records: list[dict[str, Any]]) -> str:
    content = b"".join(json.dumps(r).encode() + b"\n" for r in records)
    answer = caller.http.post(
        "/v1/datasets",
        data={"name": "tickets-jsonl"},
        files={"file": ("t.jsonl", content, "application/jsonl")},
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def test_json_fields_and_nested_paths_render_and_come_back_row_for_row(
    caller: _Caller, upstream: Upstream
):
    records = [
        {"customer": {"name": NAMES[i], "email": EMAILS[i]}, "notes": f"refund {i}", "n": i}
        for i in range(4)
    ]
    dataset_id = _jsonl_upload(caller, records)
    stored = [json.loads(line) for line in caller.content(dataset_id, 1).splitlines()]
    mark = len(upstream.received)
    template = "Reply to {customer.name} ({customer.email}) about {notes}, case {n}"
    answer = caller.infer(dataset_id, model=MODEL, template=template, output_column="reply")
    assert answer.status_code == 202, answer.text
    job = caller.wait(answer.json()["id"])
    assert job["state"] == "succeeded", job

    def rendered(row: dict[str, Any]) -> str:
        c = row["customer"]
        return f"Reply to {c['name']} ({c['email']}) about {row['notes']}, case {row['n']}"

    assert sorted(_chats(upstream, mark)) == sorted(_payload(rendered(r)) for r in stored)
    assert_no_values(upstream.bodies_since(mark), (*NAMES, *EMAILS))
    restored = [
        json.loads(line)
        for line in caller.content(job["dataset_id"], 1, view="reidentified").splitlines()
    ]
    assert [{k: v for k, v in r.items() if k != "reply"} for r in restored] == records
    assert [r["reply"] for r in restored] == [f"You said: {rendered(r)}" for r in records]


def test_a_row_without_the_named_field_is_a_400_naming_the_row(caller: _Caller, upstream: Upstream):
    dataset_id = _jsonl_upload(caller, [{"notes": "a"}, {"other": "b"}, {"notes": "c"}])
    mark = len(upstream.received)
    answer = caller.infer(dataset_id, model=MODEL, template="Sort {notes}")
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["param"] == "template" and "row 2" in error["message"]
    assert "'notes'" in error["message"]
    assert not [r for r in upstream.received[mark:] if r.method == "POST"]


def test_a_batch_job_cancelled_cancels_its_upstream_batch(caller: _Caller, upstream: Upstream):
    upstream.behaviour.batch_delay = 60.0
    dataset_id = caller.upload(_csv(3))
    before = len(upstream.received)
    answer = caller.infer(dataset_id, model=MODEL, template="{notes}", mode="batch")
    assert answer.status_code == 202, answer.text
    job_id = answer.json()["id"]
    for _ in range(200):
        if any(r.path.endswith("/batches") for r in upstream.received[before:]):
            break
        time.sleep(0.05)
    mark = len(upstream.received)
    assert caller.http.post(f"/v1/jobs/{job_id}/cancel").status_code == 200
    job = caller.wait(job_id)
    assert job["state"] == "cancelled"
    assert "no row of 3 was done, so no version was stored" in job["error"]["message"]
    assert any(r.path.endswith("/cancel") for r in upstream.received[mark:])
    missing = caller.http.get(f"/v1/datasets/{job['dataset_id']}")
    assert missing.status_code == 404  # the derived dataset it had begun is gone again
