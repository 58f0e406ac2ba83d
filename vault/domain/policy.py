"""Policies are validated data: what to detect and do with it, and who may do what.

Anonymization policies live in `policies/anonymization/<name>.yaml`, access policies in
`policies/access/<name>.yaml`. Both load into models with `extra="forbid"`, so a typo in a
policy file stops the vault at start-up instead of silently weakening it.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vault.domain.principal import Role
from vault.errors import InvalidRequest

__all__ = [
    "ALL_ENTITIES",
    "AccessPolicy",
    "Action",
    "AnonymizationPolicy",
    "EntityRule",
    "Operator",
    "PolicyError",
    "check_purpose",
]

ALL_ENTITIES = "ALL"


_PURPOSE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._:/#()-]{0,127}")


def check_purpose(purpose: str) -> str:
    """A stated purpose fit for the audit trail: 1-128 plain characters (a ticket id, a reason
    code), so it can neither break a record nor smuggle much data into it."""
    purpose = purpose.strip()
    if not _PURPOSE.fullmatch(purpose):
        raise InvalidRequest(
            "purpose must be 1-128 characters of letters, digits, spaces and ._:/#()-",
            param="purpose",
        )
    return purpose


class PolicyError(ValueError):
    """A policy file is missing or invalid; the message names the file and the field."""


class Operator(StrEnum):
    TOKENIZE = "tokenize"
    SURROGATE = "surrogate"
    REDACT = "redact"
    MASK = "mask"
    HASH = "hash"
    KEEP = "keep"


class Action(StrEnum):
    SCAN = "scan"
    ANONYMIZE = "anonymize"
    REIDENTIFY = "reidentify"
    DATASET_WRITE = "dataset.write"
    DATASET_READ = "dataset.read"
    DATASET_REIDENTIFY = "dataset.reidentify"
    INFER = "infer"
    AUDIT_EXPORT = "audit.export"
    APIKEY_MANAGE = "apikey.manage"
    DSR = "dsr"
    KEYS_MANAGE = "keys.manage"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityRule(_Strict):
    operator: Operator = Operator.TOKENIZE
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    mask_keep_last: int = Field(default=4, ge=0, le=16)


@functools.cache  # one per operator; rules are frozen, so sharing is safe
def _default_rule(operator: Operator) -> EntityRule:
    return EntityRule(operator=operator)


class AnonymizationPolicy(_Strict):
    """Entity → operator, thresholds, allow and deny lists."""

    name: str
    description: str = ""
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    default_operator: Operator = Operator.TOKENIZE
    entities: dict[str, EntityRule] = Field(default_factory=dict)
    allow_list: list[str] = Field(default_factory=list)
    deny_list: dict[str, list[str]] = Field(default_factory=dict)
    full_outbound_rescan: bool = False

    @field_validator("entities", "deny_list")
    @classmethod
    def _upper_case_types(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            if key != key.upper():
                raise ValueError(f"entity type {key!r} must be upper case")
        return value

    def rule_for(self, entity_type: str) -> EntityRule:
        return self.entities.get(entity_type) or _default_rule(self.default_operator)

    def threshold_for(self, entity_type: str) -> float:
        rule = self.entities.get(entity_type)
        if rule is not None and rule.threshold is not None:
            return rule.threshold
        return self.score_threshold


class AccessPolicy(_Strict):
    """Role → actions, and which entity types each role may see re-identified."""

    name: str
    roles: dict[Role, list[Action]]
    reveal: dict[Role, list[str]] = Field(default_factory=dict)

    def allows(self, roles: frozenset[Role], action: Action) -> bool:
        return any(action in self.roles.get(role, ()) for role in roles)

    def revealable(self, roles: frozenset[Role]) -> frozenset[str] | None:
        """Entity types these roles may see in the clear; None means every type."""
        types: set[str] = set()
        for role in roles:
            granted = self.reveal.get(role, [])
            if ALL_ENTITIES in granted:
                return None
            types.update(granted)
        return frozenset(types)
