"""`vault --url URL --key KEY ...`: the CLI's remote mode, run as a user would, against a vault
served over HTTP."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import ServedVault

VAULT = [sys.executable, "-m", "vault.cli"]
TABLE = "name,email\n" + "".join(f"John Smith,john{i}@example.com\n" for i in range(300))


def run(
    args: list[str], cwd: Path, *, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VAULT_")}
    # No data directory for the remote mode to open: it must not need one.
    environment |= {"VAULT_DATA_DIR": str(cwd / "no-local-vault"), "COLUMNS": "120", **env}
    return subprocess.run(
        [*VAULT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def test_upload_with_progress_list_versions_download_and_jobs(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    key = served_vault.key("uploader", "reidentifier")
    remote = ["--url", served_vault.url, "--key", key]
    (tmp_path / "people.csv").write_text(TABLE)
    uploaded = run([*remote, "datasets", "upload", "people.csv", "--name", "crm"], tmp_path)
    assert uploaded.returncode == 0, uploaded.stderr
    dataset = uploaded.stdout.split()[0]
    assert re.fullmatch(r"ds_[0-9a-f]{32} version 1 \(\d+ bytes sealed\)\n", uploaded.stdout)
    # rich's bar on stderr, as for a local upload: all of the file's kB, 300 rows.
    size = re.escape(f"{len(TABLE) / 1000:.1f}")
    assert re.search(rf"uploading \S+ {size}/{size} kB .* 300 rows$", uploaded.stderr.strip())
    again = run([*remote, "datasets", "upload", "people.csv", "--dataset", "crm"], tmp_path)
    assert again.returncode == 0 and again.stdout.startswith(f"{dataset} version 2 (")

    listed = run([*remote, "datasets", "list"], tmp_path)
    assert listed.stdout == f"{dataset}\tcrm\tv2\n"
    versions = run([*remote, "datasets", "versions", "crm"], tmp_path).stdout.splitlines()
    assert [line.split("\t")[:2] for line in versions] == [["1", "csv"], ["2", "csv"]]

    anonymized = run([*remote, "datasets", "download", "crm", "1"], tmp_path)
    assert anonymized.returncode == 0, anonymized.stderr
    assert (
        anonymized.stdout.startswith("name,email\n")
        and "john1@example.com" not in anonymized.stdout
    )
    refused = run([*remote, "datasets", "download", "crm", "1", "--reidentified"], tmp_path)
    assert refused.returncode == 2 and "--purpose" in refused.stderr
    restored = run(
        [*remote, "datasets", "download", dataset, "2", "--reidentified", "--purpose", "support",
         "-o", "back.csv"],
        tmp_path,
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert (tmp_path / "back.csv").read_text() == TABLE
    bad_purpose = run(
        [*remote, "datasets", "download", "crm", "1", "--reidentified", "--purpose", "Jane Doe",
         "-o", "nope.csv"],
        tmp_path,
    )  # fmt: skip
    assert bad_purpose.returncode == 2 and "purpose" in bad_purpose.stderr
    assert "Jane Doe" not in bad_purpose.stderr and not (tmp_path / "nope.csv").exists()
    missing = run([*remote, "datasets", "download", "no-such-name", "1"], tmp_path)
    assert missing.returncode == 1 and "not found" in missing.stderr

    jobs = run([*remote, "jobs", "list"], tmp_path).stdout.splitlines()
    job_id, state, kind, rest = jobs[0].split("\t")
    assert (state, kind) == ("succeeded", "dataset.version") and rest.startswith("300 rows, ")
    assert rest.endswith(f" {dataset} version 2")
    shown = json.loads(run([*remote, "jobs", "show", job_id], tmp_path).stdout)
    assert (shown["id"], shown["state"], shown["version"]) == (job_id, "succeeded", 2)
    cancel = run([*remote, "jobs", "cancel", job_id], tmp_path)
    assert cancel.returncode == 1 and "succeeded" in cancel.stderr
    assert "Traceback" not in cancel.stderr

    queued = run(
        [*remote, "datasets", "upload", "people.csv", "--dataset", dataset, "--no-wait"], tmp_path
    )
    assert queued.returncode == 0 and queued.stdout.startswith("job_")
    broken = tmp_path / "broken.csv"
    broken.write_text("a,b\n1,2\n3\n")
    failed = run([*remote, "datasets", "upload", "broken.csv", "--name", "broken"], tmp_path)
    assert failed.returncode == 1 and "line 3" in failed.stderr and "Traceback" not in failed.stderr
    for result in (uploaded, listed, restored, failed):
        assert key not in result.stdout + result.stderr


def test_audit_export_and_verify_name_a_tampered_line(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    remote = ["--url", served_vault.url]
    auditor = {"VAULT_KEY": served_vault.key("auditor")}  # the key from the environment
    exported = run([*remote, "audit", "export", "--output", "audit.jsonl"], tmp_path, **auditor)
    assert exported.returncode == 0, exported.stderr
    verified = run([*remote, "audit", "verify", "audit.jsonl"], tmp_path, **auditor)
    assert verified.returncode == 0 and verified.stdout.startswith("OK"), verified.stdout
    streamed = run([*remote, "audit", "verify"], tmp_path, **auditor)  # export + verify at once
    assert streamed.returncode == 0 and streamed.stdout.startswith("OK"), streamed.stdout
    csv = run([*remote, "audit", "export", "--format", "csv"], tmp_path, **auditor)
    assert csv.returncode == 0 and csv.stdout.startswith("type,seq,")

    lines = (tmp_path / "audit.jsonl").read_text().splitlines(keepends=True)
    record = json.loads(lines[3])
    record["actor"] = "someone-else"
    lines[3] = json.dumps(record) + "\n"
    (tmp_path / "tampered.jsonl").write_text("".join(lines))
    tampered = run([*remote, "audit", "verify", "tampered.jsonl"], tmp_path, **auditor)
    assert tampered.returncode == 1 and tampered.stdout.startswith("TAMPERED: line 4")
    bad_time = run([*remote, "audit", "export", "--since", "yesterday"], tmp_path, **auditor)
    assert bad_time.returncode == 2 and "--since" in bad_time.stderr


def test_text_commands_go_to_the_vault(served_vault: ServedVault, tmp_path: Path) -> None:
    remote = ["--url", served_vault.url, "--key", served_vault.key("reidentifier")]
    text = "Mail John Smith at john@example.com"
    anonymized = run([*remote, "anonymize"], tmp_path, stdin=text)
    assert anonymized.returncode == 0, anonymized.stderr
    assert "John Smith" not in anonymized.stdout and "john@example.com" not in anonymized.stdout
    restored = run(
        [*remote, "reidentify", "--purpose", "support"], tmp_path, stdin=anonymized.stdout
    )
    assert restored.stdout == text
    lines = run([*remote, "anonymize", "--jsonl"], tmp_path, stdin=json.dumps({"text": text}))
    assert json.loads(lines.stdout)["entities"] == {"PERSON": 1, "EMAIL_ADDRESS": 1}
    spans = run([*remote, "scan", "--jsonl"], tmp_path, stdin=json.dumps({"text": text}))
    assert {e["entity_type"] for e in json.loads(spans.stdout)["entities"]} == {
        "PERSON",
        "EMAIL_ADDRESS",
    }


def test_wrong_key_unreachable_vault_and_misused_options_are_clear(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    wrong = run(["--url", served_vault.url, "--key", "vk_wrong", "datasets", "list"], tmp_path)
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert wrong.stderr.startswith("vault: ") and "VAULT_KEY" in wrong.stderr
    assert "vk_wrong" not in wrong.stderr
    denied = run(
        ["--url", served_vault.url, "--key", served_vault.key("auditor"), "datasets", "list"],
        tmp_path,
    )
    assert denied.returncode == 1 and "analyst" in denied.stderr  # the roles that would allow it
    gone = run(["--url", "http://127.0.0.1:9", "--key", "vk_x", "jobs", "list"], tmp_path)
    assert gone.returncode == 1 and "cannot reach" in gone.stderr and "Traceback" not in gone.stderr
    no_key = run(["--url", served_vault.url, "datasets", "list"], tmp_path)
    assert no_key.returncode == 2 and "VAULT_KEY" in no_key.stderr
    bad_url = run(["--url", "localhost:8000", "--key", "vk_x", "datasets", "list"], tmp_path)
    assert bad_url.returncode == 2 and "--url" in bad_url.stderr

    local_only = run(["--url", served_vault.url, "--key", "vk_x", "apikey", "list"], tmp_path)
    assert local_only.returncode == 2 and "local-only" in local_only.stderr
    shred = run(["--url", served_vault.url, "keys", "shred", "--tenant", "acme", "--yes"], tmp_path)
    assert shred.returncode == 2 and "local-only" in shred.stderr
    tenant = run(
        ["--url", served_vault.url, "--key", "vk_x", "datasets", "list", "--tenant", "acme"],
        tmp_path,
    )
    assert tenant.returncode == 2 and "--tenant" in tenant.stderr
    # Local mode names its tenant: no silent default.
    for command in (["datasets", "list"], ["jobs", "list"], ["anonymize"], ["audit", "export"]):
        local = run(command, tmp_path, stdin="hello")
        assert local.returncode == 2 and "--tenant is required" in local.stderr, command
    help_text = run(["--help"], tmp_path).stdout
    assert "--url" in help_text and "Local-only" in help_text and "VAULT_KEY" in help_text


def test_a_download_cut_by_the_vault_exits_1_and_leaves_no_file(
    served_vault: ServedVault, tmp_path: Path
) -> None:
    remote = ["--url", served_vault.url, "--key", served_vault.key("uploader", tenant="cut")]
    (tmp_path / "long.txt").write_text(
        "".join(f"Line {i}: John Smith wrote to john@example.com.\n" for i in range(2500))
    )
    uploaded = run([*remote, "datasets", "upload", "long.txt", "--name", "long"], tmp_path)
    assert uploaded.returncode == 0, uploaded.stderr
    served_vault.damage_newest_object()
    cut = run([*remote, "datasets", "download", "long", "1", "-o", "out.txt"], tmp_path)
    assert cut.returncode == 1 and "cut before its end" in cut.stderr
    assert "Traceback" not in cut.stderr and not (tmp_path / "out.txt").exists()
