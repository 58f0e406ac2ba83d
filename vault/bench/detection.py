"""Detection speed: the vault's detector beside vanilla Presidio, measured in the same run.

Every figure is CPU time of this process (`time.process_time`): the two detectors run in one
thread, so a busy shared machine stretches wall-clock time without changing what they cost."""

from __future__ import annotations

import csv
import json
import random
import tempfile
import time
from pathlib import Path

from vault.adapters.detection import PresidioDetector, build_detector
from vault.adapters.detection.baseline import build_baseline
from vault.bench import Row, percentile
from vault.bench.datasets import write_customers
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


def _interleaved(
    vault: Detector, base: Detector, prompts: list[str], *, warmup: int = 3
) -> tuple[list[float], list[float]]:
    """CPU seconds per prompt for each detector, the two timed back to back on every prompt."""
    for prompt in prompts[:warmup]:
        vault.detect(prompt)
        base.detect(prompt)
    v: list[float] = []
    b: list[float] = []
    for prompt in prompts:
        for detector, samples in ((vault, v), (base, b)):
            started = time.process_time()
            detector.detect(prompt)
            samples.append(time.process_time() - started)
    return v, b


def run() -> list[Row]:
    vault, base = build_detector(), build_baseline()
    text = _corpus_text()
    rows: list[Row] = []
    for label, size, repeat in (("200-char prompt", 200, 200), ("2 KB prompt", 2048, 40)):
        prompts = [_sized(text[i * 97 :], size) for i in range(repeat)]
        # Distinct prompts, so nothing benefits from seeing the same text twice; the two
        # detectors take turns on each, so a busy moment of the machine slows both alike.
        v, b = _interleaved(vault, base, prompts)
        for q in (50, 99):
            rows.append(
                Row("detection", f"{label} p{q}", percentile(v, q) * 1e3, percentile(b, q) * 1e3,
                    "ms", "<= 5 ms p50, >= 4x" if size == 200 and q == 50 else "")
            )  # fmt: skip
    # Throughput on a ~1 MB corpus of prompt-sized documents; the baseline, being several times
    # slower, gets a 128 KB sample so the whole section stays within a few minutes.
    docs = [_sized(text[i * 131 :], 1024) for i in range(1024)]
    started = time.process_time()
    vault.detect_many(docs)
    v_kbs = 1024 / (time.process_time() - started)
    sample = docs[:128]
    started = time.process_time()
    base.detect_many(sample)
    b_kbs = len(sample) / (time.process_time() - started)
    rows.append(Row("detection", "throughput 1 MB", v_kbs, b_kbs, "KB/s", ">= 20x baseline", True))
    rows.append(_cells(vault, base))
    rows.extend(_growth(vault))
    return rows


def _cells(vault: PresidioDetector, base: Detector) -> Row:
    """CPU per cell of the dataset bench's customer table: the vault in blocks of 512 cells
    (as an upload hands them over), Presidio cell by cell on the first 400."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "customers.csv"
        write_customers(path, 0.1)
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
    cells = [cell for row in csv.reader(lines) for cell in row]
    vault.detect_many(cells[:64])  # warm
    started = time.process_time()
    for at in range(0, len(cells), 512):
        vault.detect_many(cells[at : at + 512])
    v_ms = (time.process_time() - started) * 1e3 / len(cells)
    sample = cells[:400]
    started = time.process_time()
    for cell in sample:
        base.detect(cell)
    b_ms = (time.process_time() - started) * 1e3 / len(sample)
    return Row("detection", "dataset cell (block of 512)", v_ms, b_ms, "ms", "")


def _capitalised_words(size: int) -> str:
    """Capitalised words, names and places among them: what makes NER and the name rules work."""
    rng = random.Random(7)  # noqa: S311 -- reproducible bench text, not a secret
    words = ["Lorem", "Ipsum", "Dolor", "Amet", "Berlin", "Maria", "Street", "Vista", "Keller"]
    return " ".join(rng.choice(words) for _ in range(size // 5))[:size]


def _digits(size: int) -> str:
    """Digits with the separators numbers are written with: what the identifier rules read."""
    rng = random.Random(7)  # noqa: S311 -- reproducible bench text, not a secret
    return "".join(rng.choice("0123456789 -./") for _ in range(size))


def _growth(vault: Detector) -> list[Row]:
    """1 MB of each hostile text, and how its time grows from 128 KB: 1.0 is linear."""
    rows: list[Row] = []
    for label, make in (("capitalised words", _capitalised_words), ("digits", _digits)):
        seconds = {}
        for size, runs in ((128 * 1024, 3), (1024 * 1024, 1)):
            text = make(size)
            samples = []
            for _ in range(runs):
                started = time.process_time()
                vault.detect(text)
                samples.append(time.process_time() - started)
            seconds[size] = min(samples)  # the least disturbed run
        rows.append(
            Row("detection", f"1 MB of {label}", 1024 / seconds[1024 * 1024], None, "KB/s",
                "", True)
        )  # fmt: skip
        growth = seconds[1024 * 1024] / (8 * seconds[128 * 1024])
        rows.append(Row("detection", f"{label}: 1 MB / 8 x 128 KB", growth, None, "x", "< 1.5"))
    return rows
