"""Shared fixtures: real servers for the adapter tiers (moto over HTTP, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
from sqlalchemy import Engine, text

from vault.adapters.database import create_db_engine, migrate
from vault.settings import Settings

POSTGRES_URL = os.environ.get(
    "VAULT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"

# No wall-clock limits in tests (these machines are shared): Hypothesis's per-example deadline
# is off. Under CI the examples are derandomized, so a run is reproducible from its commit.
hypothesis.settings.register_profile("vault", deadline=None)
hypothesis.settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
hypothesis.settings.load_profile("ci" if IN_CI else "vault")


@pytest.fixture(autouse=True)
def _no_real_aws(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see real AWS credentials, and boto3 never reaches for an instance role."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The embedded default in a fresh data dir: SQLite, local KMS, local object store."""
    return Settings(data_dir=tmp_path / "vault-data", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """One moto server for the session, over real HTTP on loopback (S3 and KMS)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _postgres_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    engine = create_db_engine(POSTGRES_URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to connect means "not here"
        return f"PostgreSQL at {POSTGRES_URL} did not answer: {type(exc).__name__}"
    finally:
        engine.dispose()
    return None


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A fresh schema on the local PostgreSQL; skips where none answers, fails under CI."""
    reason = _postgres_available()
    if reason is not None:
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    return POSTGRES_URL


def _fresh_postgres_engine(base_url: str) -> tuple[Engine, str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    separator = "&" if "?" in base_url else "?"
    url = f"{base_url}{separator}options=-csearch_path%3D{schema}"
    return create_db_engine(url), schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty metadata database URL: SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'meta.db'}"
        engine = create_db_engine(url)
        migrate(engine)
        engine.dispose()
        yield url
        return
    base = request.getfixturevalue("postgres_url")
    engine, schema = _fresh_postgres_engine(base)
    migrate(engine)
    url = str(engine.url.render_as_string(hide_password=False))
    engine.dispose()
    yield url
    admin = create_db_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def db_engine(db_url: str) -> Iterator[Engine]:
    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()
