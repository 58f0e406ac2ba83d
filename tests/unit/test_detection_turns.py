"""Detection takes turns: one thread of a process at a time, first come, first served, and a
long list of texts in parts, so a short prompt is never held behind a whole upload."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from vault.domain.policy import AnonymizationPolicy
from vault.domain.spans import Span
from vault.services.anonymize import Anonymizer, _parts
from vault.services.turns import Turns


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_turns_are_taken_in_the_order_asked() -> None:
    turns = Turns()
    order: list[str] = []

    def take(name: str) -> None:
        with turns.turn():
            order.append(name)

    with turns.turn():  # held while the others queue, one after another
        threads = []
        for position, name in enumerate("abcde", start=2):
            thread = threading.Thread(target=take, args=(name,))
            thread.start()
            _until(lambda position=position: turns.queued == position)  # type: ignore[misc]
            threads.append(thread)
        assert order == []
    for thread in threads:
        thread.join()
    assert order == list("abcde")
    assert turns.queued == 0


def test_a_turn_is_given_back_when_its_work_fails() -> None:
    turns = Turns()
    try:
        with turns.turn():
            raise ValueError("detector failed")
    except ValueError:
        pass
    with turns.turn():
        assert turns.queued == 1


class _Overlaps:
    """A detector that notes how many of its calls run at once."""

    version = "overlaps"

    def __init__(self) -> None:
        self.running = 0
        self.most = 0
        self.calls: list[int] = []
        self._lock = threading.Lock()

    def detect(self, text: str) -> list[Span]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: list[str]) -> list[list[Span]]:
        with self._lock:
            self.running += 1
            self.most = max(self.most, self.running)
            self.calls.append(sum(map(len, texts)))
        time.sleep(0.002)  # lets the GIL go, as the model's numpy steps do
        with self._lock:
            self.running -= 1
        return [[] for _ in texts]


def test_threads_of_one_process_never_detect_at_once() -> None:
    detector = _Overlaps()
    anonymizer = Anonymizer(
        detector=detector,
        token_store=None,  # type: ignore[arg-type]  # finding spans stores nothing
        tenant_keys=None,  # type: ignore[arg-type]
        policy=AnonymizationPolicy(name="test"),
    )
    threads = [
        threading.Thread(target=anonymizer.find_spans_many, args=([f"text {n}", "and more"],))
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(detector.calls) == 8
    assert detector.most == 1


def test_a_long_list_is_detected_in_parts_of_bounded_size() -> None:
    texts = ["x" * 300] * 250  # 75,000 characters
    parts = _parts(texts, 32_000)
    assert [sum(map(len, part)) for part in parts] == [31_800, 31_800, 11_400]
    assert [text for part in parts for text in part] == texts
    assert _parts(["y" * 50_000, "z"], 32_000) == [["y" * 50_000], ["z"]]
    assert _parts([], 32_000) == []
    assert _parts(["", ""], 32_000) == [["", ""]]
