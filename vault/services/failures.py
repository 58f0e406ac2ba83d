"""What the audit trail says of a request that failed: the error's code and status, the path of
the field at fault and the entity types refused — never the error's text, never a value."""

from __future__ import annotations

import re
from typing import Any

from vault.errors import PersonalDataInField, VaultError

__all__ = ["audit_path", "failure_details"]

_PATH_CHARACTERS = re.compile(r"[^A-Za-z0-9_.:/-]")


def audit_path(param: str) -> str:
    """A field's JSON path as the audit log may hold it (an id-like string)."""
    return _PATH_CHARACTERS.sub("", param)[:128]


def failure_details(exc: BaseException) -> dict[str, Any]:
    """The audit details of a request that ended in `exc`."""
    if not isinstance(exc, VaultError):
        return {"error": "internal_error", "status": 500}
    details: dict[str, Any] = {"error": exc.code, "status": exc.status}
    if exc.param:
        details["param"] = audit_path(exc.param)
    if isinstance(exc, PersonalDataInField):
        details["entities"] = dict.fromkeys(exc.entity_types, 1)
    return details
