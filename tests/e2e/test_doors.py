"""Every door answers correctly: malformed ids, storage faults, damaged objects, replays, CSV
dialects, validation edges, and one audit record per request whatever its outcome."""

from __future__ import annotations

import csv
import io
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.apps import App, build_app
from vault.api import create_app
from vault.errors import DetectorUnavailable, StoreUnavailable
from vault.fakegroq import serve_in_thread
from vault.settings import Settings

CSV = "id,name,email\n1,John Smith,john@example.com\n2,Mary Jones,mary@ex.org\n"
# Over three 64 KiB frames once anonymized, so a download has frames after its first.
LONG_TEXT = "".join(f"Line {i}: John Smith wrote to john@example.com.\n" for i in range(6000))


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None, rate_limit_rpm=0)  # type: ignore[call-arg]
    built = build_app(settings)
    with built.client:
        yield built
    built.vault.close()


@pytest.fixture
def served(app: App) -> Iterator[str]:
    """The same vault over real HTTP, for what only a socket shows (a cut chunked body)."""
    with serve_in_thread(create_app(vault=app.vault)) as url:
        yield url


def upload(app: App, filename: str, content: bytes, **fields: str) -> httpx.Response:
    headers = app.headers("acme", "uploader")
    if key := fields.pop("idempotency_key", None):
        headers["Idempotency-Key"] = key
    dataset = fields.pop("dataset", None)
    path = "/v1/datasets" if dataset is None else f"/v1/datasets/{dataset}/versions"
    data = {"name": "customers", **fields} if dataset is None else fields
    return app.client.post(path, data=data, files={"file": (filename, content)}, headers=headers)


def objects(app: App) -> list[Path]:
    root = app.vault.settings.data_dir / "objects"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def records(app: App, tenant: str = "acme") -> list[tuple[str, str, str | None, dict[str, object]]]:
    return [
        (r.event.action, r.event.outcome, r.event.object, dict(r.event.details))
        for r in app.vault.audit.records(tenant)
    ]


# ------------------------------------------------------------------ ids by grammar first


@pytest.mark.parametrize(
    "bad", ["%16%C2%AAa", "ds_" + "0" * 31 + "%07", "ds_" + "a" * 300, "DS_" + "0" * 32]
)
def test_a_malformed_dataset_id_is_a_404_like_an_unknown_one(app: App, bad: str) -> None:
    reader = app.headers("acme", "analyst")
    before = len(records(app))
    answers = [
        upload(app, "t.txt", b"John Smith\n", dataset=bad),
        app.client.get(f"/v1/datasets/{bad}", headers=reader),
        app.client.get(f"/v1/datasets/{bad}/versions", headers=reader),
        app.client.get(f"/v1/datasets/{bad}/versions/1/content", headers=reader),
        app.client.get(f"/v1/datasets/{bad}/versions/1/report", headers=reader),
    ]
    assert [a.status_code for a in answers] == [404] * 5, [a.text for a in answers]
    assert all(a.json()["error"]["code"] == "not_found" for a in answers)
    assert all("%" not in a.text and "\x07" not in a.text for a in answers)
    audited = records(app)[before:]
    assert len(audited) == 5 and all(r[1] == "error" and r[2] is None for r in audited)


@pytest.mark.parametrize("number", ["abc", "0", "-1", "99999999999999999999", "1.5"])
def test_a_malformed_version_number_is_a_404(app: App, number: str) -> None:
    dataset = upload(app, "t.txt", b"John Smith\n").json()["id"]
    for tail in ("content", "report"):
        answer = app.client.get(
            f"/v1/datasets/{dataset}/versions/{number}/{tail}",
            headers=app.headers("acme", "analyst"),
        )
        assert answer.status_code == 404, answer.text


# ------------------------------------------------------------------ storage faults


def test_a_read_only_data_dir_is_a_503_and_leaves_nothing(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = app.vault.settings.data_dir / "objects"
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:  # root ignores permission bits: refuse the directory as the OS would
        real_mkdir = Path.mkdir

        def denied(self: Path, *args: object, **kwargs: object) -> None:
            if root in self.parents or self == root:
                raise PermissionError(13, "Permission denied")
            real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "mkdir", denied)
    else:
        root.chmod(0o500)
    try:
        answer = upload(app, "t.txt", b"John Smith called.\n")
    finally:
        root.chmod(0o700)
    assert answer.status_code == 503, answer.text
    assert answer.json()["error"]["code"] == "storage_unavailable"
    assert "VAULT_DATA_DIR" in answer.json()["error"]["message"]
    listed = app.client.get("/v1/datasets", headers=app.headers("acme", "analyst")).json()
    assert listed["data"] == []
    assert app.vault.datasets.stale_pending(older_than=_far_future()) == []
    assert objects(app) == []


def _far_future() -> object:
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(days=1)


# ------------------------------------------------------------------ damaged objects


def _damage(path: Path, offset: int) -> None:
    blob = bytearray(path.read_bytes())
    blob[offset] ^= 0x01
    path.write_bytes(bytes(blob))


def test_a_damaged_first_frame_is_a_clean_500_before_any_byte(app: App) -> None:
    dataset = upload(app, "t.txt", b"John Smith wrote.\n").json()["id"]
    [stored] = objects(app)
    _damage(stored, 20)
    answer = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/content", headers=app.headers("acme", "analyst")
    )
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["error"]["code"] == "integrity_error"
    action, outcome, obj, details = records(app)[-1]
    assert (action, outcome, obj) == ("dataset.read", "error", f"{dataset}/v1")
    assert details == {"view": "anonymized", "error": "integrity_error"}


def _drain(answer: httpx.Response, into: bytearray) -> None:
    for chunk in answer.iter_bytes():
        into += chunk


def test_a_damaged_later_frame_cuts_the_body_and_the_read_is_audited_as_such(
    app: App, served: str
) -> None:
    dataset = upload(app, "long.txt", LONG_TEXT.encode()).json()["id"]
    [stored] = objects(app)
    assert stored.stat().st_size > 3 * 64 * 1024
    _damage(stored, stored.stat().st_size - 40)  # inside the last frame
    url = f"{served}/v1/datasets/{dataset}/versions/1/content"
    received = bytearray()
    with (
        httpx.Client() as client,
        client.stream("GET", url, headers=app.headers("acme", "analyst")) as answer,
    ):
        assert answer.status_code == 200
        with pytest.raises(httpx.RemoteProtocolError):  # no final chunk: a cut body
            _drain(answer, received)
    assert received.startswith(b"Line 0: PERSON_")  # the verified frames came first
    action, outcome, _, details = records(app)[-1]
    assert (action, outcome, details["end"]) == ("dataset.read", "error", "integrity_error")


def test_a_whole_read_is_audited_ok_when_it_ends(app: App, served: str) -> None:
    dataset = upload(app, "long.txt", LONG_TEXT.encode()).json()["id"]
    url = f"{served}/v1/datasets/{dataset}/versions/1/content"
    answer = httpx.get(url, headers=app.headers("acme", "analyst"))
    assert answer.status_code == 200 and "John Smith" not in answer.text
    read = ("ok", f"{dataset}/v1", {"view": "anonymized", "end": "ok"})
    # The read is recorded as it ends, which may be a moment after the client has the last byte.
    deadline = time.monotonic() + 10
    while records(app)[-1][1:] != read and time.monotonic() < deadline:
        time.sleep(0.02)
    assert records(app)[-1][1:] == read


def test_a_client_that_goes_away_is_audited_as_gone(
    app: App, served: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = upload(app, "long.txt", LONG_TEXT.encode()).json()["id"]
    store = app.vault.store
    real_get = store.get
    release = threading.Event()

    def slow_get(key: str, version_id: str) -> Iterator[bytes]:
        body = b"".join(real_get(key, version_id))
        for start in range(0, len(body), 16 * 1024):
            if start >= 128 * 1024:
                release.wait(5)  # hold the rest back until the client has left
            yield body[start : start + 16 * 1024]

    monkeypatch.setattr(store, "get", slow_get)
    url = f"{served}/v1/datasets/{dataset}/versions/1/content"
    with (
        httpx.Client() as client,
        client.stream("GET", url, headers=app.headers("acme", "analyst")) as answer,
    ):
        assert answer.status_code == 200
        next(answer.iter_raw())
    release.set()
    deadline = time.monotonic() + 10
    while records(app)[-1][0] != "dataset.read" and time.monotonic() < deadline:
        time.sleep(0.05)
    action, outcome, _, details = records(app)[-1]
    assert (action, outcome, details["end"]) == ("dataset.read", "error", "client_gone")


# ------------------------------------------------------------------ idempotency


def test_an_idempotency_key_replays_the_same_request_and_refuses_another(app: App) -> None:
    first = upload(app, "t.txt", b"John Smith\n", idempotency_key="k-1")
    assert first.status_code == 201
    again = upload(app, "t.txt", b"John Smith\n", idempotency_key="k-1")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    stored = len(objects(app))
    for changed in (
        upload(app, "t.txt", b"Mary Jones\n", idempotency_key="k-1"),  # another file
        upload(app, "t.txt", b"John Smith\n", idempotency_key="k-1", name="other"),
        upload(app, "t.csv", b"a\nJohn Smith\n", idempotency_key="k-1"),  # another format
        upload(app, "t.txt", b"John Smith\n", idempotency_key="k-1", dataset=first.json()["id"]),
    ):
        assert changed.status_code == 409, changed.text
        assert changed.json()["error"]["code"] == "idempotency_conflict"
    assert len(objects(app)) == stored
    listed = app.client.get("/v1/datasets", headers=app.headers("acme", "analyst")).json()
    assert [d["latest_version"] for d in listed["data"]] == [1]
    report = app.client.get(
        f"/v1/datasets/{first.json()['id']}/versions/1/report",
        headers=app.headers("acme", "analyst"),
    ).json()["report"]
    assert "request_digest" not in report


# ------------------------------------------------------------------ CSV dialects and messages


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_a_csv_delimiter_is_sniffed_and_stored_as_rfc_4180(app: App, delimiter: str) -> None:
    content = CSV.replace(",", delimiter).encode()
    created = upload(app, "people.csv", content)
    assert created.status_code == 201, created.text
    assert created.json()["version"]["columns"] == ["id", "name", "email"]
    dataset = created.json()["id"]
    restored = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/content?view=reidentified&purpose=support",
        headers=app.headers("acme", "reidentifier"),
    ).text
    assert list(csv.reader(io.StringIO(restored))) == list(csv.reader(io.StringIO(CSV)))


def test_an_explicit_delimiter_wins_and_a_bad_one_is_named(app: App) -> None:
    content = b"a;b|c\n1;2|3\n"
    created = upload(app, "x.csv", content, delimiter="pipe")
    assert created.status_code == 201, created.text
    assert created.json()["version"]["columns"] == ["a;b", "c"]
    for bad in (
        upload(app, "x.csv", content, delimiter="::"),
        upload(app, "x.txt", b"hi\n", delimiter=";"),
    ):
        assert bad.status_code == 400
        assert bad.json()["error"]["param"] == "delimiter"
    assert len(objects(app)) == 1


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b'a,b\n1,2\n"multi\nline",2,3\n', 3),  # the row starts at line 3, ends at 4
        (b'a,b\n1,2\n3,"never closed\n4,5\n', 3),
        (b"a\nb\ncaf\xc3 x\n", 3),
    ],
)
def test_csv_and_encoding_errors_name_the_line_the_row_starts_on(
    app: App, content: bytes, line: int
) -> None:
    answer = upload(app, "bad.csv", content)
    assert answer.status_code == 400
    assert f"line {line}" in answer.json()["error"]["message"]
    assert answer.json()["error"]["param"] == "file"


def test_a_413_names_the_setting_to_raise(app: App) -> None:
    app.vault.settings = app.vault.settings.model_copy(update={"max_upload_bytes": 16})
    answer = upload(app, "big.txt", b"John Smith wrote a line.\n" * 4)
    assert answer.status_code == 413
    assert "VAULT_MAX_UPLOAD_BYTES" in answer.json()["error"]["message"]


# ------------------------------------------------------------------ validation edges


def test_empty_text_is_valid_on_every_text_route(app: App) -> None:
    headers = app.headers("acme", "reidentifier")
    scan = app.client.post("/v1/scan", json={"text": ""}, headers=headers)
    anonymized = app.client.post("/v1/anonymize", json={"text": ""}, headers=headers)
    restored = app.client.post(
        "/v1/reidentify", json={"text": "", "purpose": "support"}, headers=headers
    )
    assert (scan.status_code, scan.json()) == (200, {"entities": []})
    assert (anonymized.status_code, anonymized.json()) == (200, {"text": "", "entities": []})
    assert restored.status_code == 200 and restored.json()["text"] == ""


@pytest.mark.parametrize("path", ["/v1/scan", "/v1/anonymize", "/v1/reidentify"])
def test_authentication_comes_before_the_body(app: App, path: str) -> None:
    bad = app.client.post(path, content=b'{"text": ', headers={"content-type": "application/json"})
    assert bad.status_code == 401
    keyed = app.client.post(
        path,
        content=b'{"text": ',
        headers={**app.headers("acme", "reidentifier"), "content-type": "application/json"},
    )
    assert keyed.status_code == 400
    assert keyed.json()["error"]["param"] == "body"
    assert "line 1 column" in keyed.json()["error"]["message"]


def test_authentication_comes_before_the_body_on_datasets_and_audit(app: App) -> None:
    garbage = {"content-type": "multipart/form-data; boundary=x"}
    assert app.client.post("/v1/datasets", content=b"junk", headers=garbage).status_code == 401
    assert app.client.get("/v1/audit/export?until=0.5&format=nope").status_code == 401


def test_audit_export_times_are_rfc_3339_and_an_empty_range_verifies(
    app: App, tmp_path: Path
) -> None:
    from vault.services.verify_audit import verify_file

    auditor = app.headers("acme", "auditor")
    for query, param in (("until=0.5", "until"), ("since=2026-01-01", "since")):
        refused = app.client.get(f"/v1/audit/export?{query}", headers=auditor)
        assert refused.status_code == 400
        assert refused.json()["error"]["param"] == param
    moment = "2026-01-01T00:00:00Z"
    empty = app.client.get(f"/v1/audit/export?since={moment}&until={moment}", headers=auditor)
    assert empty.status_code == 200
    export = tmp_path / "empty.jsonl"
    export.write_bytes(empty.content)
    result = verify_file(export)
    assert result.ok and result.records == 0


def test_options_names_every_method_of_the_path(app: App) -> None:
    answer = app.client.options("/v1/datasets")
    assert answer.status_code == 405
    assert {m.strip() for m in answer.headers["allow"].split(",")} == {"GET", "POST"}


def test_verify_says_a_file_is_not_an_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from vault.cli import app as cli

    notes = tmp_path / "notes.jsonl"
    notes.write_text('{"hello": "world"}\n')
    result = CliRunner().invoke(cli, ["audit", "verify", str(notes)])
    assert result.exit_code == 2
    assert "not an audit export: line 1 is not a record" in result.output
    assert "TAMPERED" not in result.output


# ------------------------------------------------------------------ one audit record per request


def test_every_request_is_audited_once_over_a_mixed_workload_with_failures(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = "mixed"
    analyst = app.headers(tenant, "analyst")
    reidentifier = app.headers(tenant, "reidentifier")
    uploader = app.headers(tenant, "uploader")
    detector = app.vault.detector
    store = app.vault.store
    sent = 0

    def call(method: str, path: str, headers: dict[str, str], **kwargs: object) -> int:
        nonlocal sent
        sent += 1
        return app.client.request(method, path, headers=headers, **kwargs).status_code  # type: ignore[arg-type]

    assert call("POST", "/v1/scan", analyst, json={"text": "John Smith"}) == 200
    anonymized = app.client.post("/v1/anonymize", json={"text": "Mary Jones"}, headers=analyst)
    sent += 1
    assert (
        call("POST", "/v1/reidentify", reidentifier, json={"text": anonymized.json()["text"]})
        == 400
    )
    assert (
        call("POST", "/v1/anonymize", {**analyst, "content-type": "application/json"}, content=b"{")
        == 400
    )
    created = app.client.post(
        "/v1/datasets",
        data={"name": "d"},
        files={"file": ("t.txt", b"Ada Lovelace\n")},
        headers=uploader,
    )
    sent += 1
    dataset = created.json()["id"]
    assert call("GET", "/v1/datasets", analyst) == 200
    assert call("GET", f"/v1/datasets/{dataset}", analyst) == 200
    assert call("GET", f"/v1/datasets/{dataset}/versions", analyst) == 200
    assert call("GET", f"/v1/datasets/{dataset}/versions/1/report", analyst) == 200
    assert call("GET", f"/v1/datasets/{dataset}/versions/1/content", analyst) == 200
    assert (
        call("GET", f"/v1/datasets/{dataset}/versions/1/content?view=reidentified", analyst) == 403
    )

    def broken_detector(_text: str) -> list[object]:
        raise DetectorUnavailable("detector down")

    monkeypatch.setattr(detector, "detect", broken_detector)
    assert call("POST", "/v1/anonymize", analyst, json={"text": "Grace Hopper called"}) == 503
    assert call("POST", "/v1/scan", analyst, json={"text": "Alan Turing called"}) == 503
    monkeypatch.undo()

    def broken_put(*_: object) -> None:
        raise StoreUnavailable("store down")

    monkeypatch.setattr(store, "put", broken_put)
    files = {"file": ("t.txt", b"Grace Hopper\n")}
    assert call("POST", f"/v1/datasets/{dataset}/versions", uploader, files=files) == 503
    monkeypatch.undo()

    stored = [r for r in records(app, tenant) if not r[0].startswith("apikey.")]
    assert len(stored) == sent, stored
    failures = [r for r in stored if r[1] != "ok"]
    assert {r[3].get("error") for r in failures} >= {
        "detector_unavailable",
        "storage_unavailable",
        "invalid_request",
        "permission_denied",
    }
    assert "Grace" not in repr(stored) and "Mary" not in repr(stored)
