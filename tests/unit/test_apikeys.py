"""API keys: authentication from the store, and from its memory alone (for the event loop)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vault.adapters.apikeys_sql import SqlApiKeyStore
from vault.adapters.database import create_db_engine, migrate
from vault.errors import AuthenticationFailed
from vault.services.apikeys import (
    authenticate,
    authenticate_cached,
    create_api_key,
    revoke_api_key,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlApiKeyStore]:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'meta.db'}")
    migrate(engine)
    yield SqlApiKeyStore(engine)
    engine.dispose()


def test_memory_answers_only_for_a_key_looked_up_a_moment_ago(store: SqlApiKeyStore) -> None:
    info, key = create_api_key(store, tenant="acme", roles=["analyst"])
    assert authenticate_cached(store, key) is None  # never looked up: memory cannot tell
    principal = authenticate(store, key)
    assert authenticate_cached(store, key) == principal
    assert principal.tenant == "acme" and principal.key_id == info.id


def test_memory_never_admits_what_the_store_would_refuse(store: SqlApiKeyStore) -> None:
    info, key = create_api_key(store, tenant="acme", roles=["analyst"])
    authenticate(store, key)
    tampered = key[:-1] + ("A" if key[-1] != "A" else "B")
    for presented in (tampered, None, "", "vk_nope", key + "x"):
        assert authenticate_cached(store, presented) is None
        with pytest.raises(AuthenticationFailed):
            authenticate(store, presented)
    revoke_api_key(store, info.id)
    assert authenticate_cached(store, key) is None
    with pytest.raises(AuthenticationFailed):
        authenticate(store, key)


def test_a_cached_key_past_its_expiry_is_refused(store: SqlApiKeyStore) -> None:
    expiry = datetime.now(UTC) + timedelta(minutes=1)
    _, key = create_api_key(store, tenant="acme", roles=["analyst"], expires_at=expiry)
    authenticate(store, key)
    later = expiry + timedelta(seconds=1)
    assert authenticate_cached(store, key, clock=lambda: later) is None


def test_memory_forgets_after_its_time(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'meta.db'}")
    migrate(engine)
    store = SqlApiKeyStore(engine, cache_seconds=0.0)
    _, key = create_api_key(store, tenant="acme", roles=["analyst"])
    authenticate(store, key)
    assert authenticate_cached(store, key) is None
    engine.dispose()
