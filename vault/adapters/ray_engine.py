"""The Ray dataset engine: cell batches anonymized by a pool of actors on a Ray cluster.

Each actor builds one Anonymizer when it starts (the detector loaded once), so it reaches the
same token store and tenant keys as the vault; tokens are a keyed HMAC, so actors agree on them
without talking. Ray keeps an actor's arguments in its cluster state, so the recipe it is built
from holds no secret: the actor reads the database URL (and any password in it) from its own
process environment, which the workers of a local cluster inherit from the vault.

Nothing in the clear enters Ray. A batch of raw cells is sealed before it is handed to Ray
(AES-256-GCM under a data key the KMS makes for that upload, bound to the tenant, the upload
and the batch's number); Ray's object store, its spill files and its task specs hold only that
ciphertext and the KMS-wrapped key, and an actor unwraps the key through the KMS (once per
upload) to open the batch in its own memory. What comes back is anonymized cells and counts.

Ray is imported only when the engine is first used, so the vault runs without it installed.
A cluster that cannot be reached is `ray_unavailable` (503); an actor or node lost in the
middle of a job fails it the same way, and the next job gets fresh actors.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vault.errors import VaultError
from vault.ports import KeyService
from vault.services.anonymize import Anonymizer
from vault.services.dataset_engine import EngineUnavailable
from vault.services.dataset_formats import CellWork, Pending
from vault.services.dataset_pool import Cells, Done

__all__ = ["ActorRecipe", "RayEngine"]


class ActorRecipe(Protocol):
    """What an actor is built from (the wiring's EnvironmentAnonymizer): picklable, holding no
    secret, it builds the actor's Anonymizer and names the database the actor's own
    environment reaches."""

    def __call__(self) -> Anonymizer: ...

    def database_url(self) -> str: ...


_PURPOSE = "dataset-engine-cells"
_UNREACHABLE = "the Ray cluster (RAY_ADDRESS) cannot be reached; nothing was stored"
_NO_ROOM = (
    "the Ray cluster did not start {count} dataset workers in time (too few free CPUs, or "
    "they could not load the detector; see VAULT_RAY_WORKERS); nothing was stored"
)
_OTHER_DATABASE = (
    "the Ray cluster's dataset workers reach another database than the vault (they read "
    "VAULT_DATABASE_URL from their own environment); nothing was stored"
)
# How long a first job waits for the actors to start and load their detectors.
_START_SECONDS = 300
_LOST = "the Ray cluster lost a worker or went away during the job; nothing was stored"


def _context(tenant: str, work_id: str) -> dict[str, str]:
    return {"tenant": tenant, "purpose": _PURPOSE, "upload": work_id}


def _aad(work_id: str, seq: int) -> bytes:
    return f"vault-ray-cells/1|{work_id}|{seq}".encode()


def seal_cells(key: bytes, work_id: str, seq: int, cells: Cells) -> bytes:
    """`cells` sealed for the actors: a random nonce, then AES-GCM bound to upload and batch."""
    nonce = os.urandom(12)
    plain = json.dumps(cells, ensure_ascii=False).encode()
    return nonce + AESGCM(key).encrypt(nonce, plain, _aad(work_id, seq))


def open_cells(key: bytes, work_id: str, seq: int, sealed: bytes) -> Cells:
    plain = AESGCM(key).decrypt(sealed[:12], sealed[12:], _aad(work_id, seq))
    return [(text, entity) for text, entity in json.loads(plain)]


def database_fingerprint(url: str, nonce: bytes) -> str:
    """A digest of the database `url` names, keyed by `nonce`: what an actor shows the vault
    so the two can agree on their database without its URL entering Ray."""
    from sqlalchemy import make_url

    named = make_url(url)
    named = named.set(drivername=named.get_backend_name())  # postgresql+psycopg: postgresql
    if named.get_backend_name() == "sqlite" and named.database not in (None, "", ":memory:"):
        named = named.set(database=str(Path(named.database).resolve()))
    text = named.render_as_string(hide_password=False).encode()
    return hmac.new(nonce, text, hashlib.sha256).hexdigest()


class _Worker:
    """One actor: one Anonymizer and key service for its life, the unwrapped keys of the
    uploads it serves in memory only."""

    def __init__(self, recipe: ActorRecipe, keys: Callable[[], KeyService]) -> None:
        from vault.services.dataset_pool import anonymize_cells

        self._anonymize = anonymize_cells
        self._anonymizer = recipe()
        self._database_url = recipe.database_url()
        self._keys = keys()
        self._unwrapped: dict[str, bytes] = {}

    def ready(self) -> int:
        return os.getpid()

    def database(self, nonce: bytes) -> str:
        return database_fingerprint(self._database_url, nonce)

    def anonymize(self, tenant: str, work_id: str, wrapped: bytes, seq: int, sealed: bytes) -> Done:
        key = self._unwrapped.get(work_id)
        if key is None:
            if len(self._unwrapped) > 64:
                self._unwrapped.clear()
            key = self._keys.decrypt_data_key(wrapped, _context(tenant, work_id))
            self._unwrapped[work_id] = key
        cells = open_cells(key, work_id, seq, sealed)
        return self._anonymize(self._anonymizer, tenant, cells)


def _reachable(address: str) -> bool:
    """Whether the cluster's GCS port answers (a quick refusal beats Ray's long retries)."""
    target = address.removeprefix("ray://")
    host, _, port = target.rpartition(":")
    if not port.isdigit() or not host:
        return True  # "auto", "local" or a form Ray resolves itself
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=3):
            return True
    except OSError:
        return False


def _kill(actors: list[Any]) -> None:
    if actors:
        import ray

        for actor in actors:
            with contextlib.suppress(Exception):  # already gone with its node
                ray.kill(actor)


class _Result:
    def __init__(self, ref: Any, engine: RayEngine) -> None:
        self._ref = ref
        self._engine = engine

    def result(self) -> Done:
        import ray
        from ray.exceptions import RayError, RayTaskError

        try:
            done: Done = ray.get(self._ref)
        except RayTaskError as exc:  # raised inside the actor: its own error, if ours
            cause = getattr(exc, "cause", None)
            if isinstance(cause, VaultError):
                raise cause from None
            self._engine.broken()
            raise EngineUnavailable(_LOST) from None
        except RayError:
            self._engine.broken()
            raise EngineUnavailable(_LOST) from None
        return done

    def cancel(self) -> None:
        import ray

        with contextlib.suppress(Exception):  # a task that already ran cannot be cancelled
            ray.cancel(self._ref)


class _RayWork:
    """One upload's batches: sealed under the upload's data key, sent round-robin."""

    def __init__(self, engine: RayEngine, tenant: str, actors: list[Any]) -> None:
        self._engine = engine
        self._tenant = tenant
        self._actors = actors
        self._id = uuid.uuid4().hex
        data_key = engine.keys.generate_data_key(_context(tenant, self._id))
        self._key = data_key.plaintext
        self._wrapped = data_key.wrapped
        self._seq = 0

    @property
    def depth(self) -> int:
        return 2 * len(self._actors)

    def submit(self, cells: Cells) -> Pending:
        seq, self._seq = self._seq, self._seq + 1
        sealed = seal_cells(self._key, self._id, seq, cells)
        actor = self._actors[seq % len(self._actors)]
        try:
            ref = actor.anonymize.remote(self._tenant, self._id, self._wrapped, seq, sealed)
        except Exception:
            self._engine.broken()
            raise EngineUnavailable(_LOST) from None
        return _Result(ref, self._engine)


class RayEngine:
    """Implements DatasetEngine on Ray: connects on first use (`address`, else RAY_ADDRESS,
    else a local cluster; a Ray already initialized in this process is used as it is) and
    keeps `workers` actors (default: one per CPU of the cluster) for the vault's life."""

    def __init__(
        self,
        recipe: ActorRecipe,
        *,
        keys: KeyService,
        worker_keys: Callable[[], KeyService],
        database_url: str,
        address: str | None = None,
        workers: int | None = None,
    ) -> None:
        self.keys = keys
        self._recipe = recipe
        self._worker_keys = worker_keys
        self._database_url = database_url  # the vault's own: never handed to Ray
        self._address = address or os.environ.get("RAY_ADDRESS") or None
        self._workers = workers
        self._lock = threading.Lock()
        self._actors: list[Any] = []

    def check(self) -> None:
        self._connect()

    def work(self, tenant: str) -> CellWork:
        return _RayWork(self, tenant, self.actors())

    def actors(self) -> list[Any]:
        """The actor pool, started (each loading its detector) on first use."""
        self._connect()
        import ray
        from ray.exceptions import RayError

        with self._lock:
            if self._actors:
                return list(self._actors)
            try:
                cpus = ray.cluster_resources().get("CPU", 1)  # type: ignore[no-untyped-call]
                count = self._workers or max(int(cpus), 1)
                remote: Any = ray.remote(num_cpus=1, max_restarts=0)(_Worker)
                actors = [remote.remote(self._recipe, self._worker_keys) for _ in range(count)]
            except RayError:
                raise EngineUnavailable(_UNREACHABLE) from None
            nonce = os.urandom(16)
            try:
                ray.get([actor.ready.remote() for actor in actors], timeout=_START_SECONDS)
                theirs = ray.get([actor.database.remote(nonce) for actor in actors])
            except RayError:  # no room for them (GetTimeoutError), or they died starting
                _kill(actors)
                raise EngineUnavailable(_NO_ROOM.format(count=count)) from None
            if set(theirs) != {database_fingerprint(self._database_url, nonce)}:
                _kill(actors)  # their tokens and tenant keys would not be the vault's
                raise EngineUnavailable(_OTHER_DATABASE)
            self._actors = actors
            return list(actors)

    def worker_pids(self) -> list[int]:
        """The live actors' process ids (for operators and tests)."""
        import ray

        with self._lock:
            actors = list(self._actors)
        return sorted(ray.get([actor.ready.remote() for actor in actors])) if actors else []

    def broken(self) -> None:
        """Drop actors after a loss; the next job starts fresh ones."""
        with self._lock:
            actors, self._actors = self._actors, []
        _kill(actors)

    def close(self) -> None:
        self.broken()

    def _connect(self) -> None:
        if self._address and not _reachable(self._address):
            raise EngineUnavailable(_UNREACHABLE)
        try:
            import ray
        except ImportError:
            raise EngineUnavailable(
                "VAULT_DATASET_ENGINE=ray needs Ray: install the vault[ray] extra"
            ) from None
        with self._lock:
            if ray.is_initialized():
                return
            try:
                ray.init(
                    address=self._address,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
            except Exception:  # Ray raises several kinds for a cluster it cannot join
                raise EngineUnavailable(_UNREACHABLE) from None
