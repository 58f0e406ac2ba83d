"""A versioned object store on S3 (AWS, MinIO, LocalStack, moto), streaming in multipart uploads."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from vault.errors import NotFound, StoreUnavailable
from vault.ports import StoredObject

__all__ = ["S3ObjectStore"]

_PART_SIZE = 8 * 1024 * 1024  # S3 needs parts of 5 MiB or more, bar the last one
_DENIED = frozenset(
    {"AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "403"}
)


def _unavailable(what: str, exc: BotoCoreError | ClientError) -> StoreUnavailable:
    """The store's failure as a 503 (`storage_unavailable`), saying when it was a denial."""
    code = exc.response.get("Error", {}).get("Code") if isinstance(exc, ClientError) else None
    if code in _DENIED:
        return StoreUnavailable(
            f"object store {what} failed: access denied (check the bucket policy and the "
            "vault's IAM permissions for VAULT_S3_BUCKET)"
        )
    return StoreUnavailable(f"object store {what} failed")


class S3ObjectStore:
    """Implements ObjectStore on a bucket that must have versioning enabled."""

    def __init__(
        self,
        *,
        bucket: str,
        prefix: str = "",
        endpoint_url: str | None = None,
        sse_kms_key_id: str | None = None,
        object_lock_days: int | None = None,
        client: Any = None,
    ) -> None:
        self._bucket = bucket
        self._prefix = prefix
        self._sse_kms_key_id = sse_kms_key_id
        self._object_lock_days = object_lock_days
        self._s3 = client or boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5),
        )

    def _extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self._sse_kms_key_id:
            extra["ServerSideEncryption"] = "aws:kms"
            extra["SSEKMSKeyId"] = self._sse_kms_key_id
        if self._object_lock_days:
            extra["ObjectLockMode"] = "GOVERNANCE"
            extra["ObjectLockRetainUntilDate"] = datetime.now(UTC) + timedelta(
                days=self._object_lock_days
            )
        return extra

    def put(self, key: str, chunks: Iterable[bytes]) -> StoredObject:
        """Upload in parts as the bytes come; an error aborts the upload, leaving nothing."""
        full_key = self._prefix + key
        buffer = bytearray()
        upload_id: str | None = None
        parts: list[dict[str, Any]] = []
        size = 0
        try:
            for chunk in chunks:
                buffer += chunk
                size += len(chunk)
                while len(buffer) >= _PART_SIZE:
                    if upload_id is None:
                        upload_id = self._s3.create_multipart_upload(
                            Bucket=self._bucket, Key=full_key, **self._extra()
                        )["UploadId"]
                    parts.append(
                        self._upload_part(full_key, upload_id, len(parts) + 1, buffer[:_PART_SIZE])
                    )
                    del buffer[:_PART_SIZE]
            if upload_id is None:
                answer = self._s3.put_object(
                    Bucket=self._bucket, Key=full_key, Body=bytes(buffer), **self._extra()
                )
            else:
                if buffer:
                    parts.append(self._upload_part(full_key, upload_id, len(parts) + 1, buffer))
                answer = self._s3.complete_multipart_upload(
                    Bucket=self._bucket,
                    Key=full_key,
                    UploadId=upload_id,
                    MultipartUpload={"Parts": parts},
                )
        except BaseException as exc:
            if upload_id is not None:
                self._abort(full_key, upload_id)
            if isinstance(exc, (BotoCoreError, ClientError)):
                raise _unavailable("write", exc) from exc
            raise
        version_id = answer.get("VersionId")
        if not version_id or version_id == "null":
            raise StoreUnavailable("bucket versioning is not enabled", code="store_unversioned")
        return StoredObject(key=key, version_id=version_id, size=size)

    def _upload_part(
        self, key: str, upload_id: str, number: int, data: bytes | bytearray
    ) -> dict[str, Any]:
        answer = self._s3.upload_part(
            Bucket=self._bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=bytes(data)
        )
        return {"ETag": answer["ETag"], "PartNumber": number}

    def _abort(self, key: str, upload_id: str) -> None:
        # If this fails too, the bucket's lifecycle rule aborts the stale upload later.
        with contextlib.suppress(BotoCoreError, ClientError):
            self._s3.abort_multipart_upload(Bucket=self._bucket, Key=key, UploadId=upload_id)

    def get(self, key: str, version_id: str) -> Iterator[bytes]:
        try:
            answer = self._s3.get_object(
                Bucket=self._bucket, Key=self._prefix + key, VersionId=version_id
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "NoSuchVersion", "404"}:
                raise NotFound("object version not found") from exc
            raise _unavailable("read", exc) from exc
        except BotoCoreError as exc:
            raise _unavailable("read", exc) from exc
        return _read_body(answer["Body"])

    def delete_version(self, key: str, version_id: str) -> None:
        try:
            self._s3.delete_object(
                Bucket=self._bucket, Key=self._prefix + key, VersionId=version_id
            )
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable("delete", exc) from exc

    def delete_key(self, key: str) -> None:
        full_key = self._prefix + key
        try:
            pages = self._s3.get_paginator("list_object_versions").paginate(
                Bucket=self._bucket, Prefix=full_key
            )
            for page in pages:
                for entry in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]:
                    if entry["Key"] == full_key:
                        self._s3.delete_object(
                            Bucket=self._bucket, Key=full_key, VersionId=entry["VersionId"]
                        )
            uploads = self._s3.list_multipart_uploads(Bucket=self._bucket, Prefix=full_key)
            for upload in uploads.get("Uploads", []):
                self._abort(upload["Key"], upload["UploadId"])
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable("cleanup", exc) from exc

    def check(self) -> None:
        try:
            status = self._s3.get_bucket_versioning(Bucket=self._bucket).get("Status")
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable("check", exc) from exc
        if status != "Enabled":
            raise StoreUnavailable("bucket versioning is not enabled", code="store_unversioned")


def _read_body(body: Any) -> Iterator[bytes]:
    """The object's bytes; a connection lost mid-read is StoreUnavailable, not a raw error."""
    try:
        yield from body.iter_chunks(1024 * 1024)
    except (BotoCoreError, ClientError, OSError) as exc:
        raise StoreUnavailable("object store read failed mid-object") from exc
    finally:
        body.close()
