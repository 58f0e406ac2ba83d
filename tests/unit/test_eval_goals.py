"""The detection goals on the prompt-style set shipped with the tests (no timing here)."""

from __future__ import annotations

import json
from pathlib import Path

from vault.adapters.detection import build_detector
from vault.services.evaluate import ANY_PII, run_eval

PROMPTS = Path(__file__).parent.parent / "fixtures" / "eval" / "prompts.json"


def test_prompt_set_meets_recall_and_precision_goals() -> None:
    dataset = json.loads(PROMPTS.read_text(encoding="utf-8"))
    assert len(dataset) >= 150
    report = run_eval(dataset, build_detector(), baseline=None)
    overall = report.vault[ANY_PII]
    assert overall.recall >= 0.95, report.render()
    assert overall.precision >= 0.85, report.render()
    for entity in ("CREDIT_CARD", "IBAN_CODE", "SECRET"):
        assert report.vault[entity].recall >= 0.99, report.render()


DEV = Path(__file__).parent.parent / "fixtures" / "eval" / "dev" / "dev.json"
# Types whose value carries a check digit or a fixed issuer shape: a miss there is a bug.
CHECKED = ("AU_ABN", "AU_MEDICARE", "AU_TFN", "BR_CPF", "CA_SIN", "DE_TAX_ID", "ES_NIE", "ES_NIF",
           "FR_NIR", "IBAN_CODE", "KR_RRN", "NL_BSN", "PL_PESEL", "SE_PERSONNUMMER", "SG_NRIC_FIN")  # fmt: skip


def test_development_set_meets_the_goals() -> None:
    """The tuning set (tests/fixtures/eval/dev, generated): the goals hold on what was tuned
    on; this says nothing about unseen data, which only the held-out sets measure."""
    dataset = json.loads(DEV.read_text(encoding="utf-8"))
    assert len(dataset) >= 1000
    report = run_eval(dataset, build_detector(), baseline=None)
    overall = report.vault[ANY_PII]
    assert overall.recall >= 0.95, report.render()
    assert overall.precision >= 0.85, report.render()
    assert overall.leaked <= 0.03, report.render()
    for entity, score in report.vault.items():
        if score.gold:
            assert score.recall >= 0.90, (entity, report.render())
    for entity in CHECKED:
        assert report.vault[entity].recall >= 0.99, (entity, report.render())
    # Two of its 180 secrets are human passwords pasted with no word about them at all
    # ("here you go: Kiwi$1899x"): nothing tells them from any other word, so 0.98 here.
    assert report.vault["SECRET"].recall >= 0.98, report.render()
