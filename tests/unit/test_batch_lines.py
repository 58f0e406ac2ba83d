"""A batch line is read as `json.loads` reads bytes (encoding found from the bytes, a BOM
dropped, NaN and Infinity refused); a custom_id repeated, or holding a lone surrogate (which
`json.loads` keeps), is refused naming the line."""

from __future__ import annotations

import json
from typing import Any

import pytest

from vault.errors import InvalidRequest
from vault.services.batches import _request_of

_BODY = '"method":"POST","url":"/v1/chat/completions","body":{"messages":[]}'


def _loads(raw: bytes) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(name)

    return json.loads(raw, parse_constant=refuse)


@pytest.mark.parametrize(
    "raw",
    [
        ('{"custom_id":"r-1",' + _BODY + "}").encode(),
        ('\ufeff{"custom_id":"r-1",' + _BODY + "}").encode(),  # a UTF-8 BOM
        ('{"custom_id":"r-1",' + _BODY + "}").encode("utf-16"),
        ('{"custom_id":"caf\u00e9 \u2603",' + _BODY + "}").encode(),
    ],
)
def test_a_line_is_read_as_json_loads_reads_it(raw: bytes):
    custom_id, body = _request_of(1, raw, set())
    line = _loads(raw)
    assert (custom_id, body) == (line["custom_id"], line["body"])


@pytest.mark.parametrize(
    "raw",
    [
        b'{"custom_id":"r-1","method":"POST","url":"/v1/chat/completions","body":NaN}',
        b'{"custom_id":"r-1",' + _BODY.encode() + b',"x":Infinity}',
        b'{"custom_id":"r-1\xff",' + _BODY.encode() + b"}",  # not UTF-8
        b"[1, 2",
    ],
)
def test_a_line_json_loads_refuses_is_a_400_naming_it(raw: bytes):
    with pytest.raises(ValueError):  # noqa: PT011 (json's errors and the hook's, all ValueError)
        _loads(raw)
    with pytest.raises(InvalidRequest) as refused:
        _request_of(7, raw, set())
    assert refused.value.message == "line 7 is not valid JSON"


def test_a_custom_id_repeated_is_refused_with_its_line():
    seen: set[int] = set()
    line = ('{"custom_id":"r-1",' + _BODY + "}").encode()
    _request_of(1, line, seen)
    _request_of(2, line.replace(b"r-1", b"r-2"), seen)
    with pytest.raises(InvalidRequest) as refused:
        _request_of(3, line, seen)
    assert refused.value.message == "line 3: custom_id repeats an earlier line's"


def test_a_custom_id_holding_a_lone_surrogate_is_refused_with_its_line():
    raw = b'{"custom_id":"r-\xed\xa0\x80",' + _BODY.encode() + b"}"  # CESU-8, read by loads
    assert _loads(raw)["custom_id"] == "r-\ud800"
    with pytest.raises(InvalidRequest) as refused:
        _request_of(4, raw, set())
    assert refused.value.message == "line 4: custom_id holds an unpaired surrogate"
