"""The guard's known values shared through the real Redis: a value one worker saw is tokenized
where it stands, and refused in any form the fold undoes, by another worker that never saw it;
an erasure on one is an erasure on all; Redis holds digests only, bounded, each with a TTL; and
Redis away refuses the request (503) rather than guard it with half a memory."""

# ruff: noqa: F811 - the Redis fixtures are imported, then named as parameters

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import Engine

from tests.adapters.test_redis_state import prefix, redis_url  # noqa: F401 - fixtures
from tests.fakes import SalutationDetector
from vault.adapters.database import create_db_engine, migrate
from vault.adapters.kms_local import LocalKeyService
from vault.adapters.redis_state import RedisKnownValues, connect_redis
from vault.adapters.tenant_keys_sql import SqlTenantKeys
from vault.adapters.token_store_sql import SqlTokenStore
from vault.domain.policy import AnonymizationPolicy
from vault.errors import OutboundBlocked, ServiceUnavailable
from vault.services.anonymize import Anonymizer
from vault.services.chat import ChatRedactor
from vault.services.chat.guard import PayloadCheck
from vault.services.chat.known import SharedKnownMemory

# SalutationDetector finds a name only after "Dear": elsewhere only the guard's memory finds it.
_TOKEN = re.compile(rb"PERSON_[0-9A-Z]{10}")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One database for every worker, as a deployment shares one."""
    root: Path = tmp_path_factory.mktemp("known")
    engine = create_db_engine(f"sqlite:///{root / 'meta.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def tenant_keys(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> SqlTenantKeys:
    return SqlTenantKeys(engine, LocalKeyService(data_dir=tmp_path_factory.mktemp("kms")))


@pytest.fixture(scope="module")
def anonymizer(engine: Engine, tenant_keys: SqlTenantKeys) -> Anonymizer:
    return Anonymizer(
        detector=SalutationDetector(),
        token_store=SqlTokenStore(engine),
        tenant_keys=tenant_keys,
        policy=AnonymizationPolicy(name="test"),
    )


@pytest.fixture
def worker(
    anonymizer: Anonymizer, tenant_keys: SqlTenantKeys, redis_url: str, prefix: str
) -> Callable[..., ChatRedactor]:
    """Makes a worker's redactor: its own memory, in front of the Redis every worker shares."""

    def make(*, url: str = redis_url, limit: int = 1000) -> ChatRedactor:
        store = RedisKnownValues(connect_redis(url), prefix=prefix, ttl_seconds=600, limit=limit)
        known = SharedKnownMemory(store, tenant_keys, limit=limit)
        return ChatRedactor(anonymizer, known=known)

    return make


def _chat(*texts: str) -> dict[str, Any]:
    return {
        "model": "llama-3.1-8b-instant",
        "messages": [{"role": "user", "content": t} for t in texts],
    }


def test_a_value_one_worker_saw_is_tokenized_by_another_where_it_stands(
    anonymizer: Anonymizer, worker: Callable[..., ChatRedactor]
) -> None:
    a, b = worker(), worker()
    seen = a.redact("acme", _chat("Dear Lena Fischer, your order shipped")).payload
    (token,) = _TOKEN.findall(seen)

    # Undetected here, and never seen by this worker: tokenized all the same, with A's token.
    redacted = b.redact("acme", _chat("Lena Fischer wrote again"))
    sent = redacted.payload
    assert b"Lena Fischer" not in sent
    assert _TOKEN.findall(sent) == [token]
    # B restores the answer's token as a value this request sent (the answer guard leaves it).
    assert redacted.values == {token.decode(): "Lena Fischer"}
    # A worker without the shared memory sends it as it is: the memory is what found it.
    alone = ChatRedactor(anonymizer).redact("acme", _chat("Lena Fischer wrote again")).payload
    assert b"Lena Fischer" in alone
    # Another tenant's memory is its own.
    other = b.redact("globex", _chat("Lena Fischer wrote again")).payload
    assert b"Lena Fischer" in other


def test_a_known_value_in_a_form_not_tokenized_is_refused_by_every_worker(
    anonymizer: Anonymizer, worker: Callable[..., ChatRedactor]
) -> None:
    a, b = worker(), worker()
    a.redact("acme", _chat("Dear Omar Haddad, see you"))
    with pytest.raises(OutboundBlocked):
        b.redact("acme", _chat("OMAR HADDAD called"))  # upper-cased: not as written, still it
    # And in a batch of requests, read at once.
    results, failed = b.redact_many("acme", [_chat("fine"), _chat("call omar haddad")])
    assert len(results) == 1 and failed is not None and failed[0] == 1
    assert isinstance(failed[1], OutboundBlocked)


def test_known_digits_are_found_however_they_are_separated(
    tenant_keys: SqlTenantKeys, redis_url: str, prefix: str
) -> None:
    keys = tenant_keys
    store = RedisKnownValues(connect_redis(redis_url), prefix=prefix, ttl_seconds=600, limit=100)
    one, two = SharedKnownMemory(store, keys, limit=100), SharedKnownMemory(store, keys, limit=100)
    one.refresh("acme")
    one.of("acme").add({"+44 20 7946 0958": "PHONE_NUMBER"})
    one.publish("acme")
    two.refresh("acme")
    assert two.of("acme").found_in(PayloadCheck('{"content":"ring 442079.460958 now"}'))
    assert not two.of("acme").found_in(PayloadCheck('{"content":"ring 442079.460959 now"}'))


def test_an_erasure_on_one_worker_is_an_erasure_on_all(
    anonymizer: Anonymizer, worker: Callable[..., ChatRedactor]
) -> None:
    a, b = worker(), worker()
    a.redact("acme", _chat("Dear Ada Quist, hello"))
    assert b"Ada Quist" not in b.redact("acme", _chat("Ada Quist again")).payload
    a.forget_values(["Ada Quist"], tenant="acme")
    # B held the value as written once it found it; the erasure reaches that copy too.
    assert b"Ada Quist" in b.redact("acme", _chat("Ada Quist again")).payload
    assert b"Ada Quist" in a.redact("acme", _chat("Ada Quist again")).payload


def test_what_a_worker_knows_is_told_again_to_a_redis_that_lost_it(
    worker: Callable[..., ChatRedactor], redis_url: str, prefix: str
) -> None:
    a = worker()
    a.redact("acme", _chat("Dear Ivo Marek, welcome"))
    client = redis.Redis.from_url(redis_url)
    try:
        client.delete(*client.scan_iter(match=f"{prefix}*"))  # Redis started again, empty
    finally:
        client.close()
    a.redact("acme", _chat("nothing personal"))  # the next request tells it again
    assert b"Ivo Marek" not in worker().redact("acme", _chat("Ivo Marek is back")).payload


def test_redis_holds_bounded_digests_only_each_with_a_ttl(
    worker: Callable[..., ChatRedactor], redis_url: str, prefix: str
) -> None:
    redactor = worker(limit=6)
    names = ["Lena Fischer", "Omar Haddad", "Ada Quist", "Ivo Marek", "Zoe Brandt"]
    for name in names:
        redactor.redact("acme", _chat(f"Dear {name}, mail me at {name.split()[0]}@example.com"))
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*"))
        names_of = {k.decode()[len(prefix) :] for k in keys}
        assert names_of == {"known:acme", "known:acme:meta", "known:acme:epoch"}
        for key in keys:
            assert 0 < client.pttl(key) <= 600_000
        members = client.zrange(f"{prefix}known:acme", 0, -1)
        assert len(members) == 6  # ten values, two or three digests each: the oldest dropped
        # A member is a kind and a digest; beside it, a length and an entity type only:
        assert all(re.fullmatch(rb"[wfd]:[0-9a-f]{32}", m) for m in members)
        metas = client.hgetall(f"{prefix}known:acme:meta")
        assert set(metas) == set(members)
        assert all(re.fullmatch(rb"\d+:[A-Z_]*", meta) for meta in metas.values())
        # So nothing of a name or an address is there (a hex digest may spell "ada" by chance).
    finally:
        client.close()


def test_redis_away_refuses_the_request(worker: Callable[..., ChatRedactor]) -> None:
    with socket_closed() as url:
        redactor = worker(url=url)
        with pytest.raises(ServiceUnavailable) as caught:
            redactor.redact("acme", _chat("Dear Lena Fischer"))
    assert caught.value.code == "redis_unavailable"


def socket_closed() -> Any:
    """A Redis URL where nothing listens."""
    import contextlib
    import socket

    @contextlib.contextmanager
    def closed() -> Iterator[str]:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        yield f"redis://127.0.0.1:{port}/0"

    return closed()


def test_a_digest_is_forgotten_after_its_ttl(redis_url: str, prefix: str) -> None:
    store = RedisKnownValues(connect_redis(redis_url), prefix=prefix, ttl_seconds=1, limit=100)
    store.record("acme", added={"w:" + "0" * 32: "12:PERSON"}, gone=())
    assert store.changes("acme", since=0).added == {"w:" + "0" * 32: "12:PERSON"}
    time.sleep(1.1)
    assert store.changes("acme", since=0).added == {}  # no worker catches up on it any more
    store.record("acme", added={"w:" + "1" * 32: "5:PERSON"}, gone=())
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.zrange(f"{prefix}known:acme", 0, -1) == [b"w:" + b"1" * 32]
        assert client.hkeys(f"{prefix}known:acme:meta") == [b"w:" + b"1" * 32]
    finally:
        client.close()


def test_a_whole_tenant_is_caught_up_page_by_page(redis_url: str, prefix: str) -> None:
    store = RedisKnownValues(connect_redis(redis_url), prefix=prefix, ttl_seconds=600, limit=10_000)
    digests = {f"w:{n:032x}": "12:PERSON" for n in range(4_500)}  # nine scripts, three pages
    store.record("acme", added=digests, gone=())
    whole = store.changes("acme", since=0)
    assert whole.added == digests
    later = store.changes("acme", since=whole.now)
    assert later.added == {} and later.epoch == whole.epoch
    store.record("acme", added={"f:" + "2" * 32: "9:"}, gone=["w:" + "0" * 32])
    news = store.changes("acme", since=whole.now)
    assert news.added == {"f:" + "2" * 32: "9:"} and news.gone == ["w:" + "0" * 32]
