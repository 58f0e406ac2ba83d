"""One typed Settings object, read from arguments, then the environment, then defaults."""

from __future__ import annotations

import difflib
import urllib.parse
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from vault.domain.upstreams import UpstreamsConfig, check_base_url, parse_upstreams

__all__ = ["Settings", "describe_error", "unknown_variables"]

# `VAULT_*` names read by other parts than Settings: the remote CLI, and the bench and test suite.
_READ_ELSEWHERE = ("VAULT_URL", "VAULT_KEY")
_READ_ELSEWHERE_PREFIXES = ("VAULT_BENCH_", "VAULT_TEST_")


class Settings(BaseSettings):
    """Everything the vault can be told. Built explicitly, never at import time."""

    model_config = SettingsConfigDict(
        env_prefix="VAULT_", env_file=".env", extra="ignore", frozen=True
    )

    data_dir: Path = Path(".vault")
    database_url: str | None = None

    store: Literal["local", "s3"] = "local"
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_prefix: str = "vault/"
    s3_sse_kms_key_id: str | None = None
    s3_object_lock_days: int | None = Field(default=None, ge=1)

    kms: Literal["local", "aws"] = "local"
    kms_key_id: str | None = None
    kms_endpoint_url: str | None = None

    groq_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("groq_api_key", "GROQ_API_KEY")
    )
    # The upstream's OpenAI-style base, its version path included (Ollama: http://localhost:11434/v1).
    upstream_url: str | None = None
    upstream_api_key: SecretStr | None = None  # else GROQ_API_KEY
    # Deprecated: Groq's host root, `/openai/v1` added; VAULT_UPSTREAM_URL replaces it.
    groq_base_url: str | None = None
    fallback_url: str | None = None
    fallback_api_key: SecretStr | None = None
    # Several upstreams with per-model routing and failover order (vault.domain.upstreams);
    # replaces VAULT_UPSTREAM_URL, VAULT_GROQ_BASE_URL and VAULT_FALLBACK_URL.
    upstreams_file: Path | None = None
    groq_timeout_seconds: float = Field(default=60.0, gt=0)
    groq_max_retries: int = Field(default=2, ge=0, le=10)

    policy: str = "default"
    policies_dir: Path | None = None
    max_upload_bytes: int = Field(default=5 * 1024**3, gt=0)
    # An upload declaring a larger body than this (or sent with `Prefer: respond-async`)
    # answers 202 with a job once its body is in, rather than 201 once it is stored.
    async_upload_bytes: int = Field(default=8 * 1024**2, ge=0)
    # Worker processes that anonymize a large upload's blocks (None: one per core; 1: all in
    # the upload's own process).
    dataset_workers: int | None = Field(default=None, ge=1, le=256)
    # Where those blocks are anonymized: worker processes here (`local`), or a Ray cluster
    # (`ray`, the `vault[ray]` extra) at RAY_ADDRESS (unset: a local cluster), on
    # `ray_workers` actors (None: one per CPU of the cluster).
    dataset_engine: Literal["local", "ray"] = "local"
    ray_address: str | None = Field(
        default=None,
        validation_alias=AliasChoices("ray_address", "VAULT_RAY_ADDRESS", "RAY_ADDRESS"),
    )
    ray_workers: int | None = Field(default=None, ge=1, le=1024)
    # Detection is linear but not free (about 60 KB/s at worst on text full of capitalised
    # words), so requests stay bounded in time as well as memory.
    max_prompt_bytes: int = Field(default=1024**2, gt=0)
    audit_checkpoint_every: int = Field(default=100, ge=1)
    # A running server looks for a rotated audit signing key at most this often, and signs
    # with it from its next checkpoint on.
    signing_key_poll_seconds: float = Field(default=60.0, gt=0, le=86_400)
    rate_limit_rpm: int = Field(default=600, ge=0)
    rate_limit_tpm: int = Field(default=0, ge=0)
    # State shared by workers and replicas (rate limits, detection cache, known values, the
    # audit door); unset, each process keeps its own. A URL may hold a password, hence SecretStr.
    redis_url: SecretStr | None = None
    redis_prefix: str = Field(default="vault:", min_length=1)
    # How long a cached detection or a raised audit-outage flag lives in Redis.
    redis_cache_seconds: int = Field(default=3600, ge=1)
    # The guard's known values in Redis (keyed digests): how long one is kept after it was
    # first seen, and at most how many digests per tenant (up to three per value).
    redis_known_seconds: int = Field(default=86_400, ge=1)
    redis_known_digests: int = Field(default=15_000, ge=1)
    # When set, GET /metrics answers only a request with `Authorization: Bearer <token>`.
    metrics_token: SecretStr | None = None
    # Webhooks: a receiver that does not answer within the timeout is cut and retried; a
    # delivery is retried with backoff for `webhook_retry_hours`, then dead-lettered. Private
    # and loopback receivers are refused unless allowed (link-local and metadata ones always).
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    webhook_retry_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    webhook_poll_seconds: float = Field(default=0.5, gt=0, le=60)
    webhook_log_days: int = Field(default=30, ge=1)  # settled deliveries are kept this long
    webhook_allow_private: bool = False
    # Audit shipping (`vault audit ship`, and every `audit_ship_seconds` in the server, 0 = off):
    # each tenant's new records and checkpoints to this Object Lock bucket, kept locked so long.
    audit_bucket: str | None = None
    audit_bucket_endpoint_url: str | None = None
    audit_bucket_prefix: str = "audit/"
    audit_lock_days: int = Field(default=2555, ge=1)
    audit_lock_mode: Literal["COMPLIANCE", "GOVERNANCE"] = "COMPLIANCE"
    audit_ship_seconds: float = Field(default=0, ge=0)
    # The browser console (/console): how long a sign-in lasts. The session cookie is Secure
    # when the request came over https (or VAULT_CONSOLE_SECURE_COOKIE=true behind a proxy).
    console_session_minutes: int = Field(default=480, ge=1, le=7 * 24 * 60)
    console_secure_cookie: bool = False
    # Console sign-in through an OpenID Connect provider (authorization code with PKCE; the ID
    # token's signature checked against the issuer's JWKS). The tenant and the roles come from
    # the named claims; the roles claim is a list (or a space-separated string) of vault roles.
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_tenant_claim: str = Field(default="vault_tenant", min_length=1, max_length=128)
    oidc_roles_claim: str = Field(default="vault_roles", min_length=1, max_length=128)
    oidc_scopes: str = Field(default="openid", min_length=6, max_length=512)
    # Where the provider sends the browser back; by default this vault's /console/oidc/callback.
    oidc_redirect_url: str | None = None

    @field_validator("upstream_url", "groq_base_url", "fallback_url")
    @classmethod
    def _is_a_base_url(cls, url: str | None) -> str | None:
        # The message never repeats the URL: a query or user info may hold a key.
        return None if url is None else check_base_url(url)

    @field_validator("upstreams_file")
    @classmethod
    def _upstreams_file_is_valid(cls, path: Path | None) -> Path | None:
        if path is not None:
            read_upstreams_file(path)
        return path

    @model_validator(mode="after")
    def _one_way_to_name_upstreams(self) -> Settings:
        if self.upstreams_file is not None and (
            self.upstream_url or self.groq_base_url or self.fallback_url
        ):
            raise ValueError(
                "VAULT_UPSTREAMS_FILE names every upstream: unset VAULT_UPSTREAM_URL, "
                "VAULT_GROQ_BASE_URL and VAULT_FALLBACK_URL"
            )
        return self

    @model_validator(mode="after")
    def _backends_are_complete(self) -> Settings:
        if self.store == "s3" and not self.s3_bucket:
            raise ValueError("VAULT_STORE=s3 needs VAULT_S3_BUCKET")
        if self.kms == "aws" and not self.kms_key_id:
            raise ValueError("VAULT_KMS=aws needs VAULT_KMS_KEY_ID")
        if self.oidc_issuer is not None:
            if not self.oidc_client_id:
                raise ValueError("VAULT_OIDC_ISSUER needs VAULT_OIDC_CLIENT_ID")
            parts = urllib.parse.urlsplit(self.oidc_issuer)
            loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
            if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
                raise ValueError(
                    "VAULT_OIDC_ISSUER must be an https:// URL (http only on loopback)"
                )
        return self

    @cached_property
    def upstreams(self) -> UpstreamsConfig | None:
        """The upstreams VAULT_UPSTREAMS_FILE lists (validated when the settings were built)."""
        return None if self.upstreams_file is None else read_upstreams_file(self.upstreams_file)

    @property
    def resolved_upstream_url(self) -> str:
        """The primary upstream's base URL, its version path included."""
        if self.upstream_url is not None:
            return self.upstream_url
        if self.groq_base_url is not None:
            return f"{self.groq_base_url}/openai/v1"
        return "https://api.groq.com/openai/v1"

    @property
    def resolved_upstream_api_key(self) -> SecretStr | None:
        return self.upstream_api_key or self.groq_api_key

    def deprecations(self) -> list[str]:
        """One start-up warning for each deprecated setting in use."""
        if self.groq_base_url is None:
            return []
        if self.upstream_url is not None:
            return ["VAULT_GROQ_BASE_URL is deprecated and ignored: VAULT_UPSTREAM_URL is set"]
        return [
            "VAULT_GROQ_BASE_URL is deprecated: set VAULT_UPSTREAM_URL to the base URL with "
            "its version path (VAULT_GROQ_BASE_URL + /openai/v1)"
        ]

    @property
    def resolved_database_url(self) -> str:
        """The configured database, or a SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'vault.db'}"

    @property
    def resolved_policies_dir(self) -> Path:
        """Where policy YAML lives: configured, else the repository's `policies/`."""
        if self.policies_dir is not None:
            return self.policies_dir
        return Path(__file__).resolve().parent.parent / "policies"


def read_upstreams_file(path: Path) -> UpstreamsConfig:
    """The upstreams file at `path`, parsed; ValueError in one line if unreadable or invalid."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot be read ({type(exc).__name__})") from None
    return parse_upstreams(text)


def _variable(field: str) -> str:
    return "GROQ_API_KEY" if field == "groq_api_key" else f"VAULT_{field.upper()}"


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """One warning for each `VAULT_*` variable in `environ` that nothing reads (a typo would
    otherwise be silently ignored), naming the nearest known variable when one is close."""
    known = [_variable(name) for name in Settings.model_fields] + list(_READ_ELSEWHERE)
    warnings = []
    for name in sorted(environ):
        if (
            not name.startswith("VAULT_")
            or name in known
            or name.startswith(_READ_ELSEWHERE_PREFIXES)
        ):
            continue
        nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
        hint = f"; did you mean {nearest[0]}?" if nearest else ""
        warnings.append(f"unknown setting {name} is ignored{hint}")
    return warnings


def describe_error(exc: ValidationError) -> str:
    """One line for a Settings validation error: the variable it names and what is wrong with
    it, never the value (it may be a secret)."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    message = first["msg"].removeprefix("Value error, ")
    if not field:  # a rule across settings; its message names the variables
        return f"invalid settings: {message}"
    return f"invalid setting {_variable(field)}: {message}"
