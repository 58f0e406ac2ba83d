"""The entity types the vault knows, and the pseudo-type that escapes token look-alikes."""

from __future__ import annotations

__all__ = ["ENTITY_TYPES", "LITERAL_TOKEN_TYPE"]

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "LOCATION",
    "ORGANIZATION",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "US_SSN",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "DATE_TIME",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "US_BANK_NUMBER",
    "CRYPTO",
    "SECRET",
    "MEDICAL_LICENSE",
    "US_ITIN",
    "NRP",
)

# Input text that already looks like one of our tokens is itself replaced by a token of this
# type, so anonymize → reidentify gives back exactly what came in.
LITERAL_TOKEN_TYPE = "VAULT_LITERAL"  # noqa: S105 - an entity type name, not a password
