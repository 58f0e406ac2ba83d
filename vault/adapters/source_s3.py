"""Objects read from S3 for an import (`s3://bucket/prefix`), with the vault's own S3 settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from vault.errors import InvalidRequest, StoreUnavailable, VaultError
from vault.services.dataset_import import SourceObject

__all__ = ["S3ObjectSource"]

_MISSING = frozenset({"NoSuchBucket", "404"})
_DENIED = frozenset({"AccessDenied", "AllAccessDisabled", "403"})
_CHUNK = 1024 * 1024


def _code(exc: ClientError) -> str | None:
    code = exc.response.get("Error", {}).get("Code")
    return None if code is None else str(code)


def _listing_error(exc: BotoCoreError | ClientError) -> VaultError:
    """A failed listing: a 4xx naming `source` where the bucket is missing or closed to the
    vault, else a 503."""
    code = _code(exc) if isinstance(exc, ClientError) else None
    if code in _MISSING:
        return InvalidRequest(
            "source names a bucket that does not exist", code="bucket_not_found", param="source"
        )
    if code in _DENIED:
        return InvalidRequest(
            "the vault may not list the source bucket (check its IAM permissions)",
            code="source_access_denied",
            param="source",
        )
    return StoreUnavailable("the source bucket could not be listed")


class S3ObjectSource:
    """Implements ObjectSource; errors name the bucket's fate, never a key or a credential."""

    def __init__(self, *, endpoint_url: str | None = None, client: Any = None) -> None:
        self._s3 = client or boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5),
        )

    def list_objects(self, bucket: str, prefix: str) -> list[SourceObject]:
        found: list[SourceObject] = []
        try:
            pages = self._s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
            for page in pages:
                for entry in page.get("Contents", []):
                    if entry["Key"].endswith("/") and entry["Size"] == 0:
                        continue  # a folder marker, not data
                    found.append(SourceObject(key=entry["Key"], size=int(entry["Size"])))
        except (BotoCoreError, ClientError) as exc:
            raise _listing_error(exc) from None
        return found

    def read(self, bucket: str, key: str) -> Iterator[bytes]:
        try:
            body = self._s3.get_object(Bucket=bucket, Key=key)["Body"]
        except (BotoCoreError, ClientError):
            raise StoreUnavailable("an object of the source could not be read") from None
        try:
            yield from body.iter_chunks(_CHUNK)
        except (BotoCoreError, ClientError, OSError):
            raise StoreUnavailable("an object of the source failed mid-read") from None
        finally:
            body.close()

    def read_tail(self, bucket: str, key: str, length: int) -> bytes:
        try:
            body = self._s3.get_object(Bucket=bucket, Key=key, Range=f"bytes=-{length}")["Body"]
            try:
                return bytes(body.read())
            finally:
                body.close()
        except (BotoCoreError, ClientError, OSError):
            raise StoreUnavailable("an object of the source could not be read") from None
