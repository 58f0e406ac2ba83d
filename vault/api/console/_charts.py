"""The console's two charts as plain numbers for an SVG the template draws: no chart library,
nothing fetched, and a table beside each for screen readers and for copying."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vault.adapters.audit_search_sql import ActivityBucket
from vault.domain.audit import format_time

__all__ = ["activity_chart", "report_chart"]

_WIDTH, _HEIGHT, _PAD = 600, 160, 4
SERIES = (
    ("requests", "Requests", "#2f6fb2"),
    ("blocks", "Blocks", "#b3261e"),
    ("reidentifications", "Re-identifications", "#7a4fb0"),
)
# Colour-blind-safe categorical colours (Okabe-Ito), with a dark text colour beside each.
_PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999")


def activity_chart(buckets: Sequence[ActivityBucket]) -> dict[str, Any] | None:
    """Three polylines (requests, blocks, re-identifications per step) in a 600x160 box."""
    if not buckets:
        return None
    peak = max(max(b.requests, b.blocks, b.reidentifications) for b in buckets) or 1
    step = (_WIDTH - 2 * _PAD) / max(len(buckets) - 1, 1)

    def y(count: int) -> float:
        return round(_HEIGHT - _PAD - (count / peak) * (_HEIGHT - 2 * _PAD), 1)

    lines = []
    for key, label, colour in SERIES:
        points = " ".join(
            f"{round(_PAD + i * step, 1)},{y(getattr(b, key))}" for i, b in enumerate(buckets)
        )
        total = sum(getattr(b, key) for b in buckets)
        lines.append(
            {"key": key, "label": label, "colour": colour, "points": points, "total": total}
        )
    return {
        "width": _WIDTH,
        "height": _HEIGHT,
        "peak": peak,
        "lines": lines,
        "from": format_time(buckets[0].start),
        "to": format_time(buckets[-1].start),
        "rows": [
            {
                "start": format_time(b.start),
                "requests": b.requests,
                "blocks": b.blocks,
                "reidentifications": b.reidentifications,
            }
            for b in buckets
        ],
    }


def report_chart(report: Mapping[str, Any]) -> dict[str, Any] | None:
    """One stacked bar per column (or field) of a version's detection report, a segment per
    entity type, widths in percent of the busiest column. Counts only, never values."""
    entities: Mapping[str, Mapping[str, int]] = report.get("entities") or {}
    if not entities:
        return None
    types = sorted({t for counts in entities.values() for t in counts})
    colours = {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(types)}
    peak = max(sum(counts.values()) for counts in entities.values()) or 1
    bars = []
    for where in sorted(entities, key=lambda w: -sum(entities[w].values())):
        counts = entities[where]
        offset = 0.0
        segments = []
        for entity_type in types:
            count = int(counts.get(entity_type, 0))
            if not count:
                continue
            width = 100.0 * count / peak
            segments.append(
                {
                    "type": entity_type,
                    "count": count,
                    "x": round(offset, 2),
                    "width": round(width, 2),
                    "colour": colours[entity_type],
                }
            )
            offset += width
        bars.append({"where": where, "total": sum(counts.values()), "segments": segments})
    return {
        "bars": bars,
        "legend": [{"type": t, "colour": colours[t]} for t in types],
        "types": types,
        "table": [
            {"where": where, "counts": [int(entities[where].get(t, 0)) for t in types]}
            for where in sorted(entities)
        ],
    }
