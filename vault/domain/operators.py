"""Operators that turn a detected value into what leaves the vault, registered by name.

`tokenize` is the reversible one and lives in the anonymize service, which owns the keys and the
token store; the one-way operators here are pure functions of the value and a keyed digest.
"""

from __future__ import annotations

from collections.abc import Callable

from vault.domain.policy import EntityRule, Operator

__all__ = ["ONE_WAY_OPERATORS", "apply_one_way"]

# Small, obviously fictional pools: a surrogate must read naturally to an LLM and never collide
# with a real person's data in a way that could be mistaken for it.
_FIRST = ("Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Robin", "Avery")
_LAST = ("Smith", "Lee", "Garcia", "Brown", "Nguyen", "Khan", "Silva", "Novak", "Okafor", "Berg")
_CITIES = ("Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Oakridge")


def _surrogate(entity_type: str, value: str, digest: bytes) -> str:
    n = int.from_bytes(digest[:4], "big")
    match entity_type:
        case "PERSON":
            return f"{_FIRST[n % len(_FIRST)]} {_LAST[(n // 10) % len(_LAST)]}"
        case "EMAIL_ADDRESS":
            return f"user{n % 100000:05d}@example.com"
        case "PHONE_NUMBER":
            return f"+1-555-01{n % 100:02d}"
        case "LOCATION":
            return _CITIES[n % len(_CITIES)]
        case "CREDIT_CARD":
            return "4000 0000 0000 0002"
        case "IP_ADDRESS":
            return f"192.0.2.{n % 254 + 1}"
        case "URL":
            return f"https://example.com/{n % 100000}"
        case _:
            return f"<{entity_type}>"


def _mask(value: str, rule: EntityRule) -> str:
    keep = min(rule.mask_keep_last, len(value) // 2)
    masked = "".join("*" if ch.isalnum() else ch for ch in value[: len(value) - keep])
    return masked + value[len(value) - keep :]


_Operator = Callable[[str, str, bytes, EntityRule], str]

ONE_WAY_OPERATORS: dict[Operator, _Operator] = {
    Operator.REDACT: lambda entity_type, _value, _digest, _rule: f"<{entity_type}>",
    Operator.MASK: lambda _type, value, _digest, rule: _mask(value, rule),
    Operator.HASH: lambda entity_type, _value, digest, _rule: f"<{entity_type}:{digest[:6].hex()}>",
    Operator.SURROGATE: lambda entity_type, value, digest, _rule: _surrogate(
        entity_type, value, digest
    ),
    Operator.KEEP: lambda _type, value, _digest, _rule: value,
}


def apply_one_way(entity_type: str, value: str, *, digest: bytes, rule: EntityRule) -> str:
    """The replacement text for `value` under a one-way operator."""
    return ONE_WAY_OPERATORS[rule.operator](entity_type, value, digest, rule)
