"""Who is calling: a tenant and the roles its API key grants."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Principal", "Role"]


class Role(StrEnum):
    ADMIN = "admin"
    UPLOADER = "uploader"
    ANALYST = "analyst"
    REIDENTIFIER = "reidentifier"
    AUDITOR = "auditor"


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller. `key_id` is the public id of the API key, never its secret."""

    tenant: str
    roles: frozenset[Role]
    key_id: str
