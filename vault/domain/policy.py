"""Policies are validated data: what to detect and do with it, and who may do what.

Anonymization policies live in `policies/anonymization/<name>.yaml`, access policies in
`policies/access/<name>.yaml`. Both load into models with `extra="forbid"`, so a typo in a
policy file stops the vault at start-up instead of silently weakening it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vault.domain.principal import Role
from vault.errors import InvalidRequest

__all__ = [
    "ALL_ENTITIES",
    "DEFAULT_LOCALES",
    "AccessPolicy",
    "Action",
    "AnonymizationPolicy",
    "EntityRule",
    "Operator",
    "PolicyError",
    "RequestPolicy",
    "check_purpose",
]

ALL_ENTITIES = "ALL"
# Europe, the Americas, Africa's and Asia's most populous countries, and the English-speaking
# Asia-Pacific: a tenant that does not say whom it serves gets every country recognizer and
# phone region; a policy may narrow the list.
DEFAULT_LOCALES: tuple[str, ...] = (
    "en-US", "en-GB", "en-IE", "en-CA", "fr-CA", "en-AU", "en-NZ", "en-IN", "hi-IN", "en-SG",
    "en-ZA", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-BE", "fr-CH", "nl-NL", "nl-BE", "it-IT",
    "es-ES", "pt-PT", "pl-PL", "cs-CZ", "sk-SK", "hu-HU", "ro-RO", "bg-BG", "el-GR", "hr-HR",
    "sl-SI", "da-DK", "sv-SE", "nb-NO", "fi-FI", "et-EE", "lv-LV", "lt-LT", "uk-UA", "tr-TR",
    "is-IS", "fr-LU", "mt-MT", "sr-RS",
    "es-MX", "es-AR", "es-CO", "es-CL", "es-PE", "pt-BR", "es-UY", "es-EC", "es-VE", "es-BO",
    "es-PY", "es-CR", "es-PA", "es-GT", "es-DO",
    "ko-KR", "th-TH", "ja-JP", "zh-CN", "zh-TW", "zh-HK", "vi-VN", "id-ID", "ms-MY", "en-PH",
    "en-PK", "bn-BD", "he-IL", "ar-AE", "ar-SA", "ar-EG", "ar-MA",
    "en-NG", "en-KE", "en-GH", "en-UG", "en-TZ",
)  # fmt: skip
_LOCALE = re.compile(r"[a-z]{2,3}-[A-Z]{2}")


def check_purpose(purpose: str, allowed: Collection[str]) -> str:
    """`purpose` if it is one of `allowed` (the access policy's `purposes`), so the audit trail
    holds a closed vocabulary and never a caller's free text. Raises InvalidRequest naming the
    field and the accepted words, never the value given."""
    if purpose not in allowed:
        raise InvalidRequest(
            f"purpose must be one of the policy's purposes: {', '.join(sorted(allowed))}",
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
    # Data-subject requests: finding which tokens a value holds is apart from destroying them,
    # so an auditor can answer an access request without the power to erase. Erasure (and
    # marking a text not-PII) keeps its original name `dsr`, so older policy files still load
    # and keep their meaning; a role that may erase may find only if it is given `dsr.find`.
    DSR_FIND = "dsr.find"
    DSR_ERASE = "dsr"
    DSR = "dsr"  # the earlier name of DSR_ERASE, an alias
    KEYS_MANAGE = "keys.manage"
    WEBHOOK_MANAGE = "webhook.manage"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityRule(_Strict):
    operator: Operator = Operator.TOKENIZE
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    mask_keep_last: int = Field(default=4, ge=0, le=16)


@functools.cache  # one per operator; rules are frozen, so sharing is safe
def _default_rule(operator: Operator) -> EntityRule:
    return EntityRule(operator=operator)


class RequestPolicy(_Strict):
    """How the chat door treats what Groq's request grammar does not cover: an unknown field is
    tokenized like any free data or refused with a 400; image content passes or is refused."""

    unknown_fields: Literal["tokenize", "reject"] = "tokenize"
    images: Literal["allow", "reject"] = "allow"


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
    requests: RequestPolicy = Field(default_factory=RequestPolicy)
    # `scan`: PII a model writes itself is tokenized in answers for every caller; `restore`:
    # answers are only restored.
    answers: Literal["restore", "scan"] = "scan"
    # BCP 47 language-REGION tags; the regions choose country recognizers and phone formats.
    locales: list[str] = Field(default_factory=lambda: list(DEFAULT_LOCALES), min_length=1)

    @field_validator("locales")
    @classmethod
    def _locales_have_regions(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not _LOCALE.fullmatch(tag):
                raise ValueError(f"locale {tag!r} must be language-REGION, like en-GB")
        return value

    @property
    def regions(self) -> frozenset[str]:
        """The ISO 3166 regions of the policy's locales (en-GB -> GB)."""
        return frozenset(tag.rpartition("-")[2] for tag in self.locales)

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


_PURPOSE_WORD = re.compile(r"[a-z][a-z0-9_]{0,31}")


class AccessPolicy(_Strict):
    """Role → actions; which roles each role may confer on a key; the purposes a caller may
    state; and which entity types each role may see re-identified."""

    name: str
    roles: dict[Role, list[Action]]
    grants: dict[Role, list[Role]] = Field(default_factory=dict)
    purposes: list[str] = Field(min_length=1)
    reveal: dict[Role, list[str]] = Field(default_factory=dict)

    @field_validator("purposes")
    @classmethod
    def _purposes_are_words(cls, value: list[str]) -> list[str]:
        for word in value:
            if not _PURPOSE_WORD.fullmatch(word):
                raise ValueError(f"purpose {word!r} must be a lower-case word (a-z, 0-9, _)")
        return value

    def allows(self, roles: frozenset[Role], action: Action) -> bool:
        return any(action in self.roles.get(role, ()) for role in roles)

    def roles_allowing(self, action: Action) -> list[Role]:
        """The roles that grant `action`, in policy order (for messages a caller can act on)."""
        return [role for role, actions in self.roles.items() if action in actions]

    def grantable(self, roles: frozenset[Role]) -> frozenset[Role]:
        """The roles a key holding `roles` may put on a key: only roles it holds itself, and
        only those one of its roles is listed as granting."""
        granted = {given for role in roles for given in self.grants.get(role, ())}
        return frozenset(granted) & roles

    def answer_view(self, roles: frozenset[Role]) -> tuple[bool, frozenset[str] | None]:
        """Whether answers are re-identified for these roles, and which types (None: all).
        Without the right, nothing is revealed, but look-alikes the caller sent (its own tokens)
        still come back."""
        if not self.allows(roles, Action.REIDENTIFY):
            return False, frozenset()
        return True, self.revealable(roles)

    def revealable(self, roles: frozenset[Role]) -> frozenset[str] | None:
        """Entity types these roles may see in the clear; None means every type."""
        types: set[str] = set()
        for role in roles:
            granted = self.reveal.get(role, [])
            if ALL_ENTITIES in granted:
                return None
            types.update(granted)
        return frozenset(types)
