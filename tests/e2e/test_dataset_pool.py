"""Dataset uploads on every core: worker processes give the same bytes as one process, agree on
tokens, and a worker that dies fails the upload (or its job) and leaves no version."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.apps import App, build_app
from tests.fakes import RegexDetector
from vault.domain.principal import Principal, Role
from vault.domain.spans import Span
from vault.errors import InvalidRequest, ServiceUnavailable
from vault.services.ingest_dataset import DatasetParts, IngestRequest, create_dataset
from vault.services.read_dataset import open_version, read_version
from vault.settings import Settings

UPLOADER = Principal(tenant="acme", roles=frozenset({Role.UPLOADER}), key_id="test")
POISON = "poison-pill-value"


class DyingDetector(RegexDetector):
    """The test regexes; the worker process that meets the poison value dies on the spot."""

    def detect(self, text: str) -> list[Span]:
        if POISON in text:
            os._exit(17)
        return super().detect(text)


def customers(rows: int, *, poison_at: int | None = None) -> bytes:
    """A table whose names repeat in a name column and in free-text notes."""
    names = ["John Smith", "Mary Jones", "Ada Lovelace"]
    lines = ["id,name,email,notes"]
    for i in range(rows):
        name = names[i % 3]
        note = (
            POISON
            if i == poison_at
            else f"spoke with {name} about order {i} at user{i}@example.com"
        )
        lines.append(f"{i},{name},user{i}@example.com,{note}")
    return ("\n".join(lines) + "\n").encode()


def jsonl(rows: int) -> bytes:
    return "".join(
        json.dumps({"n": i, "who": "Mary Jones", "notes": [f"mail user{i}@example.com"]}) + "\n"
        for i in range(rows)
    ).encode()


def text(rows: int) -> bytes:
    return "".join(
        f"line {i}: John Smith wrote from user{i}@example.com\n" for i in range(rows)
    ).encode()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None, dataset_workers=2)  # type: ignore[call-arg]
    built = build_app(settings, db_url=f"sqlite:///{tmp_path / 'meta.db'}")
    with built.client:
        yield built
    built.vault.close()


@pytest.fixture
def any_db_app(tmp_path: Path, db_url: str) -> Iterator[App]:
    """The vault on SQLite, then on PostgreSQL (a schema of its own, reached by the workers)."""
    settings = Settings(data_dir=tmp_path / "data", _env_file=None, dataset_workers=2)  # type: ignore[call-arg]
    built = build_app(settings, db_url=db_url)
    with built.client:
        yield built
    built.vault.close()


def parts_of(app: App, *, pooled: bool, after_chars: int = 8 * 1024) -> DatasetParts:
    parts = app.vault.dataset_parts()
    assert parts.pool is not None  # the fixture's vault can rebuild its parts in a worker
    return dataclasses.replace(
        parts, pool=parts.pool if pooled else None, pool_after_chars=after_chars
    )


def upload(parts: DatasetParts, name: str, body: bytes) -> tuple[str, int]:
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    info, version, _ = create_dataset(
        parts, UPLOADER, name=name, upload=IngestRequest(name, None, iter(chunks))
    )
    return info.id, version.number


def stored(parts: DatasetParts, dataset: str, number: int, *, restored: bool = False) -> bytes:
    version = open_version(parts, UPLOADER, dataset, number)
    reidentifier = None
    if restored:
        from vault.services.reidentify import Reidentifier

        anonymizer = parts.anonymizer
        reidentifier = Reidentifier(
            token_store=anonymizer._tokens,
            tenant_keys=anonymizer._keys,
            grammar=anonymizer.grammar,
        )
    return b"".join(read_version(parts, UPLOADER, version, reidentifier=reidentifier))


@pytest.mark.parametrize(
    ("name", "body"),
    [("people.csv", customers(3000)), ("people.jsonl", jsonl(2500)), ("notes.txt", text(6000))],
)
def test_workers_store_the_same_bytes_as_one_process(
    any_db_app: App, name: str, body: bytes
) -> None:
    app = any_db_app
    pooled = parts_of(app, pooled=True)
    alone = parts_of(app, pooled=False)
    assert pooled.pool is not None
    pooled_id, pooled_n = upload(pooled, name, body)
    assert len(pooled.pool.worker_pids()) == 2  # the upload really went to the workers
    alone_id, alone_n = upload(alone, name, body)
    anonymized = stored(pooled, pooled_id, pooled_n)
    assert anonymized == stored(alone, alone_id, alone_n)
    assert b"Mary Jones" not in anonymized and b"user2999@example.com" not in anonymized
    # Tokens written by the workers resolve in the vault's own process.
    assert stored(pooled, pooled_id, pooled_n, restored=True).decode() == body.decode()
    reports = [
        app.client.get(
            f"/v1/datasets/{dataset}/versions/1/report", headers=app.headers("acme", "analyst")
        ).json()["report"]
        for dataset in (pooled_id, alone_id)
    ]
    assert reports[0] == reports[1] and reports[0]["rows"] > 0


def test_a_name_column_and_the_same_name_in_notes_share_a_token(app: App) -> None:
    parts = parts_of(app, pooled=True)
    dataset, number = upload(parts, "people.csv", customers(3000))
    rows = [line.split(",") for line in stored(parts, dataset, number).decode().splitlines()[1:]]
    for row in rows[-600:]:  # done by the workers
        _, token, email_token, note = row
        assert token.startswith("PERSON_") and email_token.startswith("EMAIL_ADDRESS_")
        assert note.startswith(f"spoke with {token} about order")
    assert len({row[1] for row in rows}) == 3


def test_a_worker_that_dies_fails_the_upload_and_leaves_no_version(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None, dataset_workers=2)  # type: ignore[call-arg]
    app = build_app(settings, db_url=f"sqlite:///{tmp_path / 'meta.db'}")
    app.vault.detector_override = DyingDetector()
    app.vault.__dict__.pop("anonymizer", None)
    try:
        parts = parts_of(app, pooled=True)
        with pytest.raises(ServiceUnavailable) as caught:
            upload(parts, "people.csv", customers(3000, poison_at=2500))
        assert caught.value.code == "dataset_worker_died"
        assert POISON not in caught.value.message
        assert app.vault.datasets.list_datasets("acme") == []
        assert [p for p in (settings.data_dir / "objects").rglob("*") if p.is_file()] == []
        # The next upload gets fresh workers.
        dataset, number = upload(parts, "again.csv", customers(3000))
        assert stored(parts, dataset, number).count(b"\n") == 3001
    finally:
        app.vault.close()


def test_a_job_whose_worker_dies_fails_with_a_reason(tmp_path: Path) -> None:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "data", _env_file=None, dataset_workers=2, rate_limit_rpm=0
    )
    app = build_app(settings, db_url=f"sqlite:///{tmp_path / 'meta.db'}")
    app.vault.detector_override = DyingDetector()
    app.vault.__dict__.pop("anonymizer", None)
    body = customers(12000, poison_at=11000)  # past the cells an upload does itself
    try:
        with app.client:
            answer = app.client.post(
                "/v1/datasets",
                data={"name": "people"},
                files={"file": ("people.csv", body, "text/csv")},
                headers={**app.headers("acme", "uploader"), "Prefer": "respond-async"},
            )
            assert answer.status_code == 202, answer.text
            job = answer.json()
            seen = job
            for _ in range(600):
                seen = app.client.get(
                    f"/v1/jobs/{job['id']}", headers=app.headers("acme", "uploader")
                ).json()
                if seen["state"] not in ("queued", "running"):
                    break
                time.sleep(0.2)
            assert seen["state"] == "failed", seen
            assert seen["error"]["code"] == "dataset_worker_died"
            assert POISON not in json.dumps(seen)
            listed = app.client.get("/v1/datasets", headers=app.headers("acme", "analyst"))
            assert listed.json()["data"] == []
    finally:
        app.vault.close()


def test_a_reidentified_download_asks_the_token_store_once_per_block(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = 3000
    dataset = app.create_dataset("people", ("people.csv", customers(rows), "text/csv"))
    store = app.vault.tokens
    calls: list[int] = []
    fetch = store.fetch

    def counted(tenant: str, tokens: object) -> object:
        calls.append(len(tokens))  # type: ignore[arg-type]
        return fetch(tenant, tokens)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "fetch", counted)
    answer = app.client.get(
        f"/v1/datasets/{dataset}/versions/1/content?view=reidentified",
        headers=app.headers("acme", "reidentifier", purpose="support"),
    )
    assert answer.status_code == 200, answer.text
    assert answer.content == customers(rows)
    # One query per block of 512 rows, none for a token a block before already resolved.
    assert 0 < len(calls) <= rows // 512 + 1
    assert sum(calls) == rows + 3  # each email once, the three names once


def test_a_malformed_row_past_the_first_blocks_names_its_line_in_the_file(app: App) -> None:
    parts = parts_of(app, pooled=True)
    lines = customers(3000).decode().splitlines()
    lines[11] = '10,Ada Lovelace,user10@example.com,"a note over\ntwo lines"'  # one row, two lines
    lines[2601] = "2600,Mary Jones,too,many,fields"
    with pytest.raises(InvalidRequest) as caught:
        upload(parts, "people.csv", ("\n".join(lines) + "\n").encode())
    # Row 2600 is the 2602nd line of the list, and the 2603rd of the file.
    assert "line 2603 " in caught.value.message and "Mary" not in caught.value.message
    assert app.vault.datasets.list_datasets("acme") == []


class Stop(Exception):
    """What a cancelled job raises from its progress hook."""


def test_an_upload_stopped_with_batches_in_flight_leaves_nothing(app: App) -> None:
    parts = parts_of(app, pooled=True)
    assert parts.pool is not None
    parts.pool.warm()  # every batch goes to the workers, several in flight at once

    def progress(rows: int) -> None:
        if rows >= 1024:
            raise Stop

    body = customers(6000)
    with pytest.raises(Stop):
        create_dataset(
            parts,
            UPLOADER,
            name="stopped",
            upload=IngestRequest("people.csv", None, iter([body]), progress=progress),
        )
    assert app.vault.datasets.list_datasets("acme") == []
    objects = app.vault.settings.data_dir / "objects"
    assert [p for p in objects.rglob("*") if p.is_file()] == []
    # The workers are still there for the next upload, and it is whole.
    dataset, number = upload(parts, "people.csv", body)
    assert stored(parts, dataset, number, restored=True) == body
