"""Build the vault from settings: the one place that picks adapters. Tests pass their own parts."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from vault.adapters.apikeys_sql import SqlApiKeyStore
from vault.adapters.database import check_database, create_db_engine, migrate
from vault.adapters.datasets_sql import SqlDatasetCatalog
from vault.adapters.jobs_sql import SqlJobStore
from vault.adapters.not_pii_sql import SqlNotPiiStore
from vault.adapters.policy_files import load_access_policy, load_anonymization_policy
from vault.adapters.token_store_sql import SqlTokenStore
from vault.domain.policy import AccessPolicy, AnonymizationPolicy
from vault.domain.ratelimit import Limits, RateLimiter
from vault.settings import Settings

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine

    from vault.adapters.audit_search_sql import SqlAuditSearch
    from vault.adapters.console_sessions_sql import SqlConsoleSessions
    from vault.adapters.oidc import OidcClient
    from vault.ports import (
        BatchObjects,
        Detector,
        KeyService,
        LlmClient,
        ObjectStore,
        RateLimits,
        TenantKeys,
    )
    from vault.services.anonymize import Anonymizer
    from vault.services.audit_backlog import AuditBacklog
    from vault.services.batches import Batches
    from vault.services.chat import ChatRedactor
    from vault.services.dataset_engine import DatasetEngine
    from vault.services.dataset_import import ObjectSource
    from vault.services.dataset_pool import DatasetPool
    from vault.services.ingest_dataset import DatasetParts
    from vault.services.proxy_chat import ProxyChat
    from vault.services.reidentify import Reidentifier
    from vault.services.upload_job import JobRunner

if TYPE_CHECKING:
    from vault.adapters.audit_signing import SqlSigningKeys
    from vault.adapters.webhooks_sql import SqlWebhookStore
    from vault.services.ship_audit import ShipParts, ShipSchedule
    from vault.services.webhooks import DeliveryWorker, WebhookParts

__all__ = ["Vault", "build_detectors", "build_vault"]


@dataclass
class Vault:
    """Every part of a running vault. Heavy parts (the detector) load on first use."""

    settings: Settings
    engine: Engine
    keys: KeyService
    store: ObjectStore
    anonymization_policy: AnonymizationPolicy
    access_policy: AccessPolicy
    llm: LlmClient | None = None
    detector_override: Detector | None = None
    keys_from_settings: bool = True  # False when a test passed its own key service
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def redis(self) -> Any:
        """The Redis client for state shared by workers and replicas; None when not configured."""
        if self.settings.redis_url is None:
            return None
        from vault.adapters.redis_state import connect_redis

        return connect_redis(self.settings.redis_url.get_secret_value())

    @cached_property
    def rate_limiter(self) -> RateLimits:
        limits = Limits(
            requests_per_minute=self.settings.rate_limit_rpm,
            tokens_per_minute=self.settings.rate_limit_tpm,
        )
        if self.redis is None:
            return RateLimiter(limits)
        from vault.adapters.redis_state import RedisRateLimiter

        return RedisRateLimiter(self.redis, limits, prefix=self.settings.redis_prefix)

    @cached_property
    def api_keys(self) -> SqlApiKeyStore:
        return SqlApiKeyStore(self.engine)

    @cached_property
    def tokens(self) -> SqlTokenStore:
        return SqlTokenStore(self.engine)

    @cached_property
    def datasets(self) -> SqlDatasetCatalog:
        return SqlDatasetCatalog(self.engine)

    @cached_property
    def jobs(self) -> SqlJobStore:
        return SqlJobStore(self.engine)

    @cached_property
    def job_runner(self) -> JobRunner:
        """The upload jobs this process runs; stopped (their work cancelled) by `close`."""
        from vault.services.upload_job import JobRunner

        return JobRunner(self.jobs)

    def dataset_parts(self) -> DatasetParts:
        from vault.services.ingest_dataset import DatasetParts

        return DatasetParts(
            catalog=self.datasets,
            store=self.store,
            keys=self.keys,
            anonymizer=self.anonymizer,
            detector_version=self.detector.version,
            max_upload_bytes=self.settings.max_upload_bytes,
            pool=self.dataset_pool,
            engine=self.dataset_engine,
        )

    @cached_property
    def dataset_engine(self) -> DatasetEngine | None:
        """The Ray cluster that anonymizes dataset blocks (VAULT_DATASET_ENGINE=ray), or None
        for this machine's own pool. Ray is imported only once a job uses it."""
        if self.settings.dataset_engine != "ray":
            return None
        from vault.adapters.ray_engine import RayEngine

        # Ray keeps an actor's arguments in its cluster state: the recipe carries no secret.
        recipe = EnvironmentAnonymizer(
            data_dir=self.settings.data_dir.resolve(),
            kms=self.settings.kms,
            kms_key_id=self.settings.kms_key_id,
            kms_endpoint_url=self.settings.kms_endpoint_url,
            policy=self.anonymization_policy,
            detector=self.detector_override,
        )
        return RayEngine(
            recipe,
            keys=self.keys,
            worker_keys=recipe.key_service,
            database_url=self.engine.url.render_as_string(hide_password=False),
            address=self.settings.ray_address,
            workers=self.settings.ray_workers,
        )

    @cached_property
    def import_source(self) -> ObjectSource:
        """Where `s3://` imports are read: S3 with the vault's S3 client settings."""
        from vault.adapters.source_s3 import S3ObjectSource

        return S3ObjectSource(endpoint_url=self.settings.s3_endpoint_url)

    @cached_property
    def dataset_pool(self) -> DatasetPool | None:
        """Worker processes for large uploads (started on first use), or None where there is
        one worker or a worker could not rebuild this vault's parts from its settings."""
        import os
        import pickle

        from vault.services.dataset_pool import DatasetPool

        # The cores this process may run on (a container's CPU set), not the host's count.
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        workers = self.settings.dataset_workers or cores or 1
        if workers < 2 or not self.keys_from_settings:
            return None
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            return None  # a private in-memory database: workers could not share it
        recipe = WorkerAnonymizer(
            settings=self.settings,
            database_url=url.render_as_string(hide_password=False),
            policy=self.anonymization_policy,
            detector=self.detector_override,
        )
        try:
            pickle.dumps(recipe)
        except Exception:  # a test's detector that cannot travel: uploads stay in-process
            return None
        return DatasetPool(recipe, workers=workers)

    @cached_property
    def tenant_keys(self) -> TenantKeys:
        from vault.adapters.tenant_keys_sql import SqlTenantKeys

        return SqlTenantKeys(self.engine, self.keys)

    @cached_property
    def audit_signer(self) -> Any:
        """The current audit signing key, taken up again after a rotation (within a poll)."""
        from vault.adapters.audit_signing import ReloadingSigner

        return ReloadingSigner(
            self.engine, self.keys, poll_seconds=self.settings.signing_key_poll_seconds
        )

    @cached_property
    def audit(self) -> Any:
        from vault.adapters.audit_sql import SqlAuditLog

        return SqlAuditLog(
            self.engine,
            signer=self.audit_signer,
            checkpoint_every=self.settings.audit_checkpoint_every,
            outbox=self.webhooks,
        )

    @cached_property
    def signing_keys(self) -> SqlSigningKeys:
        """The sealed audit signing keys, for rotation and rewrapping."""
        from vault.adapters.audit_signing import SqlSigningKeys

        return SqlSigningKeys(self.engine, self.keys)

    @cached_property
    def webhooks(self) -> SqlWebhookStore:
        """Webhook subscriptions and the delivery queue; also the `Events` port."""
        from vault.adapters.webhooks_sql import SqlWebhookStore

        return SqlWebhookStore(self.engine)

    @cached_property
    def webhook_parts(self) -> WebhookParts:
        from vault.adapters.webhook_sender import HttpWebhookSender
        from vault.services.webhooks import WebhookParts

        return WebhookParts(
            store=self.webhooks,
            sender=HttpWebhookSender(timeout=self.settings.webhook_timeout_seconds),
            tenant_keys=self.tenant_keys,
            allow_private=self.settings.webhook_allow_private,
        )

    @cached_property
    def webhook_worker(self) -> DeliveryWorker:
        """This process's webhook deliverer; `start_background` starts it, `close` stops it."""
        from datetime import timedelta

        from vault.services.webhooks import DeliveryWorker

        worker = DeliveryWorker(
            self.webhook_parts,
            self.audit,
            timeout=self.settings.webhook_timeout_seconds,
            retry_window=timedelta(hours=self.settings.webhook_retry_hours),
            poll=self.settings.webhook_poll_seconds,
            keep_log=timedelta(days=self.settings.webhook_log_days),
        )
        self.webhooks.set_on_enqueue(worker.notify)
        return worker

    @cached_property
    def audit_shipper(self) -> ShipSchedule | None:
        """Ships the audit trail to the Object Lock bucket on a schedule; None when off."""
        if not self.settings.audit_bucket or self.settings.audit_ship_seconds <= 0:
            return None
        from vault.services.ship_audit import ShipSchedule

        return ShipSchedule(self.audit_ship_parts(), every=self.settings.audit_ship_seconds)

    def audit_ship_parts(self) -> ShipParts:
        """What `vault audit ship` needs: the log, the Object Lock bucket, the cursors.
        Raises InvalidRequest naming VAULT_AUDIT_BUCKET when none is configured."""
        from vault.adapters.audit_ship import S3AuditBucket, SqlShipCursors
        from vault.errors import InvalidRequest
        from vault.services.ship_audit import ShipParts

        if not self.settings.audit_bucket:
            raise InvalidRequest(
                "audit shipping needs VAULT_AUDIT_BUCKET (the Object Lock bucket)",
                param="VAULT_AUDIT_BUCKET",
            )
        bucket = S3AuditBucket(
            bucket=self.settings.audit_bucket,
            prefix=self.settings.audit_bucket_prefix,
            endpoint_url=self.settings.audit_bucket_endpoint_url or self.settings.s3_endpoint_url,
            mode=self.settings.audit_lock_mode,
        )
        return ShipParts(
            log=self.audit,
            signer=self.audit_signer,
            bucket=bucket,
            cursors=SqlShipCursors(self.engine),
            lock_days=self.settings.audit_lock_days,
        )

    def start_background(self) -> None:
        """Start this process's background work: webhook deliveries, audit shipping."""
        self.webhook_worker.start()
        if self.audit_shipper is not None:
            self.audit_shipper.start()

    def stop_background(self) -> None:
        if "webhook_worker" in self.__dict__:
            self.webhook_worker.close()
        shipper = self.__dict__.get("audit_shipper")
        if shipper is not None:
            shipper.close()

    @cached_property
    def audit_search(self) -> SqlAuditSearch:
        """The audit chain read as the console browses it: filtered pages, counts over time."""
        from vault.adapters.audit_search_sql import SqlAuditSearch

        return SqlAuditSearch(self.engine)

    @cached_property
    def console_sessions(self) -> SqlConsoleSessions:
        from vault.adapters.console_sessions_sql import SqlConsoleSessions

        return SqlConsoleSessions(self.engine)

    @cached_property
    def oidc(self) -> OidcClient | None:
        """The console's OpenID Connect sign-in, where VAULT_OIDC_ISSUER is set."""
        if self.settings.oidc_issuer is None or self.settings.oidc_client_id is None:
            return None
        from vault.adapters.oidc import OidcClient

        secret = self.settings.oidc_client_secret
        return OidcClient(
            issuer=self.settings.oidc_issuer,
            client_id=self.settings.oidc_client_id,
            client_secret=secret.get_secret_value() if secret else None,
            scopes=self.settings.oidc_scopes,
        )

    @cached_property
    def audit_backlog(self) -> AuditBacklog:
        """Where the proxy hands a completed request's record, once its answer has gone back."""
        from vault.services.audit_backlog import AuditBacklog

        if self.redis is None:
            return AuditBacklog(self.audit, events=self.webhooks)
        from vault.adapters.redis_state import RedisOutageFlag

        flag = RedisOutageFlag(
            self.redis, name="audit", prefix=self.settings.redis_prefix, ttl_seconds=10
        )
        return AuditBacklog(self.audit, flag=flag, events=self.webhooks)

    @property
    def detector(self) -> Detector:
        return self.anonymizer._detector

    @cached_property
    def anonymizer(self) -> Anonymizer:
        from vault.services.anonymize import Anonymizer

        detector = self.detector_override or _build_detector(self.anonymization_policy)
        return Anonymizer(
            detector=detector,
            token_store=self.tokens,
            tenant_keys=self.tenant_keys,
            policy=self.anonymization_policy,
            not_pii=SqlNotPiiStore(self.engine),
        )

    def policy_digest(self) -> str:
        """A digest of the policies in force, so the audit trail shows when they change."""
        import hashlib

        blob = (
            self.anonymization_policy.model_dump_json() + self.access_policy.model_dump_json()
        ).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def warm_up(self) -> None:
        """Build every lazy part now, once, so concurrent first requests never race to."""
        with self._lock:
            _ = (
                self.anonymizer,
                self.reidentifier,
                self.chat_redactor,
                self.audit,
                self.audit_backlog,
                self.tenant_keys,
                self.datasets,
            )

    @cached_property
    def chat_redactor(self) -> ChatRedactor:
        from vault.services.chat import ChatRedactor

        if self.redis is None:
            return ChatRedactor(self.anonymizer)
        from vault.adapters.redis_state import RedisKnownValues, RedisSpanCache
        from vault.services.chat.known import SharedKnownMemory

        settings = self.settings
        cache = RedisSpanCache(
            self.redis,
            self.tenant_keys,
            prefix=settings.redis_prefix,
            ttl_seconds=settings.redis_cache_seconds,
        )
        store = RedisKnownValues(
            self.redis,
            prefix=settings.redis_prefix,
            ttl_seconds=settings.redis_known_seconds,
            limit=settings.redis_known_digests,
        )
        known = SharedKnownMemory(store, self.tenant_keys, limit=settings.redis_known_digests)
        return ChatRedactor(self.anonymizer, cache=cache, known=known)

    @cached_property
    def proxy_chat(self) -> ProxyChat:
        from vault.services.proxy_chat import ProxyChat

        return ProxyChat(self)

    @cached_property
    def batch_objects(self) -> BatchObjects:
        from vault.adapters.batches_sql import SqlBatchObjects

        return SqlBatchObjects(self.engine)

    @cached_property
    def batches(self) -> Batches:
        """The Groq batch API through the vault: files tokenized, ids mapped, output restored."""
        from vault.services.batches import Batches

        return Batches(self, max_upload_bytes=self.settings.max_upload_bytes)

    @cached_property
    def reidentifier(self) -> Reidentifier:
        from vault.services.reidentify import Reidentifier

        return Reidentifier(
            token_store=self.tokens, tenant_keys=self.tenant_keys, grammar=self.anonymizer.grammar
        )

    def check_ready(self) -> dict[str, str]:
        """Each dependency's state; raises nothing, so /readyz can report all of them."""
        results: dict[str, str] = {}
        for name, check in (
            ("database", lambda: check_database(self.engine)),
            ("object_store", self.store.check),
            ("kms", self.keys.check),  # type: ignore[attr-defined]
            *((("redis", self.redis.ping),) if self.redis is not None else ()),
        ):
            try:
                check()
                results[name] = "ok"
            except Exception as exc:  # readiness reports, it does not crash
                results[name] = getattr(exc, "code", type(exc).__name__)
        return results

    def close(self) -> None:
        self.stop_background()  # before the engine goes: they use it
        if "webhook_parts" in self.__dict__:
            self.webhook_parts.sender.close()  # type: ignore[attr-defined]
        if "job_runner" in self.__dict__:  # built: its jobs must end before the engine does
            self.job_runner.close()
        if "audit_backlog" in self.__dict__:  # built: it may still hold records to store
            self.audit_backlog.flush()
        close = getattr(self.llm, "close", None)
        if close is not None:
            close()
        if self.__dict__.get("redis") is not None:
            self.redis.close()
        if (pool := self.__dict__.get("dataset_pool")) is not None:
            pool.close()
        if (cluster := self.__dict__.get("dataset_engine")) is not None:
            cluster.close()
        self.engine.dispose()


@dataclass(frozen=True)
class WorkerAnonymizer:
    """What a dataset worker process needs to build its own Anonymizer: the same database,
    key service, policy and detector as the vault that started it (pickled to the worker)."""

    settings: Settings
    database_url: str
    policy: AnonymizationPolicy
    detector: Detector | None = None

    def __call__(self) -> Anonymizer:
        from vault.adapters.tenant_keys_sql import SqlTenantKeys
        from vault.services.anonymize import Anonymizer

        engine = create_db_engine(self.database_url)
        return Anonymizer(
            detector=self.detector or _build_detector(self.policy),
            token_store=SqlTokenStore(engine),
            tenant_keys=SqlTenantKeys(engine, build_key_service(self.settings)),
            policy=self.policy,
            not_pii=SqlNotPiiStore(engine),
        )

    def key_service(self) -> KeyService:
        """The worker's own key service, to open what the vault sealed for it."""
        return build_key_service(self.settings)


@dataclass(frozen=True)
class EnvironmentAnonymizer:
    """What a Ray actor needs to build its own Anonymizer, without a secret: Ray keeps an
    actor's arguments in its cluster state. The actor reads its settings (the database URL and
    any password in it) from its own process environment, and takes from here only what is not
    secret: the data dir (where a local KMS and a default SQLite database live), the KMS, the
    policy and the detector."""

    data_dir: Path
    kms: Literal["local", "aws"]
    kms_key_id: str | None
    kms_endpoint_url: str | None
    policy: AnonymizationPolicy
    detector: Detector | None = None

    def settings(self) -> Settings:
        return Settings(
            data_dir=self.data_dir,
            kms=self.kms,
            kms_key_id=self.kms_key_id,
            kms_endpoint_url=self.kms_endpoint_url,
        )

    def database_url(self) -> str:
        """The database the actor's environment names (else SQLite in the data dir)."""
        return self.settings().resolved_database_url

    def __call__(self) -> Anonymizer:
        settings = self.settings()
        return WorkerAnonymizer(
            settings=settings,
            database_url=settings.resolved_database_url,
            policy=self.policy,
            detector=self.detector,
        )()

    def key_service(self) -> KeyService:
        """The actor's own key service, to open what the vault sealed for it."""
        return build_key_service(self.settings())


def _build_detector(policy: AnonymizationPolicy) -> Detector:
    from vault.adapters.detection import build_detector

    return build_detector(
        score_threshold=min(
            [policy.score_threshold, *(r.threshold or 1.0 for r in policy.entities.values())]
        ),
        allow_list=policy.allow_list,
        regions=policy.regions,
    )


def build_detectors(*, baseline: bool) -> tuple[Detector, Detector | None]:
    """The vault's detector with its defaults, and vanilla Presidio on the same model if asked."""
    from vault.adapters.detection import build_detector

    if not baseline:
        return build_detector(), None
    from vault.adapters.detection.baseline import build_baseline

    return build_detector(), build_baseline()


def build_key_service(settings: Settings) -> KeyService:
    if settings.kms == "aws":
        from vault.adapters.kms_aws import AwsKeyService

        assert settings.kms_key_id is not None  # Settings validates this
        return AwsKeyService(key_id=settings.kms_key_id, endpoint_url=settings.kms_endpoint_url)
    from vault.adapters.kms_local import LocalKeyService

    return LocalKeyService(data_dir=settings.data_dir)


def build_object_store(settings: Settings) -> ObjectStore:
    if settings.store == "s3":
        from vault.adapters.store_s3 import S3ObjectStore

        assert settings.s3_bucket is not None  # Settings validates this
        return S3ObjectStore(
            bucket=settings.s3_bucket,
            prefix=settings.s3_prefix,
            endpoint_url=settings.s3_endpoint_url,
            sse_kms_key_id=settings.s3_sse_kms_key_id,
            object_lock_days=settings.s3_object_lock_days,
        )
    from vault.adapters.store_local import LocalObjectStore

    return LocalObjectStore(settings.data_dir / "objects")


def build_llm_client(settings: Settings) -> LlmClient:
    """The configured upstream; with VAULT_FALLBACK_URL, the primary failing over to it; with
    VAULT_UPSTREAMS_FILE, the upstreams it lists, routed by model."""
    from vault.adapters.upstream import FailoverClient, RoutedClient, UpstreamClient

    if settings.upstreams is not None:
        return RoutedClient.from_settings(settings)
    if settings.fallback_url is None:
        return UpstreamClient.from_settings(settings)
    # A refused connection goes to the fallback at once rather than after backoff.
    primary = UpstreamClient.from_settings(settings, retry_unreachable=False)
    return FailoverClient(primary, UpstreamClient.from_settings(settings, fallback=True))


def build_vault(settings: Settings, **overrides: Any) -> Vault:
    """A vault on the configured backends, its schema migrated; `overrides` replace parts."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = overrides.pop("engine", None) or create_db_engine(settings.resolved_database_url)
    migrate(engine)
    policies = settings.resolved_policies_dir
    keys_from_settings = "keys" not in overrides
    return Vault(
        settings=settings,
        engine=engine,
        keys_from_settings=keys_from_settings,
        keys=overrides.pop("keys", None) or build_key_service(settings),
        store=overrides.pop("store", None) or build_object_store(settings),
        anonymization_policy=load_anonymization_policy(policies, settings.policy),
        access_policy=load_access_policy(policies),
        llm=overrides.pop("llm", None) or build_llm_client(settings),
        **overrides,
    )
