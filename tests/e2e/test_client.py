"""`vault.client` against a vault served over real HTTP: every door, sync and async."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import ServedVault
from vault.client import (
    AsyncVaultClient,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    Progress,
    VaultClient,
)

TABLE = "name,email,note\n" + "".join(
    f"John Smith,john{i}@example.com,row {i}\n" for i in range(200)
)


def test_text_door_detects_anonymizes_and_reidentifies(served_vault: ServedVault) -> None:
    text = "Mail John Smith at john@example.com"
    with VaultClient(served_vault.url, served_vault.key("reidentifier")) as vault:
        spans = vault.text.detect(text)
        assert {(s.entity_type, text[s.start : s.end]) for s in spans} == {
            ("PERSON", "John Smith"),
            ("EMAIL_ADDRESS", "john@example.com"),
        }
        anonymized = vault.text.anonymize(text)
        assert "John Smith" not in anonymized.text and "john@example.com" not in anonymized.text
        assert anonymized.counts() == {"PERSON": 1, "EMAIL_ADDRESS": 1}
        assert all(e.token and e.token in anonymized.text for e in anonymized.entities)
        restored = vault.text.deanonymize(anonymized.text, purpose="support")
        assert restored.text == text and restored.unresolved == ()
        with pytest.raises(BadRequestError) as refused:
            vault.text.reidentify(anonymized.text, purpose="curiosity")
        assert refused.value.status == 400 and refused.value.param == "purpose"
        assert "curiosity" not in str(refused.value)


def test_errors_carry_status_code_and_field(served_vault: ServedVault) -> None:
    with (
        VaultClient(served_vault.url, "vk_not_a_key") as vault,
        pytest.raises(AuthenticationError) as bad,
    ):
        vault.text.anonymize("hello")
    assert (bad.value.status, bad.value.code) == (401, "invalid_api_key")
    with VaultClient(served_vault.url, served_vault.key("auditor")) as vault:
        with pytest.raises(PermissionDeniedError) as denied:
            vault.text.anonymize("hello")
        assert denied.value.status == 403 and "analyst" in denied.value.message
    with VaultClient(served_vault.url, served_vault.key("uploader")) as vault:
        with pytest.raises(BadRequestError) as empty:
            vault.text.anonymize("x" * (1024 * 1024 + 1))
        assert empty.value.param == "text"
        with pytest.raises(NotFoundError):
            vault.jobs.get("job_" + "0" * 32)
    with pytest.raises(ValueError, match="base_url"):
        VaultClient("ftp://example.com", "vk_x")


def test_datasets_upload_with_progress_list_versions_download_by_name_and_id(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    source = tmp_path / "people.csv"
    source.write_text(TABLE)
    seen: list[Progress] = []
    with VaultClient(served_vault.url, served_vault.key("uploader", "reidentifier")) as vault:
        upload = vault.datasets.create(source, name="people-sync", progress=seen.append)
        assert upload.job is not None and upload.job.state == "succeeded"
        assert (upload.dataset.name, upload.version.number) == ("people-sync", 1)
        assert upload.job.rows_done == 200
        assert seen[0].stage == "sending" and seen[-1].stage == "job"
        # The job counts the request's bytes (the form around the file too), all of them.
        last = seen[-1].job
        assert (
            last is not None
            and last.bytes_done == last.bytes_total
            and last.bytes_done > len(TABLE)
        )
        assert max(p.bytes_done for p in seen if p.stage == "sending") == len(TABLE)

        second = vault.datasets.add_version("people-sync", source)
        assert (second.dataset.id, second.version.number) == (upload.dataset.id, 2)
        assert upload.dataset.id in {d.id for d in vault.datasets.list()}
        assert vault.datasets.get("people-sync").latest_version == 2
        assert [v.number for v in vault.datasets.versions("people-sync")] == [1, 2]
        assert vault.datasets.report(upload.dataset.id, 1)

        out = tmp_path / "anon.csv"
        written = vault.datasets.download("people-sync", 1, out)
        anonymized = out.read_text()
        assert written == len(anonymized.encode()) and anonymized.startswith("name,email,note\n")
        assert "john0@example.com" not in anonymized and "row 0" in anonymized
        with vault.datasets.stream(upload.dataset.id, 2, reidentified=True, purpose="support") as c:
            assert b"".join(c).decode() == TABLE
        with pytest.raises(BadRequestError):
            vault.datasets.download("people-sync", 1, tmp_path / "no.csv", reidentified=True)
        assert not (tmp_path / "no.csv").exists()

        vault.datasets.create(source, name="twice")
        vault.datasets.create(source, name="twice")
        with pytest.raises(ConflictError) as ambiguous:
            vault.datasets.versions("twice")
        assert ambiguous.value.code == "ambiguous_dataset_name"
        assert "twice" not in ambiguous.value.message
        with pytest.raises(NotFoundError):
            vault.datasets.get("no such name")
    other = VaultClient(served_vault.url, served_vault.key("uploader", tenant="globex"))
    with other, pytest.raises(NotFoundError):
        other.datasets.get("people-sync")  # another tenant's name names nothing here


def test_a_failed_upload_job_raises_with_its_reason(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    from vault.client import JobFailedError

    broken = tmp_path / "broken.csv"
    broken.write_text("a,b\n1,2\n3\n")
    with VaultClient(served_vault.url, served_vault.key("uploader")) as vault:
        with pytest.raises(JobFailedError) as failed:
            vault.datasets.create(broken, name="broken")
        assert failed.value.job.state == "failed" and "line 3" in failed.value.message
        jobs = vault.jobs.list()
        assert jobs[0].id == failed.value.job.id
        with pytest.raises(ConflictError):
            vault.jobs.cancel(jobs[0].id)


def test_audit_export_and_local_verify(served_vault: ServedVault, tmp_path: Path) -> None:
    with VaultClient(served_vault.url, served_vault.key("auditor")) as vault:
        target = tmp_path / "audit.jsonl"
        assert vault.audit.export_to(target) > 2
        assert vault.audit.verify(target).ok
        assert vault.audit.verify().ok  # streamed from the vault straight into the verifier
        with vault.audit.export(fmt="csv") as lines:
            assert next(lines).startswith("type,seq,")
        assert vault.audit.verify(fmt="csv").ok
        rows = target.read_text().splitlines(keepends=True)
        record = json.loads(rows[2])
        record["outcome"] = "denied" if record.get("outcome") != "denied" else "ok"
        rows[2] = json.dumps(record) + "\n"
        target.write_text("".join(rows))
        result = vault.audit.verify(target)
        assert not result.ok and "line 3" in result.message()


def test_dsr_and_keys_doors(served_vault: ServedVault) -> None:
    with VaultClient(served_vault.url, served_vault.key("admin", "analyst", "auditor")) as vault:
        vault.text.anonymize("write to mary.jones@example.org")
        found = vault.dsr.find("mary.jones@example.org")
        assert [f.entity_type for f in found] == ["EMAIL_ADDRESS"]
        erased = vault.dsr.erase("mary.jones@example.org")
        assert erased.erased == 1 and erased.tokens == (found[0].token,)
        assert vault.dsr.find("mary.jones@example.org") == []
        vault.dsr.not_pii("Acme Widget 3000")

        created = vault.keys.create(["analyst"], label="ci")
        assert created.secret.startswith("vk_") and created.secret not in repr(created)
        assert created.key.id in {k.id for k in vault.keys.list()}
        assert vault.keys.set_roles(created.key.id, ["auditor"]).roles == ("auditor",)
        with pytest.raises(PermissionDeniedError):
            vault.keys.create(["reidentifier"])
        assert vault.keys.revoke(created.key.id).revoked_at is not None
    with (
        VaultClient(served_vault.url, created.secret) as revoked,
        pytest.raises(AuthenticationError),
    ):
        revoked.audit.verify()


def test_the_async_client_walks_every_door(served_vault: ServedVault, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(TABLE)
    key = served_vault.key("admin", "uploader", "reidentifier", "auditor")

    async def walk() -> None:
        async with AsyncVaultClient(served_vault.url, key) as vault:
            text = "Call John Smith"
            anonymized = await vault.text.anonymize(text)
            assert [s.entity_type for s in await vault.text.detect(text)] == ["PERSON"]
            assert (await vault.text.reidentify(anonymized.text, purpose="support")).text == text

            seen: list[Progress] = []
            upload = await vault.datasets.create(source, name="people-async", progress=seen.append)
            assert upload.version.number == 1 and seen[-1].job is not None
            again = await vault.datasets.add_version("people-async", source)
            assert again.version.number == 2
            assert "people-async" in {d.name for d in await vault.datasets.list()}
            assert len(await vault.datasets.versions("people-async")) == 2
            assert (await vault.datasets.get(upload.dataset.id)).name == "people-async"
            assert await vault.datasets.report("people-async", 2)
            out = tmp_path / "back.csv"
            await vault.datasets.download(
                "people-async", 1, out, reidentified=True, purpose="support"
            )
            assert out.read_text() == TABLE
            async with vault.datasets.stream("people-async", 2) as chunks:
                body = b"".join([chunk async for chunk in chunks])
            assert b"john1@example.com" not in body
            jobs = await vault.jobs.list()
            job = await vault.jobs.get(jobs[0].id)
            assert (job.state, job.attempts) == ("succeeded", 1)
            assert (await vault.jobs.wait(jobs[0].id)).finished
            with pytest.raises(ConflictError):
                await vault.jobs.cancel(jobs[0].id)

            assert await vault.audit.export_to(tmp_path / "a.jsonl") > 2
            assert (await vault.audit.verify(tmp_path / "a.jsonl")).ok
            assert (await vault.audit.verify()).ok

            await vault.text.anonymize("ada@example.net")
            assert len(await vault.dsr.find("ada@example.net")) == 1
            assert (await vault.dsr.erase("ada@example.net")).erased == 1
            await vault.dsr.not_pii("Widget")
            created = await vault.keys.create(["uploader"])
            assert created.key.id in {k.id for k in await vault.keys.list()}
            assert (await vault.keys.set_roles(created.key.id, ["auditor"])).roles == ("auditor",)
            assert (await vault.keys.revoke(created.key.id)).revoked_at is not None
        async with AsyncVaultClient(served_vault.url, "vk_wrong") as wrong:
            with pytest.raises(AuthenticationError):
                await wrong.datasets.list()

    asyncio.run(walk())


def test_importing_the_client_loads_no_server_library() -> None:
    probe = (
        "import sys, vault.client\n"
        "heavy = {'presidio_analyzer', 'spacy', 'boto3', 'botocore', 'sqlalchemy', 'sqlmodel',"
        " 'fastapi', 'starlette', 'typer'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


def test_a_download_cut_by_a_damaged_frame_raises_and_leaves_no_file(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    from vault.client import DownloadInterruptedError

    long_text = "".join(f"Line {i}: John Smith wrote to john@example.com.\n" for i in range(2500))
    (tmp_path / "long.txt").write_text(long_text)
    key = served_vault.key("uploader", tenant="damaged")
    with VaultClient(served_vault.url, key) as vault:
        upload = vault.datasets.create(tmp_path / "long.txt", name="long")
        served_vault.damage_newest_object()
        with pytest.raises(DownloadInterruptedError):
            vault.datasets.download(upload.dataset.id, 1, tmp_path / "cut.txt")
        assert not (tmp_path / "cut.txt").exists()

    async def cut() -> None:
        async with AsyncVaultClient(served_vault.url, key) as vault:
            with pytest.raises(DownloadInterruptedError):
                await vault.datasets.download("long", 1, tmp_path / "cut-async.txt")

    asyncio.run(cut())
    assert not (tmp_path / "cut-async.txt").exists()


def test_an_answer_that_is_not_the_vaults_json_still_maps_to_its_status() -> None:
    import httpx

    from vault.client import InternalServerError

    def gateway(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="<html>Bad Gateway</html>")

    client = VaultClient("http://vault.test", "vk_x", transport=httpx.MockTransport(gateway))
    with client, pytest.raises(InternalServerError) as bad:
        client.datasets.list()
    assert (bad.value.status, bad.value.code) == (502, "http_error")
    assert "html" not in str(bad.value).lower()
