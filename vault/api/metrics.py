"""In-process Prometheus metrics. Labels are route templates and codes, never request content."""

from __future__ import annotations

import threading
from collections import Counter

__all__ = ["Metrics"]

_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Events that move with one request's text (a detection-cache hit says "this exact text was seen
# before"): shown only to a scraper holding the metrics token, never on a public /metrics.
_PRIVATE_EVENTS = frozenset({"detection_cache"})


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[tuple[str, str, int]] = Counter()
        self._latency: Counter[tuple[str, float]] = Counter()
        self._latency_sum: dict[str, float] = {}
        self._latency_count: Counter[str] = Counter()
        self.events: Counter[tuple[str, str]] = Counter()

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self._requests[(method, route, status)] += 1
            for bound in _BUCKETS:
                if seconds <= bound:
                    self._latency[(route, bound)] += 1
            self._latency_sum[route] = self._latency_sum.get(route, 0.0) + seconds
            self._latency_count[route] += 1

    def count(self, name: str, label: str, amount: int = 1) -> None:
        """Count a vault event, e.g. `count("entities_detected", "PERSON", 3)`."""
        with self._lock:
            self.events[(name, label)] += amount

    def render(self, *, private: bool = False) -> str:
        """Prometheus text; `private` adds the events that follow single requests' texts."""
        lines = ["# TYPE vault_http_requests_total counter"]
        with self._lock:
            for (method, route, status), n in sorted(self._requests.items()):
                lines.append(
                    f'vault_http_requests_total{{method="{method}",route="{route}",status="{status}"}} {n}'
                )
            lines.append("# TYPE vault_http_request_duration_seconds histogram")
            for route in sorted(self._latency_count):
                for bound in _BUCKETS:
                    n = self._latency[(route, bound)]
                    lines.append(
                        f'vault_http_request_duration_seconds_bucket{{route="{route}",le="{bound}"}} {n}'
                    )
                total = self._latency_count[route]
                lines.append(
                    f'vault_http_request_duration_seconds_bucket{{route="{route}",le="+Inf"}} {total}'
                )
                lines.append(
                    f'vault_http_request_duration_seconds_sum{{route="{route}"}} {self._latency_sum[route]:.6f}'
                )
                lines.append(
                    f'vault_http_request_duration_seconds_count{{route="{route}"}} {total}'
                )
            names = sorted(
                {name for name, _ in self.events if private or name not in _PRIVATE_EVENTS}
            )
            for name in names:
                lines.append(f"# TYPE vault_{name}_total counter")
                for (event, label), n in sorted(self.events.items()):
                    if event == name:
                        lines.append(f'vault_{name}_total{{type="{label}"}} {n}')
        return "\n".join(lines) + "\n"
