"""The `vault` command line, run as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

VAULT = [sys.executable, "-m", "vault.cli"]


def run(
    args: list[str], tmp_path: Path, *, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")}
    environment |= {"VAULT_DATA_DIR": str(tmp_path / "data"), **env}
    return subprocess.run(
        [*VAULT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


def test_help_lists_the_commands(tmp_path: Path) -> None:
    out = run(["--help"], tmp_path).stdout
    for command in (
        "serve",
        "apikey",
        "scan",
        "anonymize",
        "reidentify",
        "eval",
        "audit",
        "keys",
        "fake-groq",
    ):
        assert command in out


def test_apikey_create_prints_the_key_alone_on_the_last_line(tmp_path: Path) -> None:
    result = run(
        ["apikey", "create", "--tenant", "acme", "--role", "analyst", "--role", "reidentifier"],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("vk_") and " " not in last
    listed = run(["apikey", "list"], tmp_path).stdout
    assert "acme" in listed and last not in listed


def test_bad_role_and_bad_setting_are_refused_with_their_names(tmp_path: Path) -> None:
    bad_role = run(["apikey", "create", "--tenant", "acme", "--role", "wizard"], tmp_path)
    assert bad_role.returncode != 0 and "role" in bad_role.stderr
    bad_store = run(["serve"], tmp_path, VAULT_STORE="floppy")
    assert bad_store.returncode != 0 and "VAULT_STORE" in bad_store.stderr
    missing_bucket = run(["serve"], tmp_path, VAULT_STORE="s3")
    assert missing_bucket.returncode != 0 and "VAULT_S3_BUCKET" in missing_bucket.stderr


def test_scan_anonymize_reidentify_jsonl_round_trip(tmp_path: Path) -> None:
    lines = [
        {"text": "Mail jane.doe@example.com or call +1 415 555 0132"},
        {"text": "nothing here"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    scanned = run(["scan", "--jsonl", "-"], tmp_path, stdin=stdin)
    assert scanned.returncode == 0, scanned.stderr
    entities = [json.loads(line)["entities"] for line in scanned.stdout.splitlines()]
    assert {e["entity_type"] for e in entities[0]} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert entities[1] == []
    anonymized = run(["anonymize", "--tenant", "acme"], tmp_path, stdin=lines[0]["text"])
    assert "jane.doe@example.com" not in anonymized.stdout
    restored = run(["reidentify", "--tenant", "acme"], tmp_path, stdin=anonymized.stdout)
    assert restored.stdout == lines[0]["text"]


def test_invalid_utf8_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xc3")
    result = run(["scan", str(tmp_path / "bad.txt")], tmp_path)
    assert result.returncode == 2 and "UTF-8" in result.stderr


def test_datasets_upload_list_download(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("name,email\nJane Doe,jane.doe@example.com\n")
    uploaded = run(
        ["datasets", "upload", "people.csv", "--tenant", "acme", "--name", "people"], tmp_path
    )
    assert uploaded.returncode == 0, uploaded.stderr
    dataset = uploaded.stdout.split()[0]
    assert run(["datasets", "list", "--tenant", "acme"], tmp_path).stdout.startswith(dataset)
    assert run(["datasets", "list", "--tenant", "globex"], tmp_path).stdout == ""
    anonymized = run(["datasets", "download", dataset, "1", "--tenant", "acme"], tmp_path).stdout
    assert "jane.doe@example.com" not in anonymized and anonymized.startswith("name,email\n")
    refused = run(
        ["datasets", "download", dataset, "1", "--tenant", "acme", "--reidentified"], tmp_path
    )
    assert refused.returncode == 2 and "--purpose" in refused.stderr
    restored = run(
        [
            "datasets",
            "download",
            dataset,
            "1",
            "--tenant",
            "acme",
            "--reidentified",
            "--purpose",
            "support",
        ],
        tmp_path,
    )
    assert restored.stdout == "name,email\nJane Doe,jane.doe@example.com\n"
    foreign = run(["datasets", "download", dataset, "1", "--tenant", "globex"], tmp_path)
    assert foreign.returncode == 1 and "not found" in foreign.stderr


def _reads(tmp_path: Path) -> tuple[str, list[dict[str, object]]]:
    exported = run(["audit", "export", "--tenant", "acme"], tmp_path).stdout
    lines = [json.loads(line) for line in exported.splitlines()]
    return exported, [r for r in lines if r.get("action") == "dataset.read"]


def test_datasets_download_checks_the_purpose_and_is_audited_once_when_it_ends(
    tmp_path: Path,
) -> None:
    long_text = "".join(f"Line {i}: John Smith wrote to john@example.com.\n" for i in range(2500))
    (tmp_path / "long.txt").write_text(long_text)
    uploaded = run(
        ["datasets", "upload", "long.txt", "--tenant", "acme", "--name", "notes"], tmp_path
    )
    assert uploaded.returncode == 0, uploaded.stderr
    dataset = uploaded.stdout.split()[0]
    base = ["datasets", "download", dataset, "1", "--tenant", "acme"]

    # A purpose outside the policy's vocabulary is refused before any byte, and never stored.
    free_text = "Jane Doe 4111111111111111"
    refused = run([*base, "--reidentified", "--purpose", free_text, "-o", "out.txt"], tmp_path)
    assert refused.returncode == 2 and "purpose" in refused.stderr
    assert free_text not in refused.stderr and not (tmp_path / "out.txt").exists()
    exported, reads = _reads(tmp_path)
    assert free_text not in exported and "4111111111111111" not in exported
    assert [(r["outcome"], r["purpose"], r["details"]) for r in reads] == [
        ("error", None, {"view": "reidentified", "error": "invalid_request"})
    ]

    restored = run([*base, "--reidentified", "--purpose", "support"], tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == long_text
    _, reads = _reads(tmp_path)
    assert len(reads) == 2
    assert (reads[-1]["outcome"], reads[-1]["purpose"], reads[-1]["object"]) == (
        "ok",
        "support",
        f"{dataset}/v1",
    )
    assert reads[-1]["details"] == {"view": "reidentified", "end": "ok"}

    # A frame that fails late cuts the read: no partial file, one record saying how it ended.
    [stored] = [p for p in (tmp_path / "data" / "objects").rglob("*") if p.is_file()]
    blob = bytearray(stored.read_bytes())
    blob[-40] ^= 0x01
    stored.write_bytes(bytes(blob))
    cut = run([*base, "-o", "out.txt"], tmp_path)
    assert cut.returncode == 1 and not (tmp_path / "out.txt").exists()
    _, reads = _reads(tmp_path)
    assert len(reads) == 3
    assert (reads[-1]["outcome"], reads[-1]["purpose"], reads[-1]["details"]) == (
        "error",
        None,
        {"view": "anonymized", "end": "integrity_error"},
    )

    # A typed id that the vault could not have issued is not an audit object.
    typed = run(["datasets", "download", "john@example.com", "1", "--tenant", "acme"], tmp_path)
    assert typed.returncode == 1
    exported, reads = _reads(tmp_path)
    assert "john@example.com" not in exported and reads[-1]["object"] is None


def test_cli_key_and_dataset_actions_are_audited(tmp_path: Path) -> None:
    created = run(["apikey", "create", "--tenant", "acme", "--role", "analyst"], tmp_path)
    key_id = created.stdout.split()[2]
    assert run(["apikey", "revoke", key_id], tmp_path).returncode == 0
    exported = run(["audit", "export", "--tenant", "acme"], tmp_path)
    actions = [json.loads(line).get("action") for line in exported.stdout.splitlines()]
    assert {"apikey.create", "apikey.revoke", "audit.export"} <= set(actions)
    assert key_id in exported.stdout and "vk_" not in exported.stdout


def test_local_datasets_are_addressed_by_name_and_an_ambiguous_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from tests.fakes import RegexDetector
    from vault import wiring
    from vault.cli import app as cli

    build = wiring.build_vault
    monkeypatch.setattr(
        wiring, "build_vault", lambda s, **kw: build(s, detector_override=RegexDetector(), **kw)
    )
    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("VAULT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("VAULT_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "people.csv").write_text("name,email\nJohn Smith,john@example.com\n")
    runner = CliRunner()

    def vault(*args: str) -> Any:
        return runner.invoke(cli, list(args))

    first = vault("datasets", "upload", "people.csv", "--tenant", "acme", "--name", "crm")
    assert first.exit_code == 0, first.output
    dataset = first.stdout.split()[0]
    second = vault("datasets", "upload", "people.csv", "--tenant", "acme", "--dataset", "crm")
    assert second.stdout.startswith(f"{dataset} version 2 ")
    versions = vault("datasets", "versions", "crm", "--tenant", "acme")
    assert [line.split("\t")[0] for line in versions.stdout.splitlines()] == ["1", "2"]
    download = vault("datasets", "download", "crm", "2", "--tenant", "acme")
    assert download.exit_code == 0 and download.stdout.startswith("name,email\n")
    assert "john@example.com" not in download.stdout
    other = vault("datasets", "versions", "crm", "--tenant", "globex")
    assert other.exit_code == 1 and "not found" in other.stderr

    vault("datasets", "upload", "people.csv", "--tenant", "acme", "--name", "crm")
    ambiguous = vault("datasets", "download", "crm", "1", "--tenant", "acme")
    assert ambiguous.exit_code == 1 and "2 datasets have that name" in ambiguous.stderr
    assert "crm" not in ambiguous.stderr and dataset in ambiguous.stderr
    untenanted = vault("datasets", "list")
    assert untenanted.exit_code == 2 and "--tenant is required" in untenanted.stderr
