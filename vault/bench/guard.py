"""The cost of "only tokens leave": normalization before detection and the outbound guard,
beside the detection they serve, on the same 1 KB prompts in the same run.

Each round takes a fresh 1 KB prompt and times detection (the vault's detector), the view that
detection reads (`vault.domain.normalize`: NFKC, escapes, look-alikes, base64 runs), and the
guard over the serialized request (fold, digit runs, this request's values and a tenant memory
of 5,000 values). The goal: the guard and the normalization together cost at most 15% of
detection. A second row does the same on prompts full of disguises (full-width digits,
zero-width characters, escapes), where the view has real work to do.
"""

from __future__ import annotations

import functools
import itertools
import json
import time
from collections.abc import Callable

from vault.adapters.detection import build_detector
from vault.bench import Row, percentile
from vault.bench.detection import _corpus_text, _sized
from vault.domain.normalize import encoded_runs, view_of
from vault.domain.policy import RequestPolicy
from vault.services.chat.guard import KnownValues, PayloadCheck
from vault.services.chat.request import walk_request

__all__ = ["run"]

_ROUNDS = 60
_DISGUISES = (
    "card ４１１１ １１１１ １１１１ １１１１, mail j\u043ehn&#46;smith%40example.com, "
    "phone 415\u200b555\u200b0100, name \\u004aohn; "
)


def _memory() -> KnownValues:
    """A tenant that has sent thousands of values before."""
    known = KnownValues()
    known.add({f"+44 20 7946 {n:04d}": "PHONE_NUMBER" for n in range(2_500)})
    known.add({f"customer{n}@example.org": "EMAIL_ADDRESS" for n in range(2_500)})
    return known


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _rows(label: str, prompts: list[str]) -> list[Row]:
    detector = build_detector()
    memory = _memory()
    policy = RequestPolicy()
    detect, own, walk = [], [], []
    for prompt in itertools.islice(itertools.cycle(prompts), _ROUNDS + 3):
        body = {
            "model": "llama-3.3-70b-versatile",
            "messages": [{"role": "user", "content": prompt}],
        }
        spans = detector.detect(prompt)  # warm, and the values this request would guard
        values = {prompt[s.start : s.end]: s.entity_type for s in spans}
        payload = json.dumps(body, ensure_ascii=False, separators=(",", ":"))

        def normalize_and_guard(
            prompt: str = prompt, payload: str = payload, values: dict[str, str] = values
        ) -> None:
            view_of(prompt)
            encoded_runs(prompt)
            check = PayloadCheck(payload)
            here = KnownValues()
            here.add(values)
            here.found_in(check)
            memory.found_in(check)
            memory.occurrences(prompt)

        copy = json.loads(json.dumps(body))
        detect.append(_timed(functools.partial(detector.detect, prompt)))
        own.append(_timed(normalize_and_guard))
        walk.append(_timed(functools.partial(walk_request, copy, policy)))
    detect, own, walk = detect[3:], own[3:], walk[3:]
    d, g = percentile(detect, 50) * 1e3, percentile(own, 50) * 1e3
    return [
        Row("guard", f"normalize + guard, {label} p50", g, d, "ms", "<= 15% of detection"),
        Row("guard", f"request walk, {label} p50", percentile(walk, 50) * 1e3, d, "ms"),
    ]


def run() -> list[Row]:
    text = _corpus_text()
    plain = [_sized(text[i * 97 :], 1024) for i in range(_ROUNDS)]
    disguised = [_sized(_DISGUISES + text[i * 97 :], 1024) for i in range(_ROUNDS)]
    return _rows("1 KB prompt", plain) + _rows("1 KB disguised prompt", disguised)
