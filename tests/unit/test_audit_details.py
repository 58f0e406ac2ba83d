"""Audit details and times: the fast paths give what the plain rules give."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vault.domain.audit import AuditEvent, format_time, validate_details

_KEY = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_STRING = re.compile(r"[A-Za-z0-9_.:/-]{0,128}")
_FORBIDDEN = {"value", "values", "text", "texts", "token", "secret", "password", "plaintext"}
_FORBIDDEN |= {"content"}


def _key(key: object, *, over_count: bool) -> str:
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise ValueError("audit detail keys must be short identifiers")
    if not over_count and set(re.split(r"[_.:-]", key.lower())) & _FORBIDDEN:
        raise ValueError("audit detail key names a payload")
    return key


def _scalar(value: object) -> object:
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("audit detail is not a finite number")
        return value
    if isinstance(value, str) and _STRING.fullmatch(value):
        return value
    raise ValueError("audit detail must be an id, a number or a boolean")


def reference(details: Mapping[str, object]) -> dict[str, object]:
    """The rules `validate_details` states, written plainly (every check on every key)."""
    if not isinstance(details, Mapping) or len(details) > 64:
        raise ValueError("audit details")
    clean: dict[str, object] = {}
    for key, value in details.items():
        name = _key(key, over_count=False)
        if isinstance(value, Mapping):
            if len(value) > 64:
                raise ValueError("audit detail has too many keys")
            clean[name] = {
                _key(k, over_count=isinstance(v, bool | int | float)): _scalar(v)
                for k, v in value.items()
            }
        else:
            clean[name] = _scalar(value)
    return clean


class Level(enum.IntEnum):
    LOW = 1


KEYS = st.one_of(
    st.sampled_from(["model", "entities", "tokens", "usage", "restored", "text", "secret_value"]),
    st.sampled_from(["PERSON", "SECRET", "prompt_tokens", "", "a b", "x" * 65, "note:value"]),
    st.from_regex(r"[A-Za-z0-9_.:-]{1,8}", fullmatch=True),
    st.integers(0, 3),
)
SCALARS = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(Level.LOW),
    st.from_regex(r"[a-z0-9.:/ @-]{0,12}", fullmatch=True),
    st.none(),
    st.lists(st.integers(), max_size=2),
)
NESTED = st.dictionaries(KEYS, SCALARS, max_size=4)
DETAILS = st.dictionaries(
    KEYS,
    st.one_of(SCALARS, NESTED, NESTED.map(MappingProxyType), st.just({"deeper": {"x": 1}})),
    max_size=6,
)


def outcome(check: Any, details: Any) -> object:
    try:
        return check(details)
    except ValueError:
        return ValueError


@given(DETAILS)
def test_details_are_kept_or_refused_as_the_plain_rules_say(details: dict[Any, Any]) -> None:
    assert outcome(validate_details, details) == outcome(reference, details)


@given(DETAILS)
def test_an_event_holds_its_details_as_validated(details: dict[Any, Any]) -> None:
    expected = outcome(reference, details)
    try:
        event = AuditEvent(tenant="acme", actor="k", action="proxy.request", details=details)
    except ValueError:
        assert expected is ValueError
        return
    assert event.as_dict()["details"] == expected
    assert all(type(v) is dict for v in event.as_dict()["details"].values() if isinstance(v, dict))


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(-23 * 60, 23 * 60),
)
def test_times_are_written_as_strftime_writes_them(moment: datetime, minutes: int) -> None:
    aware = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    expected = aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert format_time(aware) == expected
