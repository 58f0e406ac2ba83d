"""AWS KMS as the KeyService: GenerateDataKey, Decrypt, ReEncrypt, every call with a context.

botocore errors are translated at this edge and nowhere else:

    unreachable, timed out, throttled, disabled key,
    key pending deletion, access denied, KMS internal    → KeyServiceUnavailable (503)
    key deleted (NotFound on unwrap)                     → Gone (410)
    ciphertext or context mismatch, wrong key            → IntegrityError
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from vault.errors import Gone, IntegrityError, KeyServiceUnavailable
from vault.ports import DataKey

__all__ = ["AwsKeyService"]

T = TypeVar("T")

_INTEGRITY = {"InvalidCiphertextException", "IncorrectKeyException", "InvalidKeyUsageException"}
_UNAVAILABLE_CODES = {
    "DisabledException": "kms_key_disabled",
    "ThrottlingException": "kms_throttled",
    "LimitExceededException": "kms_throttled",
    "RequestLimitExceeded": "kms_throttled",
    "KMSInternalException": "kms_unavailable",
    "DependencyTimeoutException": "kms_unavailable",
    "AccessDeniedException": "kms_access_denied",
    "UnrecognizedClientException": "kms_access_denied",
    "KeyUnavailableException": "kms_unavailable",
}


class AwsKeyService:
    """Implements KeyService on AWS KMS (or moto, LocalStack) with one configured key.

    `key_id` is the key new data keys are made under (an id, ARN or alias). Timeouts and
    retries are bounded so a dead KMS fails fast and closed rather than hanging a request.
    """

    def __init__(
        self,
        *,
        key_id: str,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        connect_timeout: float = 2.0,
        read_timeout: float = 5.0,
        max_attempts: int = 3,
        client: Any = None,
    ) -> None:
        self._key_id = key_id
        if client is None:
            config = Config(
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                retries={"max_attempts": max_attempts, "mode": "standard"},
            )
            client = boto3.session.Session().client(
                "kms", endpoint_url=endpoint_url, region_name=region_name, config=config
            )
        self._client = client

    def __repr__(self) -> str:
        return f"AwsKeyService(key_id={self._key_id!r})"

    @property
    def client(self) -> Any:
        """The boto3 KMS client (tests attach a botocore Stubber to it)."""
        return self._client

    @property
    def primary_key_id(self) -> str:
        return self._key_id

    def generate_data_key(self, context: Mapping[str, str]) -> DataKey:
        response = _call(
            lambda: self._client.generate_data_key(
                KeyId=self._key_id, KeySpec="AES_256", EncryptionContext=dict(context)
            ),
            unwrapping=False,
        )
        plaintext = response["Plaintext"]
        if len(plaintext) != 32:
            raise KeyServiceUnavailable("KMS returned a data key of the wrong size")
        return DataKey(
            key_id=response["KeyId"], plaintext=plaintext, wrapped=response["CiphertextBlob"]
        )

    def decrypt_data_key(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        response = self._unwrapping_call(
            lambda: self._client.decrypt(CiphertextBlob=wrapped, EncryptionContext=dict(context))
        )
        plaintext: bytes = response["Plaintext"]
        if len(plaintext) != 32:
            raise IntegrityError()
        return plaintext

    def rewrap(self, wrapped: bytes, context: Mapping[str, str], *, to_key_id: str) -> bytes:
        """KMS ReEncrypt: the data key never leaves KMS; the context stays the same."""
        response = self._unwrapping_call(
            lambda: self._client.re_encrypt(
                CiphertextBlob=wrapped,
                SourceEncryptionContext=dict(context),
                DestinationKeyId=to_key_id,
                DestinationEncryptionContext=dict(context),
            )
        )
        blob: bytes = response["CiphertextBlob"]
        return blob

    def _unwrapping_call(self, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """An unwrap, where AccessDenied is ambiguous: KMS also answers it for a ciphertext
        naming a key that is not ours (a tampered blob). If the configured key still answers,
        the blob is at fault (IntegrityError); otherwise access is (KeyServiceUnavailable)."""
        try:
            return _call(fn, unwrapping=True)
        except KeyServiceUnavailable as exc:
            if exc.code != "kms_access_denied":
                raise
        self.check()
        raise IntegrityError()

    def check(self) -> None:
        """Raise KeyServiceUnavailable unless the key answers and is enabled for encryption."""
        response = _call(lambda: self._client.describe_key(KeyId=self._key_id), unwrapping=False)
        metadata = response.get("KeyMetadata", {})
        if metadata.get("KeyState") != "Enabled":
            raise KeyServiceUnavailable(
                f"KMS key is {metadata.get('KeyState', 'unknown')}", code="kms_key_not_enabled"
            )


def _call(fn: Callable[[], T], *, unwrapping: bool) -> T:
    """Run one KMS call, translating every botocore failure into the vault's error tree.

    `unwrapping` says a missing key means data sealed under it is erased (Gone), whereas when
    making new keys it means the vault is misconfigured (KeyServiceUnavailable).
    """
    try:
        return fn()
    except ClientError as exc:
        raise _translate(exc, unwrapping=unwrapping) from None
    except BotoCoreError as exc:
        # Connection refused, timeouts, no credentials: the name is enough, never the message.
        raise KeyServiceUnavailable(
            f"KMS unreachable ({type(exc).__name__})", code="kms_unreachable"
        ) from None


def _translate(exc: ClientError, *, unwrapping: bool) -> Exception:
    error = exc.response.get("Error", {})
    code = str(error.get("Code", ""))
    message = str(error.get("Message", "")).lower()
    if code in _INTEGRITY:
        return IntegrityError()
    if code == "NotFoundException":
        if unwrapping:
            return Gone("the KMS key that sealed this data was deleted")
        return KeyServiceUnavailable("KMS key not found", code="kms_key_not_found")
    if code == "KMSInvalidStateException":
        if "pending" in message and "deletion" in message:
            return KeyServiceUnavailable(
                "KMS key is pending deletion (cancel the deletion to read this data)",
                code="kms_key_pending_deletion",
            )
        if "disabled" in message:
            return KeyServiceUnavailable("KMS key is disabled", code="kms_key_disabled")
        return KeyServiceUnavailable("KMS key is not usable now", code="kms_key_invalid_state")
    if code == "ValidationException" and unwrapping:
        return IntegrityError()
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
    if code in _UNAVAILABLE_CODES or status == 429 or status >= 500:
        return KeyServiceUnavailable(
            f"KMS refused the call ({code or status})",
            code=_UNAVAILABLE_CODES.get(code, "kms_unavailable"),
        )
    return KeyServiceUnavailable(f"KMS call failed ({code or status})")
