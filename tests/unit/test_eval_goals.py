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
