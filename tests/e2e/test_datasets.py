"""Datasets end to end: local store and S3 (moto over HTTP), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from tests.e2e.apps import App, build_app
from vault.settings import Settings

TEXT = (
    "Ticket 1: John Smith (john.smith@example.com) called from +1 415 555 0132.\r\n"
    "Ticket 2: card 4111 1111 1111 1111 was charged twice; Mary Jones agreed.\n"
    "Unicode stays: café, 東京, emoji 🙂, tab\there\n"
)
CSV = (
    "id,name,email,notes,amount\n"
    '1,John Smith,john@example.com,"called from desk 4, said ""urgent""",12.50\n'
    "2,Mary Jones,mary@ex.org,likes cats,7\n"
    '3,Ada Lovelace,ada@example.com,"multi\nline note for Ada Lovelace",0\n'
)
JSONL = (
    '{"user": "John Smith", "contact": {"email": "john@example.com"}, "tags": ["vip", "Mary Jones"], "n": 3}\n'
    '{"user": "Ada Lovelace", "contact": {"email": null}, "tags": [], "n": 4.5, "ok": true}\n'
)
SECRETS = (
    "John Smith",
    "john.smith@example.com",
    "john@example.com",
    "4111 1111 1111 1111",
    "Mary Jones",
    "Ada Lovelace",
)


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def app(store: str, db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[App]:
    options: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "_env_file": None,
        "rate_limit_rpm": 0,
    }
    if store == "s3":
        endpoint = request.getfixturevalue("moto_endpoint")
        bucket = f"vault-{uuid.uuid4().hex[:12]}"
        s3 = boto3.client("s3", endpoint_url=endpoint)
        s3.create_bucket(Bucket=bucket)
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        options |= {"store": "s3", "s3_bucket": bucket, "s3_endpoint_url": endpoint}
    built = build_app(Settings(**options), db_url=db_url)  # type: ignore[arg-type]
    built.store_kind = store  # type: ignore[attr-defined]
    with built.client:
        yield built
    built.vault.close()


def stored_objects(app: App) -> list[bytes]:
    """Every object version the store holds, raw."""
    settings = app.vault.settings
    if settings.store == "local":
        root = settings.data_dir / "objects"
        return [p.read_bytes() for p in root.rglob("*") if p.is_file()]
    s3 = boto3.client("s3", endpoint_url=settings.s3_endpoint_url)
    versions = s3.list_object_versions(Bucket=settings.s3_bucket).get("Versions", [])
    return [
        s3.get_object(Bucket=settings.s3_bucket, Key=v["Key"], VersionId=v["VersionId"])[
            "Body"
        ].read()
        for v in versions
    ]


def upload(
    app: App,
    name: str,
    content: bytes,
    *,
    dataset: str | None = None,
    role: str = "uploader",
    **extra: str,
) -> object:
    files = {"file": (name, content, extra.pop("content_type", "application/octet-stream"))}
    headers = app.headers("acme", role) | {k.replace("_", "-"): v for k, v in extra.items()}
    if dataset is None:
        return app.client.post(
            "/v1/datasets", data={"name": "customers"}, files=files, headers=headers
        )
    return app.client.post(f"/v1/datasets/{dataset}/versions", files=files, headers=headers)


def read(
    app: App, dataset: str, version: int, *, view: str = "anonymized", role: str = "analyst"
) -> object:
    return app.client.get(
        f"/v1/datasets/{dataset}/versions/{version}/content",
        params={"view": view, "purpose": "support"} if view != "anonymized" else {},
        headers=app.headers("acme", role),
    )


def test_versions_round_trip_and_nothing_readable_is_stored(app: App) -> None:
    first = upload(app, "tickets.txt", TEXT.encode())
    assert first.status_code == 201, first.text
    dataset = first.json()["id"]
    assert first.json()["version"]["version"] == 1
    second = upload(
        app, "tickets.txt", (TEXT + "Ticket 3: Ada Lovelace.\n").encode(), dataset=dataset
    )
    assert second.status_code == 201
    assert second.json()["version"]["version"] == 2
    assert second.json()["version"]["parent_version"] == 1

    versions = app.client.get(
        f"/v1/datasets/{dataset}/versions", headers=app.headers("acme", "analyst")
    ).json()["data"]
    assert [v["version"] for v in versions] == [1, 2]

    anonymized = read(app, dataset, 1).text
    assert not any(secret in anonymized for secret in SECRETS)
    assert "PERSON_" in anonymized
    assert "café, 東京" in anonymized
    assert read(app, dataset, 1, view="reidentified", role="reidentifier").content == TEXT.encode()
    assert read(app, dataset, 2, view="reidentified", role="reidentifier").content.endswith(
        b"Ada Lovelace.\n"
    )

    objects = stored_objects(app)
    assert len(objects) == 2
    for blob in objects:
        assert not any(s.encode() in blob for s in (*SECRETS, "PERSON_", "Ticket"))


def test_csv_keeps_schema_and_reidentifies_value_for_value(app: App) -> None:
    created = upload(app, "people.csv", CSV.encode(), content_type="text/csv")
    assert created.status_code == 201, created.text
    dataset = created.json()["id"]
    anonymized = list(csv.reader(io.StringIO(read(app, dataset, 1).text)))
    assert anonymized[0] == ["id", "name", "email", "notes", "amount"]
    assert [row[0] for row in anonymized[1:]] == ["1", "2", "3"]
    assert [row[4] for row in anonymized[1:]] == ["12.50", "7", "0"]
    assert all(
        row[1].startswith("PERSON_") and row[2].startswith("EMAIL_ADDRESS_")
        for row in anonymized[1:]
    )
    original = list(csv.reader(io.StringIO(CSV)))
    restored = list(
        csv.reader(
            io.StringIO(read(app, dataset, 1, view="reidentified", role="reidentifier").text)
        )
    )
    assert restored == original

    report = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/report", headers=app.headers("acme", "analyst")
    ).json()["report"]
    assert report["column_kinds"]["name"] == "entity:PERSON"
    assert report["column_kinds"]["amount"] == "plain"
    assert report["entities"]["email"] == {"EMAIL_ADDRESS": 3}
    assert "John" not in json.dumps(report)


def test_jsonl_reidentifies_field_for_field(app: App) -> None:
    created = upload(app, "events.jsonl", JSONL.encode())
    assert created.status_code == 201, created.text
    dataset = created.json()["id"]
    anonymized = read(app, dataset, 1).text
    assert not any(secret in anonymized for secret in SECRETS)
    restored = [
        json.loads(line)
        for line in read(
            app, dataset, 1, view="reidentified", role="reidentifier"
        ).text.splitlines()
    ]
    assert restored == [json.loads(line) for line in JSONL.splitlines()]
    assert [list(r) for r in restored] == [list(json.loads(line)) for line in JSONL.splitlines()]


def test_reidentified_view_is_403_for_an_analyst_and_needs_a_purpose(app: App) -> None:
    dataset = upload(app, "t.txt", TEXT.encode()).json()["id"]
    assert read(app, dataset, 1, view="reidentified", role="analyst").status_code == 403
    no_purpose = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/content?view=reidentified",
        headers=app.headers("acme", "reidentifier"),
    )
    assert no_purpose.status_code == 400


@pytest.mark.parametrize(
    ("name", "content", "status", "code"),
    [
        ("photo.png", b"\x89PNG\r\n", 415, "unsupported_media_type"),
        ("bad.csv", b"a,b\n1,2,3\n", 400, "malformed_csv"),
        ("bad.csv", b'a,b\n"unterminated,2\n', 400, "malformed_csv"),
        ("bad.txt", b"caf\xc3 broken utf-8\n", 400, "invalid_encoding"),
        ("empty.txt", b"", 400, "empty_file"),
        ("bad.jsonl", b'{"a": 1}\n{not json}\n', 400, "malformed_jsonl"),
        ("binary.txt", b"text\x00\x01\x02", 400, "invalid_request"),
    ],
)
def test_bad_uploads_are_precise_4xx_and_leave_nothing(
    app: App, name: str, content: bytes, status: int, code: str
) -> None:
    good = upload(app, "t.txt", TEXT.encode())
    dataset = good.json()["id"]
    before = len(stored_objects(app))
    for attempt in (upload(app, name, content), upload(app, name, content, dataset=dataset)):
        assert attempt.status_code == status, attempt.text
        assert attempt.json()["error"]["code"] == code
    assert len(stored_objects(app)) == before
    listed = app.client.get("/v1/datasets", headers=app.headers("acme", "analyst")).json()["data"]
    assert [d["id"] for d in listed] == [dataset]
    assert read(app, dataset, 1, view="reidentified", role="reidentifier").content == TEXT.encode()
    assert read(app, dataset, 2).status_code == 404


def test_unknown_dataset_and_version_are_404(app: App) -> None:
    dataset = upload(app, "t.txt", TEXT.encode()).json()["id"]
    assert read(app, "ds_does_not_exist", 1).status_code == 404
    assert read(app, dataset, 7).status_code == 404
    assert upload(app, "t.txt", b"x\n", dataset="ds_does_not_exist").status_code == 404


def test_idempotency_key_makes_a_retry_return_the_first_version(app: App) -> None:
    first = upload(app, "t.txt", TEXT.encode(), idempotency_key="upload-123")
    again = upload(app, "t.txt", TEXT.encode(), idempotency_key="upload-123")
    assert first.status_code == 201
    assert again.status_code == 200
    assert first.json()["id"] == again.json()["id"]
    versions = app.client.get(
        f"/v1/datasets/{first.json()['id']}/versions", headers=app.headers("acme", "analyst")
    ).json()["data"]
    assert len(versions) == 1
    assert len(stored_objects(app)) == 1


def test_upload_over_the_size_limit_is_413(app: App, tmp_path: Path) -> None:
    big = ("John Smith wrote a line.\n" * 200).encode()
    limited = app.vault.settings.model_copy(update={"max_upload_bytes": 1024})
    app.vault.settings = limited
    answer = upload(app, "big.txt", big)
    assert answer.status_code == 413
    assert stored_objects(app) == []


def test_column_policy_overrides_the_classification(app: App) -> None:
    files = {"file": ("people.csv", CSV.encode(), "text/csv")}
    policy = json.dumps({"notes": "keep", "id": "US_BANK_NUMBER"})
    created = app.client.post(
        "/v1/datasets",
        data={"name": "people", "column_policy": policy},
        files=files,
        headers=app.headers("acme", "uploader"),
    )
    assert created.status_code == 201, created.text
    rows = list(csv.reader(io.StringIO(read(app, created.json()["id"], 1).text)))
    assert rows[1][3] == 'called from desk 4, said "urgent"'  # kept as is
    assert all(row[0].startswith("US_BANK_NUMBER_") for row in rows[1:])
    bad = app.client.post(
        "/v1/datasets",
        data={"name": "people", "column_policy": '{"nope": "keep"}'},
        files=files,
        headers=app.headers("acme", "uploader"),
    )
    assert bad.status_code == 400 and "nope" in bad.json()["error"]["message"]


def test_an_upload_cut_off_by_a_crash_is_swept(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from vault.domain.principal import Principal, Role
    from vault.services.ingest_dataset import IngestRequest, create_dataset, sweep_pending

    parts = app.vault.dataset_parts()
    operator = Principal(tenant="acme", roles=frozenset({Role.UPLOADER}), key_id="test")

    def crash(*_: object, **__: object) -> None:
        raise KeyboardInterrupt  # the process dies after the object is written, before commit

    # A killed process runs no cleanup at all: switch the error-path cleanup off too.
    monkeypatch.setattr(parts.catalog, "commit_version", crash)
    monkeypatch.setattr(parts.catalog, "discard_version", lambda *_: None)
    monkeypatch.setattr(parts.catalog, "delete_dataset_if_empty", lambda *_: None)
    monkeypatch.setattr(parts.store, "delete_version", lambda *_: None)
    with pytest.raises(KeyboardInterrupt):
        create_dataset(
            parts,
            operator,
            name="crash",
            upload=IngestRequest("c.txt", "text/plain", iter([TEXT.encode()])),
        )
    monkeypatch.undo()
    assert len(stored_objects(app)) == 1  # the orphan
    assert (
        app.client.get(
            "/v1/datasets/x/versions", headers=app.headers("acme", "analyst")
        ).status_code
        == 404
    )
    assert sweep_pending(parts, older_than=timedelta(seconds=-1)) == 1
    assert stored_objects(app) == []
    assert sweep_pending(parts, older_than=timedelta(seconds=-1)) == 0
    assert (
        app.client.get("/v1/datasets", headers=app.headers("acme", "analyst")).json()["data"] == []
    )


def test_pii_in_headers_keys_and_long_numbers_is_not_kept(app: App) -> None:
    headerless = "John Smith,john@example.com,4155550132\nMary Jones,mary@ex.org,4155550199\n"
    created = upload(app, "noheader.csv", headerless.encode(), content_type="text/csv")
    assert created.status_code == 201, created.text
    dataset = created.json()["id"]
    stored = read(app, dataset, 1).text
    assert not any(
        v in stored for v in ("John Smith", "john@example.com", "4155550132", "4155550199")
    )
    report = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/report", headers=app.headers("acme", "analyst")
    ).json()
    assert "john@example.com" not in json.dumps(report)
    restored = read(app, dataset, 1, view="reidentified", role="reidentifier").text
    assert list(csv.reader(io.StringIO(restored))) == list(csv.reader(io.StringIO(headerless)))

    keyed = '{"contacts": {"mary.jones@example.com": "John Smith"}}\n'
    created = upload(app, "keys.jsonl", keyed.encode())
    stored = read(app, created.json()["id"], 1).text
    assert "mary.jones@example.com" not in stored and "John Smith" not in stored
    restored = read(app, created.json()["id"], 1, view="reidentified", role="reidentifier").text
    assert json.loads(restored) == json.loads(keyed)


def test_more_distinct_cells_than_the_memo_holds(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    import vault.services.dataset_formats as formats

    monkeypatch.setattr(formats, "_MEMO_ENTRIES", 50)
    rows = "".join(f"{i},user{i}@example.com\n" for i in range(2000))
    created = upload(app, "many.csv", ("id,email\n" + rows).encode(), content_type="text/csv")
    assert created.status_code == 201, created.text
    restored = read(app, created.json()["id"], 1, view="reidentified", role="reidentifier").text
    assert restored == "id,email\n" + rows


def test_a_line_longer_than_the_limit_is_refused(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    import vault.services.dataset_formats as formats

    monkeypatch.setattr(formats, "_MAX_LINE", 1000)
    answer = upload(app, "long.txt", b"x" * 5000)
    assert answer.status_code == 400
    assert "longer than" in answer.json()["error"]["message"]
    assert stored_objects(app) == []


def test_an_upload_swept_while_running_is_not_reported_as_stored(app: App) -> None:
    from datetime import timedelta

    from vault.domain.principal import Principal, Role
    from vault.errors import Conflict, StoreUnavailable
    from vault.services.ingest_dataset import IngestRequest, create_dataset, sweep_pending

    parts = app.vault.dataset_parts()
    operator = Principal(tenant="acme", roles=frozenset({Role.UPLOADER}), key_id="test")

    def slow_body() -> Iterator[bytes]:
        yield TEXT.encode()
        sweep_pending(parts, older_than=timedelta(seconds=-1))  # another worker's start-up sweep

    # Either the commit finds its row gone (409) or the local store its directory (503).
    with pytest.raises((Conflict, StoreUnavailable)):
        create_dataset(
            parts, operator, name="slow", upload=IngestRequest("s.txt", "text/plain", slow_body())
        )
    assert stored_objects(app) == []


def test_a_name_gets_the_same_token_in_its_column_and_in_free_text(app: App) -> None:
    names = ["John Smith", "Mary Jones", "Ada Lovelace"] * 5
    rows = [f"{i},{name},spoke with {name} today" for i, name in enumerate(names)]
    content = "\n".join(["id,name,notes", *rows]) + "\n"
    dataset = upload(app, "people.csv", content.encode()).json()["id"]
    report = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/report", headers=app.headers("acme", "analyst")
    ).json()["report"]
    # One name in a sentence does not make the sentence an identifier: its words are kept.
    assert report["column_kinds"] == {"id": "plain", "name": "entity:PERSON", "notes": "text"}
    stored = list(csv.reader(io.StringIO(read(app, dataset, 1).text)))[1:]
    for _, token, note in stored:
        assert token.startswith("PERSON_") and note == f"spoke with {token} today"
    assert len({token for _, token, _ in stored}) == 3
