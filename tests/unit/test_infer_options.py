"""The inference request's grammar: every option checked, each refusal naming its field."""

from __future__ import annotations

from typing import Any

import pytest

from vault.errors import InvalidRequest
from vault.services.infer import InferOptions, parse_options, parse_template

BASE = {"model": "llama-3.1-8b-instant", "template": "Classify: {notes}"}


def test_defaults_and_every_option():
    assert parse_options(BASE) == InferOptions(model=BASE["model"], template=BASE["template"])
    full = parse_options(
        {
            **BASE,
            "output_column": "category",
            "mode": "batch",
            "concurrency": 16,
            "max_rows": 10,
            "name": "  tickets classified ",
            "max_tokens": 64,
            "temperature": 0,
        }
    )
    assert (full.mode, full.concurrency, full.max_rows, full.name) == (
        "batch",
        16,
        10,
        "tickets classified",
    )
    assert full.temperature == 0.0 and full.max_tokens == 64


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"model": ""}, "model"),
        ({"model": "bad model id"}, "model"),
        ({"template": "  "}, "template"),
        ({"template": 3}, "template"),
        ({"output_column": ""}, "output_column"),
        ({"mode": "later"}, "mode"),
        ({"concurrency": 0}, "concurrency"),
        ({"concurrency": 33}, "concurrency"),
        ({"max_rows": 0}, "max_rows"),
        ({"max_rows": True}, "max_rows"),
        ({"max_rows": 1.5}, "max_rows"),
        ({"temperature": 3}, "temperature"),
        ({"output_dataset_id": "nope"}, "output_dataset_id"),
        ({"name": "x", "output_dataset_id": "ds_" + "0" * 32}, "name"),
        ({"stream": True}, "stream"),
    ],
)
def test_each_bad_option_is_refused_naming_it(extra: dict[str, Any], param: str):
    with pytest.raises(InvalidRequest) as caught:
        parse_options({**BASE, **extra})
    assert caught.value.param == param


def test_an_unknown_field_that_is_not_a_name_is_not_echoed():
    with pytest.raises(InvalidRequest) as caught:
        parse_options({**BASE, "maria@example.com": 1})
    assert "maria" not in caught.value.message and caught.value.param is None


def test_templates_name_fields_and_escape_braces():
    assert parse_template("Sort {a} by {b.c}, {{literal}}") == [
        ("Sort ", "a"),
        (" by ", "b.c"),
        (", {", None),
        ("literal}", None),
    ]
    for bad in ("no fields", "{}", "{a!r}", "{a:>10}", "{unclosed", "stray }"):
        with pytest.raises(InvalidRequest) as caught:
            parse_template(bad)
        assert caught.value.param == "template"
