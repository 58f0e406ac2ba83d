"""Vanilla Presidio (default recognizers, spaCy NLP engine on the same model): the baseline."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from vault.adapters.detection._nlp import MODEL_NAME
from vault.adapters.detection._offline import make_tldextract_offline
from vault.domain.spans import Span

__all__ = ["PresidioBaseline", "build_baseline"]


class PresidioBaseline:
    """`AnalyzerEngine().analyze(text, language="en")` as shipped; spans may overlap."""

    def __init__(self, engine: AnalyzerEngine) -> None:
        self._engine = engine
        self.version = f"presidio-{importlib.metadata.version('presidio-analyzer')}/vanilla"

    def detect(self, text: str) -> list[Span]:
        results = self._engine.analyze(text=text, language="en")
        return sorted(
            Span(r.start, r.end, r.entity_type, r.score) for r in results if r.end > r.start
        )

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.detect(text) for text in texts]


def build_baseline() -> PresidioBaseline:
    """Presidio's defaults on en_core_web_sm; only tldextract is kept offline, as for the vault."""
    make_tldextract_offline()
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": MODEL_NAME}])
    nlp_engine.load()
    return PresidioBaseline(AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"]))
