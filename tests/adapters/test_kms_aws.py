"""AwsKeyService against moto's KMS over real HTTP; faults moto cannot emulate are injected."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.stub import Stubber

from vault.adapters.kms_aws import AwsKeyService
from vault.crypto import EncryptionContext, open_sealed, open_stream, read_header, rewrap, seal
from vault.errors import Gone, IntegrityError, KeyServiceUnavailable

CONTEXT = EncryptionContext(tenant="acme", object_id="ds_1", version=1, purpose="dataset")


@pytest.fixture
def kms(moto_endpoint: str) -> Any:
    return boto3.client("kms", endpoint_url=moto_endpoint, region_name="us-east-1")


def _new_key(kms: Any) -> str:
    arn: str = kms.create_key(Description=f"test {uuid.uuid4()}")["KeyMetadata"]["Arn"]
    return arn


@pytest.fixture
def key_arn(kms: Any) -> str:
    return _new_key(kms)


@pytest.fixture
def keys(moto_endpoint: str, key_arn: str) -> AwsKeyService:
    return AwsKeyService(key_id=key_arn, endpoint_url=moto_endpoint, region_name="us-east-1")


def _inject(
    service: AwsKeyService, operation: str, code: str, message: str = "", status: int = 400
) -> None:
    """Answer `operation` with an error before it leaves botocore; other calls still go to moto."""

    def answer(**_: object) -> tuple[AWSResponse, dict[str, Any]]:
        body = {
            "Error": {"Code": code, "Message": message},
            "ResponseMetadata": {"HTTPStatusCode": status},
        }
        return AWSResponse("http://kms.invalid", status, {}, None), body

    service.client.meta.events.register(f"before-call.kms.{operation}", answer)


@pytest.mark.parametrize("size", [0, 1, 64 * 1024, 64 * 1024 + 1])
def test_round_trip(keys: AwsKeyService, key_arn: str, size: int) -> None:
    plaintext = os.urandom(size)
    blob = seal(plaintext, keys=keys, context=CONTEXT)
    assert read_header(blob).key_id == key_arn
    assert open_sealed(blob, keys=keys, context=CONTEXT) == plaintext
    keys.check()


def test_stream_of_several_megabytes(keys: AwsKeyService) -> None:
    from vault.crypto import seal_stream

    chunks = [os.urandom(1024 * 1024) for _ in range(4)]
    sealed = list(seal_stream(chunks, keys=keys, context=CONTEXT))
    assert b"".join(open_stream(sealed, keys=keys, context=CONTEXT)) == b"".join(chunks)


@pytest.mark.parametrize(
    "other",
    [
        EncryptionContext(tenant="other", object_id="ds_1", version=1, purpose="dataset"),
        EncryptionContext(tenant="acme", object_id="ds_2", version=1, purpose="dataset"),
        EncryptionContext(tenant="acme", object_id="ds_1", version=2, purpose="dataset"),
        EncryptionContext(tenant="acme", object_id="ds_1", version=1, purpose="token"),
    ],
)
def test_wrong_context_fails(keys: AwsKeyService, other: EncryptionContext) -> None:
    blob = seal(b"data", keys=keys, context=CONTEXT)
    with pytest.raises(IntegrityError):
        open_sealed(blob, keys=keys, context=other)


@pytest.mark.slow
def test_every_bit_flip_and_truncation_is_rejected(keys: AwsKeyService) -> None:
    blob = seal(b"fine", keys=keys, context=CONTEXT)
    for bit in range(len(blob) * 8):
        tampered = bytearray(blob)
        tampered[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(IntegrityError):
            open_sealed(bytes(tampered), keys=keys, context=CONTEXT)
    for length in range(len(blob)):
        with pytest.raises(IntegrityError):
            open_sealed(blob[:length], keys=keys, context=CONTEXT)


def test_rewrap_to_a_second_key(keys: AwsKeyService, kms: Any) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    second = _new_key(kms)
    moved = rewrap(blob, keys=keys, context=CONTEXT, to_key_id=second)
    assert read_header(moved).key_id == second
    assert open_sealed(moved, keys=keys, context=CONTEXT) == b"payload"
    # The new wrapping names the second key: with the first one disabled it still opens.
    _inject(keys, "Decrypt", "DisabledException", "first key disabled")
    with pytest.raises(KeyServiceUnavailable):
        open_sealed(blob, keys=keys, context=CONTEXT)


def test_scheduled_deletion_fails_closed(keys: AwsKeyService, kms: Any, key_arn: str) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    kms.schedule_key_deletion(KeyId=key_arn.rsplit("/", 1)[1], PendingWindowInDays=7)
    with pytest.raises(KeyServiceUnavailable) as caught:
        keys.check()
    assert caught.value.code == "kms_key_not_enabled"
    # moto still decrypts under a key pending deletion; real KMS answers like this:
    _inject(
        keys,
        "Decrypt",
        "KMSInvalidStateException",
        f"{key_arn} is pending deletion.",
    )
    with pytest.raises(KeyServiceUnavailable) as caught:
        open_sealed(blob, keys=keys, context=CONTEXT)
    assert caught.value.code == "kms_key_pending_deletion"
    assert caught.value.status == 503


def test_deleted_key_reads_as_gone(keys: AwsKeyService) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    _inject(keys, "Decrypt", "NotFoundException", "Key does not exist")
    with pytest.raises(Gone):
        open_sealed(blob, keys=keys, context=CONTEXT)


@pytest.mark.parametrize(
    ("code", "message", "status", "expected"),
    [
        ("DisabledException", "key is disabled", 400, "kms_key_disabled"),
        ("ThrottlingException", "Rate exceeded", 400, "kms_throttled"),
        ("KMSInternalException", "", 500, "kms_unavailable"),
        ("AccessDeniedException", "not authorized", 400, "kms_access_denied"),
        ("NotFoundException", "no such key", 400, "kms_key_not_found"),
        ("KMSInvalidStateException", "is disabled", 400, "kms_key_disabled"),
    ],
)
def test_faults_on_generate_fail_closed(
    keys: AwsKeyService, code: str, message: str, status: int, expected: str
) -> None:
    _inject(keys, "GenerateDataKey", code, message, status)
    with pytest.raises(KeyServiceUnavailable) as caught:
        seal(b"never in the clear", keys=keys, context=CONTEXT)
    assert caught.value.code == expected
    assert "never in the clear" not in str(caught.value)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("DisabledException", "kms_key_disabled"),
        ("ThrottlingException", "kms_throttled"),
        ("DependencyTimeoutException", "kms_unavailable"),
    ],
)
def test_faults_on_decrypt_fail_closed(keys: AwsKeyService, code: str, expected: str) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    _inject(keys, "Decrypt", code)
    with pytest.raises(KeyServiceUnavailable) as caught:
        open_sealed(blob, keys=keys, context=CONTEXT)
    assert caught.value.code == expected


def test_access_denied_on_decrypt_with_a_dead_kms_is_unavailable(keys: AwsKeyService) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    _inject(keys, "Decrypt", "AccessDeniedException")
    _inject(keys, "DescribeKey", "AccessDeniedException")
    with pytest.raises(KeyServiceUnavailable):
        open_sealed(blob, keys=keys, context=CONTEXT)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_endpoint_fails_closed_and_fast(key_arn: str) -> None:
    dead = AwsKeyService(
        key_id=key_arn,
        endpoint_url=f"http://127.0.0.1:{_closed_port()}",
        region_name="us-east-1",
        connect_timeout=0.5,
        max_attempts=1,
    )
    with pytest.raises(KeyServiceUnavailable) as caught:
        seal(b"payload", keys=dead, context=CONTEXT)
    assert caught.value.code == "kms_unreachable"
    with pytest.raises(KeyServiceUnavailable):
        dead.check()
    with pytest.raises(KeyServiceUnavailable):
        dead.decrypt_data_key(b"\x01" * 96, CONTEXT.as_kms())


def test_throttling_through_a_stubbed_client(key_arn: str) -> None:
    client = boto3.client("kms", region_name="us-east-1")
    stubber = Stubber(client)
    stubber.add_client_error(
        "generate_data_key", service_error_code="ThrottlingException", http_status_code=400
    )
    stubber.activate()
    keys = AwsKeyService(key_id=key_arn, client=client)
    with pytest.raises(KeyServiceUnavailable) as caught:
        keys.generate_data_key(CONTEXT.as_kms())
    assert caught.value.code == "kms_throttled"
    stubber.assert_no_pending_responses()


def test_constructor_has_keyword_settings(key_arn: str, moto_endpoint: str) -> None:
    keys: Callable[..., AwsKeyService] = AwsKeyService
    service = keys(key_id=key_arn, endpoint_url=moto_endpoint, read_timeout=1.0, max_attempts=2)
    assert service.primary_key_id == key_arn
    assert "Plaintext" not in repr(service)
