"""One detector for the whole run of the unit tests (it loads the spaCy model)."""

from __future__ import annotations

import pytest

from vault.adapters.detection import PresidioDetector, build_detector


@pytest.fixture(scope="session")
def detector() -> PresidioDetector:
    return build_detector()
