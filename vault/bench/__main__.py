"""Run every bench section and print one table; `python -m vault.bench [section ...]`."""

from __future__ import annotations

import importlib
import sys

from vault.bench import Row

# Each section is a module `vault.bench.<name>` with `run() -> list[Row]`.
SECTIONS = ["detection", "guard", "crypto", "datasets", "proxy", "batches", "console", "load"]


def _format(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"


def print_table(rows: list[Row]) -> None:
    header = ("section", "metric", "vault", "baseline", "unit", "vault/baseline", "goal")
    lines = [
        (
            r.section,
            r.metric,
            _format(r.vault),
            _format(r.baseline),
            r.unit,
            "-"
            if r.ratio is None
            else f"{r.ratio:.2f}x better"
            if r.ratio >= 1
            else f"{1 / r.ratio:.2f}x worse",
            r.goal,
        )
        for r in rows
    ]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *lines, strict=False)]
    for line in [header, tuple("-" * w for w in widths), *lines]:
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)))


def main(argv: list[str]) -> int:
    wanted = argv or SECTIONS
    rows: list[Row] = []
    for name in wanted:
        try:
            module = importlib.import_module(f"vault.bench.{name}")
        except ModuleNotFoundError:
            print(f"bench: section {name!r} not built yet", file=sys.stderr)
            continue
        print(f"bench: running {name} ...", file=sys.stderr, flush=True)
        rows.extend(module.run())
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
