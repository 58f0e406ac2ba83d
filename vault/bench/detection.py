"""Detection speed: the vault's detector beside vanilla Presidio, measured in the same run."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path

from vault.adapters.detection import build_detector
from vault.adapters.detection.baseline import build_baseline
from vault.bench import Row, percentile, time_calls
from vault.ports import Detector

__all__ = ["run"]

_PROMPTS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "eval" / "prompts.json"
_FALLBACK = (
    "Hi, I'm john smith from 42 Baker Street, London. Call +44 20 7946 0958 or mail "
    "john.smith@example.com; card 4111 1111 1111 1111 was charged twice for order 48213. "
)


def _corpus_text() -> str:
    if _PROMPTS.exists():
        records = json.loads(_PROMPTS.read_text(encoding="utf-8"))
        return "\n".join(r["full_text"] for r in records)
    return _FALLBACK * 20


def _sized(text: str, size: int) -> str:
    return (text * (size // max(1, len(text)) + 1))[:size]


def _cycling(detector: Detector, prompts: list[str]) -> Callable[[], object]:
    """A call that detects in the next prompt each time, round and round."""
    it = itertools.cycle(prompts)
    return lambda: detector.detect(next(it))


def run() -> list[Row]:
    vault, base = build_detector(), build_baseline()
    text = _corpus_text()
    rows: list[Row] = []
    for label, size, repeat in (("200-char prompt", 200, 200), ("2 KB prompt", 2048, 40)):
        prompts = [_sized(text[i * 97 :], size) for i in range(repeat)]
        # Cycle through distinct prompts so nothing benefits from seeing the same text twice.
        v = time_calls(_cycling(vault, prompts), repeat=repeat)
        b = time_calls(_cycling(base, prompts), repeat=repeat)
        for q in (50, 99):
            rows.append(
                Row("detection", f"{label} p{q}", percentile(v, q) * 1e3, percentile(b, q) * 1e3,
                    "ms", "<= 5 ms p50" if size == 200 and q == 50 else "")
            )  # fmt: skip
    # Throughput on a ~1 MB corpus of prompt-sized documents; the baseline, being several times
    # slower, gets a 128 KB sample so the whole section stays within a few minutes.
    docs = [_sized(text[i * 131 :], 1024) for i in range(1024)]
    started = time.perf_counter()
    vault.detect_many(docs)
    v_kbs = 1024 / (time.perf_counter() - started)
    sample = docs[:128]
    started = time.perf_counter()
    base.detect_many(sample)
    b_kbs = len(sample) / (time.perf_counter() - started)
    rows.append(Row("detection", "throughput 1 MB", v_kbs, b_kbs, "KB/s", ">= 5x baseline", True))
    return rows
