"""State shared by every worker and replica through Redis: rate limits, the detection cache, the
guard's known values and the audit door's outage flag.

Nothing here holds text or values: rate windows are keyed by API key id, cached spans by an HMAC
of (tenant, text) under the tenant's own key (which never reaches Redis), known values are keyed
digests under another key of the tenant's (with each one's length and entity type), and the outage
flag is one short string. Every key lives under the configured prefix and has a TTL. Redis failing is a
ServiceUnavailable (503, `redis_unavailable`): a request is refused, never let through unlimited,
and the next request after Redis is back succeeds without a restart (redis-py reconnects).
"""

from __future__ import annotations

import functools
import hmac
import json
import logging
import time
import uuid
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from vault.domain.ratelimit import WINDOW_SECONDS, Limits, Standing
from vault.domain.spans import Span
from vault.errors import ServiceUnavailable
from vault.ports import KnownDigests, TenantKeys

__all__ = [
    "RedisKnownValues",
    "RedisOutageFlag",
    "RedisRateLimiter",
    "RedisSpanCache",
    "connect_redis",
]

log = logging.getLogger("vault.redis")

_T = TypeVar("_T")
_WINDOW_US = int(WINDOW_SECONDS * 1_000_000)

# Time comes from the Redis server (TIME), so workers and replicas on clocks that disagree still
# share one window; each script runs atomically, so the count is exact across all of them.
# Scores are microseconds; a member is unique per request (and, for tokens, ends with ":<n>").
_REQUEST = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
return '0'
"""

_TOKENS_LEFT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local spent = 0
local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #entries, 2 do
  spent = spent + tonumber(string.match(entries[i], ':(%d+)$'))
end
if spent >= tonumber(ARGV[1]) then
  return tostring(tonumber(entries[2]) + window - now)
end
return '0'
"""

_SPEND = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2]) / 1000))
return 1
"""


# What a key has left: {requests in the window, µs until the oldest leaves, tokens spent,
# µs until the oldest spend leaves}; read only, nothing counted.
_STANDING = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1])
local out = {}
for k = 1, 2 do
  local entries = redis.call('ZRANGEBYSCORE', KEYS[k], '(' .. (now - window), '+inf', 'WITHSCORES')
  local used, reset = 0, 0
  for i = 1, #entries, 2 do
    used = used + (k == 1 and 1 or tonumber(string.match(entries[i], ':(%d+)$')))
  end
  if #entries > 0 then reset = tonumber(entries[2]) + window - now end
  out[#out + 1] = tostring(used)
  out[#out + 1] = tostring(reset)
end
return out
"""


# After a failure, calls on that client fail at once for this long rather than each waiting for
# a timeout: a rate-limit check runs on the event loop, which must not stall while Redis is away.
_OPEN_SECONDS = 1.0
_down_until: weakref.WeakKeyDictionary[redis.Redis, float] = weakref.WeakKeyDictionary()
_clock = time.monotonic


def connect_redis(url: str, *, timeout: float = 0.25) -> redis.Redis:
    """A client for `url` with short timeouts and one quick retry, so a Redis that has gone
    away costs a request a fraction of a second, not a hang. Connects lazily."""
    return redis.Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(ExponentialBackoff(cap=0.05, base=0.01), 1),
        health_check_interval=30,
    )


def _unavailable() -> ServiceUnavailable:
    return ServiceUnavailable(
        "the shared state store (Redis) is unavailable; requests are refused until it is back",
        code="redis_unavailable",
    )


@contextmanager
def _translated(client: redis.Redis) -> Iterator[None]:
    """Redis errors become one ServiceUnavailable; the message never quotes the server's."""
    if _down_until.get(client, 0.0) > _clock():
        raise _unavailable()
    try:
        yield
    except redis.RedisError as exc:
        log.warning("redis unavailable (%s)", type(exc).__name__)
        _down_until[client] = _clock() + _OPEN_SECONDS
        raise _unavailable() from None


def _call(client: redis.Redis, action: Callable[[], _T]) -> _T:
    with _translated(client):
        return action()


class RedisRateLimiter:
    """`RateLimits` over Redis sorted sets: one sliding window per key and kind, exact across
    every process sharing `client` and `prefix`. Raises ServiceUnavailable when Redis fails."""

    def __init__(self, client: redis.Redis, limits: Limits, *, prefix: str) -> None:
        self._client = client
        self._limits = limits
        self._prefix = prefix
        self._request = client.register_script(_REQUEST)
        self._tokens_left = client.register_script(_TOKENS_LEFT)
        self._spend = client.register_script(_SPEND)
        self._standing = client.register_script(_STANDING)

    def _key(self, kind: str, key_id: str) -> str:
        return f"{self._prefix}rl:{kind}:{key_id}"

    def check_request(self, key_id: str) -> float:
        limit = self._limits.requests_per_minute
        if not limit:
            return 0.0
        keys = [self._key("req", key_id)]
        wait = _call(
            self._client,
            lambda: self._request(keys=keys, args=[limit, _WINDOW_US, uuid.uuid4().hex]),
        )
        return _seconds(wait)

    def check_tokens(self, key_id: str) -> float:
        limit = self._limits.tokens_per_minute
        if not limit:
            return 0.0
        keys = [self._key("tok", key_id)]
        return _seconds(
            _call(self._client, lambda: self._tokens_left(keys=keys, args=[limit, _WINDOW_US]))
        )

    def spend_tokens(self, key_id: str, tokens: int) -> None:
        if not self._limits.tokens_per_minute or tokens <= 0:
            return
        keys = [self._key("tok", key_id)]
        member = f"{uuid.uuid4().hex}:{int(tokens)}"
        _call(self._client, lambda: self._spend(keys=keys, args=[member, _WINDOW_US]))

    def standing(self, key_id: str) -> Standing:
        limits = self._limits
        if not limits.requests_per_minute and not limits.tokens_per_minute:
            return Standing()
        keys = [self._key("req", key_id), self._key("tok", key_id)]
        used, used_reset, spent, spent_reset = _call(
            self._client, lambda: self._standing(keys=keys, args=[_WINDOW_US])
        )
        requests = tokens = None
        if limits.requests_per_minute:
            left = max(0, limits.requests_per_minute - _count(used))
            requests = (limits.requests_per_minute, left, _seconds(used_reset))
        if limits.tokens_per_minute:
            left = max(0, limits.tokens_per_minute - _count(spent))
            tokens = (limits.tokens_per_minute, left, _seconds(spent_reset))
        return Standing(requests=requests, tokens=tokens)


def _count(raw: Any) -> int:
    return int(float(raw.decode() if isinstance(raw, bytes) else raw))


def _seconds(microseconds: Any) -> float:
    value = float(microseconds.decode() if isinstance(microseconds, bytes) else microseconds)
    return max(value, 0.0) / 1_000_000


class RedisSpanCache:
    """`SpanCacheStore` over Redis: spans (offsets, entity types, scores; never text) under an
    HMAC of the text keyed by the tenant's `detection-cache` key, each entry with a TTL. A
    shredded tenant's key is gone, and with it every way to find its entries."""

    def __init__(
        self, client: redis.Redis, tenant_keys: TenantKeys, *, prefix: str, ttl_seconds: int
    ) -> None:
        self._client = client
        self._tenant_keys = tenant_keys
        self._prefix = f"{prefix}spans:".encode()
        self._ttl = ttl_seconds

    def key(self, tenant: str, text: str) -> bytes:
        secret = self._tenant_keys.keyring(tenant).hmac_key("detection-cache")
        digest = hmac.digest(secret, text.encode("utf-8", "surrogatepass"), "sha256")
        return self._prefix + tenant.encode() + b":" + digest.hex().encode()

    def get_many(self, keys: Sequence[bytes]) -> list[list[Span] | None]:
        """Every key's spans in one round trip (MGET)."""
        if not keys:
            return []
        raws = _call(self._client, lambda: self._client.mget(keys))
        return [None if raw is None else _spans(raw) for raw in raws]

    def put_many(self, entries: Mapping[bytes, list[Span]]) -> None:
        """Every entry, each with its TTL, in one round trip (a pipeline, not a transaction)."""
        if not entries:
            return
        pipe = self._client.pipeline(transaction=False)
        for key, spans in entries.items():
            rows = [[s.start, s.end, s.entity_type, s.score] for s in spans]
            pipe.set(key, json.dumps(rows, separators=(",", ":")), ex=self._ttl)
        _call(self._client, pipe.execute)


def _spans(raw: Any) -> list[Span]:
    return [Span(start, end, entity_type, score) for start, end, entity_type, score in _rows(raw)]


def _rows(raw: Any) -> list[list[Any]]:
    rows = json.loads(raw)
    if not isinstance(rows, list):
        raise ServiceUnavailable(
            "the detection cache holds a malformed entry", code="redis_corrupt"
        )
    return rows


# A tenant's known values: KEYS = the digests by when each was last added, their `length:entity
# type`, the digests forgotten, by when, and the store's epoch. A score is Redis's clock in ms
# times 1000 plus the digest's place in its script, so that few digests share one and a catch-up
# can go page by page; scores go to Redis as '%.0f' strings (Lua would round a number to 14
# digits). ARGV = TTL (ms), the cap, the number of digests added, then each added digest with its
# meta, then each digest forgotten. Expired and (oldest first) over-cap digests are dropped;
# every key keeps the TTL.
_KNOWN_RECORD = """
local t = redis.call('TIME')
local now = (tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)) * 1000
local ttl, limit, adds = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local function score(n) return string.format('%.0f', now + n) end
local i = 4
for n = 1, adds do
  redis.call('ZADD', KEYS[1], score(n), ARGV[i])
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  redis.call('ZREM', KEYS[3], ARGV[i])
  i = i + 2
end
while i <= #ARGV do
  redis.call('ZREM', KEYS[1], ARGV[i])
  redis.call('HDEL', KEYS[2], ARGV[i])
  redis.call('ZADD', KEYS[3], score(i), ARGV[i])
  i = i + 1
end
local function drop(members)
  for _, m in ipairs(members) do
    redis.call('ZREM', KEYS[1], m)
    redis.call('HDEL', KEYS[2], m)
  end
end
local expired = string.format('%.0f', now - ttl * 1000)
drop(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', expired))
local over = redis.call('ZCARD', KEYS[1]) - limit
if over > 0 then drop(redis.call('ZRANGE', KEYS[1], 0, over - 1)) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', expired)
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -limit - 1)
for k = 1, 4 do redis.call('PEXPIRE', KEYS[k], ttl) end
return 1
"""

# What changed at or after the score ARGV[1], no further back than the TTL ARGV[2] (ms), at most
# ARGV[4] added digests (the oldest first): {now, the digests added, their metas, the score of
# the last, the digests forgotten, the epoch}. The epoch is set to ARGV[3] if there is none:
# Redis started again empty, or nothing was added for a TTL.
_KNOWN_CHANGES = """
local t = redis.call('TIME')
local now = (tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)) * 1000
local epoch = redis.call('GET', KEYS[4])
if not epoch then
  epoch = ARGV[3]
  redis.call('SET', KEYS[4], epoch, 'PX', tonumber(ARGV[2]))
end
local since = string.format('%.0f', math.max(tonumber(ARGV[1]), now - tonumber(ARGV[2]) * 1000))
local page = redis.call('ZRANGEBYSCORE', KEYS[1], since, '+inf', 'WITHSCORES', 'LIMIT', 0,
  tonumber(ARGV[4]))
local added, last = {}, since
for i = 1, #page, 2 do
  added[#added + 1] = page[i]
  last = page[i + 1]
end
local metas = {}
for first = 1, #added, 1000 do
  local chunk = redis.call('HMGET', KEYS[2], unpack(added, first, math.min(first + 999, #added)))
  for _, meta in ipairs(chunk) do metas[#metas + 1] = meta or '' end
end
local gone = redis.call('ZRANGEBYSCORE', KEYS[3], since, '+inf')
return {string.format('%.0f', now), added, metas, last, gone, epoch}
"""


_RECORD_CHUNK = 500
_CHANGES_PAGE = 2000  # more than digests can share one score (four record scripts at once)


class RedisKnownValues:
    """`KnownValueStore` over Redis: per tenant, at most `limit` digests, each forgotten
    `ttl_seconds` after it was last added, and the digests forgotten on purpose (an erasure) kept
    as long, so every worker's mirror drops them too. Each call is one script, one round trip.
    Raises ServiceUnavailable when Redis fails."""

    def __init__(self, client: redis.Redis, *, prefix: str, ttl_seconds: int, limit: int) -> None:
        self._client = client
        self._prefix = f"{prefix}known:"
        self._ttl_ms = ttl_seconds * 1000
        self._limit = limit
        self._record = client.register_script(_KNOWN_RECORD)
        self._changes = client.register_script(_KNOWN_CHANGES)

    def _keys(self, tenant: str) -> list[str]:
        base = self._prefix + tenant
        return [base, base + ":meta", base + ":gone", base + ":epoch"]

    def changes(self, tenant: str, *, since: int) -> KnownDigests:
        """Page by page (`_CHANGES_PAGE` digests a script), so that a worker catching up on a
        whole tenant stays inside the short timeout."""
        keys = self._keys(tenant)
        fresh = uuid.uuid4().hex
        added: dict[str, str] = {}
        gone: set[str] = set()
        cursor = since
        while True:
            args: list[Any] = [cursor, self._ttl_ms, fresh, _CHANGES_PAGE]
            now, members, metas, last, forgotten, epoch = _call(
                self._client, functools.partial(self._changes, keys=keys, args=args)
            )
            added |= {_text(m): _text(meta) for m, meta in zip(members, metas, strict=True)}
            gone |= {_text(m) for m in forgotten}
            if len(members) < _CHANGES_PAGE or _count(last) == cursor:
                break
            cursor = _count(last)  # again from the last one: a score may be shared
        return KnownDigests(
            now=_count(now),
            added=added,  # a digest in both was forgotten, then added again: it is known
            gone=sorted(gone),
            epoch=_text(epoch),
        )

    def record(self, tenant: str, *, added: Mapping[str, str], gone: Collection[str]) -> None:
        keys = self._keys(tenant)
        # In scripts of at most _RECORD_CHUNK digests: each stays well inside the short timeout.
        pairs, forgotten = list(added.items()), list(gone)
        while pairs or forgotten:
            adds, pairs = pairs[:_RECORD_CHUNK], pairs[_RECORD_CHUNK:]
            gones, forgotten = (
                forgotten[: _RECORD_CHUNK - len(adds)],
                forgotten[_RECORD_CHUNK - len(adds) :],
            )
            args: list[Any] = [self._ttl_ms, self._limit, len(adds)]
            for member, meta in adds:
                args += [member, meta]
            args += gones
            _call(self._client, functools.partial(self._record, keys=keys, args=args))


def _text(raw: Any) -> str:
    return raw.decode() if isinstance(raw, bytes) else str(raw)


class RedisOutageFlag:
    """`OutageFlag` as one Redis key with a TTL: raised by the worker that cannot store audit
    records, seen by every worker, gone `ttl_seconds` after the last raise if that worker dies."""

    def __init__(self, client: redis.Redis, *, name: str, prefix: str, ttl_seconds: int) -> None:
        self._client = client
        self._key = f"{prefix}outage:{name}"
        self._ttl = ttl_seconds

    def raise_flag(self) -> None:
        _call(self._client, lambda: self._client.set(self._key, b"1", ex=self._ttl))

    def lower(self) -> None:
        _call(self._client, lambda: self._client.delete(self._key))

    def is_raised(self) -> bool:
        return bool(_call(self._client, lambda: self._client.exists(self._key)))
