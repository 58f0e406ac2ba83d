"""The one exception tree of the vault; each class knows its HTTP status and error type.

    VaultError                      500 internal_error
    ├── InvalidRequest              400 invalid_request_error
    │   ├── PayloadTooLarge         413
    │   ├── UnsupportedMediaType    415
    │   ├── PersonalDataInField     400 personal_data_in_field (a closed field that goes as it is)
    │   └── OutboundBlocked         422 pii_blocked     (PII left in a request bound for the LLM)
    ├── AuthenticationFailed        401 invalid_api_key
    ├── PermissionDenied            403 permission_denied
    ├── NotFound                    404 not_found       (also for other tenants' objects)
    ├── Conflict                    409 conflict
    ├── Gone                        410 erased          (crypto-shredded data)
    ├── RateLimited                 429 rate_limit_exceeded
    ├── IntegrityError              500 integrity_error (a sealed object failed to open)
    ├── UpstreamError               the upstream's status (on the instance), passed back as it came
    └── ServiceUnavailable          503 service_unavailable
        ├── KeyServiceUnavailable
        ├── StoreUnavailable
        ├── DetectorUnavailable
        └── UpstreamUnavailable

Messages never carry PII or token values: ids, counts and field names only.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "AuthenticationFailed",
    "Conflict",
    "DetectorUnavailable",
    "Gone",
    "IntegrityError",
    "InvalidRequest",
    "KeyServiceUnavailable",
    "NotFound",
    "OutboundBlocked",
    "PayloadTooLarge",
    "PermissionDenied",
    "PersonalDataInField",
    "RateLimited",
    "ServiceUnavailable",
    "StoreUnavailable",
    "UnsupportedMediaType",
    "UpstreamError",
    "UpstreamUnavailable",
    "VaultError",
]


class VaultError(Exception):
    """Base of every error the vault raises on purpose."""

    status: int = 500  # the class's status; an UpstreamError carries its own on the instance
    type: ClassVar[str] = "internal_error"
    default_code: ClassVar[str] = "internal_error"

    def __init__(self, message: str, *, code: str | None = None, param: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.param = param

    def to_body(self) -> dict[str, Any]:
        """The JSON error body: `{"error": {"message", "type", "code"[, "param"]}}`."""
        error: dict[str, Any] = {"message": self.message, "type": self.type, "code": self.code}
        if self.param is not None:
            error["param"] = self.param
        return {"error": error}

    def headers(self) -> dict[str, str]:
        return {}


class InvalidRequest(VaultError):
    status = 400
    type = "invalid_request_error"
    default_code = "invalid_request"


class PayloadTooLarge(InvalidRequest):
    status = 413
    default_code = "payload_too_large"


class UnsupportedMediaType(InvalidRequest):
    status = 415
    default_code = "unsupported_media_type"


class PersonalDataInField(InvalidRequest):
    """A field that would go upstream as it is (a model id) holds personal data; `entity_types`
    says of which kinds, for the audit record."""

    default_code = "personal_data_in_field"

    def __init__(self, message: str, *, param: str, entity_types: tuple[str, ...]) -> None:
        super().__init__(message, param=param)
        self.entity_types = entity_types


class OutboundBlocked(InvalidRequest):
    status = 422
    default_code = "pii_blocked"


class AuthenticationFailed(VaultError):
    status = 401
    type = "invalid_request_error"
    default_code = "invalid_api_key"


class PermissionDenied(VaultError):
    status = 403
    type = "permission_error"
    default_code = "permission_denied"


class NotFound(VaultError):
    status = 404
    type = "invalid_request_error"
    default_code = "not_found"


class Conflict(VaultError):
    status = 409
    type = "invalid_request_error"
    default_code = "conflict"


class Gone(VaultError):
    status = 410
    type = "invalid_request_error"
    default_code = "erased"


class RateLimited(VaultError):
    status = 429
    type = "requests"
    default_code = "rate_limit_exceeded"

    def __init__(self, message: str, *, retry_after: float, code: str | None = None):
        super().__init__(message, code=code)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"retry-after": str(max(1, round(self.retry_after)))}


class IntegrityError(VaultError):
    """A sealed object did not open: tampered, truncated, or opened in the wrong context."""

    status = 500
    type = "internal_error"
    default_code = "integrity_error"

    def __init__(self, message: str = "sealed data failed its integrity check") -> None:
        super().__init__(message)


class UpstreamError(VaultError):
    """An error answer from the LLM upstream, passed back with its own status and body: `status`
    is the upstream's, set on the instance."""

    type = "upstream_error"
    default_code = "upstream_error"

    def __init__(
        self,
        message: str,
        *,
        status: int,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.body = body
        self._headers = headers or {}

    @property
    def upstream_status(self) -> int:
        """Deprecated alias of `status`."""
        return self.status

    def to_body(self) -> dict[str, Any]:
        if self.body is not None and isinstance(self.body.get("error"), dict):
            return self.body
        return super().to_body()

    def headers(self) -> dict[str, str]:
        return dict(self._headers)


class ServiceUnavailable(VaultError):
    status = 503
    type = "service_unavailable"
    default_code = "service_unavailable"


class KeyServiceUnavailable(ServiceUnavailable):
    default_code = "kms_unavailable"


class StoreUnavailable(ServiceUnavailable):
    """The object store cannot be read or written (down, denied, out of space)."""

    default_code = "storage_unavailable"


class DetectorUnavailable(ServiceUnavailable):
    default_code = "detector_unavailable"


class UpstreamUnavailable(ServiceUnavailable):
    default_code = "upstream_unavailable"
