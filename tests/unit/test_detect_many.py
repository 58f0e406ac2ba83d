"""`detect_many` over a block of cells finds exactly what `detect` finds cell by cell."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vault.adapters.detection import PresidioDetector
from vault.adapters.detection._nlp import load_ner
from vault.bench.datasets import write_customers

_PROMPTS = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "prompts.json"

# Cells of the kinds a dataset holds, and the odd ones a block must not trip over.
_ODD_CELLS = [
    "",
    " ",
    "\t\n",
    "42",
    "2024-03-01",
    "pro",
    "CUST-00000042",
    "Mary Jackson",
    "MARY JACKSON",
    "mary jackson",
    "Mary Jackson",  # a repeated value, read once by the model
    "jane.doe@example.com",
    "+1 415-555-0134",
    "4111 1111 1111 1111",
    "Élodie Martin, Zürich",
    "Ⓐnna Kowalski",
    "Дмитрий Иванов",
    "Ana\x00Silva",
    "PERSON_4K7M2X9QDZ met Lena Vogt",
    "LENA VOGT VISITED KASTANIENALLEE 17 IN BERLIN",
    "Lena Vogt\nKastanienallee 17, 10435 Berlin",
    ("Called Tom Baker about invoice 48213. " * 80).strip(),  # longer than one NER chunk
]


def _dev_cells() -> list[str]:
    """The dev prompts cut into cells at line breaks and after each clause."""
    records = json.loads(_PROMPTS.read_text(encoding="utf-8"))
    return [
        cell
        for record in records
        for line in record["full_text"].split("\n")
        for cell in re.split(r"(?<=[,.;])\s+", line)
    ]


def _table_cells(tmp_path: Path) -> list[str]:
    """Every cell of the dataset bench's customer table, row after row."""
    path = tmp_path / "customers.csv"
    write_customers(path, 0.01)
    return [
        cell
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        for cell in line.split(",")
    ]


def test_a_block_of_dev_cells_finds_what_each_cell_finds(detector: PresidioDetector) -> None:
    cells = _dev_cells() + _ODD_CELLS
    one_by_one = [detector.detect(cell) for cell in cells]
    assert any(one_by_one), "the dev cells hold PII"
    assert detector.detect_many(cells) == one_by_one


def test_a_block_of_table_cells_finds_what_each_cell_finds(
    detector: PresidioDetector, tmp_path: Path
) -> None:
    cells = _table_cells(tmp_path)
    one_by_one = [detector.detect(cell) for cell in cells]
    assert {s.entity_type for spans in one_by_one for s in spans} >= {
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
    }
    assert detector.detect_many(cells) == one_by_one


_FRAGMENTS = st.sampled_from(
    [
        "Anna Novak",
        "anna novak",
        "ANNA NOVAK",
        "Berlin",
        "12 Oak Street",
        "anna@example.org",
        "+44 20 7946 0958",
        "the renewal",
        "Prefers email.",
        "CUST-00000042",
        "42",
        ",",
        "\n",
        "Dr Ahmed",
        "Ünal",
    ]
)


@given(st.lists(st.lists(_FRAGMENTS, max_size=6).map(" ".join), min_size=1, max_size=12))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_block_finds_what_each_of_its_cells_finds(
    detector: PresidioDetector, cells: list[str]
) -> None:
    assert detector.detect_many(cells) == [detector.detect(cell) for cell in cells]


class _CountingNlp:
    """The real pipeline, counting the texts the model is given."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self.seen: list[str] = []

    def __call__(self, text: str) -> Any:
        self.seen.append(text)
        return self._nlp(text)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        self.seen.extend(texts)
        return self._nlp.pipe(texts, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def test_the_model_reads_a_repeated_cell_once_and_skips_cells_without_a_capital() -> None:
    nlp = _CountingNlp(load_ner())
    detector = PresidioDetector(nlp)
    cell = "Ask Kasimir Oyelaran about Tbilisi"
    cells = [cell] * 5 + ["anna@example.org", "2024-03-01", "plan pro", "12345"]
    found = detector.detect_many(cells)
    assert [(s.entity_type, cell[s.start : s.end]) for s in found[0]] == [
        ("PERSON", "Kasimir Oyelaran"),
        ("LOCATION", "Tbilisi"),
    ]
    assert found[1:5] == [found[0]] * 4
    assert nlp.seen == [cell]
