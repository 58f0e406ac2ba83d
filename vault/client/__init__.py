"""A Python client for the vault over HTTP: `VaultClient` (blocking) and `AsyncVaultClient`.

    with VaultClient("http://127.0.0.1:8000", api_key) as vault:
        vault.text.anonymize("Mail John Smith at john@example.com").text
        upload = vault.datasets.create("people.csv", name="people", progress=print)
        vault.datasets.download("people", upload.version.number, "people.anon.csv")
        vault.audit.verify().ok

One class per door (`text`, `datasets`, `jobs`, `audit`, `dsr`, `keys`); every error answer
is an `APIStatusError` subclass carrying the vault's `status`, `code` and `param` (the tree is
drawn in `vault.client._errors`). Importing it loads httpx and the audit verifier only, none
of the server's detection, storage or cloud libraries.
"""

from vault.client._async import AsyncVaultClient
from vault.client._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DownloadInterruptedError,
    GoneError,
    InternalServerError,
    JobCancelledError,
    JobFailedError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    PIIBlockedError,
    RateLimitError,
    ServiceUnavailableError,
    UnsupportedMediaTypeError,
    VaultClientError,
)
from vault.client._models import (
    Anonymized,
    AnonymizedEntity,
    ApiKey,
    CreatedKey,
    Dataset,
    Erased,
    FoundToken,
    Job,
    Progress,
    Reidentified,
    Span,
    Upload,
    Version,
)
from vault.client._sync import VaultClient

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "Anonymized",
    "AnonymizedEntity",
    "ApiKey",
    "AsyncVaultClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "CreatedKey",
    "Dataset",
    "DownloadInterruptedError",
    "Erased",
    "FoundToken",
    "GoneError",
    "InternalServerError",
    "Job",
    "JobCancelledError",
    "JobFailedError",
    "NotFoundError",
    "PIIBlockedError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "Progress",
    "RateLimitError",
    "Reidentified",
    "ServiceUnavailableError",
    "Span",
    "UnsupportedMediaTypeError",
    "Upload",
    "VaultClient",
    "VaultClientError",
    "Version",
]
