"""Object stores translate a denied or failing backend into one 503 `storage_unavailable`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from vault.adapters.store_local import LocalObjectStore
from vault.adapters.store_s3 import S3ObjectStore
from vault.errors import StoreUnavailable


class _DeniedS3:
    """A boto3 S3 client whose every call is refused as by a bucket policy."""

    def __getattr__(self, operation: str) -> Any:
        def call(**_: Any) -> Any:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}}, operation)

        return call


@pytest.mark.parametrize(
    "operation",
    [
        lambda s: s.put("acme/ds/1", [b"x"]),
        lambda s: s.get("acme/ds/1", "v1"),
        lambda s: s.delete_version("acme/ds/1", "v1"),
        lambda s: s.check(),
    ],
)
def test_a_denied_bucket_is_storage_unavailable_and_says_so(operation: Any) -> None:
    store = S3ObjectStore(bucket="b", client=_DeniedS3())
    with pytest.raises(StoreUnavailable) as caught:
        operation(store)
    assert caught.value.status == 503
    assert caught.value.code == "storage_unavailable"
    assert "access denied" in caught.value.message


def test_a_local_directory_that_cannot_be_made_is_storage_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "objects"
    blocker.write_bytes(b"")  # a file where the store's root directory should be
    store = LocalObjectStore(blocker)
    with pytest.raises(StoreUnavailable) as caught:
        store.put("acme/ds/1", [b"sealed"])
    assert caught.value.code == "storage_unavailable"
    assert str(tmp_path) not in caught.value.message
    assert blocker.read_bytes() == b""
