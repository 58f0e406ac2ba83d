"""`vault eval --by-locale`: ANY PII per record locale, beside the baseline, and leaked chars."""

from __future__ import annotations

from vault.domain.spans import Span
from vault.services.evaluate import ANY_PII, run_eval


class FixedDetector:
    def __init__(self, answers: dict[str, list[Span]]) -> None:
        self.answers = answers

    def detect(self, text: str) -> list[Span]:
        return self.answers.get(text, [])


def _record(text: str, locale: str | None, *, nested: bool = False) -> dict[str, object]:
    out: dict[str, object] = {
        "full_text": text,
        "spans": [{"entity_type": "PERSON", "start_position": 0, "end_position": 4}],
    }
    if locale and nested:
        out["metadata"] = {"locale": locale}
    elif locale:
        out["locale"] = locale
    return out


def test_by_locale_scores_each_locale_beside_the_baseline() -> None:
    data = [
        _record("Anna went home", "de-DE"),
        _record("Olga went home", "pl-PL", nested=True),
        _record("Juan went home", "pl-PL"),
        _record("Mark went home", None),
    ]
    vault = FixedDetector(
        {"Anna went home": [Span(0, 4, "PERSON")], "Juan went home": [Span(0, 2, "PERSON")]}
    )
    report = run_eval(data, vault, FixedDetector({}), by_locale=True)
    texts, de, base_de = report.by_locale["de-DE"]
    assert (texts, de.recall, de.leaked) == (1, 1.0, 0.0)
    assert base_de is not None and base_de.recall == 0.0
    texts, pl, _ = report.by_locale["pl-PL"]
    assert texts == 2 and pl.recall == 0.5 and pl.leaked_chars == 6  # "Olga" and "an" of Juan
    assert report.vault[ANY_PII].gold == 4  # the record without a locale still counts overall
    table = report.render()
    assert "de-DE (1)" in table and "pl-PL (2)" in table and "chars" in table


def test_without_by_locale_no_locale_rows() -> None:
    report = run_eval([_record("Anna went home", "de-DE")], FixedDetector({}), None)
    assert report.by_locale == {}
    assert "de-DE" not in report.render()
