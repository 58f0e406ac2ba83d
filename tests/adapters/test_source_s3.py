"""S3ObjectSource against moto over HTTP: the objects under a prefix in key order without folder
markers, and a listing that fails names the bucket's fate (a 4xx on `source`) or is a 503."""

from __future__ import annotations

import uuid

import boto3
import pytest

from vault.adapters.source_s3 import S3ObjectSource
from vault.errors import InvalidRequest, StoreUnavailable


def test_the_objects_under_a_prefix_in_key_order_without_folder_markers(
    moto_endpoint: str,
) -> None:
    bucket = f"source-{uuid.uuid4().hex[:10]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    s3.create_bucket(Bucket=bucket)
    for key, body in [("in/b.csv", b"bb"), ("in/", b""), ("in/a.csv", b"a"), ("out/c.csv", b"c")]:
        s3.put_object(Bucket=bucket, Key=key, Body=body)
    listed = S3ObjectSource(endpoint_url=moto_endpoint).list_objects(bucket, "in/")
    assert [(o.key, o.size) for o in listed] == [("in/a.csv", 1), ("in/b.csv", 2)]


def test_a_missing_bucket_is_a_4xx_naming_the_source(moto_endpoint: str) -> None:
    source = S3ObjectSource(endpoint_url=moto_endpoint)
    with pytest.raises(InvalidRequest) as refused:
        source.list_objects(f"missing-{uuid.uuid4().hex[:10]}", "")
    assert (refused.value.code, refused.value.param) == ("bucket_not_found", "source")


def test_an_unreachable_store_is_unavailable() -> None:
    source = S3ObjectSource(endpoint_url="http://127.0.0.1:9")
    with pytest.raises(StoreUnavailable, match="the source bucket could not be listed"):
        source.list_objects("any", "")


def test_the_tail_of_an_object_is_its_last_bytes_or_all_of_a_short_one(
    moto_endpoint: str,
) -> None:
    bucket = f"source-{uuid.uuid4().hex[:10]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint)
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="in/a.parquet", Body=b"0123456789")
    source = S3ObjectSource(endpoint_url=moto_endpoint)
    assert source.read_tail(bucket, "in/a.parquet", 4) == b"6789"
    assert source.read_tail(bucket, "in/a.parquet", 64) == b"0123456789"
    with pytest.raises(StoreUnavailable):
        source.read_tail(bucket, "in/missing.parquet", 4)
