"""The client's one exception tree; an error answer of the vault becomes one of these.

    VaultClientError
    ├── APIConnectionError              the vault could not be reached (refused, DNS, TLS)
    │   └── APITimeoutError             ... or did not answer in time
    ├── APIStatusError                  an error answer: `status`, `code`, `type`, `param`
    │   ├── BadRequestError             400 (the message and `param` name the field)
    │   │   ├── PayloadTooLargeError    413
    │   │   ├── UnsupportedMediaTypeError 415
    │   │   └── PIIBlockedError         422 pii_blocked
    │   ├── AuthenticationError         401 a missing, unknown, revoked or expired key
    │   ├── PermissionDeniedError       403 (the message names the roles that would allow it)
    │   ├── NotFoundError               404 (also another tenant's objects)
    │   ├── ConflictError               409 (e.g. ambiguous_dataset_name, job_finished)
    │   ├── GoneError                   410 erased data
    │   ├── RateLimitError              429, with `retry_after` seconds
    │   ├── InternalServerError         500 and other 5xx (integrity_error among them)
    │   └── ServiceUnavailableError     503 a backend of the vault is down
    ├── DownloadInterruptedError        a download cut after it began (a later frame failed)
    └── JobFailedError                  an upload job ended failed; `job` says how
        └── JobCancelledError           ... or was cancelled; it stored nothing

Messages are the vault's own, which carry ids, counts and field names, never values; the
client adds none of the caller's data to them either.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vault.client._models import Job

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DownloadInterruptedError",
    "GoneError",
    "InternalServerError",
    "JobCancelledError",
    "JobFailedError",
    "NotFoundError",
    "PIIBlockedError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServiceUnavailableError",
    "UnsupportedMediaTypeError",
    "VaultClientError",
    "error_from_answer",
]


class VaultClientError(Exception):
    """Base of everything the client raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIConnectionError(VaultClientError):
    """The request did not get an answer: the vault is unreachable or the connection failed."""


class APITimeoutError(APIConnectionError):
    """The vault did not answer within the client's timeout."""


class APIStatusError(VaultClientError):
    """An error answer, `{"error": {"message", "type", "code"[, "param"]}}`, as its fields."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str,
        type: str,
        param: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.type = type
        self.param = param
        self.headers = dict(headers or {})

    def __str__(self) -> str:
        where = f" [{self.param}]" if self.param else ""
        return f"{self.message} ({self.status} {self.code}){where}"


class BadRequestError(APIStatusError):
    pass


class PayloadTooLargeError(BadRequestError):
    pass


class UnsupportedMediaTypeError(BadRequestError):
    pass


class PIIBlockedError(BadRequestError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class GoneError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    @property
    def retry_after(self) -> float | None:
        """Seconds the vault asked to wait (`Retry-After`), if it said."""
        value = self.headers.get("retry-after", "")
        try:
            return float(value)
        except ValueError:
            return None


class InternalServerError(APIStatusError):
    pass


class ServiceUnavailableError(InternalServerError):
    pass


class DownloadInterruptedError(VaultClientError):
    """The vault ended a download early: a later frame failed its check, or the connection
    dropped. What was received must not be taken for the whole content."""


class JobFailedError(VaultClientError):
    """An upload job ended without storing a version; `job.error_code` says why."""

    def __init__(self, message: str, *, job: Job) -> None:
        super().__init__(message)
        self.job = job


class JobCancelledError(JobFailedError):
    pass


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaTypeError,
    422: PIIBlockedError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


def error_from_answer(status: int, body: bytes, headers: Mapping[str, str]) -> APIStatusError:
    """The exception for an error answer; a body that is not the vault's JSON error (a proxy's
    HTML page, say) still gives the status, with code `http_error` and none of the body."""
    error: Any = None
    with contextlib.suppress(ValueError, AttributeError):  # not JSON, or not an object
        error = json.loads(body).get("error")
    if not isinstance(error, dict):
        error = {}
    kind = _BY_STATUS.get(status)
    if kind is None:
        kind = InternalServerError if status >= 500 else APIStatusError
    param = error.get("param")
    return kind(
        str(error.get("message") or f"the vault answered HTTP {status}"),
        status=status,
        code=str(error.get("code") or "http_error"),
        type=str(error.get("type") or "http_error"),
        param=param if isinstance(param, str) else None,
        headers={k.lower(): v for k, v in headers.items()},
    )
