"""One typed Settings object, read from arguments, then the environment, then defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


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
    groq_base_url: str = "https://api.groq.com"
    groq_timeout_seconds: float = Field(default=60.0, gt=0)
    groq_max_retries: int = Field(default=2, ge=0, le=10)

    policy: str = "default"
    policies_dir: Path | None = None
    max_upload_bytes: int = Field(default=5 * 1024**3, gt=0)
    # Detection is linear but not free (about 60 KB/s at worst on text full of capitalised
    # words), so requests stay bounded in time as well as memory.
    max_prompt_bytes: int = Field(default=1024**2, gt=0)
    audit_checkpoint_every: int = Field(default=100, ge=1)
    rate_limit_rpm: int = Field(default=600, ge=0)
    rate_limit_tpm: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _backends_are_complete(self) -> Settings:
        if self.store == "s3" and not self.s3_bucket:
            raise ValueError("VAULT_STORE=s3 needs VAULT_S3_BUCKET")
        if self.kms == "aws" and not self.kms_key_id:
            raise ValueError("VAULT_KMS=aws needs VAULT_KMS_KEY_ID")
        return self

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
