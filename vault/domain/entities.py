"""The entity catalogue: every type the vault knows, where it applies, and the literal-token type.

`CATALOGUE` is the one list. The detector finds the types marked `detected`; the token grammar,
anonymization and dataset column policies accept every name in `ENTITY_TYPES`. A national
identifier names the region (ISO 3166 alpha-2) whose tenants need it, so a policy's `locales`
decide which country recognizers run.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CATALOGUE",
    "DETECTED_TYPES",
    "ENTITY_TYPES",
    "LITERAL_TOKEN_TYPE",
    "REGION_OF",
    "EntityType",
]


@dataclass(frozen=True, slots=True)
class EntityType:
    """One entity type: its name, the region it belongs to (None: everywhere), and whether the
    detector looks for it (ORGANIZATION and NRP are known to policies but not masked)."""

    name: str
    region: str | None = None
    detected: bool = True


def _everywhere(*names: str) -> tuple[EntityType, ...]:
    return tuple(EntityType(name) for name in names)


def _in(region: str, *names: str) -> tuple[EntityType, ...]:
    return tuple(EntityType(name, region) for name in names)


CATALOGUE: tuple[EntityType, ...] = (
    *_everywhere(
        "PERSON",
        "LOCATION",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "CREDIT_CARD",
        "IBAN_CODE",
        "IP_ADDRESS",
        "MAC_ADDRESS",
        "URL",
        "DATE_TIME",
        "AGE",
        "CRYPTO",
        "SECRET",
    ),
    EntityType("ORGANIZATION", detected=False),
    EntityType("NRP", detected=False),
    *_in(
        "US",
        "US_SSN",
        "US_ITIN",
        "US_PASSPORT",
        "US_DRIVER_LICENSE",
        "US_BANK_NUMBER",
        "ABA_ROUTING_NUMBER",
        "US_NPI",
        "US_MBI",
        "MEDICAL_LICENSE",
    ),
    *_in("GB", "UK_NHS", "UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE"),
    *_in("ES", "ES_NIF", "ES_NIE", "ES_PASSPORT"),
    *_in("IT", "IT_FISCAL_CODE", "IT_VAT_CODE", "IT_DRIVER_LICENSE", "IT_IDENTITY_CARD"),
    *_in("IN", "IN_AADHAAR", "IN_PAN", "IN_VOTER", "IN_PASSPORT", "IN_GSTIN"),
    *_in("PL", "PL_PESEL"),
    *_in("SG", "SG_NRIC_FIN", "SG_UEN"),
    *_in("AU", "AU_TFN", "AU_ABN", "AU_ACN", "AU_MEDICARE"),
    *_in("FI", "FI_PERSONAL_IDENTITY_CODE"),
    *_in("KR", "KR_RRN", "KR_FRN"),
    *_in("CA", "CA_SIN"),
    *_in("SE", "SE_PERSONNUMMER"),
    *_in("DE", "DE_TAX_ID", "DE_SOCIAL_SECURITY", "DE_ID_CARD", "DE_PASSPORT"),
    *_in("TR", "TR_NATIONAL_ID"),
    *_in("TH", "TH_TNIN"),
    *_in("ZA", "ZA_ID_NUMBER"),
    *_in("NG", "NG_NIN"),
    *_in("BR", "BR_CPF"),
    *_in("FR", "FR_NIR"),
    *_in("NL", "NL_BSN"),
)

ENTITY_TYPES: tuple[str, ...] = tuple(e.name for e in CATALOGUE)
DETECTED_TYPES: frozenset[str] = frozenset(e.name for e in CATALOGUE if e.detected)
REGION_OF: dict[str, str] = {e.name: e.region for e in CATALOGUE if e.region is not None}

# Input text that already looks like one of our tokens is itself replaced by a token of this
# type, so anonymize → reidentify gives back exactly what came in.
LITERAL_TOKEN_TYPE = "VAULT_LITERAL"  # noqa: S105 - an entity type name, not a password
