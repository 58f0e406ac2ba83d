"""The evaluation service: overlap matching, label mapping, leaked characters, bad datasets."""

from __future__ import annotations

import pytest

from vault.domain.spans import Span
from vault.errors import InvalidRequest
from vault.services.evaluate import ANY_PII, run_eval, score_spans


class FixedDetector:
    def __init__(self, answers: dict[str, list[Span]]) -> None:
        self.answers = answers

    def detect(self, text: str) -> list[Span]:
        return self.answers.get(text, [])


def record(text: str, *spans: tuple[str, int, int]) -> dict[str, object]:
    return {
        "full_text": text,
        "spans": [{"entity_type": t, "start_position": s, "end_position": e} for t, s, e in spans],
    }


def test_overlap_matching_and_leaked_characters() -> None:
    text = "John Smith lives in Paris"
    gold = [Span(0, 10, "PERSON"), Span(20, 25, "LOCATION")]
    scores = score_spans(text, gold, [Span(0, 4, "PERSON"), Span(11, 16, "PERSON")])
    any_pii = scores[ANY_PII]
    assert (any_pii.gold, any_pii.found, any_pii.predicted, any_pii.correct) == (2, 1, 2, 1)
    assert any_pii.recall == 0.5
    assert any_pii.precision == 0.5
    # 9 name letters + 5 city letters; "Smith" and "Paris" are not covered.
    assert any_pii.leaked == pytest.approx(10 / 14)
    assert scores["LOCATION"].recall == 0.0


def test_type_agnostic_vs_per_type() -> None:
    text = "call 555-1234"
    scores = score_spans(text, [Span(5, 13, "PHONE_NUMBER")], [Span(5, 13, "US_SSN")])
    assert scores[ANY_PII].recall == 1.0
    assert scores["PHONE_NUMBER"].recall == 0.0
    assert scores["US_SSN"].precision == 0.0


def test_run_eval_maps_labels_and_excludes_organizations() -> None:
    data = [
        record("42 Elm St at Acme Corp", ("ADDRESS", 0, 9), ("ORGANIZATION", 13, 22)),
        record("visit http://x.io", ("DOMAIN_NAME", 6, 17)),
    ]
    detector = FixedDetector(
        {
            data[0]["full_text"]: [Span(0, 9, "LOCATION"), Span(13, 17, "LOCATION")],
            data[1]["full_text"]: [Span(6, 17, "URL")],
        }
    )
    report = run_eval(data, detector, baseline=FixedDetector({}))
    assert report.vault[ANY_PII].recall == 1.0
    assert report.vault[ANY_PII].precision == 1.0  # the span on "Acme" is neither right nor wrong
    assert report.vault["URL"].gold == 1
    assert report.organization_recall == {"vault": 1.0, "baseline": 0.0}
    assert report.baseline is not None
    assert report.baseline[ANY_PII].recall == 0.0
    table = report.render()
    assert "ANY PII" in table
    assert "base R" in table


def test_f2_weighs_recall() -> None:
    data = [record("a b", ("PERSON", 0, 1))]
    both = FixedDetector({"a b": [Span(0, 1, "PERSON"), Span(2, 3, "PERSON")]})
    score = run_eval(data, both, None).vault[ANY_PII]
    assert score.f2 == pytest.approx(5 * 0.5 * 1 / (4 * 0.5 + 1))


@pytest.mark.parametrize(
    "dataset",
    [
        {"full_text": "x"},
        [{"spans": []}],
        [record("abc", ("PERSON", 2, 9))],
        [record("abc", ("PERSON", 2, 2))],
        [{"full_text": "abc", "spans": [{"entity_type": "PERSON"}]}],
        [{"full_text": "abc", "spans": "nope"}],
    ],
)
def test_bad_datasets_are_rejected(dataset: object) -> None:
    with pytest.raises(InvalidRequest):
        run_eval(dataset, FixedDetector({}), None)  # type: ignore[arg-type]
