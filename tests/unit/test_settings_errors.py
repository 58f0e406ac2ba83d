"""Start-up and settings errors are one line naming the variable or file and what to do; a
misspelled `VAULT_*` variable is warned about; the access log holds route templates only."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import ValidationError
from typer.testing import CliRunner

from vault.api.access_log import LOGGER, AccessLog
from vault.cli import app as cli
from vault.settings import Settings, describe_error, unknown_variables


def _run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)  # no .env file from the checkout
    for name in [n for n in os.environ if n.startswith("VAULT_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, ["apikey", "list"])
    return result.exit_code, result.stderr


def test_a_misspelled_policy_is_one_line_naming_the_variable_and_the_choices(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, err = _run(
        monkeypatch, tmp_path, VAULT_POLICY="stricct", VAULT_DATA_DIR=str(tmp_path / "d")
    )
    assert code == 2
    assert err == (
        "vault: VAULT_POLICY: anonymization policy 'stricct' not found; "
        "set it to one of default, strict\n"
    )


def test_an_unusable_data_dir_is_one_line_saying_what_to_do(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, err = _run(monkeypatch, tmp_path, VAULT_DATA_DIR=str(blocker / "vault"))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "VAULT_DATA_DIR" in err and "can write" in err


@pytest.mark.parametrize(
    ("env", "line"),
    [
        (
            {"VAULT_STORE": "s4"},
            "vault: invalid setting VAULT_STORE: Input should be 'local' or 's3'\n",
        ),
        ({"VAULT_STORE": "s3"}, "vault: invalid settings: VAULT_STORE=s3 needs VAULT_S3_BUCKET\n"),
        (
            {"VAULT_RATE_LIMIT_RPM": "lots"},
            "vault: invalid setting VAULT_RATE_LIMIT_RPM: "
            "Input should be a valid integer, unable to parse string as an integer\n",
        ),
    ],
)
def test_a_bad_setting_is_one_line_naming_its_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str], line: str
) -> None:
    code, err = _run(monkeypatch, tmp_path, **env)
    assert (code, err) == (2, line)


def test_a_bad_secret_setting_is_named_but_never_shown() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(metrics_token=["hunter2"], _env_file=None)  # type: ignore[arg-type,call-arg]
    assert describe_error(caught.value).startswith("invalid setting VAULT_METRICS_TOKEN: ")
    assert "hunter2" not in describe_error(caught.value)


def test_unknown_vault_variables_are_warned_about_with_the_nearest_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warnings = unknown_variables(
        {
            "VAULT_DATADIR": "x",
            "VAULT_METRICS_TOKN": "x",
            "VAULT_WHATEVER": "x",
            "VAULT_DATA_DIR": "x",
            "VAULT_URL": "x",
            "VAULT_TEST_POSTGRES_URL": "x",
            "GROQ_API_KEY": "x",
            "HOME": "x",
        }
    )
    assert warnings == [
        "unknown setting VAULT_DATADIR is ignored; did you mean VAULT_DATA_DIR?",
        "unknown setting VAULT_METRICS_TOKN is ignored; did you mean VAULT_METRICS_TOKEN?",
        "unknown setting VAULT_WHATEVER is ignored",
    ]
    _, err = _run(monkeypatch, tmp_path, VAULT_STORAGE="s3", VAULT_DATA_DIR=str(tmp_path))
    assert (
        "vault: warning: unknown setting VAULT_STORAGE is ignored; did you mean VAULT_STORE?" in err
    )


def test_the_access_log_names_the_route_template_never_the_path_or_query(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = FastAPI()

    @api.get("/v1/datasets/{dataset_id}/versions")
    def versions(dataset_id: str) -> dict[str, str]:
        return {}

    client = TestClient(AccessLog(api))
    with caplog.at_level(logging.INFO, logger=LOGGER):
        client.get("/v1/datasets/Mary%20Jones/versions?purpose=4111111111111111")
        client.get("/nowhere/Mary")
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(lines) == 2
    assert '"GET /v1/datasets/{dataset_id}/versions" 200' in lines[0]
    assert '"GET unmatched" 404' in lines[1]
    assert not any("Mary" in line or "4111" in line or "purpose" in line for line in lines)
